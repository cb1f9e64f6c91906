"""A count's noun in quotes is read: who the dead were, as the source calls them."""

from __future__ import annotations

from eventwire.extract.casualties import find_deaths


def test_a_quoted_noun_after_a_count_gives_its_kind() -> None:
    text = (
        'Syrian state media claimed that government forces had killed 50 "terrorists" in '
        '"concentrated strikes" in the area.'
    )
    (death,) = find_deaths(text, 0, len(text))
    assert (death.count.best, death.kind) == (50, "combatant")
    assert text[death.start : death.end].endswith('"terrorists"')


def test_quotes_do_not_carry_the_phrase_past_its_noun() -> None:
    text = 'The strikes killed 12 "civilians" in the town, the monitor said.'
    (death,) = find_deaths(text, 0, len(text))
    assert (death.count.best, death.kind) == (12, "civilian")
    assert text[death.start : death.end].endswith('"civilians"')
