"""A country in a news outlet's name ("Agence France Presse") is no mention of the country."""

from __future__ import annotations

from eventwire.resolve.geo import Geoparser


def _names(geoparser: Geoparser, text: str) -> list[str]:
    return [text[p.start : p.end] for p in geoparser.find_places(text)]


def test_outlets_named_after_a_country(geoparser: Geoparser) -> None:
    text = "An activist told Agence France Presse that Raqqa was shelled, France 24 reported."
    assert _names(geoparser, text) == ["Raqqa"]


def test_the_country_itself_next_to_the_outlet_stays(geoparser: Geoparser) -> None:
    text = "An activist told Agence France-Presse. France condemned the shelling."
    assert _names(geoparser, text) == ["France"]
