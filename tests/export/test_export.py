"""Exports: ACLED column order, and a lossless round trip through every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import UsageError
from eventwire.export import FORMATS, read_events, write_events
from eventwire.export.fields import ACLED_COLUMNS
from eventwire.export.regions import region_for

CLUSTERED: dict[str, Any] = {
    "event_id": "ew-1f3a",
    "event_date": "2016-07-05",
    "time_precision": 1,
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Suicide bomb",
    "actor1": "Islamic State (Syria)",
    "assoc_actor_1": None,
    "inter1": 2,
    "actor2": "Civilians (Syria)",
    "assoc_actor_2": None,
    "inter2": 7,
    "interaction": 27,
    "civilian_targeting": "Civilian targeting",
    "country": "Syria",
    "iso": 760,
    "admin1": "Al Hasakah",
    "admin2": None,
    "admin3": None,
    "location": "Al Hasakah",
    "latitude": 36.5024,
    "longitude": 40.7477,
    "geo_precision": 1,
    "source": "Syrian Observatory for Human Rights; AFP",
    "notes": 'A motorcycle bomber killed 16 outside a bakery, "on the eve of Eid".\nSecond line.',
    "fatalities": 16,
    "fatalities_low": 16,
    "fatalities_high": 22,
    "civilian_fatalities": 16,
    "confidence": 0.875,
    "evidence": [
        {"field": "location", "start": 40, "end": 50, "text": "Al Hasakah", "document_id": "d1"},
        {"field": "fatalities", "start": 12, "end": 14, "text": "16", "document_id": "d2"},
    ],
    "reports": 3,
    "document_ids": ["d1", "d2", "d3"],
}
# An event straight from `extract`: no clustering extras, evidence without document ids.
EXTRACTED = {
    k: v for k, v in CLUSTERED.items() if k not in ("reports", "document_ids", "evidence")
} | {"event_id": "ew-2", "evidence": [{"field": "notes", "start": 0, "end": 3, "text": "Ünï"}]}


def roundtrip(events: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    buffer = io.BytesIO()
    assert write_events(iter(events), fmt, buffer) == len(events)
    buffer.seek(0)
    return read_events(buffer, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_lossless(fmt: str) -> None:
    back = roundtrip([CLUSTERED, EXTRACTED], fmt)
    assert back[0] == CLUSTERED
    expected = dict(EXTRACTED)
    if fmt in ("csv", "parquet"):  # fixed columns: the extras come back empty
        expected |= {"reports": None, "document_ids": []}
    assert back[1] == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_events_is_a_valid_empty_file(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty.{fmt}"
    with path.open("wb") as handle:
        assert write_events([], fmt, handle) == 0
    assert read_events(path, fmt) == []


def test_csv_has_acled_columns_in_acled_order_then_extras() -> None:
    buffer = io.BytesIO()
    write_events([CLUSTERED], "csv", buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue().decode("utf-8"))))
    header = rows[0]
    assert header[:31] == list(ACLED_COLUMNS)
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    # Written out, not EXTRA_COLUMNS: readers of the file rely on this order, so the test
    # states it independently of export.fields (importing it could not catch a reordering).
    assert header[31:] == [
        "fatalities_low",
        "fatalities_high",
        "civilian_fatalities",
        "confidence",
        "reports",
        "document_ids",
        "evidence",
    ]
    row = dict(zip(header, rows[1], strict=True))
    assert row["event_id_cnty"] == "ew-1f3a" and row["year"] == "2016"
    assert row["assoc_actor_1"] == "" and row["document_ids"] == "d1; d2; d3"


def test_geojson_is_points_with_properties() -> None:
    buffer = io.BytesIO()
    write_events([CLUSTERED], "geojson", buffer)
    collection = json.loads(buffer.getvalue())
    feature = collection["features"][0]
    assert collection["type"] == "FeatureCollection"
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.7477, 36.5024]}
    assert feature["properties"]["event_id"] == "ew-1f3a"


def test_parquet_columns_are_typed() -> None:
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    write_events([CLUSTERED], "parquet", buffer)
    buffer.seek(0)
    schema = pq.read_schema(buffer)
    assert str(schema.field("fatalities").type) == "int64"
    assert str(schema.field("latitude").type) == "double"
    assert str(schema.field("evidence").type).startswith("list<")


def test_parquet_streams_to_a_pipe() -> None:
    """stdout is not seekable; the writer must not need to seek."""

    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def write(self, b: Any) -> int:
            self.data += bytes(b)
            return len(b)

    pipe = Pipe()
    write_events([CLUSTERED] * 3, "parquet", pipe)  # type: ignore[arg-type]
    assert len(read_events(io.BytesIO(bytes(pipe.data)), "parquet")) == 3


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown export format 'xlsx'"):
        write_events([], "xlsx", io.BytesIO())


def test_csv_region_comes_from_the_country() -> None:
    out = io.BytesIO()
    write_events([{**EXTRACTED, "iso": 760, "country": "Syria"}], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert rows[0]["region"] == "Middle East"
    assert region_for(566) == "Western Africa"
    assert region_for(None, "Mexico") == "Central America"
    assert region_for(None, "Atlantis") is None


def test_csv_region_that_differs_from_the_table_is_kept() -> None:
    out = io.BytesIO()
    write_events([{**EXTRACTED, "iso": 760, "region": "Elsewhere"}], "csv", out)
    back = read_events(io.BytesIO(out.getvalue()), "csv")
    assert back[0]["region"] == "Elsewhere"
