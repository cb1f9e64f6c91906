"""Who did what to whom: actor1/actor2 and associated actors of a candidate, named ACLED-style."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract import taxonomy as tx
from eventwire.extract.detect import Candidate
from eventwire.models import Actor
from eventwire.resolve.actors import ActorLexicon, ActorMention

PROTEST_TYPES = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
}
RIOT_TYPES = {"Violent demonstration", "Mob violence"}
VICTIM_TYPES = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
STATE_ROLES = {"military", "police", "government", "country"}
_BY = re.compile(r"\bby (?:the |a |an )?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Roles:
    """The four actor slots of an event (None where the text names nobody)."""

    actor1: Actor
    assoc1: Actor | None
    actor2: Actor | None
    assoc2: Actor | None


def _inside(span: tuple[int, int] | None, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    if span is None:
        return []
    return [m for m in mentions if span[0] <= m.start and m.end <= span[1]]


def _usable(m: ActorMention, agent: tuple[int, int] | None) -> bool:
    """A bare country name is an actor only as a subject ("Russia struck"), not as a place."""
    if m.role != "country":
        return True
    return agent is not None and agent[0] <= m.start and m.end <= agent[1]


def assign_roles(
    candidate: Candidate,
    mentions: Sequence[ActorMention],
    lexicon: ActorLexicon,
    country: str | None,
    when: dt.date | None,
    excluded: Sequence[tuple[int, int]] = (),
    context: tuple[int, int] | None = None,
    text: str = "",
    civilian_victims: bool = False,
) -> Roles:
    """Actors of one event from the mentions in its sentence (sources excluded)."""
    sub = candidate.decision.sub_event_type
    trig = candidate.decision.trigger.start

    def pool(lo: int, hi: int) -> list[ActorMention]:
        return [
            m
            for m in mentions
            if lo <= m.start < hi
            and _usable(m, candidate.agent)
            and not any(s <= m.start < e for s, e in excluded)
        ]

    armed_only = tx.SUB_EVENT_TO_EVENT[sub] == "Battles"

    def armed(found: list[ActorMention]) -> list[ActorMention]:
        return [m for m in found if m.role != "civilians"] if armed_only else found

    in_sentence = armed(pool(candidate.clause_start, candidate.clause_end))
    in_sentence = in_sentence or armed(pool(candidate.sent_start, candidate.sent_end))
    if not in_sentence and context is not None and armed_only:
        # "The fighting ..." names its sides one sentence earlier.
        in_sentence = armed(pool(*context))
    whole = armed(pool(candidate.sent_start, candidate.sent_end))
    by_phrase = [m for m in whole if _BY.search(text[max(0, m.start - 12) : m.start])]
    agents = (
        _inside(candidate.agent, in_sentence)
        or by_phrase[:1]  # "... carried out by the Syrian regime"
        or [m for m in in_sentence if m.end <= trig and m.role != "civilians"][-1:]
    )
    patients = _inside(candidate.patient, in_sentence) or [
        m for m in in_sentence if m.start >= trig and m not in agents
    ]
    if sub in PROTEST_TYPES | RIOT_TYPES:
        return _demonstration_roles(sub, in_sentence, lexicon, country, when)
    if sub == "Non-state actor overtakes territory":
        agents, patients = _winner_first(agents, patients, in_sentence, state_wins=False)
    elif sub == "Government regains territory":
        agents, patients = _winner_first(agents, patients, in_sentence, state_wins=True)
    # "Al-Qaeda's Syrian affiliate Al-Nusra Front": the group, not the country, is the actor.
    agents = sorted(agents, key=lambda m: m.role == "country")
    names = [lexicon.name(m, country, when) for m in agents]
    others = [lexicon.name(m, country, when) for m in patients]
    others = [a for a in others if all(a.name != n.name for n in names)]
    actor1 = names[0] if names else _unidentified(lexicon, country, when)
    actor2 = others[0] if others else None
    remote = tx.SUB_EVENT_TO_EVENT[sub] == "Explosions/Remote violence"
    if actor2 is None and (sub in VICTIM_TYPES or (remote and civilian_victims)):
        actor2 = Actor(f"Civilians ({country})" if country else "Civilians", tx.INTER_CIVILIANS)
    assoc1 = next((a for a in names[1:] if a.name != actor1.name), None)
    assoc2 = next((a for a in others[1:] if actor2 and a.name != actor2.name), None)
    return Roles(actor1, assoc1, actor2, assoc2)


def _winner_first(
    agents: list[ActorMention],
    patients: list[ActorMention],
    in_sentence: list[ActorMention],
    state_wins: bool,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Territory changes hands: actor1 is the side that gained it."""
    pool = list(dict.fromkeys([*agents, *patients, *in_sentence]))
    winners = [m for m in pool if (m.role in STATE_ROLES) == state_wins and m.role != "civilians"]
    losers = [m for m in pool if (m.role in STATE_ROLES) != state_wins and m.role != "civilians"]
    return (winners or agents), [m for m in losers if m not in winners]


def _demonstration_roles(
    sub: str,
    in_sentence: Sequence[ActorMention],
    lexicon: ActorLexicon,
    country: str | None,
    when: dt.date | None,
) -> Roles:
    crowd_role = "protesters" if sub in PROTEST_TYPES else "rioters"
    crowd = [m for m in in_sentence if m.role in {"protesters", "rioters"}]
    named = [m for m in in_sentence if m.role == "group"]
    force = [m for m in in_sentence if m.role in {"police", "military"}]
    base = "Protesters" if crowd_role == "protesters" else "Rioters"
    inter = tx.INTER_PROTESTERS if crowd_role == "protesters" else tx.INTER_RIOTERS
    span = crowd[0] if crowd else None
    actor1 = Actor(
        f"{base} ({country})" if country else base,
        inter,
        span.start if span else -1,
        span.end if span else -1,
        country,
    )
    assoc1 = lexicon.name(named[0], country, when) if named else None
    actor2: Actor | None = None
    if sub in {"Protest with intervention", "Excessive force against protesters"}:
        if force:
            actor2 = lexicon.name(force[0], country, when)
        else:
            actor2 = Actor(lexicon.state_name("police", country, when), tx.INTER_STATE)
    elif sub == "Mob violence":
        victims = [m for m in in_sentence if m.role not in {"rioters", "protesters"}]
        actor2 = lexicon.name(victims[0], country, when) if victims else None
    return Roles(actor1, assoc1, actor2, None)


def _unidentified(lexicon: ActorLexicon, country: str | None, when: dt.date | None) -> Actor:
    base = "Unidentified Armed Group"
    return Actor(f"{base} ({country})" if country else base, tx.INTER_POLITICAL_MILITIA)
