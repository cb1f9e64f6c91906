"""The headline of a plain-text scrape: date and time lines over the article are not it."""

from __future__ import annotations

import pytest

from eventwire.clean.text import page_parts

BODY = [
    "The Lakers held off Oklahoma City on Tuesday night after LeBron James recorded his"
    " third straight triple-double of the season.",
    "James finished with 23 points, 12 rebounds and 11 assists in the win at home.",
]


@pytest.mark.parametrize(
    "stamp",
    [
        "Associated Press November 19, 2019, 9:02 AM",
        "LinkNaija October 06, 2018",
        "18 Nov 2019, 19:09",
        "21:17 18.11.2019 Get short URL",
        "13/06/2014 Tony Carter All Reviews",
    ],
)
def test_a_date_or_time_line_under_the_headline_is_not_the_title(stamp: str) -> None:
    headline = "LeBron sets triple-double mark, Lakers hold off OKC 112-107"
    lines = ["Sports", headline, stamp, *BODY]
    parts = page_parts(lines, [False, False, False, True, True])
    assert parts.title == headline
    assert parts.section == "Sports"
    assert parts.body == tuple(BODY)


def test_a_headline_with_numbers_but_no_date_or_time_is_still_the_title() -> None:
    headline = "Opening Bell 11.18.19: stocks slip as trade talks stall"
    parts = page_parts([headline, *BODY], [False, True, True])
    assert parts.title == headline


def test_a_caption_under_the_headline_is_not_the_title() -> None:
    headline = "US service members killed in Afghanistan helicopter crash"
    caption = "Roughly 13,000 US troops remain in Afghanistan, 18 years on [File: Reuters]"
    parts = page_parts([headline, caption, *BODY], [False, False, True, True])
    assert parts.title == headline


@pytest.mark.parametrize(
    "headline",
    [
        "Does Marie Yovanovitch Have a Net Worth of $17 Million?",
        "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!",
    ],
)
def test_a_headline_asking_or_exclaiming_is_the_title(headline: str) -> None:
    parts = page_parts(["Fact Check", headline, *BODY], [False, False, True, True])
    assert parts.title == headline
    assert parts.section == "Fact Check"
    # Printed twice, the copy the classifier keeps leaves the body with it.
    parts = page_parts([headline, headline, *BODY], [False, True, True, True])
    assert parts.title == headline
    assert parts.body == tuple(BODY)


def test_a_kept_question_over_the_body_stays_in_the_body() -> None:
    # The article's own short question above its first paragraph is no headline.
    lines = ["Sports", "So what happens next for Boeing?", *BODY]
    parts = page_parts(lines, [False, True, True, True])
    assert parts.title is None
    assert parts.body == tuple(lines[1:])


@pytest.mark.parametrize(
    "furniture",
    [
        "Facebook Twitter Email LinkedIn Reddit Pinterest",
        "Show more sharing options",
        "Tom Davies Associated Press",
        "Meg Kinnard and Errin Haines, Associated Press",
        "Greg Beacham, Ap Sports Writer",
    ],
)
def test_share_buttons_and_bylines_without_by_are_not_the_title(furniture: str) -> None:
    headline = "Thousands of teachers pack Indiana Statehouse for protest"
    parts = page_parts([headline, furniture, *BODY], [False, False, True, True])
    assert parts.title == headline


def test_the_headline_is_found_over_a_long_page_head() -> None:
    # Byline, dateline, share buttons and a photo block: nine lines between headline and body.
    headline = "New York man pleads guilty to threatening to kill Rep. Ilhan Omar"
    head = [
        "Nov. 19, 2019, 8:41 AM UTC",
        "Breaking News Emails",
        "Get breaking news alerts and special reports.",
        "SUBSCRIBE",
        "Facebook Twitter Email",
        "Share",
        "Ilhan Omar at a rally in Minneapolis. (AP Photo/Jim Mone)",
        "Nov. 19, 2019",
        "By Minyvonne Burke",
    ]
    lines = [headline, *head, *BODY]
    parts = page_parts(lines, [False] * (1 + len(head)) + [True, True])
    assert parts.title == headline
    assert parts.published is not None


@pytest.mark.parametrize(
    "crumbs", ["BLOG > Nutrition > Meal Plans", "You are here: Home » News » Business"]
)
def test_a_breadcrumb_trail_is_not_the_title(crumbs: str) -> None:
    headline = "How to Tackle Game Day Snack Temptations"
    parts = page_parts([headline, crumbs, *BODY], [False, False, True, True])
    assert parts.title == headline
