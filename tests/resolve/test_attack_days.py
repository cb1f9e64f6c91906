"""The dates a text gives an attack by name ("the April 4 attack", "a sarin attack on Khan
Sheikhun on the 4th of April"), which date a follow-up report's known attack."""

from __future__ import annotations

import datetime as dt

from eventwire.resolve.dates import attack_days, find_dates

PUBLISHED = dt.date(2017, 4, 13)  # a Thursday


def told(text: str) -> list[tuple[str, dt.date | None]]:
    return [
        (t.mention.text, t.mention.date) for t in attack_days(text, find_dates(text, PUBLISHED))
    ]


def test_an_attack_named_with_its_date_after_it() -> None:
    text = "The regime was responsible for a sarin attack on Khan Sheikhun on the 4th of April."
    assert told(text) == [("4th of April", dt.date(2017, 4, 4))]
    found = attack_days(text, find_dates(text, PUBLISHED))
    assert "sarin attack" in found[0].phrase  # the words that name its kind


def test_an_attack_named_with_its_date_before_it() -> None:
    assert told("Evidence from the April 4 chemical attack was sent abroad.") == [
        ("April 4", dt.date(2017, 4, 4))
    ]
    assert told("Victims of last Tuesday's attack were treated in Turkey.") == [
        ("last Tuesday's", dt.date(2017, 4, 11))
    ]


def test_a_date_that_opens_a_clause_or_a_statement_dates_no_attack() -> None:
    # a weekday opening its sentence, a weekday and a noun across "after", a statement's day
    assert told("On Thursday airstrikes on several areas of Hama left 50 people ill.") == []
    assert told("Many were injured on Tuesday after the regime air strike hit the town.") == []
    assert told("Sarin was used in the chemical attack, the ambassador said on Wednesday.") == []
