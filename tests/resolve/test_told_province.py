"""A place the text puts in a named province is never a namesake in another province."""

from __future__ import annotations

from eventwire.resolve.geo import Geoparser


def _found(geoparser: Geoparser, text: str) -> dict[str, tuple[str, str | None]]:
    return {text[p.start : p.end]: (p.name, p.admin1) for p in geoparser.find_places(text)}


def test_a_village_told_to_lie_in_a_province_is_not_a_namesake_elsewhere(
    geoparser: Geoparser,
) -> None:
    # The gazetteer's only Malah is a village in As-Suwayda, 400 km south of Aleppo.
    text = (
        "The army inflicted heavy losses on the militants in al-Malaah region. Reports said "
        "the militants lost over one hundred fighters in al-Malaah northwest of Aleppo "
        "Province during the last five days."
    )
    found = _found(geoparser, text)
    assert "al-Malaah" not in found and "Malaah" not in found
    assert found["Aleppo"][1] == "Aleppo"


def test_the_rejected_reading_is_the_names_own(geoparser: Geoparser) -> None:
    # "Al Sham" (an old name of Damascus) told to lie in Daraa province is not Damascus, but
    # the article's own Damascus stays Damascus.
    text = "Jets struck Damascus on Monday. Rebels shelled Al Sham in Daraa province."
    found = _found(geoparser, text)
    assert found["Damascus"] == ("Damascus", "Dimashq")
    assert "Al Sham" not in found
    assert found["Daraa"][1] == "Daraa"


def test_a_town_in_its_own_province_keeps_its_reading(geoparser: Geoparser) -> None:
    text = "Air strikes hit Maarat al-Numan in the south of Idlib province on Monday."
    found = _found(geoparser, text)
    assert found["Maarat al-Numan"][1] == "Idlib"
