"""Benchmark: the trainer's cross-validation of body_mask, with each fold's models cached.

`clean_train_lines.py --cv --fill-gaps --seeds 1 --seed S` refits both stages in every fold
(half an hour for three seeds on a shared machine). This gives the same numbers at the
shipped threshold, to the digit, but keeps each seed's out-of-fold probabilities on disk:
a change to `body_mask` (text.py) is then scored in seconds, and a change to the stage-two
inputs (`linemodel.stage_two_rows`) refits stage two only, on the cached stage-one scores.
The cache is keyed by the source of the modules each part depends on, so a changed line
feature (lines.py, furniture.py) refits everything.

Two scorings of the same probabilities: `body_mask` (the lines it keeps, as the trainer
scores them) and `page` (the body `clean_text_page` gives: date lines of the page head
dropped, the headline taken out of the body as the title), which is what ships.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import pickle
from dataclasses import replace
from pathlib import Path

import numpy as np

from clean_gbdt import fit, predict
from clean_render import render_page
from clean_scoring import load_pages, prf, tp_fp_fn
from clean_train_lines import SHIPPED, Page3, arrays, is_test, training_data
from eventwire.clean import furniture, linemodel, lines, text
from eventwire.clean.linemodel import stage_two_rows

CACHE = Path.home() / ".cache" / "eventwire" / "clean_cv"

# logits[k]: stage-one logits of the scored pages of fold k (from the model fitted on the
# other folds) and of each page inside (from the half of the inside it was not fitted on).
Logits = dict[int, dict[int, list[float]]]


def _key(*modules: object, extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for module in modules:
        digest.update(inspect.getsource(module).encode())  # type: ignore[arg-type]
    return digest.hexdigest()[:16]


def _cached(folder: Path, name: str, make):  # type: ignore[no-untyped-def]
    path = folder / f"{name}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())  # our own cache, written below
    value = make()
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def _stage_one(data: list[Page3], pages: int, seed: int) -> tuple[Logits, Logits]:
    """Per fold, the scored pages' logits and the inside pages' out-of-half logits, as
    clean_train_lines.train() computes them."""
    opts = replace(SHIPPED, seed=seed)
    scored: Logits = {}
    inner: Logits = {}
    for k in range(3):
        inside = [i for i in range(len(data)) if (i % pages) % 3 != k]
        full = fit(*arrays([data[i] for i in inside]), opts)
        scored[k] = {
            i: predict(full, np.array(data[i][0])).tolist() for i in range(pages) if i % 3 == k
        }
        halves = [inside[0::2], inside[1::2]]
        inner[k] = {}
        for h in (0, 1):
            model = fit(*arrays([data[i] for i in halves[1 - h]]), opts)
            for i in halves[h]:
                inner[k][i] = predict(model, np.array(data[i][0])).tolist()
    return scored, inner


def _stage_two(
    data: list[Page3], pages: int, seed: int, logits: tuple[Logits, Logits]
) -> dict[int, list[float]]:
    """Out-of-fold body probabilities of the rendered pages, stage two refitted per fold."""
    opts = replace(SHIPPED, seed=seed)
    scored, inner = logits
    probs: dict[int, list[float]] = {}
    for k in range(3):
        inside = [i for i in range(len(data)) if (i % pages) % 3 != k]
        order = inside[0::2] + inside[1::2]  # as train() concatenates its two halves
        rows = [stage_two_rows(data[i][0], inner[k][i]) for i in order]
        x = np.array([row for page in rows for row in page])
        _, y, w = arrays([data[i] for i in order])
        second = fit(x, y, w, opts)
        for i, first in scored[k].items():
            z = predict(second, np.array(stage_two_rows(data[i][0], first)))
            probs[i] = (1.0 / (1.0 + np.exp(-z))).tolist()
    return probs


def _score(pages: int, bodies: list[str], kept: list[str]) -> tuple[float, float, float, int, int]:
    """Macro precision, recall, F1 of the kept texts; short-article sentences lost, in all."""
    from clean_text import SHORT, lost_sentences  # imported here: clean_text imports the trainer

    counts, lost, total = [], 0, 0
    for i in range(pages):
        counts.append(tp_fp_fn(bodies[i], kept[i]))
        if len(bodies[i].split()) <= SHORT:
            missing, sentences = lost_sentences(bodies[i], kept[i])
            lost, total = lost + missing, total + sentences
    return (*prf(counts), lost, total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 8, 9], help="learner seeds")
    parser.add_argument("--threshold", type=float, default=text.THRESHOLD, help="body_mask's")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where fitted scores are kept")
    parser.add_argument(
        "--pages", type=Path, help="write each page's F1 by scoring and seed here (JSON)"
    )
    parser.add_argument(
        "--all-pages",
        action="store_true",
        help="cross-validate over every dev page, the held-out third too (each page is then "
        "scored by models fitted on the other two thirds of all pages)",
    )
    args = parser.parse_args()

    data, bodies, pages = training_data(1, args.all_pages)
    # The rendered pages' URLs, in training_data's order (pages with no line skipped).
    urls = [
        p.url
        for p in load_pages()
        if (args.all_pages or not is_test(p.id)) and lines.split_lines(render_page(p.html))
    ]
    features = _key(lines, furniture, extra=repr(SHIPPED) + ("all" if args.all_pages else ""))
    # Two scorings of the same out-of-fold probabilities: body_mask's kept lines (what the
    # trainer's --cv --fill-gaps scores), and the body clean_text_page gives (page_mask and
    # page_parts: date lines of the page head dropped, the headline taken out as the title),
    # the latter also given the page's URL (whose slug may name the headline).
    names = ("body_mask", "page", "page + URL")
    results: dict[str, list[tuple[float, float, float, int, int]]] = {n: [] for n in names}
    by_page: dict[str, dict[int, list[float]]] = {n: {} for n in names}
    for seed in args.seeds:
        first = _cached(
            args.cache, f"one-{features}-{seed}", lambda s=seed: _stage_one(data, pages, s)
        )
        probs = _cached(
            args.cache,
            f"two-{_key(linemodel, extra=features)}-{seed}",
            lambda s=seed, f=first: _stage_two(data, pages, s, f),
        )
        masked, whole, with_url = [], [], []
        for i in range(pages):
            page_lines = data[i][2]
            mask = text.body_mask(page_lines, probs[i], args.threshold)
            masked.append("\n".join(x for x, k in zip(page_lines, mask, strict=True) if k))
            keep = text.page_mask(page_lines, probs[i], args.threshold)
            whole.append("\n".join(text.page_parts(page_lines, keep).body))
            with_url.append("\n".join(text.page_parts(page_lines, keep, urls[i]).body))
        for name, kept in zip(names, (masked, whole, with_url), strict=True):
            results[name].append(_score(pages, bodies, kept))
            by_page[name][seed] = [prf([tp_fp_fn(bodies[i], kept[i])])[2] for i in range(pages)]
    print("| scored | seed | precision | recall | F1 | short: lost / sentences |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, runs in results.items():
        for seed, (p, r, f, lost, total) in zip(args.seeds, runs, strict=True):
            print(f"| {name} | {seed} | {p:.4f} | {r:.4f} | {f:.4f} | {lost} / {total} |")
        p, r, f = (float(np.mean([run[m] for run in runs])) for m in range(3))
        lost_text = "/".join(str(run[3]) for run in runs)
        print(f"| {name} | mean | {p:.4f} | {r:.4f} | {f:.4f} | {lost_text} |")
    if args.pages:
        args.pages.write_text(json.dumps(by_page), encoding="utf-8")


if __name__ == "__main__":
    main()
