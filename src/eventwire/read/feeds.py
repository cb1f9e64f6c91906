"""Feed watching: poll RSS/Atom feeds, fetch each new article once, politely, and ingest it."""

from __future__ import annotations

import calendar
import datetime as dt
import ipaddress
import logging
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import feedparser
import httpx
import orjson

from eventwire import __version__
from eventwire.errors import InputError, UsageError
from eventwire.models import RawInput
from eventwire.settings import Settings
from eventwire.store.base import IngestResult, Store

log = logging.getLogger("eventwire.watch")

FEEDS = "feed"  # state namespace: feed URL -> {etag, modified, failures, next_poll}
FETCHED = "fetched_url"  # state namespace: article URL -> {at, status, attempts}
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
ROBOTS_AGENT = "eventwire"
ROBOTS_TTL = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How the watcher fetches: politeness, limits and retry policy."""

    interval: float = 900.0  # seconds between polls of one feed
    allow_private: bool = False  # allow loopback/private/link-local addresses (tests, intranets)
    host_delay: float = 2.0  # politeness: at least this many seconds between requests to a host
    timeout: float = 20.0
    max_bytes: int = 5_000_000  # larger responses are refused
    max_redirects: int = 5
    max_backoff: float = 6 * 3600.0  # a failing feed is retried at most this far apart
    max_new_per_poll: int = 50  # new articles fetched from one feed per poll
    max_attempts: int = 3  # an article that failed in transit is retried this many times in all
    user_agent: str = f"eventwire/{__version__} (feed watcher)"


class FetchError(InputError):
    """A URL could not be fetched; `transient` errors may be retried later."""

    def __init__(self, subject: str, message: str, *, transient: bool = False) -> None:
        super().__init__(subject, message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes


def read_feeds_file(path: Path) -> list[str]:
    """Feed URLs, one a line; blank lines and `#` comments are skipped; only http(s)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(str(path), f"cannot read feeds file: {exc}") from None
    feeds: list[str] = []
    for number, line in enumerate(lines, start=1):
        url = line.split("#", 1)[0].strip()
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{path}:{number}", f"not an http(s) URL: {url!r}")
        if url not in feeds:
            feeds.append(url)
    if not feeds:
        raise UsageError(str(path), "no feed URLs in the file (one http(s) URL a line)")
    return feeds


def canonical_url(url: str) -> str:
    """The key under which a URL counts as fetched: no fragment, lower-case scheme and host."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def check_address(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs, and hosts resolving to non-public addresses unless allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "only http(s) URLs are fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"cannot resolve host: {exc}", transient=True) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                url,
                f"refused: {parts.hostname} resolves to non-public address {address} "
                "(pass --allow-private to fetch from private networks)",
            )


class Fetcher:
    """HTTP GETs with address checks on every hop, a size cap and a per-host delay."""

    def __init__(
        self,
        options: WatchOptions,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options
        self.client = client or httpx.Client(
            timeout=options.timeout,
            follow_redirects=False,
            headers={"User-Agent": options.user_agent},
            trust_env=False,
        )
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}  # host -> time of its last request

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.options.host_delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        for _ in range(self.options.max_redirects + 1):
            check_address(url, self.options.allow_private)
            self._wait_for(urlsplit(url).hostname or "")
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    body = self._read(url, response)
                    return Fetched(url, response.status_code, response.headers, body)
            except httpx.HTTPError as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}", transient=True) from None
        raise FetchError(url, f"more than {self.options.max_redirects} redirects")

    def _read(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.options.max_bytes:
            raise FetchError(url, f"response larger than {self.options.max_bytes} bytes")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.options.max_bytes:
                raise FetchError(url, f"response larger than {self.options.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self.client.close()


@dataclass
class PollStats:
    feeds_polled: int = 0
    feeds_unchanged: int = 0
    articles_fetched: int = 0
    documents_new: int = 0
    events_new: int = 0
    robots_skipped: int = 0
    errors: list[str] = field(default_factory=list)


Ingest = Callable[[Sequence[RawInput], Store, Settings], IngestResult]


def pipeline_ingest(items: Sequence[RawInput], store: Store, settings: Settings) -> IngestResult:
    from eventwire.pipeline import ingest

    return ingest(list(items), store, settings)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None


def _retry_after(headers: httpx.Headers) -> float:
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


class FeedWatcher:
    """Polls feeds and ingests new articles; all memory (ETags, fetched URLs) is in the store."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: WatchOptions,
        *,
        fetcher: Fetcher | None = None,
        ingest: Ingest = pipeline_ingest,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.settings = settings
        self.options = options
        self.fetcher = fetcher or Fetcher(options)
        self.ingest = ingest
        self.now = now
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}  # site -> until, rules

    def _state(self, namespace: str, key: str) -> dict[str, Any]:
        raw = self.store.get_state(namespace, key)
        return dict(orjson.loads(raw)) if raw else {}

    def _save(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        self.store.set_state(namespace, key, orjson.dumps(value).decode())

    def next_poll(self, feed_url: str) -> float:
        """When the feed is due (epoch seconds); 0 for a feed never polled."""
        return float(self._state(FEEDS, feed_url).get("next_poll", 0.0))

    def poll(self, feed_url: str) -> PollStats:
        """Poll one feed now: a conditional GET, then fetch and ingest its new articles."""
        stats = PollStats(feeds_polled=1)
        state = self._state(FEEDS, feed_url)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            headers["If-Modified-Since"] = state["modified"]
        fetched: Fetched | None = None
        try:
            fetched = self.fetcher.get(feed_url, headers)
            if fetched.status == 304:
                stats.feeds_unchanged = 1
                self._schedule(feed_url, state, failed=False)
                return stats
            if fetched.status != 200:
                raise FetchError(feed_url, f"HTTP {fetched.status}", transient=True)
            parsed = feedparser.parse(
                fetched.body,
                response_headers={
                    "content-type": fetched.headers.get("content-type", ""),
                    "content-location": fetched.url,
                },
            )
            if parsed.bozo and not parsed.entries:
                raise FetchError(feed_url, f"not an RSS/Atom feed: {parsed.get('bozo_exception')}")
        except FetchError as exc:
            delay = _retry_after(fetched.headers) if fetched else 0.0
            self._schedule(feed_url, state, failed=True, at_least=delay)
            stats.errors.append(str(exc))
            return stats
        self._take_articles(parsed.entries, fetched.url, stats)
        # The validators are kept only after the new articles are stored, so a crash in
        # between asks for the whole feed again instead of getting a 304 and missing them.
        state.update(
            etag=fetched.headers.get("etag"), modified=fetched.headers.get("last-modified")
        )
        self._schedule(feed_url, state, failed=False)
        return stats

    def _schedule(
        self, feed_url: str, state: dict[str, Any], *, failed: bool, at_least: float = 0.0
    ) -> None:
        failures = int(state.get("failures", 0)) + 1 if failed else 0
        delay = self.options.interval * (2 ** min(failures, 20) if failed else 1)
        delay = max(min(delay, self.options.max_backoff), at_least)
        state.update(failures=failures, next_poll=self.now() + delay)
        self._save(FEEDS, feed_url, state)

    def _new_links(self, entries: list[Any], base: str) -> list[tuple[str, Any]]:
        found: dict[str, Any] = {}
        for entry in entries:
            link = entry.get("link")
            if not isinstance(link, str) or not link.strip():
                continue
            url = canonical_url(urljoin(base, link.strip()))
            if urlsplit(url).scheme not in ("http", "https") or url in found:
                continue
            record = self._state(FETCHED, url)
            if record and not (
                record.get("status") == "transient"
                and int(record.get("attempts", 0)) < self.options.max_attempts
            ):
                continue  # fetched before (or given up on): never again
            found[url] = entry
        return list(found.items())[: self.options.max_new_per_poll]

    def _take_articles(self, entries: list[Any], base: str, stats: PollStats) -> None:
        items: list[RawInput] = []
        for url, entry in self._new_links(entries, base):
            if not self._robots_allow(url):
                log.info("%s: disallowed by robots.txt, not fetched", url)
                stats.robots_skipped += 1
                continue
            item = self._fetch_article(url, entry, stats)
            if item is not None:
                items.append(item)
        if not items:
            return
        result = self.ingest(items, self.store, self.settings)
        # Marked only once stored: a crash before this line fetches these pages once more
        # next time (ingest is idempotent), rather than losing them.
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for item in items:
            attempts = int(self._state(FETCHED, item.origin).get("attempts", 0)) + 1
            self._save(FETCHED, item.origin, {"at": at, "status": "200", "attempts": attempts})
        stats.documents_new += result.documents_new
        stats.events_new += result.events_new
        stats.errors.extend(result.errors)

    def _robots_allow(self, url: str) -> bool:
        """RFC 9309: parse a 2xx robots.txt; 4xx means no rules; no answer or 5xx means stay out."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(site)
        if cached is None or cached[0] < self.now():
            rules = self._read_robots(site)
            # Rules are kept a day; a site that did not answer is asked again next poll.
            keep = ROBOTS_TTL if rules is not None else self.options.interval / 2
            cached = self._robots[site] = (self.now() + keep, rules)
        rules = cached[1]
        return rules is not None and rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, site: str) -> RobotFileParser | None:
        try:
            fetched = self.fetcher.get(site + "/robots.txt")
        except FetchError:
            return None
        if fetched.status >= 500 or fetched.status == 429 or fetched.status < 200:
            return None
        rules = RobotFileParser()
        body = fetched.body.decode("utf-8", "replace") if fetched.status < 300 else ""
        rules.parse(body.splitlines())
        return rules

    def _fetch_article(self, url: str, entry: Any, stats: PollStats) -> RawInput | None:
        record = self._state(FETCHED, url)
        attempts = int(record.get("attempts", 0)) + 1
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            fetched = self.fetcher.get(url)
        except FetchError as exc:
            status = "transient" if exc.transient else "refused"
            self._save(FETCHED, url, {"at": at, "status": status, "attempts": attempts})
            stats.errors.append(str(exc))
            return None
        stats.articles_fetched += 1
        media = fetched.headers.get("content-type", "text/html").split(";")[0].strip().lower()
        if fetched.status != 200 or media not in HTML_TYPES + TEXT_TYPES:
            # A page that reached its server but is no article is never requested again.
            status = str(fetched.status)
            self._save(FETCHED, url, {"at": at, "status": status, "attempts": attempts})
            why = f"not an article page ({media})" if status == "200" else f"HTTP {status}"
            stats.errors.append(f"{url}: {why}")
            return None
        return RawInput(
            origin=url,
            kind="html" if media in HTML_TYPES else "text",
            content=fetched.body,
            url=fetched.url,
            title=entry.get("title") or None,
            published=_entry_date(entry),
        )

    def close(self) -> None:
        self.fetcher.close()


def _report(feed_url: str, stats: PollStats) -> None:
    for error in stats.errors:
        print(f"eventwire: error: {error}", file=sys.stderr)
    log.info(
        "%s: %s, %d articles fetched, %d new documents, %d new events",
        feed_url,
        "unchanged" if stats.feeds_unchanged else "polled",
        stats.articles_fetched,
        stats.documents_new,
        stats.events_new,
    )


def watch(
    settings: Settings,
    feeds_file: Path,
    interval: float,
    *,
    allow_private: bool = False,
    once: bool = False,
) -> int:
    """Poll the feeds in `feeds_file` until interrupted (or once); 1 when a once-run had errors."""
    if interval <= 0:
        raise UsageError("--interval", "must be a positive number of seconds")
    feeds = read_feeds_file(feeds_file)
    from eventwire.store import open_store

    store = open_store(settings.db)
    watcher = FeedWatcher(
        store, settings, WatchOptions(interval=interval, allow_private=allow_private)
    )
    failed = False
    try:
        while True:
            for feed_url in feeds:
                if once or watcher.next_poll(feed_url) <= time.time():
                    stats = watcher.poll(feed_url)
                    failed = failed or bool(stats.errors)
                    _report(feed_url, stats)
            if once:
                break
            soonest = min(watcher.next_poll(feed_url) for feed_url in feeds)
            time.sleep(min(max(1.0, soonest - time.time()), interval))
    except KeyboardInterrupt:
        pass
    finally:
        watcher.close()
        store.close()
    return 1 if once and failed else 0
