"""Attributed sources: reporting-verb subjects, "according to", one name per known source."""

from __future__ import annotations

import pytest

from eventwire.extract.attribution import Source, find_sources, normalise, source_names

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


def test_labels_before_a_name_are_dropped() -> None:
    sohr = "Syrian Observatory for Human Rights"
    assert normalise("the Britain-based Syrian Observatory for Human Rights") == sohr
    assert normalise("Observatory director Rami Abdel Rahman") == sohr
    assert normalise("Syrian state-run news agency SANA") == "SANA"
    assert normalise("the Istanbul-based National Coalition") == "National Coalition"
    assert normalise("the UN childrens agency UNICEF") == "UNICEF"
    assert normalise("two residents") == "Residents"


def test_one_source_under_two_names_is_listed_once() -> None:
    text = "state news agency SANA ... the news agency ... a war monitor ... SOHR ... activists"
    spans = [(0, 22), (27, 42), (47, 60), (65, 69), (74, 83)]
    found = [Source(normalise(text[s:e]), s, e) for s, e in spans]
    assert source_names(found, text) == [
        "SANA", "Syrian Observatory for Human Rights", "Activists",
    ]  # fmt: skip
    alone = [Source(normalise("a war monitor"), 0, 13)]
    assert source_names(alone) == ["War monitor"]


def test_an_event_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A tank-backed assault killed at least 80 people in Hama rights groups said."
    assert not [n for n in sources(nlp, text) if "assault" in n.lower()]
