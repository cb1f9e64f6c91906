"""Sides of battles and territory: one side or two, allies, winners and losers, the opponent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence

from eventwire.extract import taxonomy as tx
from eventwire.extract.detect import Candidate
from eventwire.models import Actor
from eventwire.resolve.actors import STATE_ROLES as STATE_KINDS
from eventwire.resolve.actors import ActorLexicon, ActorMention

STATE_ROLES = {"military", "police", "government", "country"}
REBELS = "rebels"  # the role of a country's generic rebels ("rebel", "opposition fighters")
# "the militants", "the jihadists": a definite generic noun refers back to a group named before.
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
ANAPHORA_CHARS = 400
# "terrorists from the Islamic State", "fighters of Ahrar al-Sham": a generic armed noun is
# the group named right after it.
GENERIC_ARMED = {"unidentified", "rebels", "militia"}
_MEMBER_OF = re.compile(
    r"^\s+(?:from|of|belonging to|affiliated (?:with|to)|linked to)\s+(?:the\s+)?", re.IGNORECASE
)


_HELD_MARK = re.compile(r"-(?:held|controlled)\b|\b(?:held|controlled) by (?:the )?", re.IGNORECASE)
_HOLDER_WORDS = re.compile(r"[\w'’.]+", re.IGNORECASE)
_HELD_SITES = (
    r"(?:positions?|bases?|posts?|checkpoints?|headquarters|barracks|front ?lines?|outposts?)"
)
_HELD_SITE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{_HELD_SITES}\b", re.IGNORECASE)
_HELD_SITE_BEFORE = re.compile(rf"\b{_HELD_SITES}\s+$", re.IGNORECASE)
HOLDER_WORDS = 4  # the longest holder phrase looked for ("Islamic State group-held")
HOLDER_CHARS = 80  # how far past the trigger the ground's holder is looked for


def ground_holder(
    lexicon: ActorLexicon, text: str, trig: int, end: int, sites: bool = False
) -> ActorMention | None:
    """The first side after the trigger named as holding a place: "government-held areas",
    "a village held by IS" (the longest actor phrase next to the mark); with `sites`, only a
    military site ("Kurdish-held positions", "positions held by Kurdish forces")."""
    for mark in _HELD_MARK.finditer(text, trig, end):
        if sites and not (
            _HELD_SITE_AFTER.match(text, mark.end())
            if mark.group().startswith("-")
            else _HELD_SITE_BEFORE.search(text[max(0, mark.start() - 30) : mark.start()])
        ):
            continue
        if mark.group().startswith("-"):
            words = list(_HOLDER_WORDS.finditer(text, trig, mark.start()))[-HOLDER_WORDS:]
            words = [w for w in words if w.end() <= mark.start()]
            spans = [(w.start(), mark.start()) for w in words]
        else:
            words = list(_HOLDER_WORDS.finditer(text, mark.end(), end))[:HOLDER_WORDS]
            spans = [(mark.end(), w.end()) for w in reversed(words)]
        for start, stop in sorted(spans, key=lambda s: s[0] - s[1]):
            found = lexicon.phrase(text, start, stop)
            if found is not None and found.role not in {"civilians", "agency"}:
                return found
    return None


OPPONENT_CHARS = 400  # how far before the sentence a battle's opponent is looked for
UNARMED_ROLES = {"civilians", "protesters", "rioters", "agency", "country"}
STATE_INTERS = {tx.INTER_STATE, tx.INTER_EXTERNAL}
_SHIFT = re.compile(
    r"\b(?:meanwhile|elsewhere|separately|in (?:another|other|a separate|relevant) "
    r"(?:development|incident)s?)\b",
    re.IGNORECASE,
)
_SITE_AFTER = re.compile(
    r"\s+(?:air\s*)?(?:bases?|airports?|airfields?|posts?|positions?|checkpoints?|barracks|"
    r"sites?|facilit(?:y|ies)|installations?|academy|compound|intelligence)\b",
    re.IGNORECASE,
)


def is_unidentified(actor: Actor) -> bool:
    """An actor the text does not identify ("Unidentified Armed Group (Syria)")."""
    return actor.name.startswith("Unidentified")


def opponent_before(
    candidate: Candidate,
    mentions: Sequence[ActorMention],
    lexicon: ActorLexicon,
    country: str | None,
    when: dt.date | None,
    text: str,
    actor1: Actor,
    excluded: Sequence[tuple[int, int]],
) -> Actor | None:
    """The nearest armed side named in the OPPONENT_CHARS before the sentence that is neither
    actor1's side nor its partner."""
    lo = max(0, candidate.sent_start - OPPONENT_CHARS)
    # "In Damascus meanwhile ...", "Elsewhere ...": another incident starts there
    for shift in _SHIFT.finditer(text, lo, candidate.sent_start):
        lo = shift.start()
    for m in reversed([m for m in mentions if lo <= m.start < candidate.sent_start]):
        if (
            m.role in UNARMED_ROLES
            or is_ally(m, text)
            or m.possessive
            or any(s <= m.start < e for s, e in excluded)
            or _SITE_AFTER.match(text, m.end)  # "a strategic northern military base"
        ):
            continue
        named = acled_name(as_forces([m])[0], mentions, lexicon, country, when, text)
        # state forces fight armed groups here, not another state's forces or the coalition
        states = actor1.inter in STATE_INTERS and named.inter in STATE_INTERS
        if not on_one_side(named, actor1) and not is_unidentified(named) and not states:
            return named
    return None


_ALLY_BEFORE = re.compile(
    r"\b(?:alongside|backed by|supported by|support (?:to|for)|allied (?:with|to)|allies|ally|"
    r"loyal to|"
    r"together with|along with|with (?:the )?(?:help|support|backing) of)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
ALLY_AFTER = re.compile(r"^-(?:backed|led|allied|supported)\b", re.IGNORECASE)
_ALLIED = re.compile(r"\b(?:allied|pro-government|pro-regime|loyalist)\s+$", re.IGNORECASE)


def is_ally(m: ActorMention, text: str) -> bool:
    """ "fought alongside Hezbollah", "US-backed forces", "allied militia": a partner, not the
    opponent."""
    return bool(
        _ALLY_BEFORE.search(text[max(0, m.start - 40) : m.start])
        or _ALLIED.search(text[max(0, m.start - 20) : m.start])
        or ALLY_AFTER.match(text[m.end : m.end + 12])
    )


def battle_sides(
    agents: list[ActorMention],
    patients: list[ActorMention],
    in_sentence: list[ActorMention],
    context: tuple[int, int] | None,
    pool: Callable[[int, int], list[ActorMention]],
    text: str = "",
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Both sides of a battle: "clashes between X and Y" has no subject, "X fought" names its
    opponent elsewhere in the sentence ("responded to a rebel offensive") or the one before."""
    if not agents and patients:
        agents, patients = patients[:1], patients[1:]
    if not agents:
        return agents, patients
    first = agents[0]

    def other(found: Sequence[ActorMention]) -> list[ActorMention]:
        return [
            m
            for m in found
            if m not in agents and not _same_side(m, first) and not is_ally(m, text)
        ]

    if not other(patients):
        rest = other(in_sentence)
        # "Clashes between Kurdish fighters and Islamic State", "army units and terrorist groups
        # engaged in heavy clashes when terrorists tried to advance": two sides named together
        # as the subject of a battle fight each other (a third named later is no other side)
        between = [m for m in agents[1:] if not _same_side(m, first) and not is_ally(m, text)]
        if between:
            agents = [m for m in agents if m is not between[0]]
            rest = between[:1]
        if not rest and context is not None:
            rest = other([m for m in pool(*context) if m.role != "civilians"])
        patients = [*patients, *rest[:1]]
    return agents, patients


def as_governments(found: list[ActorMention]) -> list[ActorMention]:
    """`found` with a bare country read as its government (the party to an agreement)."""
    return [dataclasses.replace(m, role="government") if m.role == "country" else m for m in found]


def as_forces(found: list[ActorMention]) -> list[ActorMention]:
    """`found` with a government read as its military forces (the side that fights)."""
    return [dataclasses.replace(m, role="military") if m.role == "government" else m for m in found]


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    """The same actor under two phrases ("government forces" ... "the army")."""
    if a.role == "group" or b.role == "group":
        return a.name == b.name
    state = {"military", "country"}
    a_role = "military" if a.role in state else a.role
    b_role = "military" if b.role in state else b.role
    return a_role == b_role and (a.country == b.country or None in (a.country, b.country))


_STATE_NAME = re.compile(rf"(?:{'|'.join(STATE_KINDS.values())}) of ")  # a state's arm


def _one_state(a: ActorMention, b: ActorMention) -> bool:
    """Two arms of one state ("government control", "government forces")."""
    return (
        a.role in STATE_ROLES
        and b.role in STATE_ROLES
        and (a.country == b.country or None in (a.country, b.country))
    )


def on_one_side(a: Actor, b: Actor) -> bool:
    """The same actor, or two arms of one state ("Government of Syria", "Military Forces of
    Syria")."""
    unidentified = a.name.startswith("Unidentified")  # two unknown groups may be opponents
    return (a.name == b.name and not unidentified) or (
        bool(_STATE_NAME.match(a.name) and _STATE_NAME.match(b.name))
        and a.country is not None
        and a.country == b.country
    )


def acled_name(
    m: ActorMention,
    mentions: Sequence[ActorMention],
    lexicon: ActorLexicon,
    country: str | None,
    when: dt.date | None,
    text: str,
) -> Actor:
    """ACLED name of a mention; "the militants" is the group the text named just before,
    "terrorists from the Islamic State" the group named right after."""
    if m.role in GENERIC_ARMED:
        gap = _MEMBER_OF.match(text[m.end : m.end + 30])
        after = next(
            (g for g in mentions if gap and g.role == "group" and g.start == m.end + gap.end()),
            None,
        )
        if after is not None:
            return lexicon.name(after, country, when)
    if m.role == "unidentified" and _DEFINITE.search(text[max(0, m.start - 8) : m.start]):
        before = [
            g
            for g in mentions
            if g.role == "group"
            and m.start - ANAPHORA_CHARS <= g.start < m.start
            and (g.inter or tx.INTER_REBEL) in {tx.INTER_REBEL, tx.INTER_POLITICAL_MILITIA}
        ]
        if before:
            g = before[-1]
            if g.community is not None:  # "Kurdish fighters ... the militants"
                named = lexicon.name(g, country, when)
                return Actor(named.name, named.inter, m.start, m.end, named.country)
            return Actor(g.name or g.text, g.inter or tx.INTER_REBEL, m.start, m.end, g.country)
    return lexicon.name(m, country, when)


_TAKEN_FROM = re.compile(
    r"\b(?:seiz|captur|took|take|taken|wrest|recaptur|retak|regain|liberat|drove|driv|expel|"
    r"push|oust)\w*\s+(?:(?!by\b|who\b|which\b|that\b)[\w'-]+\s+){0,6}?from\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_LOST_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:lost|loses?|ceded|withdrew|retreated|fled|(?:was|were) "
    r"(?:driven|expelled|pushed|ousted) (?:out )?(?:of|from))\b",
    re.IGNORECASE,
)


# "pushed the ISIL back from the hospital", "drove IS out": the side pushed loses the ground
_PUSHED_BEFORE = re.compile(
    r"\b(?:push|pushed|pushing|drove|driven|driving|forced)\s+(?:the\s+)?$", re.IGNORECASE
)
_PUSHED_AFTER = re.compile(r"^(?:\s+\w+)?\s+(?:back|out|away)\b", re.IGNORECASE)
# "captured the DAESH stronghold of Jarablus": whose site was taken
_CAPTURED_BEFORE = re.compile(
    r"\b(?:seiz|captur|took|taken|overr[au]n|storm)\w*\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "the headquarters of Daesh militants ... was captured": the side whose site was taken
_SITE_OF = re.compile(
    r"\b(?:headquarters|positions?|bases?|posts?|checkpoints?|strongholds?|bastions?|barracks|"
    r"outposts?)\s+(?:of|held by|belonging to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _lost(m: ActorMention, text: str) -> bool:
    """ "seized villages from NDF militias", "the NDF lost two villages to IS", "captured the
    headquarters of IS": the side that lost the ground ("to IS" then names the winner)."""
    return bool(
        _LOST_AFTER.match(text[m.end : m.end + 40])
        or _TAKEN_FROM.search(text[max(0, m.start - 90) : m.start])
        or _SITE_OF.search(text[max(0, m.start - 40) : m.start])
        or (
            _PUSHED_BEFORE.search(text[max(0, m.start - 30) : m.start])
            and _PUSHED_AFTER.match(text[m.end : m.end + 20])
        )
        or (
            _CAPTURED_BEFORE.search(text[max(0, m.start - 30) : m.start])
            and _SITE_AFTER.match(text, m.end)
        )
    )


_INCLUDING = re.compile(
    r"\s*,?\s*(?:including|among them|such as|led by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}",
    re.IGNORECASE,
)
_OPPOSED = re.compile(
    r"\b(?:(?:clash(?:es|ed)?|fighting|fought|battles?|battling|war|fight) with|against|"
    r"versus|vs\.?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def winner_first(
    agents: list[ActorMention],
    patients: list[ActorMention],
    in_sentence: list[ActorMention],
    state_wins: bool,
    text: str = "",
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Territory changes hands: actor1 is the side that gained it; its partners ("the army and
    allied militia") are no loser."""
    pool = list(dict.fromkeys([*agents, *patients, *in_sentence]))
    pool = [m for m in pool if m.role != "civilians"]
    # "seized villages from local NDF militias", "the army lost the town to IS": the words say
    # which side lost, whatever its kind.
    lost = [m for m in pool if _lost(m, text)]
    if lost:
        won = [
            m
            for m in pool
            if m not in lost
            and (
                m.role in {"unidentified", "militia"}
                or not any(_same_side(m, x) or _one_state(m, x) for x in lost)
            )
        ]
        # the side the event type names first, then a named group before a generic noun
        won = sorted(
            won, key=lambda m: ((m.role in STATE_ROLES) != state_wins, m.role in GENERIC_ARMED)
        )
        return won, lost
    # "captured Sarrin after weeks of clashes with IS", "its offensive against IS": the side
    # fought against is the loser, never the winner's associate
    opposed = [
        m
        for m in pool
        if _OPPOSED.search(text[max(0, m.start - 40) : m.start]) and not is_ally(m, text)
    ]
    # non-state sides fight each other: the other side a battle's sides gave ("At least 40
    # insurgents were killed as the YPG advance ... The YPG seized control of Ain Daqneh", "IS
    # fighters captured eight villages ... from rival rebel groups") is no co-winner of a
    # non-state actor's gain (a state's partners in a state's gain are)
    foes = [
        m
        for m in patients
        if not state_wins
        and agents[:1]
        and agents[0].role not in STATE_ROLES
        and m.role not in STATE_ROLES
        and m not in agents
        and not m.possessive
        and not is_ally(m, text)
        # "insurgents including the Nusra Front captured ...": one side
        and not _INCLUDING.fullmatch(
            text[min(m.end, agents[0].end) : max(m.start, agents[0].start)]
        )
    ]
    winners = [
        m
        for m in pool
        if (m.role in STATE_ROLES) == state_wins
        and m.role != "civilians"
        and m not in opposed
        and m not in foes
    ]
    losers = [
        m
        for m in pool
        if ((m.role in STATE_ROLES) != state_wins or m in foes)
        and m.role != "civilians"
        and not is_ally(m, text)
    ]
    losers = [*opposed, *(m for m in losers if m not in opposed)]
    return (winners or [m for m in agents if m not in opposed] or agents), [
        m for m in losers if m not in winners
    ]
