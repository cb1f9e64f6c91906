"""Death counts tied to their phrase: civilians, parts, restatements, cumulative tolls."""

from __future__ import annotations

import itertools

from eventwire.extract.casualties import combine, find_deaths


def toll(text: str) -> tuple[int, int, int | None, int | None] | None:
    found = combine(find_deaths(text, 0, len(text)))
    return None if found is None else (found.best, found.low, found.high, found.civilians)


def test_part_of_a_toll_does_not_add() -> None:
    assert toll("Warplanes pounded the village, killing 6 civilians, including 2 women.") == (
        6, 6, 6, 6,
    )  # fmt: skip


def test_different_groups_add_up() -> None:
    assert toll("The attack killed 10 soldiers and 5 civilians.") == (15, 15, 15, 5)


def test_qualified_toll_and_civilian_part() -> None:
    text = "The fighting has killed over 300 people, including at least 20 civilians."
    assert toll(text) == (300, 300, None, 20)


def test_wounded_are_not_dead() -> None:
    assert toll("Two people were killed and 10 injured.") == (2, 2, 2, None)
    assert toll("Five people were wounded in the blast.") is None
    assert toll("The strike killed five and wounded 12.") == (5, 5, 5, None)


def test_single_victim_without_a_number() -> None:
    assert toll("A 12-year-old boy was killed in the shelling.") == (1, 1, 1, 1)


def test_cumulative_tolls_are_kept_apart() -> None:
    text = "The war, which erupted in 2011, has left half a million dead."
    deaths = find_deaths(text, 0, len(text))
    assert deaths and all(d.cumulative for d in deaths)
    assert combine(deaths) is None


def test_years_and_ages_are_not_tolls() -> None:
    assert toll("In 2016 government troops recaptured the city.") is None


def test_spans_point_into_the_text() -> None:
    text = "Shelling on Ariha killed three children on Monday."
    [death] = find_deaths(text, 0, len(text))
    assert text[death.start : death.end] == "killed three children"
    assert death.kind == "civilian"


def test_killed_or_wounded_is_not_a_death_toll() -> None:
    assert toll("Dozens of soldiers were reported killed or injured in the attack.") is None
    assert toll("175 militants killed, injured in clashes.") is None
    assert toll("The strike killed 5 and injured 20.") == (5, 5, 5, None)


def test_leaving_without_a_death_word_is_not_a_toll() -> None:
    assert toll("The raid left dozens of civilian casualties.") is None
    assert toll("The raid left at least 10 people dead.") == (10, 10, None, None)


def test_a_count_of_weapons_is_not_of_people() -> None:
    assert toll("Over a dozen airstrikes on the residential area killed seven people.") == (
        7, 7, 7, None,
    )  # fmt: skip


def test_running_totals_since_a_date_or_turning_point() -> None:
    for text in (
        "Over 350 civilians have been killed since a ceasefire collapsed on September 19.",
        "More than 300 civilians have been killed in Aleppo since April.",
        "A month of infighting has killed nearly 300 fighters.",
    ):
        assert combine(find_deaths(text, 0, len(text))) is None, text
    same_day = "Ten people have been killed since dawn in the town."
    assert toll(same_day) == (10, 10, 10, None)


def test_a_toll_since_a_weekday_is_the_toll_of_one_episode() -> None:
    # the fighting that began that day, not a running total over a longer period
    text = (
        "At least 132 Islamic State militants have been killed since Saturday in fighting "
        "with Kurdish fighters, a monitor said."
    )
    assert toll(text) == (132, 132, None, None)
    assert toll("Over 60 people have been killed in the city since Wednesday.") is not None


def test_reports_of_one_toll_do_not_add() -> None:
    # the number the article repeats wins; low/high keep the spread of reports
    text = "Five civilians killed. Four civilians were killed. Four civilians were killed."
    assert toll(text) == (4, 4, 5, 4)
    # equally often: the first (the lead's) toll
    assert toll("Shelling killed 15 people. Another report said 10 people were killed.")[:3] == (
        15, 10, 15,
    )  # fmt: skip


def test_an_update_replaces_and_an_earlier_report_yields() -> None:
    text = "Air raids killed 30 people. The death toll later rose to 42."
    assert toll(text)[:2] == (42, 42)
    text = "Earlier, the source said that 7 citizens were killed. Rockets killed 6 citizens."
    cut = text.index(" Rockets")
    deaths = find_deaths(text, 0, cut) + find_deaths(text, cut, len(text))
    assert [d.revision for d in deaths] == ["earlier", ""]
    found = combine(deaths)
    assert found is not None and found.best == 6


def test_a_vague_count_yields_to_an_exact_one() -> None:
    text = "Dozens of people were killed. The toll stood at 58. Dozens of people died."
    assert toll(text) == (58, 58, 58, None)


def test_a_count_far_below_the_toll_is_no_lower_estimate() -> None:
    # a part or a side incident, not a rival report: the low stays with the estimates
    text = "Air strikes killed 40 people on Monday. One strike on a bakery killed three people."
    assert toll(text) == (40, 40, 40, None)
    rival = "Air strikes killed 40 people on Monday. A monitor said 30 people were killed."
    assert toll(rival) == (40, 30, 40, None)


def test_a_chained_count_of_the_wounded_is_not_dead() -> None:
    text = "Three civilians were killed and 12 others including women and children were wounded."
    assert toll(text) == (3, 3, 3, 3)


def test_destroyed_vehicles_are_not_dead_fighters() -> None:
    assert toll("The army destroyed over 30 tanks, personnel vehicles and trucks.") is None
    assert toll("The army destroyed over 60 terrorists.") == (60, 60, None, None)


def test_a_vague_total_yields_to_an_exact_count_of_civilians() -> None:
    assert toll("Dozens killed. At least 10 civilians were killed in the raid.")[:2] == (10, 10)


def test_coordinated_counts_of_one_death_word_add_up() -> None:
    assert toll("Eleven regime fighters and 17 Daesh fighters were killed in the attack.") == (
        28, 28, 28, None,
    )  # fmt: skip
    assert toll("Ten children and five women have been killed in air strikes.") == (15, 15, 15, 15)


def test_a_range_is_not_two_counts() -> None:
    text = "Between 500 and 1300 people died on Wednesday in the attacks."
    assert toll(text) == (500, 500, 1300, None)


def test_the_whole_comes_before_its_part() -> None:
    text = "Fifteen civilians among them 11 children were killed in a barrel bomb attack."
    assert toll(text) == (15, 15, 15, 15)
    assert toll("At least 20 people including 13 civilians were killed.") == (20, 20, None, 13)
    assert toll("Three people two of them children died in the raid.") == (3, 3, 3, 2)
    text = "At least 10 people including women and children have been killed on Friday."
    assert toll(text) == (10, 10, None, 10)


def test_a_chained_count_with_its_own_verb_does_not_add() -> None:
    text = "Five people died and eight others experienced breathing difficulties."
    assert toll(text) == (5, 5, 5, None)


def test_totals_over_many_incidents_are_cumulative() -> None:
    for text in (
        "The two-week-old battle has cost the lives of at least 63 rebels.",
        "Last month nearly 1200 civilians were killed, mostly in air raids.",
        "At least 200 people were killed in recent airstrikes in the city.",
        "Over 750 people have so far been killed in the bombing campaign.",
    ):
        assert toll(text) is None, text


def test_a_month_of_shelling_is_a_total() -> None:
    assert toll("More than 100 civilians have been killed in August shelling of the city.") is None


def test_a_chained_group_named_by_its_noun_adds() -> None:
    text = "Air strikes hit a school killing 22 children and six teachers the UN agency said."
    assert toll(text) == (28, 28, 28, 28)


def test_deaths_told_as_more_add_to_the_report_before() -> None:
    text = (
        "At least 287 IS fighters had been killed in the fight for the city. "
        "Another 120 soldiers were also killed."
    )
    cut = text.index("Another")
    deaths = find_deaths(text, 0, cut) + find_deaths(text, cut, len(text))
    found = combine(deaths)
    assert found is not None and found.best == 407


def test_more_deaths_in_a_breakdown_do_not_add_to_the_total() -> None:
    text = (
        "Regime strikes killed at least 16 civilians on Sunday. "
        "Nine civilians were killed in Qaterji. Another five civilians were killed elsewhere."
    )
    cuts = [0, text.index("Nine"), text.index("Another"), len(text)]
    deaths = [d for a, b in itertools.pairwise(cuts) for d in find_deaths(text, a, b)]
    found = combine(deaths)
    assert found is not None and found.best == 16


def test_a_number_before_a_new_sentence_is_not_a_toll() -> None:
    text = "Get short URL 0 214 The number of civilians killed in the strike rose to 20."
    # 214 is no toll; the number that rose to 20 is the toll, updated
    assert [(d.count.best, d.revision) for d in find_deaths(text, 0, len(text))] == [(20, "update")]


def test_two_named_victims_are_two_deaths() -> None:
    assert toll("A woman and a child were killed in the chlorine attack.") == (2, 2, 2, 2)
    assert toll("The shelling killed a woman and her two children.") == (3, 3, 3, 3)
    assert toll("A coalition raid killed two women and their seven children.") == (9, 9, 9, 9)


def test_named_victims_after_including_are_a_part() -> None:
    text = "Seven civilians including a child and a woman were killed on Tuesday."
    assert toll(text) == (7, 7, 7, 7)


def test_other_victims_in_one_sentence_add_up() -> None:
    assert toll("Jets bombed a camp killing five women and a child.") == (6, 6, 6, 6)
    text = "Shells hit the market killing one woman while one child was killed by a sniper."
    assert toll(text) == (2, 2, 2, 2)
    assert toll("A woman was killed in the shelling. A woman was killed in the shelling.") == (
        1, 1, 1, 1,
    )  # fmt: skip


def test_a_report_of_one_group_of_a_sum_is_part_of_it() -> None:
    text = "Strikes kill 10 children. Ten children and five women have been killed in strikes."
    cut = text.index("Ten")
    found = combine(find_deaths(text, 0, cut) + find_deaths(text, cut, len(text)))
    assert found is not None and found.best == 15


def test_more_deaths_after_the_verb_are_read() -> None:
    text = (
        "Air strikes on Mesraba killed 17 civilians while artillery fire on Douma killed another"
        " two civilians, the monitor said."
    )
    assert toll(text) == (19, 19, 19, 19)


def test_a_range_after_the_verb_keeps_its_low_end() -> None:
    assert toll("Opponents said the attack killed between 500 and 1300 people.") == (
        500, 500, 1300, None,
    )  # fmt: skip
    text = "The attack which opponents said killed from 500 to well over 1000 people."
    assert toll(text) == (500, 500, None, None)


def test_things_chained_to_a_toll_are_no_deaths() -> None:
    text = (
        "During Sunday's operation 23 terrorists were killed and three buildings, one defensive "
        "position and a rocket launcher were destroyed."
    )
    assert toll(text) == (23, 23, 23, None)


def test_earlier_this_week_dates_another_incident_not_a_running_total() -> None:
    text = (
        "One woman was killed in an air strike Saturday on the town, site of a chemical attack "
        "earlier this week, a monitor said."
    )
    assert toll(text) == (1, 1, 1, 1)
    assert toll("At least 50 people have been killed this week in the city.") is None


def test_a_headline_of_another_article_is_no_toll() -> None:
    lead = "A woman and child were killed after terrorists shelled the centre of Damascus. " * 3
    related = "Blast Occurs Near Bus Convoy Evacuating Syrians From Besieged Towns Over 20 Dead"
    text = lead + related + " MOSCOW (Sputnik) The terrorists fired mortar shells."
    start = len(lead)
    assert find_deaths(text, start, len(text)) == []
    # the article's own headline, at the top, is a toll
    own = "Syrian Airstrikes Kill Over 100 Daesh Fighters in Hama Province"
    assert [d.count.best for d in find_deaths(own, 0, len(own))] == [100]


def test_deaths_told_as_also_killed_add() -> None:
    text = (
        "At least 287 IS fighters had been killed in the fight for the city, he said. Several "
        "dozen Kurdish fighters were also killed."
    )
    assert toll(text) == (323, 323, None, None)  # "several dozen" = 36


def test_a_group_named_with_and_is_one_count() -> None:
    text = "At least 70 Syrian regime and rebel fighters have been killed in the fighting."
    assert toll(text) == (70, 70, None, None)
    assert toll("Five soldiers and three civilians were killed.") == (8, 8, 8, 3)


def test_ages_are_not_counts() -> None:
    assert toll("The children aged from four to 10 and women were killed on Thursday.") is None
    assert toll("Two boys aged 12 were killed in the shelling.") != (12, 12, 12, None)


def test_a_pair_that_has_died() -> None:
    assert toll("One mother and her child have died after a bomb hit their home.") == (
        2, 2, 2, 2,
    )  # fmt: skip


def test_the_number_of_dead_that_has_risen_is_an_update() -> None:
    text = (
        "The number of people killed in an air strike this morning against the market of the "
        "village has risen to 21 including two children."
    )
    [whole, part] = find_deaths(text, 0, len(text))
    assert (whole.count.best, whole.revision, part.count.best, part.subset) == (
        21,
        "update",
        2,
        True,
    )
    text = (
        "State TV said the number of civilians who have been martyred by the rocket shelling on "
        "Saturday has become around 40."
    )
    assert toll(text) == (40, 36, 44, None)


def test_counts_that_add_up_to_the_count_before_are_its_breakdown() -> None:
    text = (
        "The monitor said 19 men from the tribe were executed on Thursday 18 shot dead and one "
        "beheaded on the outskirts of the city."
    )
    deaths = find_deaths(text, 0, len(text))
    assert [(d.count.best, d.subset) for d in deaths] == [(19, False), (18, True), (1, True)]
    assert toll(text) == (19, 19, 19, None)


def test_others_after_a_verb_that_comes_first_add() -> None:
    text = (
        "Syrian air raids targeted several civilian sites killing nine children and 14 others "
        "local activists have reported."
    )
    assert toll(text) == (23, 23, 23, 9)
    # after a death word that follows its count, "and N others" has a verb of its own
    assert toll("Five people died and eight others experienced breathing difficulties.") == (
        5, 5, 5, None,
    )  # fmt: skip


def test_medical_staff_are_civilians() -> None:
    text = "Russian jets bombed a medical center killing 15 members of medical staff."
    assert toll(text) == (15, 15, 15, 15)


def test_they_were_among_a_fuller_toll_is_an_update() -> None:
    text = (
        "Air strikes on two hospitals left 10 people dead. They were among 19 people killed in "
        "strikes across the province on Thursday, the monitor said."
    )
    start = text.index("They")
    [death] = find_deaths(text, start, len(text))
    assert (death.count.best, death.revision) == (19, "update")


def test_a_toll_that_rises_after_a_long_subject_is_an_update() -> None:
    text = (
        "The death toll from the rocket attacks on the Salah Eddin neighborhood in Aleppo city "
        "rose to 8 civilians, a police source said."
    )
    [death] = find_deaths(text, 0, len(text))
    assert (death.count.best, death.revision) == (8, "update")


def test_crucified_is_a_death_word() -> None:
    text = "A jihadist group has publicly executed and crucified nine men eight of them rebels."
    assert toll(text) == (9, 9, 9, None)


def test_a_person_named_before_a_count_is_one_more_death() -> None:
    text = "Mahmoud Abdulkarim Brouq and at least 10 members of the group were killed."
    assert toll(text) == (11, 11, None, None)
    assert toll("Ahmed Saleh and two of his sons were killed.") == (3, 3, 3, 2)
    # a sentence opener or an organisation is no person
    assert toll("In Aleppo and 10 civilians were killed.") == (10, 10, 10, 10)


def test_groups_joined_by_and_share_the_death_word_of_the_last() -> None:
    text = (
        "Another 120 soldiers and pro-regime militiamen and several dozen Kurdish fighters were "
        "also killed."
    )
    [death] = find_deaths(text, 0, len(text))
    assert (death.count.best, death.parts, death.extra) == (156, (120, 36), True)


def test_attackers_counted_before_an_active_death_verb_are_not_dead() -> None:
    assert toll("Two gunmen killed at least four villagers near the mill.") == (4, 4, None, 4)
    # (a passive death verb: the count before it is of the dead)
    assert toll("Two gunmen were killed near the mill.") == (2, 2, 2, None)


def test_one_of_those_killed_is_no_count_of_its_own() -> None:
    assert toll("The shell hit a teacher who was one of those killed in the raid.") is None


def test_a_part_told_apart_from_its_whole_sets_a_floor() -> None:
    text = (
        "Jets killed 5 people in the town on Friday, activists said on Saturday. "
        "The monitor later said 9 of the dead were rebels."
    )
    assert toll(text) == (9, 9, 9, None)
    # (a part told with its own whole is a part of that whole only: no floor of 18 here)
    text = "Shelling killed 15 people. Jets had killed 82 people among them 18 children."
    assert toll(text) == (15, 15, 82, 15)


def test_a_threat_to_lives_is_no_death() -> None:
    assert toll("Hunger is spreading in the town, threatening the lives of 40 children.") is None
    assert toll("The strike claimed the lives of 12 farmers.") == (12, 12, 12, 12)


def test_a_lower_toll_reached_in_one_district_is_no_update() -> None:
    text = (
        "Rockets killed 20 people across the city on Friday. "
        "The death toll in one district reached 4."
    )
    assert toll(text) == (20, 20, 20, None)


def test_a_toll_since_the_weekend_is_a_running_total() -> None:
    assert toll("The strikes have killed 80 people in the town since the weekend.") is None


def test_the_incidents_toll_before_a_tallying_clause_is_its_own() -> None:
    text = "Air strikes killed 20 people on Monday, bringing the number killed this week to 95."
    assert toll(text) == (20, 20, 20, None)
    # (a sentence that is a running total before the tally stays one)
    assert toll("Shelling killed 300 people this month, bringing the siege's toll to 900.") is None


def test_a_listed_headline_after_related_is_no_toll() -> None:
    text = (
        "Views 210 Related Rebels say talks are off 31 civilians dead in shelling of the old city "
        "Monitor Aid groups plead for access to the town"
    )
    assert toll(text) is None
    # (the lead's prose run into the list is still read)
    text = "Related Ministers meet in Geneva At least 22 people were killed Friday in the blast."
    assert toll(text) == (22, 22, None, None)


def test_a_first_act_before_the_death_word() -> None:
    text = "Witnesses said 27 villagers from the eastern district were rounded up and executed."
    assert toll(text) == (27, 27, 27, 27)
    assert toll("Four guards were captured and taken to a prison in the north.") is None


def _last_sentence_toll(text: str) -> tuple[int, bool]:
    start = text.rindex(". ", 0, len(text) - 1) + 2
    found = find_deaths(text, start, len(text))
    return found[0].count.best, found[0].cumulative


def test_a_present_perfect_toll_after_a_running_period_is_its_total() -> None:
    lead = "Shells hit a market in Afrin on Monday, killing three people. "
    period = "The border town has been hit by rockets from across the border since March. "
    toll_ = "Forty people in the town have been killed and 90 wounded by rockets."
    assert _last_sentence_toll(lead + period + toll_) == (40, True)
    # a day of its own: the incident's toll
    dated = toll_.replace("have been killed", "have been killed on Sunday")
    assert _last_sentence_toll(lead + period + dated) == (40, False)
    # no running period before it
    calm = "The border town lies north of Aleppo. "
    assert _last_sentence_toll(lead + calm + toll_) == (40, False)
    # the lead's present perfect tells the news
    assert _last_sentence_toll(period + toll_) == (40, False)


def test_a_toll_of_an_earlier_incident_in_the_same_sentence_is_not_this_ones() -> None:
    # after the sentence's own toll, a clause setting another incident before it
    earlier = "The strike killed 10 people, a week after another strike on the town killed 25."
    assert toll(earlier) == (10, 10, 10, None)
    assert toll("Shelling killed 11 people, adding to the 34 killed on Friday.") == (
        11, 11, 11, None,
    )  # fmt: skip
    deadliest = "The raid killed 20 people, the deadliest since a bombing that killed 50."
    assert toll(deadliest) == (20, 20, 20, None)
    # no own toll before the cue: the count is read
    assert toll("Days after the truce collapsed, shelling killed four people.") == (4, 4, 4, None)


def test_deaths_of_want_or_illness_are_no_toll() -> None:
    assert (
        toll("Doctors reported two infants had died of malnutrition and related complications.")
        is None
    )
    assert (
        toll(
            "Aid stopped at the camp where two more people died from lack of food and medical care."
        )
        is None
    )
    assert toll("Five people died of their wounds.") == (5, 5, 5, None)
    assert toll("Three people died from the effects of the gas.") == (3, 3, 3, None)


def test_a_toll_since_a_cease_fire_collapsed_is_a_running_total() -> None:
    text = (
        "The Observatory said 213 civilians have been killed in and around Aleppo since a "
        "U.S.-Russian brokered cease-fire collapsed Monday evening."
    )
    assert toll(text) is None


def test_a_relative_clause_between_a_count_and_its_death_word() -> None:
    text = (
        "The monitor said that nine members of the Army of Conquest rebel alliance who were "
        "working in the clinic were also killed."
    )
    assert toll(text) == (9, 9, 9, None)
    assert toll("Three men who were driving to the market were killed.") == (3, 3, 3, None)
    # (the clause names the wounded, not the dead)
    assert toll("Nine men who were wounded in the clinic were taken to Turkey.") is None


def test_a_part_named_by_where_most_came_from() -> None:
    text = (
        "At least 23 people most of them from the Ahrar al-Sham militant group were killed by a "
        "truck suicide bomber in Aleppo on Monday."
    )
    assert toll(text) == (23, 23, None, None)
    assert toll("Twenty people mostly from the same family were killed.") == (20, 20, 20, 20)


def test_one_victim_named_then_more_after_and() -> None:
    assert toll("The strike hit the town, killing a senior commander and five other fighters.") == (
        6, 6, 6, None,
    )  # fmt: skip
    text = "Troops stormed the village killing the group leader Abu Malik and eight more militants."
    assert toll(text) == (9, 9, 9, None)
    assert toll("The raid killed a local commander and 12 of his bodyguards.")[0] == 13
    # (the wounded are no deaths)
    assert toll("The blast killed a child and injured 20 others.")[0] == 1


def test_lives_a_verb_takes_are_deaths() -> None:
    text = "Militants stormed the base on Sunday after fighting that cost more than 500 lives."
    assert toll(text) == (500, 500, None, None)
    assert toll("Shells landed in the market, claiming two lives and injuring three people.") == (
        2, 2, 2, None,
    )  # fmt: skip
    assert toll("The raids claimed 17 lives overnight.")[0] == 17
    # (a count of attacks the group claims is no toll; a war's lives are a running total)
    assert toll("The group claimed 20 attacks on Monday.") is None
    assert toll("The war has claimed some 300000 lives.") is None


def test_the_deadliest_since_the_war_began_is_no_running_period() -> None:
    text = (
        "The Observatory said at least 346 fighters were killed and more than 170 soldiers had "
        "died since Tuesday in the fight over the base, making it one of the deadliest "
        "confrontations between the two groups since the start of the war."
    )
    deaths = find_deaths(text, 0, len(text))
    assert [(d.count.best, d.cumulative) for d in deaths] == [(346, False), (170, False)]
    # (a comparison that tells deaths of its own is still read as an earlier incident's)
    text = "It was the deadliest attack since sarin gas killed hundreds of civilians in 2013."
    assert toll(text) is None


def test_each_person_of_a_list_is_a_death() -> None:
    assert toll("A father, a mother and a son were killed.")[0] == 3
    # (the commas lost, as in a scrape)
    assert toll("A father a mother and a son were killed while another son was injured.")[0] == 3
    assert toll("Shells hit the house, killing a man, his wife and their two children.")[0] == 4
    assert toll("A woman and a child were killed.")[0] == 2
    # (a list before a count of their kin, whose death word follows the count)
    assert toll("A man, his wife and their two children were killed.") == (4, 4, 4, 4)
    assert toll("A man his wife and their three children were killed in the strike.")[0] == 5
