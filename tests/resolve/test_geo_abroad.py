"""Names the gazetteer holds only abroad, in a report from another country: a person's name
("a witness named Ahmad": Kuwait's Al Ahmadi), a word of a longer Arabic name ("Mashhad
al-Kallasa": Iran's Mashhad; "al-Tloul al-Sud": Haiti's Sud), a quarter or village named like a
town abroad (Aleppo's al-Sulimaniah, Hama's Maan), a seat ("London Based") or a government's
possessive ("Ankaras offensive"). Sentences of our own, on the built gazetteer."""

from __future__ import annotations

from tests.resolve.test_geo import event_place

from eventwire.resolve.geo import Geoparser


def _names(geoparser: Geoparser, text: str) -> set[str]:
    return {p.name for p in geoparser.find_places(text)}


def test_a_person_named_like_a_town_is_no_place(geoparser: Geoparser) -> None:
    text = (
        "A suicide bomber struck a wedding in Hasakeh. A witness named Ahmad who suffered a "
        "head wound described the blast."
    )
    assert "Al Ahmadi" not in _names(geoparser, text)


def test_a_word_of_a_longer_arabic_name_is_no_town_abroad(geoparser: Geoparser) -> None:
    text = "Warplanes targeted the districts of Bustan al-Qasr and Mashhad al-Kallasa in Aleppo."
    assert "Mashhad" not in _names(geoparser, text)
    text = "The army regained control over point 875 near al-Tloul al-Sud in Homs province."
    assert "Sud" not in _names(geoparser, text)


def test_a_lone_match_abroad_yields_to_the_home_region(geoparser: Geoparser) -> None:
    text = (
        "Army units advanced near Palmyra in Homs province. In the northern countryside of "
        "Hama units of the army foiled an attack by Al-Nusra front on military posts on the "
        "Maan-Tal Bazam axis."
    )
    name, _ = event_place(geoparser, text)
    assert name not in ("Ma'an", "Palmyra")
    # named with its country, the place abroad stands
    jordan = text + " Jordan closed its border."
    assert event_place(geoparser, jordan)[0] == "Ma'an"


def test_a_seat_or_a_government_is_no_site(geoparser: Geoparser) -> None:
    text = (
        "The London Based Syrian Observatory said rebels attacked army posts near Aleppo "
        "on Thursday."
    )
    assert event_place(geoparser, text)[0] == "Aleppo"
    text = "Rebels fought the Islamic State near Aleppo in Ankaras offensive on Thursday."
    assert event_place(geoparser, text)[0] == "Aleppo"


def test_a_countrys_possessive_without_its_apostrophe_is_the_country(
    geoparser: Geoparser,
) -> None:
    # ("Jordans" is also a village in England)
    text = "Trump met Jordans King Abdullah II at the White House on Wednesday."
    places = [(p.name, p.country_code) for p in geoparser.find_places(text)]
    assert ("Jordan", "JO") in places and all(code != "GB" for _, code in places)


def test_a_one_line_report_names_its_town_by_a_common_spelling(geoparser: Geoparser) -> None:
    # no country in the text to support the spelling: "in" before it does
    places = geoparser.find_places("Shelling in Hama killed 4 on Monday, activists said.")
    assert [p.name for p in places] == ["Hamah"]
    text = "Rebels clashed with government forces in Deraa on Monday, killing 6 fighters."
    assert [p.name for p in geoparser.find_places(text)] == ["Dar'a"]
    # (a name with no preposition of place still needs support)
    assert geoparser.find_places("Hama said on Monday that talks would resume.") == []


def test_a_town_named_without_its_article_in_a_foreign_actors_report(
    geoparser: Geoparser,
) -> None:
    text = "Turkish drones struck a vehicle near Qamishli on Tuesday, killing two fighters."
    assert [p.name for p in geoparser.find_places(text)] == ["Al Qamishli"]
