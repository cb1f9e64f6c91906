"""A page's URL slug that repeats its headline names the headline of a plain-text scrape."""

from __future__ import annotations

from eventwire.clean.headline import slug_words
from eventwire.clean.text import page_parts

HEADLINE = "With shattered dreams, deportees return home from US"
URL = (
    "https://www.example-post.com/news/2019/11/with-shattered-dreams-deportees-return-home-from-us/"
)
TEASER = "Newly elected Lankan president accepts invitation to visit Pakistan"
BODY = [
    "NEW DELHI: Their American dream shattered and huge savings spent, 145 Indians landed"
    " at the Delhi airport on Wednesday after being deported by the United States.",
    "Most of them had crossed into the country through Mexico, officials said on Wednesday.",
]


def test_slug_words_drop_numbers_ids_and_function_words() -> None:
    assert slug_words(URL) == {"shatt", "dream", "depor", "retur", "home"}
    assert slug_words("https://x.com/2019/11/18/politics/trump-health-walter-reed/index.html") == {
        "trump",
        "healt",
        "walte",
        "reed",
    }
    assert slug_words("https://x.com/rt/473849-3-morales-supporters-killed-bolivia.html") == {
        "moral",
        "suppo",
        "kille",
        "boliv",
    }


def test_a_slug_of_few_words_says_nothing() -> None:
    assert slug_words("https://vortexcannon.org/about-bugs/") == frozenset()
    assert slug_words("https://x.com/story/ar-BBWXwNX") == frozenset()
    assert slug_words(None) == frozenset()


def test_the_line_the_slug_names_outweighs_a_nearer_teaser() -> None:
    # The body does not take up the headline's words, so without the URL the nearest
    # headline-shaped line (another story's teaser) is taken.
    lines = [HEADLINE, "Posted by Staff Writer", TEASER, *BODY]
    keep = [False, False, False, True, True]
    assert page_parts(lines, keep).title == TEASER
    parts = page_parts(lines, keep, URL)
    assert parts.title == HEADLINE
    assert parts.body == tuple(BODY)


def test_a_headline_under_a_kept_list_of_other_stories() -> None:
    # The classifier kept a list of other stories above the article: the first kept line
    # is not the article's start, and the headline stands under it.
    others = [
        "PM must intervene, govt should give full disclosure about bonds, says opposition.",
        "All schools and colleges open again as attendance reaches 98 percent, says govt.",
    ]
    lines = [*others, HEADLINE, "November 20", *BODY]
    keep = [True, True, True, False, True, True]
    assert page_parts(lines, keep).title != HEADLINE
    parts = page_parts(lines, keep, URL)
    assert parts.title == HEADLINE
    assert HEADLINE not in parts.body


def test_a_sentence_of_the_body_is_no_headline_for_the_slug() -> None:
    # Body sentences repeat the slug's words too; only a headline-shaped line is taken.
    lines = ["Local news", *BODY]
    url = "https://x.com/145-indians-deported-landed-delhi-airport-wednesday/"
    assert page_parts(lines, [False, True, True], url).title is None


def test_clean_document_passes_the_inputs_url() -> None:
    from eventwire.clean import clean_document
    from eventwire.models import RawInput
    from eventwire.settings import Settings

    menu = ["Home", "World", "India", "Business"]
    page = [*menu, HEADLINE, "Posted by Staff Writer", TEASER, *BODY, "Related stories"]
    raw = RawInput(origin="page.txt", kind="text", content="\n".join(page).encode(), url=URL)
    assert clean_document(raw, Settings()).title == HEADLINE
