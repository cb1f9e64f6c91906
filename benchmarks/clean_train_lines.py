"""Train the plain-text line classifier on the dev pages rendered to text.

Writes src/eventwire/clean/line_weights.json: two stacked models, each the mean of a few
boosted-tree models fitted with different seeds. Pages are split by a hash of their id: a
third are held out and never seen by training (benchmarks/clean_text.py scores both splits
apart), unless `--all-pages` trains on every dev page; the file records which
(`trained_on`). The estimate for a model trained on all pages is the all-pages
cross-validation, `clean_cv_steps.py --all-pages`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from clean_gbdt import Boosting, Model, fit, predict
from clean_render import render_page
from clean_scoring import REPO, Page, load_pages, prf, shingles, tp_fp_fn
from clean_synth import page_title, scrape
from eventwire.clean.linemodel import STAGE_TWO, stage_two_rows
from eventwire.clean.lines import page_features, split_lines
from eventwire.clean.text import body_mask

OUT = REPO / "src" / "eventwire" / "clean" / "line_weights.json"
_TOKEN = re.compile(r"\w+")
# The learner's options for the shipped trees (the command line's defaults).
SHIPPED = replace(
    Boosting(), trees=120, depth=4, rate=0.1, min_hessian=2.0, members=3, colsample=0.8, seed=7
)


def is_test(page_id: str) -> bool:
    """The held-out split: a third of the pages, fixed by their ids."""
    return int(page_id[:2], 16) % 3 == 0


def labels(lines: list[str], body: str) -> list[int]:
    """1 for a line that is part of the true body, by shingles (long) or whole-line match."""
    truth = set(shingles(body))
    body_lines = {" ".join(_TOKEN.findall(line)) for line in body.splitlines()}
    out = []
    for line in lines:
        tokens = _TOKEN.findall(line)
        if len(tokens) >= 4:
            own = list(shingles(line))
            out.append(int(sum(s in truth for s in own) >= 0.5 * len(own)))
        else:
            out.append(int(bool(tokens) and " ".join(tokens) in body_lines))
    return out


Page3 = tuple[list[list[float]], list[int], list[str]]


def arrays(chunk: list[Page3], first: Model | None = None) -> tuple[np.ndarray, ...]:
    """Rows, labels and weights (longer lines weigh more) of some pages."""
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for rows, ys_page, lines in chunk:
        if first is not None:
            rows = stage_two_rows(rows, predict(first, np.array(rows)).tolist())
        xs.extend(rows)
        ys.extend(ys_page)
        ws.extend(float(np.sqrt(1 + len(_TOKEN.findall(line)))) for line in lines)
    return np.array(xs), np.array(ys, dtype=float), np.array(ws)


def _resplit(lines: list[str], ys: list[int]) -> tuple[list[str], list[int]]:
    """Lines as split_lines() would give them (wrapped lines rejoined), labels kept aligned."""
    out_lines: list[str] = []
    out_ys: list[int] = []
    for line, y in zip(lines, ys, strict=True):
        for piece in split_lines(line):
            if out_lines and split_lines(out_lines[-1] + "\n" + piece) != [out_lines[-1], piece]:
                out_lines[-1] = f"{out_lines[-1]} {piece}"
                out_ys[-1] = max(out_ys[-1], y)
            else:
                out_lines.append(piece)
                out_ys.append(y)
    return out_lines, out_ys


def train(data: list[Page3], opts: Boosting) -> tuple[Model, Model]:
    """Stage one on all pages; stage two on stage-one scores made out of fold."""
    stage1 = fit(*arrays(data), opts)
    folds = [data[0::2], data[1::2]]
    parts = [arrays(folds[k], fit(*arrays(folds[1 - k]), opts)) for k in (0, 1)]
    x2, y2, w2 = (np.concatenate([part[i] for part in parts]) for i in range(3))
    return stage1, fit(x2, y2, w2, opts)


def probabilities(models: tuple[Model, Model], rows: list[list[float]]) -> np.ndarray:
    stage1, stage2 = models
    second = stage_two_rows(rows, predict(stage1, np.array(rows)).tolist())
    return 1.0 / (1.0 + np.exp(-predict(stage2, np.array(second))))


def cross_validate(
    data: list[Page3], bodies: list[str], pages: int, opts: Boosting, fill_gaps: bool, seeds: int
) -> None:
    """Three-fold cross-validation on the training split, by page: F1 by threshold.

    Item i of `data` is page i % pages (rendered, then its synthetic scrapes): a page's
    scrapes stay in its fold, and only the rendered pages are scored. Repeated with `seeds`
    seeds of the learner, the table gives the mean and the range over them: one fit moves
    by a point or two with its seed, so a change smaller than the range is not measured.
    """
    from clean_text import SHORT, lost_sentences  # imported here: clean_text imports us

    thresholds = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
    runs: list[dict[float, tuple[float, float, float, int, int]]] = []
    for seed in range(opts.seed, opts.seed + seeds):
        counts: dict[float, list[tuple[float, float, float]]] = {t: [] for t in thresholds}
        lost: dict[float, list[tuple[int, int]]] = {t: [] for t in thresholds}
        for k in range(3):
            inside = [d for i, d in enumerate(data) if (i % pages) % 3 != k]
            models = train(inside, replace(opts, seed=seed))
            for i, (rows, _, lines) in enumerate(data[:pages]):
                if i % 3 != k:
                    continue
                probs = probabilities(models, rows)
                for t in thresholds:
                    # With fill_gaps, as clean_text_page keeps lines: gaps filled, recall guards.
                    mask = (
                        body_mask(lines, probs.tolist(), t)
                        if fill_gaps
                        else [p >= t for p in probs]
                    )
                    kept = "\n".join(line for line, k in zip(lines, mask, strict=True) if k)
                    counts[t].append(tp_fp_fn(bodies[i], kept))
                    if len(bodies[i].split()) <= SHORT:
                        lost[t].append(lost_sentences(bodies[i], kept))
        runs.append(
            {
                t: (
                    *prf(counts[t]),
                    sum(x for x, _ in lost[t]),
                    sum(n for _, n in lost[t]),
                )
                for t in thresholds
            }
        )
        best = max(thresholds, key=lambda t: runs[-1][t][2])
        print(
            f"seed {seed}: F1 at 0.2 {runs[-1][0.2][2]:.3f}, best {runs[-1][best][2]:.3f} at {best}"
        )
    print(f"\n3-fold CV on the training split (rendered pages scored), {seeds} seed(s)\n")
    print("| threshold | precision | recall | F1 mean | F1 range | short: lost / sentences |")
    print("| --- | --- | --- | --- | --- | --- |")
    for t in thresholds:
        p, r, f = (float(np.mean([run[t][m] for run in runs])) for m in range(3))
        low, high = min(run[t][2] for run in runs), max(run[t][2] for run in runs)
        missed = "/".join(str(run[t][3]) for run in runs) + f" / {runs[0][t][4]}"
        print(f"| {t} | {p:.3f} | {r:.3f} | {f:.3f} | {low:.3f}–{high:.3f} | {missed} |")


def training_data(synthetic: int, all_pages: bool = False) -> tuple[list[Page3], list[str], int]:
    """Feature rows, labels and lines of the training pages (with `all_pages`, of every dev
    page, the held-out third too) rendered to text, then of `synthetic` synthetic scrapes of
    each; the true bodies alike; how many are rendered."""
    pages: list[Page] = [p for p in load_pages() if all_pages or not is_test(p.id)]
    data: list[Page3] = []
    bodies: list[str] = []
    for page in pages:
        lines = split_lines(render_page(page.html))
        if lines:
            data.append((page_features(lines), labels(lines, page.body), lines))
            bodies.append(page.body)
    pages = [p for p in pages if split_lines(render_page(p.html))]  # aligned with data
    rendered = len(data)
    # Synthetic scrapes of the same training pages, in the shape the issue describes.
    rng = random.Random(11)
    titles = [t for t in (page_title(p) for p in pages) if t]
    for _ in range(synthetic):
        for page in pages:
            lines, ys = scrape(page, titles, rng)
            lines, ys = _resplit(lines, ys)
            data.append((page_features(lines), ys, lines))
            bodies.append(page.body)
    return data, bodies, rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trees", type=int, default=SHIPPED.trees, help="trees per model")
    parser.add_argument("--depth", type=int, default=SHIPPED.depth, help="depth of each tree")
    parser.add_argument("--rate", type=float, default=SHIPPED.rate, help="learning rate")
    parser.add_argument(
        "--min-hessian", type=float, default=SHIPPED.min_hessian, help="least weight in a leaf"
    )
    parser.add_argument(
        "--members", type=int, default=SHIPPED.members, help="models averaged per stage"
    )
    parser.add_argument(
        "--colsample", type=float, default=SHIPPED.colsample, help="share of features per tree"
    )
    parser.add_argument("--seed", type=int, default=SHIPPED.seed, help="seed of the learner")
    parser.add_argument("--cv", action="store_true", help="cross-validate on the training split")
    parser.add_argument("--seeds", type=int, default=1, help="CV repeated with this many seeds")
    parser.add_argument(
        "--synthetic", type=int, default=1, help="synthetic scrapes added per training page"
    )
    parser.add_argument(
        "--fill-gaps",
        action="store_true",
        help="CV with clean_text_page's recall guards (gaps, span, lead-ins)",
    )
    parser.add_argument(
        "--all-pages",
        action="store_true",
        help="train (or cross-validate) on every dev page, the held-out third too",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where the trees are written")
    parser.add_argument("--dry-run", action="store_true", help="fit and report, write nothing")
    args = parser.parse_args()
    opts = replace(
        SHIPPED,
        trees=args.trees,
        depth=args.depth,
        rate=args.rate,
        min_hessian=args.min_hessian,
        members=args.members,
        colsample=args.colsample,
        seed=args.seed,
    )
    data, bodies, rendered = training_data(args.synthetic, args.all_pages)
    if args.cv:
        cross_validate(data, bodies, rendered, opts, args.fill_gaps, args.seeds)
        return
    models = train(data, opts)
    _, y, _ = arrays(data)
    probs = np.concatenate([probabilities(models, rows) for rows, _, _ in data])
    accuracy = ((probs > 0.5) == (y > 0.5)).mean()
    print(
        f"{len(data)} training pages, {len(y)} lines, {int(y.sum())} body; accuracy {accuracy:.3f}"
    )
    if not args.dry_run:
        write(*models, out=args.out, all_pages=args.all_pages)
        print(f"wrote {args.out}")


def write(stage1: Model, stage2: Model, out: Path = OUT, all_pages: bool = False) -> None:
    """The two models as JSON: nodes are [feature, threshold, left, right, value], -1 a leaf."""

    def trees(model: Model) -> list[list[list[float]]]:
        return [
            [
                [f, float(f"{t:.6g}"), left, right, float(f"{v:.6g}")]
                for f, t, left, right, v in tree
            ]
            for tree in model[1]
        ]

    data = {
        "note": "line classifier trees written by benchmarks/clean_train_lines.py: do not edit",
        "trained_on": "all dev pages" if all_pages else "training split",
        "features": list(STAGE_TWO),
        "stage1": {"base": float(f"{stage1[0]:.6g}"), "trees": trees(stage1)},
        "stage2": {"base": float(f"{stage2[0]:.6g}"), "trees": trees(stage2)},
    }
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
