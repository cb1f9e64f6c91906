"""Plain-text scrapes: section label, headline and body lines, furniture dropped."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.clean import furniture
from eventwire.clean.headline import (
    body_words,
    dateline,
    section_label,
    slug_words,
    title_index,
    without_byline,
)
from eventwire.clean.linemodel import body_probabilities
from eventwire.clean.lines import (
    FUNCTION_WORDS,  # the features' list
    addresses_reader,
    split_lines,
)

THRESHOLD = 0.15  # body probability from which a line is kept (all-pages CV: F1 and lost best)
STRAY_MARGIN = 1  # lines: a short non-sentence kept further than this outside the article
STRAY_SURE = 0.8  # ... is dropped unless its body probability is at least this
STRAY_WORDS = 25  # ... and only when it is this short (a link text, a label)
SPAN_WORDS = 20  # a sentence line this long inside the kept article is kept ...
SPAN_FLOOR = 0.005  # ... unless the classifier is this sure it is not body
CLIMB_OVER = 1  # kept lines the climb to the opening paragraphs passes over (step 3a)
UNSTOPPED_CAPITALS = 0.4  # a paragraph without a final stop has at most this share of
UNSTOPPED_FUNCTION = 0.2  # capitalised words and at least this share of function words
TEASER_PAIRS = 3  # headline + one-paragraph summary pairs in a row that make a teaser list
TEASER_APART = 3  # ... dropped when it is at least this many lines from the article's paragraphs
APPEAL_WORDS = 45  # a promo line addressed to the reader, up to this long, at the article's
APPEAL_NEAR = 3  # edge (no paragraph within this many lines on one side) is dropped
SATELLITE_APART = 7  # lines: a small group of kept lines this far from the article ...
SATELLITE_LINES = 3  # ... of at most this many lines ...
SATELLITE_SHARE = 0.3  # ... and at most this share of the article's words is dropped
SATELLITE_FAR = 10  # ... even when the classifier is sure of it, from this many lines away
BLOCK_APART = 15  # lines: kept lines this far from the article's groups are none of it
FACT_WORDS = 30  # a review's fact line (fields with a price) is at most this long
_LIST_ITEMS = 3  # a numbered list beside the article is kept from this many items ...
_LIST_NEAR = 3  # ... when a kept sentence is at most this many lines from its ends
_UNIFORM_ITEMS = 4  # lines of one shape with a number in it (dates, scores) right under a
# kept sentence are a list the article gives (a schedule, a table) from this many on
_NUMBERED = re.compile(r"^\W{0,2}(\d{1,2})(?:[aªº°]|st|nd|rd|th)?[).:–-]?\s+\S")
_FOOTNOTE = re.compile(r"^\s*[*†‡]\s*\w")  # "* Calendar subject to change", "† Estimated"
FOOTNOTE_WORDS = 40  # a list's footnote is at most this long
_COMMENTS = re.compile(
    r"^\W*(leave a (reply|comment)|post a comment|add (a|your) comment"
    r"|join the (discussion|conversation)|(show|view|load) (all )?comments|reader comments"
    # the same prompts of blog software in other languages (it, pt, es, fr, de, id)
    r"|lascia (un commento|una risposta)|deix[ae] (uma resposta|um comentário|seu comentário)"
    r"|deja (un comentario|una respuesta)|laisser (un commentaire|une réponse)"
    r"|(hinterlasse|schreibe) einen kommentar|tinggalkan (komentar|balasan))\W*$"
    r"|^.{0,80}\b(19|20)\d\d\b.{0,30}\b(said|says|wrote|writes):\s*$"
    # a count of them over the first ("34 responses to “Title”", "12 thoughts on …")
    r"|^\d{1,5} (responses?|comments?|thoughts?|replies|reactions?) (to|on)\s",
    re.I,
)
# A commenter's name over the date of the comment, on two lines: "joetoronto says:".
_COMMENTER = re.compile(r"^\S.{0,40}\b(said|says|wrote|writes):$", re.I)
_DATE_LOOKBACK = 6  # lines under the headline searched for the publication date
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"((?-i:[A-Z])[\w&'’ -]{1,40}?)\s*(?:[.,|]|all rights|$)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TextParts:
    """A scraped page split into what the article is made of."""

    body: tuple[str, ...]
    title: str | None = None
    section: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


def clean_text_page(text: str, url: str | None = None) -> TextParts:
    """Split a scraped page into section, title and the body lines worth keeping (`url`:
    the page's address, when known, whose slug may name the headline)."""
    lines = split_lines(text)
    if not lines:
        return TextParts(body=())
    return page_parts(lines, page_mask(lines), url)


def page_parts(lines: list[str], keep: list[bool], url: str | None = None) -> TextParts:
    """The page's parts from its lines and which of them are kept: the headline above the
    first body line (or the one the URL's slug names) becomes the title (and leaves the
    body), the label above it the section."""
    first = _first_body(lines, keep)
    said = body_words(lines, keep, first)
    title_at = title_index(lines, first, keep, said, slug_words(url))
    headline = lines[title_at] if title_at is not None else None
    section = section_label(lines, title_at)
    body = tuple(
        line
        for i, (line, kept) in enumerate(zip(lines, keep, strict=True))
        if kept and i != title_at and line != headline
    )
    title = without_byline(headline, said) if headline is not None else None
    dropped = [line for line, kept in zip(lines, keep, strict=True) if not kept]
    head = lines[(title_at or 0) : first][:_DATE_LOOKBACK]  # between headline and body
    return TextParts(
        body=body, title=title, section=section, outlet=_outlet(dropped), published=dateline(head)
    )


def _first_body(lines: list[str], keep: list[bool]) -> int:
    """Where the body starts: the first kept sentence (a kept headline above it is the title)."""
    kept = [i for i, k in enumerate(keep) if k]
    if not kept:
        return len(lines)
    return next((i for i in kept if furniture.is_prose(lines[i])), kept[0])


def page_mask(
    lines: list[str], probs: list[float] | None = None, threshold: float = THRESHOLD
) -> list[bool]:
    """For each line, whether it is article body (`probs`: the classifier's, when known)."""
    if is_clean_text(lines):
        keep = [not _surely_furniture(line) for line in lines]
    else:
        keep = body_mask(lines, body_probabilities(lines) if probs is None else probs, threshold)
    if not any(keep):
        # Nothing reads like an article page: keep whatever sentences there are, else
        # whatever sentence-length lines (a tag cloud, a meta line are long too).
        keep = [furniture.is_prose(line) and not _surely_furniture(line) for line in lines]
        if not any(keep):
            keep = [furniture.words(line) >= 8 and not _surely_furniture(line) for line in lines]
    # Date lines above the first sentence belong to the page head, not the body.
    for i, line in enumerate(lines):
        if furniture.is_prose(line):
            break
        if keep[i] and furniture.words(line) <= 10 and dateline([line]) is not None:
            keep[i] = False
    return keep


def body_mask(lines: list[str], probs: list[float], threshold: float = THRESHOLD) -> list[bool]:
    """Lines kept from the classifier's probabilities, then the recall guards below."""
    keep = [
        p >= threshold and not _surely_furniture(line) for p, line in zip(probs, lines, strict=True)
    ]
    keep = fill_prose_gaps(lines, keep)
    keep = drop_stray_non_sentences(lines, keep, probs)
    keep = keep_sentences_in_span(lines, keep, probs)
    keep = extend_span(lines, keep, probs)
    keep = drop_teaser_lists(lines, keep)
    keep = [k and not _never_kept(line) for k, line in zip(keep, lines, strict=True)]
    keep = keep_numbered_lists(lines, keep, anywhere=max(probs, default=0.0) < STRAY_SURE)
    keep = keep_uniform_lists(lines, keep)
    keep = keep_lead_ins(lines, keep)
    keep = keep_post_credits(lines, keep)
    keep = keep_fact_lines(lines, keep)
    keep = cut_at_comments(lines, keep)
    keep = drop_satellites(lines, keep, probs)
    keep = drop_far_blocks(lines, keep)
    keep = drop_appeals(lines, keep)
    keep = drop_author_notes(lines, keep)
    keep = drop_teaser_cards(lines, keep)
    return drop_headed_lists(lines, keep)


_CUT_SHORT = re.compile(r"(\.\.|…)\s*$")  # a teaser's text cut short: "… 그가 뜨..", "… Ass..."
# A card's headline glued to its summary's dateline: "Man pleads guilty in US NEW YORK: An …".
_GLUED_DATELINE = re.compile(
    r"^.{15,200}?[a-z’'\"”?!)\d] [A-Z][A-Z.]+(?: [A-Z][A-Z.]+){0,3}(?:,[^:]{0,30})?: [A-Z]"
)
CARD_RUN = 3  # headlines glued to a dateline this many times in a row make a list of cards
QUESTION_WORDS = 15  # a headline that asks is at most this long
# A heading of a list of other stories by its words ("Ryan Reed's Most Recent Stories",
# "Most read in world news", "More Sports News"), beyond LIST_HEADING's fixed ones.
_STORIES_HEADING = re.compile(
    r"^\W*(?:.{0,50}\b(?:stories|news|articles|posts|videos|headlines)"
    r"|most (?:read|popular|viewed|shared|commented|recent)\b.{0,40}"
    r"|(?:more|latest|recent) (?:from|on|in)\b.{0,40}"
    # "related stories", "read also" as pages in other languages print them
    r"|материалы по теме|читайте также|по теме|(?:artigos|notícias|posts) relacionad[oa]s"
    r"|leia também|articoli correlati|notizie correlate|(?:artículos|noticias) relacionad[oa]s"
    r"|lee también|articles (?:liés|similaires)|(?:à )?lire aussi|lesen sie auch|mehr zum thema"
    r"|baca juga|berita terkait|関連記事|関連ニュース|관련 ?기사|相关(?:新闻|文章|阅读)"
    r"|推荐阅读)\W*$",
    re.I,
)
# A menu's one-word label ("News", "Videos") names no list of stories.
_BARE_LABEL = re.compile(r"^\W*(?:stories|news|articles|posts|videos|headlines)\W*$", re.I)
# The page's index terms for the article: "Tags: Kristi Noem, South Dakota", "Topics",
# "Filed under: …", "In This Article: …".
_TAGS = re.compile(
    r"^\W*(tags?|topics|related topics|in this (article|story)|filed under|categories"
    r"|category|posted in)\b\s*[:|]?",
    re.I,
)
TAG_WORDS = 25  # a tag line is at most this long
# ... and a heading over them, one a line.
_TAG_HEADING = re.compile(r"^\W*(tags?|topics|related topics|filed under|categories)\W*$", re.I)


def drop_teaser_cards(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop teasers that give themselves away in pairs or runs, wherever they stand.

    Two or more short lines cut short with an ellipsis, at most one line apart (a list of
    truncated headlines or summaries), and CARD_RUN or more lines in a row (at most one line
    apart) that glue a headline to the dateline of its summary ("… in US NEW YORK: An
    Indian-origin man …": a card rendered as one line). An article's own ellipsis or dateline
    comes once.
    """
    cut = [
        i
        for i, x in enumerate(lines)
        if x.endswith(("..", "…")) and _CUT_SHORT.search(x) and furniture.words(x) <= 25
    ]
    cards = [i for i, x in enumerate(lines) if ": " in x[:250] and _GLUED_DATELINE.match(x[:300])]
    out = list(keep)
    for hits, least in ((cut, 2), (cards, CARD_RUN)):
        for group in _close_groups(hits):
            if len(group) >= least:
                for i in group:
                    out[i] = False
    return out


def _close_groups(indices: list[int]) -> list[list[int]]:
    """Indices grouped where at most one line stands between two."""
    groups: list[list[int]] = []
    for i in indices:
        if groups and i - groups[-1][-1] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


# A call on readers to contribute ("Submit Photos and Videos", "Send us your news"): a link,
# not the heading of a list of stories.
_CONTRIBUTE = re.compile(r"^\W*(?:submit|send|upload|share)\b", re.I)


def drop_headed_lists(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop a list of other stories under a heading that names them ("Most Recent
    Stories", "More Sports News"): the heading and the headline-shaped lines under it, up to
    the next sentence, when there are two or more."""
    out = list(keep)
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if not (
            len(line) <= 100  # the heading pattern is bounded: a quick test first
            and (
                _STORIES_HEADING.match(line)
                or _TAG_HEADING.match(line)
                or furniture.is_list_heading(line)
            )
            and furniture.words(line) <= 8
            and not _BARE_LABEL.match(line)
            and not furniture.is_prose(line)
            and not _CONTRIBUTE.match(line)
        ):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and not furniture.is_prose(lines[j])
            and (
                furniture.looks_like_headline(lines[j])
                or furniture.words(lines[j]) <= 3
                or _headline_question(lines[j])
            )
        ):
            j += 1
        if j - i >= 3:
            out[i:j] = [False] * (j - i)
        i = j
    return out


def _headline_question(line: str) -> bool:
    """A headline that asks ("Who are Hayat Tahrir al-Sham?"): short, a question mark last."""
    return line.endswith("?") and 2 <= furniture.words(line) <= QUESTION_WORDS


def drop_appeals(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop appeals written as prose at the article's edges ("Sign up for our newsletter
    and …", "Get the magazine delivered through your letterbox … Click here …").

    A promo phrase in a line that speaks to the reader (you, your, we, our), with a
    paragraph of the article on one side only: the article's own sentences that mention a
    subscription stand between its paragraphs.
    """
    paragraph = [
        k and furniture.is_prose(line) and furniture.words(line) >= 15
        for k, line in zip(keep, lines, strict=True)
    ]
    out = list(keep)
    for i, line in enumerate(lines):
        if not keep[i] or furniture.words(line) > APPEAL_WORDS:
            continue
        if any(paragraph[max(0, i - APPEAL_NEAR) : i]) and any(
            paragraph[i + 1 : i + 1 + APPEAL_NEAR]
        ):
            continue  # between paragraphs: the article's own sentence
        if furniture.PROMO.search(line) and addresses_reader(line):
            out[i] = False
    return out


# A note on the writer under an article: "Phil Helsel is a reporter for NBC News.", "Louise
# Matsakis is a Staff Writer at WIRED covering …": a name (two to four capitalised words)
# that is, writes or covers, a newsroom role within a few words.
_AUTHOR_NOTE = re.compile(
    r"^(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) (?:is|writes|covers)\b.{0,60}?"
    r"\b(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|curator"
    r"|producer|blogger)s?\b",
    re.I,
)
NOTE_WORDS = 60  # an author note is at most this long


def drop_author_notes(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop notes on the writer at the article's foot, with the name line right above.

    Only below the article's last paragraph (a kept sentence of 15 words or more that is no
    such note): inside the article the same words report on someone.
    """
    out = list(keep)
    for i in reversed(range(len(lines))):
        line = lines[i]
        if not keep[i] or not furniture.is_prose(line):
            continue
        if furniture.words(line) > NOTE_WORDS or not _AUTHOR_NOTE.match(line):
            if furniture.words(line) >= 15:
                break  # the article's last paragraph
            continue
        out[i] = False
        name = lines[i - 1] if i > 0 else ""
        if i > 0 and keep[i - 1] and 2 <= furniture.words(name) <= 4 and line.startswith(name):
            out[i - 1] = False
    return out


def drop_satellites(lines: list[str], keep: list[bool], probs: list[float]) -> list[bool]:
    """Drop small groups of kept lines that stand apart from the article.

    Kept lines with at most one other line between them form a group; the group with the
    most words is the article. A teaser, an appeal or a cookie notice the classifier lets
    through stands alone, SATELLITE_APART lines or more away, with a few lines and few words
    (SATELLITE_LINES, SATELLITE_SHARE of the article's); the article's own paragraphs follow
    one another. Lines the classifier is sure of (STRAY_SURE) stay unless SATELLITE_FAR lines
    or more from every group too large to be a satellite: the article's last paragraphs
    after a box of links inside it are nearer, and so are its opening paragraphs when ads or
    photos cut it into several large groups; an appeal ("We do this work every day at no
    cost to you …") or a teaser's summary further off reads as surely as the article.
    """
    groups = _close_groups([i for i, k in enumerate(keep) if k])
    if len(groups) < 2:
        return keep
    size = [sum(furniture.words(lines[i]) for i in group) for group in groups]
    main = max(range(len(groups)), key=size.__getitem__)
    small = [
        len(group) <= SATELLITE_LINES and words <= SATELLITE_SHARE * size[main]
        for group, words in zip(groups, size, strict=True)
    ]
    # Every group too large to be a satellite is the article's: ads, photos and their
    # captions between paragraphs cut an article into several.
    large = [group for group, tiny in zip(groups, small, strict=True) if not tiny]
    out = list(keep)
    for group, tiny in zip(groups, small, strict=True):
        if not tiny or _apart(group, groups[main]) < SATELLITE_APART:
            continue
        if (
            all(probs[i] < STRAY_SURE for i in group)
            or min(_apart(group, part) for part in large) >= SATELLITE_FAR
        ):
            for i in group:
                out[i] = False
    return out


def drop_far_blocks(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop kept lines far from the article, whatever their size.

    The article is the group of kept lines with the most words (at most one line between
    two lines of a group) and the groups chained to it with gaps of fewer than BLOCK_APART
    lines; a block further off (a site's community rules, a disclaimer, a support appeal,
    a column of other stories with their summaries) is no part of it, however surely the
    classifier reads it. An article's own parts stand closer: ads, photos and link boxes
    between them are shorter.
    """
    groups = _close_groups([i for i, k in enumerate(keep) if k])
    if len(groups) < 2:
        return keep
    size = [sum(furniture.words(lines[i]) for i in group) for group in groups]
    first = last = max(range(len(groups)), key=size.__getitem__)
    while first > 0 and _apart(groups[first - 1], groups[first]) < BLOCK_APART:
        first -= 1
    while last + 1 < len(groups) and _apart(groups[last], groups[last + 1]) < BLOCK_APART:
        last += 1
    out = list(keep)
    for group in groups[:first] + groups[last + 1 :]:
        for i in group:
            out[i] = False
    return out


def _apart(group: list[int], other: list[int]) -> int:
    """Lines from one group of line indices to another (both in order, not overlapping)."""
    return other[0] - group[-1] if group[-1] < other[0] else group[0] - other[-1]


def cut_at_comments(lines: list[str], keep: list[bool]) -> list[bool]:
    """Nothing after the start of a comment section below the first kept sentence is body.

    Readers' comments are prose the classifier keeps; their section opens with a prompt
    (*Leave a reply*, *Join the discussion*, *View comments*) or a dated header over the
    first one ("Alex on September 17, 2018 at 6:34 am said:").
    """
    start = next((i for i, k in enumerate(keep) if k and furniture.is_prose(lines[i])), None)
    if start is None:
        return keep
    for i in range(start + 1, len(lines)):
        if furniture.words(lines[i]) <= 20 and (_COMMENTS.search(lines[i]) or _commenter(lines, i)):
            return [k and j < i for j, k in enumerate(keep)]
    return keep


def _commenter(lines: list[str], i: int) -> bool:
    """A commenter's name over the comment's date ("joetoronto says:" / "November 19, 2019
    at 6:34 am"): the head of a reader's comment on two lines."""
    return (
        furniture.words(lines[i]) <= 6
        and bool(_COMMENTER.match(lines[i]))
        and i + 1 < len(lines)
        and furniture.words(lines[i + 1]) <= 10
        and dateline([lines[i + 1]]) is not None
    )


def drop_stray_non_sentences(lines: list[str], keep: list[bool], probs: list[float]) -> list[bool]:
    """Drop kept short non-sentences that lie away from the article.

    The article runs from the first to the last kept sentence, widened by the unbroken runs
    of kept lines joined to either end (a list or a sign-off under the last paragraph).
    Link texts, labels and teaser headlines more than STRAY_MARGIN lines outside it are
    furniture unless the classifier is sure of them. Long lines stay, full stop or not.
    """
    kept = [i for i, k in enumerate(keep) if k and _sentence(lines[i])]
    if not kept:
        return keep
    first, last = kept[0], kept[-1]
    while first > 0 and keep[first - 1]:
        first -= 1
    while last + 1 < len(keep) and keep[last + 1]:
        last += 1
    first, last = first - STRAY_MARGIN, last + STRAY_MARGIN
    return [
        k and (first <= i <= last or p >= STRAY_SURE or not _link_shaped(line))
        for i, (k, p, line) in enumerate(zip(keep, probs, lines, strict=True))
    ]


def _link_shaped(line: str) -> bool:
    return not _sentence(line) and furniture.words(line) <= STRAY_WORDS


_COUNT_END = re.compile(r"\(\d[\d,.]*\)$")


def _sentence(line: str) -> bool:
    """A full sentence; a link text ending in a count ("… lost my cool (142)") is none."""
    return furniture.is_prose(line) and not _COUNT_END.search(line)


def keep_sentences_in_span(lines: list[str], keep: list[bool], probs: list[float]) -> list[bool]:
    """Keep long well-formed sentence lines between the first and last kept sentence.

    A paragraph the classifier doubts (quotes, a sentence with web words in it) that sits
    inside the article is the article, even with a caption or a subheading beside it.
    """
    kept = [i for i, k in enumerate(keep) if k and furniture.is_prose(lines[i])]
    out = list(keep)
    for i in range(kept[0], kept[-1]) if kept else ():
        line = lines[i]
        if (
            not keep[i]
            and probs[i] >= SPAN_FLOOR
            and furniture.words(line) >= SPAN_WORDS
            and furniture.is_prose(line)
            and furniture.furniture_reason(line) is None
        ):
            out[i] = True
    return out


def extend_span(lines: list[str], keep: list[bool], probs: list[float]) -> list[bool]:
    """Keep long sentence lines that run, with nothing between, up into the first kept
    sentence: the article's opening paragraphs, doubted by the classifier.

    The climb passes over one kept line (a short line of the article's top, already kept)
    and takes paragraphs a writer left without a final stop (_unstopped_paragraph). Only
    upwards: under the last paragraph come author notes, disclaimers and appeals written as
    prose, which the classifier has good reason to doubt.
    """
    kept = [i for i, k in enumerate(keep) if k and furniture.is_prose(lines[i])]
    out = list(keep)
    i = kept[0] - 1 if kept else -1
    passed = 0
    while i >= 0:
        if out[i]:
            passed += 1
            if passed > CLIMB_OVER:
                break
        elif not (
            _doubted_paragraph(lines[i], probs[i]) or _unstopped_paragraph(lines[i], probs[i])
        ):
            break
        out[i] = True
        i -= 1
    return out


_WORDS = re.compile(r"[^\W_]+")


def _unstopped_paragraph(line: str, prob: float) -> bool:
    """A paragraph without its final stop ("Chelsea have this morning paid the £71.6million
    fee … of Athletic Bilbao keeper Kepa Arrizabalaga"): long, opening with a capital,
    ending in a word, mostly lower-case words (a headline capitalises them) and a share of
    function words of running text; the classifier not sure it is furniture."""
    if prob < SPAN_FLOOR or not line[:1].isupper() or not line[-1:].isalnum():
        return False
    found = _WORDS.findall(line)
    n = len(found)
    if n < SPAN_WORDS or furniture.furniture_reason(line) is not None or furniture.URL.search(line):
        return False
    capitals = sum(1 for w in found if w[:1].isupper())
    function = sum(1 for w in found if w.lower() in FUNCTION_WORDS)
    return capitals <= UNSTOPPED_CAPITALS * n and function >= UNSTOPPED_FUNCTION * n


def _doubted_paragraph(line: str, prob: float) -> bool:
    """A long well-formed sentence line the classifier is not sure is furniture."""
    return (
        prob >= SPAN_FLOOR
        and furniture.words(line) >= SPAN_WORDS
        and furniture.is_prose(line)
        and furniture.furniture_reason(line) is None
    )


def drop_teaser_lists(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop teaser lists (headline, one-paragraph summary, headline, summary …) away from
    the article.

    Each summary reads as body on its own; what gives the list away is its shape: a
    paragraph with a headline above it and no paragraph under it, TEASER_PAIRS times in a
    row. An article's paragraphs follow one another, so a list is dropped only when kept
    paragraphs elsewhere do (the article) and it stands TEASER_APART lines or more from them.
    """
    runs = teaser_runs(lines)
    if not runs:
        return keep
    inside = [False] * len(lines)
    for first, last in runs:
        inside[first : last + 1] = [True] * (last + 1 - first)
    paragraph = [
        k and not t and furniture.is_prose(x) for k, t, x in zip(keep, inside, lines, strict=True)
    ]
    core = [
        i
        for i, p in enumerate(paragraph)
        if p and ((i > 0 and paragraph[i - 1]) or (i + 1 < len(lines) and paragraph[i + 1]))
    ]
    out = list(keep)
    for first, last in runs:
        if core and min(first - c if c < first else c - last for c in core) >= TEASER_APART:
            out[first : last + 1] = [False] * (last + 1 - first)
    return out


def teaser_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) of each run of TEASER_PAIRS or more headline + single-summary pairs.

    Up to two short lines (a date, a byline) may stand between one pair and the next.
    Numbered lines and lines with a URL are list items, not teasers.
    """
    n = len(lines)
    prose = [furniture.is_prose(x) for x in lines]
    kinds: dict[int, str] = {}  # looked up only beside prose lines: most lines never are

    def kind(i: int) -> str:
        if i not in kinds:
            line = lines[i]
            if _ordinal(line) is not None or furniture.URL.search(line):
                kinds[i] = "item"
            elif _teaser_headline(line):
                kinds[i] = "headline"
            else:
                kinds[i] = "summary" if prose[i] else "other"
        return kinds[i]

    def summary(i: int) -> bool:
        return i < n and prose[i] and kind(i) == "summary"

    def pair_at(i: int) -> bool:
        return summary(i + 1) and kind(i) == "headline" and not summary(i + 2)

    runs = []
    i = 0
    while i < n:
        pairs, j = 0, i
        while pair_at(j):
            pairs += 1
            k = j + 2
            while k < min(j + 4, n) and kind(k) == "other" and furniture.words(lines[k]) <= 6:
                k += 1
            if not pair_at(k):
                break
            j = k
        if pairs >= TEASER_PAIRS:
            runs.append((i, j + 1))
            i = j + 2
        else:
            i += 1
    return runs


def _teaser_headline(line: str) -> bool:
    """A headline, or a headline cut short with an ellipsis as teaser lists print them."""
    n = furniture.words(line)
    cut = line.endswith(("...", "…")) and n <= 25
    return n >= 3 and (furniture.looks_like_headline(line) or cut)


_READ_ON = re.compile(r"\b(read more|continue reading)\W{0,3}$", re.I)


def _never_kept(line: str) -> bool:
    """Image credits, captions, announced links ("Related: …"), desk credits ("Reporting
    by …") and teasers cut with "Read more" are furniture wherever they stand."""
    return (
        furniture.furniture_reason(line) in {"image credit", "inline link", "desk credit"}
        or furniture.is_caption(line)
        or bool(_READ_ON.search(line[-40:]))
        or _tag_line(line)
    )


def _tag_line(line: str) -> bool:
    """A line of index terms ("Tags: Kristi Noem, South Dakota"), not a sentence."""
    return (
        furniture.words(line) <= TAG_WORDS
        and bool(_TAGS.match(line))
        and not furniture.is_prose(line)
    )


def keep_numbered_lists(lines: list[str], keep: list[bool], anywhere: bool = False) -> list[bool]:
    """Keep a numbered list (1, 2, 3 … counting up) that starts or ends beside kept sentences.

    Schedules, rankings and product lists inside an article are body, though each item reads
    like a link; a list under a heading such as *Most read* is not. With `anywhere` (the
    classifier is sure of no line on the page: a race calendar or a ranking, a page that is
    a list with no sentence to read as an article) an unheaded list is kept wherever it
    stands. The footnotes right under a kept list's last item ("* Calendar subject to
    change") are the list's.
    """
    numbers = [_ordinal(line) for line in lines]
    out = list(keep)
    i = 0
    while i < len(lines):
        run = _counting_run(numbers, i)
        if len(run) < _LIST_ITEMS:
            i += 1
            continue
        first, last = run[0], run[-1]
        beside = range(max(0, first - _LIST_NEAR), min(len(lines), last + _LIST_NEAR + 1))
        headed = any(furniture.is_list_heading(lines[k]) for k in range(max(0, first - 3), first))
        if not headed and (
            anywhere or any(keep[k] and furniture.is_prose(lines[k]) for k in beside)
        ):
            for k in run + _footnotes(lines, last):
                out[k] = out[k] or not _surely_furniture(lines[k])
        i = last + 1
    return out


def _footnotes(lines: list[str], last: int) -> list[int]:
    """The lines right under a list's last item that mark themselves as its notes ("*", "†")."""
    notes = []
    k = last + 1
    while (
        k < len(lines) and _FOOTNOTE.match(lines[k]) and furniture.words(lines[k]) <= FOOTNOTE_WORDS
    ):
        notes.append(k)
        k += 1
    return notes


def keep_uniform_lists(lines: list[str], keep: list[bool]) -> list[bool]:
    """Keep a list of same-shaped dated or counted lines that starts just under a kept sentence.

    Tour dates ("June 10 – Tampa, FL @ …"), fixtures and table rows read like link texts one
    by one; _UNIFORM_ITEMS or more lines whose first three tokens have one shape with a
    number in it (with at most one other line between two), starting within _LIST_NEAR lines
    under a kept sentence, are the article's list, as numbered lists are; not with a list
    heading (*Most read*) above or among them.
    """
    shapes: dict[int, str | None] = {}

    def shape(i: int) -> str | None:
        if i not in shapes:
            shapes[i] = _shape(lines[i])
        return shapes[i]

    out = list(keep)
    done = -1  # lines up to here belong to a list already looked at
    for anchor in (i for i, k in enumerate(keep) if k and furniture.is_prose(lines[i])):
        for first in range(max(anchor + 1, done + 1), min(len(lines), anchor + 1 + _LIST_NEAR)):
            run = _same_shape_run(shape, first, len(lines))
            if len(run) < _UNIFORM_ITEMS:
                continue
            last = run[-1]
            if not any(furniture.is_list_heading(lines[k]) for k in range(anchor + 1, last)):
                for k in run:
                    out[k] = out[k] or not _surely_furniture(lines[k])
            done = last
            break
    return out


_SHAPE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def _shape(line: str) -> str | None:
    """The shape of a line's first three tokens (word a, number 9, sign as is) if one is a
    number, else None: "June 10 – Tampa" and "July 2 – Uncasville" are both "a9–"."""
    tokens = _SHAPE_TOKEN.findall(line[:80])[:3]
    shape = "".join("9" if t.isdigit() else "a" if t[0].isalpha() else t for t in tokens)
    return shape if len(tokens) == 3 and "9" in shape else None


def _same_shape_run(shape: Callable[[int], str | None], start: int, n: int) -> list[int]:
    """Lines from `start` of its shape, with at most one other line between two."""
    first = shape(start)
    if first is None:
        return []
    run = [start]
    j = start + 1
    while j < n and j - run[-1] <= 2:
        if shape(j) == first:
            run.append(j)
        j += 1
    return run


def _ordinal(line: str) -> int | None:
    match = _NUMBERED.match(line)
    return int(match.group(1)) if match else None


def _counting_run(numbers: list[int | None], start: int) -> list[int]:
    """Lines from `start` numbered n, n+1, n+2 … with at most one other line between two."""
    expected = numbers[start]
    if expected is None:
        return []
    run = [start]
    j = start + 1
    while j < len(numbers) and j - run[-1] <= 2:
        number = numbers[j]
        if number is not None:
            if number != expected + 1:
                break
            expected = number
            run.append(j)
        j += 1
    return run


def keep_lead_ins(lines: list[str], keep: list[bool]) -> list[bool]:
    """Keep a sentence that ends in a colon right after a kept sentence (it leads into a
    quote, a list or an embedded post: "Witnesses described the scene:")."""
    out = list(keep)
    for i in range(1, len(lines)):
        line = lines[i]
        if (
            not keep[i]
            and line.endswith(":")
            and furniture.words(line) >= 5
            and keep[i - 1]
            and furniture.is_prose(lines[i - 1])
            and furniture.furniture_reason(line) is None
        ):
            out[i] = True
    return out


# The signature an embedded post prints under its text: "— Digital Foundry (@digitalfoundry)
# November 18, 2019" (Twitter), "A post shared by Name (@handle) on Nov 18, 2019 at …".
_POST_CREDIT = re.compile(
    r"^(?:[—–-]{1,2} ?|a post shared by ).{0,60}\(@\w{1,30}\)(?: on)? "
    r"(?:[a-z]{3,9}\.? \d{1,2}, (?:19|20)\d\d|\d{1,2} [a-z]{3,9} (?:19|20)\d\d)\b.{0,30}$",
    re.I,
)


POST_WORDS = 5  # an embedded post's text above its credit line has at least this many words


def _post_text(lines: list[str], keep: list[bool], i: int) -> bool:
    """Line i is the text of a post the article quotes, which the classifier doubts: a
    kept sentence of the article right above it, nothing of the page's own in it."""
    return (
        i >= 1
        and keep[i - 1]
        and furniture.is_prose(lines[i - 1])
        and furniture.words(lines[i]) >= POST_WORDS
        and furniture.furniture_reason(lines[i]) is None
    )


def keep_post_credits(lines: list[str], keep: list[bool]) -> list[bool]:
    """Keep the credit line of a post the article embeds ("— Name (@handle) November 18,
    2019") under its kept text: the article quotes the post, the credit says whose it is.
    The post's text the classifier doubts is kept with its credit when a kept sentence of
    the article stands right above it."""
    out = list(keep)
    for i in range(1, len(lines)):
        if len(lines[i]) > 160 or not _POST_CREDIT.match(lines[i]):
            continue
        if keep[i - 1]:
            out[i] = True
        elif _post_text(lines, keep, i - 1):
            out[i - 1] = out[i] = True
    return out


# A review's facts as fields, one of them a price: "Tested by: John Milbank RRP: £23.99 More
# info: www.clymer.co.uk", "Price: $499 | Battery: 10 hours". A page's own fields (Published:,
# Updated:, Source:, Telephone:) name no price.
_FIELD = re.compile(r"(?:^|[\s|•·])[A-Z][\w’' ]{1,20}:\s")
_PRICE = re.compile(r"(?:[£$€]|\b(?:US\$|USD|EUR|GBP) ?)\d")


def keep_fact_lines(lines: list[str], keep: list[bool]) -> list[bool]:
    """Keep a review's fact line (two or more "Label: value" fields, one of them a price)
    next to a kept sentence: the product's facts, which the classifier reads as page
    furniture (a byline, a date line) from their shape."""
    out = list(keep)
    for i, line in enumerate(lines):
        if (
            not keep[i]
            and furniture.words(line) <= FACT_WORDS
            and _PRICE.search(line)
            and len(_FIELD.findall(line)) >= 2
            and any(
                keep[j] and furniture.is_prose(lines[j])
                for j in (i - 1, i + 1)
                if 0 <= j < len(lines)
            )
        ):
            out[i] = True
    return out


def fill_prose_gaps(lines: list[str], keep: list[bool]) -> list[bool]:
    """Keep full sentences that sit between kept lines with nothing but sentences between.

    A paragraph the classifier doubts, in the middle of the article, is still the article.
    """
    out = list(keep)
    kept = [i for i, k in enumerate(keep) if k]
    for a, b in itertools.pairwise(kept):
        gap = range(a + 1, b)
        if 0 < len(gap) <= 3 and all(
            furniture.is_prose(lines[i]) and not _surely_furniture(lines[i]) for i in gap
        ):
            for i in gap:
                out[i] = True
    return out


def _outlet(furniture_lines: list[str]) -> str | None:
    """The site name from a copyright line ("© 2024 Levant Daily. All rights reserved.")."""
    for line in reversed(furniture_lines):
        match = _COPYRIGHT.search(line)
        if match:
            return re.sub(r"\s+\d{4}$", "", match.group(1).strip())
    return None


def is_clean_text(lines: list[str]) -> bool:
    """Article text without page furniture: a few lines, nearly all of them sentences.

    Such input (a jsonl `text`, a pasted article) goes around the page classifier, which
    learnt from whole pages and has nothing to find here.
    """
    if len(lines) <= 2:
        return True
    if any(furniture.furniture_reason(line) for line in lines):
        return False
    short = sum(
        1 for line in lines[1:] if not furniture.is_prose(line) and furniture.words(line) < 12
    )
    return short <= len(lines) // 5


def _surely_furniture(line: str) -> bool:
    """Contact, share and list-heading lines are never body, whatever their surroundings."""
    return furniture.furniture_reason(line) in {"contact line", "share prompt", "list heading"}
