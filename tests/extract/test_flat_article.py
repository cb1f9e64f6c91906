"""An article whose line breaks were lost (a whole report on one line) is body prose after its
first sentence, as with its lines: a generic present ("warplanes target hospitals") or a perfect
of a kind ("have shelled villages") there tells no incident. A snippet of one or two sentences
keeps a headline's present.

Invented sentences written from the ACLED codebook's notion of an event, not from any dataset.
"""

from __future__ import annotations

import pytest

from eventwire.extract import EventExtractor
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

LEAD = "Air strikes killed 12 people in the town of Saraqib on Saturday, a monitor said. "
MIDDLE = "The monitor gave no breakdown of the toll. "
GENERIC = "Russian warplanes target hospitals and markets across the province."
SUMMARY = "Government forces have shelled villages and farms across the province."


def positions(nlp, text: str) -> list[int]:  # type: ignore[no-untyped-def]
    found, _ = EventExtractor(Settings()).candidates(nlp(text))
    return [c.position for c in found]


def test_generic_present_in_flat_article(nlp) -> None:  # type: ignore[no-untyped-def]
    assert positions(nlp, LEAD + MIDDLE + GENERIC) == [0]


def test_perfect_summary_in_flat_article(nlp) -> None:  # type: ignore[no-untyped-def]
    assert positions(nlp, LEAD + MIDDLE + SUMMARY) == [0]


def test_flat_article_reads_as_its_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    flat = LEAD + MIDDLE + GENERIC
    assert positions(nlp, flat) == positions(nlp, flat.replace(". ", ".\n"))


def test_short_snippet_keeps_present(nlp) -> None:  # type: ignore[no-untyped-def]
    # two sentences on one line: a snippet, where the present may be a headline's
    assert positions(nlp, LEAD + GENERIC) == [0, 1]
