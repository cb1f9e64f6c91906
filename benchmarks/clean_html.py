"""Benchmark: article body of HTML pages, eventwire clean vs trafilatura alone (shingle P/R/F1)."""

from __future__ import annotations

import argparse
import time

import trafilatura

from clean_scoring import Page, load_pages, prf, tp_fp_fn
from eventwire.clean import clean_document
from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings


def ours(page: Page, settings: Settings) -> str:
    raw = RawInput(origin=page.id, kind="html", content=page.html, url=page.url)
    try:
        return clean_document(raw, settings).text
    except InputError:
        return ""


def trafilatura_alone(page: Page, settings: Settings) -> str:
    return trafilatura.extract(page.html, url=page.url) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages by F1")
    args = parser.parse_args()
    pages = load_pages()
    if args.limit:
        pages = pages[: args.limit]
    settings = Settings()
    print(f"{len(pages)} pages from ../shared/data/boilerplate/dev\n")
    print("| extractor | precision | recall | F1 | pages/s |")
    print("| --- | --- | --- | --- | --- |")
    per_page: dict[str, list[float]] = {}
    ours(pages[0], settings)  # load the language model before the clock starts
    for name, run in (("trafilatura alone", trafilatura_alone), ("eventwire clean", ours)):
        start = time.perf_counter()
        outputs = [run(page, settings) for page in pages]
        rate = len(pages) / (time.perf_counter() - start)
        counts = [tp_fp_fn(page.body, out) for page, out in zip(pages, outputs, strict=True)]
        p, r, f = prf(counts)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {rate:.1f} |")
        per_page[name] = [prf([c])[2] for c in counts]
    if args.worst:
        ranked = sorted(zip(per_page["eventwire clean"], pages, strict=True), key=lambda x: x[0])
        print("\n| page | F1 ours | F1 trafilatura |")
        print("| --- | --- | --- |")
        for f1, page in ranked[: args.worst]:
            other = per_page["trafilatura alone"][pages.index(page)]
            print(f"| {page.id[:12]} | {f1:.3f} | {other:.3f} |")


if __name__ == "__main__":
    main()
