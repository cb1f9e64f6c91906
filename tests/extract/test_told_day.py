"""A follow-up report's known attack takes the day the text gives it by name, not the day of
the statement or dateline it is told under."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.extract.towns import extract

from eventwire.extract.retold import stated_days, told_day
from eventwire.models import Event
from eventwire.resolve.dates import DateChoice, DateMention, find_dates

PUBLISHED = dt.date(2017, 4, 13)  # a Thursday
TOWNS = {"Idlib": (35.93062, 36.63393), "Khan Sheikhun": (35.44208, 36.65095)}


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return extract(nlp, text, TOWNS, PUBLISHED, outlet=None)


@pytest.mark.slow
def test_a_follow_up_dates_the_attack_by_the_day_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Date of publication 13 April 2017 Scientists found that sarin was used in the chemical "
        'attack in Idlib, the ambassador said on Wednesday. "The regime was responsible for a '
        'sarin attack on Khan Sheikhun on the 4th of April" he told the council. On Tuesday '
        "similar results were confirmed by health officials who said tests on victims of the "
        "suspected chemical attack showed sarin. At least 87 people including 31 children died "
        "in the suspected attack.\n"
    )
    events = [e for e in run(nlp, text) if e.sub_event_type == "Chemical weapon"]
    assert events
    assert {e.event_date for e in events} == {dt.date(2017, 4, 4)}
    assert max(e.fatalities for e in events) == 87
    spans = [v.text for e in events for v in e.evidence if v.field == "event_date"]
    assert "4th of April" in spans


def mention(text: str, day: dt.date, **flags: bool) -> DateMention:
    return DateMention(0, len(text), text, day, None, 1, False, day=day, **flags)


def test_only_a_report_s_date_gives_way_and_only_to_one_earlier_day() -> None:
    april4 = mention("4th of April", dt.date(2017, 4, 4))
    said = DateChoice(
        dt.date(2017, 4, 12), 2, mention("Wednesday", dt.date(2017, 4, 12), reporting=True)
    )
    assert told_day(said, [april4], 31) == DateChoice(dt.date(2017, 4, 4), 1, april4)
    published = DateChoice(PUBLISHED, 2, None)
    assert told_day(published, [april4], 31).date == dt.date(2017, 4, 4)
    # a day the text gives the event itself stays; two named days are no reading
    own = DateChoice(dt.date(2017, 4, 11), 1, mention("Tuesday", dt.date(2017, 4, 11)))
    assert told_day(own, [april4], 31) == own
    april5 = mention("April 5", dt.date(2017, 4, 5))
    assert told_day(said, [april4, april5], 31) == said
    # a named day after the report's, or over a month before it, is not this attack's
    assert told_day(said, [mention("May 1", dt.date(2017, 5, 1))], 31) == said
    assert told_day(said, [mention("March 1", dt.date(2017, 3, 1))], 31) == said


@pytest.mark.slow
def test_a_follow_up_naming_no_day_takes_the_day_of_a_statement_of_its_deaths(nlp) -> None:  # type: ignore[no-untyped-def]
    # published on Thursday 6 April: the attack was told on Tuesday, by a statement of its dead
    text = (
        "06.04.2017 The attack in Idlib claimed the lives of at least 27 children, UNICEF said "
        "in a statement on Thursday. On Tuesday opposition forces stated that some 80 people "
        "were killed in a chemical weapon attack in Idlib.\n"
    )
    events = run(nlp, text)
    assert events
    assert {(e.event_date, e.time_precision) for e in events} == {(dt.date(2017, 4, 4), 2)}


def test_a_statement_s_day_of_chemical_deaths_bounds_the_attack() -> None:
    text = (
        "On Tuesday opposition forces stated that some 80 people were killed in a chemical "
        "weapon attack in Idlib. On Wednesday officials said talks would go on."
    )
    found = stated_days(text, find_dates(text, PUBLISHED))
    assert [m.text for m in found] == ["Tuesday"]  # not the talks' statement
    tuesday = found[0]
    said = DateChoice(dt.date(2017, 4, 13), 1, mention("13 April 2017", PUBLISHED, dateline=True))
    assert told_day(said, found, 31) == DateChoice(tuesday.date, 2, tuesday)  # on or before
