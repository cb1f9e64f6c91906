"""Links that call on the reader are neither a headline nor the heading of a list."""

from __future__ import annotations

from eventwire.clean.text import drop_headed_lists, page_parts

BODY = [
    "The Eagles won their third straight state title on Saturday, taking seven of eleven events.",
    "Coach Mary Ellis said the relay team had trained through the holidays for the meet.",
]


def test_a_link_prompt_is_no_headline() -> None:
    # The body does not take up the headline's words, so the nearest headline-shaped line
    # above the body would be taken: the kept prompt must not be, nor leave the body.
    headline = "Relay quartet makes history"
    prompt = "CLICK FOR FULL STATE SWIM RESULTS"
    parts = page_parts([headline, prompt, *BODY], [False, True, True, True])
    assert parts.title == headline
    assert parts.body == (prompt, *BODY)


def test_a_call_to_contribute_heads_no_list_of_stories() -> None:
    lines = ["Submit Photos and Videos", "Local Sports Scores", "SWIM RESULTS FOR THE WEEK", *BODY]
    keep = [False, True, True, True, True]
    assert drop_headed_lists(lines, keep) == keep
    # (a heading that names other stories still takes its list)
    lines[0] = "More Sports Videos"
    assert drop_headed_lists(lines, keep) == [False, False, False, True, True]
