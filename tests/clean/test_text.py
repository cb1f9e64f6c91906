"""Plain-text scrapes: body sentences kept, furniture dropped, headline and section found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.clean import clean_document
from eventwire.clean.lines import split_lines
from eventwire.clean.text import clean_text_page, is_clean_text
from eventwire.models import RawInput
from eventwire.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SCRAPE = (FIXTURES / "syria_scrape.txt").read_text(encoding="utf-8")
BODY_STARTS = (
    "At least 14 people were killed",
    "The Syrian Observatory for Human Rights",
    "The fighting broke out before dawn",
    "Residents of Saraqib said",
    '"We heard the shelling all night.',
    "Syrian state media said",
    "The United Nations has repeatedly warned",
)
FURNITURE = (
    "EDITOR'S PICKS",
    "Turkey and Russia agree to new patrols",
    "Aid convoy reaches Idlib",
    "Explainer: who controls what",
    "Share this article",
    "FURTHER READING",
    "Syria's war: a timeline",
    "Idlib's displaced face a harsh winter",
    "Why the Saraqib crossroads matters",
    "Click here to watch",
    "Advertise or Publish a Story",
    "Call or WhatsApp",
    "newsroom@levantdaily.example",
    "All rights reserved",
)


def test_scrape_keeps_every_body_sentence_in_order() -> None:
    parts = clean_text_page(SCRAPE)
    assert [
        next(i for i, line in enumerate(parts.body) if line.startswith(s)) for s in BODY_STARTS
    ] == list(range(len(BODY_STARTS)))


def test_scrape_drops_link_lists_promos_and_contact_lines() -> None:
    body = "\n".join(clean_text_page(SCRAPE).body)
    for line in FURNITURE:
        assert line not in body, line


def test_scrape_title_and_section() -> None:
    parts = clean_text_page(SCRAPE)
    assert parts.title == "Clashes between government forces and rebels kill 14 in northwest Syria"
    assert parts.section == "Middle East"
    assert parts.title not in parts.body


def test_clean_document_on_a_scrape() -> None:
    raw = RawInput(origin="syria.txt", kind="text", content=SCRAPE.encode("utf-8"))
    doc = clean_document(raw, Settings())
    assert doc.text.startswith("At least 14 people were killed")
    assert doc.text.endswith("could trigger a new wave of displacement.")
    assert doc.title and doc.title.startswith("Clashes between government forces")
    assert doc.section == "Middle East"
    assert doc.outlet == "Levant Daily"  # from the copyright line
    assert doc.published == dt.date(2024, 3, 5)  # from the date line under the headline
    assert doc.language == "en"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("5 March 2024", dt.date(2024, 3, 5)),
        ("Published: Mar. 5th, 2024 10:31 GMT", dt.date(2024, 3, 5)),
        ("By Rania Haddad | 2024-03-05", dt.date(2024, 3, 5)),
        ("Updated 3 hours ago", None),
    ],
)
def test_date_line_under_the_headline(line: str, date: dt.date | None) -> None:
    scrape = SCRAPE.replace("5 March 2024", line)
    assert clean_text_page(scrape).published == date


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Copyright © The Courier 2024", "The Courier"),
        ("(c) 2019 Daily Ledger | Privacy", "Daily Ledger"),
        ("Copyright policy", None),
    ],
)
def test_outlet_from_copyright_lines(line: str, outlet: str | None) -> None:
    scrape = SCRAPE.replace("© 2024 Levant Daily. All rights reserved.", line)
    assert clean_text_page(scrape).outlet == outlet


def test_no_outlet_without_a_copyright_line() -> None:
    scrape = SCRAPE.replace("© 2024 Levant Daily. All rights reserved.", "Privacy Policy")
    assert clean_text_page(scrape).outlet is None


def test_clean_article_text_passes_through_whole() -> None:
    text = (
        "Protesters gathered outside the parliament in Khartoum on Monday, demanding elections.\n"
        "Police fired tear gas to disperse the crowd, witnesses said"
    )
    assert is_clean_text(split_lines(text))
    assert clean_text_page(text).body == tuple(text.splitlines())


def test_hard_wrapped_lines_are_rejoined() -> None:
    text = "Government forces shelled the town of Saraqib on Tuesday,\nkilling five civilians.\nAid"
    assert split_lines(text) == [
        "Government forces shelled the town of Saraqib on Tuesday, killing five civilians.",
        "Aid",
    ]


def test_wrapped_after_a_function_word_is_rejoined_whatever_the_case() -> None:
    text = (
        "Green Party candidate Jill Stein says she has raised enough to fund a recount in\n"
        "Wisconsin.\n"
        "Syrian forces pull out of Aleppo as rebels advance\n"
    )
    assert split_lines(text) == [
        "Green Party candidate Jill Stein says she has raised enough to fund a recount in "
        "Wisconsin.",
        "Syrian forces pull out of Aleppo as rebels advance",
    ]


def test_clean_article_with_wrapped_lines_loses_nothing() -> None:
    text = (
        "Instagram said it had fixed a bug that saw users geo-tag themselves as being in\n"
        "Singapore in a bid to go viral.\n"
        "Some users claimed the apparent hack increased the chances of a post reaching the\n"
        "Explore page, where posts are likely to get many more likes.\n"
        "What are the concerns?\n"
        "The company confirmed to reporters that it was a bug that affected engagement when\n"
        "posts were tagged with the location.\n"
        "In a post published earlier this week, a technology site said the trick caught on\n"
        "with influencers in several countries."
    )
    parts = clean_text_page(text)
    kept = " ".join(parts.body)
    for fragment in ("fixed a bug", "Explore page", "affected engagement", "caught on with"):
        assert fragment in kept


def test_main_block_is_the_densest_run_of_likely_body() -> None:
    from eventwire.clean.linemodel import main_block
    from eventwire.clean.lines import NAMES

    k = NAMES.index("log_words")

    def row(log_words: float) -> list[float]:
        out = [0.0] * len(NAMES)
        out[k] = log_words
        return out

    # A likely line far above (a cookie notice), a gap of furniture, then the article.
    probs = [0.9, 0.1, 0.1, 0.1, 0.1, 0.8, 0.4, 0.9, 0.95, 0.2]
    rows = [row(3.0), *(row(1.0) for _ in range(4)), *(row(3.0) for _ in range(4)), row(1.0)]
    assert main_block(probs, rows) == (5, 8)
    assert main_block([0.1, 0.2], [row(1.0), row(1.0)]) == (0, -1)


def test_headline_is_the_title_even_when_the_classifier_keeps_it() -> None:
    # A lower threshold may keep the headline as body: it still becomes the title, not text.
    text = (FIXTURES / "aleppo_page.txt").read_text(encoding="utf-8")
    parts = clean_text_page(text)
    assert parts.title == "Syrian government forces pull out of Aleppo as rebel offensive advances"
    assert parts.section == "Middle East"
    assert parts.body[0].startswith("Syrian government forces withdrew from the city of Aleppo")
    assert not any("Click here" in line or "@" in line for line in parts.body)


def test_forest_scores_every_row_down_every_tree() -> None:
    import numpy as np

    from eventwire.clean.linemodel import Forest

    # Tree 1 splits on feature 0 then, on the right, on feature 1; tree 2 is a lone leaf.
    deep = [
        [0, 0.5, 1, 2, 0.0],
        [-1, 0.0, -1, -1, -1.0],
        [1, 2.0, 3, 4, 0.0],
        [-1, 0.0, -1, -1, 0.25],
        [-1, 0.0, -1, -1, 3.0],
    ]
    forest = Forest.from_nodes(0.5, [deep, [[-1, 0.0, -1, -1, 0.125]]])
    assert forest.depth == 2
    x = np.array([[0.0, 9.0], [0.5, 9.0], [1.0, 2.0], [1.0, 2.5]])
    assert forest.scores(x).tolist() == [-0.375, -0.375, 0.875, 3.625]


_SENTENCE = "Officials said the fighting near the town had killed {} people and wounded many more."


def test_long_sentence_between_kept_sentences_is_kept_despite_a_low_score() -> None:
    from eventwire.clean.text import body_mask

    lines = [
        _SENTENCE.format("four"),
        "Photo gallery",
        "“We heard the shelling all night and then the roof fell in,” said one resident of "
        "the town, who asked not to be named for fear of reprisals.",
        _SENTENCE.format("five"),
        "A sentence of the same shape after the article, far below, with nothing kept after it.",
    ]
    keep = body_mask(lines, [0.9, 0.01, 0.1, 0.9, 0.1])
    assert keep == [True, False, True, True, False]
    assert body_mask(lines, [0.9, 0.01, 0.01, 0.9, 0.1]) == keep  # a doubt is not enough
    # A line the classifier is sure of is left out even inside the article.
    assert body_mask(lines, [0.9, 0.01, 0.001, 0.9, 0.1])[2] is False


def test_lead_in_ending_with_a_colon_after_a_kept_sentence_is_kept() -> None:
    from eventwire.clean.text import body_mask

    lines = [_SENTENCE.format("six"), "Witnesses described the scene to reporters:", "Share"]
    assert body_mask(lines, [0.9, 0.05, 0.05]) == [True, True, False]
    assert body_mask(lines[1:], [0.05, 0.05]) == [False, False]  # nothing kept before it


def test_numbered_list_beside_the_article_is_kept_but_not_under_a_list_heading() -> None:
    from eventwire.clean.text import body_mask

    items = ["1a stage: 4 May – Dijon", "2a stage: 5 May – Beaune", "3. Autun"]
    lines = [_SENTENCE.format("seven"), *items, "Most read", "1. Headline one", "2. Headline two"]
    lines += ["3. Headline three"]
    probs = [0.9, 0.05, 0.05, 0.05, 0.01, 0.05, 0.05, 0.05]
    assert body_mask(lines, probs) == [True, True, True, True, False, False, False, False]
    # Numbers that do not count up (scores, times) are no list.
    scores = [_SENTENCE.format("eight"), "2 goals for Chelsea", "5 for Arsenal", "1 for Leeds"]
    assert body_mask(scores, [0.9, 0.05, 0.05, 0.05]) == [True, False, False, False]


def test_non_sentences_away_from_the_article_are_dropped_unless_sure() -> None:
    from eventwire.clean.text import body_mask

    lines = [
        "Markets rally on rate hopes",  # a teaser two lines above the article: dropped
        "Advertisement",
        "Syrian army shells Saraqib",  # joined to the first sentence: kept
        _SENTENCE.format("nine"),
        "Saraqib",  # a short line inside the article stays
        _SENTENCE.format("ten"),
        "Sana Ahmed, Beirut",  # joined to the last sentence: kept
        "Related coverage below",
        "Ceasefire talks stall in Geneva",
        "Turkey and Russia agree to patrols",
    ]
    probs = [0.3, 0.01, 0.9, 0.95, 0.6, 0.95, 0.5, 0.05, 0.3, 0.6]
    keep = body_mask(lines, probs)
    assert keep == [False, False, True, True, True, True, True, False, False, False]
    probs[0] = 0.85  # the classifier is sure: kept wherever it stands
    assert body_mask(lines, probs)[0] is True


def test_comment_section_below_the_article_ends_the_body() -> None:
    from eventwire.clean.text import body_mask

    comment = "I think the report leaves out what the people of the town went through that night."
    lines = [
        _SENTENCE.format("eleven"),
        _SENTENCE.format("twelve"),
        "Leave a Reply",
        comment,
        "Alex on September 17, 2018 at 6:34 am said:",
        comment.replace("I think", "Surely"),
    ]
    assert body_mask(lines, [0.9, 0.9, 0.01, 0.9, 0.05, 0.9]) == [True, True] + [False] * 4
    dated = [lines[0], lines[4], lines[5]]  # a dated header alone starts the section too
    assert body_mask(dated, [0.9, 0.05, 0.9]) == [True, False, False]
    # Blog software prints the prompt in the page's language.
    for prompt in ("Lascia un commento", "Deixe uma resposta", "Deja un comentario"):
        assert body_mask([*lines[:2], prompt, comment], [0.9, 0.9, 0.5, 0.9])[2:] == [False] * 2
    # Above the first kept sentence (a count in the page head) it cuts nothing.
    assert body_mask(["Join the discussion", *lines[:2]], [0.01, 0.9, 0.9]) == [False, True, True]


def test_opening_paragraph_doubted_by_the_classifier_is_kept() -> None:
    from eventwire.clean.text import body_mask

    first = (
        "None of the roads into the town can be used since the bridge was destroyed, and "
        "some villages are now cut off from the hospital entirely."
    )
    lines = ["About the crossings", first, _SENTENCE.format("two"), "Facebook", "Twitter"]
    assert body_mask(lines, [0.0, 0.11, 0.5, 0.0, 0.0]) == [False, True, True, False, False]
    assert body_mask(lines, [0.0, 0.01, 0.5, 0.0, 0.0]) == [False, True, True, False, False]
    # ... unless the classifier is sure it is not body.
    assert body_mask(lines, [0.0, 0.001, 0.5, 0.0, 0.0])[1] is False


def test_teaser_list_away_from_the_article_is_dropped() -> None:
    from eventwire.clean.text import body_mask

    teasers = []
    for place in ("Idlib", "Hama", "Homs", "Daraa"):
        teasers += [
            f"Aid convoy reaches {place} after weeks of delay",
            f"Trucks carrying food and medicine entered {place} on Monday, the UN said.",
        ]
    article = [_SENTENCE.format(n) for n in ("three", "four", "five")]
    lines = [*article, "Share", "More news", "Advertisement", *teasers]
    probs = [0.9, 0.9, 0.9, 0.0, 0.0, 0.0] + [0.5, 0.95] * 4
    assert body_mask(lines, probs) == [True] * 3 + [False] * 11
    # A page of nothing but such pairs is left to the classifier: no article to prefer.
    assert body_mask(teasers, [0.5, 0.95] * 4) == [True] * 8
    # Sections of an article (a subheading and one paragraph each) that follow its
    # paragraphs directly are the article.
    assert body_mask([*article, *teasers], [0.9] * 3 + [0.5, 0.95] * 4) == [True] * 11


def test_image_credits_and_announced_links_are_never_kept() -> None:
    from eventwire.clean.text import body_mask

    lines = [
        _SENTENCE.format("six"),
        "Sakib Ali/Hindustan Times/Getty Images",
        "Related: Ceasefire talks stall in Geneva",
        _SENTENCE.format("seven"),
    ]
    assert body_mask(lines, [0.9, 0.6, 0.6, 0.9]) == [True, False, False, True]


def test_list_of_same_shaped_dated_lines_under_a_kept_sentence_is_kept() -> None:
    from eventwire.clean.text import body_mask

    dates = [
        "June 10 – Tampa, FL @ MidFlorida Amphitheatre",
        "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre",
        "June 17 – Nashville, TN @ Bridgestone Arena",
        "July 2 – Uncasville, CT @ Mohegan Sun Arena",
    ]
    lines = ["The band will play these dates next summer, its first tour in a decade.", *dates]
    assert body_mask(lines, [0.9, 0.3, 0.1, 0.1, 0.05]) == [True] * 5
    # Not three of them, nor with nothing kept just above.
    assert body_mask(lines[:4], [0.9, 0.3, 0.1, 0.1]) == [True, True, False, False]
    assert body_mask(["Tour", *dates], [0.0, 0.3, 0.1, 0.1, 0.05])[2:] == [False] * 3
    # Lines of one shape without a number (a menu) are no such list.
    menu = ["Home", "World News", "Sport Today", "Arts Desk", "Tech Notes"]
    assert body_mask([lines[0], *menu], [0.9, 0.3, 0.1, 0.1, 0.1, 0.1])[2:] == [False] * 4


def test_link_texts_ending_in_a_count_are_no_sentences_of_the_article() -> None:
    from eventwire.clean.text import body_mask

    counted = [
        "Reports: the army will be fined for the shelling of the town (145)",
        "Rebels come back to take the crossroads town after a week (142)",
        "Most commented",
    ]
    lines = [*counted, "Advertisement", "Posted on May 3", _SENTENCE.format("eight")]
    keep = body_mask(lines, [0.5, 0.5, 0.0, 0.0, 0.0, 0.9])
    assert keep == [False] * 5 + [True]


def test_captions_closed_by_a_photo_credit_are_never_kept() -> None:
    from eventwire.clean.text import body_mask

    captions = [
        "Fighters patrol the road north of the town on Monday. (AP Photo/Sam Clark, File)",
        "Smoke rises over the market after the strike.Credit...Lina Haddad/The Daily Levant",
        "A damaged school in the eastern district (Image: GETTY)",
        "Hana Saleh, AP",
        "© Omar Khalil Displaced families queue for bread at the edge of the camp in March.",
        "Yusuf Demir Submitted photo",
        "2of5Residents carry water past the damaged clinic on Tuesday.",
        "A man rides past the checkpoint on November 19, 2019. Jaafar ASHTIYEH / AFP",
        "A stock image of a crowded ward. Doctors say the beds ran out in March. Getty",
        "The old souk, installation views, photos © Levant Archive, 2018",
    ]
    lines = [_SENTENCE.format("one"), *captions, _SENTENCE.format("two")]
    probs = [0.9, 0.9, 0.9, 0.9, 0.6, 0.9, 0.5, 0.9, 0.9, 0.9, 0.5, 0.9]
    assert body_mask(lines, probs) == [True] + [False] * 10 + [True]
    # A sentence that only mentions a photo or an agency is no caption.
    mentions = [
        "The photo by a local resident was shared widely on Monday.",
        "Two officials confirmed the toll to Reuters.",
        "2 of 5 clinics in the district were damaged, the ministry said.",
        "The agencies named were Reuters and AP.",
    ]
    assert body_mask([lines[0], *mentions], [0.9] * 5) == [True] * 5


def test_small_groups_of_lines_far_from_the_article_are_dropped_unless_sure() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format(n) for n in ("three", "four", "five", "six")]
    teaser = "Rebels say they will take the crossroads town back before the winter sets in."
    furniture_lines = ["Share", "Advertisement", "Most read", "Weather", "Contact", "Print"]
    lines = [*article, *furniture_lines, teaser]
    probs = [0.9] * 4 + [0.0] * 6 + [0.6]
    assert body_mask(lines, probs) == [True] * 4 + [False] * 7
    # The classifier is sure of it: kept.
    assert body_mask(lines, [*probs[:-1], 0.85])[-1] is True
    # Six lines from the article, it may be the article's own (after a photo and its
    # caption, or a box of links): kept.
    near = [*article, *furniture_lines[:5], teaser]
    assert body_mask(near, [0.9] * 4 + [0.0] * 5 + [0.6])[-1] is True
    # Ten lines or more away, an appeal goes though the classifier is sure of it.
    appeal = "We do this work every day at no cost to you, but it is far from free."
    far = [*article, *furniture_lines, "Editorial", "David Emery", "Bond Huberman", appeal]
    assert body_mask(far, [0.9] * 4 + [0.0] * 9 + [0.95])[-1] is False


def test_opening_paragraphs_the_classifier_is_sure_of_stay_when_ads_cut_the_article() -> None:
    from eventwire.clean.text import body_mask

    opening = [_SENTENCE.format(n) for n in ("one", "two")]
    part = [_SENTENCE.format(n) for n in ("three", "four", "five", "six")]
    rest = [_SENTENCE.format(n) for n in ("seven", "eight", "nine", "ten", "eleven", "twelve")]
    rest += [_SENTENCE.format(n) for n in ("thirteen", "fourteen", "fifteen")]
    ads = ["Advertisement", "Advertisement"]
    box = ["Advertisement", "Sponsored", "Advertisement", "Recommended video", "Advertisement"]
    lines = [*opening, *ads, *part, *box, *box, *rest]
    probs = [0.95] * 2 + [0.0] * 2 + [0.95] * 4 + [0.0] * 10 + [0.95] * 9
    # Far from the largest part of the article, but beside another part of it: kept.
    assert body_mask(lines, probs)[:2] == [True, True]


def test_desk_credits_and_teasers_cut_with_read_more_are_never_kept() -> None:
    from eventwire.clean.text import body_mask

    lines = [
        _SENTENCE.format("seven"),
        "Reporting by Sami Aziz; Editing by Clara Moss",
        "Aid agencies say hundreds of families fled the town overnight as Read more",
        _SENTENCE.format("eight"),
    ]
    assert body_mask(lines, [0.9, 0.5, 0.6, 0.9]) == [True, False, False, True]


def test_appeals_addressed_to_the_reader_at_the_article_edge_are_dropped() -> None:
    from eventwire.clean.text import body_mask

    appeal = "Sign up for our morning briefing to get the day's top stories from the region."
    article = [_SENTENCE.format(n) for n in ("nine", "ten")]
    assert body_mask([*article, appeal], [0.9, 0.9, 0.6]) == [True, True, False]
    # Between two paragraphs it is the article's own sentence.
    assert body_mask([article[0], appeal, article[1]], [0.9, 0.6, 0.9]) == [True] * 3
    # Without words to the reader, a sentence about a subscription is reporting.
    report = "The council said residents could sign up for the evacuation buses at the town hall."
    assert body_mask([*article, report], [0.9, 0.9, 0.6]) == [True] * 3


def test_teasers_cut_short_in_pairs_and_cards_glued_to_a_dateline_are_dropped() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format(n) for n in ("eleven", "twelve", "thirteen")]
    cut = ["Families return to Saraqib as the guns fall...", "Aid agencies warn of a long win…"]
    lines = [article[0], cut[0], article[1], cut[1], article[2]]
    assert body_mask(lines, [0.9, 0.6, 0.9, 0.6, 0.9]) == [True, False, True, False, True]
    # One line trailing off is the article's own: a quote left hanging.
    hanging = 'The mayor paused before adding: "We will rebuild, but…'
    assert body_mask([*article, hanging], [0.9] * 3 + [0.6]) == [True] * 4
    cards = [
        "Court jails former minister for bribery AMMAN: A court on Monday sentenced a former",
        "Floods cut off villages in the north BEIRUT: Heavy rain on Sunday washed away roads",
        "Ceasefire talks resume in Cairo CAIRO, Egypt: Negotiators met again on Tuesday after",
    ]
    probs = [0.9] * 3 + [0.95] * 3
    assert body_mask([*article, *cards], probs) == [True] * 3 + [False] * 3
    # An article's own dateline opens its first paragraph, once.
    lead = "AMMAN: A court on Monday sentenced a former minister to five years for bribery."
    assert body_mask([lead, *article], [0.9] * 4) == [True] * 4


def test_list_of_other_stories_under_a_heading_naming_them_is_dropped() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format(n) for n in ("fourteen", "fifteen")]
    heads = [
        "Rana Haddad's Most Recent Stories",
        "Aid convoy reaches Idlib after weeks of delay",
        "Why the Saraqib crossroads matters",
        "Idlib's displaced face a harsh winter",
    ]
    assert body_mask([*article, *heads], [0.9, 0.9, 0.5, 0.5, 0.5, 0.5]) == [True] * 2 + [False] * 4
    # The same heading in the page's language.
    russian = ["Материалы по теме", "Как молоды мы были: звездные пары", "Угадайте, кто"]
    probs = [0.9, 0.9, 0.6, 0.6, 0.3]
    assert body_mask([*article, *russian], probs) == [True] * 2 + [False] * 3
    # A list in the article that opens with "More …" is no such heading.
    changes = ["More questions for your opponent", "Better Android support", "Bugs fixed"]
    assert body_mask([*article, *changes], [0.9, 0.9, 0.5, 0.5, 0.5]) == [True] * 5
    # A heading followed by a sentence heads the article's own section.
    section = ["Latest news from the front", _SENTENCE.format("sixteen")]
    assert body_mask([*article, *section], [0.9, 0.9, 0.5, 0.9]) == [True] * 4


def test_credit_line_of_an_embedded_post_under_its_kept_text_is_kept() -> None:
    from eventwire.clean.text import body_mask

    post = "Our convoy reached the town with food for 3,000 families. pic.twitter.com/x"
    credit = "— Aid Agency (@aidagency) November 18, 2019"
    lines = [_SENTENCE.format("two"), post, credit, _SENTENCE.format("three"), "Related"]
    assert body_mask(lines, [0.9, 0.5, 0.09, 0.9, 0.01]) == [True] * 4 + [False]
    shared = "A post shared by Aid Agency (@aidagency) on Nov 18, 2019 at 10:02am PST"
    assert body_mask([*lines[:2], shared], [0.9, 0.5, 0.09]) == [True] * 3
    # Without the post kept above it, a credit is no part of the article.
    assert body_mask([lines[0], "Tweets", credit], [0.9, 0.01, 0.09]) == [True, False, False]


def test_opening_paragraph_without_a_final_stop_above_a_kept_line_is_kept() -> None:
    from eventwire.clean.text import body_mask

    first = (
        "The council has this morning closed the last road into the town to secure the "
        "convoy of aid sent by the agency for the families in the northern villages"
    )
    second = "This has freed the way for the second convoy of the month"
    lines = ["LinkNaija August 08, 2018", first, second, _SENTENCE.format("two"), "Tags:"]
    assert body_mask(lines, [0.03, 0.12, 0.4, 0.95, 0.01]) == [False, True, True, True, False]
    # A headline of that length capitalises its words: no paragraph.
    head = "Council Closes The Last Road Into The Town To Secure The Aid Convoy For Families In "
    head += "The Northern Villages After Weeks Of Shelling"
    assert body_mask([head, *lines[2:]], [0.12, 0.4, 0.95, 0.01])[0] is False


def test_a_kept_line_under_a_kept_line_is_not_taken_out_as_the_headline() -> None:
    from eventwire.clean.text import page_parts

    lines = [
        "High School Roundup: Viera defeats Rockledge to stay unbeaten",
        "Published 2:16 AM EST Nov 20, 2019",
        "GIRLS BASKETBALL",
        "Palm Bay d. Rockledge 70-44",
        "Palm Bay 18 22 13 17 — 70",
        "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Moore 3.",
    ]
    parts = page_parts(lines, [False, False, True, True, True, True])
    assert parts.body == tuple(lines[2:])
    assert parts.title == lines[0]
    # A kept headline right above the body, under nothing kept, is still the title.
    parts = page_parts(lines, [False, False, False, False, True, True])
    assert parts.title == lines[4]
    assert parts.body == (lines[5],)


def test_a_reviews_fact_line_beside_its_first_paragraph_is_kept() -> None:
    from eventwire.clean.text import body_mask, page_parts

    facts = "Tested by: Sana Ahmed RRP: £23.99 More info: www.example.com"
    review = (
        "I have worked on my own bikes since I was 17, but this is my first manual of this kind."
    )
    lines = ["Workshop manual review", "13/06/2014 Tony Carter Books", facts, review, "Advert"]
    keep = body_mask(lines, [0.01, 0.01, 0.02, 0.95, 0.1])
    assert keep == [False, False, True, True, False]
    # Kept, it is no headline either: a headline gives no web address.
    assert page_parts(lines, keep).body == (facts, review)
    # A page's own fields name no price: a date line stays out.
    dated = "Published: Nov. 19, 2019 Updated: Nov. 19, 2019, 7:10 p.m."
    assert body_mask([dated, review], [0.02, 0.95]) == [False, True]


def test_a_bare_news_label_heads_no_list_of_stories() -> None:
    from eventwire.clean.text import body_mask

    menu = ["News", "Bikes for sale", "Back Street Heroes", "Motor Cycle Monthly"]
    article = [_SENTENCE.format("two"), _SENTENCE.format("three")]
    line = "Tested by: Sana Ahmed, workshop editor"
    keep = body_mask([*menu, line, *article], [0.01, 0.01, 0.01, 0.01, 0.6, 0.95, 0.95])
    assert keep == [False] * 4 + [True] * 3


def test_with_nothing_kept_the_pages_sentences_are_kept_not_its_long_lines() -> None:
    from eventwire.clean.text import page_mask

    tags = "alerta ambiente amizade atendimento biblioteca caminhada campanha capacitacao carnaval"
    meta = "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad veiculo"
    lines = ["Home", tags, "Headline of the day", meta, _SENTENCE.format("three"), "Voltar"]
    assert page_mask(lines, [0.0] * 6) == [False, False, False, False, True, False]
    # With no sentence at all, the sentence-length lines are what there is.
    assert page_mask(lines[:4], [0.0] * 4) == [False, True, False, True]


def test_a_comment_count_heading_or_a_commenter_over_a_date_ends_the_body() -> None:
    from eventwire.clean.text import body_mask

    comment = "It is a good thing we have no fans left because this is a real dumpster fire."
    article = [_SENTENCE.format("two"), _SENTENCE.format("three")]
    counted = [*article, "34 responses to “We needed to win this game”", comment]
    assert body_mask(counted, [0.9, 0.9, 0.01, 0.9]) == [True, True, False, False]
    named = [*article, "joetoronto says:", "November 19, 2019 at 6:44 am", comment]
    assert body_mask(named, [0.9, 0.9, 0.5, 0.01, 0.9]) == [True, True, False, False, False]
    # A speaker's lead-in with no date under it is the article's.
    quoted = [*article, "The minister says:", comment]
    assert body_mask(quoted, [0.9, 0.9, 0.5, 0.9]) == [True] * 4


def test_tag_lines_and_the_tags_under_a_tags_heading_are_never_kept() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format("two"), _SENTENCE.format("three")]
    for tag in ("Tags Kristi Noem South Dakota", "In This Article: Doobie Brothers, VSRock"):
        assert body_mask([*article, tag], [0.9, 0.9, 0.4]) == [True, True, False]
    headed = [*article, "Tags:", "Minnesota Wild", "Bill Hoppe"]
    assert body_mask(headed, [0.9, 0.9, 0.4, 0.3, 0.3]) == [True, True] + [False] * 3
    # A sentence that opens with the word is the article's.
    topics = "Topics such as the siege of the town were left out of the talks on Monday."
    assert body_mask([*article, topics], [0.9, 0.9, 0.4]) == [True] * 3


def test_an_embedded_posts_text_the_classifier_doubts_is_kept_with_its_credit() -> None:
    from eventwire.clean.text import body_mask

    post = "Our convoy reached the town with food for 3,000 families. pic.twitter.com/x"
    credit = "— Aid Agency (@aidagency) November 18, 2019"
    lines = [_SENTENCE.format("two"), post, credit, _SENTENCE.format("three"), "Related"]
    assert body_mask(lines, [0.9, 0.1, 0.05, 0.9, 0.01]) == [True] * 4 + [False]


def test_a_note_on_the_writer_under_the_article_is_dropped_with_the_name_above() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format("two"), _SENTENCE.format("three")]
    note = ["Phil Helsel", "Phil Helsel is a reporter for NBC News."]
    assert body_mask([*article, *note], [0.9, 0.9, 0.5, 0.9]) == [True, True, False, False]
    # Inside the article the same words report on someone.
    witness = "Rana Haddad is a reporter for a local radio station and saw the strike herself."
    lines = [article[0], witness, article[1]]
    assert body_mask(lines, [0.9, 0.9, 0.9]) == [True] * 3


def test_a_block_far_from_the_article_is_dropped_however_large_and_sure() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format(n) for n in ("two", "three", "four", "five")]
    rules = [
        "Users are obliged to speak respectfully to the other participants in the discussion.",
        "The administration has the right to delete comments made in other languages.",
        "A user comment will be deleted if it does not correspond with the subject.",
        "In all language versions of the websites any comments posted can be edited.",
    ]
    far = [*article, *["Advertisement"] * 20, *rules]
    keep = body_mask(far, [0.9] * 4 + [0.0] * 20 + [0.9] * 4)
    assert keep == [True] * 4 + [False] * 24
    # Closer by, past an ad or a photo block, it is the article's next part.
    near = [*article, *["Advertisement"] * 8, *rules]
    assert (
        body_mask(near, [0.9] * 4 + [0.0] * 8 + [0.9] * 4) == [True] * 4 + [False] * 8 + [True] * 4
    )


def test_a_box_under_a_list_heading_inside_the_article_is_dropped_questions_too() -> None:
    from eventwire.clean.text import body_mask

    article = [_SENTENCE.format(n) for n in ("two", "three", "four", "five")]
    box = [
        "EDITOR'S PICKS",
        "Who are Hayat Tahrir al-Sham?",
        "Five things to know about the war in Syria",
        "Analysis: Can Damascus hold the north?",
    ]
    lines = [*article[:2], *box, *article[2:]]
    keep = body_mask(lines, [0.9, 0.9, 0.2, 0.3, 0.2, 0.5, 0.9, 0.9])
    assert keep == [True, True, False, False, False, False, True, True]


def test_a_line_the_classifier_gives_a_fair_chance_under_the_article_is_kept() -> None:
    from eventwire.clean.text import THRESHOLD, body_mask

    lines = [_SENTENCE.format("two"), "Aid agencies said they would return once the roads reopen."]
    assert THRESHOLD <= 0.17
    assert body_mask(lines, [0.9, 0.17]) == [True, True]
    assert body_mask(lines, [0.9, 0.1]) == [True, False]
