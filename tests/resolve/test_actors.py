"""Actor knowledge: aliases to one name, demonyms to state forces, inter codes, user files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.resolve.actors import DATA_DIR, ActorLexicon, build_petrarch

pytestmark = pytest.mark.slow
WHEN = dt.date(2024, 11, 30)


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.from_files(DATA_DIR)


def names(nlp, lexicon: ActorLexicon, text: str, country: str = "Syria") -> list[str]:  # type: ignore[no-untyped-def]
    return [lexicon.name(m, country, WHEN).name for m in lexicon.find(nlp(text))]


def test_aliases_become_one_name(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "HTS fighters and Hayat Tahrir al-Sham") == [
        "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham",
    ]  # fmt: skip


def test_state_forces_named_by_country_and_period(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = names(nlp, lexicon, "the army, government forces and Syrian troops")
    assert found == ["Military Forces of Syria (2000-2024)"] * 3
    later = lexicon.find(nlp("Syrian troops"))[0]
    assert (
        lexicon.name(later, "Syria", dt.date(2025, 3, 1)).name == "Military Forces of Syria (2024-)"
    )


def test_foreign_forces_are_external(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    [mention] = lexicon.find(nlp("Turkish troops"))
    actor = lexicon.name(mention, "Syria", WHEN)
    assert actor.name == "Military Forces of Turkey (2002-)" and actor.inter == 8
    assert lexicon.name(mention, "Turkey", WHEN).inter == 1


def test_generic_crowds_and_civilians(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = lexicon.find(nlp("Protesters, rioters and villagers"))
    actors = [lexicon.name(m, "Kenya", WHEN) for m in found]
    assert [(a.name, a.inter) for a in actors] == [
        ("Protesters (Kenya)", 6), ("Rioters (Kenya)", 5), ("Civilians (Kenya)", 7),
    ]  # fmt: skip


def test_acronyms_need_capitals(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "It is what it is, they told us.") == []
    assert names(nlp, lexicon, "IS militants attacked") == ["Islamic State"]


def test_spans_point_into_text(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes between the Syrian Democratic Forces (SDF) and Turkish-backed factions."
    for m in lexicon.find(nlp(text)):
        assert text[m.start : m.end] == m.text


def test_user_file_wins(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.csv"
    extra.write_text("name,inter,country,aliases\nSultan Murad Division,2,Syria,Sultan Murad\n")
    lexicon = ActorLexicon.from_files(DATA_DIR, str(extra))
    [mention] = lexicon.find(nlp("Fighters of the Sultan Murad attacked."))
    assert lexicon.name(mention, "Syria", WHEN).name == "Sultan Murad Division"


def test_petrarch_conversion(shared_data: Path, tmp_path: Path) -> None:
    countries, groups = build_petrarch(shared_data / "dictionaries", tmp_path)
    assert countries > 500 and groups > 500
    text = (tmp_path / "countries.csv").read_text()
    assert "syrian,Syria" in text
    assert (tmp_path / "LICENSE.petrarch2").read_text().startswith("The MIT License")


def test_anti_government_is_not_the_government(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "anti-government protesters") == ["Protesters (Syria)"]


def test_possessive_without_apostrophe(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = lexicon.find(nlp("Russias jets hit the coalitions base"))
    assert [lexicon.name(m, "Syria", WHEN).name for m in found] == [
        "Military Forces of Russia (2000-)", "International Coalition",
    ]  # fmt: skip
    assert found[1].possessive and not found[0].possessive


def test_plural_is_no_possessive_of_a_petrarch_common_noun(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    # PETRARCH2 lists "youth" and "organization" as aliases of foreign groups.
    assert names(nlp, lexicon, "terrorist organizations and youths") == []


def test_a_petrarch_common_noun_is_a_name_only_capitalised(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "blamed the terror organization for the shells") == []
    assert names(nlp, lexicon, "the Tanzim fighters") == ["Tanzim"]


def test_an_agency_is_named_but_marked_as_no_armed_side(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    [un, red_cross] = lexicon.find(nlp("a U.N. envoy and the Red Cross"))
    assert (un.role, red_cross.role) == ("agency", "agency")
    assert lexicon.name(un, "Syria", WHEN).name == "UN"


def test_a_row_with_an_unknown_role_is_refused(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text("name,inter,country,aliases,role\nSome Body,8,,Some Body,charity\n")
    with pytest.raises(ModelError, match="role must be one of"):
        ActorLexicon.from_files(DATA_DIR, str(extra))


def test_a_held_place_is_no_actor(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "shells hit rebel-held and government-held districts") == []
    assert names(nlp, lexicon, "rebel shelling") == ["Opposition Rebels (Syria)"]


def test_a_generic_noun_before_a_name_only_describes_it(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = names(
        nlp, lexicon, "the jihadist group Nusra Front, rebels Ahrar al-Sham and militants"
    )
    assert found == ["Al Nusra Front", "Ahrar al-Sham", "Unidentified Armed Group (Syria)"]


def test_a_place_held_by_a_side_is_no_actor(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    text = "a village held by Islamic State and areas controlled by the rebels"
    assert names(nlp, lexicon, text) == []


def test_a_generic_noun_after_a_name_is_the_group(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = lexicon.find(nlp("the headquarters of Daesh militants and Nusra terrorists"))
    assert [(m.text, m.name) for m in found] == [
        ("Daesh militants", "Islamic State"),
        ("Nusra terrorists", "Al Nusra Front"),
    ]


def test_a_faith_between_demonym_and_people_keeps_the_nationality(
    nlp, lexicon: ActorLexicon
) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "Lebanese Shiite pilgrims") == ["Civilians (Lebanon)"]


def test_the_ruler_s_name_stands_for_the_state_s_forces(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = names(nlp, lexicon, "the Assad regime shelled it", country="Lebanon")
    assert found == ["Military Forces of Syria (2000-2024)"]


def test_a_community_s_forces_are_named_by_country(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    text = "Kurdish forces, Kurdish fighters and Kurdish police"
    assert names(nlp, lexicon, text) == [
        "YPG: People's Protection Units", "YPG: People's Protection Units", "Asayish",
    ]  # fmt: skip
    assert names(nlp, lexicon, "Kurdish forces", country="Iraq") == ["Peshmerga"]
    assert names(nlp, lexicon, "Kurdish forces", country="Iran") == [
        "Unidentified Armed Group (Iran)"
    ]
    assert names(nlp, lexicon, "Kurdish areas") == []


def test_forces_after_a_non_state_actor_are_its_own(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = names(nlp, lexicon, "Islamic State forces and rebel forces")
    assert found == ["Islamic State", "Opposition Rebels (Syria)"]


def test_the_syrian_coalition_is_not_the_us_led_coalition(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "The Syrian Coalition condemned the US-led coalition") == [
        "National Coalition for Syrian Revolutionary and Opposition Forces",
        "International Coalition",
    ]


def test_a_phrase_is_named_whole_or_not_at_all(lexicon: ActorLexicon) -> None:
    text = "captured government-held positions and Islamic State-held areas"
    found = lexicon.phrase(text, 9, 19)
    assert found is not None and found.role == "government"
    islamic = lexicon.phrase(text, 39, 52)
    assert islamic is not None and islamic.name == "Islamic State"
    assert lexicon.phrase(text, 0, 19) is None


def test_a_coalition_of_something_is_no_coalition(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    found = names(nlp, lexicon, "Jaish al-Fatah, a coalition of terrorist groups, attacked.")
    assert "International Coalition" not in found
    assert names(nlp, lexicon, "coalition jets struck the town") == ["International Coalition"]


def test_citizens_are_civilians(nlp, lexicon: ActorLexicon) -> None:  # type: ignore[no-untyped-def]
    assert names(nlp, lexicon, "barrel bombs wounded dozens of citizens") == ["Civilians (Syria)"]
