"""Toponym candidates: gazetteer matching over capitalised word runs, with false hits rejected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.resolve.gazetteer import Entry, Gazetteer
from eventwire.resolve.toponyms import fold, words

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Lower-case words allowed inside a multi-word toponym (Rio de Janeiro, Deir ez-Zor).
CONNECTORS = frozenset(
    [
        "of",
        "de",
        "del",
        "della",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "y",
        "al",
        "el",
        "ad",
        "ed",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ez",
        "ul",
        "ur",
        "us",
        "on",
        "upon",
        "am",
        "im",
        "an",
        "der",
        "den",
        "bin",
        "bani",
        "ibn",
    ]
)
# A capitalised word just before a name that makes it a person's name, not a place.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "gen",
        "general",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "sgt",
        "rev",
        "father",
        "sister",
        "brother",
        "sen",
        "senator",
        "rep",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "imam",
        "pope",
        "saint",
        "minister",
        "premier",
        "chancellor",
        "governor",
        "mayor",
        "coach",
        "officer",
    ]
)
# Abbreviations that are toponyms only in this exact spelling.
ABBREVIATIONS = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DRC"})
# Entity labels that, when they extend beyond a match, make it part of another name.
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "LANGUAGE"}
)
_SENTENCE_END = frozenset('.!?:;"“”\n')
_ALLOWED_GAPS = frozenset({" ", "-", ". ", ".", " - "})
MAX_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names gazetteer entries."""

    start: int
    end: int
    text: str
    candidates: tuple[Entry, ...]
    fuzzy: bool = False  # matched by transliteration skeleton, not exactly
    sentence_initial: bool = False


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _gap_ok(text: str, a: int, b: int) -> bool:
    return text[a:b] in _ALLOWED_GAPS


def _entity_conflict(doc: Doc | None, start: int, end: int) -> str | None:
    """The NER label of an entity that contains the match and extends beyond it, if any."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.ent_iob_ and tok.ent_type_ in _NAME_LABELS:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and (ent.start_char < start or ent.end_char > end):
                return ent.label_
    return None


def find_mentions(gaz: Gazetteer, text: str, doc: Doc | None = None) -> list[Mention]:
    """Longest gazetteer matches starting at capitalised words, left to right."""
    spans = words(text)
    n = len(spans)
    out: list[Mention] = []
    i = 0
    while i < n:
        s0, e0 = spans[i]
        if not _is_cap(text[s0:e0]):
            i += 1
            continue
        hit = _longest_match(gaz, text, spans, i)
        if hit is None:
            i += 1
            continue
        j, mention = hit
        if _accept(gaz, text, mention, spans, i, j, doc):
            out.append(mention)
            i = j
        else:
            i += 1
    return out


def _longest_match(
    gaz: Gazetteer, text: str, spans: list[tuple[int, int]], i: int
) -> tuple[int, Mention] | None:
    n = len(spans)
    limit = i + 1
    while limit < min(n, i + gaz.max_words) and _gap_ok(text, spans[limit - 1][1], spans[limit][0]):
        w = text[spans[limit][0] : spans[limit][1]]
        if not (_is_cap(w) or w.lower() in CONNECTORS or w.isdigit()):
            break
        limit += 1
    initial = _sentence_initial(text, spans[i][0])
    for j in range(limit, i, -1):
        last = text[spans[j - 1][0] : spans[j - 1][1]]
        if not _is_cap(last) and not last.isdigit():
            continue
        start, end = spans[i][0], spans[j - 1][1]
        if end < len(text) and text[end] == "." and text[start : end + 1] in ABBREVIATIONS:
            end += 1
        surface = text[start:end]
        key = fold(surface)
        found = gaz.lookup_key(key)
        fuzzy = False
        if not found and j - i <= 3 and len(key) >= 5:
            found = gaz.lookup_skeleton(key)
            fuzzy = True
        if found:
            cands = tuple(found[:MAX_CANDIDATES])
            return j, Mention(start, end, surface, cands, fuzzy, initial)
    return None


def _accept(
    gaz: Gazetteer,
    text: str,
    m: Mention,
    spans: list[tuple[int, int]],
    i: int,
    j: int,
    doc: Doc | None,
) -> bool:
    """Reject matches that are codes, common words, parts of other names or persons."""
    surface = m.text
    if surface in gaz.demonyms:
        return False
    big = max(e.population for e in m.candidates)
    has_region = any(e.feature_code in ("PCLI", "ADM1") for e in m.candidates)
    if surface.isupper() and len(surface.replace(".", "")) <= 4 and surface not in ABBREVIATIONS:
        return False
    if i > 0:
        prev = text[spans[i - 1][0] : spans[i - 1][1]]
        if prev.lower().rstrip(".") in TITLES and _gap_ok(text, spans[i - 1][1], spans[i][0]):
            return False
    label = _entity_conflict(doc, m.start, m.end)
    if label is not None:
        return False
    lower = surface.lower()
    if j - i == 1 and lower in gaz.common_words:
        if m.sentence_initial and not has_region:
            return False
        if not has_region and big < 100_000:
            return False
    return True
