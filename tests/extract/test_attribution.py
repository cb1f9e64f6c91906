"""Attributed sources: reporting-verb subjects, "according to", one name per known source."""

from __future__ import annotations

import pytest

from eventwire.extract.attribution import Source, find_sources, normalise, source_names

pytestmark = pytest.mark.slow


def sources(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [s.name for sent in doc.sents for s in find_sources(sent)]


def test_according_to_and_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Twelve people were killed, according to the Syrian Observatory for Human Rights "
        "(SOHR). State media said the army had repelled the attack."
    )
    assert sources(nlp, text) == ["Syrian Observatory for Human Rights", "State media"]


def test_aliases_become_one_name() -> None:
    assert normalise("the Observatory") == "Syrian Observatory for Human Rights"
    assert normalise("SOHR") == "Syrian Observatory for Human Rights"
    assert normalise("the Britain-based monitor") == "Syrian Observatory for Human Rights"


def test_pronouns_are_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sources(nlp, "He said the town was shelled overnight.") == []


def test_spans_point_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army admitted that its jets struck the market, a military source told AFP."
    doc = nlp(text)
    found = [s for sent in doc.sents for s in find_sources(sent)]
    assert found
    for s in found:
        assert text[s.start : s.end].lower().endswith(s.name.lower()[-4:])


def test_labels_before_a_name_are_dropped() -> None:
    sohr = "Syrian Observatory for Human Rights"
    assert normalise("the Britain-based Syrian Observatory for Human Rights") == sohr
    assert normalise("Observatory director Rami Abdel Rahman") == sohr
    assert normalise("Syrian state-run news agency SANA") == "SANA"
    assert normalise("the Istanbul-based National Coalition") == "National Coalition"
    assert normalise("the UN childrens agency UNICEF") == "UNICEF"
    assert normalise("two residents") == "Residents"


def test_one_source_under_two_names_is_listed_once() -> None:
    text = "state news agency SANA ... the news agency ... a war monitor ... SOHR ... activists"
    spans = [(0, 22), (27, 42), (47, 60), (65, 69), (74, 83)]
    found = [Source(normalise(text[s:e]), s, e) for s, e in spans]
    assert source_names(found, text) == [
        "SANA", "Syrian Observatory for Human Rights", "Activists",
    ]  # fmt: skip
    alone = [Source(normalise("a war monitor"), 0, 13)]
    assert source_names(alone) == ["War monitor"]


def test_an_event_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A tank-backed assault killed at least 80 people in Hama rights groups said."
    assert not [n for n in sources(nlp, text) if "assault" in n.lower()]


def test_a_title_after_an_acronym_speaks_for_the_organisation() -> None:
    assert normalise("Robert Mardini ICRC regional director for the Middle East") == "ICRC"
    assert normalise("UN aid chief Stephen Brien") == "UN"
    assert normalise("Observatory chief Rami Abdel Rahman") == (
        "Syrian Observatory for Human Rights"
    )


def test_a_label_after_a_name_is_dropped() -> None:
    sohr = "Syrian Observatory for Human Rights"
    assert normalise("the Syrian Observatory for Human Rights monitoring group") == sohr
    assert normalise("Syrian Observatory for Human Rights monitor") == sohr
    assert normalise("SANA news agency") == "SANA"
    assert normalise("the so-called Syrian Observatory for Human Rights") == sohr
    assert normalise("the Britain-based monitoring group") == "Britain-based monitoring group"
    assert normalise('Kurdish News Media "KDK News') == "Kurdish News Media KDK News"


def test_what_was_said_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sources(nlp, "A third attacker blew himself up, the statement said.") == []


def test_coordinated_subjects_are_two_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Observatory and a security source said the town was shelled."
    assert sources(nlp, text) == ["Syrian Observatory for Human Rights", "Security source"]


def test_a_title_before_a_name_is_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Two children were killed in the raid the hospitals and trauma director for the area "
        "Ahmed Dbais said in a statement.",
        "Two children were killed in the raid the agencys regional director for the area "
        "Ahmed Dbais said.",
    ):
        names = source_names([s for sent in nlp(text).sents for s in find_sources(sent)], text)
        assert names == ["Ahmed Dbais"], text


def test_a_title_just_before_a_named_source_is_dropped() -> None:
    text = "the trauma director for the area, Ahmed Dbais"
    found = [Source("Trauma director for the area", 0, 32), Source("Ahmed Dbais", 34, 45)]
    assert source_names(found, text) == ["Ahmed Dbais"]


def test_coordinated_modifiers_are_two_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Britain-based observatory and opposition fighters said a car bomb exploded."
    assert sources(nlp, text) == ["Syrian Observatory for Human Rights", "Opposition fighters"]


def test_according_to_stops_before_a_with_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A total of 33 people died according to the Local Coordination Committees with "
        "Russian and regime war planes both suspected."
    )
    assert sources(nlp, text) == ["Local Coordination Committees"]


def test_a_counted_noun_run_into_the_subject_is_cut(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The strike killed about a hundred of militants SANA news agency reported."
    assert sources(nlp, text) == ["SANA"]


def test_a_monitor_described_is_the_monitor_the_article_names() -> None:
    text = "A monitoring group said 12 died. The Syrian Observatory for Human Rights said ..."
    found = [Source(normalise("a monitoring group"), 0, 18)]
    assert source_names(found, text) == ["Syrian Observatory for Human Rights"]
    # without the name in the article the description stays
    assert source_names(found, "A monitoring group said 12 died.") == ["Monitoring group"]
    # a generic source beside the same source with a place is listed once
    text2 = "a source ... a source in the province"
    found2 = [Source("Source", 0, 8), Source("Source in the province", 13, 37)]
    assert source_names(found2, text2) == ["Source in the province"]


def test_a_description_just_after_a_named_speaker_is_dropped() -> None:
    text = "Ali Hassan a member of the civil defence forces"
    found = [Source("Ali Hassan", 0, 10), Source("Member of the civil defence forces", 11, 47)]
    assert source_names(found, text) == ["Ali Hassan"]
    # apart in the text, both stay
    far = "Ali Hassan said ... a member of the civil defence forces"
    found = [Source("Ali Hassan", 0, 10), Source("Member of the civil defence forces", 20, 56)]
    assert source_names(found, far) == ["Ali Hassan", "Member of the civil defence forces"]


def test_the_media_outlet_of_an_article_naming_sana_is_sana() -> None:
    text = "SANA news agency reported ... the media outlet added."
    found = [Source("Media outlet", 30, 46)]
    assert source_names(found, text) == ["SANA"]
    assert source_names(found, "Reuters reported ... the media outlet added.") == ["Media outlet"]


def test_a_name_after_the_arabic_article_is_no_descriptor() -> None:
    assert normalise("a report in al-Watan") == "Al-Watan"
    # "al-" makes a name: a monitor named so is not the monitor the article names
    text = "The Syrian Observatory for Human Rights said ... according to the al-Rased Monitor"
    found = [Source(normalise("the al-Rased monitor"), 52, 72)]
    assert source_names(found, text) == ["Al-Rased monitor"]


def test_an_opinion_piece_or_a_decision_reports_no_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The bombing killed five people days after a rebel commander published an op-ed in a "
        "Gulf daily. Airstrikes killed four people after the prime minister announced the air "
        "force would bomb the rebel bases. Shelling killed two people as the governor announced "
        "plans to shell the rebel hills."
    )
    assert sources(nlp, text) == []
    reported = (
        "The governor announced that rebels shelled the bridge. The daily published a list of "
        "the dead."
    )
    assert sources(nlp, reported) == ["Governor", "Daily"]


def test_page_tags_run_into_a_subject_are_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    assert normalise("Tags Hama Turkey") == ""
    assert normalise("Related Homs Russia local residents") == "Residents"


def test_a_quote_in_the_speakers_own_words_names_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"According to our data among the dead in the village there are six women.'
    assert sources(nlp, text) == []


def test_the_source_again_is_the_source_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A source at Hama Police Command told the agency that mortars hit a school. "
        "Two shops burned. Later the source said a woman was killed by shelling in another quarter."
    )
    assert sources(nlp, text) == [
        "Source at Hama Police Command",
        "Source at Hama Police Command",
    ]
    # with no source named before, "the source" names nobody
    assert (
        sources(nlp, "Later the source said a woman was killed by shelling in another quarter.")
        == []
    )


def test_the_same_source_is_the_source_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A source at Hama Police Command told the agency that mortars hit a school. "
        "The same source said a woman was killed by shelling in another quarter."
    )
    assert sources(nlp, text) == [
        "Source at Hama Police Command",
        "Source at Hama Police Command",
    ]


def test_a_title_before_a_name_told_again_is_the_name() -> None:
    text = "local activist Samir Khalil said ... Samir Khalil added"
    found = [Source("Local activist Samir Khalil", 0, 27), Source("Samir Khalil", 37, 49)]
    assert source_names(found, text) == ["Samir Khalil"]


def test_a_negated_subject_names_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "No group has claimed the attack, but Islamic State has carried out similar bombings."
    assert sources(nlp, text) == []


def test_when_it_was_said_is_not_who_said_it() -> None:
    assert normalise("Earlier state television") == "State television"
    assert normalise("overnight civil defence sources") == "Civil defence sources"
    assert normalise("Earlier the UK-based Syrian Observatory for Human Rights") == (
        "Syrian Observatory for Human Rights"
    )


def test_an_outlets_reporter_speaks_for_the_outlet() -> None:
    assert normalise("SANAs correspondent") == "SANA"
    assert normalise("Reuters' reporter") == "Reuters"


def test_a_method_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Whose planes carried out raids is told according to type location and munitions used."
    assert sources(nlp, text) == []
    text = "The attack damaged nearby houses according to the locals."
    assert sources(nlp, text) == ["Locals"]


def test_counted_victims_are_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    # Scraped without commas, the count runs into "said" as if the people spoke.
    text = (
        "Meanwhile rebel fire on regime-held areas killed 1102 people said the Observatory "
        "adding that 234 of them were children."
    )
    assert sources(nlp, text) == ["Syrian Observatory for Human Rights"]


def test_a_media_descriptor_tells_again_the_outlet_it_named() -> None:
    text = "The pro-regime website Al-Masdar News said ... according to the website."
    found = [Source(normalise("the website"), 60, 71)]
    assert source_names(found, text) == ["Al-Masdar News"]
    two = "The website Al-Masdar News and the website Enab Baladi ... the website said"
    assert source_names([Source(normalise("the website"), 60, 71)], two) == ["Website"]


def test_an_act_run_into_the_speakers_is_not_theirs() -> None:
    assert normalise("U.S.-led coalition operation security sources") == "Security sources"
    assert normalise("the air strikes local activists") == "Local activists"
    assert normalise("Kurdish police source") == "Kurdish police source"


def test_a_part_of_those_counted_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A jihadist group has executed nine men eight of them rebels fighting both the regime "
        "and the jihadists a monitor said on Sunday."
    )
    assert not any(name.lower().startswith("eight") for name in sources(nlp, text))


def test_words_run_into_a_name_are_dropped() -> None:
    sohr = "Syrian Observatory for Human Rights"
    assert normalise("the opposing UK-based Syrian Observatory for Human Rights") == sohr
    assert normalise("battlefield FNA") == "FNA"
    assert normalise("injured SANA") == "SANA"
    assert normalise("state SANA") == "State SANA"  # a head noun for speakers stays


def test_the_observatory_however_it_is_named() -> None:
    sohr = "Syrian Observatory for Human Rights"
    for name in [
        "Syrian Obervatory for Human Rights",
        "Syrian Observatory for Human rights",
        "Syrian Observatory for Human Rights based in Britain",
        "U.K.-based Syrian Observatory for Human Rights",
        "Rami Abdel Rahman head of the Syrian Observatory for Human Rights",
        "Director of the UK-based Observatory Rami Abdurrahman",
    ]:
        assert normalise(name) == sohr, name
    # two sources joined stay as they are
    assert normalise("Sources in the city and the Syrian Observatory for Human Rights") != sohr


def test_when_a_source_spoke_is_no_part_of_it() -> None:
    assert normalise("Doctors Without Borders (MSF) on Saturday") == "Doctors Without Borders"
    assert normalise("Local sources on Monday") == "Local sources"


def test_a_surname_tells_again_who_the_full_name_named() -> None:
    text = "Rami Abdel Rahman, head of the Observatory, said ... Abdel Rahman said ... Sibai"
    found = [Source(normalise("Abdel Rahman"), 52, 64)]
    assert source_names(found, text) == ["Syrian Observatory for Human Rights"]
    text = "local doctor Mohammad Sibai said ... Sibai added"
    found = [Source("Mohammad Sibai", 13, 27), Source("Sibai", 36, 41)]
    assert source_names(found, text) == ["Mohammad Sibai"]
