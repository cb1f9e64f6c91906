"""Feed watching against a local feed server on 127.0.0.1 (allowed only with allow_private)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import UsageError
from eventwire.models import RawInput
from eventwire.read.feeds import (
    FEEDS,
    FeedWatcher,
    Fetcher,
    FetchError,
    WatchOptions,
    canonical_url,
    check_address,
    read_feeds_file,
    watch,
)
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.base import IngestResult, Store

ARTICLE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>Security forces clashed with armed men in Gao on Tuesday, killing four people, "
    "residents said.</p></article></body></html>"
)


def rss(base: str, items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Story {name}</title><link>{base}/{name}</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for name in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode()


@dataclass
class FeedSite:
    """What the local server serves and every request it has seen."""

    items: list[str] = field(default_factory=lambda: ["a1.html", "a2.html", "a1.html#comments"])
    etag: str = '"v1"'
    robots: tuple[int, bytes] = (404, b"")
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base: str = ""

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def make_handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers)))
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == site.etag:
                    self.send(304, b"", "application/rss+xml", ETag=site.etag)
                else:
                    body = rss(site.base, site.items)
                    self.send(200, body, "application/rss+xml", ETag=site.etag)
            elif self.path == "/robots.txt":
                self.send(*site.robots, "text/plain")
            elif self.path == "/broken.xml":
                self.send(503, b"busy", "text/plain", Retry_After="7200")
            elif self.path == "/moved.xml":
                self.send(302, b"", "text/plain", Location="/feed.xml")
            elif self.path == "/huge.html":
                self.send(200, b"x" * 50_000, "text/html")
            elif self.path.endswith(".html"):
                page = ARTICLE.format(title=self.path.strip("/"))
                self.send(200, page.encode(), "text/html; charset=utf-8")
            else:
                self.send(404, b"no", "text/plain")

    return Handler


@pytest.fixture
def site() -> Iterator[FeedSite]:
    feed_site = FeedSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(feed_site))
    feed_site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield feed_site
    server.shutdown()
    server.server_close()


class RecordingIngest:
    def __init__(self) -> None:
        self.items: list[RawInput] = []

    def __call__(self, items: Sequence[RawInput], store: Store, settings: Settings) -> Any:
        self.items.extend(items)
        return IngestResult(documents_new=len(items))


def watcher(db: Path, ingest: RecordingIngest, **options: Any) -> FeedWatcher:
    settings = Settings(db=str(db), progress=False)
    opts = WatchOptions(interval=60, allow_private=True, host_delay=0, **options)
    return FeedWatcher(open_store(str(db)), settings, opts, ingest=ingest)


def test_new_articles_are_fetched_once_and_ingested(site: FeedSite, tmp_path: Path) -> None:
    ingest = RecordingIngest()
    first = watcher(tmp_path / "w.db", ingest)
    stats = first.poll(site.base + "/feed.xml")
    assert stats.errors == []
    # robots.txt is asked once per site; a1#comments is a1.
    assert site.paths() == ["/feed.xml", "/robots.txt", "/a1.html", "/a2.html"]
    assert [item.url for item in ingest.items] == [site.base + "/a1.html", site.base + "/a2.html"]
    assert ingest.items[0].kind == "html" and b"Gao" in bytes(ingest.items[0].content)
    assert ingest.items[0].title == "Story a1.html"
    assert str(ingest.items[0].published) == "2024-03-05"
    first.store.close()

    # A restart: a new watcher over the same store sends the ETag and fetches nothing again.
    site.requests.clear()
    second = watcher(tmp_path / "w.db", ingest)
    assert second.poll(site.base + "/feed.xml").feeds_unchanged == 1
    assert site.paths() == ["/feed.xml"]
    assert site.requests[0][1]["If-None-Match"] == '"v1"'

    # The feed changes: only the article never seen before is fetched.
    site.items.insert(0, "a3.html")
    site.etag = '"v2"'
    site.requests.clear()
    second.poll(site.base + "/feed.xml")
    assert site.paths() == ["/feed.xml", "/robots.txt", "/a3.html"]  # a new run asks again
    assert len(ingest.items) == 3
    second.store.close()


def test_loopback_is_refused_without_allow_private(site: FeedSite, tmp_path: Path) -> None:
    ingest = RecordingIngest()
    settings = Settings(db=str(tmp_path / "w.db"), progress=False)
    options = WatchOptions(interval=60, allow_private=False)
    guarded = FeedWatcher(open_store(settings.db), settings, options, ingest=ingest)
    stats = guarded.poll(site.base + "/feed.xml")
    assert "non-public address 127.0.0.1" in stats.errors[0]
    assert site.requests == [] and ingest.items == []
    guarded.store.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/feed",
        "http://192.168.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_private_and_special_addresses_are_refused_before_connecting(url: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_address(url, allow_private=False)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        check_address(url, allow_private=True)


def test_a_failing_feed_backs_off_and_honours_retry_after(site: FeedSite, tmp_path: Path) -> None:
    clock = [1000.0]
    failing = watcher(tmp_path / "w.db", RecordingIngest())
    failing.now = lambda: clock[0]
    url = site.base + "/broken.xml"
    assert failing.poll(url).errors == [f"{url}: HTTP 503"]
    assert failing.next_poll(url) == 1000.0 + 7200  # Retry-After beats 2 x 60 s
    failing.options = WatchOptions(interval=60, allow_private=True, host_delay=0, max_backoff=1e9)
    site.requests.clear()
    failing.poll(site.base + "/nothing.xml")
    failing.poll(site.base + "/nothing.xml")
    state = failing.store.get_state(FEEDS, site.base + "/nothing.xml")
    assert state and '"failures":2' in state
    assert failing.next_poll(site.base + "/nothing.xml") == 1000.0 + 60 * 4
    failing.store.close()


def test_redirects_are_followed_and_checked(site: FeedSite, tmp_path: Path) -> None:
    ingest = RecordingIngest()
    moved = watcher(tmp_path / "w.db", ingest)
    assert moved.poll(site.base + "/moved.xml").errors == []
    assert site.paths()[:3] == ["/moved.xml", "/feed.xml", "/robots.txt"]
    moved.store.close()


@pytest.mark.parametrize(
    ("robots", "fetched"),
    [
        ((200, b"User-agent: *\nDisallow: /private/\n"), ["/a1.html"]),
        ((200, b"User-agent: eventwire\nDisallow: /\n"), []),
        ((403, b""), ["/a1.html", "/private/a2.html"]),  # RFC 9309: 4xx means no rules
        ((503, b""), []),  # unreachable: stay out for now
    ],
)
def test_robots_txt_is_respected(
    site: FeedSite, tmp_path: Path, robots: tuple[int, bytes], fetched: list[str]
) -> None:
    site.items = ["a1.html", "private/a2.html"]
    site.robots = robots
    polite = watcher(tmp_path / "w.db", RecordingIngest())
    stats = polite.poll(site.base + "/feed.xml")
    assert [p for p in site.paths() if p.endswith(".html")] == fetched
    assert stats.robots_skipped == 2 - len(fetched) and stats.errors == []
    polite.store.close()


def test_oversized_pages_are_refused(site: FeedSite, tmp_path: Path) -> None:
    site.items = ["huge.html", "a1.html"]
    ingest = RecordingIngest()
    capped = watcher(tmp_path / "w.db", ingest, max_bytes=10_000)
    stats = capped.poll(site.base + "/feed.xml")
    assert any("larger than 10000 bytes" in error for error in stats.errors)
    assert [item.url for item in ingest.items] == [site.base + "/a1.html"]
    capped.store.close()


def test_requests_to_one_host_are_spaced_out(site: FeedSite) -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    options = WatchOptions(allow_private=True, host_delay=2.0)
    fetcher = Fetcher(options, clock=lambda: now[0], sleep=sleep)
    port = site.base.rsplit(":", 1)[1]
    fetcher.get(site.base + "/a1.html")
    fetcher.get(f"http://localhost:{port}/a2.html")  # another host name: no wait
    now[0] += 0.5
    fetcher.get(site.base + "/a3.html")  # 0.5 s after the last request to 127.0.0.1
    assert slept == [1.5]
    fetcher.close()


def test_feeds_file_lines_comments_and_bad_urls(tmp_path: Path) -> None:
    good = tmp_path / "feeds.txt"
    good.write_text("# wires\nhttps://a.example/rss  # main\n\nhttp://b.example/atom\n")
    assert read_feeds_file(good) == ["https://a.example/rss", "http://b.example/atom"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/rss\nfile:///etc/passwd\n")
    with pytest.raises(UsageError, match=r"bad\.txt:2"):
        read_feeds_file(bad)


def test_canonical_urls_drop_fragments_and_case() -> None:
    assert canonical_url("HTTPS://News.Example/a?b=1#c") == "https://news.example/a?b=1"


def test_watch_once_refuses_loopback_and_reports_failure(
    site: FeedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.base + "/feed.xml\n")
    settings = Settings(db=str(tmp_path / "w.db"), progress=False)
    assert watch(settings, feeds, 60, once=True) == 1
    assert "eventwire: error: " in capsys.readouterr().err
    assert site.requests == []


@pytest.mark.slow
def test_watch_once_ingests_articles_through_the_pipeline(site: FeedSite, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.base + "/feed.xml\n")
    db = tmp_path / "w.db"
    settings = Settings(db=str(db), progress=False)
    assert watch(settings, feeds, 60, allow_private=True, once=True) == 0
    store = open_store(str(db))
    try:
        assert store.counts()["documents"] == 2
    finally:
        store.close()
    site.requests.clear()
    assert watch(settings, feeds, 60, allow_private=True, once=True) == 0
    assert site.paths() == ["/feed.xml"]  # after a restart: 304, and no article twice


class CrashingIngest(RecordingIngest):
    def __call__(self, items: Sequence[RawInput], store: Store, settings: Settings) -> Any:
        raise RuntimeError("killed mid-ingest")


def test_a_crash_during_ingest_loses_no_article(site: FeedSite, tmp_path: Path) -> None:
    crashing = watcher(tmp_path / "w.db", CrashingIngest())
    with pytest.raises(RuntimeError):
        crashing.poll(site.base + "/feed.xml")
    crashing.store.close()

    # After the restart neither the feed's ETag nor the articles count as seen.
    ingest = RecordingIngest()
    again = watcher(tmp_path / "w.db", ingest)
    site.requests.clear()
    stats = again.poll(site.base + "/feed.xml")
    assert stats.feeds_unchanged == 0
    assert [item.url for item in ingest.items] == [site.base + "/a1.html", site.base + "/a2.html"]
    again.store.close()
