"""Areas named after a town (provinces, countrysides), quarters of a city and outlets that
bear a town's name, on the built gazetteer."""

from __future__ import annotations

from eventwire.resolve.geo import Geoparser, choose_event_place


def _event_place(geoparser: Geoparser, text: str) -> tuple[str, str | None, int]:
    choice = choose_event_place(geoparser.find_places(text), 0, len(text), text)
    assert choice is not None
    return choice.place.name, choice.place.admin1, choice.geo_precision


def test_province_named_in_another_spelling_than_its_area(geoparser: Geoparser) -> None:
    # the gazetteer holds the areas as Ar-Raqqah and Al-Hasakah, the towns also as Raqqa
    text = "Syrian jets struck rebel positions in Raqqa province on Sunday, killing nine."
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert found["Raqqa"].feature_code == "ADM1"
    assert _event_place(geoparser, text) == ("Ar-Raqqah", "Ar-Raqqah", 3)
    other = "In Syria, a car bomb killed four in Hasakeh governorate."
    assert _event_place(geoparser, other)[1:] == ("Al-Hasakah", 3)
    # the town alone, or the town's province named with "of", stays the town
    town = "Syrian jets struck Raqqa on Sunday, killing nine."
    assert _event_place(geoparser, town)[2] == 1


def test_suburbs_named_with_a_bare_apostrophe(geoparser: Geoparser) -> None:
    # near the city (precision 2) however the area is written; the city kept
    for text in (
        "In Syria, government shelling killed five civilians in Damascus' eastern suburbs.",
        "In Syria, government shelling killed five civilians in the Damascus countryside.",
        "In Syria, government shelling killed five civilians in rural Damascus.",
    ):
        assert _event_place(geoparser, text) == ("Damascus", "Dimashq", 2), text


def test_quarter_of_a_city_is_the_city(geoparser: Geoparser) -> None:
    text = (
        "In Syria, three children were killed when a rocket hit a school in the Shahba "
        "neighbourhood of Aleppo on Thursday."
    )
    assert _event_place(geoparser, text)[:2] == ("Aleppo", "Aleppo")
    other = "In Syria, rebels shelled the Shahba neighborhood in Aleppo city, killing two."
    assert _event_place(geoparser, other)[:2] == ("Aleppo", "Aleppo")


def test_outlets_that_bear_a_towns_name_are_no_places(geoparser: Geoparser) -> None:
    text = (
        "Rebels shelled Nubl in Syria's Aleppo province, killing four, Al Mayadeen reported. "
        "The pro-government daily Al-Thawra said the army repelled an attack on Zahraa. "
        "A commander told Al-Mayadeen, that more troops had arrived."
    )
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert "Nubl" in found
    assert not {"Al Mayadeen", "Al-Thawra", "Al-Mayadeen", "Mayadeen"} & set(found), found
    # the town itself, named as a place, stays
    town = "In Syria, jets struck Al Mayadeen in Deir ez-Zor province, killing ten."
    found = {town[p.start : p.end]: p for p in geoparser.find_places(town)}
    assert found["Al Mayadeen"].name == "Al Mayadin"


def test_unknown_town_after_a_description_is_near_the_known_one(geoparser: Geoparser) -> None:
    # ACLED: a village the gazetteer cannot place is coded at the known town, precision 2
    text = (
        "In Syria, rebels fired rocket shells on the besieged al-Fouaa town in Idlib city, "
        "killing a civilian."
    )
    assert _event_place(geoparser, text) == ("Idlib", "Idlib", 2)
    known = (
        "In Syria, rebels fired rocket shells on the rebel-held Kafr Zita town in Hama, "
        "killing a civilian."
    )
    assert _event_place(geoparser, known)[0] == "Kafr Zayta"
    assert _event_place(geoparser, known)[2] == 1


def test_the_province_of_a_town(geoparser: Geoparser) -> None:
    for text in (
        "In Syria, jets struck rebel positions in the province of Idlib, killing nine.",
        "In Syria, jets struck rebel positions in Idleb province, killing nine.",
    ):
        assert _event_place(geoparser, text) == ("Idlib", "Idlib", 3), text
