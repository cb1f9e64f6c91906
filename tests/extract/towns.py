"""Test helper: extraction over invented text whose towns are given by hand (no geoparser), as
the extract tests build their inputs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from eventwire.extract import EventExtractor
from eventwire.models import Document, Event, Place
from eventwire.resolve.dates import DateMention, find_dates
from eventwire.settings import Settings

# name -> (latitude, longitude) or (latitude, longitude, admin1); admin1 is the name otherwise
Towns = Mapping[str, tuple[float, float] | tuple[float, float, str]]


def syrian_places(text: str, towns: Towns) -> list[Place]:
    """Every mention of the towns in `text` as a Syrian place, in text order."""
    places = [
        Place(name, m.start(), m.end(), town[0], town[1], None, "PPL", "Syria",
              town[2] if len(town) > 2 else name, None, "SY", 760)  # type: ignore[misc]
        for name, town in towns.items()
        for m in re.finditer(rf"\b{name}\b", text)
    ]  # fmt: skip
    return sorted(places, key=lambda p: p.start)


def extract(  # type: ignore[no-untyped-def]
    nlp,
    text: str,
    towns: Towns,
    published: dt.date,
    dates: Sequence[DateMention] | None = None,
    outlet: str | None = "Example News",
) -> list[Event]:
    """The events of `text` (its dates found by the resolver unless given)."""
    document = Document(id="doc-1", text=text, published=published, outlet=outlet)
    found = list(dates) if dates is not None else find_dates(text, published)
    return EventExtractor(Settings()).extract(
        document, nlp(text), syrian_places(text, towns), found
    )
