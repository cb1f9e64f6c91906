"""Incidents an article recalls ("since a ... attack that killed", "that attack" of an earlier
year) are background, not events of the article."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.extract.towns import extract

from eventwire.extract.classify import Decision
from eventwire.extract.detect import Candidate
from eventwire.extract.recall import after_attack, recalled
from eventwire.extract.triggers import Cue
from eventwire.models import Event
from eventwire.resolve.dates import DateChoice, DateMention

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 11, 30)  # a Saturday
TOWNS = {"Idlib": (35.93062, 36.63393), "Damascus": (33.5102, 36.29128)}
DAYS = {"Saturday": PUBLISHED, "Tuesday": dt.date(2024, 11, 26)}


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    dates = [
        DateMention(m.start(), m.end(), m.group(), DAYS[m.group()], None, 1, False)
        for m in re.finditer("|".join(DAYS), text)
    ]
    dates += [
        DateMention(m.start(), m.end(), m.group(), dt.date(int(m.group()), 1, 1), None, 3, True)
        for m in re.finditer(r"\b20\d\d\b", text)
    ]
    return extract(nlp, text, TOWNS, PUBLISHED, sorted(dates, key=lambda d: d.start), outlet=None)


def test_an_attack_named_after_since_is_recalled(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on Idlib killed 12 civilians on Saturday, a war monitor said.\n"
        "The deaths were the first in the town since a suspected chemical weapons attack on "
        "Tuesday that killed 87 civilians.\n"
    )
    events = run(nlp, text)
    assert [(e.location, e.fatalities) for e in events] == [("Idlib", 12)]


def test_that_attack_of_an_earlier_year_is_recalled(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on Idlib killed 12 civilians on Saturday, a war monitor said.\n"
        "Investigators established that sarin was used near Damascus in 2013.\n"
        "The United States accused the government of that attack, which it estimates killed "
        "1429 people.\n"
    )
    events = run(nlp, text)
    assert sum(e.fatalities for e in events) == 12


def candidate(text: str, sentence: str, trigger: str) -> Candidate:
    start = text.index(sentence)
    at = text.index(trigger, start)
    cue = Cue("kill", at, at + len(trigger), 1.0, trigger)
    decision = Decision("Attack", cue, 0.5, "test")
    end = start + len(sentence)
    return Candidate(decision, start, end, start, end, (), None, None, False, ())


def test_that_said_of_the_attack_is_no_recall() -> None:
    text = (
        "Air strikes on Idlib killed 12 civilians on Saturday.\n"
        "Damascus has been calm since the government retook its suburbs in 2018.\n"
        "Police said that the attack killed nine people on Saturday.\n"
    )
    sentence = "Police said that the attack killed nine people on Saturday."
    lead = PUBLISHED
    args = (text, PUBLISHED, None, PUBLISHED, lead)
    assert not recalled(candidate(text, sentence, "killed"), *args)
    that = text.replace("that the attack", "that attack")
    sentence = sentence.replace("that the attack", "that attack")
    assert recalled(candidate(that, sentence, "killed"), that, PUBLISHED, None, PUBLISHED, lead)


def test_a_sentence_dated_by_a_calendar_date_told_before_it_is_recalled() -> None:
    text = (
        "Air strikes on Idlib killed 12 civilians on Saturday.\n"
        "Rights groups recalled an attack on Damascus on November 2.\n"
        "There, 40 people died.\n"
    )
    sentence = "There, 40 people died."
    at = text.index("November 2")
    mention = DateMention(at, at + 10, "November 2", dt.date(2024, 11, 2), None, 1, False)
    args = (text, dt.date(2024, 11, 2), mention, PUBLISHED, PUBLISHED)
    assert recalled(candidate(text, sentence, "died"), *args)


def test_a_calendar_date_the_lead_gives_dates_the_news_not_a_recall() -> None:
    # A report published a week after the incident it is about: the lead names the day.
    text = (
        "Posted on November 30 2024 Aid group accuses the army of bombing a hospital in Idlib "
        "on November 2.\n"
        "The group reported that the strike hit the hospital entrance killing two people.\n"
    )
    sentence = "The group reported that the strike hit the hospital entrance killing two people."
    at = text.index("November 2.")
    mention = DateMention(at, at + 10, "November 2", dt.date(2024, 11, 2), None, 1, False)
    args = (text, dt.date(2024, 11, 2), mention, PUBLISHED, PUBLISHED)
    assert not recalled(candidate(text, sentence, "killing"), *args)


def test_an_incident_told_by_a_weekday_four_days_before_the_lead_is_recalled() -> None:
    # Saturday's report: Tuesday (four days before) is recalled, Wednesday (three) is news.
    text = (
        "Air strikes on Idlib killed 12 civilians on Saturday.\n"
        "On Tuesday three suicide bombers killed two people near the police headquarters.\n"
    )
    sentence = "On Tuesday three suicide bombers killed two people near the police headquarters."
    at = text.index("Tuesday")
    tuesday = dt.date(2024, 11, 26)
    mention = DateMention(at, at + 7, "Tuesday", tuesday, None, 1, False)
    cand = candidate(text, sentence, "killed")
    assert recalled(cand, text, tuesday, mention, PUBLISHED, PUBLISHED)
    wednesday = dt.date(2024, 11, 27)
    text = text.replace("Tuesday", "Wednesday")
    sentence = sentence.replace("Tuesday", "Wednesday")
    mention = DateMention(at, at + 9, "Wednesday", wednesday, None, 1, False)
    cand = candidate(text, sentence, "killed")
    assert not recalled(cand, text, wednesday, mention, PUBLISHED, PUBLISHED)
    # "Saturday's convoy attack killed 126" in Wednesday's report
    text = "A bomb killed six people in Aleppo on Wednesday.\nSaturdays convoy attack killed 126.\n"
    sentence = "Saturdays convoy attack killed 126."
    at = text.index("Saturdays")
    saturday = dt.date(2024, 11, 23)
    mention = DateMention(at, at + 9, "Saturdays", saturday, None, 1, False)
    cand = candidate(text, sentence, "killed")
    assert recalled(cand, text, saturday, mention, PUBLISHED, dt.date(2024, 11, 27))


def chemical(text: str, sentence: str, trigger: str, deaths: bool = False) -> Candidate:
    start = text.index(sentence)
    at = text.index(trigger, start)
    cue = Cue("chemical", at, at + len(trigger), 1.0, trigger)
    decision = Decision("Chemical weapon", cue, 0.9, "test")
    end = start + len(sentence)
    toll = (object(),) if deaths else ()
    return Candidate(decision, start, end, start, end, toll, None, None, False, ())  # type: ignore[arg-type]


def test_a_chemical_attack_the_news_came_after_is_recalled_even_first() -> None:
    text = (
        "Sun 9 Apr 2017 A hospital in Idlib after the toxic gas attack.\n"
        "Air strikes on Idlib killed 18 people on Saturday.\n"
    )
    sentence = "A hospital in Idlib after the toxic gas attack."
    stamp = DateMention(4, 14, "9 Apr 2017", dt.date(2017, 4, 9), None, 1, False, dateline=True)
    by_stamp = DateChoice(dt.date(2017, 4, 9), 1, stamp)
    assert after_attack(chemical(text, sentence, "toxic gas attack"), text, by_stamp)
    # a day told before "after" dates the news, not the attack
    text = "Officials cancelled a visit scheduled for April 10 after the poison gas attack.\n"
    at = text.index("April 10")
    april10 = DateMention(at, at + 8, "April 10", dt.date(2017, 4, 10), None, 1, False)
    cand = chemical(text, text.strip(), "poison gas attack")
    assert after_attack(cand, text, DateChoice(april10.date, 1, april10))


def test_a_chemical_attack_with_its_own_day_or_deaths_is_no_recall() -> None:
    # the date after the cue, in the attack's own clause, is the attack's
    text = "After the toxic gas attack on Wednesday rescuers searched the town.\n"
    at = text.index("Wednesday")
    wednesday = DateMention(at, at + 9, "Wednesday", dt.date(2017, 4, 5), None, 1, False)
    cand = chemical(text, text.strip(), "toxic gas attack")
    assert not after_attack(cand, text, DateChoice(wednesday.date, 1, wednesday))
    # "Three civilians were killed ... after a toxic gas was released": the attack's own news
    text = "Three civilians were killed after a toxic gas was released, a monitor said.\n"
    cand = chemical(text, text.strip(), "toxic gas", deaths=True)
    assert not after_attack(cand, text, DateChoice(dt.date(2017, 4, 6), 2, None))
    assert after_attack(
        chemical(text, text.strip(), "toxic gas"), text, DateChoice(dt.date(2017, 4, 6), 2, None)
    )
