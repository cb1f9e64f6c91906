"""Benchmark: end-to-end extract throughput against bare spaCy on the same texts, memory, start-up.

Corpora: the FA-KES dev articles (../shared/data/events/fakes_dev.jsonl) and the same articles
joined and cut to ~600-word pieces. "bare spaCy" is the stock pipeline, `spacy.load(name)` with
all its default components, `nlp.pipe` over the clean texts the pipeline feeds it: what one core
does with spaCy alone. "eventwire's spaCy" is the pipeline as eventwire loads it (lemmatizer off,
tags and parse only for sentences with an event trigger: eventwire.nlp.focus), alone. "extract"
is read + clean + NLP + places + dates + events + the JSON record `eventwire extract` prints.
Rates are per CPU-second of this process (and its workers), which other jobs on a shared machine
disturb less than wall-clock time; timings are the best of --repeat runs, interleaved.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds and CPU seconds (this process and its finished children)."""

    wall: float
    cpu: float


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def stop(self) -> Timing:
        return Timing(time.perf_counter() - self.wall, _cpu() - self.cpu)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def end_to_end(settings: Settings, lines: list[bytes]) -> tuple[Timing, list[Document], int]:
    """The whole `extract` path (records serialised as the CLI does), stages loaded first."""
    pipeline = Pipeline(settings, "extract")
    list(pipeline.run(read_jsonl(lines[:2], "warm-up")))  # load every stage first
    pipeline = Pipeline(settings, "extract")  # a fresh near-duplicate index, loaded stages
    documents: list[Document] = []
    errors = 0
    clock = Clock()
    for outcome in pipeline.run(read_jsonl(lines, "bench")):
        if isinstance(outcome, InputError):
            errors += 1
            continue
        orjson.dumps(outcome.to_record(events=True, places=True))
        documents.append(outcome)
    return clock.stop(), documents, errors


@functools.cache
def stock_pipeline(name: str) -> Any:
    """The spaCy pipeline as packaged: every default component on."""
    import spacy

    nlp = spacy.load(name)
    nlp.max_length = 2_000_000
    return nlp


def bare_spacy(settings: Settings, texts: list[str], stock: bool = True) -> Timing:
    """nlp.pipe alone over the same texts: the stock pipeline, or eventwire's."""
    from eventwire.nlp import load_language

    nlp = stock_pipeline(settings.spacy_model) if stock else load_language(settings)
    for _ in nlp.pipe(texts[:4], batch_size=settings.batch_size):  # first-call costs
        pass
    clock = Clock()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return clock.stop()


class Descendants:
    """CPU seconds and peak memory of this process's descendants, sampled from /proc: workers
    forked by a forkserver are not our children, so getrusage(RUSAGE_CHILDREN) misses them.
    The last sample is at most `period` seconds before a worker exits."""

    def __init__(self, period: float = 0.1) -> None:
        self.period = period
        self.cpu: dict[int, float] = {}
        self.peak_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Descendants:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            self._sample()

    def _sample(self) -> None:
        children: dict[int, list[int]] = {}
        ticks: dict[int, float] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
            ticks[int(entry)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        todo = list(children.get(os.getpid(), []))
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            self.cpu[pid] = ticks.get(pid, self.cpu.get(pid, 0.0))
            self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), _vm_hwm_kb(pid))


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def parallel(settings: Settings, lines: list[bytes]) -> tuple[float, Timing, float]:
    """(seconds to the first outcome, timing in all, largest worker's peak MB) with worker
    processes, their start-up included."""
    first = 0.0
    with Descendants() as workers:
        start, own = time.perf_counter(), time.process_time()
        for _ in Pipeline(settings, "extract").run(read_jsonl(lines, "bench")):
            first = first or time.perf_counter() - start
        wall, cpu = time.perf_counter() - start, time.process_time() - own
    peak_mb = max(workers.peak_kb.values(), default=0) / 1024
    return first, Timing(wall, cpu + sum(workers.cpu.values())), peak_mb


def fastest(timings: list[Timing]) -> Timing:
    return Timing(min(t.wall for t in timings), min(t.cpu for t in timings))


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


def extract_peak_mb(path: Path) -> tuple[float, float]:
    """(peak resident MB, CPU seconds) of `eventwire extract PATH > /dev/null`, one process.
    The peak is the child's VmHWM, sampled (ru_maxrss of a child started by posix_spawn can be
    the parent's)."""
    cli = str(Path(sys.executable).with_name("eventwire"))
    env = {**os.environ, "EVENTWIRE_WORKERS": "1", "EVENTWIRE_PROGRESS": "0"}
    with Descendants() as child:
        proc = subprocess.Popen(
            [cli, "extract", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _pid, _status, usage = os.wait4(proc.pid, 0)
    return max(child.peak_kb.values(), default=0) / 1024, usage.ru_utime + usage.ru_stime


def report_corpus(corpus: Corpus, settings: Settings, args: argparse.Namespace) -> None:
    ours: list[Timing] = []
    bare: list[Timing] = []
    model: list[Timing] = []
    for _ in range(max(1, args.repeat)):  # interleaved, so all see the same machine load
        timing, documents, errors = end_to_end(settings, corpus.lines)
        ours.append(timing)
        analysed = [d for d in documents if not d.duplicate_of and d.language == "en"]
        texts = [d.text for d in analysed]
        bare.append(bare_spacy(settings, texts))
        model.append(bare_spacy(settings, texts, stock=False))
    e2e, limit, own = fastest(ours), fastest(bare), fastest(model)
    words = sum(len(t.split()) for t in texts)
    n = len(corpus.lines)
    events = sum(len(d.events) for d in documents)
    print(f"\n### {corpus.name}: {n} articles ({len(texts)} analysed, {errors} errors, ")
    print(f"{words / max(1, len(texts)):.0f} words each on average, {events} events)\n")
    print(
        "| run | articles/s (wall) | articles per CPU-s | words per CPU-s "
        "| ratio to bare spaCy (CPU) | ratio (wall) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    k = len(texts)
    print(
        f"| bare spaCy nlp.pipe (stock pipeline) | {k / limit.wall:.1f} | {k / limit.cpu:.1f} | "
        f"{words / limit.cpu:,.0f} | 1.00 | 1.00 |"
    )
    print(
        f"| eventwire's spaCy pipeline alone | {k / own.wall:.1f} | {k / own.cpu:.1f} | "
        f"{words / own.cpu:,.0f} | {limit.cpu / own.cpu:.2f} | {limit.wall / own.wall:.2f} |"
    )
    print(
        f"| eventwire extract, 1 process | {n / e2e.wall:.1f} | {n / e2e.cpu:.1f} | "
        f"{words / e2e.cpu:,.0f} | {limit.cpu / e2e.cpu:.2f} | {limit.wall / e2e.wall:.2f} |"
    )
    for count in args.workers:
        first, total, peak = parallel(settings.replace(workers=count), corpus.lines)
        print(
            f"| eventwire extract --workers {count}: all (first record after {first:.1f} s; "
            f"largest process {peak:.0f} MB) | {n / total.wall:.1f} | {n / total.cpu:.1f} "
            f"| {words / total.cpu:,.0f} | {limit.cpu / total.cpu:.2f} "
            f"| {limit.wall / total.wall:.2f} |"
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
        help="also time --workers N for these N, e.g. 2 or 2,4 (processes; 1 is the in-process "
        "path again, from cold stages)",
    )
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timing")
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the peak memory of a one-process extract"
    )
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
        corpora = [fakes, long_corpus(fakes, 600, args.long)] if args.long else [fakes]
        for corpus in corpora:
            if corpus.lines:
                report_corpus(corpus, settings, args)
        peak = maxrss_mb(resource.RUSAGE_SELF)
        print(f"\npeak memory, this process (both pipelines, all records kept): {peak:.0f} MB")
    if not args.startup_only and not args.no_memory:
        peak, cpu = extract_peak_mb(args.fakes)
        print(f"`eventwire extract {args.fakes.name}`, one process: peak {peak:.0f} MB, ")
        print(f"{cpu:.1f} CPU-s in all (start-up included)")
    if not args.no_startup:
        cli = str(Path(sys.executable).with_name("eventwire"))
        doc = SHORT_DOC.read_bytes()
        help_s = startup([cli, "--help"], b"", 3)
        first = startup([cli, "extract", "--published", "2024-11-30", "-"], doc, 3)
        print(f"start-up: `eventwire --help` {help_s:.2f} s; `eventwire extract` on one short ")
        print(f"document to its record on stdout {first:.2f} s (median of 3)")


if __name__ == "__main__":
    main()
