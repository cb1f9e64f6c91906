"""HTTP load on filtered /api/events: C concurrent clients against `eventwire serve` on 127.0.0.1.

N synthetic events (the world of store_bench.py: 300 towns in 6 countries over two years) are
bulk-loaded into a SQLite store; the server runs in a child process (uvicorn, as `eventwire
serve` runs it, one process unless --workers); C clients (bounded asyncio + httpx, one
keep-alive connection each, all opened before the clock starts, as wrk does) send R requests
in all, each a filtered query drawn at random from the shapes below, and follow the `next`
cursor one page in a tenth of the cases. Prints p50/p90/p99/max latency and errors.
Only 127.0.0.1 is ever contacted. The machine is shared, and client and server share its two
cores, so the numbers are noisy and pessimistic.

  .venv/bin/python benchmarks/load_api.py [--events 100000] [--clients 100] [--requests 5000]
      [--workers 1] [--db PATH (kept and reused when it already holds the events)]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson

from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT
from eventwire.store import open_store
from store_bench import COUNTRIES, START, WORDS, generate

SERVER = """
import sys
from eventwire.serve import run
from eventwire.serve.app import ServeOptions
from eventwire.settings import Settings
run(Settings(db=sys.argv[1], progress=False), "127.0.0.1", int(sys.argv[2]),
    ServeOptions(workers=int(sys.argv[3])))
"""


def shapes(rng: random.Random) -> dict[str, Callable[[], dict[str, str]]]:
    def day(offset: int) -> str:
        return (START + dt.timedelta(days=offset)).isoformat()

    def window() -> dict[str, str]:
        start = rng.randrange(700)
        return {"since": day(start), "until": day(start + rng.choice([7, 30, 90]))}

    return {
        "country": lambda: {"country": rng.choice(COUNTRIES)},
        "country + date range": lambda: {"country": rng.choice(COUNTRIES), **window()},
        "event type": lambda: {"event_type": rng.choice(list(EVENT_TYPES))},
        "sub-event type + range": lambda: {
            "sub_event_type": rng.choice(list(SUB_EVENT_TO_EVENT)),
            **window(),
        },
        "actor substring": lambda: {"actor": rng.choice(["police", "islamic state", "rioters"])},
        "text": lambda: {"q": rng.choice(WORDS)},
        "bbox 2x2 degrees": lambda: {
            "bbox": "{:.2f},{:.2f},{:.2f},{:.2f}".format(
                *(lambda w, s: (w, s, w + 2, s + 2))(rng.uniform(30, 55), rng.uniform(5, 27))
            )
        },
        "country + actor + text": lambda: {
            "country": rng.choice(COUNTRIES),
            "actor": "military",
            "q": rng.choice(WORDS),
        },
    }


def prepare(db: Path, events: int) -> None:
    store = open_store(str(db))
    try:
        have = store.counts()["events"]
        if have == events:
            return
        if have:
            raise SystemExit(f"{db} holds {have} events, not {events}; give another --db")
        started = time.perf_counter()
        store.load_events(generate(events))  # type: ignore[attr-defined]
        print(f"loaded {events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        store.close()


def start_server(db: Path, log: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(db), str(port), str(workers)], stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("server did not start within 60 s")


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its direct children (Linux /proc)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def load(
    url: str, clients: int, requests: int, seed: int
) -> tuple[dict[str, list[float]], float]:
    """Latencies (ms) per query shape, errors under "errors" (one entry each); seconds taken."""
    rng = random.Random(seed)
    makers = shapes(rng)
    names = list(makers)
    results: dict[str, list[float]] = defaultdict(list)
    timing: dict[str, float] = {}
    remaining = requests

    async def client() -> None:
        # One client with one connection per simulated user: httpx's pool gets slow (and
        # CPU-hungry, on CPUs the server shares) when one pool holds a hundred connections.
        async with httpx.AsyncClient(
            limits=httpx.Limits(max_connections=1),
            timeout=30,
            trust_env=False,
            headers={"Accept-Encoding": "identity"},  # loopback: gzip would only cost CPU
        ) as http:
            await user(http)

    connected = 0
    everyone = asyncio.Event()

    async def user(http: httpx.AsyncClient) -> None:
        nonlocal remaining, connected
        # As wrk does: every client opens its connection first, then all start together.
        (await http.get(f"{url}/api/health")).raise_for_status()
        connected += 1
        if connected == clients:
            everyone.set()
            timing["started"] = time.perf_counter()
        await everyone.wait()
        while remaining > 0:
            remaining -= 1
            name = rng.choice(names)
            params = makers[name]()
            pages = 2 if rng.random() < 0.1 else 1
            for page in range(pages):
                started = time.perf_counter()
                try:
                    response = await http.get(f"{url}/api/events", params=params)
                    ok = response.status_code == 200 and response.content.startswith(b'{"events"')
                    # Parsed only when the cursor is needed: the client shares the CPUs.
                    body = orjson.loads(response.content) if ok and page + 1 < pages else {}
                except (httpx.HTTPError, orjson.JSONDecodeError):
                    ok, body = False, {}
                elapsed = (time.perf_counter() - started) * 1000
                results["all"].append(elapsed)
                results[name if page == 0 else "next page (cursor)"].append(elapsed)
                if not ok:
                    results["errors"].append(elapsed)
                    break
                if not body.get("next"):
                    break
                params = {**params, "cursor": body["next"]}

    await asyncio.wait_for(asyncio.gather(*(client() for _ in range(clients))), timeout=600)
    return results, time.perf_counter() - timing["started"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--db", type=Path, help="SQLite file to keep and reuse")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="eventwire-load-"))
    db = args.db or folder / "load.db"
    prepare(db, args.events)
    process, url = start_server(db, folder / "server.log", args.workers)
    try:
        asyncio.run(load(url, min(args.clients, 10), 200, args.seed + 1))  # warm-up
        cpu_before = cpu_seconds(process.pid)
        results, seconds = asyncio.run(load(url, args.clients, args.requests, args.seed))
        server_cpu = cpu_seconds(process.pid) - cpu_before
    finally:
        process.terminate()
        process.wait(timeout=30)
    total = len(results["all"])
    print(
        f"{args.events} events, {args.workers} server process(es), {args.clients} concurrent "
        f"clients, {total} requests "
        f"in {seconds:.1f} s ({total / seconds:.0f} req/s), errors: {len(results['errors'])}, "
        f"{os.cpu_count()} CPUs shared with the client; server CPU "
        f"{1000 * server_cpu / max(total, 1):.2f} ms per request (load average before: "
        f"{load_before:.1f})\n"
    )
    print("| query | requests | p50 ms | p90 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in ["all", *sorted(k for k in results if k not in ("all", "errors"))]:
        values = results[name]
        print(
            f"| {name} | {len(values)} | {pct(values, 0.5):.0f} | {pct(values, 0.9):.0f} "
            f"| {pct(values, 0.99):.0f} | {max(values):.0f} |"
        )
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
