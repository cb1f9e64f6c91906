"""A sentence with no toll of its own that names only the region a town's event is in is
that event told again, not a second event at the region (examples written for this test)."""

from __future__ import annotations

import pytest
from tests.extract.test_extractor import PUBLISHED, dates_in

from eventwire.extract import EventExtractor
from eventwire.models import Document, Event, Place
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

TEXT = (
    "A car bomb killed 12 people in Douma on Friday, a monitor said. A large car bomb was set "
    "off on Friday near the offices of the council that runs most of Rif Dimashq province."
)


def _places(text: str) -> list[Place]:
    douma = text.index("Douma")
    rif = text.index("Rif Dimashq")
    return [
        Place("Douma", douma, douma + 5, 33.57175, 36.4027, None, "PPL", "Syria", "Rif Dimashq",
              None, "SY", 760),
        Place("Rif Dimashq", rif, rif + 11, 33.5, 36.6, None, "ADM1", "Syria", "Rif Dimashq",
              None, "SY", 760),
    ]  # fmt: skip


def _run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    document = Document(id="doc-1", text=text, published=PUBLISHED, outlet="Example News")
    return EventExtractor(Settings()).extract(document, nlp(text), _places(text), dates_in(text))


def test_the_region_of_a_towns_bomb_is_the_same_bomb(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _run(nlp, TEXT)
    assert [(e.location, e.fatalities) for e in events] == [("Douma", 12)]


def test_another_kind_of_act_in_the_region_is_another_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = TEXT.replace("A large car bomb was set off", "Government jets carried out air strikes")
    kinds = sorted(e.sub_event_type for e in _run(nlp, text))
    assert kinds == ["Air/drone strike", "Remote explosive/landmine/IED"]
