"""Benchmark: end-to-end extract throughput against bare spaCy on the same texts, memory, start-up.

Corpora: the FA-KES dev articles (../shared/data/events/fakes_dev.jsonl) and the same articles
joined and cut to ~600-word pieces. "bare spaCy" is `nlp.pipe` over the clean texts the pipeline
feeds it, with the same loaded components: the practical limit of one core. "end-to-end" is
read + clean + NLP + places + dates + events + the JSON record `eventwire extract` prints.
Timings are the best of --repeat runs (the machine may be shared: see the load average line).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from eventwire.errors import InputError
from eventwire.models import Document
from eventwire.pipeline import Pipeline
from eventwire.read import read_jsonl
from eventwire.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("EVENTWIRE_SHARED_DATA", REPO.parent / "shared" / "data"))
FAKES = SHARED_DATA / "events" / "fakes_dev.jsonl"
SHORT_DOC = REPO / "demo" / "aleppo_page.txt"


@dataclass(frozen=True)
class Corpus:
    name: str
    lines: list[bytes]  # jsonl records, as `eventwire extract` reads them


def fakes_corpus(path: Path, limit: int) -> Corpus:
    lines = [line for line in path.read_bytes().splitlines() if line.strip()]
    return Corpus("FA-KES dev", lines[:limit] if limit else lines)


def long_corpus(fakes: Corpus, words: int, count: int) -> Corpus:
    """FA-KES texts joined in order and cut into pieces of `words` words (whole sentences)."""
    pieces: list[bytes] = []
    current: list[str] = []
    for line in fakes.lines:
        for sentence in orjson.loads(line)["text"].split(". "):
            current.append(sentence.strip())
            if sum(len(s.split()) for s in current) >= words:
                record = {"id": f"long-{len(pieces)}", "text": ". ".join(current) + "."}
                pieces.append(orjson.dumps(record))
                current = []
                if len(pieces) == count:
                    return Corpus(f"{words}-word articles", pieces)
    return Corpus(f"{words}-word articles", pieces)


def end_to_end(settings: Settings, lines: list[bytes]) -> tuple[float, list[Document], int]:
    """Seconds for the whole `extract` path (records serialised as the CLI does)."""
    pipeline = Pipeline(settings, "extract")
    list(pipeline.run(read_jsonl(lines[:2], "warm-up")))  # load every stage first
    pipeline = Pipeline(settings, "extract")  # a fresh near-duplicate index, loaded stages
    documents: list[Document] = []
    errors = 0
    start = time.perf_counter()
    for outcome in pipeline.run(read_jsonl(lines, "bench")):
        if isinstance(outcome, InputError):
            errors += 1
            continue
        orjson.dumps(outcome.to_record(events=True, places=True))
        documents.append(outcome)
    return time.perf_counter() - start, documents, errors


def bare_spacy(settings: Settings, texts: list[str]) -> float:
    """Seconds for nlp.pipe alone over the same texts with the same components."""
    from eventwire.nlp import load_language

    nlp = load_language(settings)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - start


def parallel(settings: Settings, lines: list[bytes]) -> tuple[float, float]:
    """(seconds to the first outcome, seconds in all) with worker processes, start-up included."""
    start = time.perf_counter()
    first = 0.0
    for _ in Pipeline(settings, "extract").run(read_jsonl(lines, "bench")):
        first = first or time.perf_counter() - start
    return first, time.perf_counter() - start


def best(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(max(1, repeat)))


def startup(command: list[str], stdin: bytes, repeat: int) -> float:
    """Median seconds from launching `command` to its first line on stdout, after one untimed
    launch, with bytecode caching on (as for an installed package) whatever this shell says."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for run in range(max(1, repeat) + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdin and proc.stdout
        proc.stdin.write(stdin)
        proc.stdin.close()
        proc.stdout.readline()
        if run:
            times.append(time.perf_counter() - start)
        proc.wait()
    return statistics.median(times)


def maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def report_corpus(corpus: Corpus, settings: Settings, args: argparse.Namespace) -> None:
    seconds, documents, errors = end_to_end(settings, corpus.lines)
    if args.repeat > 1:
        seconds = min(seconds, best(args.repeat - 1, lambda: end_to_end(settings, corpus.lines)[0]))
    analysed = [d for d in documents if not d.duplicate_of and d.language == "en"]
    texts = [d.text for d in analysed]
    words = sum(len(t.split()) for t in texts)
    bare = best(args.repeat, lambda: bare_spacy(settings, texts))
    n = len(corpus.lines)
    events = sum(len(d.events) for d in documents)
    print(f"\n### {corpus.name}: {n} articles ({len(texts)} analysed, {errors} errors, ")
    print(f"{words / max(1, len(texts)):.0f} words each on average, {events} events)\n")
    print("| run | articles/s | words/s | ratio to bare spaCy |")
    print("| --- | --- | --- | --- |")
    print(f"| bare spaCy nlp.pipe | {len(texts) / bare:.1f} | {words / bare:,.0f} | 1.00 |")
    print(
        f"| eventwire extract, 1 process | {n / seconds:.1f} | {words / seconds:,.0f} | "
        f"{bare / seconds:.2f} |"
    )
    for count in args.workers:
        first, total = parallel(settings.replace(workers=count), corpus.lines)
        print(
            f"| eventwire extract, {count} workers (start-up {first:.1f} s included) | "
            f"{n / total:.1f} | {words / total:,.0f} | {bare / total:.2f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fakes", type=Path, default=FAKES, help="FA-KES dev jsonl")
    parser.add_argument("--limit", type=int, default=0, help="only the first N FA-KES articles")
    parser.add_argument("--long", type=int, default=60, help="number of 600-word articles")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timed runs")
    parser.add_argument(
        "--workers",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[],
        help="also time these worker counts, e.g. 2 or 1,2 (processes, start-up included)",
    )
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timing")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up timing")
    args = parser.parse_args()
    if not args.fakes.is_file():
        sys.exit(f"FA-KES dev data not found at {args.fakes}")
    settings = Settings(progress=False, batch_size=args.batch_size)
    load = os.getloadavg()
    print(f"cpus {os.cpu_count()}, load average {load[0]:.2f} {load[1]:.2f} (shared machine)")
    print(f"spaCy pipeline {settings.spacy_model}, batch size {settings.batch_size}")
    if not args.startup_only:
        fakes = fakes_corpus(args.fakes, args.limit)
        for corpus in (fakes, long_corpus(fakes, 600, args.long)):
            if corpus.lines:
                report_corpus(corpus, settings, args)
        peak = maxrss_mb(resource.RUSAGE_SELF)
        print(f"\npeak memory, this process (1-process runs, all records kept): {peak:.0f} MB")
    if args.workers:
        print(f"peak memory, largest worker: {maxrss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    if not args.no_startup:
        cli = str(Path(sys.executable).with_name("eventwire"))
        doc = SHORT_DOC.read_bytes()
        help_s = startup([cli, "--help"], b"", 3)
        first = startup([cli, "extract", "--published", "2024-11-30", "-"], doc, 3)
        print(f"start-up: `eventwire --help` {help_s:.2f} s; `eventwire extract` on one short ")
        print(f"document to its record on stdout {first:.2f} s (median of 3)")


if __name__ == "__main__":
    main()
