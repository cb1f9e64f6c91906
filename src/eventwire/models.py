"""Frozen records that cross stage boundaries: Document, Event, Place, Actor, Evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """The span of a document's clean text that a field of an event was drawn from."""

    field: str
    start: int
    end: int
    text: str

    def to_record(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym found in a text and resolved to a gazetteer entry."""

    name: str  # the gazetteer's name for the place (not necessarily the surface form)
    start: int
    end: int
    latitude: float
    longitude: float
    geonameid: int | None
    feature_code: str  # GeoNames feature code: PPLA, PPL, ADM1, PCLI, AIRP, ...
    country: str  # country name, as ACLED writes it
    admin1: str | None
    admin2: str | None
    country_code: str = ""  # ISO 3166-1 alpha-2
    iso: int | None = None  # ISO 3166-1 numeric (ACLED's `iso`)
    population: int = 0
    score: float = 1.0  # resolver confidence, 0..1

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geonameid": self.geonameid,
            "feature_code": self.feature_code,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor with its ACLED inter code and the mention it came from."""

    name: str  # normalised name, e.g. "Military Forces of Syria (2000-)"
    inter: int  # ACLED inter code 1..8
    start: int = -1  # mention span in the clean text, -1 when inferred
    end: int = -1
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event in ACLED's public schema, plus confidence and evidence."""

    event_id: str
    event_date: dt.date
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int
    interaction: int
    country: str
    iso: int
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    source: str
    notes: str
    fatalities: int
    fatalities_low: int
    confidence: float
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    civilian_targeting: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    fatalities_high: int | None = None
    civilian_fatalities: int | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "event_date":
                value = value.isoformat()
            elif f.name == "evidence":
                value = [e.to_record() for e in value]
            out[f.name] = value
        return out

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in record.items() if k in names}
        kwargs["event_date"] = dt.date.fromisoformat(str(record["event_date"]))
        kwargs["evidence"] = tuple(Evidence(**e) for e in record.get("evidence") or ())
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Document:
    """One article: clean body text with its metadata; all offsets point into `text`."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    section: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str = "en"
    errors: tuple[str, ...] = ()
    origin: str = ""  # where it was read from: "path", "path:line", "-", used in error lines
    duplicate_of: str | None = None  # id of the document this one is a near-copy of
    events: tuple[Event, ...] = field(default=())
    places: tuple[Place, ...] = field(default=())

    def to_record(self, *, events: bool = True, places: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "section": self.section,
            "outlet": self.outlet,
            "language": self.language,
            "text": self.text,
        }
        if self.author:
            out["author"] = self.author
        if self.duplicate_of:
            out["duplicate_of"] = self.duplicate_of
        if events:
            out["events"] = [e.to_record() for e in self.events]
        if places:
            out["places"] = [p.to_record() for p in self.places]
        out["errors"] = list(self.errors)
        return out


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input document before cleaning: what a reader found, not yet trusted."""

    origin: str  # "path", "path:line", "-" or "url"; used in error lines
    kind: str  # "html" or "text"
    content: str | bytes
    id: str | None = None  # caller-supplied id (jsonl), kept as is
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    captured: dt.date | None = None  # WARC capture date, a fallback for `published`
    outlet: str | None = None  # publisher, when the input names it (jsonl `outlet`)
