"""The page's head in a plain-text scrape: headline, section label and date line."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

from eventwire.clean import furniture
from eventwire.clean.lines import FUNCTION_WORDS  # the features' list

# Lines above the first body line searched for the headline: twelve, since a byline, a
# dateline, share buttons and a photo with its caption often stand between (training pages).
_HEAD_LOOKBACK = 12
# ... and over this many for one whose words the body takes up (HEADLINE_TAKEN_UP of them):
# a menu of other stories' teasers can stand between (training pages: up to 21 lines).
_HEAD_REACH = 25
HEADLINE_TAKEN_UP = 0.7
UPPER_GAP = 3
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_HEADLINE = 6  # characters of such a script that make a headline as four words do
_CJK_HEADLINE_CHARS = 80  # ... in a line of at most this many characters
# The first body line is the headline when it is at most LEADING_WORDS long, asks or has
# LEADING_CAPITALS of its words of four letters or more capitalised, and is printed twice
# or has a byline or a date line within LEADING_BYLINE lines under it.
LEADING_WORDS = 25
LEADING_CAPITALS = 0.6
LEADING_BYLINE = 2
_LETTERS = re.compile(r"[^\W\d_]+")
_LABEL = re.compile(r"^[A-Z][\w&'’ -]{1,30}$")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTH = rf"(?P<month>{'|'.join(_MONTH_NAMES)})[a-z]*\.?"
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# A clock time or a numeric date with its century: a dateline or timestamp, never a headline.
_STAMP = re.compile(r"\b\d{1,2}:\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d\b")
# A row of share buttons or its toggle ("Facebook Twitter Email LinkedIn Reddit Pinterest",
# "Show more sharing options"), which stands between a headline and its body.
_SHARE_ROW = re.compile(
    r"\bshar(e|ing)\b.{0,30}\boptions\b|^(\W*(share|tweet|e-?mail|print|facebook|twitter"
    r"|linkedin|whatsapp|reddit|pinterest|flipboard|copy link|comments?)\b){2,}\W*$",
    re.I,
)
# A byline without "By": names closed by an agency or a newsroom role ("Tom Davies
# Associated Press", "Greg Beacham, Ap Sports Writer", "Meg Kinnard and Errin Haines, AP").
_CREDIT_BYLINE = re.compile(
    r"^(?!.*\b(?i:with|to|in|of|for|on|at|from|says?|tells?|told)\b)"  # names, not a headline
    r"[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){1,6},?\s+(?i:(the\s+)?(associated press|ap"
    r"|reuters|afp|((ap|afp|reuters)\s+)?(staff|sports|senior|special|contributing)\s+"
    r"(writer|reporter)|correspondent|contributor))$"
)
# A breadcrumb trail ("BLOG > Nutrition > Meal Plans", "You are here: Home » News").
_BREADCRUMB = re.compile(r"^\W*you are here\b|\s[>»›]\s.*\s[>»›]\s", re.I)
_UI_WORDS = re.compile(
    r"^(search|menu|home|log ?in|sign ?in|subscribe|skip to \w+|close|share)$", re.I
)
# A button or link, not a section: a command ("Learn More", "Back to Gallery", "Get short
# URL", "Watch CBSN Live", "Read more", "Sign in") or a menu's own heading ("Sections").
_UI_LABEL = re.compile(
    r"^(?:(?:learn|read|see|view|show|load|get|watch|listen|click|tap|sign|log|join|follow"
    r"|download|subscribe|register|donate|shop|buy|print|e-?mail|share|save|skip|go|return"
    r"|continue|upgrade)\b.*"
    r"|back(?: to\b.*)?|(?:main )?(?:sections|menu|navigation)|more|close|search|share"
    r"|subscribe|home|advertisement)$",
    re.I,
)
_LINK_PROMPT = re.compile(r"^\W*(?:click|tap)\b", re.I)
_MENU_RUN = 3  # short lines right above a label, from which it is one item of a menu
# A page's URL slug often repeats its headline ("…/with-shattered-dreams-deportees-return-
# home-from-us/"): a headline-shaped line holding SLUG_SHARE of the slug's content words is
# the headline, looked for from _HEAD_REACH lines above the first body line to SLUG_BELOW
# under it (a list of other stories the classifier kept can come first). A slug of fewer
# than SLUG_WORDS content words ("/about-bugs/", "/asian-market-latest/") says too little.
SLUG_WORDS = 3
SLUG_SHARE = 0.6
SLUG_BELOW = 10
_SLUG_SEGMENT = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$", re.I)


def dateline(lines: list[str]) -> dt.date | None:
    """A publication date from a short date or byline line between headline and body."""
    for line in lines:
        if furniture.words(line) > 12:
            continue
        match = _ISO_DATE.search(line)
        if match:
            year, month, day = (int(g) for g in match.groups())
        else:
            match = _DAY_MONTH.search(line) or _MONTH_DAY.search(line)
            if not match:
                continue
            parts = match.groupdict()
            month = _MONTHS[parts["month"][:3].lower()]
            year, day = int(parts["year"]), int(parts["day"])
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def body_words(lines: list[str], keep: list[bool], first_body: int) -> set[str]:
    """The content words of the kept lines from the first body line on, stemmed."""
    return {
        _stem(word)
        for i in range(first_body, len(lines))
        if keep[i]
        for word in content_words(lines[i])
    }


# A byline glued to the end of the headline: "… doesn't run at a stable 60fps by Lewis White",
# "… lunar lander program by Jeff Foust — November 18, 2019".
_GLUED_BYLINE = re.compile(
    r"^(?P<headline>.{15,}?)\s+by\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})"
    r"(?:\s*[—–|,-]\s*(?P<stamp>.{4,40}))?$"
)


def without_byline(headline: str, said: set[str]) -> str:
    """The headline without a byline glued to its end: "by" and two or three capitalised
    words (and maybe a date) the body never uses. "Man bitten by Great White" keeps its
    shark, whose name the article repeats."""
    match = _GLUED_BYLINE.match(headline)
    if not match or furniture.words(match["headline"]) < 4:
        return headline
    if match["stamp"] and not _stamped(match["stamp"]):
        return headline
    if any(_stem(word) in said for word in content_words(match["name"])):
        return headline
    return match["headline"]


def slug_words(url: str | None) -> frozenset[str]:
    """The stemmed content words of a URL's slug: the path segment with the most words,
    split on "-" and "_", numbers and ids (any token with a digit) dropped; empty when it has
    fewer than SLUG_WORDS."""
    if not url:
        return frozenset()
    best: set[str] = set()
    for segment in unquote(urlsplit(url).path).split("/"):
        tokens = re.split(r"[-_+\s]+", _SLUG_SEGMENT.sub("", segment))
        words = " ".join(t for t in tokens if not re.search(r"\d", t))
        stems = {_stem(word) for word in content_words(words)}
        if len(stems) > len(best):
            best = stems
    return frozenset(best) if len(best) >= SLUG_WORDS else frozenset()


def title_index(
    lines: list[str],
    first_body: int,
    keep: list[bool],
    said: set[str],
    slug: frozenset[str] = frozenset(),
) -> int | None:
    """The headline: the headline-shaped line the URL's slug names (`slug`: see
    `slug_words`), else the first body line when it is one (`_leading_headline`: its byline or
    a second copy says so, which outweighs any line above), else the nearest headline-shaped
    line above it whose words the body takes up (`said`: its stemmed content words), else
    the nearest headline-shaped line (see `_headline_at`).

    A headline names what its article is about, so most of its content words come back in
    the body; another story's teaser, a site's tagline or a notice nearer the body do not.
    Such a line is looked for over _HEAD_REACH lines (a menu of teasers or a photo block can
    stand between); without one, the nearest candidate within _HEAD_LOOKBACK lines is taken.
    """
    named = _slug_headline(lines, first_body, slug)
    if named is not None:
        return named
    if _leading_headline(lines, first_body):
        return first_body
    reach = range(first_body - 1, max(-1, first_body - 1 - _HEAD_REACH), -1)
    candidates = [i for i in reach if _headline_at(lines, keep, i)]
    if candidates:
        taken_up = [i for i in candidates if _taken_up(lines[i], said)]
        if taken_up:
            at, above = taken_up[0], taken_up[1:2]
            if above and at - above[0] <= UPPER_GAP and lines[at] not in lines[above[0]]:
                return above[0]  # a headline over its standfirst, caption or tags
            return at
    near = [i for i in candidates if first_body - i <= _HEAD_LOOKBACK]
    if near:
        return near[0]
    if first_body == 0 and len(lines) > 1 and _headline(lines[0]):
        return 0
    return None


def _slug_headline(lines: list[str], first_body: int, slug: frozenset[str]) -> int | None:
    """The headline-shaped line holding the most of the slug's words, SLUG_SHARE of them at
    least; on a tie the nearest above the first body line, then the nearest under it."""
    if not slug:
        return None
    start = max(0, first_body - _HEAD_REACH)
    best, best_share = None, SLUG_SHARE
    for i in sorted(
        range(start, min(len(lines), first_body + 1 + SLUG_BELOW)),
        key=lambda i: (i > first_body, abs(first_body - i)),
    ):
        line = lines[i]
        if not (_headline(line) or _asking_headline(line)) or _page_head_line(line):
            continue
        share = len(slug & {_stem(word) for word in content_words(line)}) / len(slug)
        if share > best_share or (best is None and share >= SLUG_SHARE):
            best, best_share = i, share
    return best


def _taken_up(line: str, said: set[str]) -> bool:
    """Whether HEADLINE_TAKEN_UP of the line's content words come back in the body."""
    own = {_stem(word) for word in content_words(line)}
    return bool(own) and len(own & said) >= HEADLINE_TAKEN_UP * len(own)


def _leading_headline(lines: list[str], first_body: int) -> bool:
    """Whether the first body line is the headline the classifier kept with the body: a
    headline-long line that asks, exclaims or capitalises its words ("Tim Cook On Apple Being
    'Pulled Into The Enterprise'", "Economy in stress and markets on a high; time to be
    careful?"), printed again on the page or with a byline or date line under it."""
    if first_body >= len(lines):
        return False
    line = lines[first_body]
    if not 4 <= furniture.words(line) <= LEADING_WORDS or furniture.URL.search(line):
        return False
    capitals = [w[:1].isupper() for w in _LETTERS.findall(line) if len(w) >= 4]
    asks = bool(re.search(r"[?!？！][\"'”’]?\s*$", line))
    if not asks and sum(capitals) < LEADING_CAPITALS * max(len(capitals), 1):
        return False
    under = lines[first_body + 1 : first_body + 1 + LEADING_BYLINE]
    return lines.count(line) > 1 or any(
        re.match(r"^by\b", x, re.I) or (furniture.words(x) <= 12 and _stamped(x)) for x in under
    )


def _headline_at(lines: list[str], keep: list[bool], i: int) -> bool:
    """Whether line `i` may be the headline: shaped like one (one that asks or exclaims
    included: "Does … Have a Net Worth of $17 Million?").

    Not a kept line under another kept line: that is inside the article's top (a result
    line under its score table's heading, an opening paragraph's second line), and taking
    it as the title would take it out of the body. Nor a byline, a date or time line or a
    caption: they stand between the headline and the body (`_page_head_line`).
    """
    line = lines[i]
    if keep[i] and i > 0 and keep[i - 1]:
        return False
    # A question or cry the classifier kept is the article's own (a lede asking).
    if not (_headline(line) or (_asking_headline(line) and not keep[i])):
        return False
    return not _page_head_line(line)


def _page_head_line(line: str) -> bool:
    """Furniture, a button, a web address, a byline, a date or time line, a caption, a row of
    share buttons or a breadcrumb: what stands around a headline but is none."""
    if furniture.furniture_reason(line) or _UI_WORDS.match(line) or furniture.URL.search(line):
        return True  # a headline gives no web address
    if _LINK_PROMPT.match(line):
        return True  # "CLICK FOR FULL STATE SWIM RESULTS": a link, not the story's name
    if re.match(r"^(by|updated|published|posted)\b", line, re.I) or _stamped(line):
        return True
    if furniture.is_caption(line):  # "… 18 years after … [File: Reuters]"
        return True
    return bool(_SHARE_ROW.search(line) or _CREDIT_BYLINE.match(line) or _BREADCRUMB.search(line))


_CONTENT_TOKEN = re.compile(r"[^\W_]+")
_STEM = 5  # letters: words compared by their first five ("killed" ~ "killing", "plumes" ~ "plume")


def content_words(line: str) -> set[str]:
    """A line's content words, case folded: no function words, none under three letters
    but numbers; a run of Chinese, Japanese or Korean script gives its character pairs."""
    out: set[str] = set()
    for word in _CONTENT_TOKEN.findall(line.casefold()):
        if _CJK.search(word):
            out |= {word[k : k + 2] for k in range(len(word) - 1)} or {word}
        elif word not in FUNCTION_WORDS and (len(word) > 2 or word.isdigit()):
            out.add(word)
    return out


def _stem(word: str) -> str:
    return word[:_STEM]


def _stamped(line: str) -> bool:
    """A date or time line over the article ("Nov 18, 2019 at 9:24 pm ET • 2 min read",
    "LinkNaija October 06, 2018"): the page's head, which stands between headline and body."""
    return bool(_STAMP.search(line)) or dateline([line]) is not None


def _asking_headline(line: str) -> bool:
    """A headline-long line closing with "?" or "!" (a question or a cry, not a sentence)."""
    return 4 <= furniture.words(line) <= 25 and bool(re.search(r"[?!？！][\"'”’]?\s*$", line))


def _headline(line: str) -> bool:
    """Shaped like a headline: a short line with no full stop, four words or more (or, in a
    script written without spaces, _CJK_HEADLINE characters: "商品の改造が商標法違反に！？")."""
    if furniture.looks_like_headline(line) and furniture.words(line) >= 4:
        return True
    return (
        len(line) <= _CJK_HEADLINE_CHARS
        and len(_CJK.findall(line)) >= _CJK_HEADLINE
        and not re.search(r"[.。]\s*$", line)
    )


def section_label(lines: list[str], title_at: int | None) -> str | None:
    """A short label just above the headline (the section a scraped page starts with).

    Not a button or link ("Learn More", "Back to Gallery"), nor the last item of a menu
    printed one item a line ("ZDNet France", "ZDNet Germany", "ZDNet Japan" over the
    headline): a breadcrumb from "Home" ("Home", "Fact Checks", "Politics") still names the
    section, and so does a label set in capitals under a menu that is not (a kicker). Over a
    headline printed twice, the label is the line over the first copy.
    """
    while title_at and lines[title_at - 1] == lines[title_at]:
        title_at -= 1  # a headline printed twice: the label stands over the first copy
    if not title_at:
        return None
    label = lines[title_at - 1]
    if furniture.words(label) > 3 or not _LABEL.match(label) or _UI_WORDS.match(label):
        return None
    if furniture.furniture_reason(label) or _UI_LABEL.match(label):
        return None
    if _menu_item(lines, title_at - 1):
        return None
    return label.title() if label.isupper() else label


def _menu_item(lines: list[str], at: int) -> bool:
    """Whether the line at `at` closes a run of short menu items (see `section_label`)."""
    above = list(reversed(lines[max(0, at - _MENU_RUN) : at]))
    if len(above) < _MENU_RUN or not all(_menu_entry(line) for line in above):
        return False
    if any(line.casefold() == "home" for line in above[:2]):
        return False  # a breadcrumb: Home, its section, the label
    return not (lines[at].isupper() and not all(line.isupper() for line in above))


def _menu_entry(line: str) -> bool:
    """A menu's item: a few words, starting with a letter or digit, no sentence's end."""
    return (
        furniture.words(line) <= 4
        and len(line) <= 40
        and line[:1].isalnum()
        and not re.search(r"[.!?:]$", line)
    )
