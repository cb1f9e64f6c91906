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
