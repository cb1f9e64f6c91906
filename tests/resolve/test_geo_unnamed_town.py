"""An unnamed town in or near a named place ("a rebel-held town in Idlib") is near that place
(geo_precision 2), as "a village in X" already was. Sentences of our own."""

from __future__ import annotations

from tests.resolve.test_geo import event_place

from eventwire.resolve.geo import Geoparser


def test_an_unnamed_town_in_a_named_place(geoparser: Geoparser) -> None:
    text = "In Syria, a gas attack killed 58 people in a rebel-held town in Hama on Tuesday."
    assert event_place(geoparser, text) == ("Hamah", 2)


def test_a_named_town_stays(geoparser: Geoparser) -> None:
    text = "In Syria, a gas attack killed 58 people in the town of Hama on Tuesday."
    assert event_place(geoparser, text) == ("Hamah", 1)
