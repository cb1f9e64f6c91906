"""The day of talks, a call or a meeting told in a sentence of no violence is not carried onto
an incident told after it."""

from __future__ import annotations

import datetime as dt

from eventwire.resolve.dates import choose_event_date, find_dates

PUBLISHED = dt.date(2017, 4, 12)  # a Wednesday


def date_of(text: str, sentence: str) -> tuple[dt.date | None, int]:
    start = text.index(sentence)
    choice = choose_event_date(find_dates(text, PUBLISHED), start, start + len(sentence), PUBLISHED)
    return choice.date, choice.time_precision


def test_a_call_s_weekday_does_not_date_the_attack_told_next() -> None:
    text = (
        "The minister made the call during phone conversations on Monday with his counterparts. "
        "He condemned the recent chemical attack in Idlib that killed dozens."
    )
    sentence = "He condemned the recent chemical attack in Idlib that killed dozens."
    assert date_of(text, sentence) == (PUBLISHED, 2)  # the report's day, not Monday's
    talks = "On Tuesday the eighth round of talks will kick off in Geneva. "
    text = talks + "Government forces regained control of the town of Mayadin."
    assert date_of(text, "Government forces regained control of the town of Mayadin.")[1] == 2


def test_a_day_whose_sentence_tells_violence_still_dates_the_next_one() -> None:
    text = (
        "Jets struck the town on Monday after talks in Geneva stalled. "
        "Rescuers said the strikes killed 12 people."
    )
    assert date_of(text, "Rescuers said the strikes killed 12 people.") == (dt.date(2017, 4, 10), 1)
