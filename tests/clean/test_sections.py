"""The section label of a plain-text scrape: a button, a link or a menu item is not one."""

from __future__ import annotations

import pytest

from eventwire.clean.text import page_parts

HEADLINE = "Thousands of teachers pack Indiana Statehouse for protest"
BODY = [
    "Thousands of teachers from across Indiana rallied at the Statehouse on Tuesday to press"
    " lawmakers for higher pay and fewer testing demands.",
    "Many schools closed for the day because so many teachers asked for time off to attend.",
]


def _section(head: list[str]) -> str | None:
    lines = [*head, HEADLINE, *BODY]
    keep = [False] * (len(head) + 1) + [True] * len(BODY)
    parts = page_parts(lines, keep)
    assert parts.title == HEADLINE
    return parts.section


@pytest.mark.parametrize(
    "button",
    [
        "Learn More",
        "Back to Gallery",
        "Read more",
        "Sign in",
        "Subscribe",
        "Share",
        "Get short URL",
        "Watch CBSN Live",
        "Sections",
    ],
)
def test_a_button_or_link_above_the_headline_is_not_the_section(button: str) -> None:
    assert _section(["Welcome to our site", button]) is None


def test_the_last_item_of_a_menu_is_not_the_section() -> None:
    menu = ["ZDNet China", "ZDNet France", "ZDNet Germany", "ZDNet Korea", "ZDNet Japan"]
    assert _section(menu) is None


@pytest.mark.parametrize(
    ("head", "section"),
    [
        (["Welcome to our site", "Education"], "Education"),
        (["Newsletter", "Careers", "Home", "Opening Bell"], "Opening Bell"),  # from Home
        (["Support us now.", "Home", "Fact Checks", "Politics"], "Politics"),
        (["Brexit", "Politics", "Opinion", "BLACK DEATH FEARS"], "Black Death Fears"),  # kicker
        (["Daily Edition", "Video Games Behind The Screen", "TECH"], "Tech"),
        (["Back Street Heroes is out now.", "Motorcycles"], "Motorcycles"),
    ],
)
def test_a_label_above_the_headline_is_still_the_section(head: list[str], section: str) -> None:
    assert _section(head) == section
