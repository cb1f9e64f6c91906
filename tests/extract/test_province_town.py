"""A town that bears its province's name, told first ("Nusra leader in Homs killed"), yields to
a town of that province the same event names after it (ACLED codes the most specific place);
and a headline's "8 More Killed" is the added part of "a commander ... and eight more
militants", the same deaths. Examples written for this test."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.extract.towns import extract

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2016, 7, 27)  # a Wednesday
TOWNS = {
    "Homs": (34.72682, 36.72339, "Homs"),
    "Rastan": (34.92667, 36.73241, "Homs"),
    "Idlib": (35.93062, 36.63393, "Idlib"),
    "Sarmin": (35.9031, 36.7251, "Idlib"),
}


def test_a_town_of_the_province_named_after_is_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aid agencies warned of hunger in the north. Air strikes hit Idlib on Wednesday, "
        "killing 12 civilians, activists said. The strikes on the town of Sarmin killed 12 "
        "civilians, a doctor said."
    )
    events = extract(nlp, text, TOWNS, PUBLISHED)
    assert [(e.location, e.fatalities) for e in events] == [("Sarmin", 12)]


def test_more_killed_in_a_headline_is_the_added_part(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Wed Jul 27 2016 Nusra Front Commander in Homs 8 More Killed in Army Offensive. "Army '
        "troops stormed Nusra Front positions in Rastan in northern Homs killing a field "
        'commander of the group and eight more militants" the sources said. A senior '
        "commander of the group was killed in clashes with the army in northern Homs, the "
        "agency reported."
    )
    events = extract(nlp, text, TOWNS, PUBLISHED)
    assert [(e.location, e.fatalities) for e in events] == [("Rastan", 9)]
