"""Who says so: attributed sources in a sentence ("according to SOHR", "state media said")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.lemmas import lemma as base_form

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SAY_LEMMAS = frozenset(
    [
        "say",
        "report",
        "tell",
        "announce",
        "confirm",
        "claim",
        "admit",
        "acknowledge",
        "state",
        "add",
        "quote",
        "document",
        "record",
        "publish",
        "broadcast",
        "cite",
    ]
)
# Common names for well-known sources, so that "the Observatory" and "SOHR" become one name.
SOURCE_ALIASES: dict[str, str] = {
    "sohr": "Syrian Observatory for Human Rights",
    "the observatory": "Syrian Observatory for Human Rights",
    "observatory": "Syrian Observatory for Human Rights",
    "syrian observatory": "Syrian Observatory for Human Rights",
    "the syrian observatory": "Syrian Observatory for Human Rights",
    "the britain-based monitor": "Syrian Observatory for Human Rights",
    "britain-based monitor": "Syrian Observatory for Human Rights",
    "the uk-based monitor": "Syrian Observatory for Human Rights",
    "the monitor": "Syrian Observatory for Human Rights",
    "sana": "SANA",
    "syrian arab news agency": "SANA",
    "state news agency sana": "SANA",
}
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "these", "those"]
)
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_GENERIC_SOURCE = re.compile(
    r"\b(?:state (?:media|television|tv|news agency)|activists|witnesses|residents|"
    r"local sources|medical sources|security sources?|military sources?|officials|monitors?|"
    r"a war monitor)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Source:
    """A source named in the text, normalised, and the span it was read from."""

    name: str
    start: int
    end: int


def normalise(name: str) -> str:
    """Trimmed, alias-resolved source name ("the Observatory" -> SOHR's full name)."""
    cleaned = re.sub(r"\s+", " ", name.strip(" ,.;:\"'“”"))
    cleaned = re.sub(r"\s*\(([A-Z]{2,})\)?$", "", cleaned)  # "... (SOHR)" -> full name only
    alias = SOURCE_ALIASES.get(cleaned.lower()) or SOURCE_ALIASES.get(
        _LEAD.sub("", cleaned).lower()
    )
    if alias:
        return alias
    cleaned = _LEAD.sub("", cleaned)
    return cleaned[:1].upper() + cleaned[1:]


def _phrase(token: Token) -> tuple[int, int] | None:
    """The noun phrase of a source token, without relative clauses; None for pronouns."""
    if token.lower_ in _PRONOUNS:
        return None
    words = [t for t in token.subtree if t.dep_ not in {"relcl", "acl", "punct"}]
    left = token.left_edge
    for t in token.children:
        if t.dep_ in {"relcl", "acl", "appos"} and t.i > token.i:
            words = [w for w in words if w.i < t.left_edge.i]
    if not words:
        return None
    start_tok, end_tok = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    start_tok = left if left.i >= start_tok.i else start_tok
    if end_tok.i - start_tok.i > 12:
        return None
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def find_sources(sentence: Span, text: str | None = None) -> list[Source]:
    """Sources named in a sentence: subjects of reporting verbs, objects of "according to"."""
    text = sentence.doc.text if text is None else text  # the Doc's text, if the caller has it
    spans: list[tuple[int, int]] = []
    for token in sentence:
        if base_form(token, SAY_LEMMAS) in SAY_LEMMAS and token.pos_ in {"VERB", "AUX"}:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.dep_ == "nsubj":
                    span = _phrase(child)
                    if span:
                        spans.append(span)
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            for obj in to.children:
                if obj.dep_ == "pobj":
                    span = _phrase(obj)
                    if span:
                        spans.append(span)
    if not spans:
        for m in _ACCORDING.finditer(sentence.text):
            tail = sentence.text[m.end() :]
            stop = re.search(r"[,.;]|\s(?:which|who|that)\s", tail)
            length = stop.start() if stop else len(tail)
            if 0 < length <= 80:
                s = sentence.start_char + m.end()
                spans.append((s, s + length))
    out: list[Source] = []
    for start, end in spans:
        while end > start and text[end - 1] in " ,.;:\"'“”":
            end -= 1
        # The parse leaves punctuation out: close "(SOHR" when its ")" follows.
        if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
            end += 1
        # A parse that runs a toll into the subject ("wounded at least 50 a monitoring group"):
        # keep what follows the last number.
        last_number = None
        for m in re.finditer(r"\d[\d,.]*", text[start:end]):
            last_number = m
        if last_number is not None:
            start += last_number.end()
            while start < end and not text[start].isalpha():
                start += 1
        name = normalise(text[start:end])
        if name and not any(o.name == name for o in out):
            out.append(Source(name, start, end))
    return out


def has_generic_source(sentence: Span) -> bool:
    return bool(_GENERIC_SOURCE.search(sentence.text))
