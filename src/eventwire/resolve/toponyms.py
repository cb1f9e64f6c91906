"""Name keys for gazetteer lookup: accent folding and a transliteration skeleton."""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters NFKD does not decompose to ASCII.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
    }
)
# Apostrophes and Arabic ayn/hamza marks vanish inside a word: Ma'arrat = Maarrat.
_JOINERS = re.compile(r"['’‘`´ʿʾʼʻ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Arabic article forms written as separate words after the hyphen is dropped
# (al-Bab, el-Arish, ad-Dana, ash-Sheikh, az-Zabadani, ul-Haq).
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ad",
        "ed",
        "ud",
        "an",
        "en",
        "un",
        "ar",
        "er",
        "ur",
        "as",
        "es",
        "us",
        "ash",
        "esh",
        "at",
        "et",
        "ath",
        "az",
        "ez",
        "adh",
    ]
)
_VOWELS = "aeiouy"
_ASSIMILATED = re.compile(r"^[ae]([dnrstz])(?=\1[a-z]{2})")
_CLITIC = re.compile(r"['’](?:s|re|ve|ll|d|m|t)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’‘`´ʿʾʼʻ][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, other punctuation to single spaces."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


# Names are folded and skeletonised again and again while a text is geoparsed; short
# strings (names, not texts) are remembered, a bounded number of them.
_SHORT = 64


@functools.lru_cache(maxsize=32768)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _JOINERS.sub("", text.lower())
    return _NON_ALNUM.sub(" ", text).strip()


def ascii_name(name: str) -> str:
    """A gazetteer name as plain Latin letters, for output: Ḩamāh -> Hamah."""
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _JOINERS.sub("'", text)


_DIGRAPHS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ay"), ("ey", "ay"), ("ai", "ay"))
_VOWEL_CLASS = str.maketrans({"e": "i", "o": "u"})


def _skeleton_word(word: str) -> str:
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    word = word.translate(_VOWEL_CLASS)
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:  # doubled letters: Maarrat = Marat, Tall = Tal
            out.append(ch)
    if len(out) > 2 and out[-1] == "h" and out[-2] in _VOWELS:
        out.pop()  # Hamah = Hama
    return "".join(out)


def skeleton(key: str) -> str:
    """A lossy key that merges transliteration variants: Idleb/Idlib, Sheikhoun/Shaykhun,
    Hamah/Hama, Tal/Tall, al-/an-/ash- articles.

    Only for fallback lookups: it also merges unrelated names, so callers demand context.
    """
    return _skeleton_short(key) if len(key) <= _SHORT else _skeleton(key)


@functools.lru_cache(maxsize=32768)
def _skeleton_short(key: str) -> str:
    return _skeleton(key)


def _skeleton(key: str) -> str:
    words = key.split()
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
        # An article written onto its word, assimilated: Deir Ezzor = Deir ez-Zor.
        words = [words[0]] + [_ASSIMILATED.sub(r"\1", w) for w in words[1:]]
    return " ".join(_skeleton_word(w) for w in words)


def words(text: str) -> list[tuple[int, int]]:
    """Spans of the words of `text` (letters and digits, apostrophes kept inside)."""
    out = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        tail = _CLITIC.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()  # possessive and contractions: Syria's, We're, I'd
        out.append((start, end))
    return out
