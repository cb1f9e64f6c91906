"""Date mentions resolved against the publication date, and the date an event happened on."""

from __future__ import annotations

import calendar
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
      | last\s+(?:week|month|weekend)|the\s+previous\s+(?:day|week|month)|the\s+day\s+before
      | the\s+past\s+week|over\s+the\s+weekend
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
    more (or unresolvable: `date` None). `background` marks dates that set the scene ("since
    2011", "the 2020 ceasefire") rather than date the reported events.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    end_date: dt.date | None
    precision: int
    background: bool


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
    if word in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return published, None, 1
    if word in ("yesterday", "last night", "yesterday morning", "yesterday afternoon",
                "yesterday evening", "the previous day", "the day before"):  # fmt: skip
        return published - _DAY, None, 1
    if word == "overnight":
        return published - _DAY, published, 2
    if word in ("this week", "earlier this week", "early this week", "later this week",
                "late this week"):  # fmt: skip
        monday = published - published.weekday() * _DAY
        return monday, published, 2
    if word == "the past week":
        return published - 7 * _DAY, published, 2
    if word in ("last week", "the previous week"):
        monday = published - (published.weekday() + 7) * _DAY
        return monday, monday + 6 * _DAY, 2
    if word in ("last weekend", "the weekend", "this weekend", "over the weekend"):
        saturday = published - ((published.weekday() - 5) % 7) * _DAY
        return saturday, saturday + _DAY, 2
    if word in ("this month", "earlier this month"):
        return published.replace(day=1), published, 3
    if word in ("last month", "the previous month"):
        end = published.replace(day=1) - _DAY
        return end.replace(day=1), end, 3
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


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` where relative."""
    out: list[DateMention] = []
    for m in PATTERN.finditer(text):
        date, end_date, precision = _resolve(m, published)
        start, end = m.span("mo_month") if m.group("mo_month") else m.span()
        background = background_before(text, start, m)
        if published is not None and date is not None and not background:
            # Well before publication: scene-setting history, not the news.
            background = ((published - date).days > 31 and end_date is None) or (
                end_date is not None and (published - end_date).days > 62
            )
        if date is not None and range_before(text, start) and end_date is None and published:
            end_date = published if published >= date else None
        if published is None and date is None and precision < 3:
            precision = 3
        out.append(DateMention(start, end, text[start:end], date, end_date, precision, background))
    return out


def _sentence_window(mentions: Sequence[DateMention], start: int, end: int) -> list[DateMention]:
    return [
        m for m in mentions if start <= m.start < end and not m.background and m.date is not None
    ]


def choose_event_date(
    mentions: Sequence[DateMention], start: int, end: int, published: dt.date | None
) -> DateChoice:
    """The date of an event whose trigger sentence is [start, end).

    Rule: the most precise dated, non-background mention in the sentence (ties: nearest
    to the sentence start); else the nearest such mention in the 600 characters before the
    sentence; else the publication date with time_precision 2 (reports are written within
    days of the events they describe; we cannot say which day); else no date, precision 3.
    """
    pool = _sentence_window(mentions, start, end)
    if pool:
        best = min(pool, key=lambda m: (m.precision, m.start))
        return DateChoice(best.date, best.precision, best)
    before = _sentence_window(mentions, max(0, start - 600), start)
    if before:
        best = max(before, key=lambda m: (-m.precision, m.start))
        return DateChoice(best.date, best.precision, best)
    if published is not None:
        return DateChoice(published, 2, None)
    return DateChoice(None, 3, None)
