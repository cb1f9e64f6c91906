"""Another report of an event told before is a definite reference to the event ("the attack
killed 32"), not a definite subject naming who acted ("the militants crucified two men")."""

from __future__ import annotations

import datetime as dt

from eventwire.extract.breakdown import another_report
from eventwire.extract.classify import Decision
from eventwire.extract.detect import Candidate
from eventwire.extract.placing import Located
from eventwire.extract.triggers import Cue
from eventwire.models import Place
from eventwire.resolve.geo import PlaceChoice

DAY = dt.date(2014, 8, 10)


def _located(text: str, sentence: str, trigger: str, place: str, reason: str) -> Located:
    start = text.index(sentence)
    at = text.index(trigger, start)
    cue = Cue("execute", at, at + len(trigger), 1.0, trigger)
    candidate = Candidate(
        Decision("Attack", cue, 0.9, "test"),
        start,
        start + len(sentence),
        start,
        start + len(sentence),
        (),
        None,
        None,
        False,
        (),
        position=1 + text[:start].count(". "),
    )
    town = Place(place, 0, 0, 35.0, 40.0, None, "PPL", "Syria", "Deir ez-Zor", None, "SY", 760)
    return Located(
        candidate,
        PlaceChoice(town, 1, reason),
        DAY,
        1,
        None,
        (),
        ((start, start + len(sentence)),),
        None,
        True,
    )


FIRST = "On the banks of the river the group beheaded two men on Sunday."
ACTED = "In other parts of the province the militants crucified two men in Mayadin."
RETOLD = "In Mayadin the executions shocked residents, a monitor said."
TEXT = f"A monitor reported the news. {FIRST} {ACTED} {RETOLD}"


def test_a_definite_subject_is_no_reference_to_the_event_before() -> None:
    first = _located(TEXT, FIRST, "beheaded", "Deir ez-Zor", "paragraph: near")
    later = _located(TEXT, ACTED, "crucified", "Mayadin", "sentence: town")
    assert not another_report(first, later, TEXT)


def test_a_definite_reference_to_the_event_is_another_report() -> None:
    first = _located(TEXT, FIRST, "beheaded", "Deir ez-Zor", "paragraph: near")
    later = _located(TEXT, RETOLD, "executions", "Mayadin", "sentence: town")
    assert another_report(first, later, TEXT)
