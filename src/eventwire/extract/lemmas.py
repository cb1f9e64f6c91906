"""Base forms of the few verbs the rules look up, without spaCy's lemmatizer component.

The rules only ask whether a token is a form of a verb in a small closed list (reporting
verbs, vows, plans, ...), so a table of those verbs' inflections answers exactly that question
at the cost of a dictionary lookup; `lemma` returns spaCy's lemma for every form in the table
and the lowercased text otherwise (which matches no list entry unless it is a base form).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Forms that regular spelling rules do not give.
_IRREGULAR = {
    "said": "say", "told": "tell", "fled": "flee", "sought": "seek", "wrote": "write",
    "written": "write", "writing": "write", "shown": "show", "broadcasted": "broadcast",
    "according": "accord", "heard": "hear", "saw": "see", "seen": "see", "flew": "fly",
    "flown": "fly", "broke": "break", "broken": "break", "strove": "strive", "striven": "strive",
}  # fmt: skip
# One-syllable verbs ending consonant-vowel-consonant double it: banned, planning, stopped.
_DOUBLING = frozenset(["ban", "plan", "plot", "scrap", "slam", "stop"])


def inflections(verb: str) -> set[str]:
    """The base, -s, -ed and -ing forms of a regular verb (and plural of its noun)."""
    if verb in _DOUBLING:
        stem = verb + verb[-1]
        return {verb, verb + "s", stem + "ed", stem + "ing"}
    if verb.endswith("ee"):
        return {verb, verb + "s", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    plural = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
    return {verb, plural, verb + "ed", verb + "ing"}


@functools.cache
def _tables(verbs: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(verb forms -> base, noun plurals -> singular) for `verbs`."""
    forms = {form: verb for verb in sorted(verbs) for form in inflections(verb)}
    forms.update({form: base for form, base in _IRREGULAR.items() if base in verbs})
    forms["according"] = "accord"  # spaCy's lemma; "according to" is not the verb "accord"
    plurals = {
        form: verb
        for verb in verbs
        for form in inflections(verb)
        if form.endswith("s") and form != verb
    }
    return forms, plurals


def lemma(token: Token, verbs: Iterable[str]) -> str:
    """The base form of `token` if it is a form of one of `verbs`, else its lowercased text.

    As spaCy's rule lemmatizer: verbs take every form, nouns only plurals ("threats"), other
    words (adjectives such as "alleged", names such as "United States") keep their text."""
    lower = token.lower_
    forms, plurals = _tables(frozenset(verbs))
    if token.pos_ in {"VERB", "AUX"}:
        return forms.get(lower, lower)
    if token.pos_ == "NOUN":
        return plurals.get(lower, lower)
    return lower
