"""Datelines: which day relative words count from, and which events a dateline dates."""

from __future__ import annotations

import datetime as dt

from eventwire.resolve.dates import choose_event_date, find_dates, report_date

RECORD = dt.date(2019, 5, 30)  # a data set's date that disagrees with the article's own


def test_a_stamp_after_the_headline_anchors_weekdays() -> None:
    text = (
        "Shelling kills nine in northern town Monitor AFP Tuesday 14 May 2019 Shelling killed "
        "nine people in the town on Monday a monitor said."
    )
    assert report_date(text, RECORD) == dt.date(2019, 5, 14)
    monday = next(m for m in find_dates(text, RECORD) if m.text == "Monday")
    assert monday.date == dt.date(2019, 5, 13)


def test_a_credit_or_clock_time_marks_a_stamp_but_prose_does_not() -> None:
    assert report_date(
        "Nine killed in rocket attack 14 May 2019 SANA Nine people died.", RECORD
    ) == (dt.date(2019, 5, 14))
    assert report_date("Town hit Middle East 1730 14.05.2019 Nine died.", RECORD) == (
        dt.date(2019, 5, 14)
    )
    # a weekday that does not fall on the date, or a date that prose leads into
    assert report_date("Gunmen killed nine people on Monday 14 May 2019 in the town.", RECORD) == (
        RECORD
    )
    assert report_date("Nine died in the town on 14 May 2019 SANA said.", RECORD) == RECORD


def test_a_dateline_does_not_date_an_event_the_text_dates() -> None:
    text = (
        "Wed May 15 2019 Nine Killed in Market Bombing. A group on Wednesday claimed "
        "responsibility for the bombing. The explosion on Tuesday evening tore through a market."
    )
    mentions = find_dates(text, RECORD)
    headline_end = text.index(".") + 1
    choice = choose_event_date(mentions, 0, headline_end, RECORD)
    assert choice.date == dt.date(2019, 5, 14)
    assert choice.mention is not None and choice.mention.text == "Tuesday"


def test_a_headline_with_no_other_date_keeps_the_dateline() -> None:
    text = (
        "Wed May 15 2019 Nine Killed in Market Bombing. Nine people died in a market. "
        "On Tuesday a separate strike hit a school."
    )
    mentions = find_dates(text, RECORD)
    choice = choose_event_date(mentions, 0, text.index(".") + 1, RECORD)
    assert (choice.date, choice.time_precision) == (dt.date(2019, 5, 15), 1)
    # a sentence deep in the body with no date near it: the report's date, not a day
    far = text + " Aid groups said." + " The war goes on." * 40 + " A clinic was shelled."
    choice = choose_event_date(find_dates(far, RECORD), len(far) - 20, len(far), RECORD)
    assert (choice.date, choice.time_precision) == (RECORD, 2)


def test_a_statement_made_before_the_dateline_bounds_a_headlines_incident() -> None:
    text = (
        "Wed May 15 2019 Nine Killed in Market Shelling. Nine people were killed in shelling "
        "of a market the ministry said on Tuesday."
    )
    choice = choose_event_date(find_dates(text, RECORD), 0, text.index(".") + 1, RECORD)
    assert (choice.date, choice.time_precision) == (dt.date(2019, 5, 14), 2)
    # a statement on the dateline's own day leaves the dateline
    same_day = text.replace("on Tuesday", "on Wednesday")
    choice = choose_event_date(find_dates(same_day, RECORD), 0, text.index(".") + 1, RECORD)
    assert (choice.date, choice.time_precision) == (dt.date(2019, 5, 15), 1)
