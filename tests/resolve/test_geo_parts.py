"""A part of the area around a town named by a compound direction or a side: near
the town (geo_precision 2), the town kept. On the built gazetteer; sentences of our own."""

from __future__ import annotations

import pytest
from tests.resolve.test_geo import event_place

from eventwire.resolve.geo import Geoparser


@pytest.mark.parametrize(
    "text",
    [
        "In Syria, an army rocket strike in Northwestern Hama killed six fighters.",
        "In Syria, an army rocket strike in south-eastern Hama killed six fighters.",
        "In Syria, jets pounded positions on the eastern side of Hama on Monday.",
        "In Syria, fighting raged on the north-west of Hama on Monday.",
    ],
)
def test_a_part_of_the_area_around_a_town(geoparser: Geoparser, text: str) -> None:
    assert event_place(geoparser, text) == ("Hamah", 2)


def test_the_town_itself_stays_precise(geoparser: Geoparser) -> None:
    # the direction names a part of the town ("eastern Hama city", the city's edge), or
    # none is named
    for text in (
        "In Syria, the army seized a neighbourhood on the northwest edge of Hama on Monday.",
        "In Syria, an army rocket strike in northwestern Hama city killed six fighters.",
        "In Syria, an army rocket strike in Hama killed six fighters.",
    ):
        assert event_place(geoparser, text) == ("Hamah", 1), text
