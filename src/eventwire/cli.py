"""The command line: parse flags, call the library, turn errors into one line each."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import orjson

from eventwire import __version__
from eventwire.errors import EventwireError, InputError, UsageError
from eventwire.models import Document
from eventwire.read import ReadItem, read_inputs
from eventwire.settings import Settings, load_settings

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
eventwire turns news reports of armed conflict, protest and crisis into events in ACLED's
public schema (what, who, where, when, how many died, who says so), with the span of text
behind every field. Inputs: .html/.htm pages, .txt scrapes, .jsonl records
({"id", "text"|"html", "published"?, "url"?, "title"?}), .warc/.warc.gz archives,
directories (read recursively) and - for standard input.
"""

EPILOG = """\
examples:
  eventwire extract page.txt --published 2024-11-30
  eventwire ingest articles/ && eventwire events --country Syria --format csv -o syria.csv
  eventwire serve --port 8000

settings: defaults < eventwire.toml (or $EVENTWIRE_CONFIG) < EVENTWIRE_* variables < flags.
exit status: 0 ok, 1 some inputs failed (each reported on stderr), 2 bad usage.
"""


class _Parser(argparse.ArgumentParser):
    """argparse with the contract's error line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        subject, what = _usage_parts(message)
        sys.stderr.write(f"eventwire: error: {subject}: {what} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


def _usage_parts(message: str) -> tuple[str, str]:
    """argparse's message as the contract's <field>: <what is wrong>."""
    for prefix, what in (
        ("the following arguments are required: ", "required"),
        ("unrecognized arguments: ", "unrecognized argument(s)"),
    ):
        if message.startswith(prefix):
            return message.removeprefix(prefix), what
    subject, sep, what = message.removeprefix("argument ").partition(": ")
    return (subject, what) if sep else ("usage", message)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected W,S,E,N in degrees, got {value!r}") from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise argparse.ArgumentTypeError(f"not a valid W,S,E,N box: {value!r}")
    return (w, s, e, n)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="eventwire",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    help_of = Settings.help_text()

    def command(name: str, summary: str, func: Callable[..., int]) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=summary,
            description=summary,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        p.add_argument("--config", metavar="FILE", help="settings file (TOML)")
        return p

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "inputs",
            nargs="*",
            metavar="INPUT",
            default=["-"],
            help="files, directories or - for standard input (default: -)",
        )
        p.add_argument(
            "--published",
            type=_date,
            metavar="DATE",
            help="publication date (YYYY-MM-DD) for inputs that carry none; "
            "used to resolve 'Wednesday', 'yesterday', ...",
        )
        p.add_argument("--url", help="source URL for inputs that carry none")
        p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help=help_of["db"] + " (default: $EVENTWIRE_DB or ./eventwire.db)",
        )

    def workers(p: argparse.ArgumentParser) -> None:
        p.add_argument("--workers", type=_positive, metavar="N", help=help_of["workers"])

    p = command(
        "extract", "read, clean and extract events; one document record per document", cmd_extract
    )
    inputs(p)
    workers(p)
    p.add_argument(
        "--format",
        choices=("jsonl", "json", "csv", "geojson"),
        default="jsonl",
        help="jsonl/json: document records; csv/geojson: their events (default jsonl)",
    )

    p = command(
        "clean", "read and clean documents: article text and metadata, no events", cmd_clean
    )
    inputs(p)
    p.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl records, or the clean text (documents separated by a form feed)",
    )

    p = command("geoparse", "documents with every place name found and resolved", cmd_geoparse)
    inputs(p)
    p.add_argument("--format", choices=("jsonl",), default="jsonl")

    p = command("ingest", "extract and store; the same document twice is stored once", cmd_ingest)
    inputs(p)
    db(p)
    workers(p)
    p.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local processes (default) or a Ray cluster (see the README)",
    )

    p = command("events", "query stored events and export them", cmd_events)
    db(p)
    p.add_argument("--since", type=_date, metavar="DATE", help="events on or after DATE")
    p.add_argument("--until", type=_date, metavar="DATE", help="events on or before DATE")
    p.add_argument("--country", help="country name, e.g. Syria")
    p.add_argument("--admin1", help="first-level region, e.g. Idlib")
    p.add_argument("--event-type", help="ACLED event type, e.g. Battles")
    p.add_argument("--sub-event-type", help="ACLED sub-event type, e.g. 'Air/drone strike'")
    p.add_argument("--actor", help="text in an actor's name (case-insensitive)")
    p.add_argument("--bbox", type=_bbox, metavar="W,S,E,N", help="bounding box in degrees")
    p.add_argument("--q", "--text", dest="q", metavar="TEXT", help="text in notes, place, actors")
    p.add_argument("--limit", type=_positive, help="at most this many events (default: all)")
    p.add_argument(
        "--format",
        choices=("jsonl", "csv", "geojson", "parquet", "table"),
        default="jsonl",
        help="jsonl (default), ACLED-style csv, geojson, parquet, or a table to read",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = command("serve", "HTTP API and web dashboard", cmd_serve)
    db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.add_argument(
        "--read-only", action="store_true", help="refuse every write, even with a valid token"
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="allow cross-origin reads from ORIGIN (repeatable; default: none)",
    )
    p.add_argument(
        "--max-body-bytes",
        type=_positive,
        default=5_000_000,
        metavar="N",
        help="larger request bodies get 413 (default 5000000)",
    )
    p.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="server processes (default 1)"
    )
    p.add_argument(
        "--cache-bytes",
        type=int,
        default=64_000_000,
        metavar="N",
        help="response cache per process, dropped on every store change (0 = off; default 64 MB)",
    )

    p = command("watch", "poll RSS/Atom feeds and ingest new articles", cmd_watch)
    p.add_argument(
        "feeds_file",
        metavar="FEEDS_FILE",
        help="text file with one feed URL per line (# comments allowed)",
    )
    db(p)
    p.add_argument(
        "--interval",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="seconds between polls of each feed (default 300)",
    )
    p.add_argument("--once", action="store_true", help="poll every feed once, then exit")
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow feeds and pages on private or loopback addresses (testing)",
    )

    p = command("token", "create an API token for writes (POST /api/documents)", cmd_token)
    db(p)
    p.add_argument("name", help="who the token is for, e.g. 'newsroom-bot'")
    p.add_argument("--revoke", action="store_true", help="revoke NAME's token instead")
    return parser


# --- helpers -----------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "db", None):
        overrides["db"] = args.db
    if getattr(args, "workers", None):
        overrides["workers"] = args.workers
    if getattr(args, "no_progress", False):
        overrides["progress"] = False
    return load_settings(getattr(args, "config", None), overrides=overrides)


def _shown(db: str) -> str:
    """The store URL as printed: a PostgreSQL password never reaches a terminal or a log."""
    from eventwire.store.postgres import redact

    return redact(db)


def _error(subject: str, message: str) -> None:
    sys.stderr.write(f"eventwire: error: {subject}: {message}\n")


def _items(args: argparse.Namespace, settings: Settings) -> Iterator[ReadItem]:
    """Input items with --published/--url applied where the input carries none."""
    import dataclasses

    for item in read_inputs(args.inputs, settings, sys.stdin.buffer):
        if not isinstance(item, InputError):
            if args.published and item.published is None:
                item = dataclasses.replace(item, published=args.published)
            if args.url and item.url is None:
                item = dataclasses.replace(item, url=args.url)
        yield item


def _progress(items: Iterator[Any], settings: Settings, what: str) -> Iterator[Any]:
    if not (settings.progress and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return iter(tqdm(items, desc=what, unit=" doc", file=sys.stderr, leave=False))


def _dump(record: Any) -> bytes:
    return orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS)


class _Failures:
    """Counts failed inputs and reports each on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, exc: EventwireError) -> None:
        self.count += 1
        _error(exc.subject, exc.message)

    @property
    def status(self) -> int:
        return EXIT_SOME_FAILED if self.count else EXIT_OK


def _run_documents(args: argparse.Namespace, mode: str) -> Iterator[Document]:
    """Documents from the pipeline; errors go to stderr and are counted on args.failures."""
    from eventwire.pipeline import Pipeline

    settings = _settings(args)
    pipeline = Pipeline(settings, mode)  # type: ignore[arg-type]
    run = pipeline.run(_items(args, settings))
    for outcome in _progress(run, settings, mode):
        if isinstance(outcome, InputError):
            args.failures.report(outcome)
        else:
            yield outcome


# --- commands ----------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    documents = _run_documents(args, "extract")
    if args.format == "jsonl":
        for document in documents:
            out.write(_dump(document.to_record(events=True, places=True)) + b"\n")
            out.flush()
    elif args.format == "json":
        records = [d.to_record(events=True, places=True) for d in documents]
        out.write(orjson.dumps(records, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from eventwire.export import write_events

        events = (e.to_record() for d in documents for e in d.events)
        write_events(events, args.format, out)
    out.flush()
    return int(args.failures.status)


def cmd_clean(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    first = True
    for document in _run_documents(args, "clean"):
        if args.format == "text":
            if not first:
                out.write(b"\f\n")
            out.write(document.text.encode("utf-8") + b"\n")
        else:
            out.write(_dump(document.to_record(events=False, places=False)) + b"\n")
        out.flush()
        first = False
    return int(args.failures.status)


def cmd_geoparse(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    for document in _run_documents(args, "geoparse"):
        out.write(_dump(document.to_record(events=False, places=True)) + b"\n")
        out.flush()
    return int(args.failures.status)


def cmd_ingest(args: argparse.Namespace) -> int:
    from eventwire.pipeline import ingest
    from eventwire.store import open_store

    settings = _settings(args)
    counts: dict[str, int] = {}
    if args.engine == "ray":
        from eventwire.scale.ray_runner import RayOptions, ingest_with_ray

        options = RayOptions(published=args.published, url=args.url)
        result = ingest_with_ray(args.inputs, settings, options)
        store = open_store(settings.db)
        try:
            counts = store.counts()
        finally:
            store.close()
    else:
        store = open_store(settings.db)
        try:
            items = _progress(_items(args, settings), settings, "ingest")
            result = ingest(items, store, settings)
            counts = store.counts()
        finally:
            store.close()
    for line in result.errors:
        subject, _, message = line.partition(": ")
        args.failures.report(InputError(subject, message or line))
    sys.stdout.write(
        f"ingested {result.documents_new} new document(s), {result.documents_existing} already "
        f"stored, {result.events_new} new event(s), {result.events_merged} report(s) merged "
        f"into known events, {len(result.errors)} failed\n"
        f"store {_shown(settings.db)}: {counts.get('documents', 0)} documents, "
        f"{counts.get('events', 0)} events\n"
    )
    return int(args.failures.status)


def cmd_events(args: argparse.Namespace) -> int:
    from eventwire.export import write_events
    from eventwire.store import open_store
    from eventwire.store.base import EventQuery

    settings = _settings(args)
    _check_event_filters(args)
    query = EventQuery(
        since=args.since,
        until=args.until,
        country=args.country,
        admin1=args.admin1,
        event_type=args.event_type,
        sub_event_type=args.sub_event_type,
        actor=args.actor,
        bbox=args.bbox,
        q=args.q,
    )
    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        raise UsageError("--format parquet", "binary output: give -o FILE or redirect stdout")
    store = open_store(settings.db)
    try:
        events: Iterator[dict[str, Any]] = store.iter_events(query)
        if args.limit:
            import itertools

            events = itertools.islice(events, args.limit)
        if args.format == "table":
            _write_table(events, sys.stdout)
        elif args.output:
            try:
                with contextlib.ExitStack() as stack:
                    try:
                        handle = stack.enter_context(Path(args.output).open("wb"))
                    except OSError as exc:
                        reason = exc.strerror or exc
                        raise UsageError(args.output, f"cannot write: {reason}") from None
                    count = write_events(events, args.format, handle)
            except OSError as exc:  # a full disk while writing
                raise EventwireError(args.output, f"cannot write: {exc.strerror or exc}") from None
            sys.stderr.write(f"wrote {count} event(s) to {args.output}\n")
        else:
            write_events(events, args.format, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    finally:
        store.close()
    return EXIT_OK


def _check_event_filters(args: argparse.Namespace) -> None:
    """UsageError for filters that can match nothing, as the API answers them with 422."""
    from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT

    if args.since and args.until and args.since > args.until:
        raise UsageError("--since", f"{args.since} is after --until {args.until}")
    for flag, value, known in (
        ("--event-type", args.event_type, EVENT_TYPES),
        ("--sub-event-type", args.sub_event_type, SUB_EVENT_TO_EVENT),
    ):
        # The store compares these case-insensitively; so does this check.
        if value and value.strip().casefold() not in {name.casefold() for name in known}:
            raise UsageError(flag, f"unknown {value!r}; known: {'; '.join(known)}")


TABLE_COLUMNS = (
    ("event_date", 10),
    ("sub_event_type", 26),
    ("location", 18),
    ("actor1", 30),
    ("actor2", 24),
    ("fatalities", 5),
    ("source", 30),
)


def _write_table(events: Iterator[dict[str, Any]], out: Any) -> None:
    """A fixed-width table for people reading a terminal."""

    def cell(value: Any, width: int) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)

    out.write("  ".join(cell(name, width) for name, width in TABLE_COLUMNS).rstrip() + "\n")
    count = 0
    for event in events:
        out.write("  ".join(cell(event.get(k), w) for k, w in TABLE_COLUMNS).rstrip() + "\n")
        count += 1
    out.write(f"({count} event(s))\n")


def cmd_serve(args: argparse.Namespace) -> int:
    from eventwire.serve import run
    from eventwire.serve.app import ServeOptions

    options = ServeOptions(
        read_only=args.read_only,
        cors_origins=tuple(args.cors_origin or ()),
        max_body_bytes=args.max_body_bytes,
        workers=args.workers,
        cache_bytes=max(0, args.cache_bytes),
    )
    # --workers here means server processes, not extraction workers.
    settings = _settings(argparse.Namespace(**{**vars(args), "workers": None}))
    run(settings, args.host, args.port, options)
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    from eventwire.read.feeds import watch

    path = Path(args.feeds_file)
    if not path.is_file():
        raise UsageError(args.feeds_file, "no such feeds file")
    if args.interval <= 0:
        raise UsageError("--interval", "must be a positive number of seconds")
    return watch(
        _settings(args), path, args.interval, allow_private=args.allow_private, once=args.once
    )


def cmd_token(args: argparse.Namespace) -> int:
    from eventwire.serve.auth import create_token, revoke_token
    from eventwire.store import open_store

    settings = _settings(args)
    store = open_store(settings.db)
    try:
        if args.revoke:
            if not revoke_token(store, args.name):
                raise UsageError(args.name, "no token with that name")
            sys.stderr.write(f"token for {args.name!r} revoked\n")
            return EXIT_OK
        token = create_token(store, args.name)
    finally:
        store.close()
    sys.stdout.write(token + "\n")
    sys.stderr.write(
        f"token for {args.name!r} stored (hashed) in {_shown(settings.db)}; it is shown only once\n"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `eventwire` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.failures = _Failures()
    try:
        return int(args.func(args))
    except UsageError as exc:
        _error(exc.subject, exc.message)
        return EXIT_USAGE
    except EventwireError as exc:
        _error(exc.subject, exc.message)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("eventwire: interrupted\n")
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. `| head`): not an error of ours.
        _drop_stdout()
        return EXIT_OK
    except OSError as exc:
        # Results could not be written (a full disk, a device that refuses them): one line,
        # not a traceback.
        _error(exc.filename or "stdout", f"cannot write: {exc.strerror or exc}")
        _drop_stdout()
        return EXIT_SOME_FAILED


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):  # no real stdout (tests, embedding)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
