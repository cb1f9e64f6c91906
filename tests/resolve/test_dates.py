"""Date mentions against a publication date, and the event date choice."""

from __future__ import annotations

import datetime as dt

from eventwire.resolve.dates import choose_event_date, find_dates, report_date

SATURDAY = dt.date(2019, 4, 6)


def _by_text(text: str, published: dt.date | None) -> dict[str, object]:
    return {m.text: m for m in find_dates(text, published)}


def test_weekdays_resolve_to_the_latest_such_day_on_or_before_publication() -> None:
    found = _by_text("Rebels attacked on Wednesday and again on Saturday.", SATURDAY)
    assert found["Wednesday"].date == dt.date(2019, 4, 3)  # type: ignore[attr-defined]
    assert found["Saturday"].date == SATURDAY  # type: ignore[attr-defined]


def test_relative_words() -> None:
    found = _by_text("Yesterday a bomb exploded; last week 12 died.", SATURDAY)
    assert found["Yesterday"].date == dt.date(2019, 4, 5)  # type: ignore[attr-defined]
    last_week = found["last week"]
    assert (last_week.date, last_week.end_date, last_week.precision) == (  # type: ignore[attr-defined]
        dt.date(2019, 3, 25),
        dt.date(2019, 3, 31),
        2,
    )


def test_explicit_formats() -> None:
    text = "On 3 April 2019, on April 2, 2019, on 2019-04-01 and on March 30."
    dates = [m.date for m in find_dates(text, SATURDAY)]
    assert dates == [dt.date(2019, 4, 3), dt.date(2019, 4, 2), dt.date(2019, 4, 1),
                     dt.date(2019, 3, 30)]  # fmt: skip


def test_background_years_are_flagged() -> None:
    text = "The war since 2011, the 2020 ceasefire and the town recaptured in 2016."
    mentions = find_dates(text, SATURDAY)
    assert [m.text for m in mentions] == ["2011", "2020", "2016"]
    assert all(m.background for m in mentions)


def test_range_start_keeps_its_day_and_runs_to_publication() -> None:
    (m,) = find_dates("The clashes, which began Wednesday, go on.", SATURDAY)
    assert (m.date, m.end_date) == (dt.date(2019, 4, 3), SATURDAY)


def test_no_publication_date_means_no_guess() -> None:
    (m,) = find_dates("Gunmen attacked a village on Wednesday.", None)
    assert m.date is None and m.precision == 3
    choice = choose_event_date([m], 0, 40, None)
    assert choice.date is None and choice.time_precision == 3


def test_choice_prefers_the_sentence_then_falls_back_to_publication() -> None:
    text = "Gunmen attacked a village on Wednesday. The war began in 2011. Talks go on."
    mentions = find_dates(text, SATURDAY)
    choice = choose_event_date(mentions, 0, 39, SATURDAY)
    assert choice.date == dt.date(2019, 4, 3) and choice.time_precision == 1
    nearby = choose_event_date(mentions, 63, len(text), SATURDAY)
    assert nearby.date == dt.date(2019, 4, 3) and nearby.mention is not None
    text = "The war began in 2011. Gunmen attacked a village."
    mentions = find_dates(text, SATURDAY)
    fallback = choose_event_date(mentions, 23, len(text), SATURDAY)
    assert fallback.date == SATURDAY and fallback.time_precision == 2 and fallback.mention is None


def test_bare_month_after_in_takes_the_latest_such_month() -> None:
    (m,) = find_dates("It changed its name in July and fought on.", dt.date(2016, 10, 12))
    assert (m.text, m.date, m.precision, m.background) == ("July", dt.date(2016, 7, 1), 3, True)


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("Talks may resume soon.", SATURDAY) == []


def test_clock_times_and_counts_are_not_years() -> None:
    text = "The strike at 1100 pm (2000 GMT) killed 2,000 people; the siege began in 2013."
    assert [m.text for m in find_dates(text, SATURDAY)] == ["2013"]


def test_the_past_week_is_the_seven_days_before_publication() -> None:
    (m,) = find_dates("Strikes during the past week killed 40.", SATURDAY)
    assert (m.date, m.end_date, m.precision) == (dt.date(2019, 3, 30), SATURDAY, 2)


def test_numeric_dates() -> None:
    text = "Posted 09.04.2017, updated 30-11-2014, filed 4/9/2017 and 13/4/2017."
    dates = [m.date for m in find_dates(text, SATURDAY)]
    assert dates == [dt.date(2017, 4, 9), dt.date(2014, 11, 30), dt.date(2017, 4, 9),
                     dt.date(2017, 4, 13)]  # fmt: skip


def _choose(text: str, published: dt.date | None) -> tuple[dt.date | None, int, str | None]:
    choice = choose_event_date(find_dates(text, published), 0, len(text), published)
    return choice.date, choice.time_precision, choice.mention.text if choice.mention else None


def test_a_period_dates_an_event_on_its_middle_as_acled_codes_it() -> None:
    # Saturday 6 April 2019: last week ran 25-31 March, this week 1-5 April so far.
    assert _choose("Twelve died last week.", SATURDAY)[:2] == (dt.date(2019, 3, 27), 2)
    assert _choose("Twelve died earlier this week.", SATURDAY)[:2] == (dt.date(2019, 4, 3), 2)
    assert _choose("Twelve died last month.", SATURDAY)[:2] == (dt.date(2019, 3, 15), 3)
    assert _choose("Twelve died earlier this month.", SATURDAY)[:2] == (dt.date(2019, 4, 3), 3)
    assert _choose("Raids over the weekend killed 4.", dt.date(2019, 4, 9))[:2] == (SATURDAY, 2)


def test_parts_of_a_month_are_its_first_middle_and_last_days() -> None:
    published = dt.date(2019, 5, 20)
    assert _choose("In late March rebels took the town.", published)[:2] == (
        dt.date(2019, 3, 31),
        3,
    )
    assert _choose("In early March rebels took it.", published)[0] == dt.date(2019, 3, 1)
    assert _choose("A mid-March attack killed 3.", published)[0] == dt.date(2019, 3, 15)


def test_recent_days_are_the_three_days_before_publication() -> None:
    assert _choose("Strikes in recent days killed 40.", SATURDAY)[:2] == (dt.date(2019, 4, 4), 2)
    (m,) = find_dates("Strikes in the past ten days killed 40.", SATURDAY)
    assert (m.date, m.end_date, m.precision) == (dt.date(2019, 3, 27), dt.date(2019, 4, 5), 3)


def test_overnight_is_the_night_before_publication_as_a_day() -> None:
    assert _choose("Gunmen stormed a village overnight.", SATURDAY)[:2] == (
        dt.date(2019, 4, 5),
        1,
    )
    # "overnight on Wednesday" is dated by its weekday
    assert _choose("Troops arrived overnight on Wednesday.", SATURDAY)[:2] == (
        dt.date(2019, 4, 3),
        1,
    )


def test_a_statement_date_gives_way_to_the_event_date() -> None:
    text = "Strikes killed 12 overnight, a monitor said on Saturday."
    assert _choose(text, SATURDAY) == (dt.date(2019, 4, 5), 1, "overnight")
    # with no date of its own, the event happened on or shortly before the statement
    text = "Dozens were killed in air strikes a monitoring group said on Saturday."
    assert _choose(text, SATURDAY) == (SATURDAY, 2, "Saturday")
    assert _choose("MSF on Friday said a hospital was hit.", SATURDAY)[:2] == (
        dt.date(2019, 4, 5),
        2,
    )
    # a verb before the date keeps it the event's, whatever follows
    text = "Jets pounded Aleppo early on Friday said the Observatory."
    assert _choose(text, SATURDAY)[:2] == (dt.date(2019, 4, 5), 1)


def test_the_previous_day_counts_back_from_the_day_named_before_it() -> None:
    text = "A monitor on Tuesday raised the toll from strikes on a market the previous day."
    assert _choose(text, dt.date(2017, 11, 17))[:2] == (dt.date(2017, 11, 13), 1)


def test_an_old_event_keeps_its_own_date_but_scene_setting_does_not() -> None:
    published = dt.date(2016, 8, 13)
    assert _choose("Troops freed Palmyra on March 27.", published)[:2] == (
        dt.date(2016, 3, 27),
        1,
    )
    for text in (
        "More than 300000 have been killed since the conflict began in March 2011.",
        "A ceasefire that Turkey and Russia brokered in February was violated.",
        "It was the worst attack since sarin killed hundreds in Ghouta in August 2013.",
    ):
        assert _choose(text, published)[2] is None, text


def test_a_dateline_opening_the_text_is_the_day_relative_words_count_from() -> None:
    record = dt.date(2017, 11, 10)  # a data set's date that disagrees with the article
    text = "Sat Nov 18 2017 A car bomb killed 20 civilians on Friday evening."
    friday = [m for m in find_dates(text, record) if m.text == "Friday"]
    assert friday[0].date == dt.date(2017, 11, 17)
    assert report_date("Published July 27 2016 A bomb struck on Wednesday.", None) == dt.date(
        2016, 7, 27
    )
    # a date that opens a sentence of the story is no dateline
    assert report_date("On 3 March 2016 gunmen attacked a village.", record) == record


def test_last_year_is_the_whole_year_before_publication() -> None:
    date, precision, mention = _choose("The town fell to rebels last year.", SATURDAY)
    assert (date, precision, mention) == (dt.date(2018, 7, 2), 3, "last year")
    found = find_dates("The previous year jets hit it.", SATURDAY)
    assert [(m.date, m.end_date) for m in found] == [(dt.date(2018, 1, 1), dt.date(2018, 12, 31))]
