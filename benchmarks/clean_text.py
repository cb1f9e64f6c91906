"""Benchmark: plain-text scrapes (dev pages rendered whole to text), body kept vs true body.

When the shipped line trees were trained on every dev page (`clean_train_lines.py
--all-pages`, recorded in line_weights.json), the held-out split is training data too and
its numbers are in-sample: the estimate is then `clean_cv_steps.py --all-pages`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time

from clean_render import render_page
from clean_scoring import Page, load_pages, prf, shingles, tp_fp_fn
from clean_synth import page_title, scrape
from clean_train_lines import is_test
from eventwire.clean import clean_document
from eventwire.clean.furniture import strip_furniture
from eventwire.clean.linemodel import WEIGHTS
from eventwire.clean.lines import split_lines
from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings

SHORT = 400  # words: articles up to this long are "short" for the lost-sentence check
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def ours(text: str, settings: Settings) -> str:
    try:
        return clean_document(RawInput(origin="page", kind="text", content=text), settings).text
    except InputError:
        return ""


def lost_sentences(body: str, kept: str) -> tuple[int, int]:
    """True-body sentences (of 6+ words) whose shingles are mostly missing from the output."""
    have = shingles(kept)
    total = lost = 0
    for paragraph in body.splitlines():
        for sentence in _SENTENCE.split(paragraph):
            own = shingles(sentence)
            if len(re.findall(r"\w+", sentence)) < 6:
                continue
            total += 1
            lost += sum(1 for s in own if s in have) < 0.5 * len(own)
    return lost, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst held-out pages")
    args = parser.parse_args()
    settings = Settings()
    pages = load_pages()
    texts = {p.id: render_page(p.html) for p in pages}
    held_out = [p for p in pages if is_test(p.id)]
    rng = random.Random(5)
    titles = [t for t in (page_title(p) for p in held_out) if t]
    synthetic = {p.id: "\n".join(scrape(p, titles, rng)[0]) for p in held_out}
    systems = {
        "whole page (no cleaning)": lambda t: t,
        "furniture rules only": lambda t: "\n".join(strip_furniture(split_lines(t))),
        "eventwire clean (line classifier)": lambda t: ours(t, settings),
    }
    if json.loads(WEIGHTS.read_text(encoding="utf-8")).get("trained_on") == "all dev pages":
        print(
            f"{len(pages)} pages rendered to text; the line trees were trained on all of them:"
            " both splits are training data (in-sample), the estimate is"
            " clean_cv_steps.py --all-pages\n"
        )
    else:
        print(
            f"{len(pages)} pages rendered to text; held-out split: the pages training never saw\n"
        )
    print(
        "| system | split | pages | precision | recall | F1 | short: lost / sentences"
        " | pages/CPU-s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    worst: list[tuple[float, Page]] = []
    ours(texts[pages[0].id], settings)  # load the language model before the clock starts
    for name, run in systems.items():
        start = time.process_time()  # CPU time: the machine is shared, wall time is noise
        outputs = {p.id: run(texts[p.id]) for p in pages}
        rate = len(pages) / max(time.process_time() - start, 1e-9)
        for split, chosen in (
            ("held-out", [p for p in pages if is_test(p.id)]),
            ("train", [p for p in pages if not is_test(p.id)]),
        ):
            counts = [tp_fp_fn(p.body, outputs[p.id]) for p in chosen]
            pr, rc, f1 = prf(counts)
            short = [p for p in chosen if len(p.body.split()) <= SHORT]
            lost = [lost_sentences(p.body, outputs[p.id]) for p in short]
            lost_text = (
                f"{sum(x for x, _ in lost)} / {sum(t for _, t in lost)} ({len(short)} pages)"
            )
            cells = [name, split, len(chosen), f"{pr:.3f}", f"{rc:.3f}", f"{f1:.3f}", lost_text]
            speed = "–" if name.startswith("whole page") else f"{rate:.1f}"
            print("| " + " | ".join(map(str, cells)) + f" | {speed} |")
            if name.startswith("eventwire") and split == "held-out":
                worst = sorted(
                    ((prf([c])[2], p) for c, p in zip(counts, chosen, strict=True)),
                    key=lambda t: t[0],
                )
    print("\nSynthetic scrapes of the held-out pages (section, headline, byline, body, link lists,")
    print("promos, contact lines; benchmarks/clean_synth.py):\n")
    print("| system | pages | precision | recall | F1 | short: lost / sentences |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, run in systems.items():
        outputs = {p.id: run(synthetic[p.id]) for p in held_out}
        pr, rc, f1 = prf([tp_fp_fn(p.body, outputs[p.id]) for p in held_out])
        short = [p for p in held_out if len(p.body.split()) <= SHORT]
        lost = [lost_sentences(p.body, outputs[p.id]) for p in short]
        lost_text = f"{sum(x for x, _ in lost)} / {sum(t for _, t in lost)} ({len(short)} pages)"
        print(f"| {name} | {len(held_out)} | {pr:.3f} | {rc:.3f} | {f1:.3f} | {lost_text} |")
    if args.worst:
        print("\n| held-out page | F1 |\n| --- | --- |")
        for f1, page in worst[: args.worst]:
            print(f"| {page.id[:12]} | {f1:.3f} |")


if __name__ == "__main__":
    main()
