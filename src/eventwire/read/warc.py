"""Web archives (.warc, .warc.gz): every HTML response record becomes one RawInput."""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings

log = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_READ_CHUNK = 1 << 16
_GIVE_UP = 4  # records declaring more than this many times the input limit end the file


@dataclass(slots=True)
class WarcStats:
    """What one archive held: HTML documents yielded, records skipped, records refused."""

    documents: int = 0
    skipped: int = 0  # requests, metadata, non-HTML or non-200 responses
    refused: int = 0  # HTML records over the size limit


def read_warc(
    path: Path, settings: Settings, stats: WarcStats | None = None
) -> Iterator[RawInput | InputError]:
    """HTML responses of an archive in order; damage ends the file with one InputError.

    Other records are skipped and counted in `stats` (and in a log line at the end).
    Each record is read up to settings.max_input_bytes after decompression, so a
    decompression bomb costs time but never memory.
    """
    stats = stats if stats is not None else WarcStats()
    index = offset = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, arc2warc=True)
            for index, record in enumerate(records):
                declared = int(record.rec_headers.get_header("Content-Length") or 0)
                if declared > _GIVE_UP * settings.max_input_bytes:
                    # Skipping it would still mean inflating all of it: stop this file here.
                    stats.refused += 1
                    yield InputError(
                        f"{path}#{offset}",
                        f"record declares {declared:,} bytes (a decompression bomb?); "
                        "rest of file skipped",
                    )
                    break
                item = _item(record, path, offset, settings, stats)
                # warcio learns a record's offset only once it has read the record to its end.
                offset = records.get_record_offset()
                if _cut_short(record):
                    yield _damaged(path, offset, index, EOFError("record cut short"))
                    break
                if isinstance(item, RawInput):
                    item = replace(item, origin=f"{path}#{offset}")
                offset += records.get_record_length()
                if item is not None:
                    yield item
            else:
                # warcio ends quietly at a cut gzip member: bytes left over mean damage.
                stream.seek(offset)
                if stream.read(64).strip():
                    yield _damaged(path, offset, index, EOFError("unexpected end of data"))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            yield InputError(str(path), f"cannot read file: {exc.strerror or exc}")
            return
        yield _damaged(path, offset, index, exc)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        yield _damaged(path, offset, index, exc)
    except Exception as exc:  # warcio's parser fails in many ways on damaged bytes
        yield _damaged(path, offset, index, exc)
    log.info(
        "%s: %d HTML documents, %d other records skipped, %d refused",
        path,
        stats.documents,
        stats.skipped,
        stats.refused,
    )


def _item(
    record: Any, path: Path, offset: int, settings: Settings, stats: WarcStats
) -> RawInput | InputError | None:
    """The RawInput of one record, an InputError when it is refused, None when skipped."""
    if not _is_html_response(record):
        stats.skipped += 1
        return None
    limit = settings.max_input_bytes
    content = _read_limited(record, limit)
    if content is None:
        stats.refused += 1
        return InputError(
            f"{path}#{offset}", f"record is over {limit:,} bytes decompressed; skipped"
        )
    stats.documents += 1
    return RawInput(
        origin=str(path),
        kind="html",
        content=content,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        captured=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def _damaged(path: Path, offset: int, index: int, exc: BaseException) -> InputError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return InputError(
        f"{path}#{offset}",
        f"truncated or corrupt archive after record {index}; rest of file skipped ({reason[:120]})",
    )


def _cut_short(record: Any) -> bool:
    """True when a record has no declared length or ended before it."""
    if record.rec_headers.get_header("Content-Length") is None:
        return True
    return getattr(record.raw_stream, "limit", 0) > 0


def _is_html_response(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode()
        if not status or not status.startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _read_limited(record: Any, limit: int) -> bytes | None:
    """The record's decoded payload, or None when it is over `limit` bytes."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
