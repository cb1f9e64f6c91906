"""The whole pipeline on a scraped page: the events it reports, and nothing from background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.models import Document, RawInput
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

from contract import check_document

PAGE = Path(__file__).resolve().parents[1] / "demo" / "aleppo_page.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def document() -> Document:
    raw = RawInput(
        origin=str(PAGE), kind="text", content=PAGE.read_bytes(), published=dt.date(2024, 11, 30)
    )
    [outcome] = list(Pipeline(Settings()).run([raw]))
    assert isinstance(outcome, Document), outcome
    return outcome


def test_record_validates_against_the_contract(document: Document) -> None:
    check_document(document.to_record(events=True, places=True), events=True, places=True)


def test_takeover_of_aleppo_by_hts(document: Document) -> None:
    takeovers = [e for e in document.events if e.sub_event_type.endswith("overtakes territory")]
    assert takeovers, [e.sub_event_type for e in document.events]
    event = takeovers[0]
    assert event.location == "Aleppo"
    assert "Hayat Tahrir al-Sham" in event.actor1
    assert event.event_date == dt.date(2024, 11, 30)


def test_clashes_with_toll_date_and_source(document: Document) -> None:
    clashes = [e for e in document.events if e.fatalities >= 300]
    assert len(clashes) == 1, [(e.sub_event_type, e.fatalities) for e in document.events]
    [clash] = clashes
    assert clash.event_type == "Battles"
    assert clash.fatalities_low >= 300
    assert clash.civilian_fatalities == 20
    assert clash.event_date == dt.date(2024, 11, 27)  # "began on Wednesday", published Saturday
    assert "Syrian Observatory for Human Rights" in clash.source
    fields = {span.field for span in clash.evidence}
    assert {"sub_event_type", "fatalities", "event_date", "source"} <= fields


def test_air_strikes_on_idlib(document: Document) -> None:
    strikes = [e for e in document.events if e.sub_event_type == "Air/drone strike"]
    assert [e.location for e in strikes] == ["Idlib"]
    assert "Russia" in strikes[0].actor1
    assert strikes[0].event_date == dt.date(2024, 11, 30)


def test_background_threats_and_link_lists_are_not_events(document: Document) -> None:
    assert all(e.event_date.year == 2024 for e in document.events)
    assert all(e.fatalities < 1000 for e in document.events)
    assert "Five things to know" not in document.text
    for event in document.events:
        for span in event.evidence:
            assert "vowed" not in span.text and "half a million" not in span.text


def test_source_evidence_keeps_the_acronym_whole(document: Document) -> None:
    spans = [s.text for e in document.events for s in e.evidence if s.field == "source"]
    assert "the Syrian Observatory for Human Rights (SOHR)" in spans
