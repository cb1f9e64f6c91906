"""Finding event candidates: one typed, asserted, current event per sentence that reports one."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.casualties import Death, find_deaths
from eventwire.extract.classify import Decision, classify
from eventwire.extract.lemmas import lemma as base_form
from eventwire.extract.recall import timeline_spans
from eventwire.extract.syntax import (
    TokenIndex,
    agreement_only_named,
    agreement_undone,
    arguments,
    clause_span,
    describes_actor,
    governing_verb,
    is_asserted,
    only_sighted,
)
from eventwire.extract.taxonomy import SUB_EVENT_TO_EVENT
from eventwire.extract.triggers import ACCIDENT, OUT_OF_SCOPE, STATE_HINT, Cue, find_cues
from eventwire.resolve.actors import ActorMention

# Sentences that set the scene rather than report news.
BACKGROUND = re.compile(
    r"\b(?:(?:erupted|broke out|began|started) in (?:\w+ )?(?:19|20)\d\d|"
    r"since (?:(?:early |mid-|late )?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december) )?(?:19|20)\d\d|the (?:start|beginning|outbreak))|"
    r"(?:war|conflict|crisis|uprising|revolution|insurgency)\b[^.;]{0,120}?\b(?:has|have|had) "
    r"(?:so far )?(?:killed|left|claimed|displaced)|"
    r"(?:years?|decades?) (?:ago|of (?:war|conflict|fighting))|"
    # how the war came about: "The protests became an armed uprising after Assad's forces
    # cracked down", "began as a peaceful protest movement", "spiralled into civil war"
    r"(?:became|turned into|spiral+ed into|escalated into|descended into|evolved into|"
    r"morphed into) (?:an? |the |full-scale )?(?:\w+ )?(?:war|conflict|uprising|insurgency|"
    r"rebellion)|"
    r"(?:began|started) as (?:an? )?(?:\w+ ){0,3}?(?:protests?|movement|uprising))\b",
    re.IGNORECASE,
)
# Lines that are not prose: headlines of other articles, section labels, link lists.
NOT_PROSE = re.compile(
    r"^[\W\d]*(?:read more|related|see also|watch|click|advertis|share|follow)\b", re.I
)
# A list of tags or topics; when scraping ran it into the lead sentence ("Tags Syria Raqqa
# airstrikes ... A US-led coalition airstrike killed 18 ..."), that sentence has a finite verb.
TAGS = re.compile(r"^\W*(?:tags?|topics?|keywords|filed under|categor(?:y|ies))\b", re.I)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A strike cue that names only the aircraft ("Russian jets"), with no act.
_AIRCRAFT = re.compile(
    r"(?:\w+ )?(?:war ?planes|jets|aircraft|air ?force|drones?|helicopters?|bombers)", re.I
)
# Words of a date or time expression that tie a sentence to an incident ("on Friday", "last
# night", "15 March"), unlike durations and frequencies ("for years", "every day").
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"overnight|morning|afternoon|evening|night|dawn|dusk|noon|midnight|weekend|last|earlier|ago|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\d",
    re.I,
)
# Words before a date that make it a stretch of time, no incident's day ("since March").
_SPAN_WORDS = frozenset({"since", "for", "throughout", "over", "until", "till"})
# A sentence that asks: it ends with a question mark and opens with a question word or an
# inverted auxiliary ("Who shelled ...?", "Will the talks end the war?"); a question run into
# the end of a reporting sentence by scraping does not make that sentence a question.
_QUESTION = re.compile(
    r"^\W*(?:who|whom|whose|what|which|why|how|when|where|do|does|did|is|are|was|were|will|"
    r"would|can|could|should|shall|has|have|had|may|might|must)\b.*\?[\s\"'\u201d\u2019)]*$",
    re.I | re.S,
)
# A photo's credit that closes its caption: "(AFP Photo)", "(File photo)", "(Photo: SANA)",
# "REUTERS/Omar Sanadiki". (A bare "AP Photo" line follows an article's end or a link, not its
# caption, so it closes nothing.)
_CREDIT = re.compile(
    r"\((?:[A-Z][\w&.' -]{0,40} )?(?i:photo(?:graph)?s?|pictures?|images?)"
    r"(?:(?::| by|/)[^)]{0,60})?\)|"
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|AA|IHA|SANA) ?/ ?[A-Z][a-z]+\b"
)
# Words that make a sentence a caption: "in this photo", "in a photo released by SANA", "in
# this handout picture", "This photo ... shows", "are pictured", "Pictured:".
_CAPTION = re.compile(
    r"\bin (?:this|these|a|an|the) (?:\w+ ){0,2}?(?:photo(?:graph)?s?|pictures?|images?|"
    r"handout|file photo|video grab|screen ?grab|still (?:image|photo|from))\b|"
    r"\b(?:this|the above) (?:\w+ ){0,2}?(?:photo(?:graph)?|picture|image)\b|"
    r"\b(?:is|are|was|were) (?:seen )?pictured\b|^\W*pictured\b",
    re.I,
)
_AGREEMENT_CUES = frozenset({"Agreement", "agreement_weak"})
# Sentences from which a text on one line is an article run together, not a snippet.
ARTICLE_SENTENCES = 3
# Determiners that name an incident the reader is taken to know ("the blast", "that attack").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Prepositions after which a known incident is what is talked about ("blamed for the attack").
_ABOUT = frozenset({"for", "on", "about", "over", "despite"})
# Verbs whose object is an incident told before, not a new one ("Daesh claimed the attack",
# "the coalition condemned the bombing", "a witness described the blast").
_ABOUT_KNOWN = frozenset(
    {"claim", "condemn", "denounce", "describe", "survive", "witness", "document", "film",
     "recall", "remember"}
)  # fmt: skip
HEDGES = re.compile(r"\b(?:reportedly|allegedly|suspected|unconfirmed|possibly|apparently)\b", re.I)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that reports an event: its type decision, clause, counts, actors."""

    decision: Decision
    sent_start: int
    sent_end: int
    clause_start: int
    clause_end: int
    deaths: tuple[Death, ...]
    agent: tuple[int, int] | None
    patient: tuple[int, int] | None
    hedged: bool
    dropped: tuple[str, ...]  # why other cues of the sentence were set aside
    position: int = 0  # index of the sentence in the text (the lead reports the main event)
    side: bool = False  # a second event of its sentence, from a coordinated clause


def is_prose(sentence: Span, single_line: bool = False) -> bool:
    """A sentence with a verb and end punctuation, not a bare headline or link label.

    A text of one line (a snippet, a headline given alone) is taken as prose whatever its form.
    """
    text = sentence.text.strip()
    if NOT_PROSE.match(text):
        return False
    if TAGS.match(text) and not any(t.tag_ in _FINITE for t in sentence):
        return False
    if single_line:
        return True
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in sentence)
    ends = text[-1:] in {".", "!", "?", '"', "”", "'", ")"}
    return has_verb and (ends or len(sentence) > 12)


def is_fragment(sentence: Span) -> bool:
    """A sentence with no finite verb built on a present participle, ending in a full stop: a
    caption's description of a picture ("Syrian troops walking through the town after retaking
    it.", "A man carrying a child near a shelled building on Monday.")."""
    if not sentence.text.rstrip().endswith("."):
        return False
    if any(t.tag_ in _FINITE for t in sentence):
        return False
    root = sentence.root
    return root.tag_ == "VBG" or any(c.tag_ == "VBG" and c.dep_ == "acl" for c in root.children)


def caption_spans(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Character spans of the photo captions among a text's sentences: a sentence that says it
    is about a picture ("in this photo", "are pictured"), a participle fragment, and the words
    a photo credit closes ("... on Monday (AFP Photo)"; a credit opening a sentence closes the
    sentence before it). What a picture shows is told again, or not at all, in the report."""
    out: list[tuple[int, int]] = []
    for i, sentence in enumerate(spans):
        text = sentence.text
        start = sentence.start_char
        credit = _CREDIT.search(text)
        if _CAPTION.search(text) or is_fragment(sentence):
            end = start + credit.end() if credit else sentence.end_char
            out.append((start, end))
        elif credit is not None and text[: credit.start()].strip(" \"'“”"):
            out.append((start, start + credit.end()))
        elif credit is not None and i > 0:
            out.append((spans[i - 1].start_char, start + credit.end()))
    return out


def anchors_incident(sentence: Span, deaths: Sequence[Death]) -> bool:
    """The sentence ties what it tells to one incident: a death toll of its own (not a running
    total) or a day or time ("on Friday", "last night", "15 March")."""
    if any(not d.cumulative for d in deaths):
        return True
    doc = sentence.doc
    return any(
        e.label_ in {"DATE", "TIME"}
        and _WHEN.search(e.text)
        and not (e.start > 0 and doc[e.start - 1].lower_ in _SPAN_WORDS)
        for e in sentence.ents
    )


def _state_agent(
    text: str, agent: tuple[int, int] | None, actors: Sequence[ActorMention]
) -> bool | None:
    if agent is None:
        return None
    inside = [a for a in actors if agent[0] <= a.start and a.end <= agent[1]]
    if inside:
        return inside[0].role in {"military", "police", "government", "country"}
    return True if STATE_HINT.search(text[agent[0] : agent[1]]) else None


def detect_sentence(
    doc: Doc,
    index: TokenIndex,
    sentence: Span,
    actors: Sequence[ActorMention],
    single_line: bool = False,
    narrative: bool = False,
    captions: Sequence[tuple[int, int]] = (),
    body: bool = False,
    timeline: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """The event candidates of one sentence (its main event, and events of other types in
    coordinated clauses); empty when it reports no asserted event.

    `narrative`: the sentence is body prose (not a text's first line, not a one-line text),
    where a simple present tense without a day or toll is generic, not a headline's present.
    `captions`: spans of photo captions, whose cues report nothing of their own. `body`: not
    the text's first sentence (which tells its news however it names it). `timeline`: spans
    of a timeline box of past milestones and its copies (`recall.timeline_spans`), whose
    cues are old events retold."""
    text = index.text
    start, end = sentence.start_char, sentence.end_char
    if not is_prose(sentence, single_line):
        return []
    sent_text = text[start:end]
    if OUT_OF_SCOPE.search(sent_text) or BACKGROUND.search(sent_text):
        return []
    if _QUESTION.search(sent_text):
        return []  # "Who shelled the hospital?" asks; it reports nothing
    cues = find_cues(text, start, end)
    dropped = [f"{c.text!r} in a photo caption" for c in cues if _inside(c.start, captions)]
    cues = [c for c in cues if not _inside(c.start, captions)]
    dropped += [
        f"{c.text!r} in a timeline of past events" for c in cues if _inside(c.start, timeline)
    ]
    cues = [c for c in cues if not _inside(c.start, timeline)]
    if not cues:
        return []
    deaths = tuple(find_deaths(text, start, end))
    anchored = anchors_incident(sentence, deaths)
    narrative = narrative and sent_text.rstrip()[-1:] in {".", "!", '"', "”"}
    bounds = (sentence.start, sentence.end)
    kept: list[Cue] = []
    for cue in cues:
        token = index.at(cue.start)
        generic = narrative and not _present_of_no_claim(token, bounds)
        ok, why = is_asserted(token, bounds, anchored, generic)
        if ok and _AIRCRAFT.fullmatch(cue.text) and only_sighted(index.at(cue.end - 1)):
            ok, why = False, "aircraft seen or heard, no strike"
        if ok and body and not anchored and _known_incident(_head(index, cue)):
            ok, why = False, "an incident told before"
        if ok and cue.cue in _AGREEMENT_CUES:
            undone = agreement_undone(index.at(cue.end - 1))
            ok, why = undone is None, undone or ""
            if ok and agreement_only_named(index.at(cue.start)):
                ok, why = False, "an agreement named, not made"
        if ok:
            kept.append(cue)
        else:
            dropped.append(f"{cue.text!r} {why}")
    # "executed nine men, eight of them rebels fighting both the regime and the jihadists":
    # a participle that says what an actor does as a rule is no incident of its own where
    # another event word carries the sentence's day and toll.
    described = [c for c in kept if _describes_actor(index.at(c.start))]
    if described and len(described) < len(kept):
        kept = [c for c in kept if c not in described]
        dropped.extend(f"{c.text!r} describes an actor" for c in described)
    if not kept:
        return []
    civilian = any(d.kind == "civilian" and not d.cumulative for d in deaths)
    first = min(kept, key=lambda c: c.start)
    args = arguments(index.at(first.start))
    deadly = any(not d.cumulative for d in deaths)
    # the parse may join a headline line to the subject ("Syria news\nRebels captured ...")
    agent = (max(args.agent[0], start), args.agent[1]) if args.agent else None
    state_agent = _state_agent(text, agent, actors)
    decision = classify(kept, sent_text, start, civilian, state_agent, deadly)
    if decision is None:
        return []
    token = index.at(decision.trigger.start)
    args = arguments(token)
    c_start, c_end = clause_span(token)
    hedged = bool(HEDGES.search(sent_text))
    main = Candidate(
        decision, start, end, c_start, c_end, deaths, args.agent, args.patient, hedged,
        tuple(dropped),
    )  # fmt: skip
    sides = side_events(main, kept, index, sent_text, actors)
    if sides:  # a side clause's deaths are its own
        own = tuple(
            d for d in deaths if not any(s.clause_start <= d.start < s.clause_end for s in sides)
        )
        main = dataclasses.replace(main, deaths=own)
    return [main, *sides]


def _present_of_no_claim(token: Token, bounds: tuple[int, int]) -> bool:
    """The present tense over an event word that makes no generic claim of the sentence: a
    relative clause on "that" or "which" describing a thing the word is part of ("shells that
    contain toxic gases"), or the word itself parsed as a present verb with no subject of its
    own ("reported government airstrikes on ..."). A relative clause whose verb is the event
    word ("warplanes that target hospitals") still tells what an actor does as a rule."""
    verb = token
    for _ in range(10):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        if verb.head.i == verb.i or not bounds[0] <= verb.head.i < bounds[1]:
            return False
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    if verb.dep_ == "relcl":  # "shells that contain ...", not "every time Russia declares ..."
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return verb is not token and all(c.tag_ in {"WDT", "WP"} for c in subjects)
    return (
        verb is token
        and verb.dep_ not in {"ROOT", "conj"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
    )


def _head(index: TokenIndex, cue: Cue) -> Token:
    """The word a cue's other words hang on ("bomb" of "car bomb", "attack" of "attack on
    the convoy"), or the noun it is a part of ("attack" of "the car bomb attack")."""
    token = index.at(cue.start)
    while cue.start <= token.head.idx < cue.end and token.head.i != token.i:
        token = token.head
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head  # "the car bomb attack"
    return token


def _known_incident(token: Token) -> bool:
    """An event noun named as known ("the attack", "these bombings", "Tuesday's bombing") as
    what is talked about: after "for", "on", "about", "over", "despite" ("pointed the finger at
    the government for the attack", "submitted evidence on the Homs attacks", "talks resumed
    despite the offensive") or as what is claimed, condemned or described ("Daesh claimed the
    attack"). In body prose with no day or toll of its own it only talks about an incident
    told before. (Harm told "in the attack" or "by the shelling" adds to that incident and
    names its sources: it is left to join it.)"""
    if token.pos_ != "NOUN":
        return False
    if not any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in token.children
    ):
        return False
    if token.dep_ == "pobj":
        return token.head.lower_ in _ABOUT
    return token.dep_ == "dobj" and base_form(token.head, _ABOUT_KNOWN) in _ABOUT_KNOWN


def _describes_actor(token: Token) -> bool:
    """`describes_actor`, with the participle right after its noun ("rebels fighting ..."):
    not a noun the tagger took for one far from it ("people killed in regime shelling"), nor
    the subject's ("Troops fighting rebels near Aleppo killed five civilians" is the fight)."""
    return (
        describes_actor(token)
        and 0 < token.i - token.head.i <= 2
        and token.head.dep_ not in {"nsubj", "nsubjpass"}
    )


def _inside(char: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)


# A clause joined by these reports a second happening ("..., as the army sent reinforcements").
_SIDE_MARKS = frozenset({"as", "while", "whereas", "meanwhile"})


def side_events(
    main: Candidate,
    cues: Sequence[Cue],
    index: TokenIndex,
    sent_text: str,
    actors: Sequence[ActorMention],
) -> list[Candidate]:
    """Other events in coordinated or "as"/"while" clauses of the sentence, each with its own
    clause (so its own place and date), when they are of another event type."""
    outside = [c for c in cues if not main.clause_start <= c.start < main.clause_end]
    groups: dict[tuple[int, int], list[Cue]] = {}
    for cue in outside:
        token = index.at(cue.start)
        verb = governing_verb(token)
        marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}}
        joined = verb.dep_ in {"conj", "parataxis"} or (
            verb.dep_ == "advcl" and marks & _SIDE_MARKS
        )
        if joined:
            groups.setdefault(clause_span(token), []).append(cue)
    out: list[Candidate] = []
    main_type = SUB_EVENT_TO_EVENT[main.decision.sub_event_type]
    for (c_start, c_end), group in groups.items():
        deaths = tuple(d for d in main.deaths if c_start <= d.start < c_end)
        civilian = any(d.kind == "civilian" and not d.cumulative for d in deaths)
        decision = classify(group, sent_text, main.sent_start, civilian, None)
        if decision is None or decision.trigger.cue in {"kill", "attack"} or decision.score < 0.6:
            continue
        if SUB_EVENT_TO_EVENT[decision.sub_event_type] == main_type:
            continue
        args = arguments(index.at(decision.trigger.start))
        out.append(
            Candidate(decision, main.sent_start, main.sent_end, c_start, c_end, deaths,
                      args.agent, args.patient, main.hedged, (), side=True)
        )  # fmt: skip
    return out


def _weak(candidate: Candidate) -> bool:
    """Typed by words any death or blast shares ("killed", "dead", "explosion", "burned")."""
    return candidate.decision.trigger.cue in {"kill", "attack"} or candidate.decision.score < 0.6


def _disaster_nearby(spans: Sequence[Span], position: int) -> bool:
    """An accident, disaster or crime named in the sentence before or after."""
    window = spans[max(0, position - 1) : position + 2]
    return any(ACCIDENT.search(s.text) for s in window)


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, also split at line breaks (a headline is never part of a sentence).
    Walking a doc's sentences is costly: read them once per doc and pass them on."""
    out: list[Span] = []
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    for sent in doc.sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", text[sent.start_char : sent.end_char]):
            end = start + len(piece)
            if piece.strip() and "\n" not in piece:
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is not None and len(span):
                    out.append(span)
            start = end
    return out


def detect(
    doc: Doc, actors: Sequence[ActorMention], spans: Sequence[Span] | None = None
) -> list[Candidate]:
    """Event candidates of a parsed text, in text order (at most one per sentence); `spans`:
    its `sentences`, when the caller has them already."""
    index = TokenIndex(doc)
    out = []
    single_line = "\n" not in index.text.strip()
    spans = list(spans) if spans is not None else sentences(doc)
    captions = caption_spans(spans)
    timeline = timeline_spans(index.text)
    # An article whose line breaks were lost (a whole report on one line) is body prose after
    # its first sentence, like one with its lines; a snippet of one or two sentences is not.
    article = not single_line or len(spans) >= ARTICLE_SENTENCES
    for position, sentence in enumerate(spans):
        narrative = article and position > 0
        found = detect_sentence(
            doc, index, sentence, actors, single_line, narrative, captions, position > 0, timeline
        )
        for candidate in found:
            if _weak(candidate) and _disaster_nearby(spans, position):
                continue  # "... is dead after his car lost control": an accident, not an attack
            out.append(dataclasses.replace(candidate, position=position))
    return out
