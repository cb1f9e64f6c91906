"""Inputs (files, directories, standard input, jsonl records, web archives) into RawInput."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings
from eventwire.store.base import id_too_long

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32 first: its little-endian mark begins with UTF-16's.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SUPPORTED = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

ReadItem = RawInput | InputError


def kind_of(path: Path) -> str | None:
    """'html', 'text', 'jsonl' or 'warc' from the file name; None when unsupported."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def parse_date(value: Any, subject: str, field: str = "published") -> dt.date | None:
    """A YYYY-MM-DD date (a longer ISO timestamp is cut to its date); None for empty."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(subject, f"{field}: expected YYYY-MM-DD, got {text[:40]!r}") from None


def read_inputs(
    inputs: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[ReadItem]:
    """Every document in the named inputs, in order; problems come out as InputError items."""
    for name in inputs:
        if name == "-":
            if stdin is None:
                yield InputError("-", "standard input is not available")
                continue
            yield from read_stdin(stdin, settings)
            continue
        path = Path(name)
        if path.is_dir():
            for child in walk(path):
                yield from read_file(child, settings)
        elif path.exists():
            yield from read_file(path, settings, explicit=True)
        else:
            yield InputError(name, "no such file or directory")


def walk(root: Path) -> Iterator[Path]:
    """Supported files below a directory, sorted, hidden files and folders left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            path = Path(dirpath, filename)
            if not filename.startswith(".") and kind_of(path):
                yield path


def _read_bounded(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "file is empty")
    if size > settings.max_input_bytes:
        raise InputError(
            str(path),
            f"file is {size:,} bytes, over the limit of {settings.max_input_bytes:,} "
            "(EVENTWIRE_MAX_INPUT_BYTES)",
        )
    return path.read_bytes()


def read_file(path: Path, settings: Settings, explicit: bool = False) -> Iterator[ReadItem]:
    """The documents in one file, by its suffix."""
    kind = kind_of(path)
    subject = str(path)
    if kind is None:
        yield InputError(subject, f"unsupported file type; expected one of {', '.join(SUPPORTED)}")
        return
    if kind == "warc":
        with contextlib.suppress(OSError):  # read_warc reports a file it cannot read
            if path.stat().st_size == 0:
                yield InputError(subject, "file is empty")
                return
        try:
            from eventwire.read.warc import read_warc
        except ImportError:
            yield InputError(subject, "WARC input is not available in this build yet")
            return
        yield from read_warc(path, settings)
        return
    try:
        data = _read_bounded(path, settings)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(subject, f"cannot read file: {exc.strerror or exc}")
        return
    if kind == "jsonl":
        yield from read_jsonl(jsonl_as_utf8(data).splitlines(), subject)
    else:
        yield RawInput(origin=subject, kind=kind, content=data)


def read_stdin(stream: BinaryIO, settings: Settings) -> Iterator[ReadItem]:
    """Standard input: jsonl when it starts with '{', else one plain-text document."""
    data = stream.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        yield InputError("-", f"standard input is over the limit of {settings.max_input_bytes:,}")
        return
    if not data.strip():
        yield InputError("-", "standard input is empty")
        return
    records = jsonl_as_utf8(data)
    if records.lstrip(UTF8_BOM + b" \t\r\n").startswith(b"{"):
        yield from read_jsonl(records.splitlines(), "-")
    else:
        yield RawInput(origin="-", kind="text", content=data)


def wide_codec(data: bytes) -> tuple[str, int] | None:
    """(codec, length of its byte-order mark) when jsonl bytes are UTF-16 or UTF-32, else None.

    Known by the mark, or without one by NUL bytes around the first character, which is
    ASCII in any JSON text ('{', a space) and never NUL in UTF-8 JSON.
    """
    for bom, codec in WIDE_BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    head = data[:4]
    if len(head) == 4 and head[0] and not any(head[1:]):
        return "utf-32-le", 0
    if len(head) == 4 and not any(head[:3]) and head[3]:
        return "utf-32-be", 0
    if len(head) >= 2 and head[0] and not head[1]:
        return "utf-16-le", 0
    if len(head) >= 2 and not head[0] and head[1]:
        return "utf-16-be", 0
    return None


def jsonl_as_utf8(data: bytes) -> bytes:
    """jsonl bytes in UTF-8, as JSON must be: UTF-16/32 (as Windows tools save) re-encoded.

    A unit that does not decode becomes U+FFFD, as in plain-text input."""
    found = wide_codec(data)
    if found is None:
        return data
    codec, start = found
    return data[start:].decode(codec, errors="replace").encode("utf-8", errors="replace")


def _not_utf8(line: bytes) -> str | None:
    """Why a line is not UTF-8 (the first bad byte, and what to do), or None when it is."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            f"not UTF-8: byte 0x{line[exc.start]:02X} at byte {exc.start + 1} of the line "
            "(Latin-1 or Windows-1252 text?); jsonl must be UTF-8 or UTF-16, so the line is "
            "skipped rather than guessed at: convert the file, e.g. "
            "`iconv -f windows-1252 -t utf-8`"
        )
    return None


def read_jsonl(lines: Iterable[bytes], subject: str) -> Iterator[ReadItem]:
    """One RawInput per JSON line; a bad line is an error naming its line number."""
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix(UTF8_BOM)  # as Windows editors save; orjson refuses it
        if not line.strip():
            continue
        origin = f"{subject}:{number}"
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield InputError(origin, _not_utf8(line) or f"invalid JSON ({exc})")
            continue
        try:
            yield record_to_raw(record, origin)
        except InputError as exc:
            yield exc


def record_to_raw(record: Any, origin: str) -> RawInput:
    """A jsonl/API record {id, text|html, published?, url?, title?, outlet?} as RawInput."""
    if not isinstance(record, dict):
        raise InputError(origin, "expected a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or not str(doc_id).strip():
        raise InputError(origin, "id: missing or not a string")
    too_long = id_too_long(str(doc_id))
    if too_long:
        raise InputError(origin, f"id: {too_long}")
    text, html = record.get("text"), record.get("html")
    if isinstance(html, str) and html.strip():
        kind, content = "html", html
    elif isinstance(text, str) and text.strip():
        kind, content = "text", text
    else:
        raise InputError(f"{origin} (id {doc_id})", "needs a non-empty 'text' or 'html' string")
    for key in ("url", "title", "outlet"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"{origin} (id {doc_id})", f"{key}: expected a string")
    return RawInput(
        origin=origin,
        kind=kind,
        content=content,
        id=str(doc_id),
        url=record.get("url") or None,
        title=record.get("title") or None,
        outlet=record.get("outlet") or None,
        published=parse_date(record.get("published"), f"{origin} (id {doc_id})"),
    )
