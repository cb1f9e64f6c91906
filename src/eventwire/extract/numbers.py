"""Counts in words or digits, with qualifiers: "over 300", "a dozen", "scores" -> a range."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague quantities, following ACLED's conservative convention (the best estimate is the low end
# of what the phrase can mean; the high end is kept in fatalities_high). ACLED's fatalities
# guide gives three of them: 10 for "tens", 12 for "dozens", 100 for "hundreds"; "many" is
# read as 10 as well, the others at the low end of their range.
VAGUE: dict[str, tuple[int, int, int]] = {
    "a few": (2, 3, 5),
    "few": (2, 3, 5),
    "several": (3, 3, 9),
    "a number of": (3, 3, 9),
    "many": (10, 10, 99),
    "a dozen": (12, 12, 12),
    "dozen": (12, 12, 12),
    "dozens": (12, 12, 99),
    "dozens of": (12, 12, 99),
    "scores": (20, 20, 99),
    "scores of": (20, 20, 99),
    "tens": (10, 10, 99),
    "tens of": (10, 10, 99),
    # "several dozen", "a few hundred": the multiplier's range times the unit, best at its low
    # end (conservative)
    "several dozen": (36, 36, 108),
    "a few dozen": (24, 24, 60),
    "several hundred": (300, 300, 900),
    "a few hundred": (200, 200, 500),
    "several thousand": (3000, 3000, 9000),
    "a few thousand": (2000, 2000, 5000),
    "hundreds": (100, 100, 999),
    "hundreds of": (100, 100, 999),
    "thousands": (1000, 1000, 9999),
    "thousands of": (1000, 1000, 9999),
}

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "half"], key=len, reverse=True))
_WORD_NUM = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand|hundred))?"
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True) if v != "a")
QUALIFIERS: dict[str, str] = {
    "at least": "low", "more than": "low", "over": "low", "upwards of": "low",
    "in excess of": "low", "no fewer than": "low", "no less than": "low", "some": "about",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "nearly": "high", "almost": "high", "up to": "high", "as many as": "high",
    "fewer than": "high", "less than": "high", "at most": "high", "close to": "high",
}  # fmt: skip
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))

NUMBER = re.compile(
    rf"\b(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_VAGUE}|{_DIGITS}|{_WORD_NUM})\b", re.IGNORECASE
)


# "so many people died", "too many", "how many": a degree or a question, not a quantity.
_NO_QUANTITY = re.compile(r"\b(?:so|too|how)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    """A parsed quantity: best estimate and range, with the span it was read from."""

    best: int
    low: int
    high: int | None
    start: int
    end: int


def words_to_int(text: str) -> int | None:
    """'twenty-five' -> 25, 'two hundred and six' -> 206, 'half a million' -> 500000."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if tokens[:2] == ["half", "a"] and len(tokens) == 3 and tokens[2] in _SCALES:
        return _SCALES[tokens[2]] // 2
    total, current = 0, 0
    for tok in tokens:
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if _SCALES[tok] >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    return value or None


def parse_number(text: str) -> tuple[int, int, int | None] | None:
    """A count phrase without qualifier -> (best, low, high); None when it is not a number."""
    raw = text.strip().lower()
    if raw in VAGUE:
        return VAGUE[raw]
    if raw in {"a", "an", "half"}:
        return None
    m = re.fullmatch(r"([\d.,]+)\s*(million|thousand|hundred)?", raw)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        value *= _SCALES.get(m.group(2) or "", 1)
        return int(value), int(value), int(value)
    value_w = words_to_int(raw)
    return None if value_w is None else (value_w, value_w, value_w)


def apply_qualifier(qualifier: str | None, best: int, low: int, high: int | None) -> Count:
    """Widen a parsed number by its qualifier ("over 300" -> low 300, best 300, high open)."""
    kind = QUALIFIERS.get((qualifier or "").lower())
    if kind == "low":
        high = None if high == best else high
    elif kind == "high":
        low = max(1, int(best * 0.8)) if low == best else low
    elif kind == "about":
        low, high = int(best * 0.9), max(high or best, round(best * 1.1))
    return Count(best, low, high, -1, -1)


def find_numbers(text: str, offset: int = 0) -> list[Count]:
    """Every count in `text` (offsets shifted by `offset`), qualifiers applied."""
    out: list[Count] = []
    for m in NUMBER.finditer(text):
        parsed = parse_number(m.group("num"))
        if parsed is None or (
            m.group("num").lower() in {"many", "few"}
            and not m.group("qual")
            and _NO_QUANTITY.search(text[max(0, m.start() - 5) : m.start()])
        ):
            continue
        count = apply_qualifier(m.group("qual"), *parsed)
        out.append(Count(count.best, count.low, count.high, m.start() + offset, m.end() + offset))
    return out
