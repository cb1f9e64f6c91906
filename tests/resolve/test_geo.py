"""Toponym recognition, resolution and the event's place, on the built gazetteer."""

from __future__ import annotations

import pytest

from eventwire.models import Place
from eventwire.resolve.geo import Geoparser, choose_event_place
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser.load(Settings())


def _names(places: list[Place], text: str) -> dict[str, Place]:
    return {text[p.start : p.end]: p for p in places}


def test_transliterated_syrian_towns_resolve(geoparser: Geoparser) -> None:
    text = "Jets struck Maarat al-Numan and Khan Sheikhoun in Idleb on Saturday."
    found = _names(geoparser.find_places(text), text)
    assert set(found) == {"Maarat al-Numan", "Khan Sheikhoun", "Idleb"}
    assert all(p.country == "Syria" and p.iso == 760 for p in found.values())
    assert found["Khan Sheikhoun"].admin1 == "Idlib"


def test_city_preferred_over_same_named_province(geoparser: Geoparser) -> None:
    text = "Clashes near Hama, Syria's fourth-largest city, continued."
    found = _names(geoparser.find_places(text), text)
    assert found["Hama"].feature_code.startswith("PPL")
    assert found["Syria"].feature_code == "PCLI"


def test_countries_and_abbreviations_not_villages(geoparser: Geoparser) -> None:
    text = "Turkey said the UK and the U.S. must act. Syrian troops moved."
    found = _names(geoparser.find_places(text), text)
    assert found["UK"].country == "United Kingdom"
    assert found["U.S."].country == "United States"
    assert found["Turkey"].feature_code == "PCLI"
    assert "Syrian" not in found


def test_relative_location_lowers_precision(geoparser: Geoparser) -> None:
    text = "A car bomb exploded 55km from Aleppo on Monday."
    places = geoparser.find_places(text)
    choice = choose_event_place(places, 0, len(text), text)
    assert choice is not None
    assert choice.place.name == "Aleppo" and choice.geo_precision == 2
