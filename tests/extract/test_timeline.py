"""A timeline box of past milestones scraped into an article (and its copy without the dates)
is background: its entries become no events and lend no tolls."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.extract.towns import extract

from eventwire.extract.recall import timeline_spans
from eventwire.models import Event
from eventwire.resolve.dates import DateMention

PUBLISHED = dt.date(2017, 4, 4)  # a Tuesday
TOWNS = {"Idlib": (35.93062, 36.63393), "Damascus": (33.5102, 36.29128)}

NEWS = (
    "Air strikes on the town of Idlib killed 12 civilians on Tuesday, a war monitor said. "
    "The monitor said the planes were believed to be Russian. "
)
ENTRIES = (
    "Unprecedented protests demand civil liberties and freedom for political prisoners. ",
    "Regime forces seize rebel-held Baba Amr in Homs city after 27 days of heavy shelling. ",
    "Washington accuses the regime of killing more than 1400 people with chemical weapons "
    "in rebel-held districts near Damascus. ",
    "Islamic State group seizes swathes of territory in Syria and Iraq. ",
    "Two suicide car bombs detonate in the Syrian capital Damascus. At least 32 are "
    "confirmed dead. ",
)
STAMPS = ("March 15 2011 ", "March 1 2012 ", "August 21 2013 ", "2014 ", "March 15 2017 ")
TIMELINE = "Timeline " + "".join(s + e for s, e in zip(STAMPS, ENTRIES, strict=True))
COPY = "Timeline " + "".join(ENTRIES)


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    dates = [
        DateMention(m.start(), m.end(), m.group(), PUBLISHED, None, 1, False)
        for m in re.finditer("Tuesday", text)
    ]
    return extract(nlp, text, TOWNS, PUBLISHED, dates, outlet=None)


def test_a_timeline_box_is_found_with_its_undated_copy() -> None:
    text = NEWS + TIMELINE + COPY
    box = text.index("March 15 2011")
    copy = text.index("Timeline Unprecedented") + len("Timeline ")
    spans = timeline_spans(text)
    assert spans[0][0] == box and text[spans[0][0] : spans[0][1]].endswith("confirmed dead.")
    assert spans[1][0] == copy and text[spans[1][0] : spans[1][1]].endswith("confirmed dead")
    assert all(a >= len(NEWS) for a, _ in spans)  # the news is no copy


@pytest.mark.parametrize(
    "text",
    [
        # dates inside sentences, not heading entries
        "Protests began in March 2011 and spread. The army took Homs in March 2012 after a "
        "siege. Since 2013 Islamic State has held Raqqa. By 2014 Damascus was besieged.",
        # a numbered list told in sentences ("On October 9 2013 ...")
        "1. On August 21 2013 the regime fired rockets. 2. On October 9 2013 Kerry made a "
        "hint. 3. On 15 November 2013 the OPCW decides.",
        # years that are no dates ("a 2003 Honda")
        "A 1992 Toyota Corolla struck a 2003 Honda Accord and a 2007 Toyota Corolla.",
        # dates heading paragraphs, but not running forward in time
        "March 15 2017 Air strikes hit Idlib. March 1 2012 Regime forces seize Baba Amr. "
        "2011 Protests begin.",
    ],
)
def test_dates_in_prose_make_no_timeline(text: str) -> None:
    assert timeline_spans(text) == ()


def test_a_news_sentence_told_again_in_one_entry_is_no_copy() -> None:
    lead = "Two suicide car bombs detonate in the Syrian capital Damascus on Tuesday. "
    assert timeline_spans(lead + TIMELINE)[1:] == ()


@pytest.mark.slow
def test_timeline_entries_and_their_copy_are_no_events(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, NEWS + TIMELINE + COPY)
    assert [(e.location, e.fatalities) for e in events] == [("Idlib", 12)]


@pytest.mark.slow
def test_an_entry_toll_lends_nothing_to_the_news_before_the_box(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on the town of Idlib killed 12 civilians on Tuesday, a war monitor said. "
        "March 15 2011 Troops open fire on protesters. At least 40 people are dead. "
        "March 1 2012 Regime forces seize rebel-held Baba Amr in Homs city. "
        "2014 Islamic State group seizes swathes of territory in Syria and Iraq. "
    )
    events = run(nlp, text)
    assert [(e.location, e.fatalities) for e in events] == [("Idlib", 12)]
