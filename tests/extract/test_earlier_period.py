"""An incident a report dates only by a period before its month ("Last month ...", "at the end
of last year", "in late October" in a November report) is background it recalls, not one of
its events; an incident of the report's own days stays.

Invented sentences written from the ACLED codebook's notion of an event, not from any dataset.
"""

from __future__ import annotations

import datetime as dt

import pytest
from tests.extract.towns import extract

from eventwire.models import Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 11, 30)  # a Saturday
TOWNS = {
    "Idlib": (35.93062, 36.63393),
    "Saraqib": (35.86443, 36.8006),
    "Hama": (35.13179, 36.75783),
}
LEAD = "Air strikes killed 12 people in Idlib on Saturday, a monitor said. "


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return extract(nlp, text, TOWNS, PUBLISHED)


@pytest.mark.parametrize(
    "recalled",
    [
        "Last month the rebels dealt a blow to the army by seizing the town of Saraqib.",
        "The town of Saraqib lies in an area captured by the rebels at the end of last year.",
        "In late October rebel shelling hit a market in Saraqib.",
        "The army has held Hama since it captured the town of Saraqib at the end of September.",
    ],
)
def test_earlier_period_is_background(nlp, recalled: str) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, LEAD + recalled)
    assert [e.location for e in events] == ["Idlib"]


def test_this_week_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, LEAD + "Rebel shelling hit a market in Saraqib on Wednesday.")
    assert sorted(e.location for e in events) == ["Idlib", "Saraqib"]
