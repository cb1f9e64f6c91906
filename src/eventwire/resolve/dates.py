"""Date mentions resolved against the publication date, and the date an event happened on."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_TO = r"\s*(?:-|–|to|and|until)\s*"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# After a four-digit number: it is a count, a decimal or a clock time ("2000 GMT").
_NOT_A_YEAR = r"[\d%]|,\d|\.\d|-\d|\s*(?:people|troops|soldiers|km|GMT|UTC|hrs|hours|local)"

PATTERN = re.compile(
    rf"""
    (?<![\d/-])(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-])
  | (?<![\d./-])(?P<num_a>[0-3]?\d)(?P<num_sep>[./-])(?P<num_b>[01]?\d)(?P=num_sep)
      (?P<num_y>{_YEAR})(?![\d./-]\d)
  | (?<![\d,.])(?P<dm_day>[0-3]?\d){_ORD}(?:{_TO}(?P<dm_day2>[0-3]?\d){_ORD})?
      \s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR}))?(?!\w)
  | (?P<md_month>{_MONTH})\s+(?P<md_day>[0-3]?\d){_ORD}(?:{_TO}(?P<md_day2>[0-3]?\d){_ORD})?
      (?:,?\s+(?P<md_year>{_YEAR}))?(?![\d,]\d)
  | (?P<my_month>{_MONTH})(?:\s+of)?\s+(?P<my_year>{_YEAR})(?!\d)
  | \b(?:[Ii]n|[Ss]ince|during|until|by|early|late|mid-?)\s*(?<=\s|-)
      (?P<mo_month>{_MONTH})(?![\w-]|\s+\d)
  | (?:(?P<wd_mod>last|next|this\ coming|this|coming)\s+)?(?P<weekday>{_WEEKDAY})(?:['’]?s)?
      (?=\W|$)
  | (?i:(?P<ago_n>{_NUM})\s+(?P<ago_unit>days?|weeks?)\s+ago\b)
  | (?i:(?P<rel>\b(?:
        yesterday(?:\s+(?:morning|afternoon|evening))?|today|tonight|last\s+night|overnight
      | (?:(?:earlier|early|later|late)\s+)?this\s+(?:morning|afternoon|evening|week|month|weekend)
      | last\s+(?:week|month|weekend|year)|the\s+previous\s+(?:day|week|month|year)
      | (?:the|a|one)\s+day\s+before(?!\s+(?:the|a|an|it|they|he|she|yesterday)\b)
      | the\s+(?:next|following)\s+day|(?:a|one)\s+day\s+later
      | (?:a|one)\s+day\s+earlier
      | the\s+past\s+week|(?:(?:over|at|during)\s+)?the\s+weekend|weekend(?=\s+(?!of\b)[a-z]+)
      | (?:(?:the|these)\s+)?(?:recent|past|last)\s+(?:few\s+|couple\s+of\s+|several\s+)?days
      | (?:the\s+)?(?:past|last)\s+(?P<past_n>\d+|two|three|four|five|six|seven|ten)\s+
        (?P<past_unit>days|weeks)
      )\b))
  | (?<![\d$£€.,/-])(?P<year>{_YEAR})(?!{_NOT_A_YEAR})
    """,
    re.VERBOSE,
)

_RANGE_CUE = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|since|from|beginning)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def background_before(text: str, start: int, m: re.Match[str]) -> bool:
    """Bare years are background ("since 2011", "the 2020 ceasefire", "recaptured in 2016");
    so are full dates after "since"."""
    if m.group("year"):
        return True
    before = text[max(0, start - 30) : start]
    return bool(re.search(r"\bsince\s+$", before, re.IGNORECASE)) and bool(
        m.group("dm_year")
        or m.group("md_year")
        or m.group("my_year")
        or m.group("iso_y")
        or m.group("num_y")
    )


def range_before(text: str, start: int) -> bool:
    """A start-of-range cue just before the mention: "which began Wednesday", "since Monday"."""
    return bool(_RANGE_CUE.search(text[max(0, start - 30) : start]))


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text: its span, resolved date(s) and how exact it is.

    precision follows ACLED's time_precision: 1 a day, 2 a few days or a week, 3 a month or
    more (or unresolvable: `date` None). `date`..`end_date` is the period the words denote;
    `day` is the one day an event dated by them is coded on. `background` marks dates that
    set the scene ("since 2011", "the 2020 ceasefire") or lie over a month before publication.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    end_date: dt.date | None
    precision: int
    background: bool
    # The day ACLED codes an event dated by this mention: the day itself, the first day of a
    # range that began then, else the middle of the period (a week's Wednesday, a month's 15th).
    day: dt.date | None = None
    # The date of a statement about the event ("a monitor said on Monday"), not of the event.
    reporting: bool = False
    # Background only for lying over a month before publication: still the date of an old
    # event its own sentence tells ("freed Palmyra on March 27"), unlike scene-setting years.
    old: bool = False
    # Part of the report's dateline ("AFP Sunday 5 Jun 2016"): the day it was written, which
    # dates an event only when nothing in the text does.
    dateline: bool = False
    # Dates an incident told before by a definite reference ("The blast on Sunday night
    # struck ...", "Tuesday's attack"): a headline's undated incident can take this date.
    refers_back: bool = False
    # The day of talks, a call, a meeting or a vote in a sentence that tells no violence ("Zarif
    # made the call during phone conversations on Monday", "On Tuesday the eighth round of
    # talks will kick off"): never carried onto an incident told after it.
    talks: bool = False


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The date of an event, its ACLED time_precision, and the mention it came from."""

    date: dt.date | None
    time_precision: int
    mention: DateMention | None


_DAY = dt.timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, day: int, published: dt.date | None) -> int | None:
    """The year of a yearless "March 5": the latest one not after publication (+2 days)."""
    if published is None:
        return None
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate is not None and candidate > published + 2 * _DAY:
        year -= 1
    return year


def _weekday_date(name: str, published: dt.date, modifier: str) -> dt.date:
    """The most recent `name` day on or before publication ("last": strictly before;
    "next"/"coming": the first after)."""
    target = WEEKDAYS[name]
    if modifier in ("next", "coming", "this coming"):
        ahead = (target - published.weekday()) % 7 or 7
        return published + ahead * _DAY
    back = (published.weekday() - target) % 7
    if modifier == "last" and back == 0:
        back = 7
    return published - back * _DAY


def _resolve(
    m: re.Match[str], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None, int]:
    g = m.groupdict()
    if g.get("num_y"):
        # 09.04.2017 and 09-04-2017 are day first (as outside the US); 4/9/2017 is US
        # month first unless the first number cannot be a month.
        a, b = int(g["num_a"]), int(g["num_b"])
        day, month = (b, a) if g["num_sep"] == "/" and a <= 12 else (a, b)
        d = _safe_date(int(g["num_y"]), month, day)
        return d, None, 1 if d else 3
    if g.get("iso_y"):
        d = _safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return d, None, 1 if d else 3
    if g.get("dm_month") or g.get("md_month"):
        month = MONTHS[(g.get("dm_month") or g["md_month"]).lower().rstrip(".")[:3]]
        day = int(g.get("dm_day") or g["md_day"])
        day2_raw = g.get("dm_day2") or g.get("md_day2")
        year_raw = g.get("dm_year") or g.get("md_year")
        year = int(year_raw) if year_raw else _infer_year(month, day, published)
        if year is None:
            return None, None, 3
        d = _safe_date(year, month, day)
        d2 = _safe_date(year, month, int(day2_raw)) if day2_raw else None
        return d, d2, 1 if d and not d2 else 2 if d else 3
    if g.get("my_month"):
        month = MONTHS[g["my_month"].lower().rstrip(".")[:3]]
        year_raw = g.get("my_year")
        year = int(year_raw) if year_raw else (published.year if published else None)
        if year is None:
            return None, None, 3
        return dt.date(year, month, 1), _month_end(year, month), 3
    if g.get("mo_month"):
        month = MONTHS[g["mo_month"].lower().rstrip(".")[:3]]
        if published is None:
            return None, None, 3
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), _month_end(year, month), 3
    if g.get("year"):
        year = int(g["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), 3
    if published is None:
        return None, None, 3
    return _resolve_relative(g, published)


def _resolve_relative(
    g: dict[str, str | None], published: dt.date
) -> tuple[dt.date | None, dt.date | None, int]:
    if g.get("weekday"):
        modifier = (g.get("wd_mod") or "").lower()
        day = _weekday_date(str(g["weekday"]).lower()[:3], published, modifier)
        return day, None, 1
    word = (g.get("rel") or "").lower()
    word = " ".join(word.split())
    yesterday = published - _DAY
    if word in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return published, None, 1
    if word in ("yesterday", "last night", "yesterday morning", "yesterday afternoon",
                "yesterday evening", "the previous day", "the day before", "a day earlier",
                "one day earlier", "a day before", "one day before"):  # fmt: skip
        return yesterday, None, 1
    if word in ("the next day", "the following day", "a day later", "one day later"):
        return None, None, 3  # only another date of the text tells which day (find_dates)
    if word == "overnight":
        # One known night, coded on the evening it began (ACLED: the actual date is known).
        return yesterday, None, 1
    if word in ("this week", "earlier this week", "early this week", "later this week",
                "late this week"):  # fmt: skip
        monday = published - published.weekday() * _DAY
        return monday, published, 2
    if word == "the past week":
        return published - 7 * _DAY, published, 2
    if word in ("last week", "the previous week"):
        monday = published - (published.weekday() + 7) * _DAY
        return monday, monday + 6 * _DAY, 2
    if "weekend" in word:  # the latest weekend on or before publication
        saturday = published - ((published.weekday() - 5) % 7) * _DAY
        return saturday, saturday + _DAY, 2
    if word in ("this month", "earlier this month"):
        return published.replace(day=1), published, 3
    if word in ("last month", "the previous month"):
        end = published.replace(day=1) - _DAY
        return end.replace(day=1), end, 3
    if word in ("last year", "the previous year"):  # no month known: ACLED's coarsest
        return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31), 3
    if word.endswith("days") and not g.get("past_n"):  # "in recent days", "the past few days"
        return published - 3 * _DAY, yesterday, 2
    if g.get("past_n"):  # "the past ten days", "the last two weeks"
        days = _number(g["past_n"]) * (7 if str(g.get("past_unit")).startswith("week") else 1)
        return published - days * _DAY, yesterday, 2 if days <= 7 else 3
    if g.get("ago_n"):
        n = _number(g["ago_n"])
        unit = (g.get("ago_unit") or "").lower()
        if unit.startswith("day"):
            return published - n * _DAY, None, 1
        if unit.startswith("week"):
            d = published - 7 * n * _DAY
            return d, None, 2
    return None, None, 3


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _number(raw: str | None) -> int:
    raw = (raw or "1").lower()
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)


# Words that put a date at the start, middle or end of its month ("in late July", "mid-August").
_PART_OF_MONTH = re.compile(
    r"\b(?P<part>early|late|mid|end\s+of|beginning\s+of|start\s+of)(?:\s+|-)(?:the\s+)?$",
    re.IGNORECASE,
)
# A statement's date: "said on Monday", "told reporters on Saturday", "said in a statement on
# Tuesday", "said earlier today" (before the mention); "on March 22 media reported", "(MSF) on
# Saturday said", "on Tuesday condemned" (after it). Verbs of saying only, no comma between.
_SAYING = (
    r"said|says|say|saying|stated|states|added|reported|reports|announced|announces|"
    r"confirmed|claimed|denied|condemned|warned|quoted|cited"
)
_REPORTED_BEFORE = re.compile(
    rf"\b(?:(?:{_SAYING})(?:\s+in\s+a\s+statement)?|told(?:\s+[\w-]+){{0,2}})\s+"
    r"(?:(?:on|late|early|earlier|later|last)\s+){0,2}$",
    re.IGNORECASE,
)
_REPORTED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:said|says|told|reported|stated|confirmed|denied|condemned|"
    r"warned|added|(?:claimed|claims)\s+(?:responsibility|credit))\b",
    re.IGNORECASE,
)
# A verb of the sentence before the mention ("jets pounded Aleppo early on Thursday said the
# Observatory"): the date then belongs to that verb, not to the "said" after it.
_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:[a-z]+ed|hit|struck|took|fell|broke|shot|blew|fought|began|came|went|left|"
    r"made|saw|ran|set|won|lost|says|said|say|is|are|was|were|has|have|had)(?![\w-])"
)
_ATTRIBUTIVE = re.compile(r"^(?:\w+['’]s|weekend)$")  # "Tuesday's attack", "weekend air raids"
# A sentence that opens with a definite noun phrase right before its date: "The blast on
# Sunday night struck", "The attack late Tuesday".
_DEFINITE_OPENING = re.compile(
    r"^(?:The|This|That)\s+(?:[\w-]+\s+){1,3}?(?:(?:on|late|early)\s+)?$"
)
# Old dates that set the scene rather than date an old event: a dated year after "since" in
# the same clause ("since sarin gas killed hundreds in Ghouta in August 2013"; "since June 25"
# starts a range), the start of the war, the date of an agreement ("a ceasefire that Turkey
# and Russia brokered in December").
_SCENE_SINCE = re.compile(r"\bsince\b[^.;:,()]{0,90}$", re.IGNORECASE)
_SCENE_BEFORE = re.compile(
    r"(?:\b(?:war|conflict|uprising|revolution|revolt|crisis)\b[^.;:,()]{0,40}"
    r"\b(?:began|begun|started|erupted|broke\s+out)\b[^.;:,()]{0,30}"
    r"|\b(?:cease-?fire|truce|agreement|deal|accord|treaty)\b(?:\s+[\w-]+){0,15}?\s+(?:in|on)\s+)$",
    re.IGNORECASE,
)
_YEAR_GROUPS = ("dm_year", "md_year", "my_year", "iso_y", "num_y")
_WEEKDAY_NEXT = re.compile(rf"\s+(?:on\s+|late\s+|early\s+)?{_WEEKDAY}\b")
# "the previous day", "a day earlier": the day before the day its sentence, or else the
# sentence before it, is about; "the next day", "a day later": the day after it.
_DAY_BEFORE = re.compile(
    r"^(?:the\s+previous\s+day|(?:the|a|one)\s+day\s+before|(?:a|one)\s+day\s+earlier)$",
    re.IGNORECASE,
)
_DAY_AFTER = re.compile(r"^(?:the\s+(?:next|following)\s+day|(?:a|one)\s+day\s+later)$", re.I)
# A statement or a toll's update told right after a date ("A monitor on Tuesday raised the
# toll from strikes the previous day", "On Monday, the group said"): the date of the report.
_UPDATE_AFTER = re.compile(
    r"^[\s,]*(?:[\w-]+\s+){0,3}?(?:raised|revised|updated|put|gave|released|published|"
    rf"{_SAYING}|told)\b",
    re.IGNORECASE,
)
# "overnight into Sunday", "overnight to Sunday": the night that began the day before.
_INTO_WEEKDAY = re.compile(
    rf"\s+(?:in)?to\s+(?:the\s+early\s+hours\s+of\s+)?(?:(?:early|late)\s+)?(?P<day>{_WEEKDAY})\b"
)


def _reference_day(
    m: re.Match[str],
    text: str,
    start: int,
    date: dt.date | None,
    end_date: dt.date | None,
    published: dt.date | None,
) -> dt.date | None:
    """The day ACLED codes an event on when this mention dates it (codebook, "Event Time"):
    a day is itself; a span is its middle ("last week": its Wednesday; a month: the 15th;
    the beginning or end of a month: its first or last day); a span still running at
    publication ("earlier this month") is cut at the day before publication first."""
    if date is None:
        return None
    part = _PART_OF_MONTH.search(text[max(0, start - 16) : start])
    if part and (m.group("mo_month") or m.group("my_month")):
        word = part.group("part").lower()
        if word.startswith(("early", "beginning", "start")):
            return date.replace(day=1)
        if word.startswith(("late", "end")):
            return _month_end(date.year, date.month)
        return date.replace(day=15)
    if end_date is None or m.group("dm_day2") or m.group("md_day2"):
        return date  # a day, or a run of named days: the first one
    if published is not None and end_date >= published > date:
        end_date = published - _DAY
    span = (end_date - date).days
    if date.day == 1 and end_date == _month_end(date.year, date.month):
        return date.replace(day=15)
    if span == 6 and date.weekday() == 0:
        return date + 2 * _DAY  # a Monday-to-Sunday week: its Wednesday
    return date + (span // 2) * _DAY


def _sets_scene(text: str, start: int, m: re.Match[str]) -> bool:
    before = text[max(0, start - 120) : start]
    if _SCENE_BEFORE.search(before):
        return True
    has_year = any(m.group(g) for g in _YEAR_GROUPS)
    return has_year and bool(_SCENE_SINCE.search(before))


def _reporting(text: str, start: int, end: int) -> bool:
    """Whether a date belongs to a verb of saying rather than to the event reported: right
    after one ("said on Monday"), or before one with no other verb in between or since the
    sentence began ("MSF on Saturday said", "Recently on October 13 state media reported")."""
    if _ATTRIBUTIVE.match(text[start:end]):
        return False
    if _REPORTED_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    return bool(_REPORTED_AFTER.search(text[end : end + 50])) and not _VERB_BEFORE.search(
        text[_sentence_start(text, start) : start]
    )


def _refers_back(text: str, start: int, end: int) -> bool:
    if _ATTRIBUTIVE.match(text[start:end]) and text[start:end] != "weekend":
        return True
    opening = text[_sentence_start(text, start) : start].lstrip()
    return bool(_DEFINITE_OPENING.match(opening)) and not _VERB_BEFORE.search(opening)


_TALKS = re.compile(
    r"\b(?:talks|meetings?|met|meet|(?:phone\s+)?calls?|conversations?|summit|conference|"
    r"session|negotiations|vote|voted|vetoed|veto|visit|visited)\b",
    re.IGNORECASE,
)
_VIOLENCE = re.compile(
    r"\b(?:kill\w*|dead|died|deaths?|attack\w*|strikes?|struck|bomb\w*|shell\w*|clash\w*|"
    r"fight\w*|raids?|gas|chemical|wound\w*|injur\w*|captur\w*|seiz\w*|fire[ds]?|explo\w*|"
    r"massacre\w*|assault\w*|offensive|battles?)\b",
    re.IGNORECASE,
)


def _talks(text: str, start: int) -> bool:
    """Whether a date's sentence tells talks, a call, a meeting or a vote and no violence."""
    begin = _sentence_start(text, start)
    stop = text.find(". ", start)
    sentence = text[begin : stop if stop >= 0 else len(text)]
    return bool(_TALKS.search(sentence)) and not _VIOLENCE.search(sentence)


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _report_day(text: str, anchor: DateMention) -> bool:
    """A statement or a toll's update follows the day, and no act comes before it in its
    sentence ("A monitor on Tuesday raised the toll"; not "Jets bombarded the town on
    Thursday activists said")."""
    if _ATTRIBUTIVE.match(anchor.text):
        return False
    opening = text[_sentence_start(text, anchor.start) : anchor.start]
    after = text[anchor.end : anchor.end + 60]
    return bool(_UPDATE_AFTER.match(after)) and not _VERB_BEFORE.search(opening)


def _anchor_day_before(
    out: list[DateMention], mention: DateMention, text: str, step: int = -1
) -> DateMention | None:
    """ "the previous day" counts back from the day the narrative is on: the day named last
    before it in its sentence ("a monitor on Tuesday raised the toll from air strikes the
    previous day": Monday), else the day named last in the sentence before ("Rockets killed
    three on Friday. Six had been killed the previous day": Thursday), else the report's day
    (as "yesterday"). "the next day" (step +1) counts on from the same day and has no reading
    without one (None). A day followed by a statement or a toll's update ("on Tuesday
    raised the toll", "on Monday said") is then the report's date; one followed by an act
    ("The opposition on Sunday retook an area that fell the day before") stays the event's."""
    since = _sentence_start(text, mention.start)
    previous = _sentence_start(text, max(0, since - 2)) if since > 0 else since

    def precise(m: DateMention) -> bool:
        return m.precision == 1 and m.date is not None and not m.dateline

    own = [i for i, m in enumerate(out) if m.start >= since and precise(m)]
    before = [i for i, m in enumerate(out) if previous <= m.start < since and precise(m)]
    if own:
        i = own[-1]
        anchor = out[i]
        if step == -1 and _report_day(text, anchor):
            out[i] = dataclasses.replace(anchor, reporting=True)
    elif before:
        anchor = out[before[-1]]
    elif step < 0:
        return mention
    else:
        return None
    assert anchor.date is not None
    day = anchor.date + step * _DAY
    return dataclasses.replace(mention, date=day, day=day, background=anchor.background)


# An attack the text dates in its own words, wherever it tells it: "the April 4 attack", "last
# Tuesday's chemical attack" (a possessive date, or one after an article, before the noun, up
# to three lower-case modifiers between), "a sarin attack on Khan Sheikhun on the 4th of April",
# "the attack on Tuesday" (after the noun, a place's phrase of up to five words between). The
# phrase keeps up to three words before the noun ("a sarin attack"): they name its kind.
_ATTACK_NOUN = (
    r"(?:attack|strike|air\s?strike|raid|air\s+raid|bombing|bombardment|massacre|shelling)s?"
)
_MODIFIERS = r"(?:(?!(?:after|before|on|in|at|of|and|the|a|an|by|from|to)\s)[a-z-]+\s+){0,3}?"
_NOUN_AFTER = re.compile(rf"(?:['’]s)?\s+{_MODIFIERS}{_ATTACK_NOUN}\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|an?|this|that)\s+$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(
    rf"(?:[\w-]+\s+){{0,3}}\b{_ATTACK_NOUN}(?:\s+(?:on|in|at|against|near)(?:\s+[\w'’-]+){{1,5}}?)?"
    r"\s+on\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ToldAttack:
    """A date the text gives an attack by name, and the words that name it."""

    mention: DateMention
    phrase: str


def attack_days(text: str, mentions: Sequence[DateMention]) -> list[ToldAttack]:
    """The mentions that date an attack the text names right by them ("the April 4 attack",
    "an attack on Khan Sheikhun on the 4th of April"): a day, not a statement's, a
    dateline's or the scene's."""
    out = []
    for m in mentions:
        if m.precision != 1 or m.date is None or m.background or m.reporting or m.dateline:
            continue
        after = _NOUN_AFTER.match(text, m.end)
        attributive = m.text.endswith(("'s", "’s")) or _ARTICLE_BEFORE.search(
            text[max(0, m.start - 10) : m.start]
        )
        if after and attributive:
            out.append(ToldAttack(m, text[m.start : after.end()]))
            continue
        before = _NOUN_BEFORE.search(text[max(0, m.start - 100) : m.start])
        if before:
            out.append(ToldAttack(m, before.group(0) + m.text))
    return out


# A dateline: a full date with its year opening the text, after at most a label and a weekday
# ("Published July 27 2016 ...", "Date of publication 4 October 2017", "Sat Nov 18 2017",
# "03-08-2016 Chemical Attack Kills Five").
DATELINE_CHARS = 40
_DATELINE_LEAD = re.compile(
    r"^\W*(?:(?:published|posted|updated|last\s+updated?|date\s+of\s+publication)"
    r"(?:\s+(?:on|at))?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.IGNORECASE,
)
# A dateline after the headline ("... in Syrias Aleppo Monitor AFP Tuesday 23 Sep 2014 US air
# strikes killed ..."): a full date in the opening that no preposition leads into and that a
# news stamp's furniture marks: the weekday it fell on, a clock time or a credit in capitals
# ("21 November 2016 SANA"), a publication label, or the numeric form ("1730 28.04.2017").
STAMP_CHARS = 300
_STAMP_BEFORE = re.compile(
    r"(?:(?P<weekday>\b(?:mon|tues?|wed|wednes|thu|thurs?|fri|sat|satur|sun)(?:day)?\b\.?,?)"
    r"|\b(?:published|posted|updated|date\s+of\s+publication)(?:\s+(?:on|at))?\s*:?"
    r"|(?<![\w.,])\d{1,2}:?\d{2})\s*$",
    re.IGNORECASE,
)
_STAMP_AFTER = re.compile(r"^\s*(?:\(?\d{1,2}:?\d{2}\b|\(updated|[A-Z]{2,}\b)")
_PROSE_BEFORE = re.compile(
    r"\b(?:on|in|of|at|since|from|until|till|by|to|and|or|before|after|between|dated|early|"
    r"late|mid|last|next|this|that)\W*$",
    re.IGNORECASE,
)


# A stamp whose day and year a scrape ran together ("Last updated at Aug 142016 BEIRUT ...",
# "Feb 022015"): the day is two digits, the year four, right after the month.
_GLUED_STAMP = re.compile(
    r"^\W*(?i:(?:published|posted|updated|last\s+updated?)(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?P<month>{_MONTH})\s?(?P<day>[0-3]\d)(?P<year>{_YEAR})(?!\d)"
)


def _dateline(text: str) -> tuple[dt.date, int, int] | None:
    """The report's own date and the span of its stamp (a weekday before the date included),
    where the text opens with one or carries one after its headline."""
    glued = _GLUED_STAMP.match(text)
    if glued:
        month = MONTHS[glued.group("month").lower().rstrip(".")[:3]]
        date = _safe_date(int(glued.group("year")), month, int(glued.group("day")))
        if date is not None:
            return date, 0, glued.end()
    for m in PATTERN.finditer(text, 0, STAMP_CHARS + 20):
        if m.start() >= STAMP_CHARS:
            break
        full = any(m.group(g) for g in _YEAR_GROUPS) and not (
            m.group("dm_day2") or m.group("md_day2")
        )
        date, _, precision = _resolve(m, None) if full else (None, None, 3)
        if date is None or precision != 1:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        stamp = _STAMP_BEFORE.search(before)
        if m.start() < DATELINE_CHARS and _DATELINE_LEAD.match(text[: m.start()]):
            return date, 0, m.end()
        weekday = stamp.group("weekday") if stamp else None
        if weekday and WEEKDAYS.get(weekday.lower()[:3]) != date.weekday():
            stamp = None  # "on Tuesday 5 July" is prose unless the day agrees with the date
        lead = before[: stamp.start()] if stamp else before
        if (stamp or _STAMP_AFTER.match(text[m.end() : m.end() + 20]) or m.group("num_y")) and not (
            _PROSE_BEFORE.search(lead)
        ):
            start = m.start() - len(before) + stamp.start() if weekday and stamp else m.start()
            return date, start, m.end()
    return None


def report_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day relative words count from: the report's own dateline where the text opens with
    one or carries one after its headline, else `published`. A record's date can be a crawl
    or update date; the dateline is the day the words "on Tuesday" were written against
    (FA-KES dev: in the 66 articles whose opening dateline and record disagree, weekdays in
    the text fall 0-1 days before the dateline 68 times in 77 and spread over the whole week
    before the record; in the 31 whose dateline follows the headline, 56 times in 67)."""
    found = _dateline(text)
    return found[0] if found else published


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against the report's date (its dateline, or
    `published`) where relative."""
    stamp = _dateline(text)
    published = stamp[0] if stamp else published
    out: list[DateMention] = []
    for m in PATTERN.finditer(text):
        date, end_date, precision = _resolve(m, published)
        start, end = m.span("mo_month") if m.group("mo_month") else m.span()
        if (m.group("dm_day2") or m.group("md_day2")) and date is not None:
            precision = 1  # "on 12-13 March": the first day, as a day (each day is an event)
        day = _reference_day(m, text, start, date, end_date, published)
        background = background_before(text, start, m)
        old = False
        if published is not None and date is not None and not background:
            # Well before publication: history, not the news (`old`: still the date of an
            # old event its own sentence tells, unless the words around it set the scene).
            background = old = ((published - date).days > 31 and end_date is None) or (
                end_date is not None and (published - end_date).days > 62
            )
        if date is not None and range_before(text, start) and end_date is None and published:
            end_date = published if published >= date else None
        if published is None and date is None and precision < 3:
            precision = 3
        mention = DateMention(
            start, end, text[start:end], date, end_date, precision, background,
            day=day, reporting=_reporting(text, start, end),
            old=old and not _sets_scene(text, start, m),
            dateline=stamp is not None and stamp[1] <= start and end <= stamp[2],
            refers_back=_refers_back(text, start, end),
            talks=_talks(text, start),
        )  # fmt: skip
        if mention.text.lower() == "overnight" and _WEEKDAY_NEXT.match(text, end):
            continue  # "overnight on Friday", "overnight Wednesday": that weekday dates it
        into = _INTO_WEEKDAY.match(text, end) if mention.text.lower() == "overnight" else None
        if into and published is not None:  # the night into Sunday began on Saturday
            day = _weekday_date(into.group("day").lower()[:3], published, "") - _DAY
            mention = dataclasses.replace(mention, date=day, day=day)
        if _DAY_BEFORE.match(mention.text) and published is not None:
            mention = _anchor_day_before(out, mention, text) or mention
        if _DAY_AFTER.match(mention.text):
            after = _anchor_day_before(out, mention, text, step=1) if published else None
            if after is None:
                continue  # "the next day" after no day: no reading
            mention = after
        out.append(mention)
    return out


def _sentence_window(mentions: Sequence[DateMention], start: int, end: int) -> list[DateMention]:
    return [
        m for m in mentions if start <= m.start < end and not m.background and m.date is not None
    ]


def _choice(m: DateMention) -> DateChoice:
    # A statement's date only bounds the event: it happened on or shortly before (precision 2).
    precision = max(m.precision, 2) if m.reporting else m.precision
    return DateChoice(m.day or m.date, precision, m)


def _before_stamp(said: DateMention, stamp: DateMention) -> bool:
    day = said.day or said.date
    return day is not None and stamp.date is not None and day < stamp.date


def choose_event_date(
    mentions: Sequence[DateMention], start: int, end: int, published: dt.date | None
) -> DateChoice:
    """The date of an event whose trigger sentence (or clause) is [start, end).

    Rule: the most precise dated, non-background mention in the span that is not the date of
    a statement (ties: nearest to the start); else an old date in the span itself ("freed
    Palmyra on March 27" in August: an old event keeps its date; scene-setting years never
    count); else a statement's date ("a monitor said on Monday", precision 2); else the
    nearest dated mention in the 600 characters before; else, in the article's opening
    (a headline, a lead with no date before it), the first date in the 600 characters after
    that a definite reference gives an incident told before ("Mon Aug 15 2016 30 Rebels
    Killed in Suicide Blast. ... The blast on Sunday night struck ..."), else the dateline
    (the report's day: a headline with no other date is news of that day); else the
    report's date (`published`, else its dateline) with time_precision 2 (reports are
    written within days of the events they describe; we cannot say which day); else no
    date, precision 3. A dateline never dates an event the text dates: it is the day the
    report was written, often the day after. The date is the mention's ACLED day: a
    period's middle ("last week": Wednesday, precision 2; "last month": the 15th, 3).
    """
    stamps = [m for m in mentions if m.dateline and m.date is not None]
    mentions = [m for m in mentions if not m.dateline]
    pool = _sentence_window(mentions, start, end)
    own = [m for m in pool if not m.reporting]
    if own:
        return _choice(min(own, key=lambda m: (m.precision, m.start)))
    old = [m for m in mentions if start <= m.start < end and m.old and m.date is not None]
    if old:
        return _choice(min(old, key=lambda m: (m.precision, m.start)))
    if pool:
        return _choice(min(pool, key=lambda m: (m.precision, m.start)))
    before = [m for m in _sentence_window(mentions, max(0, start - 600), start) if not m.talks]
    if before:
        return _choice(max(before, key=lambda m: (-m.precision, m.start)))
    if not _sentence_window(mentions, 0, start):  # the opening: no date told before
        after = [
            m
            for m in _sentence_window(mentions, end, end + 600)
            if m.refers_back and not m.reporting
        ]
        if after:
            return _choice(min(after, key=lambda m: m.start))
        # A statement the report quotes, made before the day it was written ("Fri Apr 15 ...
        # 6 Killed in Shelling. ... the ministry said Thursday"), bounds the incident more
        # closely than the dateline: on or shortly before that day.
        said = [
            m
            for m in _sentence_window(mentions, end, end + 600)
            if m.reporting and m.precision == 1
        ]
        first_said = min(said, key=lambda m: m.start) if said else None
        if stamps and first_said and _before_stamp(first_said, stamps[-1]):
            return _choice(first_said)
        if stamps:
            return _choice(stamps[-1])
    if published is not None:
        return DateChoice(published, 2, None)
    if stamps:
        return DateChoice(stamps[-1].date, 2, None)
    return DateChoice(None, 3, None)
