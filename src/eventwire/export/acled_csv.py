"""Events as CSV with ACLED's column names in ACLED's order, then eventwire's extras."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

import orjson

from eventwire.export.fields import ACLED_COLUMNS, ACLED_ONLY, EXTRA_COLUMNS, coerce
from eventwire.export.regions import region_for

COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS


def row(event: dict[str, Any]) -> list[Any]:
    """One CSV row; lists join with "; ", evidence is a JSON array, region from the country."""
    date = str(event.get("event_date") or "")
    values: dict[str, Any] = {**event, "event_id_cnty": event.get("event_id"), "year": date[:4]}
    if not values.get("region"):
        values["region"] = region_for(event.get("iso"), event.get("country"))
    values["document_ids"] = "; ".join(event.get("document_ids") or ())
    evidence = event.get("evidence")
    values["evidence"] = orjson.dumps(evidence).decode() if evidence else ""
    return ["" if values.get(c) is None else values[c] for c in COLUMNS]


def write(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        count = 0
        for event in events:
            writer.writerow(row(event))
            count += 1
        text.flush()
    finally:
        text.detach()  # leave `out` open for the caller
    return count


def parse_row(raw: dict[str, str]) -> dict[str, Any]:
    """An event record from a CSV row written by `write` (or an ACLED export)."""
    event: dict[str, Any] = {"event_id": raw.get("event_id_cnty") or raw.get("event_id")}
    for name, value in raw.items():
        if name in ("event_id_cnty", "event_id", "year") or name is None:
            continue
        if name in ACLED_ONLY:
            if value:
                event[name] = value
        elif name == "document_ids":
            event[name] = [p.strip() for p in value.split(";") if p.strip()]
        elif name == "evidence":
            event[name] = orjson.loads(value) if value else []
        else:
            event[name] = coerce(name, value)
    if event.get("region") == region_for(event.get("iso"), event.get("country")):
        del event["region"]  # derived on writing; kept only where a file says otherwise
    return event


def read(handle: IO[bytes]) -> list[dict[str, Any]]:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    try:
        return [parse_row(raw) for raw in csv.DictReader(text)]
    finally:
        text.detach()
