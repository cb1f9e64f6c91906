"""A town GeoNames lists with population 0 (size unknown) in the country the article is about."""

from __future__ import annotations

from eventwire.resolve.geo import Geoparser


def _found(geoparser: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {text[p.start : p.end]: (p.name, p.country_code) for p in geoparser.find_places(text)}


def test_a_town_of_unknown_size_in_the_articles_country(geoparser: Geoparser) -> None:
    # Ra's al 'Ayn (Syria) has population 0 in cities500; its Turkish twin across the border,
    # Ceylanpinar, also answers to "Ras al-Ain" and has 31,000.
    text = (
        "Militants attacked a mainly Kurdish town in northeastern Syria, sparking fighting in "
        "which 17 people were killed, a Syrian monitor said. The assault on the border town of "
        "Ras al-Ain was part of a wider offensive. Civilians fled into villages in Turkey, an "
        "activist told Agence France Presse."
    )
    assert _found(geoparser, text)["Ras al-Ain"][1] == "SY"
