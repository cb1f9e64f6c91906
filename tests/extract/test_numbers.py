"""Counts in words and digits, with qualifiers, as ranges."""

from __future__ import annotations

import pytest

from eventwire.extract.numbers import find_numbers, parse_number, words_to_int


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("over 300", 300, 300, None),
        ("at least 20", 20, 20, None),
        ("dozens", 12, 12, 99),
        ("more than a hundred", 100, 100, None),
        ("a dozen", 12, 12, 12),
        ("scores of", 20, 20, 99),
        # ACLED's guide: 10 for "tens", 12 for "dozens", 100 for "hundreds"
        ("tens of", 10, 10, 99),
        ("hundreds", 100, 100, 999),
        ("1,200", 1200, 1200, 1200),
        ("twenty-five", 25, 25, 25),
        ("nearly 50", 50, 40, 50),
        ("about 10", 10, 9, 11),
    ],
)
def test_count_phrases(text: str, best: int, low: int, high: int | None) -> None:
    [count] = find_numbers(text)
    assert (count.best, count.low, count.high) == (best, low, high)
    assert (count.start, count.end) == (0, len(text))


def test_word_numbers() -> None:
    assert words_to_int("two hundred and six") == 206
    assert words_to_int("half a million") == 500_000
    assert words_to_int("seventy") == 70
    assert parse_number("a") is None


def test_offsets_are_shifted() -> None:
    [count] = find_numbers("killing 6 people", offset=100)
    assert (count.start, count.end) == (108, 109)


def test_so_many_is_no_quantity() -> None:
    text = "The toll jumped because so many people died of their wounds; many were hurt."
    assert [(c.best, text[c.start : c.end]) for c in find_numbers(text)] == [(10, "many")]
    assert [c.best for c in find_numbers("so 12 people")] == [12]


def test_several_dozen_is_one_count() -> None:
    [count] = find_numbers("several dozen Kurdish fighters")
    assert (count.best, count.low, count.high) == (36, 36, 108)
