"""Benchmark: where the time of `eventwire extract` goes, stage by stage, per article.

Runs the stages of `Pipeline.run` one after another on FA-KES dev articles (or the same joined
into ~600-word pieces) and prints milliseconds per article for each, and each stage's time as a
ratio to spaCy's (nlp.pipe, the pipeline as eventwire loads it). Times are CPU time of this
process (time.process_time), which other jobs on a shared machine disturb less than wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections import defaultdict
from pathlib import Path

import orjson

from eventwire.errors import InputError
from eventwire.models import Document, RawInput
from eventwire.pipeline import Pipeline
from eventwire.read import read_jsonl
from eventwire.settings import Settings
from throughput import FAKES, fakes_corpus, long_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fakes", type=Path, default=FAKES, help="FA-KES dev jsonl")
    parser.add_argument("--limit", type=int, default=100, help="first N FA-KES articles")
    parser.add_argument("--long", type=int, default=0, help="use N ~600-word articles instead")
    args = parser.parse_args()
    corpus = fakes_corpus(args.fakes, args.limit)
    if args.long:
        corpus = long_corpus(corpus, 600, args.long)
    settings = Settings(progress=False)
    pipeline = Pipeline(settings, "extract")
    list(pipeline.run(read_jsonl(corpus.lines[:2], "warm-up")))
    pipeline = Pipeline(settings, "extract")
    from eventwire.resolve.dates import find_dates

    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, start: float) -> float:
        now = time.process_time()
        spent[stage] += now - start
        return now

    t = time.process_time()
    raws = [r for r in read_jsonl(corpus.lines, "bench") if isinstance(r, RawInput)]
    t = timed("read (jsonl)", t)
    cleaned: list[Document] = []
    for raw in raws:
        with contextlib.suppress(InputError):
            cleaned.append(pipeline.clean_raw(raw))
    t = timed("clean", t)
    documents = [pipeline.mark_duplicate(d) for d in cleaned]
    t = timed("near-duplicates", t)
    todo = pipeline.to_analyse(documents)
    spacy_docs = list(pipeline.nlp.pipe([d.text for d in todo], batch_size=settings.batch_size))
    t = timed("spaCy nlp.pipe", t)
    for document, doc in zip(todo, spacy_docs, strict=True):
        places = pipeline.geoparser.find_places(document.text, doc)
        t = timed("places", t)
        dates = find_dates(document.text, document.published)
        t = timed("dates", t)
        events = pipeline.extractor.extract(document, doc, places, dates)
        t = timed("events", t)
        done = Document(**{**_fields(document), "events": tuple(events), "places": tuple(places)})
        orjson.dumps(done.to_record(events=True, places=True))
        t = timed("JSON record", t)
    n = max(1, len(todo))
    words = sum(len(d.text.split()) for d in todo)
    nlp_s = spent["spaCy nlp.pipe"]
    print(f"{corpus.name}: {len(todo)} articles analysed, {words / n:.0f} words each\n")
    print("| stage | CPU ms per article | ratio to spaCy |")
    print("| --- | --- | --- |")
    for stage, seconds in spent.items():
        print(f"| {stage} | {1000 * seconds / n:.1f} | {seconds / nlp_s:.2f} |")
    total = sum(spent.values())
    print(f"| all | {1000 * total / n:.1f} | {total / nlp_s:.2f} |")
    print(f"\nspaCy share of the total: {nlp_s / total:.2f}")


def _fields(document: Document) -> dict[str, object]:
    return {name: getattr(document, name) for name in Document.__slots__}


if __name__ == "__main__":
    main()
