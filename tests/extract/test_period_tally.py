"""A toll opened by "meanwhile", "also", "in the same period", with no day of its own, right
after a running total, tallies the same period: no event's toll."""

from __future__ import annotations

import pytest

from eventwire.extract.casualties import find_deaths
from eventwire.extract.cumulative import is_running_total

LEAD = "Air strikes killed 12 people in Idlib on Saturday, a monitor said. "
TOTAL = (
    'The Observatory "has documented the killing of 5812 civilians in barrel bombings and '
    '(other) air raids" over the past year. '
)
PLAIN = "Rescue workers searched the rubble of the market for survivors. "


def tallied(text: str, sentence: str) -> bool:
    start = text.index(sentence)
    return is_running_total(text, start, start + len(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Meanwhile rebel fire on regime-held areas killed 1102 people, the Observatory said.",
        "In the same period, rebel shelling of regime-held areas killed 1102 people.",
        "Also, jihadist car bombs killed 400 people.",
    ],
)
def test_a_toll_that_carries_on_a_running_total_tallies_it(sentence: str) -> None:
    text = LEAD + TOTAL + sentence
    assert tallied(text, sentence)
    start = text.index(sentence)
    deaths = find_deaths(text, start, len(text))
    assert deaths and all(d.cumulative for d in deaths)


def test_the_tally_carries_on_over_the_next_connective() -> None:
    first = "Meanwhile rebel fire on regime-held areas killed 1102 people. "
    second = "Also, jihadist car bombs killed 400 people."
    assert tallied(LEAD + TOTAL + first + second, second)


@pytest.mark.parametrize(
    "sentence",
    [
        # a day or week of its own: an incident
        "Meanwhile, air strikes killed 10 people on Saturday.",
        "Meanwhile, rebels killed 13 soldiers in Idlib earlier this week.",
        # no connective
        "Rebel fire on regime-held areas killed 1102 people, the Observatory said.",
    ],
)
def test_a_toll_of_its_own_after_a_running_total_is_none(sentence: str) -> None:
    assert not tallied(LEAD + TOTAL + sentence, sentence)


def test_meanwhile_after_no_running_total_is_news() -> None:
    sentence = "Meanwhile, rebel shelling killed 11 people in Aleppo."
    assert not tallied(LEAD + PLAIN + sentence, sentence)
