"""A small toll told again in a sentence that names a place in another region is another
incident, not the same one retold."""

from __future__ import annotations

import datetime as dt

from tests.extract.towns import extract

PUBLISHED = dt.date(2016, 8, 25)  # a Thursday
TOWNS = {"Aleppo": (36.20124, 37.16117), "Homs": (34.72682, 36.72339)}


def test_the_same_small_toll_in_another_region_is_another_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rocket shells fired by terrorists on a neighborhood of Aleppo killed two people on "
        "Thursday, a police source said. Meanwhile two civilians were killed as terrorists "
        "fired rocket shells on a village in the countryside of Homs province."
    )
    tolls = {e.location: e.fatalities for e in extract(nlp, text, TOWNS, PUBLISHED)}
    assert tolls == {"Aleppo": 2, "Homs": 2}


def test_the_same_small_toll_at_an_unnamed_place_is_the_event_retold(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rocket shells fired by terrorists on a neighborhood of Aleppo killed two people on "
        "Thursday, a police source said. The two victims were killed when the shells hit "
        "their home, the source added."
    )
    events = extract(nlp, text, TOWNS, PUBLISHED)
    assert [(e.location, e.fatalities) for e in events] == [("Aleppo", 2)]
