"""A coordinated count after a part ("including nine children") adds to the whole when its
group cannot be in the whole's: "23 civilians including nine children and 16 fighters"."""

from __future__ import annotations

from eventwire.extract.casualties import combine, find_deaths


def _toll(text: str) -> tuple[int, int | None]:
    found = combine(find_deaths(text, 0, len(text)))
    assert found is not None, text
    return found.best, found.civilians


def test_fighters_after_a_part_of_the_civilians_add_to_the_civilians() -> None:
    text = "Shelling killed 23 civilians including nine children and 16 fighters on Friday."
    assert _toll(text) == (39, 23)


def test_the_part_set_off_by_dashes_reads_the_same() -> None:
    text = "Shelling killed 23 civilians - including nine children - and 16 fighters on Friday."
    assert _toll(text) == (39, 23)


def test_more_civilians_after_a_part_of_the_civilians_stay_in_the_part() -> None:
    # (six women can be among the 23 civilians: the whole stands)
    text = "Shelling killed 23 civilians including nine children and six women on Friday."
    assert _toll(text)[0] == 23


def test_a_whole_and_its_part_before_a_later_death_word() -> None:
    text = (
        "Clashes have rocked the city leaving 23 civilians - including nine children - "
        "and 16 combatants dead, the Observatory said."
    )
    assert _toll(text) == (39, 23)
    commas = "Clashes left 23 civilians, including nine children, and 16 fighters dead."
    assert _toll(commas) == (39, 23)


def test_more_of_the_part_before_a_later_death_word_stay_in_the_part() -> None:
    text = "At least 36 civilians including 11 children and five women were killed in raids."
    assert _toll(text) == (36, 36)
