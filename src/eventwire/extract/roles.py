"""Who did what to whom: actor1/actor2 and associated actors of a candidate, named ACLED-style."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract import taxonomy as tx
from eventwire.extract.detect import Candidate
from eventwire.extract.sides import (
    ALLY_AFTER,
    HOLDER_CHARS,
    REBELS,
    UNARMED_ROLES,
    acled_name,
    as_forces,
    as_governments,
    battle_sides,
    ground_holder,
    is_ally,
    is_unidentified,
    on_one_side,
    opponent_before,
    winner_first,
)
from eventwire.extract.targets import (
    HARM_WORD,
    acting_speaker,
    air_force,
    as_civilians,
    blamed_side,
    civilian_site_hit,
    claimant,
    counted_as_casualties,
    names_air_force,
    victims_in_next_sentence,
)
from eventwire.models import Actor
from eventwire.resolve.actors import ActorLexicon, ActorMention

PROTEST_TYPES = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
}
RIOT_TYPES = {"Violent demonstration", "Mob violence"}
VICTIM_TYPES = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
_BY = re.compile(r"\bby (?:the |a |an )?$", re.IGNORECASE)
# "killed by regime shelling after a pilot was executed by rebels": a clause of its own between
# the trigger and a phrase says whose act that phrase belongs to.
_OTHER_CLAUSE = re.compile(
    r"\b(?:after|before|when|while|whereas|although|because|since|until|days? after|"
    r"hours? after|following)\b|;",
    re.IGNORECASE,
)
_IN_ACT_BEFORE = re.compile(
    r"\b(?:in|during|amid)\s+(?:a|an|the|an apparent|a suspected)\s+(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_ACT_AFTER = re.compile(
    r"^(?:\s+\([^)]{1,12}\))?(?:\s+[\w-]+){0,2}?\s+(?:military\s+)?(?:operations?|offensives?|"
    r"raids?|attacks?|strikes?|air ?strikes?|bombardment|shelling|assault|ambush|campaign)\b",
    re.IGNORECASE,
)
TERRITORY_TYPES = {"Non-state actor overtakes territory", "Government regains territory"}
_PLACE_AFTER = re.compile(
    r"\s+(?:areas?|districts?|neighbou?rhoods?|parts?|towns?|villages?|cities|city|territory|"
    r"territories|zones?|regions?|enclaves?|pockets?|suburbs?|quarters?|countryside)\b",
    re.IGNORECASE,
)
_OWN_ACT = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:air|missile|rocket|artillery|mortar)\s+)?(?:raids?|attacks?|strikes?|"
    r"air ?strikes?|bombardment|shelling|assault|ambush|offensive)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(
    r"\b(?:attacks?|fire|shelling|rockets?|shells?|mortars?|bombardment|strikes?)\s+"
    r"(?:fired\s+|launched\s+)?(?:from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the leader of Ahrar al-Sham was killed in a suicide bombing": the subject of a passive death
# verb is the casualty side, counted or not.
_PASSIVE_HIT = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:was|were|have been|has been|had been)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|executed|assassinated|beheaded|targeted)\b",
    re.IGNORECASE,
)
# "Al-Nusra Front Commander Killed in Lattakia", "Ahrar al-Sham leader killed": a headline's
# group whose member died is the side hit
_MEMBER_HIT = re.compile(
    r"^(?:'s|’s)?\s+(?:top\s+|senior\s+|field\s+)?(?:commanders?|leaders?|chiefs?|emirs?|"
    r"officials?)\s+(?:killed|assassinated|executed|dead|dies)\b",
    re.IGNORECASE,
)
_INNER_PLACE = re.compile(r"\b(?:in|on|at|near|across|over|into|inside|against)\b", re.IGNORECASE)
# "in Syria air strike", "on Syria's Idlib province": a country after a preposition is a place.
_PREPOSITION = re.compile(
    r"\b(?:in|on|at|near|across|over|into|inside|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Aircraft are flown by state (or foreign state) forces: ACLED's codebook names the unknown
# side of such an act "Unidentified Military Forces" (Inter 1 or 8 by context; a strike whose
# air force the report does not name is taken as external, 8). Drones are left out: armed groups
# fly them too.
UNIDENTIFIED_MILITARY = "Unidentified Military Forces"
_DONE_BY = re.compile(
    r"\b(?:carried out|conducted|launched|fired|dropped|flown|staged|(?:air ?)?raids?|"
    r"(?:air ?)?strikes?|attacks?|shelling|bombardment|bombing)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BY_NEXT = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)
_SPEAKS = re.compile(r"\s+(?:has\s+|have\s+)?(?:said|says|told|reported)\b", re.IGNORECASE)
_OR_GAP = re.compile(r"\s*(?:,\s*)?(?:or|and/or)\s+(?:the\s+)?", re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_BARREL_BOMB = re.compile(r"\bbarrel[- ]?bombs?\b", re.IGNORECASE)
# "air strikes on a rebel-held town", "a missile struck a rebel-held neighbourhood": rebels fly
# no aircraft and hold their ground against the state, so a strike or missile the article names
# no attacker nor air force for, on ground its country's rebels hold, is the state's forces' (as
# barrel bombs are); not the ground it came from ("rockets fired from rebel-held Douma").
STATE_STRIKES = {"Air/drone strike", "Chemical weapon", "Shelling/artillery/missile attack"}
_FROM_GROUND = re.compile(r"\bfrom\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
# "It was not immediately clear who carried out the raids": the report leaves the attacker open.
_WHO_UNCLEAR = re.compile(
    r"\b(?:not (?:immediately |yet )?(?:clear|known)|unclear|unknown)\s+(?:who|whose|which)\b",
    re.IGNORECASE,
)
_DRONE = re.compile(
    r"\b(?:drones?|uavs?|unmanned)\b", re.IGNORECASE
)  # how far back a definite "the militants" looks for the group it means
# A bomb that kills "people" (no armed target named) kills civilians: planted and suicide
# bombs in public places are what such reports describe; so is gas released on a town.
BOMBS = {"Remote explosive/landmine/IED", "Suicide bomb"}
_PEOPLE_HIT = re.compile(r"\b(?:people|persons)\b", re.IGNORECASE)
_PEOPLE_COUNTED = re.compile(
    r"(?:(?<![\d,.])\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|scores|hundreds|thousands|tens|several|many))\s+(?:of\s+)?(?:more\s+|other\s+)?"
    r"(?:people|persons)\b",
    re.IGNORECASE,
)
VIOLENT_EVENTS = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# "Jets pound ISIS", "air strikes on IS positions", "an offensive against Nusra": the object of
# an attack verb or noun is the side hit (actor2), never the attacker nor its associate.
_TARGETED = re.compile(
    r"\b(?:pound(?:s|ed|ing)?|pummel\w*|target(?:s|ed|ing)?|hit(?:s|ting)?|struck|striking|"
    r"(?:bomb|shell|attack|raid)(?:ed|ing)|"
    r"(?:(?:air ?)?strikes?|raids?|attacks?|offensive|assault|bombing|bombardment|shelling)\s+"
    r"(?:on|targeting)|"
    # "strikes carried out by the United States against the so-called Nusra Front": what an
    # act is against is its target, wherever the act's noun or verb stands
    r"against)\s+(?:the\s+)?(?:so-called\s+)?(?:(?:positions?|bases?|posts?|strongholds?|"
    r"hideouts?|targets?)\s+(?:of|held by|belonging to)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "accusing the forces loyal to Assad of", "which Washington blames on the Syrian government":
# the accused is the side said to have acted, never its target.
_ACCUSED = re.compile(
    r"\b(?:[Aa]ccus(?:e|es|ed|ing)|[Bb]lam(?:e|es|ed|ing)(?: it)?(?: on)?)\s+(?:the\s+)?"
    # a title or name before the accused noun: "blames on Syrian President Bashar al-Assad's
    # forces"
    r"(?:(?:[A-Z]|al-|el-)[\w'’.-]*\s+){0,4}$"
)
# "barrel bombs that the regime has deployed": the subject of a verb of using the weapon.
_USED_AFTER = re.compile(
    r"^\s+(?:has|have|had)?\s*(?:\w+ly\s+)?(?:used|deployed|dropped)\b",
    re.IGNORECASE,
)
# "a strike on the Shayrat airbase": a military site hit is the state's military, not civilians.
_MILITARY_SITE = re.compile(
    r"\b(?:air ?bases?|airfields?|air fields?|military (?:airports?|bases?|posts?|positions?)|"
    r"army (?:bases?|posts?|positions?)|barracks)\b",
    re.IGNORECASE,
)


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


def _usable(m: ActorMention, agent: tuple[int, int] | None, text: str = "") -> bool:
    """A bare country name is an actor only as a subject ("Russia struck"), not as a place,
    also not inside the subject ("Air strikes on Syria's Idlib province hit a school")."""
    if m.role != "country":
        return True
    if text and _DONE_BY.search(text[max(0, m.start - 30) : m.start]):
        # "strikes carried out by the United States", "raids by Russia": the doer, not a place
        return True
    if agent is None or not (agent[0] <= m.start and m.end <= agent[1]):
        return False
    return not _INNER_PLACE.search(text[agent[0] : m.start])


@dataclass(frozen=True, slots=True)
class _Scene:
    """What every role decision reads: the candidate, its text, the actor mentions that can be
    sides of it, and how to name them."""

    candidate: Candidate
    mentions: Sequence[ActorMention]
    agencies: set[int]  # where an agency is named: hit by violence, its staff are civilians
    lexicon: ActorLexicon
    country: str | None
    when: dt.date | None
    excluded: Sequence[tuple[int, int]]  # the sources' spans: nobody there is a side
    text: str

    @property
    def sub(self) -> str:
        return self.candidate.decision.sub_event_type

    @property
    def trig(self) -> int:
        return self.candidate.decision.trigger.start

    @property
    def event_type(self) -> str:
        return tx.SUB_EVENT_TO_EVENT[self.sub]

    @property
    def armed_only(self) -> bool:
        """A battle: only armed sides fight it."""
        return self.event_type == "Battles"

    @property
    def sentence(self) -> str:
        return self.text[self.candidate.sent_start : self.candidate.sent_end]

    def pool(self, lo: int, hi: int) -> list[ActorMention]:
        """The mentions from `lo` to `hi` that can be a side: not in a source, not a country
        named as a place."""
        return [
            m
            for m in self.mentions
            if lo <= m.start < hi
            and (
                _usable(m, self.candidate.agent, self.text)
                # "signed a truce with Russia": a state an agreement is made with is a party
                or (
                    self.sub == "Agreement"
                    and _WITH.search(self.text[max(0, m.start - 6) : m.start])
                )
            )
            and not any(s <= m.start < e for s, e in self.excluded)
        ]

    def armed(self, found: list[ActorMention]) -> list[ActorMention]:
        """`found` without the unarmed (civilians, protesters, rioters) where only armed sides
        count (a battle)."""
        unarmed = {"civilians", "protesters", "rioters"}
        return [m for m in found if m.role not in unarmed] if self.armed_only else found

    def actor(self, m: ActorMention) -> Actor:
        """The ACLED actor a mention names."""
        return acled_name(m, self.mentions, self.lexicon, self.country, self.when, self.text)


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
    scene = _scene(candidate, mentions, lexicon, country, when, excluded, text)
    sub = scene.sub
    in_sentence = _in_sentence(scene, context)
    if sub in PROTEST_TYPES | RIOT_TYPES:
        return _demonstration_roles(sub, in_sentence, lexicon, country, when)
    whole = scene.armed(scene.pool(candidate.sent_start, candidate.sent_end))
    casualties = _casualties(scene, whole)
    targeted = _targeted(scene, whole)
    hit = [*casualties, *(m for m in targeted if m not in casualties)]
    agents = _agents(scene, in_sentence, whole, casualties, targeted, hit)
    patients = _patients(scene, in_sentence, agents, hit)
    agents, patients = _fight_sides(scene, agents, patients, in_sentence, whole, context)
    # "Al-Qaeda's Syrian affiliate Al-Nusra Front": the group, not the country, is the actor.
    agents = sorted(agents, key=lambda m: m.role == "country" or m.possessive)
    agents, patients = _state_arms(scene, agents, patients)
    names = [scene.actor(m) for m in agents]
    others = [scene.actor(m) for m in patients]
    others = [a for a in others if all(a.name != n.name for n in names)]
    actor1, names = _actor1(scene, names)
    # an actor never opposes itself ("the regime" read on both sides, a claim sentence)
    others = [a for a in others if not on_one_side(a, actor1)]
    one_named = not names[1:]  # a second side named already ("X and Y captured") is no ally
    actor2 = _actor2(scene, actor1, others[0] if others else None, one_named, whole)
    if actor2 is None and _hits_civilians(scene, whole, civilian_victims):
        actor2 = _civilians(scene, whole)
    if actor2 is None and _downed(scene):
        actor1, actor2 = _downed_sides(scene, actor1)
    assoc1 = next((a for a in names[1:] if a.name != actor1.name), None)
    assoc2 = next((a for a in others[1:] if actor2 and a.name != actor2.name), None)
    # "Rebels and government forces agreed on a ceasefire", "a truce between X and Y": the
    # parties to an agreement are its two sides
    if sub == "Agreement" and actor2 is None and assoc1 and not on_one_side(assoc1, actor1):
        actor2, assoc1 = assoc1, None
    return Roles(actor1, assoc1, actor2, assoc2)


def _downed(scene: _Scene) -> bool:
    """A clash told as an aircraft shot down ("a Russian helicopter was shot down")."""
    return scene.armed_only and scene.candidate.decision.trigger.cue == "Disrupted weapons use"


def _downed_sides(scene: _Scene, actor1: Actor) -> tuple[Actor, Actor | None]:
    """The aircraft's air force is the side fired on ("a Russian helicopter was shot down":
    Russia's forces); who fired is actor1, unidentified where only the aircraft is named."""
    c = scene.candidate
    own = [m for m in scene.mentions if c.sent_start <= m.start < c.sent_end]
    flown = [
        scene.lexicon.name(m, scene.country, scene.when)
        for m in as_forces(air_force(own, scene.text, scene.country))
    ]
    if not flown:
        return actor1, None
    if on_one_side(actor1, flown[0]):
        actor1 = _unidentified(scene.lexicon, scene.country, scene.when)
    return actor1, flown[0]


def _scene(
    candidate: Candidate,
    mentions: Sequence[ActorMention],
    lexicon: ActorLexicon,
    country: str | None,
    when: dt.date | None,
    excluded: Sequence[tuple[int, int]],
    text: str,
) -> _Scene:
    """The scene of a candidate, with the mentions that can be its sides: an agency hit by
    armed violence is civilians, and a place's holder ("rebel areas") no side unless territory
    changes hands."""
    sub = candidate.decision.sub_event_type
    agencies = {m.start for m in mentions if m.role == "agency"}
    if tx.SUB_EVENT_TO_EVENT[sub] in VIOLENT_EVENTS:
        # An agency is no side of armed violence: its staff hit by it are civilians.
        mentions = [as_civilians(m) if m.start in agencies else m for m in mentions]
    if sub not in TERRITORY_TYPES:
        # "Russian jets pound rebel areas": whose a place is describes the place; only a change
        # of territory ("rebels seized regime areas") makes its holder a side
        mentions = [
            m for m in mentions if m.role == "civilians" or not _PLACE_AFTER.match(text, m.end)
        ]
    return _Scene(candidate, mentions, agencies, lexicon, country, when, excluded, text)


def _in_sentence(scene: _Scene, context: tuple[int, int] | None) -> list[ActorMention]:
    """The mentions the sides are looked for in first: the trigger's clause, else its sentence,
    else (a battle) the sentence before (`context`)."""
    c = scene.candidate
    found = scene.armed(scene.pool(c.clause_start, c.clause_end))
    found = found or scene.armed(scene.pool(c.sent_start, c.sent_end))
    if not found and context is not None and scene.armed_only:
        # "The fighting ..." names its sides one sentence earlier; a partner named there ("an
        # offensive led by HTS and allied rebel factions") is not the side that leads it.
        found = [m for m in scene.armed(scene.pool(*context)) if not is_ally(m, scene.text)]
    return found


def _casualties(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The sides the sentence counts as killed or hurt ("killed 49 Nusra Front militants"), the
    subject of a passive death verb, a group whose leader was killed."""
    text = scene.text
    return [
        m
        for m in whole
        if counted_as_casualties(m, text)
        or _PASSIVE_HIT.match(text[m.end : m.end + 60])
        or _MEMBER_HIT.match(text[m.end : m.end + 40])
    ]


def _targeted(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The sides named as the object of an attack ("Jets pound ISIS", "air strikes on IS
    positions")."""
    text = scene.text
    return [m for m in whole if _TARGETED.search(text[max(0, m.start - 60) : m.start])]


def _agents(
    scene: _Scene,
    in_sentence: list[ActorMention],
    whole: list[ActorMention],
    casualties: list[ActorMention],
    targeted: list[ActorMention],
    hit: list[ActorMention],
) -> list[ActorMention]:
    """The acting side, then its partners: the side the sentence names as acting and those
    listed with it, else a side named as acting some other way (a speaker, a claimant)."""
    agents = _named_agent(scene, in_sentence, whole, casualties, targeted, hit)
    sub = scene.sub
    if agents and not scene.armed_only and sub not in TERRITORY_TYPES and sub != "Agreement":
        # "airstrikes launched by the Syrian regime and Russian warplanes": a side listed with
        # the actor acts with it (assoc1), it is not the target
        listed = _listed_with(agents[-1], whole, scene.text)
        agents = [*agents, *(m for m in listed if m not in agents)]
    return agents or _agent_elsewhere(scene, whole, hit)


def _named_agent(
    scene: _Scene,
    in_sentence: list[ActorMention],
    whole: list[ActorMention],
    casualties: list[ActorMention],
    targeted: list[ActorMention],
    hit: list[ActorMention],
) -> list[ActorMention]:
    """The side the sentence names as acting, by the first cue that finds one: the accused, the
    parse's subject, the user of the weapon, the doer of a passive ("by the regime"), the side
    whose act the victims fell in, the actor word of the trigger phrase, the last side before
    the trigger. A side hit is none of them."""
    trig = scene.trig
    return (
        _accused(scene, whole)[:1]
        # "air raids by Russian and Syrian war planes": the doer named right after the act's noun
        # (where the parse's subject does not hold it already)
        or [
            m
            for m in whole
            if m.role != "civilians"
            and _right_after_by(scene, m)
            and not _inside(scene.candidate.agent, [m])
        ][:1]
        or [
            m
            for m in _inside(scene.candidate.agent, in_sentence)
            if m not in hit and m.role != "civilians"
        ]
        or _users(scene, whole)[:1]
        # "carried out by the Syrian regime"
        or [m for m in _by_phrase(scene, whole) if m not in casualties][:1]
        or [m for m in _in_act(scene, whole) if m not in casualties and m not in targeted][:1]
        or [m for m in _at_trigger(scene) if m not in targeted][:1]
        or [m for m in in_sentence if m.end <= trig and m.role != "civilians" and m not in hit][-1:]
    )


def _right_after_by(scene: _Scene, m: ActorMention) -> bool:
    """`m` is the doer named by "by" right after the trigger ("shelling by the regime")."""
    end = scene.candidate.decision.trigger.end
    return end <= m.start and bool(_BY_NEXT.fullmatch(scene.text, end, m.start))


def _accused(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The sides accused of the act ("accusing the forces loyal to Assad of")."""
    text = scene.text
    return [
        m
        for m in whole
        if m.role != "civilians" and _ACCUSED.search(text[max(0, m.start - 70) : m.start])
    ]


def _users(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The sides after the trigger that used its weapon ("barrel bombs that the regime has
    deployed"), in armed violence."""
    if scene.event_type not in VIOLENT_EVENTS:
        return []
    text = scene.text
    return [
        m
        for m in whole
        if m.role != "civilians"
        and m.start > scene.trig
        and _USED_AFTER.match(text[m.end : m.end + 40])
    ]


def _by_phrase(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The doers of a passive ("killed by the regime"), not across a clause of their own."""
    text, trig = scene.text, scene.trig
    return [
        m
        for m in whole
        if _BY.search(text[max(0, m.start - 12) : m.start])
        and not _OTHER_CLAUSE.search(text[min(m.end, trig) : max(m.start, trig)])
    ]


def _in_act(scene: _Scene, whole: list[ActorMention]) -> list[ActorMention]:
    """The sides whose act the victims fell in ("killed in a Turkish army operation", "rocket
    attacks from Islamic State"), not across a clause of their own."""
    text, trig = scene.text, scene.trig
    return [
        m
        for m in whole
        if m.role not in {"civilians", "country"}
        and (
            (
                _IN_ACT_BEFORE.search(text[max(0, m.start - 40) : m.start])
                and _ACT_AFTER.match(text[m.end : m.end + 30])
            )
            or _FROM_BEFORE.search(text[max(0, m.start - 40) : m.start])
        )
        and not _OTHER_CLAUSE.search(text[min(m.end, trig) : max(m.start, trig)])
    ]


def _at_trigger(scene: _Scene) -> list[ActorMention]:
    """The actor word of the trigger phrase ("Syrian warplanes", "a Russian air strike")."""
    text, trig = scene.text, scene.trig
    return [
        m
        for m in scene.mentions
        if m.start <= trig < m.end + 2
        and m.role != "civilians"
        and not any(s <= m.start < e for s, e in scene.excluded)
        and text[m.end : trig].strip(" -") == ""
        # a demonym ("Russian air strike", "killed in Russian airstrikes"), not a country's
        # name ("Syria chemical attack claim", "in Syria air strike")
        and not (m.role == "country" and (m.possessive or _country_name(m)))
        and not ALLY_AFTER.match(text[m.end : m.end + 12])  # "US-led coalition strikes"
    ]


def _agent_elsewhere(
    scene: _Scene, whole: list[ActorMention], hit: list[ActorMention]
) -> list[ActorMention]:
    """An acting side the sentence does not name as acting: the speaker of a reported act; and
    outside battles the claimant, the side blamed, the sentence's first side before the trigger
    or a side that does the act after it."""
    text, trig = scene.text, scene.trig
    agents = acting_speaker(scene.candidate, scene.mentions, text, trig)
    if agents or scene.armed_only:
        return agents
    return (
        claimant(scene.candidate, scene.mentions, text)
        or blamed_side(scene.candidate, scene.mentions, text)
        # "the Assad regime fired rockets filled with Sarin gas", "Regime forces pounded the
        # towns with heavy artillery": the parse put the trigger in a clause of its own, the
        # sentence's actor stands before it, first (its subject)
        # ("rebels hit a school a day after children were killed in airstrikes": not across
        # a clause of its own)
        or [
            m
            for m in whole
            if m.end <= trig
            and m.role != "civilians"
            and m not in hit
            and not _OTHER_CLAUSE.search(text, m.end, trig)
        ][:1]
        # "Two persons injured in terrorist rocket attack Two persons were injured as the ISIS
        # terrorist organization targeted with rocket shells the town": the side that does the
        # act later in the sentence is its actor, not its target
        or [
            m
            for m in whole
            if m.start > trig and m.role != "civilians" and _ACTS_AFTER.match(text, m.end)
        ][:1]
    )


def _patients(
    scene: _Scene,
    in_sentence: list[ActorMention],
    agents: list[ActorMention],
    hit: list[ActorMention],
) -> list[ActorMention]:
    """The sides acted on: the parse's object, else the sides after the trigger, then the sides
    counted or targeted as hit; a named group before a generic noun."""
    text, trig = scene.text, scene.trig
    patients = (
        _inside(scene.candidate.patient, in_sentence)
        or [
            m
            for m in in_sentence
            if m.start >= trig
            and m not in agents
            # "after a pilot was executed by rebels": the doer of a passive is nobody's target,
            # nor is the side that names an act ("dead after Syria regime strike")
            and not _BY.search(text[max(0, m.start - 12) : m.start])
            and not _OWN_ACT.match(text[m.end : m.end + 30])
            # "Syrian activists said Sunday": a speaker is no target
            and not _SPEAKS.match(text, m.end)
            # "by Syrian regime or Russian jets": an alternative doer is no target either
            and not any(_OR_GAP.fullmatch(text, a.end, m.start) for a in agents if a.end <= m.start)
        ]
    )
    patients = [*patients, *(m for m in hit if m not in patients and m not in agents)]
    # "31 jihadists ... Islamic State militants were killed": the named group, not the generic noun
    return sorted(patients, key=lambda m: m.role == "unidentified")


def _fight_sides(
    scene: _Scene,
    agents: list[ActorMention],
    patients: list[ActorMention],
    in_sentence: list[ActorMention],
    whole: list[ActorMention],
    context: tuple[int, int] | None,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """The two sides of a battle (the opponent named elsewhere in the sentence or the one
    before), and of territory changing hands the winner first."""
    text = scene.text
    # ("a Russian helicopter was shot down": the aircraft's side was fired on, whoever fired)
    if scene.armed_only and not _downed(scene):
        nearby = [*in_sentence, *(m for m in whole if m not in in_sentence)]  # clause first
        agents, patients = battle_sides(agents, patients, nearby, context, scene.pool, text)
    if scene.sub == "Non-state actor overtakes territory":
        agents, patients = winner_first(agents, patients, in_sentence, False, text)
    elif scene.sub == "Government regains territory":
        agents, patients = winner_first(agents, patients, in_sentence, True, text)
    return agents, patients


def _state_arms(
    scene: _Scene, agents: list[ActorMention], patients: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Which arm of a state a state's side is: its forces in a battle and as the actor of
    other violence, its government in an agreement."""
    if scene.armed_only:  # a side of a battle is the state's forces, not its government
        return as_forces(agents), as_forces(patients)
    if scene.event_type in VIOLENT_EVENTS:  # so is a state that strikes or kills
        return as_forces(agents), patients
    if scene.sub == "Agreement":  # a state that agrees is its government ("the US and Russia")
        return as_governments(agents), as_governments(patients)
    return agents, patients


def _actor1(scene: _Scene, names: list[Actor]) -> tuple[Actor, list[Actor]]:
    """actor1, and the acting sides named with it (the second is assoc1): the first side named
    as acting; where none is, the air force the article names for an air or chemical strike
    (barrel bombs: the state's own), else Unidentified Military Forces; for any other act an
    Unidentified Armed Group. An air, chemical or missile strike on ground the country's rebels
    hold, the article naming no air force, is the state's forces'."""
    if names:
        return names[0], names
    lexicon, country, when = scene.lexicon, scene.country, scene.when
    sentence = scene.sentence
    air = scene.sub in {"Air/drone strike", "Chemical weapon"} and not _DRONE.search(sentence)
    if air:
        # the sentence names no air force: the one the article names for its strikes
        air_forces = air_force(scene.mentions, scene.text, country)
        flown = [lexicon.name(m, country, when) for m in as_forces(air_forces)]
        if flown:
            return flown[0], flown  # a joint campaign's partner ("Russian and Syrian jets")
    if country and (
        # barrel bombs are dropped from the state's own helicopters
        (air and _BARREL_BOMB.search(sentence))
        or (
            scene.sub in STATE_STRIKES
            and not _DRONE.search(sentence)
            and _on_rebel_ground(scene)
            and not names_air_force(scene.mentions, scene.text)
            and not _WHO_UNCLEAR.search(scene.text)
        )
    ):
        state = Actor(
            lexicon.state_name("military", country, when), tx.INTER_STATE, country=country
        )
        return state, [state]
    if air:
        return Actor(UNIDENTIFIED_MILITARY, tx.INTER_EXTERNAL), names
    return _unidentified(lexicon, country, when), names


def _on_rebel_ground(scene: _Scene) -> bool:
    """The strike hits ground the country's rebels hold ("on the rebel-held town"), after its
    trigger or before it in the sentence, not ground it was fired from."""
    c, text = scene.candidate, scene.text
    for lo, hi in ((scene.trig, c.sent_end), (c.sent_start, scene.trig)):
        held = ground_holder(scene.lexicon, text, lo, hi)
        if (
            held is not None
            and held.role == REBELS
            and held.country in {None, scene.country}
            and not _FROM_GROUND.search(text, max(c.sent_start, held.start - 40), held.start)
        ):
            return True
    return False


def _actor2(
    scene: _Scene,
    actor1: Actor,
    named_hit: Actor | None,
    one_named: bool,
    whole: list[ActorMention],
) -> Actor | None:
    """The side acted on: `named_hit`, the first side named as hit; in a fight (battle, territory)
    without one, its opponent; outside battles, the state's military where a military site is
    hit, rather than nobody or civilians; in remote violence, a held military site."""
    actor2 = named_hit
    if actor2 is None and (scene.armed_only or scene.sub in TERRITORY_TYPES):
        actor2 = _opponent(scene, actor1, one_named)
    if (actor2 is None or actor2.inter == tx.INTER_CIVILIANS) and not scene.armed_only:
        site = _military_site(scene, actor1)
        if site is not None:
            actor2 = site
    remote = scene.event_type == "Explosions/Remote violence"
    if remote and (
        actor2 is None
        or (actor2.inter == tx.INTER_CIVILIANS and not _civilians_named(scene, whole))
    ):
        # "warplanes bombarded Hasakeh targeting positions held by Kurdish forces": a held
        # military site is the target, where a held town is not
        held = _held_by(scene, actor1, scene.candidate.sent_end, sites=True)
        if held is not None:
            actor2 = held
    return actor2


def _opponent(scene: _Scene, actor1: Actor, one_named: bool) -> Actor | None:
    """The other side of a fight the sentence names none for: the holder of the ground attacked
    or taken; else, where actor1 is named and alone, the opponent named a few sentences
    before."""
    c = scene.candidate
    # "launched an offensive on government-held areas", "captured regime-held positions":
    # the side that holds the ground attacked or taken is the other side
    # in the trigger's clause or close after it (the parse's clause may stop at the verb)
    near = min(c.sent_end, c.decision.trigger.end + HOLDER_CHARS)
    held = _held_by(scene, actor1, max(c.clause_end, near))
    if held is not None or is_unidentified(actor1) or not one_named:
        return held
    # "Nusra drove US-backed rebels out of a base ... 'Al-Nusra captured Base 46'": the
    # opponent named for the same fight a few sentences before
    return opponent_before(
        c,
        scene.mentions,
        scene.lexicon,
        scene.country,
        scene.when,
        scene.text,
        actor1,
        scene.excluded,
    )


def _held_by(scene: _Scene, actor1: Actor, end: int, sites: bool = False) -> Actor | None:
    """The forces of the side named as holding the ground between the trigger and `end` (with
    `sites`, a military site), unless that is actor1's own side."""
    held = ground_holder(scene.lexicon, scene.text, scene.trig, end, sites=sites)
    if held is None:
        return None
    side = scene.actor(as_forces([held])[0])
    return None if on_one_side(side, actor1) else side


def _military_site(scene: _Scene, actor1: Actor) -> Actor | None:
    """The state's military where the act hits a military site ("a strike on the Shayrat
    airbase"), unless that is actor1's own side."""
    trig, country = scene.trig, scene.country
    end = min(trig + 80, scene.candidate.sent_end)
    if not country or not _MILITARY_SITE.search(scene.text, trig, end):
        return None
    state = scene.lexicon.state_name("military", country, scene.when)
    site = Actor(state, tx.INTER_STATE, country=country)
    return None if on_one_side(site, actor1) else site


def _civilians_named(scene: _Scene, whole: list[ActorMention]) -> bool:
    """The sentence names civilians (an agency's staff are not named as civilians)."""
    return any(m.role == "civilians" and m.start not in scene.agencies for m in whole)


def _hits_civilians(scene: _Scene, whole: list[ActorMention], civilian_victims: bool) -> bool:
    """Whether an act no side is named as hit by hit civilians: violence against civilians
    always; remote violence where the toll counts civilians (`civilian_victims`), the sentence
    names civilians, a bomb or gas kills "people", people are counted as killed or hurt, a place
    only civilians fill is hit, or the next sentence names the same act's civilian victims."""
    if scene.sub in VICTIM_TYPES:
        return True
    if scene.event_type != "Explosions/Remote violence":
        return False
    c, text, sentence = scene.candidate, scene.text, scene.sentence
    return (
        civilian_victims
        or _civilians_named(scene, whole)
        or (scene.sub in BOMBS | {"Chemical weapon"} and bool(_PEOPLE_HIT.search(sentence)))
        # "At least 20 people were killed ... in a barrel bomb attack", "rocket attacks ...
        # killing 2 people": people counted as killed or hurt by remote violence, no armed
        # side named as hit, are civilians
        or (bool(_PEOPLE_COUNTED.search(sentence)) and bool(HARM_WORD.search(sentence)))
        or civilian_site_hit(text, c.sent_start, scene.trig, c.sent_end)
        # "... airstrikes on the town of Douma. The airstrikes also left dozens of people injured
        # including women and children": the next sentence names the same act's victims
        or victims_in_next_sentence(c, scene.mentions, text, scene.agencies)
    )


def _civilians(scene: _Scene, whole: list[ActorMention]) -> Actor:
    """The civilians hit: of their own nationality where the sentence gives it ("Lebanese
    pilgrims"), else of the country."""
    country = scene.country
    foreign = next(
        (m for m in whole if m.role == "civilians" and m.country and m.country != country),
        None,
    )
    if foreign is not None:
        return scene.lexicon.name(foreign, country, scene.when)
    return Actor(f"Civilians ({country})" if country else "Civilians", tx.INTER_CIVILIANS)


_ACTS_AFTER = re.compile(
    r"(?:\s+(?!(?:was|were|been|is|are|being)\b)[\w-]+){0,2}?\s+(?:targeted|fired|shelled|"
    r"bombed|attacked|struck|pounded|launched|detonated|stormed|ambushed|raided)\b",
    re.IGNORECASE,
)
_AND = re.compile(r"\s*(?:,\s*)?(?:and|as well as|along with|together with)\s+(?:the\s+)?")


def _listed_with(
    first: ActorMention, found: Sequence[ActorMention], text: str
) -> list[ActorMention]:
    """The armed sides listed right after `first`, the list closed by "and" ("the Syrian
    regime and Russian warplanes", "Turkish forces, Syrian rebels and the coalition"; a comma
    alone may open an apposition)."""
    chain: list[ActorMention] = []
    last, closed = first, False
    for m in sorted(found, key=lambda x: x.start):
        if m.start < last.end:
            continue
        gap = text[last.end : m.start]
        if m.role in UNARMED_ROLES - {"country"} or not (_AND.fullmatch(gap) or gap.strip() == ","):
            break
        chain.append(m)
        last, closed = m, bool(_AND.fullmatch(gap))
    return chain if closed else []


def _country_name(m: ActorMention) -> bool:
    """A country's own name or alias ("Syria", "Russia"), not its demonym ("Russian")."""
    return m.text.lower() == (m.country or "").lower()


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
