"""Store speed: ingest throughput (documents/s) and filtered-page latency at 1M events.

Ingest: N synthetic documents (1-3 extracted events each, spread over 300 towns in 6
countries and two years) go through `put_documents` in batches of 32, as `eventwire ingest`
stores them: one transaction per batch, with clustering. Extraction is not included.

Query: M generated events are bulk-loaded (`load_events`: executemany on SQLite, COPY on
PostgreSQL), then each query shape runs R times with random parameters; p50/p95 of a
100-event page. The machine is shared, so timings are noisy.

  .venv/bin/python benchmarks/store_bench.py [--backend sqlite|postgres|both]
      [--documents 3000] [--events 1000000] [--repeat 40] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT, disorder_type
from eventwire.models import Document, Event, Evidence
from eventwire.store import EventQuery, open_store

PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test")
COUNTRIES = ["Syria", "Iraq", "Yemen", "Sudan", "Mali", "Myanmar"]
ACTORS = [
    "Military Forces of {c}",
    "Police Forces of {c}",
    "Protesters ({c})",
    "Rioters ({c})",
    "Unidentified Armed Group ({c})",
    "Islamic State ({c})",
    "Civilians ({c})",
]
WORDS = [
    "strike",
    "market",
    "convoy",
    "checkpoint",
    "village",
    "hospital",
    "school",
    "bakery",
    "border",
    "airport",
]
START = dt.date(2022, 1, 1)


class World:
    """A fixed random world: towns with coordinates and admin1 names, per country."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.towns = []
        for c, country in enumerate(COUNTRIES):
            for t in range(50):
                lat = 5 + c * 4 + self.rng.uniform(0, 3)
                lon = 30 + c * 5 + self.rng.uniform(0, 4)
                self.towns.append((country, f"Region {c}-{t % 8}", f"Town {c}-{t}", lat, lon))
        self.subs = list(SUB_EVENT_TO_EVENT)

    def event_record(self, event_id: str) -> dict[str, Any]:
        rng = self.rng
        country, admin1, town, lat, lon = rng.choice(self.towns)
        sub = rng.choice(self.subs)
        actor = rng.choice(ACTORS).format(c=country)
        words = " ".join(rng.sample(WORDS, 3))
        toll = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 30])
        return {
            "event_id": event_id,
            "event_date": (START + dt.timedelta(days=rng.randrange(730))).isoformat(),
            "time_precision": rng.choice([1, 1, 1, 2, 3]),
            "disorder_type": disorder_type(sub),
            "event_type": SUB_EVENT_TO_EVENT[sub],
            "sub_event_type": sub,
            "actor1": actor,
            "assoc_actor_1": None,
            "inter1": 1,
            "actor2": f"Civilians ({country})",
            "assoc_actor_2": None,
            "inter2": 7,
            "interaction": 17,
            "civilian_targeting": None,
            "country": country,
            "iso": 0,
            "admin1": admin1,
            "admin2": None,
            "admin3": None,
            "location": town,
            "latitude": round(lat, 4),
            "longitude": round(lon, 4),
            "geo_precision": rng.choice([1, 1, 2, 3]),
            "source": "Monitor",
            "notes": f"On that day, {actor} hit a {words} in {town}, killing {toll}.",
            "fatalities": toll,
            "fatalities_low": toll,
            "fatalities_high": toll,
            "civilian_fatalities": None,
            "confidence": 0.6,
            "evidence": [{"field": "location", "start": 0, "end": 4, "text": town[:4]}],
            "reports": 1,
            "document_ids": [f"doc-{event_id}"],
        }

    def document(self, number: int) -> Document:
        events = []
        for index in range(self.rng.choice([1, 1, 2, 3])):
            record = self.event_record(f"d{number}-{index}")
            record["evidence"] = [Evidence(**e) for e in record["evidence"]]
            fields = {k: v for k, v in record.items() if k not in ("reports", "document_ids")}
            fields["event_date"] = dt.date.fromisoformat(fields["event_date"])
            fields["evidence"] = tuple(fields["evidence"])
            events.append(Event(**fields))
        published = START + dt.timedelta(days=self.rng.randrange(730))
        return Document(id=f"d{number}", text="t" * 2000, published=published, events=tuple(events))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_ingest(url: str, n: int) -> tuple[float, dict[str, int]]:
    world = World(seed=2)
    documents = [world.document(i) for i in range(n)]
    store = open_store(url)
    started = time.perf_counter()
    for start in range(0, n, 32):
        store.put_documents(documents[start : start + 32])
    seconds = time.perf_counter() - started
    counts = store.counts()
    store.close()
    return n / seconds, counts


def generate(m: int) -> Iterator[dict[str, Any]]:
    world = World(seed=3)
    for i in range(m):
        yield world.event_record(f"g{i:07d}")


def query_shapes(rng: random.Random) -> dict[str, Callable[[], EventQuery]]:
    def since_until() -> tuple[dt.date, dt.date]:
        start = START + dt.timedelta(days=rng.randrange(600))
        return start, start + dt.timedelta(days=rng.choice([7, 30, 90]))

    def country() -> str:
        return rng.choice(COUNTRIES)

    return {
        "newest page, no filter": lambda: EventQuery(),
        "country": lambda: EventQuery(country=country()),
        "country + 30-day range": lambda: (
            lambda start: EventQuery(
                country=country(), since=start, until=start + dt.timedelta(days=30)
            )
        )(since_until()[0]),
        "admin1 + event type": lambda: EventQuery(
            admin1=f"Region {rng.randrange(6)}-{rng.randrange(8)}",
            event_type=rng.choice(list(EVENT_TYPES)),
        ),
        "sub-event type + range": lambda: (
            lambda span: EventQuery(
                sub_event_type=rng.choice(list(SUB_EVENT_TO_EVENT)), since=span[0], until=span[1]
            )
        )(since_until()),
        "bbox (about 2x2 degrees)": lambda: EventQuery(
            bbox=(lambda w, s: (w, s, w + 2, s + 2))(rng.uniform(30, 55), rng.uniform(5, 27))
        ),
        "actor substring": lambda: EventQuery(actor=rng.choice(["police", "islamic state"])),
        "text, two words": lambda: EventQuery(q=" ".join(rng.sample(WORDS, 2))),
        "country + actor + text": lambda: EventQuery(
            country=country(), actor="military", q=rng.choice(WORDS)
        ),
    }


def bench_queries(store: Any, repeat: int) -> list[tuple[str, float, float, float]]:
    rng = random.Random(4)
    rows = []
    for name, make in query_shapes(rng).items():
        times, sizes = [], []
        for _ in range(repeat):
            query = make()
            started = time.perf_counter()
            page = store.query_events(query)
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(len(page.events))
        rows.append((name, percentile(times, 0.5), percentile(times, 0.95), statistics.mean(sizes)))
    # Deep paging: follow the cursor 50 pages into one country.
    times = []
    query = EventQuery(country="Syria")
    for _ in range(50):
        started = time.perf_counter()
        page = store.query_events(query)
        times.append((time.perf_counter() - started) * 1000)
        query = EventQuery(country="Syria", cursor=page.next)
    rows.append(
        ("country, pages 1-50 by cursor", percentile(times, 0.5), percentile(times, 0.95), 100)
    )
    return rows


def backend_url(
    backend: str, folder: Path, tag: str, keep: bool = False
) -> tuple[str, Callable[[], None]]:
    """The store URL for a run, and how to clean it up (nothing, when kept for a rerun)."""
    if backend == "sqlite":
        path = folder / f"{tag}.db"

        def remove() -> None:
            if not keep:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)

        return str(path), remove
    schema = f"ewbench_keep_{tag}" if keep else f"ewbench_{tag}_{uuid.uuid4().hex[:6]}"
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}schema={schema}"

    def drop() -> None:
        if keep:
            return
        store = open_store(url)
        store.drop_schema()  # type: ignore[attr-defined]
        store.close()

    return url, drop


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument(
        "--keep",
        type=Path,
        help="folder for the SQLite files; keeps them and the PostgreSQL schema for reruns",
    )
    parser.add_argument("--skip-ingest", action="store_true", help="only the query benchmark")
    parser.add_argument("--skip-queries", action="store_true", help="only the ingest benchmark")
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ewbench"))
    folder.mkdir(parents=True, exist_ok=True)

    print(f"## Ingest ({args.documents} documents, batches of 32, clustering on)\n")
    print("| backend | documents/s | events | reports |")
    print("| --- | ---: | ---: | ---: |")
    for backend in [] if args.skip_ingest else backends:
        url, drop = backend_url(backend, folder, "ingest")
        try:
            rate, counts = bench_ingest(url, args.documents)
        finally:
            drop()
        print(f"| {backend} | {rate:,.0f} | {counts['events']:,} | {counts['reports']:,} |")

    if not args.skip_queries:
        print(
            f"\n## Query latency at {args.events:,} events (page of 100, {args.repeat} runs each)\n"
        )
    for backend in [] if args.skip_queries else backends:
        url, drop = backend_url(backend, folder, f"query{args.events}", keep=bool(args.keep))
        try:
            store = open_store(url)
            started = time.perf_counter()
            if store.counts()["events"] < args.events:
                store.load_events(generate(args.events))
            store._refresh_statistics()  # as load_events does, for a reused store
            load = time.perf_counter() - started
            print(f"### {backend}: loaded in {load:,.0f} s\n")
            print("| query | p50 ms | p95 ms | mean events returned |")
            print("| --- | ---: | ---: | ---: |")
            for name, p50, p95, size in bench_queries(store, args.repeat):
                print(f"| {name} | {p50:.1f} | {p95:.1f} | {size:.0f} |")
            print()
            store.close()
        finally:
            drop()
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
