"""Actor roles end to end (issue #4, the actor round of draws 2041-2044): who acted where the
parse or a list hides it."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import SYRIA, one, run

pytestmark = pytest.mark.slow

RUSSIA = "Military Forces of Russia (2000-)"


def test_a_side_listed_with_the_attacker_is_its_associate_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 39 people were killed in airstrikes launched by the Syrian regime and "
        "Russian warplanes in Idlib on Wednesday."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert (strike.actor1, strike.assoc_actor_1) == (SYRIA, RUSSIA)
    assert strike.actor2 != RUSSIA


def test_a_demonym_after_a_preposition_names_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    # the article names two air forces, so only the strike's own words say whose it is
    text = (
        "Regime helicopters dropped barrel bombs on Aleppo on Wednesday. "
        "Three civilians were killed in Russian airstrikes on Idlib on Wednesday."
    )
    strikes = [e for e in run(nlp, text) if e.sub_event_type == "Air/drone strike"]
    assert [e.actor1 for e in strikes] == [SYRIA, RUSSIA]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Wednesday the Assad regime fired rockets filled with Sarin gas on Douma "
            "killing at least 100 civilians.",
            "Chemical weapon",
        ),
        (
            "Regime forces also pounded the towns of Douma Hama and Idlib with heavy artillery "
            "causing many civilian casualties on Wednesday.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_the_subject_outside_the_triggers_clause_is_the_actor(nlp, text, sub) -> None:  # type: ignore[no-untyped-def]
    assert one(nlp, text, sub).actor1 == SYRIA
