"""An unnamed town in or near a named place ("a rebel-held town in Idlib") is near that place
(geo_precision 2), as "a village in X" already was. Sentences of our own."""

from __future__ import annotations

import pytest

from eventwire.resolve.geo import Geoparser, choose_event_place
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser.load(Settings())


def _event_place(geoparser: Geoparser, text: str) -> tuple[str, int]:
    choice = choose_event_place(geoparser.find_places(text), 0, len(text), text)
    assert choice is not None
    return choice.place.name, choice.geo_precision


def test_an_unnamed_town_in_a_named_place(geoparser: Geoparser) -> None:
    text = "In Syria, a gas attack killed 58 people in a rebel-held town in Hama on Tuesday."
    assert _event_place(geoparser, text) == ("Hamah", 2)


def test_a_named_town_stays(geoparser: Geoparser) -> None:
    text = "In Syria, a gas attack killed 58 people in the town of Hama on Tuesday."
    assert _event_place(geoparser, text) == ("Hamah", 1)
