"""Singular and faction forms of the generic rebel nouns ("insurgent positions", "an opposition
group fighter", "opposition factions") name the country's rebels."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow

REBELS = "Opposition Rebels (Syria)"


def test_insurgent_positions_are_the_rebels_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian jets pounded insurgent positions near Aleppo on Wednesday."
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor2 == REBELS


def test_an_opposition_group_fighter_is_a_rebel(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Opposition factions clashed with Islamic State fighters near Aleppo on Wednesday."
    clash = one(nlp, text, "Armed clash")
    assert {clash.actor1, clash.actor2} == {REBELS, "Islamic State"}
