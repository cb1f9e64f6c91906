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


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        (
            # a headline run into the first sentence: the group does the act later on
            "Two persons injured in terrorist rocket attack in Hama Two persons were injured on "
            "Wednesday as the ISIS terrorist organization targeted with rocket shells the town "
            "of Hama.",
            "Shelling/artillery/missile attack",
            "Islamic State",
        ),
        (
            "A woman was injured in a terrorist attack on Idlib as terrorist groups from Jaish "
            "al-Fatah attacked the besieged town on Wednesday.",
            "Attack",
            "Jaish al-Fatah",
        ),
    ],
)
def test_the_side_that_does_the_act_later_in_the_sentence_is_its_actor(
    nlp, text, sub, actor1
) -> None:  # type: ignore[no-untyped-def]
    event = one(nlp, text, sub)
    assert (event.actor1, event.actor2) == (actor1, "Civilians (Syria)")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "At least 20 people were killed on Wednesday in a barrel bomb attack carried out by "
            "Syrian regime troops in Aleppo.",
            "Air/drone strike",
        ),
        (
            "Seven people were killed and 72 others were injured on Wednesday due to terrorist "
            "rocket attacks on the neighborhoods of Aleppo.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_people_counted_as_killed_by_remote_violence_are_civilians(nlp, text, sub) -> None:  # type: ignore[no-untyped-def]
    assert one(nlp, text, sub).actor2 == "Civilians (Syria)"


def test_an_armed_side_hit_stays_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # people who fled are not counted as hurt, and the rebels are named as hit
    text = "Regime jets bombed rebel positions near Hama on Wednesday, where people fled."
    assert one(nlp, text, "Air/drone strike").actor2 == "Opposition Rebels (Syria)"


def test_the_other_side_of_the_fight_is_no_co_winner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 40 insurgents were killed as the YPG advanced near Aleppo on Wednesday. "
        "The YPG seized control of Ain Daqneh town on Wednesday."
    )
    taken = one(nlp, text, "Non-state actor overtakes territory")
    assert (taken.actor1, taken.assoc_actor_1, taken.actor2) == (
        "YPG: People's Protection Units",
        None,
        "Opposition Rebels (Syria)",
    )


def test_two_sides_named_as_the_subject_fight_each_other_whatever_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The reporter added that army units and terrorist groups engaged in heavy clashes near "
        "Hama on Wednesday when terrorists tried to advance toward the safety areas."
    )
    clash = one(nlp, text, "Armed clash")
    assert (clash.actor1, clash.assoc_actor_1, clash.actor2) == (
        SYRIA,
        None,
        "Unidentified Armed Group (Syria)",
    )


def test_a_side_including_the_winner_is_no_foe(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Insurgents including the al Qaeda-linked Nusra Front captured government-held "
        "positions near Idlib on Wednesday."
    )
    taken = one(nlp, text, "Non-state actor overtakes territory")
    assert (taken.actor1, taken.actor2) == ("Al Nusra Front", SYRIA)
