"""A strike on ground the country's rebels hold, no attacker nor air force named, is the state's:
rebels fly no aircraft and hold their ground against it."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import SYRIA, one, run

pytestmark = pytest.mark.slow


def test_an_air_strike_on_rebel_held_ground_is_the_states(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Air strikes on a rebel-held town in Idlib killed 12 civilians on Wednesday."
    strike = one(nlp, text, "Air/drone strike")
    assert (strike.actor1, strike.inter1) == (SYRIA, 1)


def test_a_missile_on_rebel_held_ground_is_the_states(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 18 civilians were killed on Wednesday when a ground-to-ground missile struck "
        "a rebel-held neighbourhood of Aleppo."
    )
    strike = one(nlp, text, "Shelling/artillery/missile attack")
    assert strike.actor1 == SYRIA


def test_ground_a_strike_came_from_or_a_named_air_force_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rockets fired from rebel-held Douma killed 5 people in Aleppo on Wednesday."
    found = [e for e in run(nlp, text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert found and all(e.actor1 != SYRIA for e in found)
    text = (
        "Strikes by Russian or Syrian warplanes have pounded rebel districts for weeks. "
        "Air strikes on a rebel-held town in Idlib killed 12 civilians on Wednesday."
    )
    strikes = [e for e in run(nlp, text) if e.sub_event_type == "Air/drone strike"]
    assert strikes[-1].actor1 == "Unidentified Military Forces"
    text = "Air strikes on a government-held town in Idlib killed 12 civilians on Wednesday."
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor1 == "Unidentified Military Forces"


def test_a_report_that_leaves_the_attacker_open_stays_unidentified(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on a rebel-held town in Idlib killed 12 civilians on Wednesday. "
        "It was not immediately clear who carried out the raids."
    )
    strike = run(nlp, text)[0]
    assert strike.actor1 == "Unidentified Military Forces"
