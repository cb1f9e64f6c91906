"""A sentence that opens another incident ("In other parts of the province ...", "Elsewhere
...") at a place of its own tells a small toll of its own, not the same toll again. Examples
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.extract.towns import extract

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2014, 8, 11)  # a Monday
# (a first line that reports no event: the text's first line is read as its headline)
LEAD = "Islamic State tightened its grip on the east of the country. "
TOWNS = {
    "Mayadin": (35.01982, 40.45154, "Deir ez-Zor"),
    "Bulel": (35.0, 40.4, "Deir ez-Zor"),
}


def test_another_part_of_the_province_is_another_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = LEAD + (
        "Islamic State beheaded two soldiers in Mayadin on Sunday, the Observatory said. In "
        "other parts of the province, the militants crucified two civilians in the town of "
        "Bulel, the Observatory said."
    )
    events = extract(nlp, text, TOWNS, PUBLISHED)
    assert sorted((e.location, e.fatalities) for e in events) == [("Bulel", 2), ("Mayadin", 2)]


def test_the_same_place_told_again_is_the_same_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = LEAD + (
        "Islamic State beheaded two men in Mayadin on Sunday, the Observatory said. The two "
        "men were beheaded in the main square of Mayadin, the Observatory said."
    )
    events = extract(nlp, text, TOWNS, PUBLISHED)
    assert [(e.location, e.fatalities) for e in events] == [("Mayadin", 2)]
