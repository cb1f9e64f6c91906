"""The event fields exports write, their types, and ACLED's CSV column order."""

from __future__ import annotations

from typing import Any

# The contract's Event fields in order, with the type each export writes them as.
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("event_date", "str"),
    ("time_precision", "int"),
    ("disorder_type", "str"),
    ("event_type", "str"),
    ("sub_event_type", "str"),
    ("actor1", "str"),
    ("assoc_actor_1", "str"),
    ("inter1", "int"),
    ("actor2", "str"),
    ("assoc_actor_2", "str"),
    ("inter2", "int"),
    ("interaction", "int"),
    ("civilian_targeting", "str"),
    ("country", "str"),
    ("iso", "int"),
    ("admin1", "str"),
    ("admin2", "str"),
    ("admin3", "str"),
    ("location", "str"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("geo_precision", "int"),
    ("source", "str"),
    ("notes", "str"),
    ("fatalities", "int"),
    ("fatalities_low", "int"),
    ("fatalities_high", "int"),
    ("civilian_fatalities", "int"),
    ("confidence", "float"),
    ("reports", "int"),  # clustered events: how many independent reports
    ("document_ids", "list"),  # clustered events: the documents that reported it
    ("evidence", "evidence"),
)
FIELD_TYPES = dict(EVENT_FIELDS)

# ACLED's export columns, in ACLED's order (public codebook / export tool). Ours map onto
# them; `region`, `source_scale`, `tags` and `timestamp` are written when a record has them.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# Our fields that ACLED's columns do not carry, written after them.
EXTRA_COLUMNS: tuple[str, ...] = (
    "fatalities_low",
    "fatalities_high",
    "civilian_fatalities",
    "confidence",
    "reports",
    "document_ids",
    "evidence",
)
ACLED_ONLY = ("region", "source_scale", "tags", "timestamp")


def coerce(name: str, value: Any) -> Any:
    """A value read back from text, typed as the field is ("" is None)."""
    kind = FIELD_TYPES.get(name, "str")
    if value is None or value == "":
        return [] if kind in ("list", "evidence") else None
    if kind == "int":
        return int(float(value))
    if kind == "float":
        return float(value)
    return value
