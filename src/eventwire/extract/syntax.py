"""Reading the dependency parse around a trigger: its clause, whether it is asserted, its actors."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.lemmas import inflections
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
        # attempts and failures: "struggling to broker a ceasefire", "failed to agree a truce"
        "struggle",
        "strive",
        "fail",
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
        "speculation",
        "rumours",
        "rumors",
        "allegations",
        "scenario",
        # attempts and hopes: "efforts to reach a truce", "a bid to retake", "talks on a truce"
        "effort",
        "efforts",
        "bid",
        "bids",
        "chance",
        "chances",
        "prospects",
        "hopes",
        "talks",
        "negotiations",
        "mediation",
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


# Verbs of accusation, condemnation and criticism: "accused X of shelling Y", "condemned
# Monday's shelling" report an incident only when the sentence anchors one (a day, a toll);
# "accused the regime of shelling residential areas", "denounced the air strikes on hospitals"
# are charges and stances, no incident.
ACCUSING = frozenset(
    ["accuse", "blame", "condemn", "denounce", "decry", "deplore", "criticise", "criticize",
     "slam"]
)  # fmt: skip
# Verbs of seeing, hearing and flying: "warplanes were heard over Raqqa" is no strike.
SIGHTED = frozenset(["hear", "see", "spot", "sight", "fly", "circle", "hover", "patrol", "roar"])
_LOOKED_UP = IRREALIS | REPORTING | ACCUSING | SIGHTED  # the verbs `base_form` must know
# Adverbs of habit or frequency: "the regime routinely shells ..." tells what usually happens.
_HABITUAL = frozenset(
    [
        "routinely",
        "regularly",
        "often",
        "frequently",
        "usually",
        "always",
        "habitually",
        "typically",
        "generally",
        "constantly",
        "continually",
        "normally",
        "customarily",
        "whenever",
        "repeatedly",
        "systematically",
        "continuously",
        "persistently",
        "daily",
        "nightly",
    ]
)
# Adjectives that make a happening a kind, not an incident: "countless air raids".
_HABITUAL_ADJ = frozenset(
    [
        "countless",
        "numerous",
        "innumerable",
        "frequent",
        "regular",
        "routine",
        "incessant",
        "daily",
        "nightly",
        "repeated",
        "systematic",
        "constant",
        "continuous",
        "relentless",
    ]
)
# Predicates whose complement is a possibility or a prospect: "likely to attack", "it is
# possible that ...", "poised to storm".
_PROSPECT_ADJ = frozenset(
    ["likely", "unlikely", "possible", "probable", "poised", "ready", "set", "bound", "unable",
     "willing", "eager", "determined"]
)  # fmt: skip
_SUBJECTS = frozenset({"nsubj", "csubj", "agent"})
# A place named by what happened there ("Khan Sheikhun, the site of a chemical attack in
# April"): the incident identifies the place, it is not the sentence's news ("the site of
# Saturday's blast", definite, is the reported incident's place).
_SITE = frozenset({"site", "sites"})


def _indefinite(preposition: Token) -> bool:
    """The object of `preposition` is an indefinite noun phrase ("of a chemical attack")."""
    return any(
        c.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children)
        for c in preposition.children
    )


# Determiners that make an event noun a kind: "any attack on civilians is terrorism".
_ANY = frozenset({"any", "every", "each"})


def _every_time(verb: Token) -> bool:
    """`verb` heads or is qualified by a clause of recurrence: "every time X ...", "each time
    ...", "whenever ..."."""
    for child in verb.children:
        if (
            child.dep_ == "npadvmod"
            and child.lower_ == "time"
            and any(d.dep_ == "det" and d.lower_ in {"every", "each"} for d in child.children)
        ):
            return True
        if child.dep_ in {"advmod", "mark"} and child.lower_ == "whenever":
            return True
        if child.dep_ == "advcl" and _every_time(child):
            return True
    return False


def only_sighted(token: Token) -> bool:
    """An aircraft named as the subject of a verb of seeing or flying ("Syrian warplanes were
    heard over Raqqa", "jets flew over the city"): a sighting, not a strike, unless the
    sentence goes on to an act of theirs ("flew over Idlib and bombed a market")."""
    noun = token if token.pos_ in {"NOUN", "PROPN"} else token.head
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or base_form(verb, _LOOKED_UP) not in SIGHTED:
        return False
    return not any(c.dep_ in {"conj", "advcl", "xcomp"} for c in verb.children)


# Words that tell an agreement did not hold or was never made: "the truce collapsed", "talks
# broke down", "violated the ceasefire", "a breach of the truce", "despite the ceasefire".
UNDOING = frozenset(
    ["collapse", "fail", "falter", "stall", "founder", "crumble", "break", "violate", "breach",
     "reject", "abandon", "scrap", "undermine", "expire", "end"]
)  # fmt: skip
_UNDOING_WORDS = frozenset(
    ["violation", "violations", "breach", "breaches", "collapse", "failure", "breakdown",
     "end", "despite"]
)  # fmt: skip


def agreement_undone(token: Token) -> str | None:
    """Why an agreement word (`token`, "ceasefire", "truce", "deal") tells no agreement made:
    it is what collapsed, failed, was violated or broken, or it stands after "despite"; None
    when nothing says so ("the sides agreed a ceasefire")."""
    noun = token
    while noun.dep_ in {"compound", "amod"} and noun.head is not noun:
        noun = noun.head  # "ceasefire deal", "peace talks"
    head = noun.head
    verb = head.pos_ in {"VERB", "AUX"} and base_form(head, UNDOING) in UNDOING
    if verb and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return f"undone '{head.text}'"
    heads = [head, head.head] if head.dep_ == "prep" else [head]
    if noun.dep_ == "pobj" and any(h.lower_ in _UNDOING_WORDS for h in heads):
        return f"undone '{next(h for h in heads if h.lower_ in _UNDOING_WORDS).text}'"
    return None


# Verbs that tell an agreement was made or came into force ("reached a deal", "a truce was
# declared", "the ceasefire took effect", "a deal brokered by Russia").
_CONCLUDING = frozenset(
    form
    for verb in ("reach", "sign", "agree", "conclude", "broker", "declare", "announce", "seal",
                 "clinch", "approve", "accept", "hammer", "negotiate", "secure", "finalize",
                 "finalise", "arrange", "mediate", "start", "enter", "implement")
    for form in inflections(verb)
) | frozenset(["struck", "strike", "strikes", "took", "taken", "take", "takes", "came", "come",
               "comes", "went", "gone", "began", "begun", "begin", "begins"])  # fmt: skip
_AGREEMENT_NOUN_TAGS = frozenset({"NN", "NNS"})


def agreement_only_named(token: Token) -> bool:
    """An agreement noun that names an agreement rather than tells one made ("under a deal",
    "the ceasefire line", "maintaining the ceasefire", "the agreement is one of several"): no
    verb of making it ("reached", "signed", "declared", "brokered", "took effect") governs it
    or describes it."""
    if token.tag_ not in _AGREEMENT_NOUN_TAGS:
        return False  # a verb ("agreed to", "signed") tells it made
    noun = token
    while noun.dep_ in {"compound", "amod"} and noun.head is not noun:
        noun = noun.head  # "ceasefire deal", "truce zone"
    if any(c.dep_ in {"acl", "relcl"} and c.lower_ in _CONCLUDING for c in noun.children):
        return False  # "a deal brokered by Turkey", "a truce which was declared on Monday"
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and head.lower_ in _CONCLUDING:
        return False
    if noun.dep_ == "pobj" and head.head.lower_ in _CONCLUDING:
        return False  # "agreed on a truce", "came to an agreement"
    return noun.dep_ != "ROOT"  # (a headline's bare "Ceasefire in Aleppo" is left as it was)


# Nouns for armed actors and people, which an -ing participle after them describes.
_ACTOR_NOUNS = frozenset(
    ["group", "groups", "rebels", "fighters", "forces", "force", "militants", "coalition",
     "troops", "soldiers", "jihadists", "factions", "militias", "militia", "insurgents",
     "opposition", "those", "people", "men", "organisations", "organizations", "movement",
     "alliance", "brigades", "units", "army", "kurds", "tribes"]
)  # fmt: skip


def describes_actor(token: Token) -> bool:
    """An -ing participle after a noun for armed actors or a name ("one of the groups fighting
    Assad's forces", "rebels fighting to oust Assad", "Syrian Kurds fighting IS"): it says what
    they are doing as a rule, it tells no incident (`advances seizing a village` still does)."""
    if token.tag_ != "VBG" or token.dep_ != "acl":
        return False
    head = token.head
    return head.pos_ == "PROPN" or head.lower_ in _ACTOR_NOUNS


def is_imperative(root: Token) -> bool:
    """A sentence root in the bare base form, first in its sentence, with no subject or
    auxiliary: a call to action ("End the shelling of Ghouta")."""
    if root.tag_ != "VB" or root.dep_ != "ROOT":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in root.children):
        return False
    first = next((t for t in root.sent if not (t.is_punct or t.is_space)), root)
    return first.i == root.i or (first.lower_ == "please" and first.i + 1 == root.i)


def is_asserted(
    token: Token,
    bounds: tuple[int, int] | None = None,
    anchored: bool = True,
    narrative: bool = False,
) -> tuple[bool, str]:
    """Whether the event word is reported as having happened (not a vow, plan, denial, ...).

    `bounds`: the token range of the sentence (the parse may join a headline line to it; the
    walk up the tree stops at its edge). `anchored`: the sentence ties what it tells to an
    incident (a day or time, a death toll of its own); unanchored accusations and generic
    statements are no incident. `narrative`: body prose of a multi-line text, where a simple
    present tense is generic ("Russian jets target hospitals"), not a headline's present."""
    lo, hi = bounds if bounds is not None else (token.sent.start, token.sent.end)
    current, came_from = token, token
    verb_seen = perfect_seen = False
    path: list[Token] = []
    for _ in range(10):
        lemma = base_form(current, _LOOKED_UP)
        # "Protesters demanded ..." is a protest; "they demanded a ceasefire" is no ceasefire;
        # the passive subject is what is demanded or expected ("An offensive is expected").
        subject = came_from.dep_ in _SUBJECTS
        if current is not token and lemma in IRREALIS and not subject:
            return False, f"under '{current.text}'"
        if current is not token and lemma in ACCUSING and not subject and not anchored:
            return False, f"charge '{current.text}' without a day or toll"
        if current is not token and current.pos_ == "NOUN" and current.lower_ in NOUN_IRREALIS:
            return False, f"under '{current.text}'"
        if current.lower_ in _SITE and came_from.lower_ == "of" and _indefinite(came_from):
            return False, f"names a place '{current.text} of'"
        if current.dep_ == "pcomp" and current.head.lower_ == "for":
            return False, f"purpose 'for {current.text}'"
        if current is token and _purpose(current):
            return False, f"purpose 'to {current.text}'"
        if (
            current is not token
            and current.lower_ in _PROSPECT_ADJ
            and came_from.dep_ in {"xcomp", "ccomp"}
        ):
            return False, f"prospect '{current.text}'"
        if current is token and not anchored and describes_actor(token):
            return False, f"description '{token.text}'"
        if current.lower_ == "going" and came_from.dep_ == "xcomp" and came_from.tag_ == "VB":
            return False, "future 'going to'"
        from_clause = came_from.dep_ in {"ccomp", "csubj"}
        for child in current.children:
            if child.dep_ == "amod" and child.lower_ in _UNREAL_ADJ:
                return False, f"'{child.text}'"
            if child.dep_ == "neg" and current.pos_ in {"VERB", "AUX"}:
                return False, f"negated by '{child.text}'"
            if current is token and child.dep_ == "det" and child.lower_ == "no":
                return False, "negated by 'no'"
            if current is token and child.dep_ == "det" and child.lower_ in _ANY and not anchored:
                return False, f"generic '{child.text}'"
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
                return False, f"modal '{child.text}'"
            if child.dep_ == "mark" and _CONDITIONAL.match(child.text):
                return False, f"conditional '{child.text}'"
            if child.dep_ == "acomp" and child.lower_ in _PROSPECT_ADJ and from_clause:
                return False, f"prospect '{child.text}'"  # "it is possible that ..."
            if not anchored and child.lower_ in _HABITUAL and child.dep_ in {"advmod", "mark"}:
                return False, f"habitual '{child.text}'"
            if not anchored and child.dep_ == "amod" and child.lower_ in _HABITUAL_ADJ:
                return False, f"habitual '{child.text}'"
        if not anchored and current.pos_ in {"VERB", "AUX"} and _every_time(current):
            return False, "recurrent 'every time'"
        if current.pos_ in {"VERB", "AUX"} and not verb_seen:
            verb_seen = True  # the tense that counts is that of the trigger's own clause
            if not anchored and narrative and _generic_present(current):
                return False, f"generic present '{current.text}'"
            if not anchored and narrative and _existential_perfect(current):
                return False, f"perfect of a kind '{current.text}'"
        if not anchored and not perfect_seen and current.pos_ in {"VERB", "AUX"}:
            # (the first verb with a tense: the parse may make the trigger a bare participle,
            # "subject to bombing and shelling", under "has been")
            perfect_seen = current.tag_ in _TENSED or _has_aux(current)
            if _perfect_over_period(current, path):
                return False, f"running over a period '{current.text}'"
        path.append(current)
        if current.dep_ == "ROOT" and is_imperative(current):
            return False, f"imperative '{current.text}'"
        if lemma in REPORTING and current is not token:
            break  # "X said the army shelled ..." reports a fact
        if current.dep_ == "ROOT" or current.head is current:
            break
        if not lo <= current.head.i < hi:
            break  # the parse joined another line (a headline) to this sentence
        current, came_from = current.head, current
    return True, ""


# Verbs in the simple present that still report an incident or its state in news prose.
_PRESENT_OK = frozenset(
    ["continue", "continues", "rage", "rages", "come", "comes", "follow", "follows", "remain",
     "remains", "say", "says", "is", "are", "has", "have"]
)  # fmt: skip


def _existential_perfect(verb: Token) -> bool:
    """A present perfect whose object is a bare plural ("Russia has targeted hospitals and
    schools", "forces have shelled residential areas"): what has happened as a pattern, not
    one incident (that names its target: "have shelled the town")."""
    if verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve"} for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.tag_ == "NNS"
        and not any(c.dep_ in {"det", "nummod", "poss", "quantmod"} for c in o.children)
        for o in objects
    )


# A stretch of time a present perfect runs over ("has faced attacks in recent months", "have
# had a truce for two years", "has been subject to shelling this year", "a month-long
# offensive", "since then"); "in recent days" and "this week" still tell incidents ("rebels
# have captured villages in recent days", "have mounted new raids this week, abducting ...").
_PERIOD = re.compile(
    r"\b(?:in|over|during|for|throughout|within) (?:the )?(?:past|last|recent|previous) "
    r"(?:\w+ )?(?:weeks|months|years)\b|\bin recent (?:weeks|months|years)\b|"
    r"\bthis (?:month|year)\b|\bsince then\b|"
    r"\bfor (?:at least |more than |nearly |almost |about |over |some )?(?:\w+ )?"
    r"(?:weeks|months|years)\b|\b(?:weeks?|months?|years?) ?- ?long\b",
    re.IGNORECASE,
)
# Dependents that open a clause of their own, whose time words are not the verb's.
_OTHER_CLAUSE = frozenset({"relcl", "advcl", "ccomp", "acl", "conj", "parataxis", "csubj"})


def _perfect_over_period(verb: Token, path: Sequence[Token] = ()) -> bool:
    """A present perfect whose own clause spans a stretch of time ("Kilis has faced rocket
    attacks in recent months", "hundreds have been killed over the past weeks"): a
    situation or a running total, not one incident (that has a day: "on Friday").

    `path`: the tokens from the trigger up to the verb, whose own words count too."""
    if verb.tag_ != "VBN" or not _has_aux(verb, _PERFECT):
        return False
    words: list[Token] = []
    stack = [verb, *path]
    while stack:
        node = stack.pop()
        words.append(node)
        stack.extend(c for c in node.children if c.dep_ not in _OTHER_CLAUSE)
    text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
    return bool(_PERIOD.search(text))


_PERFECT = frozenset({"has", "have", "'ve", "'s"})
_TENSED = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _has_aux(verb: Token, words: frozenset[str] | None = None) -> bool:
    return any(
        c.dep_ in {"aux", "auxpass"} and (words is None or c.lower_ in words) for c in verb.children
    )


def _purpose(verb: Token) -> bool:
    """A to-infinitive that tells what an act or a noun is for ("launched an offensive to
    retake the province", "a battle to seize Aleppo", "advanced to capture the town"), not
    what was done ("managed to capture" is an xcomp, and stays)."""
    if verb.tag_ != "VB" or verb.dep_ not in {"acl", "advcl", "relcl"}:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _generic_present(verb: Token) -> bool:
    """A lexical verb in the simple present (no auxiliary): in a report's body this tells what
    an actor does as a rule ("the militants kill anyone who ..."), not a dated incident."""
    if verb.tag_ not in {"VBZ", "VBP"} or verb.lower_ in _PRESENT_OK:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


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
