"""A count of families, villages or units counts groups, not the people killed in them."""

from __future__ import annotations

from eventwire.extract.casualties import combine, find_deaths


def _toll(text: str) -> int:
    found = combine(find_deaths(text, 0, len(text)))
    return found.best if found is not None else 0


def test_executed_families_add_nothing_to_the_people_killed() -> None:
    text = "Regime forces executed six families of rebel fighters in the village, the monitor said."
    assert _toll(text) == 0


def test_families_among_the_dead_are_no_count_of_the_dead() -> None:
    assert _toll("Five women and 13 rebels from the six families were among the dead.") == 0


def test_members_of_families_are_still_counted() -> None:
    assert _toll("The strike killed nine members of two families in the town.") == 9


def test_a_count_of_units_killed_is_no_toll() -> None:
    assert _toll("The army said its jets had killed three units of the militia near the town.") == 0
