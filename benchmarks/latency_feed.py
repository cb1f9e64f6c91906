"""Benchmark: seconds from a news item appearing in an RSS feed to its events served by the API.

Serves an RSS feed and its article pages on 127.0.0.1, runs `eventwire serve` and `eventwire
watch` (the public CLI) on a fresh SQLite store, then adds items one at a time and times how long
each takes to show up in GET /api/events. The latency has three parts: waiting for the next poll
(the watch interval; at least 1 s), the watcher's politeness delay between two requests to the
same host (2 s: the feed and the article page are on one host here, as usually), and the
pipeline (fetch, clean, NLP, events, store), which is also timed alone, in-process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import html
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo" / "fakes_sample.jsonl"


class Site:
    """A news site on 127.0.0.1: /feed.xml and one page per published article."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.pages: dict[str, bytes] = {}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = site.feed() if self.path == "/feed.xml" else site.pages.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                kind = "application/rss+xml" if self.path == "/feed.xml" else "text/html"
                self.send_response(200)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, record: dict[str, Any]) -> str:
        path = f"/news/{record['id']}.html"
        paragraphs = "".join(
            f"<p>{html.escape(p.strip())}.</p>" for p in record["text"].split(". ") if p.strip()
        )
        title = html.escape(record["title"])
        self.pages[path] = (
            f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
        ).encode()
        self.items.append(
            {"title": record["title"], "link": self.base + path, "date": record["published"]}
        )
        return self.base + path

    def feed(self) -> bytes:
        entries = "".join(
            f"<item><title>{html.escape(i['title'])}</title><link>{i['link']}</link>"
            f"<guid>{i['link']}</guid><pubDate>{_rfc822(i['date'])}</pubDate></item>"
            for i in reversed(self.items)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Bench news</title>'
            f"<link>{self.base}/</link><description>test</description>{entries}</channel></rss>"
        ).encode()


def _rfc822(day: str) -> str:
    moment = dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)
    return email.utils.format_datetime(moment)


def wait_for(check: Any, timeout: float, step: float = 0.05) -> float:
    """Seconds until check() is true; raises TimeoutError after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(step)
    raise TimeoutError(f"not seen within {timeout:.0f} s")


def event_ids(api: str) -> set[str]:
    ids: set[str] = set()
    cursor: str | None = None
    while True:
        params = {"limit": "500"} | ({"cursor": cursor} if cursor else {})
        page = httpx.get(f"{api}/api/events", params=params, timeout=10).json()
        ids.update(e["event_id"] for e in page["events"])
        cursor = page.get("next")
        if not cursor:
            return ids


def pipeline_alone(records: list[dict[str, Any]], site: Site) -> list[float]:
    """Seconds per item for fetch + ingest in-process, the model already loaded."""
    from eventwire.models import RawInput
    from eventwire.pipeline import ingest
    from eventwire.settings import Settings
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "alone.db"), progress=False)
        store = open_store(settings.db)
        times = []
        for number, record in enumerate(records):
            url = site.publish(dict(record, id=f"alone-{number}"))
            start = time.perf_counter()
            body = httpx.get(url, timeout=10).content
            raw = RawInput(origin=url, kind="html", content=body, url=url)
            ingest([raw], store, settings)
            times.append(time.perf_counter() - start)
        store.close()
    return times[1:]  # the first one loads the model


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=5, help="items to time (after a warm-up)")
    parser.add_argument("--interval", type=float, default=2.0, help="watch --interval (s)")
    parser.add_argument("--port", type=int, default=8765, help="port for eventwire serve")
    args = parser.parse_args()
    records = [orjson.loads(line) for line in DEMO.read_bytes().splitlines()]
    records = [r for r in records if r.get("published")][: args.items + 1]
    cli = str(Path(sys.executable).with_name("eventwire"))
    site = Site()
    api = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "latency.db")
        feeds = Path(tmp) / "feeds.txt"
        feeds.write_text(site.base + "/feed.xml\n")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        serve = subprocess.Popen([cli, "serve", "--db", db, "--port", str(args.port)], **quiet)
        watch = subprocess.Popen(
            [
                cli,
                "watch",
                str(feeds),
                "--db",
                db,
                "--interval",
                str(args.interval),
                "--allow-private",
            ],
            **quiet,
        )
        try:
            wait_for(lambda: _healthy(api), 60)
            latencies = []
            for number, record in enumerate(records):
                before = event_ids(api)
                site.publish(record)
                seconds = wait_for(lambda seen=before: bool(event_ids(api) - seen), 120)
                if number:  # the first item includes loading the model
                    latencies.append(seconds)
                else:
                    print(f"warm-up item (model loading included): {seconds:.1f} s")
        finally:
            for proc in (watch, serve):
                proc.terminate()
                proc.wait(10)
    alone = pipeline_alone(records[: min(4, len(records))], site)
    print(f"\n{len(latencies)} items, watch --interval {args.interval:g} s\n")
    print("| measure | median s | max s |")
    print("| --- | --- | --- |")
    print(
        f"| feed item → events in GET /api/events | {statistics.median(latencies):.2f} | "
        f"{max(latencies):.2f} |"
    )
    print(
        f"| of which the pipeline (fetch + ingest, in-process) | {statistics.median(alone):.2f} "
        f"| {max(alone):.2f} |"
    )


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/api/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


if __name__ == "__main__":
    main()
