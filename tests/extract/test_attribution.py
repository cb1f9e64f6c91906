"""Attributed sources: reporting-verb subjects, "according to", one name per known source."""

from __future__ import annotations

import pytest

from eventwire.extract.attribution import find_sources, normalise

pytestmark = pytest.mark.slow


def sources(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [s.name for sent in doc.sents for s in find_sources(sent)]


def test_according_to_and_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Twelve people were killed, according to the Syrian Observatory for Human Rights "
        "(SOHR). State media said the army had repelled the attack."
    )
    assert sources(nlp, text) == ["Syrian Observatory for Human Rights", "State media"]


def test_aliases_become_one_name() -> None:
    assert normalise("the Observatory") == "Syrian Observatory for Human Rights"
    assert normalise("SOHR") == "Syrian Observatory for Human Rights"
    assert normalise("the Britain-based monitor") == "Syrian Observatory for Human Rights"


def test_pronouns_are_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sources(nlp, "He said the town was shelled overnight.") == []


def test_spans_point_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army admitted that its jets struck the market, a military source told AFP."
    doc = nlp(text)
    found = [s for sent in doc.sents for s in find_sources(sent)]
    assert found
    for s in found:
        assert text[s.start : s.end].lower().endswith(s.name.lower()[-4:])
