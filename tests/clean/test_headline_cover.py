"""The headline of a plain-text scrape is the headline-shaped line its body speaks of."""

from __future__ import annotations

from eventwire.clean.text import page_parts

BODY = [
    "BUFFALO, N.Y. — Zach Parise scored twice on Tuesday night as the Wild beat the Sabres"
    " 4-1 for their third win in a row.",
    "Parise, who is heating up after a slow start, has five goals in his last six games.",
]
HEADLINE = "Zach Parise heating up, scores twice as Wild beat Sabres 4-1"


def test_other_stories_nearer_the_body_are_passed_over() -> None:
    teasers = [
        "St. Paul police chief sought state funding for gunshot-location system",
        "The Dakota County Fair will be free to attend starting next summer",
        "Tow-truck operators to the rescue: owner of sailboat frozen in river gets good news",
    ]
    lines = [HEADLINE, "By Bill Hoppe | Special to the Pioneer Press", *teasers, *BODY]
    parts = page_parts(lines, [False] * 5 + [True, True])
    assert parts.title == HEADLINE
    assert parts.body == tuple(BODY)


def test_the_headline_is_found_past_a_long_run_of_teasers() -> None:
    # Twenty lines of another story's list between headline and body: further than the
    # nearest-line search reaches, but the body takes up the headline's words.
    teasers = [f"Council meeting number {k} postponed over budget dispute" for k in range(20)]
    lines = [HEADLINE, *teasers, *BODY]
    parts = page_parts(lines, [False] * 21 + [True, True])
    assert parts.title == HEADLINE


def test_with_no_line_the_body_speaks_of_the_nearest_is_still_taken() -> None:
    headline = "Thousands of teachers pack Indiana Statehouse for protest"
    parts = page_parts(["Sports", headline, *BODY], [False, False, True, True])
    assert parts.title == headline


def test_a_headline_in_a_script_without_spaces() -> None:
    headline = "商品の改造が商標法違反に！？"
    body = [
        "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。",
        "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。",
    ]
    lines = ["ブログ", headline, "by ライトハウス国際特許事務所", *body]
    parts = page_parts(lines, [False, False, False, True, True])
    assert parts.title == headline


def test_content_words() -> None:
    from eventwire.clean.headline import content_words

    assert content_words("The Wild beat the Sabres 4-1 in a row") == {
        "wild",
        "beat",
        "sabres",
        "4",
        "1",
        "row",
    }
    assert content_words("商標法") == {"商標", "標法"}


def test_a_headline_kept_as_the_first_body_line_is_the_title() -> None:
    # Capitalised, with its byline under it: the headline, though the classifier kept it.
    headline = "Tim Cook On Apple Being 'Pulled Into The Enterprise'"
    lines = ["Sections", headline, "By Joseph Tsidulko November 19, 2019, 07:47 PM EST", *BODY]
    parts = page_parts(lines, [False, True, False, True, True])
    assert parts.title == headline
    assert parts.body == tuple(BODY)
    # Asking, and printed again lower down the page.
    question = "Economy in stress and markets on a high; time to be careful?"
    lines = ["Last Updated : Nov 20, 2019 01:41 PM IST", question, *BODY, "Tags", question]
    parts = page_parts(lines, [False, True, True, True, False, False])
    assert parts.title == question
    assert parts.body == tuple(BODY)


def test_a_first_paragraph_in_sentence_case_stays_in_the_body() -> None:
    # Neither asking nor capitalised: an opening line, even with a date line under it.
    lede = "Police say the man was arrested at his home in the north of the city on Monday."
    lines = ["Sections", lede, "November 19, 2019", *BODY]
    parts = page_parts(lines, [False, True, False, True, True])
    assert parts.body == (lede, *BODY)


def test_a_byline_glued_to_the_headline_is_cut_off() -> None:
    glued = "Parise heating up as the Wild beat the Sabres 4-1 by Lewis White"
    parts = page_parts([glued, "@lewis_d_white", *BODY], [False, False, True, True])
    assert parts.title == "Parise heating up as the Wild beat the Sabres 4-1"
    dated = "Zach Parise scores twice as Wild beat Sabres by Jeff Foust — November 18, 2019"
    parts = page_parts([dated, *BODY], [False, True, True])
    assert parts.title == "Zach Parise scores twice as Wild beat Sabres"
    # Names the article speaks of belong to the headline.
    named = "Sabres beaten again by Zach Parise"
    parts = page_parts([named, *BODY], [False, True, True])
    assert parts.title == named


def test_the_headline_is_taken_over_its_standfirst_or_caption() -> None:
    standfirst = "Zach Parise scores twice as the Wild beat the Sabres for a third win in a row"
    caption = "Zach Parise celebrates a goal against the Sabres on Tuesday"
    for under in (standfirst, caption):
        lines = [HEADLINE, "Nov 19, 2019", under, *BODY]
        parts = page_parts(lines, [False, False, False, True, True])
        assert parts.title == HEADLINE
    # A breadcrumb that ends in the headline is no headline over it.
    trail = "HomeSportsZach Parise heating up, scores twice as Wild beat Sabres 4-1"
    parts = page_parts([trail, HEADLINE, *BODY], [False, False, True, True])
    assert parts.title == HEADLINE


def test_the_section_stands_over_a_headline_printed_twice() -> None:
    lines = ["Menu", "Sports", HEADLINE, HEADLINE, *BODY]
    parts = page_parts(lines, [False, False, False, False, True, True])
    assert parts.title == HEADLINE
    assert parts.section == "Sports"


def test_a_kept_headline_with_its_byline_outweighs_a_quote_above() -> None:
    # A fact check: the claim (its words all in the article) over the kept headline.
    claim = '"$53 million a week is coming across the border in drugs."'
    headline = "What is the value of drugs that come to the U.S. border?"
    body = [
        "West Virginia congressman David McKinley said $53 million a week in drugs is coming"
        " across the border, and that the value of drugs seized there keeps rising.",
        "We looked at what the border agencies say about the value of the drugs they seize.",
    ]
    lines = [claim, headline, "By Matthew Digby on Monday, November 18th, 2019", *body]
    parts = page_parts(lines, [False, True, False, True, True])
    assert parts.title == headline
    assert parts.body == tuple(body)
