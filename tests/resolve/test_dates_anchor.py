"""Relative days counted from the day the narrative is on, not from the report's date."""

from __future__ import annotations

import datetime as dt

from eventwire.resolve.dates import choose_event_date, find_dates, report_date

SUNDAY = dt.date(2019, 4, 7)
MONDAY = dt.date(2019, 4, 8)
SATURDAY = dt.date(2019, 4, 6)


def _day_of(text: str, words: str, published: dt.date) -> dt.date | None:
    return next(m.date for m in find_dates(text, published) if m.text == words)


def _event_day(text: str, start: int, published: dt.date) -> dt.date | None:
    return choose_event_date(find_dates(text, published), start, len(text), published).date


def test_the_previous_day_counts_back_from_the_day_the_sentence_before_names() -> None:
    text = "Rockets killed three civilians in the city on Friday. Six had died the previous day."
    assert _day_of(text, "the previous day", SUNDAY) == dt.date(2019, 4, 4)
    assert _event_day(text, text.index("Six"), SUNDAY) == dt.date(2019, 4, 4)
    # with no day named before it, it is the day before the report, as "yesterday"
    assert _day_of("Six had died the day before.", "the day before", SUNDAY) == SATURDAY


def test_a_day_followed_by_an_act_stays_the_events_own_day() -> None:
    text = "Rebels on Sunday retook a village that fell to the army the day before."
    assert _event_day(text, 0, MONDAY) == SUNDAY
    assert _day_of(text, "the day before", MONDAY) == SATURDAY
    text = "A bomb hit a convoy on Sunday, killing people evacuated the day before."
    assert _event_day(text, 0, MONDAY) == SUNDAY
    # a statement's or an update's day is the report's: the event is the day before it
    text = "On Sunday, the monitor raised the toll from strikes on a market the previous day."
    assert _event_day(text, 0, MONDAY) == SATURDAY


def test_the_next_day_counts_on_from_the_day_told_before() -> None:
    text = "Troops entered the village on Tuesday. They withdrew the next day."
    assert _day_of(text, "the next day", SATURDAY) == dt.date(2019, 4, 3)
    assert _event_day(text, text.index("They"), SATURDAY) == dt.date(2019, 4, 3)
    text = "Troops entered the village on Tuesday and left a day later."
    assert _day_of(text, "a day later", SATURDAY) == dt.date(2019, 4, 3)
    # with no day before it, it has no reading
    assert [m.text for m in find_dates("They withdrew the following day.", SATURDAY)] == []


def test_a_day_before_or_after_a_named_occasion_is_no_date() -> None:
    assert find_dates("Jets struck the town the day before the ceasefire.", SATURDAY) == []


def test_a_night_into_a_weekday_began_the_day_before() -> None:
    text = "Shells fell on the town overnight into Sunday, a monitor said."
    assert _event_day(text, 0, MONDAY) == SATURDAY
    text = "Clashes went on overnight into early Sunday."
    assert _event_day(text, 0, MONDAY) == SATURDAY


def test_a_stamp_with_its_day_and_year_run_together_is_the_dateline() -> None:
    record = dt.date(2016, 8, 25)  # a data set's date that disagrees with the article's own
    text = "Last updated at Aug 142016 BEIRUT Jets struck rebel areas of Aleppo on Sunday."
    assert report_date(text, record) == dt.date(2016, 8, 14)
    assert _day_of(text, "Sunday", record) == dt.date(2016, 8, 14)
    text = "Feb 022015 Beirut Air strikes killed 44 people on Monday."
    assert _day_of(text, "Monday", dt.date(2015, 2, 19)) == dt.date(2015, 2, 2)
    # a count after a month is no stamp
    assert report_date("Aug 1420 people fled.", record) == record


def test_a_day_an_act_owns_is_no_statements_date() -> None:
    # "activists said" follows the day, but the act before it owns the day
    text = "Jets bombarded the town on Thursday activists said after strikes the previous day."
    assert _event_day(text, 0, SATURDAY) == dt.date(2019, 4, 4)
    thursday = next(m for m in find_dates(text, SATURDAY) if m.text == "Thursday")
    assert not thursday.reporting
