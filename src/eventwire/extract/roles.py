"""Who did what to whom: actor1/actor2 and associated actors of a candidate, named ACLED-style."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.extract import taxonomy as tx
from eventwire.extract.detect import Candidate
from eventwire.models import Actor
from eventwire.resolve.actors import STATE_ROLES as STATE_KINDS
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
# "killed 49 Nusra Front militants", "20 rebels were killed": a group counted as casualties is
# the side that was hit, never the attacker ("Dozens of militants attacked" is no casualty).
_COUNTED = re.compile(
    r"(?:(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens|scores|hundreds|thousands|dozen|several|many)(?: of)?)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HIT_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|left|including|"
    r"(?:at least|more than|some|over|about|around|nearly|almost))\s+$",
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
_HIT_AFTER = re.compile(
    r"^[\w\s-]{0,30}?\b(?:(?:were|was|have been|had been|are|being)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|executed)|died|dead|killed)\b",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"(?:^|\s)(?:[a-z]+\s+)?(?:commanders?|fighters?|militants?|members?|soldiers?|troops|"
    r"personnel|officers?|elements|jihadists?|rebels?|gunmen|terrorists?|loyalists?|men|"
    r"recruits|guards?|policemen|civilians|people)\b",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d+\s+$", re.IGNORECASE
)
_INNER_PLACE = re.compile(r"\b(?:in|on|at|near|across|over|into|inside|against)\b", re.IGNORECASE)
# "in Syria air strike", "on Syria's Idlib province": a country after a preposition is a place.
_PREPOSITION = re.compile(
    r"\b(?:in|on|at|near|across|over|into|inside|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Russia says kills 7 Nusra commanders", "Israel said it had struck ...": the speaker is the
# actor of a reported act that has no subject of its own (or only "it"/"they").
_SAYS_ACT = re.compile(
    r"^\W{0,2}\s*(?:says?|said|claims?|claimed|announced)\s+(?:on \w+\s+)?(?:that\s+)?"
    r"(?:(?:it|they)\s+)?(?:(?:had|has|have)\s+)?(?:\w+ly\s+)?"
    r"(?:kill|struck|strike|hit|destroy|target|shot|shoot|down|bomb|attack|shell|captur|seiz|"
    r"repel|eliminat|injur|wound)\w*\b",
    re.IGNORECASE,
)
ACTING_ROLES = {"group", "country", "military", "government"}
# "the militants", "the jihadists": a definite generic noun refers back to a group named before.
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
ANAPHORA_CHARS = 400
# "terrorists from the Islamic State", "fighters of Ahrar al-Sham": a generic armed noun is
# the group named right after it.
GENERIC_ARMED = {"unidentified", "rebels", "militia"}
_MEMBER_OF = re.compile(
    r"^\s+(?:from|of|belonging to|affiliated (?:with|to)|linked to)\s+(?:the\s+)?", re.IGNORECASE
)
# Aircraft are flown by state (or foreign state) forces: ACLED's codebook names the unknown
# side of such an act "Unidentified Military Forces" (Inter 1 or 8 by context; a strike whose
# air force the report does not name is taken as external, 8). Drones are left out: armed groups
# fly them too.
UNIDENTIFIED_MILITARY = "Unidentified Military Forces"
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_BARREL_BOMB = re.compile(r"\bbarrel[- ]?bombs?\b", re.IGNORECASE)
_DRONE = re.compile(
    r"\b(?:drones?|uavs?|unmanned)\b", re.IGNORECASE
)  # how far back a definite "the militants" looks for the group it means


# "Russian warplanes", "coalition air strikes", "regime helicopters": an air force named for
# the article's strikes.
_AIRCRAFT = r"war ?planes?|jets?|aircraft|helicopters?|bombers|air ?force"
_AIR_AFTER = re.compile(
    rf"^[\s-]*(?:{_AIRCRAFT}|air ?strikes?|air[- ]raids?|air attacks?|bombing raids?)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|and/or|,\s*and|,\s*or)?\s*", re.IGNORECASE)
_AIR_MENTION = re.compile(rf"(?:{_AIRCRAFT})$", re.IGNORECASE)
# "The Daesh group claimed responsibility", "responsibility was claimed by IS": the claimant is
# the attacker of a bombing or attack the sentence leaves unattributed.
_CLAIMS_AFTER = re.compile(
    r"^\W{0,2}(?:\s*[\w'’-]+){0,3}?\s+(?:has |have |had |later |quickly |swiftly )?"
    r"(?:(?:claimed|claims|claiming)\s+(?:the\s+)?(?:responsibility|credit|(?:\w+\s+)?"
    r"(?:attacks?|bombings?|blasts?|explosions?|assault|killings?))|"
    # "IS said it carried out the attack", "Nusra said one of its fighters carried out ..."
    r"(?:said|says|announced)\s+(?:that\s+)?(?:it|they|its\s+\w+|one of its\s+\w+)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:carried out|conducted|staged|was behind|were behind))\b",
    re.IGNORECASE,
)
_CLAIMS_BEFORE = re.compile(
    r"\b(?:(?:responsibility|credit)\s+(?:\w+\s+){0,3}?|"
    r"(?:attacks?|bombings?|blasts?|explosions?|assault|killings?)\s+(?:was|were|has been|"
    r"have been|had been)\s+(?:\w+ly\s+)?)claimed\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Residents blamed the US-led coalition for the strikes", "the regime was responsible for the
# attack": the side a report holds to account for an act the event's sentence leaves
# unattributed.
_ACT_NOUN = (
    r"(?:(?:air ?|missile |rocket )?(?:attacks?|strikes?|raids?)|air ?strikes?|bombings?|"
    r"blasts?|explosions?|shelling|bombardment|massacre|killings?|assault|ambush)"
)
_BLAMED_BEFORE = re.compile(
    r"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|held|holds|holding)\s+(?:the\s+)?"
    r"(?:(?:[A-Z]|al-|el-)[\w'’.-]*\s+){0,3}$",
    re.IGNORECASE,
)
_BLAMED_AFTER = re.compile(
    rf"^(?:'s)?(?:\s+[\w'’-]+){{0,2}}?\s+(?:responsible\s+)?(?:for|of)\s+(?:the\s+|a\s+|an\s+|"
    rf"this\s+|that\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?{_ACT_NOUN}\b",
    re.IGNORECASE,
)
_RESPONSIBLE_AFTER = re.compile(
    # not a denial: "Russia denied it was responsible", "Moscow rejected claims it was ..."
    rf"^(?:'s)?(?:\s+(?!(?:den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|not|never)\b)"
    rf"[\w'’-]+){{0,2}}?\s+(?:was|were|is|are)\s+(?:\w+ly\s+|also\s+)?"
    rf"(?:held\s+)?responsible\s+for\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_ACT_NOUN}\b",
    re.IGNORECASE,
)
_NOBODY = re.compile(
    r"\b(?:nobody|no one|not|never|denied|denies|rejected)\b[^.;]{0,25}"
    r"\b(?:blam|accus|held|hold)\w*[^.;]*$",
    re.IGNORECASE,
)
BLAMED_ROLES = {"group", "military", "government", "country", "police"}
CLAIM_CHARS = (300, 600)  # how far before and past the sentence a claim is looked for
# An attack is on civilians where it hits a place or vehicle only civilians fill: ACLED codes
# the victims as "Civilians (<country>)" (inter 7) though the report gives no count of them.
_CIVILIAN_SITE = re.compile(
    r"\b(?:crowds?|crowded|busy|residential (?:areas?|neighbou?rhoods?|buildings?|district|"
    r"quarters?)|(?:market|marketplace|bakery|bus|minibus|buses|homes?|houses?|school|hospital|"
    r"clinic|mosque|church|shrine|funeral|wedding|queue)s?|camps? for (?:the )?displaced|"
    r"refugee camps?|displacement camps?)\b",
    re.IGNORECASE,
)
# A bomb that kills "people" (no armed target named) kills civilians: planted and suicide
# bombs in public places are what such reports describe; so is gas released on a town.
BOMBS = {"Remote explosive/landmine/IED", "Suicide bomb"}
_PEOPLE_HIT = re.compile(r"\b(?:people|persons)\b", re.IGNORECASE)
_PEOPLE_COUNTED = re.compile(
    r"(?:(?<![\d,.])\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|scores|hundreds|several|many))\s+(?:more\s+|other\s+)?(?:people|persons)\b",
    re.IGNORECASE,
)
_SITE_HIT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:hit|struck|targeted|bombed|shelled|attacked)\b",
    re.IGNORECASE,
)
VIOLENT_EVENTS = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# "Jets pound ISIS", "air strikes on IS positions", "an offensive against Nusra": the object of
# an attack verb or noun is the side hit (actor2), never the attacker nor its associate.
_TARGETED = re.compile(
    r"\b(?:pound(?:s|ed|ing)?|pummel\w*|target(?:s|ed|ing)?|hit(?:s|ting)?|struck|striking|"
    r"(?:bomb|shell|attack|raid)(?:ed|ing)|"
    r"(?:(?:air ?)?strikes?|raids?|attacks?|offensive|assault|bombing|bombardment|shelling)\s+"
    r"(?:on|against|targeting))\s+(?:the\s+)?(?:(?:positions?|bases?|posts?|strongholds?|"
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
    if agent is None or not (agent[0] <= m.start and m.end <= agent[1]):
        return False
    return not _INNER_PLACE.search(text[agent[0] : m.start])


def _counted(m: ActorMention, text: str) -> bool:
    """A group of people counted as casualties: "killed 49 Nusra Front militants", "at least 20
    rebels were killed", "25 terrorists killed"."""
    before = text[max(0, m.start - 40) : m.start]
    count = _COUNTED.search(before)
    if count is None or _MONTH_BEFORE.search(before):
        return False
    if not (_PEOPLE.search(m.text) or _PEOPLE.match(text[m.end : m.end + 30])):
        return False
    return bool(
        _HIT_BEFORE.search(before[: count.start()]) or _HIT_AFTER.match(text[m.end : m.end + 50])
    )


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
    agencies = {m.start for m in mentions if m.role == "agency"}
    if tx.SUB_EVENT_TO_EVENT[sub] in VIOLENT_EVENTS:
        # An agency is no side of armed violence: its staff hit by it are civilians.
        mentions = [_as_civilians(m) if m.start in agencies else m for m in mentions]
    if sub not in TERRITORY_TYPES:
        # "Russian jets pound rebel areas": whose a place is describes the place; only a change
        # of territory ("rebels seized regime areas") makes its holder a side
        mentions = [
            m for m in mentions if m.role == "civilians" or not _PLACE_AFTER.match(text, m.end)
        ]

    def pool(lo: int, hi: int) -> list[ActorMention]:
        return [
            m
            for m in mentions
            if lo <= m.start < hi
            and (
                _usable(m, candidate.agent, text)
                # "signed a truce with Russia": a state an agreement is made with is a party
                or (sub == "Agreement" and _WITH.search(text[max(0, m.start - 6) : m.start]))
            )
            and not any(s <= m.start < e for s, e in excluded)
        ]

    armed_only = tx.SUB_EVENT_TO_EVENT[sub] == "Battles"

    def armed(found: list[ActorMention]) -> list[ActorMention]:
        unarmed = {"civilians", "protesters", "rioters"}
        return [m for m in found if m.role not in unarmed] if armed_only else found

    in_sentence = armed(pool(candidate.clause_start, candidate.clause_end))
    in_sentence = in_sentence or armed(pool(candidate.sent_start, candidate.sent_end))
    if not in_sentence and context is not None and armed_only:
        # "The fighting ..." names its sides one sentence earlier; a partner named there ("an
        # offensive led by HTS and allied rebel factions") is not the side that leads it.
        in_sentence = [m for m in armed(pool(*context)) if not _ally(m, text)]
    whole = armed(pool(candidate.sent_start, candidate.sent_end))
    counted = [
        m
        for m in whole
        if _counted(m, text)
        or _PASSIVE_HIT.match(text[m.end : m.end + 60])
        or _MEMBER_HIT.match(text[m.end : m.end + 40])
    ]
    by_phrase = [
        m
        for m in whole
        if _BY.search(text[max(0, m.start - 12) : m.start])
        and not _OTHER_CLAUSE.search(text[min(m.end, trig) : max(m.start, trig)])
    ]
    # "killed in a Turkish army operation", "rocket attacks from Islamic State": the side whose
    # act the victims fell in
    in_act = [
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
    targeted = [m for m in whole if _TARGETED.search(text[max(0, m.start - 60) : m.start])]
    accused = [
        m
        for m in whole
        if m.role != "civilians" and _ACCUSED.search(text[max(0, m.start - 70) : m.start])
    ]
    users = [
        m
        for m in whole
        if m.role != "civilians"
        and m.start > trig
        and tx.SUB_EVENT_TO_EVENT[sub] in VIOLENT_EVENTS
        and _USED_AFTER.match(text[m.end : m.end + 40])
    ]
    hit = [*counted, *(m for m in targeted if m not in counted)]
    # "Syrian warplanes", "a Russian air strike": the actor word is part of the trigger phrase.
    at_trigger = [
        m
        for m in mentions
        if m.start <= trig < m.end + 2
        and m.role != "civilians"
        and not any(s <= m.start < e for s, e in excluded)
        and text[m.end : trig].strip(" -") == ""
        # a demonym ("Russian air strike", "killed in Russian airstrikes"), not a country's
        # name ("Syria chemical attack claim", "in Syria air strike")
        and not (m.role == "country" and (m.possessive or _country_name(m)))
        and not _ALLY_AFTER.match(text[m.end : m.end + 12])  # "US-led coalition strikes"
    ]
    agents = (
        accused[:1]
        or [
            m
            for m in _inside(candidate.agent, in_sentence)
            if m not in hit and m.role != "civilians"
        ]
        or users[:1]
        or [m for m in by_phrase if m not in counted][:1]  # "carried out by the Syrian regime"
        or [m for m in in_act if m not in counted and m not in targeted][:1]
        or [m for m in at_trigger if m not in targeted][:1]
        or [m for m in in_sentence if m.end <= trig and m.role != "civilians" and m not in hit][-1:]
    )
    if agents and not armed_only and sub not in TERRITORY_TYPES and sub != "Agreement":
        # "airstrikes launched by the Syrian regime and Russian warplanes": a side listed with
        # the actor acts with it (assoc1), it is not the target
        agents = [*agents, *(m for m in _listed_with(agents[-1], whole, text) if m not in agents)]
    if not agents:
        agents = _sayer_acts(candidate, mentions, text, trig)
    if not agents and not armed_only:
        agents = _claimant(candidate, mentions, text) or _blamed(candidate, mentions, text)
    if not agents and not armed_only:
        # "the Assad regime fired rockets filled with Sarin gas", "Regime forces pounded the
        # towns with heavy artillery": the parse put the trigger in a clause of its own, the
        # sentence's actor stands before it, first (its subject)
        # ("rebels hit a school a day after children were killed in airstrikes": not across
        # a clause of its own)
        agents = [
            m
            for m in whole
            if m.end <= trig
            and m.role != "civilians"
            and m not in hit
            and not _OTHER_CLAUSE.search(text, m.end, trig)
        ][:1]
    if not agents and not armed_only:
        # "Two persons injured in terrorist rocket attack Two persons were injured as the ISIS
        # terrorist organization targeted with rocket shells the town": the side that does the
        # act later in the sentence is its actor, not its target
        agents = [
            m
            for m in whole
            if m.start > trig and m.role != "civilians" and _ACTS_AFTER.match(text, m.end)
        ][:1]
    patients = (
        _inside(candidate.patient, in_sentence)
        or [
            m
            for m in in_sentence
            if m.start >= trig
            and m not in agents
            # "after a pilot was executed by rebels": the doer of a passive is nobody's target,
            # nor is the side that names an act ("dead after Syria regime strike")
            and not _BY.search(text[max(0, m.start - 12) : m.start])
            and not _OWN_ACT.match(text[m.end : m.end + 30])
        ]
    )
    patients = [*patients, *(m for m in hit if m not in patients and m not in agents)]
    # "31 jihadists ... Islamic State militants were killed": the named group, not the generic noun
    patients = sorted(patients, key=lambda m: m.role == "unidentified")
    if armed_only:
        nearby = [*in_sentence, *(m for m in whole if m not in in_sentence)]  # clause first
        agents, patients = _battle_sides(agents, patients, nearby, context, pool, text)
    if sub in PROTEST_TYPES | RIOT_TYPES:
        return _demonstration_roles(sub, in_sentence, lexicon, country, when)
    if sub == "Non-state actor overtakes territory":
        agents, patients = _winner_first(agents, patients, in_sentence, False, text)
    elif sub == "Government regains territory":
        agents, patients = _winner_first(agents, patients, in_sentence, True, text)
    # "Al-Qaeda's Syrian affiliate Al-Nusra Front": the group, not the country, is the actor.
    agents = sorted(agents, key=lambda m: m.role == "country" or m.possessive)
    if armed_only:  # a side of a battle is the state's forces, not its government
        agents, patients = _forces(agents), _forces(patients)
    elif tx.SUB_EVENT_TO_EVENT[sub] in VIOLENT_EVENTS:  # so is a state that strikes or kills
        agents = _forces(agents)
    elif sub == "Agreement":  # a state that agrees is its government ("the US and Russia")
        agents, patients = _governments(agents), _governments(patients)
    names = [_name(m, mentions, lexicon, country, when, text) for m in agents]
    others = [_name(m, mentions, lexicon, country, when, text) for m in patients]
    others = [a for a in others if all(a.name != n.name for n in names)]
    sentence = text[candidate.sent_start : candidate.sent_end]
    if names:
        actor1 = names[0]
    elif sub in {"Air/drone strike", "Chemical weapon"} and not _DRONE.search(sentence):
        # the sentence names no air force: the one the article names for its strikes
        air_forces = _air_force(mentions, text, country)
        flown = [lexicon.name(m, country, when) for m in _forces(air_forces)]
        if not flown and country and _BARREL_BOMB.search(sentence):
            # barrel bombs are dropped from the state's own helicopters
            state = lexicon.state_name("military", country, when)
            flown = [Actor(state, tx.INTER_STATE, country=country)]
        actor1 = flown[0] if flown else Actor(UNIDENTIFIED_MILITARY, tx.INTER_EXTERNAL)
        names = flown  # a joint campaign's partner ("Russian and Syrian jets") is assoc1
    else:
        actor1 = _unidentified(lexicon, country, when)
    # an actor never opposes itself ("the regime" read on both sides, a claim sentence)
    others = [a for a in others if not _one_side(a, actor1)]
    actor2 = others[0] if others else None
    if actor2 is None and (armed_only or sub in TERRITORY_TYPES):
        # "launched an offensive on government-held areas", "captured regime-held positions":
        # the side that holds the ground attacked or taken is the other side
        # in the trigger's clause or close after it (the parse's clause may stop at the verb)
        near = min(candidate.sent_end, candidate.decision.trigger.end + HOLDER_CHARS)
        held = _holder(lexicon, text, trig, max(candidate.clause_end, near))
        if held is not None:
            holder = _name(_forces([held])[0], mentions, lexicon, country, when, text)
            actor2 = None if _one_side(holder, actor1) else holder
    one_named = not names[1:]  # a second side named already ("X and Y captured") is no ally
    if (
        actor2 is None
        and (armed_only or sub in TERRITORY_TYPES)
        and not _unknown(actor1)
        and one_named
    ):
        # "Nusra drove US-backed rebels out of a base ... 'Al-Nusra captured Base 46'": the
        # opponent named for the same fight a few sentences before
        actor2 = _opponent_before(
            candidate, mentions, lexicon, country, when, text, actor1, excluded
        )
    site_hit = _MILITARY_SITE.search(text, trig, min(trig + 80, candidate.sent_end))
    open_site = (actor2 is None or actor2.inter == tx.INTER_CIVILIANS) and not armed_only
    if open_site and country and site_hit:
        site = Actor(lexicon.state_name("military", country, when), tx.INTER_STATE, country=country)
        actor2 = actor2 if _one_side(site, actor1) else site
    remote = tx.SUB_EVENT_TO_EVENT[sub] == "Explosions/Remote violence"
    hit_civilians = (
        civilian_victims
        or any(m.role == "civilians" and m.start not in agencies for m in whole)
        or (sub in BOMBS | {"Chemical weapon"} and bool(_PEOPLE_HIT.search(sentence)))
        # "At least 20 people were killed ... in a barrel bomb attack", "rocket attacks ...
        # killing 2 people": people counted as killed or hurt by remote violence, no armed
        # side named as hit, are civilians
        or (remote and bool(_PEOPLE_COUNTED.search(sentence)) and bool(_HARMED.search(sentence)))
        or _civilian_site(text, candidate.sent_start, trig, candidate.sent_end)
    )
    if actor2 is None and remote and not hit_civilians:
        # "... airstrikes on the town of Douma. The airstrikes also left dozens of people injured
        # including women and children": the next sentence names the same act's victims
        hit_civilians = _victims_next(candidate, mentions, text, agencies)
    named_civilians = any(m.role == "civilians" and m.start not in agencies for m in whole)
    if remote and (actor2 is None or (actor2.inter == tx.INTER_CIVILIANS and not named_civilians)):
        # "warplanes bombarded Hasakeh targeting positions held by Kurdish forces": a held
        # military site is the target, where a held town is not
        held = _holder(lexicon, text, trig, candidate.sent_end, sites=True)
        if held is not None:
            holder = _name(_forces([held])[0], mentions, lexicon, country, when, text)
            actor2 = actor2 if _one_side(holder, actor1) else holder
    if actor2 is None and (sub in VICTIM_TYPES or (remote and hit_civilians)):
        # the civilians' own nationality where the sentence gives it ("Lebanese pilgrims")
        foreign = next(
            (m for m in whole if m.role == "civilians" and m.country and m.country != country),
            None,
        )
        actor2 = (
            lexicon.name(foreign, country, when)
            if foreign is not None
            else Actor(f"Civilians ({country})" if country else "Civilians", tx.INTER_CIVILIANS)
        )
    assoc1 = next((a for a in names[1:] if a.name != actor1.name), None)
    assoc2 = next((a for a in others[1:] if actor2 and a.name != actor2.name), None)
    # "Rebels and government forces agreed on a ceasefire", "a truce between X and Y": the
    # parties to an agreement are its two sides
    if sub == "Agreement" and actor2 is None and assoc1 and not _one_side(assoc1, actor1):
        actor2, assoc1 = assoc1, None
    return Roles(actor1, assoc1, actor2, assoc2)


_HELD_MARK = re.compile(r"-(?:held|controlled)\b|\b(?:held|controlled) by (?:the )?", re.IGNORECASE)
_HOLDER_WORDS = re.compile(r"[\w'’.]+", re.IGNORECASE)
_HELD_SITES = (
    r"(?:positions?|bases?|posts?|checkpoints?|headquarters|barracks|front ?lines?|outposts?)"
)
_HELD_SITE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{_HELD_SITES}\b", re.IGNORECASE)
_HELD_SITE_BEFORE = re.compile(rf"\b{_HELD_SITES}\s+$", re.IGNORECASE)
HOLDER_WORDS = 4  # the longest holder phrase looked for ("Islamic State group-held")
HOLDER_CHARS = 80  # how far past the trigger the ground's holder is looked for


def _holder(
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


# "The airstrikes also ...", "The attack left ...": a sentence that opens on the act again
_SAME_ACT = re.compile(
    r"\s*(?:The|These|Those)\s+(?:[\w-]+\s+)?(?:air ?strikes?|air ?raids?|strikes?|raids?|"
    r"attacks?|shelling|bombardment|bombings?|blasts?|explosions?|shells|rockets|barrel bombs)\b"
)
# the civilians are its victims, not "residents" who heard it
_HARMED = re.compile(r"\b(?:kill|dead|death|injur|wound|casualt|victim|hurt)\w*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _victims_next(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str, agencies: set[int]
) -> bool:
    """Civilians named in the next sentence as hit by the same act ("The airstrikes also left
    dozens of people injured including women and children")."""
    same = _SAME_ACT.match(text, candidate.sent_end)
    if same is None:
        return False
    stop = _SENTENCE_END.search(text, same.end())
    end = stop.start() if stop else len(text)
    return bool(_HARMED.search(text, same.end(), end)) and any(
        m.role == "civilians" and m.start not in agencies and same.end() <= m.start < end
        for m in mentions
    )


OPPONENT_CHARS = 400  # how far before the sentence a battle's opponent is looked for
UNARMED = {"civilians", "protesters", "rioters", "agency", "country"}
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
        if m.role in UNARMED - {"country"} or not (_AND.fullmatch(gap) or gap.strip() == ","):
            break
        chain.append(m)
        last, closed = m, bool(_AND.fullmatch(gap))
    return chain if closed else []


def _country_name(m: ActorMention) -> bool:
    """A country's own name or alias ("Syria", "Russia"), not its demonym ("Russian")."""
    return m.text.lower() == (m.country or "").lower()


def _unknown(actor: Actor) -> bool:
    return actor.name.startswith("Unidentified")


def _opponent_before(
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
            m.role in UNARMED
            or _ally(m, text)
            or m.possessive
            or any(s <= m.start < e for s, e in excluded)
            or _SITE_AFTER.match(text, m.end)  # "a strategic northern military base"
        ):
            continue
        named = _name(_forces([m])[0], mentions, lexicon, country, when, text)
        # state forces fight armed groups here, not another state's forces or the coalition
        states = actor1.inter in STATE_INTERS and named.inter in STATE_INTERS
        if not _one_side(named, actor1) and not _unknown(named) and not states:
            return named
    return None


def _sayer_acts(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str, trig: int
) -> list[ActorMention]:
    """The speaker as the actor of a reported act without a subject of its own."""
    return [
        m
        for m in mentions
        if candidate.sent_start <= m.start < trig
        and m.role in ACTING_ROLES
        and _SAYS_ACT.match(text[m.end : m.end + 80])
    ][-1:]


def _claimant(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str
) -> list[ActorMention]:
    """The group that claimed responsibility, in the sentence or the few around it."""
    before, after = CLAIM_CHARS
    return [
        m
        for m in mentions
        if candidate.sent_start - before <= m.start < candidate.sent_end + after
        and m.role == "group"
        and (
            _CLAIMS_AFTER.match(text[m.end : m.end + 60])
            or _CLAIMS_BEFORE.search(text[max(0, m.start - 60) : m.start])
        )
    ][:1]


def _blamed(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str
) -> list[ActorMention]:
    """The side a report blames for the act ("Residents blamed the US-led coalition for the
    strikes", "the regime was responsible for the attack"), in the sentence or around it."""
    before, after = CLAIM_CHARS
    return [
        m
        for m in mentions
        if candidate.sent_start - before <= m.start < candidate.sent_end + after
        and m.role in BLAMED_ROLES
        and (
            _RESPONSIBLE_AFTER.match(text[m.end : m.end + 90])
            or (
                _BLAMED_BEFORE.search(text[max(0, m.start - 50) : m.start])
                and not _NOBODY.search(text[max(0, m.start - 70) : m.start])
                and _BLAMED_AFTER.match(text[m.end : m.end + 80])
            )
        )
    ][:1]


def _air_force(
    mentions: Sequence[ActorMention], text: str, country: str | None
) -> list[ActorMention]:
    """The air force the article names for its strikes ("Russian warplanes", "regime air
    strikes", "coalition jets"), or the two it names as striking together ("Russian and Syrian
    jets", each also alone or with the other, never as alternatives): the first named leads.
    Nothing where it names none, several that are alternatives ("Syrian or Russian jets"), or
    more than two. A bare "warplanes" names nobody."""
    found: list[ActorMention] = []
    lists: list[list[ActorMention]] = []  # mentions listed together, "X and Y jets"
    alternative = False  # "Syrian or Russian jets": either, not both
    after: ActorMention | None = None  # the qualifying mention right after this one
    for m in reversed(mentions):
        named = (
            m.role in {"military", "country", "government"}
            and (m.country is not None or not _AIR_MENTION.fullmatch(m.text))
        ) or (m.role == "group" and m.inter == tx.INTER_EXTERNAL)
        gap = text[m.end : after.start] if after is not None else ""
        listed = after is not None and _LIST_GAP.fullmatch(gap)
        if named and (
            _AIR_MENTION.search(m.text) or _AIR_AFTER.match(text[m.end : m.end + 30]) or listed
        ):
            found.append(m)
            if listed:
                lists[-1].append(m)
                alternative = alternative or bool(re.search(r"\bor\b", gap, re.IGNORECASE))
            else:
                lists.append([m])
            after = m
        else:
            after = None

    def side(m: ActorMention) -> tuple[str | None, str | None]:
        return m.name, m.country or (None if m.role == "group" else country)

    sides = {side(m) for m in found}
    if len(sides) == 1:
        return found[-1:]
    joint = [group for group in lists if len({side(m) for m in group}) == 2]
    if len(sides) != 2 or alternative or not joint:
        return []
    first = joint[-1][::-1]  # the earliest joint list, in text order
    return [first[0], next(m for m in first if side(m) != side(first[0]))]


def _civilian_site(text: str, start: int, trig: int, end: int) -> bool:
    """A place only civilians fill is hit: after the trigger ("shells hit a crowded market"),
    or as the subject of a passive hit ("a bus was also hit by regime bombing raids")."""
    if _CIVILIAN_SITE.search(text, trig, end):
        return True
    before = _CIVILIAN_SITE.finditer(text, start, trig)
    return any(_SITE_HIT.match(text, site.end(), end) for site in before)


def _as_civilians(m: ActorMention) -> ActorMention:
    return dataclasses.replace(m, role="civilians", name=None, inter=None, country=None)


_ALLY_BEFORE = re.compile(
    r"\b(?:alongside|backed by|supported by|support (?:to|for)|allied (?:with|to)|allies|ally|"
    r"loyal to|"
    r"together with|along with|with (?:the )?(?:help|support|backing) of)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
_ALLY_AFTER = re.compile(r"^-(?:backed|led|allied|supported)\b", re.IGNORECASE)
_ALLIED = re.compile(r"\b(?:allied|pro-government|pro-regime|loyalist)\s+$", re.IGNORECASE)


def _ally(m: ActorMention, text: str) -> bool:
    """ "fought alongside Hezbollah", "US-backed forces", "allied militia": a partner, not the
    opponent."""
    return bool(
        _ALLY_BEFORE.search(text[max(0, m.start - 40) : m.start])
        or _ALLIED.search(text[max(0, m.start - 20) : m.start])
        or _ALLY_AFTER.match(text[m.end : m.end + 12])
    )


def _battle_sides(
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
            m for m in found if m not in agents and not _same_side(m, first) and not _ally(m, text)
        ]

    if not other(patients):
        rest = other(in_sentence)
        # "Clashes between Kurdish fighters and Islamic State", "army units and terrorist groups
        # engaged in heavy clashes when terrorists tried to advance": two sides named together
        # as the subject of a battle fight each other (a third named later is no other side)
        between = [m for m in agents[1:] if not _same_side(m, first) and not _ally(m, text)]
        if between:
            agents = [m for m in agents if m is not between[0]]
            rest = between[:1]
        if not rest and context is not None:
            rest = other([m for m in pool(*context) if m.role != "civilians"])
        patients = [*patients, *rest[:1]]
    return agents, patients


def _governments(found: list[ActorMention]) -> list[ActorMention]:
    return [dataclasses.replace(m, role="government") if m.role == "country" else m for m in found]


def _forces(found: list[ActorMention]) -> list[ActorMention]:
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


def _one_side(a: Actor, b: Actor) -> bool:
    """The same actor, or two arms of one state ("Government of Syria", "Military Forces of
    Syria")."""
    unidentified = a.name.startswith("Unidentified")  # two unknown groups may be opponents
    return (a.name == b.name and not unidentified) or (
        bool(_STATE_NAME.match(a.name) and _STATE_NAME.match(b.name))
        and a.country is not None
        and a.country == b.country
    )


def _name(
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


def _winner_first(
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
        if _OPPOSED.search(text[max(0, m.start - 40) : m.start]) and not _ally(m, text)
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
        and not _ally(m, text)
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
        and not _ally(m, text)
    ]
    losers = [*opposed, *(m for m in losers if m not in opposed)]
    return (winners or [m for m in agents if m not in opposed] or agents), [
        m for m in losers if m not in winners
    ]


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
