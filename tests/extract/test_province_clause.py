"""A clause that names only a province, in a sentence that names a town of that province ("Also
in Aleppo province a man was executed and crucified in Al-Bab town"), places the event at the
town: ACLED codes the most specific location. Examples written for this test."""

from __future__ import annotations

import pytest
from tests.extract.test_extractor import PUBLISHED, dates_in

from eventwire.extract import EventExtractor
from eventwire.models import Document, Event
from eventwire.resolve.geo import Geoparser
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


def _run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    settings = Settings()
    document = Document(id="doc-1", text=text, published=PUBLISHED, outlet="Example News")
    places = Geoparser.load(settings).find_places(text)
    return EventExtractor(settings).extract(document, nlp(text), places, dates_in(text))


def test_the_town_of_the_province(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In Aleppo province a man was executed on Saturday and crucified in the main square "
        "of Manbij town, a monitor said."
    )
    assert [(e.location, e.geo_precision) for e in _run(nlp, text)][:1] == [("Manbij", 1)]


def test_a_town_of_another_province_does_not_move_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In Aleppo province a man was executed on Saturday, and his family fled to Idlib "
        "town, a monitor said."
    )
    assert [e.admin1 for e in _run(nlp, text)][:1] == ["Aleppo"]
