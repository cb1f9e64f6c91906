"""HTTP load on filtered /api/events: C concurrent clients against `eventwire serve` on 127.0.0.1.

N synthetic events (the world of store_bench.py: 300 towns in 6 countries over two years) are
bulk-loaded into a SQLite store; the server runs in a child process (uvicorn, as `eventwire
serve` runs it: httptools and uvloop when installed, one process unless --workers). C clients
(one keep-alive connection each, all opened before the clock starts, as wrk does) send R
requests in all. Each is a dashboard query: a country, an event type, a sub-event type, an
actor, a word, a map box or a mix, most with a date window; one in ten follows the `next`
cursor for up to two more pages.

  --mix varied    every query drawn afresh: random countries, windows (7 to 365 days starting on
                  any day of the two years), boxes and words; almost every request is new, so
                  the server's response cache rarely helps (the pessimistic case).
  --mix repeated  queries drawn from a fixed set of --views distinct dashboard views (many
                  analysts looking at the same few filters), their cursors followed as above.

Prints req/s, p50/p90/p99/max latency, errors, the share of responses the server answered from
its cache (`x-cache: hit`), CPU per request of the server and of the client, and the load
average. Only 127.0.0.1 is contacted. Two clients:

  --client python  (default) a minimal HTTP/1.1 reader on asyncio streams (uvloop when
                   installed), about 0.15 ms of CPU per request; sends --requests queries and
                   follows `next` on the same connection; latency per query shape.
  --client wrk     wrk (C, about a tenth of that CPU: more of the two CPUs go to the server),
                   for --duration seconds, walking a list of targets drawn from the same mix
                   (the cursor pages are worked out beforehand on the store); overall latency
                   only. Needs wrk on PATH: `apt-get install wrk` on Debian/Ubuntu.

  .venv/bin/python benchmarks/load_api.py [--events 100000] [--clients 100] [--requests 5000]
      [--client python|wrk] [--duration 10] [--workers 1] [--threads 8]
      [--cache-bytes 64000000] [--mix varied|repeated] [--views 40] [--limit N] [--gzip]
      [--db PATH (kept and reused when it already holds the events)]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import inspect
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

import orjson

from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT
from eventwire.store import open_store
from store_bench import COUNTRIES, START, WORDS, generate

SERVER = """
import dataclasses, sys
from eventwire.serve import run
from eventwire.serve.app import ServeOptions
from eventwire.settings import Settings
values = dict(zip(["workers", "threads", "cache_bytes"], (int(a) for a in sys.argv[3:6])))
known = {field.name for field in dataclasses.fields(ServeOptions)}  # older servers: fewer
run(Settings(db=sys.argv[1], progress=False), "127.0.0.1", int(sys.argv[2]),
    ServeOptions(**{k: v for k, v in values.items() if k in known}))
"""
ACTORS = ["police", "military", "islamic state", "rioters", "protesters", "armed group"]
Params = dict[str, str]
T = TypeVar("T")


def shapes(rng: random.Random) -> dict[str, Callable[[], Params]]:
    """Query makers by name; each call draws a new query of that shape."""

    def window() -> Params:
        start = START + dt.timedelta(days=rng.randrange(730))
        end = start + dt.timedelta(days=rng.choice([7, 30, 90, 365]))
        return {"since": start.isoformat(), "until": end.isoformat()}

    def maybe_window() -> Params:
        return window() if rng.random() < 0.6 else {}

    def box() -> Params:
        size = rng.choice([1.0, 2.0, 4.0])
        west, south = rng.uniform(30, 58 - size), rng.uniform(5, 28 - size)
        return {"bbox": f"{west:.2f},{south:.2f},{west + size:.2f},{south + size:.2f}"}

    return {
        "country": lambda: {"country": rng.choice(COUNTRIES), **maybe_window()},
        "event type": lambda: {"event_type": rng.choice(list(EVENT_TYPES)), **maybe_window()},
        "sub-event type": lambda: {
            "sub_event_type": rng.choice(list(SUB_EVENT_TO_EVENT)),
            **maybe_window(),
        },
        "actor substring": lambda: {"actor": rng.choice(ACTORS), **maybe_window()},
        "text": lambda: {"q": rng.choice(WORDS), **maybe_window()},
        "map box": lambda: {**box(), **maybe_window()},
        "country + type + actor + text": lambda: {
            "country": rng.choice(COUNTRIES),
            "event_type": rng.choice(list(EVENT_TYPES)),
            "actor": rng.choice(ACTORS),
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
        store.load_events(generate(events))
        print(f"loaded {events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        store.close()


def start_server(
    db: Path, log: Path, args: argparse.Namespace
) -> tuple[subprocess.Popen[bytes], int]:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    options = [str(v) for v in (args.workers, args.threads, args.cache_bytes)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(db), str(port), *options], stdout=out, stderr=out
        )
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return process, port
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


class Connection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads Content-Length bodies."""

    def __init__(self, port: int, compressed: bool = False) -> None:
        self.port = port
        self.accept = "Accept-Encoding: gzip\r\n" if compressed else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def get(self, target: str) -> tuple[int, dict[bytes, bytes], bytes]:
        if self.reader is None or self.writer is None:
            await self.open()
        assert self.reader is not None and self.writer is not None
        request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{self.accept}\r\n"
        self.writer.write(request.encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name:
                headers[name.strip().lower()] = value.strip()
        if b"content-length" not in headers:
            raise ValueError("response without Content-Length")
        body = await self.reader.readexactly(int(headers[b"content-length"]))
        return status, headers, body

    @staticmethod
    def text(headers: dict[bytes, bytes], body: bytes) -> bytes:
        """The body, decompressed when it came gzipped."""
        return gzip.decompress(body) if headers.get(b"content-encoding") == b"gzip" else body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


class Mix:
    """The next query's shape and parameters: fresh each time, or one of a fixed set of views."""

    def __init__(
        self, rng: random.Random, repeated: bool, views: int, limit: int | None = None
    ) -> None:
        self.rng = rng
        self.makers = shapes(rng)
        self.names = list(self.makers)
        self.limit = {"limit": str(limit)} if limit else {}
        self.views = [self.fresh() for _ in range(views)] if repeated else []

    def fresh(self) -> tuple[str, Params]:
        name = self.rng.choice(self.names)
        return name, {**self.makers[name](), **self.limit}

    def next(self) -> tuple[str, Params]:
        return self.rng.choice(self.views) if self.views else self.fresh()


async def load(
    port: int, clients: int, requests: int, mix: Mix, compressed: bool = False
) -> tuple[dict[str, list[float]], Counter[str], set[str], float]:
    """Latencies (ms) per shape ("errors" lists failed ones), x-cache counts, distinct targets."""
    rng = mix.rng
    results: dict[str, list[float]] = defaultdict(list)
    cache: Counter[str] = Counter()
    targets: set[str] = set()
    timing: dict[str, float] = {}
    remaining = requests
    connected = 0
    everyone = asyncio.Event()

    async def user() -> None:
        nonlocal remaining, connected
        connection = Connection(port, compressed)
        # As wrk does: every client opens its connection first, then all start together. No
        # request yet: the server closes a connection idle for 5 s after a response, and a
        # hundred connections may take that long to open on a busy machine.
        await connection.open()
        connected += 1
        if connected == clients:
            everyone.set()
            timing["started"] = time.perf_counter()
        await everyone.wait()
        while remaining > 0:
            remaining -= 1
            name, params = mix.next()
            pages = rng.choice([2, 3]) if rng.random() < 0.1 else 1
            for page in range(pages):
                target = f"/api/events?{urlencode(params)}"
                targets.add(target)
                started = time.perf_counter()
                try:
                    status, headers, body = await connection.get(target)
                    # Decoded only when the cursor is needed: the client shares the CPUs.
                    if status == 200 and page + 1 < pages:
                        data = orjson.loads(connection.text(headers, body))
                        ok = "events" in data
                    else:
                        ok, data = status == 200 and len(body) > 0, {}
                except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                    connection.close()
                    ok, headers, data, status, body = False, {}, {}, 0, repr(exc).encode()
                if not ok and len(results["errors"]) < 3:
                    print(f"error: {target}: {status} {body[:300]!r}", file=sys.stderr)
                elapsed = (time.perf_counter() - started) * 1000
                results["all"].append(elapsed)
                results[name if page == 0 else "next page (cursor)"].append(elapsed)
                cache[headers.get(b"x-cache", b"none").decode()] += 1
                if not ok:
                    results["errors"].append(elapsed)
                    break
                if not data.get("next"):
                    break
                params = {**params, "cursor": data["next"]}
        connection.close()

    await asyncio.wait_for(asyncio.gather(*(user() for _ in range(clients))), timeout=600)
    return results, cache, targets, time.perf_counter() - timing["started"]


WRK_SCRIPT = """
local paths = {}
for line in io.lines(%(paths)s) do paths[#paths + 1] = line end
local sent = 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) %% #paths + 1])
end
-- No response() callback: it would hand every body to Lua, doubling wrk's CPU per request.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""

WRK_TARGETS_PER_SECOND = 6000  # targets listed per second of --duration: more than are sent


def plan(mix: Mix, count: int, db: Path) -> list[str]:
    """`count` or more targets in order; a query followed by its cursor pages, as the clients do.

    The cursors come from the store itself, read as the server reads the same query string.
    """
    from eventwire.serve.fast import parse

    store = open_store(str(db))
    rng = mix.rng
    targets: list[str] = []
    cursors: dict[str, str | None] = {}  # the next page of each target asked for already
    try:
        while len(targets) < count:
            _, params = mix.next()
            pages = rng.choice([2, 3]) if rng.random() < 0.1 else 1
            for page in range(pages):
                text = urlencode(params)
                targets.append(f"/api/events?{text}")
                if page + 1 == pages:
                    break
                if text not in cursors:
                    query = parse(text.encode())
                    cursors[text] = store.query_events_raw(query).next if query else None
                following = cursors[text]
                if following is None:
                    break
                params = {**params, "cursor": following}
    finally:
        store.close()
    return targets


def run_wrk(
    port: int, targets: list[str], args: argparse.Namespace, folder: Path
) -> dict[str, int]:
    """wrk with one thread and --clients connections for --duration s; its summary numbers."""
    binary = shutil.which("wrk")
    if binary is None:
        raise SystemExit("wrk not found: `apt-get install wrk` (Debian/Ubuntu), or --client python")
    paths = folder / "targets.txt"
    paths.write_text("\n".join(targets) + "\n")
    script = folder / "targets.lua"
    script.write_text(WRK_SCRIPT % {"paths": '"' + str(paths) + '"'})
    command = [binary, "-t1", f"-c{args.clients}", f"-d{args.duration}s", "--timeout", "30s"]
    command += ["-s", str(script), f"http://127.0.0.1:{port}"]
    if args.gzip:
        command[1:1] = ["-H", "Accept-Encoding: gzip"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    if done.returncode or line is None:
        raise SystemExit(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    names = "requests duration p50 p90 p99 max connect read write status timeout"
    return dict(zip(names.split(), (int(x) for x in line.split()[1:]), strict=True))


def store_only(db: Path, per_shape: int, seed: int) -> None:
    """Times each query shape on the store itself (no HTTP): p50 and max of `per_shape` draws."""
    from eventwire.serve.api import event_filters

    store = open_store(str(db))
    read = getattr(store, "query_events_raw", store.query_events)  # older stores: decoded
    makers = shapes(random.Random(seed))
    # CPU time of this (single) thread: on a shared machine, wall time mostly measures the others.
    print(f"store only: {per_shape} queries per shape, one at a time, page of 100, CPU time\n")
    print("| query | p50 ms | mean ms | max ms |\n| --- | ---: | ---: | ---: |")
    for name, make in makers.items():
        times = []
        for _ in range(per_shape):
            params = make()
            values: dict[str, Any] = dict(params)
            for bound in ("since", "until"):
                if bound in values:
                    values[bound] = dt.date.fromisoformat(values[bound])
            query = event_filters(**values)  # the API's own checks and parsing
            if inspect.isawaitable(query):  # async since the load work; plain before
                query = asyncio.run(query)  # type: ignore[arg-type]
            started = time.thread_time()
            read(query)
            times.append((time.thread_time() - started) * 1000)
        mean = sum(times) / len(times)
        print(f"| {name} | {pct(times, 0.5):.2f} | {mean:.2f} | {max(times):.2f} |")
    store.close()


def client_cpu_seconds() -> float:
    """CPU of this process and of its finished children (wrk, once it has exited)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def run_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=5000, help="--client python: queries")
    parser.add_argument("--client", choices=["python", "wrk"], default="python")
    parser.add_argument("--duration", type=int, default=10, help="--client wrk: seconds")
    parser.add_argument("--db", type=Path, help="SQLite file to keep and reuse")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--threads", type=int, default=8, help="store threads per process")
    parser.add_argument("--cache-bytes", type=int, default=64_000_000, help="0: no cache")
    parser.add_argument("--mix", choices=["varied", "repeated"], default="varied")
    parser.add_argument("--views", type=int, default=40, help="distinct views for --mix repeated")
    parser.add_argument("--gzip", action="store_true", help="ask for gzip, as browsers do")
    parser.add_argument(
        "--limit", type=int, help="events per page (default: the API's 100; the dashboard: 1000)"
    )
    parser.add_argument(
        "--store-only",
        type=int,
        metavar="N",
        help="no server: time N queries per shape on the store",
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="eventwire-load-"))
    db = args.db or folder / "load.db"
    prepare(db, args.events)
    if args.store_only:
        store_only(db, args.store_only, args.seed)
        return 0
    mix = Mix(random.Random(args.seed), args.mix == "repeated", args.views, args.limit)
    targets = plan(mix, args.duration * WRK_TARGETS_PER_SECOND, db) if args.client == "wrk" else []
    process, port = start_server(db, folder / "server.log", args)
    try:
        warm = Mix(random.Random(args.seed + 1), args.mix == "repeated", args.views, args.limit)
        run_loop(load(port, min(args.clients, 10), 200, warm, args.gzip))  # warm-up (other queries)
        load_before = os.getloadavg()[0]
        cpu_before, client_before = cpu_seconds(process.pid), client_cpu_seconds()
        if args.client == "wrk":
            summary = run_wrk(port, targets, args, folder)
        else:
            results, cache, distinct, seconds = run_loop(
                load(port, args.clients, args.requests, mix, args.gzip)
            )
        client_cpu = client_cpu_seconds() - client_before
        server_cpu = cpu_seconds(process.pid) - cpu_before
        load_after = os.getloadavg()[0]
    finally:
        process.terminate()
        process.wait(timeout=30)
    setup = (
        f"{args.events} events, {args.workers} server process(es) x {args.threads} threads, "
        f"cache {args.cache_bytes // 1_000_000} MB, {args.clients} clients ({args.client}), "
        f"--mix {args.mix}{f' ({args.views} views)' if args.mix == 'repeated' else ''}, "
        f"limit {args.limit or 'default (100)'}{', gzip' if args.gzip else ''}"
    )
    if args.client == "wrk":
        total, seconds = summary["requests"], summary["duration"] / 1e6
        errors = sum(summary[k] for k in ("connect", "read", "write", "status", "timeout"))
        walked = f"{min(total, len(targets))} of a list of {len(targets)}"
        if total > len(targets):
            walked += f", walked {total / len(targets):.1f} times: later rounds may hit the cache"
        # wrk does not read x-cache; with no writes and room for every page, a target sent
        # before is a hit (the warm-up's queries are drawn from another seed).
        sent = targets[: min(total, len(targets))]
        hits = (len(sent) - len(set(sent))) / max(len(sent), 1)
    else:
        total = len(results["all"])
        errors = len(results["errors"])
        walked = f"{len(distinct)} distinct"
        hits = cache["hit"] / max(total, 1)
    print(
        f"{setup}: {total} requests ({walked}) in {seconds:.1f} s = {total / seconds:.0f} req/s, "
        f"errors: {errors}, cache hits: {100 * hits:.0f}%"
        f"{' (repeats, not counted)' if args.client == 'wrk' else ''}\n"
        f"CPU per request: server {1000 * server_cpu / max(total, 1):.2f} ms, client "
        f"{1000 * client_cpu / max(total, 1):.2f} ms; {os.cpu_count()} CPUs, of which the server "
        f"had {server_cpu / seconds:.2f} and the client {client_cpu / seconds:.2f}; load average "
        f"{load_before:.1f} before, {load_after:.1f} after\n"
    )
    print("| query | requests | p50 ms | p90 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    if args.client == "wrk":
        p50, p90, p99, most = (summary[k] / 1000 for k in ("p50", "p90", "p99", "max"))
        print(f"| all | {total} | {p50:.0f} | {p90:.0f} | {p99:.0f} | {most:.0f} |")
        if summary["status"]:
            print(f"\n{summary['status']} answers were not 2xx/3xx", file=sys.stderr)
        return 1 if errors else 0
    for name in ["all", *sorted(k for k in results if k not in ("all", "errors"))]:
        values = results[name]
        print(
            f"| {name} | {len(values)} | {pct(values, 0.5):.0f} | {pct(values, 0.9):.0f} "
            f"| {pct(values, 0.99):.0f} | {max(values):.0f} |"
        )
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
