"""An aircraft shot down with people killed is fire on the aircraft's side, an incident of its
own (the codebook gives a disrupted weapon use no fatalities), and "killing all five people on
board" counts five. Examples written for this test."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import run

from eventwire.extract.casualties import combine, find_deaths

pytestmark = pytest.mark.slow

RUSSIA = "Military Forces of Russia (2000-)"


def test_all_of_a_count_is_the_count() -> None:
    text = "The helicopter was shot down on Monday, killing all five people on board."
    found = combine(find_deaths(text, 0, len(text)))
    assert found is not None and found.best == 5


def test_a_downed_aircraft_with_its_dead_is_its_own_clash(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aid workers reported hunger across the north. Barrel bombs fell on Idlib on "
        "Wednesday, wounding a large number of residents. A Russian helicopter was shot down "
        "near Idlib on Wednesday, killing all five people on board, the defence ministry said."
    )
    downed = [e for e in run(nlp, text) if e.fatalities]
    assert [(e.sub_event_type, e.fatalities, e.actor2) for e in downed] == [
        ("Armed clash", 5, RUSSIA)
    ]
