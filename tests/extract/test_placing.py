"""Where an event happened: the sentence's own place, else the text around it (placing.py),
end to end on small articles with places built by hand."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eventwire.extract import EventExtractor
from eventwire.extract.placing import dominant_country, event_sites
from eventwire.models import Document, Event, Place
from eventwire.resolve.dates import find_dates
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 11, 30)  # a Saturday
# name -> (feature code, country, admin1, ISO alpha-2)
GAZETTEER = {
    "Aleppo": ("PPL", "Syria", "Aleppo", "SY"),
    "Idlib": ("PPL", "Syria", "Idlib", "SY"),
    "Homs": ("PPL", "Syria", "Homs", "SY"),
    "Hama": ("PPL", "Syria", "Hama", "SY"),
    "Damascus": ("PPLC", "Syria", "Dimashq", "SY"),
    "Syria": ("PCLI", "Syria", None, "SY"),
    "Turkey": ("PCLI", "Turkey", None, "TR"),
    "Ankara": ("PPLC", "Turkey", "Ankara", "TR"),
    "Moscow": ("PPLC", "Russia", "Moscow", "RU"),
    "Manbij": ("PPL", "Syria", "Aleppo", "SY"),
    "Qardaha": ("PPL", "Syria", "Latakia", "SY"),
    "Latakia": ("ADM1", "Syria", "Latakia", "SY"),
    "Ramallah": ("PPL", "Palestine", "West Bank", "PS"),
    "Astana": ("PPLC", "Kazakhstan", "Astana", "KZ"),
    "Geneva": ("PPLA", "Switzerland", "Geneva", "CH"),
}


def places_in(text: str) -> list[Place]:
    out = []
    for name, (code, country, admin1, cc) in GAZETTEER.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(
                Place(name, m.start(), m.end(), 35.0, 37.0, None, code, country, admin1, None, cc)
            )
    return sorted(out, key=lambda p: p.start)


def run(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    document = Document(id="doc-1", text=text, published=PUBLISHED, outlet="Example News")
    extractor = EventExtractor(Settings())
    return extractor.extract(document, nlp(text), places_in(text), find_dates(text, PUBLISHED))


def by_toll(events: list[Event]) -> dict[int, str]:
    return {e.fatalities: e.location for e in events if e.fatalities}


def test_a_sentence_without_a_place_is_at_the_place_named_last_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # Hama is the article's most-named town, but the toll follows the Homs sentence.
    text = (
        "Fighting raged in Hama on Saturday. Rebels shelled Hama again. "
        "Government troops shelled the town of Homs on Saturday, a monitor said. "
        "At least 12 civilians were killed, the monitor said. "
        "Hama has seen heavy fighting."
    )
    assert by_toll(run(nlp, text)) == {12: "Homs"}


def test_a_lead_without_a_place_is_at_the_first_place_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 24 people were killed on Saturday in a suicide attack near a refugee camp, "
        "a monitor said. The camp lies near Idlib. Later, clashes erupted in Hama, "
        "and clashes in Hama went on for hours in Hama."
    )
    assert by_toll(run(nlp, text)) == {24: "Idlib"}


def test_a_sentence_naming_only_its_country_takes_the_nearest_place_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Warplanes bombed Aleppo and Aleppo again on Friday. Rebels shelled Idlib on Saturday. "
        "An air strike in Syria killed 9 people on Saturday, a monitor said."
    )
    assert by_toll(run(nlp, text)) == {9: "Idlib"}


def test_the_capital_is_the_capital_the_article_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb killed 29 rebels in Homs on Saturday, a monitor said. "
        "Damascus has been spared for months. "
        "A monitor said rockets hit Homs again. "
        "In the capital, two people were killed by mortar fire on Saturday."
    )
    assert by_toll(run(nlp, text)) == {29: "Homs", 2: "Damascus"}


def test_where_it_was_said_is_no_place_of_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A chemical attack near Damascus killed 1300 people on Wednesday, the opposition said. "
        "The minister spoke on a visit to Ramallah on Saturday. "
        "This massacre must not go unpunished, he said."
    )
    sites = event_sites(places_in(text), text)
    assert [p.name for p in sites] == ["Damascus"]
    assert {e.location for e in run(nlp, text)} == {"Damascus"}


def test_directions_of_a_capital_are_places_and_its_allies_are_actors() -> None:
    text = "Clashes east of Damascus. The allies of Damascus met."
    assert [p.start for p in event_sites(places_in(text), text)] == [text.index("Damascus")]


def test_the_main_country_is_where_the_towns_are() -> None:
    # Turkey is named more often (and its army acts), but the towns are in Syria.
    text = "Turkey and Turkey's army; Turkey said. Aleppo and Idlib were hit. Syria."
    assert dominant_country(places_in(text), ["Turkey", "Turkey"]) == "Syria"


def test_a_report_naming_one_of_a_headline_list_places_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "One killed in terrorist attacks in Damascus, Homs and Aleppo. A woman was killed on "
        "Saturday when terrorists fired two mortar shells on a village in the countryside of Homs."
    )
    assert [(e.fatalities, e.location) for e in run(nlp, text)] == [(1, "Homs")]


def test_talks_never_take_over_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister said on Saturday that the government was behind a chemical massacre near "
        "Damascus that the opposition claims killed hundreds. The minister arrived early "
        "Saturday on a visit aimed at encouraging recently resumed peace talks, his office said."
    )
    assert [e.sub_event_type for e in run(nlp, text)] == ["Attack"]


def test_deaths_in_the_attack_are_of_the_attack_told_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Warplanes dropped sarin on the town of Idlib on Saturday, a monitor said. "
        "Three of the injured died in a hospital in Aleppo on Saturday. "
        "At least 87 people died in the suspected attack, the monitor said."
    )
    tolls = {e.sub_event_type: e.fatalities for e in run(nlp, text)}
    assert tolls["Chemical weapon"] == 87


def test_a_lead_without_a_place_is_not_at_a_place_told_as_history(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A suspected chemical attack in Syria killed at least 70 people on Saturday, the WHO "
        "said. A spokesman said the rebels had used the same weapons in Aleppo last year. "
        "Its experts are guiding health workers in Idlib, the WHO said."
    )
    assert by_toll(run(nlp, text)) == {70: "Idlib"}


def test_a_capital_that_speaks_is_its_government_and_a_town_that_claims_lives_is_not() -> None:
    text = (
        "Moscow has denied involvement. Moscow and Damascus had rejected a plea. "
        "An attack in the city of Homs has claimed the lives of 18 civilians."
    )
    assert [p.name for p in event_sites(places_in(text), text)] == ["Homs"]


def test_a_sentence_without_a_place_is_more_of_the_latest_event_of_its_type(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Warplanes bombed Aleppo on Saturday, a monitor said. "
        "Warplanes bombed Manbij on Saturday, the monitor said. "
        "The warplanes also dropped barrel bombs on Saturday, killing 4 people."
    )
    assert by_toll(run(nlp, text)) == {4: "Manbij"}


def test_the_place_before_is_the_finest_of_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels shelled the town of Qardaha in Latakia province on Friday, a monitor said. "
        "On Saturday a car bomb exploded at a checkpoint, killing 3 soldiers."
    )
    assert by_toll(run(nlp, text)) == {3: "Qardaha"}


def test_talks_and_their_venues_are_no_places_of_events() -> None:
    text = (
        "Fighting went on near Aleppo despite the Geneva peace talks. Moscow and Damascus say "
        "the truce holds. Negotiations in the Kazakh capital Astana went on."
    )
    assert [p.name for p in event_sites(places_in(text), text)] == ["Aleppo"]


def test_where_people_came_from_is_no_place_of_a_sentence_that_names_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighting raged in Hama on Saturday. Buses carrying evacuees from Idlib waited there. "
        "A car bomb exploded on Saturday, killing 5 people."
    )
    assert by_toll(run(nlp, text)) == {5: "Hama"}


def test_the_damage_an_attack_did_is_that_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded in Manbij on Saturday, killing 5 people. "
        "Witnesses in Manbij said people ran past burnt houses and shops."
    )
    assert [(e.sub_event_type, e.fatalities) for e in run(nlp, text)] == [
        ("Remote explosive/landmine/IED", 5)
    ]
    # (goods taken are an act of their own)
    text = (
        "A car bomb exploded in Manbij on Saturday, killing 5 people. "
        "Residents later looted shops in Manbij."
    )
    assert len(run(nlp, text)) == 2


def test_an_explosion_that_came_as_something_else_is_the_one_told_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded in Qardaha on Saturday, killing 5 people. "
        "Saturdays explosion came as Kurdish forces pressed ahead toward Manbij."
    )
    assert [(e.location, e.fatalities) for e in run(nlp, text)] == [("Qardaha", 5)]
    # (an explosion placed by its own words is another one)
    text = (
        "A car bomb exploded in Qardaha on Saturday, killing 5 people. "
        "The explosion in Manbij on Saturday wounded 3."
    )
    assert len(run(nlp, text)) == 2


def test_a_town_named_after_an_event_placed_in_its_region_places_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ten civilians were killed on Saturday when warplanes struck a town in Latakia "
        "province, rescuers said. Warplanes targeted the town of Qardaha on Saturday, a "
        "rescuer said."
    )
    assert [(e.location, e.fatalities) for e in run(nlp, text)] == [("Qardaha", 10)]


def test_the_weapon_told_right_after_a_bare_killing_is_the_same_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # A headline typed only by "dead", then the lead that names the weapon: one air strike.
    text = (
        "Rescuers pull out the dead in Aleppo\n"
        "At least nine people were killed on Saturday when government helicopters dropped "
        "barrel bombs on a market in Aleppo, a monitor said."
    )
    events = run(nlp, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 9)]
    # Deaths told first, the weapon in the next sentence, which names no place of its own.
    text = (
        "Health officials said. Four aid workers were killed in Idlib on Saturday. "
        "The men died when the air strike hit their ambulance, the officials said."
    )
    events = run(nlp, text)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Air/drone strike", "Idlib", 4)
    ]


def test_a_bomb_and_its_bomber_at_one_place_are_one_suicide_bombing(nlp) -> None:  # type: ignore[no-untyped-def]
    # The lead tells the bomb, the next sentence who set it off: one suicide bombing (the
    # codebook ranks a suicide bomb before other explosives).
    text = (
        "A car bomb exploded at a checkpoint in Homs on Saturday, killing nine soldiers. "
        "The attack was carried out by a suicide bomber driving a truck, the army said."
    )
    events = run(nlp, text)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Suicide bomb", "Homs", 9)
    ]
