"""Stored events out to files: ACLED-style CSV, JSON Lines, GeoJSON and Parquet, and back."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from eventwire.errors import UsageError
from eventwire.export import acled_csv, geojson, jsonl, parquet

FORMATS = ("csv", "jsonl", "geojson", "parquet")

_WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[bytes]], int]] = {
    "csv": acled_csv.write,
    "jsonl": jsonl.write,
    "geojson": geojson.write,
    "parquet": parquet.write,
}
_READERS: dict[str, Callable[[IO[bytes]], list[dict[str, Any]]]] = {
    "csv": acled_csv.read,
    "jsonl": jsonl.read,
    "geojson": geojson.read,
    "parquet": parquet.read,
}


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        known = ", ".join(FORMATS)
        raise UsageError("--format", f"unknown export format {fmt!r}; use one of {known}")
    return fmt


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Write event records to a binary stream in `fmt`; returns how many were written."""
    return _WRITERS[_check(fmt)](events, out)


def read_events(source: str | Path | IO[bytes], fmt: str) -> list[dict[str, Any]]:
    """Read back a file written by `write_events` (for round trips and re-imports)."""
    reader = _READERS[_check(fmt)]
    if isinstance(source, (str, Path)):
        with Path(source).open("rb") as handle:
            return reader(handle)
    return reader(source)
