"""Reading the dependency parse around a trigger: its clause, whether it is asserted, its actors."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.lemmas import lemma as base_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose complement is not (yet) a fact: vows, threats, plans, denials, criticism, fears.
IRREALIS = frozenset(
    [
        "threaten",
        "flee",
        "mourn",
        "commemorate",
        "honour",
        "honor",
        "escape",
        "vow",
        "pledge",
        "warn",
        "plan",
        "intend",
        "promise",
        "prepare",
        "call",
        "urge",
        "demand",
        "want",
        "seek",
        "aim",
        "hope",
        "fear",
        "expect",
        "consider",
        "propose",
        "deny",
        "refuse",
        "prevent",
        "avoid",
        "stop",
        "ban",
        "try",
        "attempt",
        "ask",
        "order",
        "request",
        "plot",
        "rule",
        "threat",
        "vote",
        "debate",
        "discuss",
        "negotiate",
        "study",
        "review",
        "investigate",
        "probe",
        "predict",
        "risk",
        "mull",
        "weigh",
        "appeal",
        "offer",
        "prepare",
        "rehearse",
        "train",
        "allege",
        "rumor",
        "rumour",
        "speculate",
        "claim_responsibility",
    ]
)
NOUN_IRREALIS = frozenset(
    [
        "threat",
        "threats",
        "plan",
        "plans",
        "call",
        "calls",
        "warning",
        "warnings",
        "fear",
        "fears",
        "vow",
        "vows",
        "pledge",
        "pledges",
        "possibility",
        "risk",
        "prospect",
        "demand",
        "demands",
        "condemnation",
        "criticism",
        "denial",
        "proposal",
    ]
)
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must", "'ll"})
REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "confirm",
        "add",
        "state",
        "note",
        "according",
        "claim",
        "admit",
        "acknowledge",
        "accuse",
        "explain",
        "write",
        "quote",
        "cite",
        "show",
        "reveal",
    ]
)
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis", "acl", "xcomp"})
_UNREAL_ADJ = frozenset({"possible", "potential", "planned", "imminent", "expected", "future"})
_CONDITIONAL = re.compile(r"^(?:if|unless|whether|should)$", re.IGNORECASE)


class TokenIndex:
    """Character offset -> token, for one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: keep one copy
        self._starts = [t.idx for t in doc]

    def at(self, char: int) -> Token:
        i = max(0, bisect.bisect_right(self._starts, char) - 1)
        return self.doc[i]


def governing_verb(token: Token) -> Token:
    """The verb (or the sentence root) a trigger word belongs to."""
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


def clause_span(token: Token) -> tuple[int, int]:
    """Character span of the clause of `token`: its verb's subtree without nested clauses."""
    verb = governing_verb(token)
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS and not _contains(child, token):
            excluded.update(t.i for t in child.subtree)
    kept = {t.i for t in verb.subtree if t.i not in excluded and not t.is_space}
    lo = hi = token.i
    while lo - 1 in kept or (
        lo - 1 >= verb.left_edge.i and verb.doc[lo - 1].is_punct and lo - 2 in kept
    ):
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = token.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _contains(node: Token, token: Token) -> bool:
    return node.left_edge.i <= token.i <= node.right_edge.i


_LOOKED_UP = IRREALIS | REPORTING  # the verbs whose forms `base_form` must know


def is_asserted(token: Token) -> tuple[bool, str]:
    """Whether the event word is reported as having happened (not a vow, plan, denial, ...)."""
    current, came_from = token, token
    for _ in range(10):
        lemma = base_form(current, _LOOKED_UP)
        # "Protesters demanded ..." is a protest; "they demanded a ceasefire" is no ceasefire.
        subject = came_from.dep_ in {"nsubj", "nsubjpass", "csubj", "agent"}
        if current is not token and lemma in IRREALIS and not subject:
            return False, f"under '{current.text}'"
        if current is not token and current.pos_ == "NOUN" and current.lower_ in NOUN_IRREALIS:
            return False, f"under '{current.text}'"
        if current.dep_ == "pcomp" and current.head.lower_ == "for":
            return False, f"purpose 'for {current.text}'"
        for child in current.children:
            if child.dep_ == "amod" and child.lower_ in _UNREAL_ADJ:
                return False, f"'{child.text}'"
            if child.dep_ == "neg" and current.pos_ in {"VERB", "AUX"}:
                return False, f"negated by '{child.text}'"
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
                return False, f"modal '{child.text}'"
            if child.dep_ == "mark" and _CONDITIONAL.match(child.text):
                return False, f"conditional '{child.text}'"
        if lemma in REPORTING and current is not token:
            break  # "X said the army shelled ..." reports a fact
        if current.dep_ == "ROOT" or current.head is current:
            break
        current, came_from = current.head, current
    return True, ""


@dataclass(frozen=True, slots=True)
class Arguments:
    """Character spans of a trigger's agent side and patient side, from the parse."""

    agent: tuple[int, int] | None
    patient: tuple[int, int] | None


def _subtree_span(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def arguments(token: Token) -> Arguments:
    """Agent and patient of an event word: subject/"by"-phrase vs object/passive subject."""
    verb = governing_verb(token)
    agent = patient = None
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"}:
            agent = _subtree_span(child)
        elif child.dep_ == "nsubjpass":
            patient = _subtree_span(child)
        elif child.dep_ == "agent":
            agent = _subtree_span(child)
        elif child.dep_ == "dobj" and patient is None:
            patient = _subtree_span(child)
    if verb.dep_ in {"xcomp", "conj"} and agent is None:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                agent = _subtree_span(child)
    return Arguments(agent, patient)


def sentence_of(index: TokenIndex, start: int) -> Span:
    return index.at(start).sent
