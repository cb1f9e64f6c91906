"""Civilian nouns in a toll come from the actor lexicon's civilians rows (generic.csv) too."""

from __future__ import annotations

from pathlib import Path

from eventwire.extract.casualties import combine, find_deaths
from eventwire.extract.victim_kind import civilian_pattern


def civilians(text: str) -> int | None:
    found = combine(find_deaths(text, 0, len(text)))
    return None if found is None else found.civilians


def test_the_actor_lexicons_civilians_are_civilians_in_a_toll() -> None:
    # generic.csv's rows, not words of casualties' own
    assert civilians("The bombing killed 12 mourners at the funeral.") == 12
    assert civilians("The blast killed 4 passers-by and wounded 20.") == 4
    assert civilians("The shell killed 7 schoolchildren.") == 7


def test_a_row_added_to_generic_csv_is_read(tmp_path: Path) -> None:
    generic = tmp_path / "generic.csv"
    generic.write_text("# a comment\nphrase,role\nwedding guests,civilians\ntroops,military\n")
    pattern = civilian_pattern(generic)
    assert pattern.search("27 wedding-guests")  # hyphens and spaces alike
    assert pattern.search("three relatives")  # the victims-only words stay
    assert not pattern.search("20 troops")


def test_a_whole_before_among_them_keeps_its_own_noun() -> None:
    # "among them" opens the part: the whole's noun ends before it
    text = "Russian air strikes killed 34 civilians among them 15 children in a village."
    assert civilians(text) == 34
