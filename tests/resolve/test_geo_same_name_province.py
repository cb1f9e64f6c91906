"""A sentence that names a province and, by the same word, a town ("Gas attack in Syria's Idlib
... dozens killed in Syria's northern Idlib province", a headline run into its lead) places its
event in the province, not at the town. Sentences of our own, on the built gazetteer."""

from __future__ import annotations

from eventwire.resolve.geo import Geoparser, choose_event_place


def _event_place(geoparser: Geoparser, text: str) -> tuple[str, str, int]:
    choice = choose_event_place(geoparser.find_places(text), 0, len(text), text)
    assert choice is not None
    return choice.place.name, choice.place.feature_code, choice.geo_precision


def test_the_province_named_by_the_towns_word(geoparser: Geoparser) -> None:
    for text in (
        "Jets kill 20 in Idlib AFP Monday 3 Apr 2017 Twenty people were killed in air strikes "
        "in the northwestern province of Idlib, a monitor said.",
        "Dozens were killed in Syria's Idlib in a suspected gas attack in northern Idlib "
        "province on Tuesday.",
    ):
        assert _event_place(geoparser, text) == ("Idlib", "ADM1", 3), text


def test_the_town_called_a_city_stays(geoparser: Geoparser) -> None:
    for text in (
        "Twenty people were killed in Idlib city, the capital of Idlib province, on Monday.",
        # a section label run into the sentence, the town called a city later in it
        "Idlib Two car bombs hit a neighbourhood in the eastern part of Idlib city, sources "
        "in the northwestern Idlib province said.",
    ):
        assert _event_place(geoparser, text) == ("Idlib", "PPL", 1), text
