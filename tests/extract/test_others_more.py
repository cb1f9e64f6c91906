"""'N others' with a death word of its own after a toll of the same sentence: more deaths."""

from __future__ import annotations

from eventwire.extract.casualties import combine, find_deaths


def _toll(text: str) -> int:
    found = combine(find_deaths(text, 0, len(text)))
    assert found is not None, text
    return found.best


def test_others_after_a_toll_of_the_same_sentence_add() -> None:
    text = (
        "The militants crucified two men in the city of Mayadin and two others were beheaded "
        "for blasphemy in the nearby town of al-Bulel the Observatory said."
    )
    assert _toll(text) == 4


def test_others_in_a_later_sentence_are_no_more_deaths() -> None:
    # "six others" opening its own sentence as often continues a count told in another event
    first = "Two people were killed in the shelling of the town on Monday."
    second = " Two others were killed when the building collapsed the monitor said."
    text = first + second
    cut = len(first)
    found = combine(find_deaths(text, 0, cut) + find_deaths(text, cut, len(text)))
    assert found is not None and found.best == 2


def test_others_chained_to_one_verb_are_one_group() -> None:
    assert _toll("The strike killed nine children and 14 others local activists said.") == 23
