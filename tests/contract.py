"""Field-by-field checks of records against ../shared/CONTRACT.md, shared by the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT, disorder_type

DOCUMENT_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "url": (str, type(None)),
    "title": (str, type(None)),
    "published": (str, type(None)),
    "section": (str, type(None)),
    "outlet": (str, type(None)),
    "language": (str,),
    "text": (str,),
    "errors": (list,),
}

EVENT_FIELDS: dict[str, tuple[type, ...]] = {
    "event_id": (str,),
    "event_date": (str,),
    "time_precision": (int,),
    "disorder_type": (str,),
    "event_type": (str,),
    "sub_event_type": (str,),
    "actor1": (str,),
    "assoc_actor_1": (str, type(None)),
    "inter1": (int,),
    "actor2": (str, type(None)),
    "assoc_actor_2": (str, type(None)),
    "inter2": (int, type(None)),
    "interaction": (int,),
    "civilian_targeting": (str, type(None)),
    "country": (str,),
    "iso": (int,),
    "admin1": (str, type(None)),
    "admin2": (str, type(None)),
    "admin3": (str, type(None)),
    "location": (str,),
    "latitude": (float,),
    "longitude": (float,),
    "geo_precision": (int,),
    "source": (str,),
    "notes": (str,),
    "fatalities": (int,),
    "fatalities_low": (int,),
    "fatalities_high": (int, type(None)),
    "civilian_fatalities": (int, type(None)),
    "confidence": (float, int),
    "evidence": (list,),
}

PLACE_FIELDS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "start": (int,),
    "end": (int,),
    "latitude": (float,),
    "longitude": (float,),
    "geonameid": (int, type(None)),
    "feature_code": (str,),
    "country": (str,),
    "admin1": (str, type(None)),
    "admin2": (str, type(None)),
}


def _check_fields(record: dict[str, Any], spec: dict[str, tuple[type, ...]], what: str) -> None:
    for name, kinds in spec.items():
        assert name in record, f"{what}: missing field {name!r}"
        value = record[name]
        assert isinstance(value, kinds) and not isinstance(value, bool), (
            f"{what}.{name}: {value!r} is not {kinds}"
        )


def check_event(event: dict[str, Any], text: str) -> None:
    """Raise AssertionError where an event record breaks the contract."""
    _check_fields(event, EVENT_FIELDS, "event")
    dt.date.fromisoformat(event["event_date"])
    assert event["time_precision"] in (1, 2, 3)
    assert event["geo_precision"] in (1, 2, 3)
    assert event["event_type"] in EVENT_TYPES
    assert SUB_EVENT_TO_EVENT[event["sub_event_type"]] == event["event_type"]
    assert event["disorder_type"] == disorder_type(event["sub_event_type"])
    assert 0 <= event["inter1"] <= 8
    assert event["inter2"] is None or 0 <= event["inter2"] <= 8
    assert -90 <= event["latitude"] <= 90 and -180 <= event["longitude"] <= 180
    assert (event["latitude"], event["longitude"]) != (0.0, 0.0), "Null Island is not a place"
    low, best, high = event["fatalities_low"], event["fatalities"], event["fatalities_high"]
    assert 0 <= low <= best and (high is None or best <= high)
    assert 0.0 <= event["confidence"] <= 1.0
    assert event["source"] and event["notes"]
    for span in event["evidence"]:
        assert set(span) >= {"field", "start", "end", "text"}
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"], span


def check_document(record: dict[str, Any], *, events: bool, places: bool) -> None:
    """Raise AssertionError where a document record breaks the contract."""
    _check_fields(record, DOCUMENT_FIELDS, "document")
    if record["published"] is not None:
        dt.date.fromisoformat(record["published"])
    if events:
        assert isinstance(record.get("events"), list)
        for event in record["events"]:
            check_event(event, record["text"])
    else:
        assert "events" not in record
    if places:
        assert isinstance(record.get("places"), list)
        for place in record["places"]:
            _check_fields(place, PLACE_FIELDS, "place")
            assert record["text"][place["start"] : place["end"]], place
