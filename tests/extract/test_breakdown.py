"""One toll told several ways: a generic count at the event's place and day is another report."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.extract.towns import extract

from eventwire.models import Event
from eventwire.resolve.dates import DateMention

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 11, 30)  # a Saturday
TOWNS = {"Idlib": (35.93062, 36.63393, "Idlib"), "Damascus": (33.5102, 36.29128, "Dimashq")}


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    dates = [
        DateMention(m.start(), m.end(), m.group(), PUBLISHED, None, 1, False)
        for m in re.finditer(r"\bSaturday\b", text)
    ]
    return extract(nlp, text, TOWNS, PUBLISHED, dates, outlet=None)


def test_a_generic_count_at_the_events_place_and_day_is_another_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes hit Idlib on Saturday, killing 12 people, activists said.\n"
        "Elsewhere, rebels shelled Damascus on Saturday, wounding five.\n"
        "In Idlib, 14 people were killed on Saturday, a doctor said.\n"
    )
    events = run(nlp, text)
    idlib = [e for e in events if e.location == "Idlib"]
    # one incident, two sources' counts: the first (and lower) is the toll, not 12 + 2
    assert [(e.sub_event_type, e.fatalities, e.fatalities_high) for e in idlib] == [
        ("Air/drone strike", 12, 14)
    ]


def test_a_generic_count_at_another_place_stays_its_own_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes hit Idlib on Saturday, killing 12 people, activists said.\n"
        "In Damascus, 14 people were killed on Saturday, a doctor said.\n"
    )
    events = run(nlp, text)
    assert sum(e.fatalities for e in events) == 26
