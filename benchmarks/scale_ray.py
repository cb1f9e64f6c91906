"""Benchmark: `eventwire ingest` on one process, with --workers N, and on a local Ray (N actors).

All three write a fresh SQLite store from the same FA-KES dev articles; the table gives wall
time, articles per second, the ratio to the single process, and whether the stores hold the
same events (they must). Ray's time includes starting the local Ray and its actors.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventwire.pipeline import ingest
from eventwire.read import read_inputs
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.base import EventQuery
from throughput import FAKES


def run_local(files: list[str], settings: Settings) -> float:
    store = open_store(settings.db)
    try:
        start = time.perf_counter()
        ingest(read_inputs(files, settings), store, settings)
        return time.perf_counter() - start
    finally:
        store.close()


def run_ray(files: list[str], settings: Settings) -> float:
    from eventwire.scale.ray_runner import ingest_with_ray

    start = time.perf_counter()
    ingest_with_ray(files, settings)
    return time.perf_counter() - start


def event_ids(db: str) -> list[str]:
    store = open_store(db)
    try:
        return sorted(str(e["event_id"]) for e in store.iter_events(EventQuery()))
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fakes", type=Path, default=FAKES, help="FA-KES dev jsonl")
    parser.add_argument("--limit", type=int, default=120, help="first N articles")
    parser.add_argument("--workers", type=int, default=2, help="processes / Ray actors")
    args = parser.parse_args()
    lines = [line for line in args.fakes.read_bytes().splitlines() if line.strip()][: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        shard = Path(tmp) / "shard.jsonl"
        shard.write_bytes(b"\n".join(lines) + b"\n")
        base = Settings(progress=False)
        runs = {
            "1 process": (run_local, base.replace(db=f"{tmp}/one.db")),
            f"--workers {args.workers}": (
                run_local,
                base.replace(db=f"{tmp}/workers.db", workers=args.workers),
            ),
            f"--engine ray, {args.workers} actors": (
                run_ray,
                base.replace(db=f"{tmp}/ray.db", workers=args.workers),
            ),
        }
        results = {name: run([str(shard)], settings) for name, (run, settings) in runs.items()}
        reference = event_ids(runs["1 process"][1].db)
        print(f"{len(lines)} FA-KES dev articles, {len(reference)} events stored\n")
        print("| run | seconds | articles/s | ratio to 1 process | same events |")
        print("| --- | --- | --- | --- | --- |")
        one = results["1 process"]
        for name, seconds in results.items():
            same = event_ids(runs[name][1].db) == reference
            print(
                f"| {name} | {seconds:.1f} | {len(lines) / seconds:.1f} | {one / seconds:.2f} "
                f"| {'yes' if same else 'NO'} |"
            )


if __name__ == "__main__":
    main()
