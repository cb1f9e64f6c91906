"""An area the gazetteer does not hold, named in the event's sentence ("Eastern Ghouta", "the
Qalamoun mountains"), or the region around a town ("the Damascus region"): the known town at
geo_precision 2 (ACLED codes a small part of a region to a town standing for it). Sentences of
our own, on the built gazetteer."""

from __future__ import annotations

import pytest
from tests.resolve.test_geo import event_place

from eventwire.resolve.geo import Geoparser


@pytest.mark.parametrize(
    "text",
    [
        "Government jets struck Eastern Al-Ghouta, a rebel stronghold in Damascus, on Monday.",
        "Jets pounded rebel positions in Damascus's Qalamoun mountains on Monday.",
        "The army stepped up operations in the Damascus region with rocket launchers.",
        "Three rescue workers were killed in bombing in a besieged Damascus suburb.",
    ],
)
def test_an_area_near_a_town(geoparser: Geoparser, text: str) -> None:
    assert event_place(geoparser, text) == ("Damascus", 2)


@pytest.mark.parametrize(
    "text",
    [
        # the town is hit itself, the area as one more place
        "Rebels shelled Damascus and Eastern Ghouta on Monday, killing four.",
        # a people's adjective, a quarter of the city
        "Jets struck Kurdish areas of Damascus on Monday.",
        "Two people were killed in shelling of al-Mazzeh area in Damascus city.",
        # a people's adjective after the direction
        "A missile struck a rebel-held neighborhood in the southern Syrian city of Damascus.",
    ],
)
def test_the_town_itself(geoparser: Geoparser, text: str) -> None:
    assert event_place(geoparser, text) == ("Damascus", 1)


def test_a_smaller_town_lies_in_the_area(geoparser: Geoparser) -> None:
    # the area holds the town, rather than lying next to it
    text = "Strikes hit the town of Douma near Damascus, in the rebel stronghold of Eastern Ghouta."
    assert event_place(geoparser, text) == ("Duma", 1)
