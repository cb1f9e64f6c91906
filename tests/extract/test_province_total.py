"""A toll told of a province sums incidents of that province only, and a toll told of a town
incidents of that town only: the same day's toll in another region, or in another town, is
another incident, not one of its parts. Examples written for this test."""

from __future__ import annotations

import pytest
from tests.extract.test_extractor import PUBLISHED, dates_in

from eventwire.extract import EventExtractor
from eventwire.models import Document, Event
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


def _run(nlp, geoparser, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    document = Document(id="doc-1", text=text, published=PUBLISHED, outlet="Example News")
    places = geoparser.find_places(text)
    return EventExtractor(Settings()).extract(document, nlp(text), places, dates_in(text))


def test_a_province_toll_keeps_the_deaths_of_another_region(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aid agencies warned of hunger in the besieged suburbs of the capital. Warplanes "
        "bombed the town of Douma on Saturday, killing at least 19 civilians, a witness said. "
        "In the east of Syria, Russian air strikes on Saturday killed 34 civilians in a "
        "village of Deir ez-Zor province, an activist group said."
    )
    tolls = {e.admin1: e.fatalities for e in _run(nlp, geoparser, text)}
    assert tolls.get("Deir ez-Zor") == 34


def test_a_province_toll_still_sums_its_own_towns(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes killed 13 civilians across Idlib province on Saturday, a monitor said. "
        "Strikes on Saraqib killed nine of them and strikes on Ariha killed four."
    )
    events = _run(nlp, geoparser, text)
    assert sum(e.fatalities for e in events) == 13


def test_a_towns_toll_is_no_total_of_another_towns(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aid agencies warned of hunger in the besieged suburbs. Air strikes on the town of "
        "Douma killed 12 civilians on Saturday, the monitor said. Air strikes on the town of "
        "Harasta killed seven civilians on Saturday."
    )
    tolls = {e.location: e.fatalities for e in _run(nlp, geoparser, text)}
    assert tolls == {"Duma": 12, "Harasta": 7}
