"""An event dated only by its report (no day in its sentence, a dateline, "a monitor said
Friday") takes the day a later sentence of it gives the act ("Thursday's air strikes", "dropped
... on Wednesday"); a later sentence opened by its own day ("On Saturday mortar rounds struck
...") sets another scene and does not re-date it. Only the date changes: the same events, the
same tolls.

Invented sentences written from the ACLED codebook's notion of an event, not from any dataset.
"""

from __future__ import annotations

import datetime as dt

import pytest
from tests.extract.towns import extract

from eventwire.models import Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 11, 29)  # a Friday
TOWNS = {"Douma": (33.57175, 36.40270), "Aleppo": (36.20124, 37.16117)}


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return extract(nlp, text, TOWNS, PUBLISHED)


def test_the_day_of_the_act_replaces_the_day_of_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government air raids on Douma killed 42 people, a monitoring group said Friday. "
        "Thursday's air strikes hit the besieged town's market."
    )
    (event,) = run(nlp, text)
    assert event.event_date == dt.date(2024, 11, 28)
    assert event.fatalities == 42
    assert any(e.field == "event_date" and e.text.startswith("Thursday") for e in event.evidence)


def test_a_detail_of_the_act_dates_an_undated_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Four people died in a gas attack in Aleppo, a hospital said. "
        "At least four people died when chlorine was dropped with barrel bombs on a "
        "neighbourhood of Aleppo on Wednesday."
    )
    events = run(nlp, text)
    assert [e.event_date for e in events] == [dt.date(2024, 11, 27)]


def test_a_sentence_opened_by_its_day_does_not_re_date_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mortar fire killed two people at a school in Aleppo, state media reported. "
        "Rebels fired the mortars from nearby districts. "
        "On Thursday mortar rounds struck near the Russian embassy."
    )
    dates = {e.event_date for e in run(nlp, text) if e.fatalities == 2}
    assert dates == {PUBLISHED}
