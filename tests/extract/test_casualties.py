"""Death counts tied to their phrase: civilians, parts, restatements, cumulative tolls."""

from __future__ import annotations

from eventwire.extract.casualties import combine, find_deaths


def toll(text: str) -> tuple[int, int, int | None, int | None] | None:
    found = combine(find_deaths(text, 0, len(text)))
    return None if found is None else (found.best, found.low, found.high, found.civilians)


def test_part_of_a_toll_does_not_add() -> None:
    assert toll("Warplanes pounded the village, killing 6 civilians, including 2 women.") == (
        6, 6, 6, 6,
    )  # fmt: skip


def test_different_groups_add_up() -> None:
    assert toll("The attack killed 10 soldiers and 5 civilians.") == (15, 15, 15, 5)


def test_qualified_toll_and_civilian_part() -> None:
    text = "The fighting has killed over 300 people, including at least 20 civilians."
    assert toll(text) == (300, 300, None, 20)


def test_wounded_are_not_dead() -> None:
    assert toll("Two people were killed and 10 injured.") == (2, 2, 2, None)
    assert toll("Five people were wounded in the blast.") is None
    assert toll("The strike killed five and wounded 12.") == (5, 5, 5, None)


def test_single_victim_without_a_number() -> None:
    assert toll("A 12-year-old boy was killed in the shelling.") == (1, 1, 1, 1)


def test_cumulative_tolls_are_kept_apart() -> None:
    text = "The war, which erupted in 2011, has left half a million dead."
    deaths = find_deaths(text, 0, len(text))
    assert deaths and all(d.cumulative for d in deaths)
    assert combine(deaths) is None


def test_years_and_ages_are_not_tolls() -> None:
    assert toll("In 2016 government troops recaptured the city.") is None


def test_spans_point_into_the_text() -> None:
    text = "Shelling on Ariha killed three children on Monday."
    [death] = find_deaths(text, 0, len(text))
    assert text[death.start : death.end] == "killed three children"
    assert death.kind == "civilian"
