"""Actor roles end to end (issue #4, the actor2 round of draws 2039/2040): the other side named
by the ground it holds, by the same act told in the next sentence, and what is no side."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import SYRIA, one, run

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        (
            "Rebels captured government-held positions near Idlib on Wednesday.",
            "Non-state actor overtakes territory",
            "Opposition Rebels (Syria)",
        ),
        (
            "Syrian rebels launched an offensive on government-held areas near Hama on Wednesday.",
            "Armed clash",
            "Opposition Rebels (Syria)",
        ),
        (
            "Islamic State fighters attacked a village held by the regime near Hama on Wednesday.",
            "Armed clash",
            "Islamic State",
        ),
    ],
)
def test_the_holder_of_the_ground_attacked_or_taken_is_the_other_side(
    nlp, text, sub, actor1
) -> None:  # type: ignore[no-untyped-def]
    event = one(nlp, text, sub)
    assert (event.actor1, event.actor2) == (actor1, SYRIA)


def test_a_strike_on_a_held_town_keeps_actor2_empty(nlp) -> None:  # type: ignore[no-untyped-def]
    # remote violence on a held place names no target (the codebook's empty actor2)
    event = one(
        nlp, "Russian jets bombed a rebel-held town near Idlib on Wednesday.", "Air/drone strike"
    )
    assert event.actor2 is None


def test_civilians_hit_by_the_same_act_in_the_next_sentence_are_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Regime airstrikes hit Douma on Wednesday. "
        "The airstrikes also left dozens of people injured including women and children."
    )
    assert one(nlp, text, "Air/drone strike").actor2 == "Civilians (Syria)"


def test_civilians_who_only_heard_the_act_are_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Regime airstrikes hit Douma on Wednesday. "
        "The airstrikes could be heard by residents of Damascus."
    )
    assert one(nlp, text, "Air/drone strike").actor2 is None


def test_the_syrian_opposition_coalition_is_no_side(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "15 medics killed in Russian airstrikes on a hospital in Aleppo on Wednesday, "
        "Syrian Coalition describes the attack as a war crime."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor2 != "International Coalition"
    assert strike.actor1 == "Military Forces of Russia (2000-)"


def test_a_fight_takes_its_opponent_from_the_sentences_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nusra Front fighters drove US-backed rebels out of a military base west of Aleppo on "
        "Tuesday. At least 29 rebels were killed. Fierce fighting had broken out for the base on "
        'Monday night. "Nusra Front captured the base" said the head of the monitor on Wednesday.'
    )
    taken = one(nlp, text, "Non-state actor overtakes territory")
    assert (taken.actor1, taken.actor2) == ("Al Nusra Front", "Opposition Rebels (Syria)")


def test_no_opponent_is_taken_from_before_another_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Islamic State fighters blew themselves up at an army base in Hama on Tuesday. "
        "In Damascus meanwhile the army shelled Douma on Wednesday. "
        "The renewed fighting halted aid deliveries to Douma."
    )
    assert one(nlp, text, "Armed clash").actor2 is None


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish fighters captured a village near Aleppo on Wednesday after weeks of clashes "
        "with Islamic State.",
        "The Syrian Democratic Forces pushed Islamic State back from the hospital and captured "
        "a village near Aleppo on Wednesday.",
        "The Syrian Democratic Forces took full control of a town near Aleppo on Wednesday after "
        "Islamic State fighters retreated.",
    ],
)
def test_the_side_fought_pushed_back_or_retreating_loses_the_ground(nlp, text) -> None:  # type: ignore[no-untyped-def]
    taken = one(nlp, text, "Non-state actor overtakes territory")
    assert taken.actor2 == "Islamic State"
    assert taken.assoc_actor_1 != "Islamic State"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Syrian warplanes bombarded Aleppo on Wednesday, targeting positions held by Kurdish "
            "forces, a monitor said.",
            "YPG: People's Protection Units",
        ),
        (
            "Russian jets struck Islamic State-held positions near Aleppo on Wednesday.",
            "Islamic State",
        ),
    ],
)
def test_a_strike_on_a_held_military_site_hits_its_holder(nlp, text, target) -> None:  # type: ignore[no-untyped-def]
    assert one(nlp, text, "Air/drone strike").actor2 == target


def test_a_headline_group_whose_commander_was_killed_is_the_side_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, "Al-Nusra Front Commander Killed in Idlib on Wednesday.")
    assert events
    assert events[0].actor1 != "Al Nusra Front"
    assert events[0].actor2 == "Al Nusra Front"
