"""The side hit (casualties, civilians) and an attacker named elsewhere (claim, blame, aircraft)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from eventwire.extract import taxonomy as tx
from eventwire.extract.detect import Candidate
from eventwire.resolve.actors import ActorMention

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


# "Russian warplanes", "coalition air strikes", "regime helicopters": an air force named for
# the article's strikes.
_AIRCRAFT = (
    r"war ?planes?|jets?|aircraft|helicopters?|bombers|air ?force|aerospace (?:forces?|group)"
)
_AIR_AFTER = re.compile(
    rf"^[\s-]*(?:{_AIRCRAFT}|air ?strikes?|air[- ]raids?|air attacks?|bombing raids?)\b",
    re.IGNORECASE,
)
# "jets thought to belong to the Syrian government", "warplanes of the US-led coalition", "planes
# from a U.S.-led military coalition": the owner named after the aircraft
_AIR_BEFORE = re.compile(
    rf"\b(?:{_AIRCRAFT}|planes)\s+(?:(?:(?:was|were|is|are)\s+)?(?:thought|believed|said|"
    r"suspected|understood)\s+to\s+"
    r"(?:belong\s+to|be\s+from)|belonging\s+to|from|of)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$",
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
# "He blamed the attack squarely on Syrian President Bashar Assad", "Damascus blamed it on
# rebels": the act blamed on the side
_BLAMED_ON = re.compile(
    rf"\bblam(?:e|es|ed|ing)\s+(?:it|them|(?:the\s+|a\s+|an\s+|this\s+|that\s+|these\s+|"
    rf"those\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){{0,2}}?{_ACT_NOUN})\s+(?:\w+ly\s+)?on\s+"
    r"(?:the\s+)?(?:[\w'’.-]+\s+){0,3}$",
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
_SITE_HIT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:hit|struck|targeted|bombed|shelled|attacked)\b",
    re.IGNORECASE,
)


def counted_as_casualties(m: ActorMention, text: str) -> bool:
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


# "The airstrikes also ...", "The attack left ...": a sentence that opens on the act again
_SAME_ACT = re.compile(
    r"\s*(?:The|These|Those)\s+(?:[\w-]+\s+)?(?:air ?strikes?|air ?raids?|strikes?|raids?|"
    r"attacks?|shelling|bombardment|bombings?|blasts?|explosions?|shells|rockets|barrel bombs)\b"
)
# the civilians are its victims, not "residents" who heard it
HARM_WORD = re.compile(r"\b(?:kill|dead|death|injur|wound|casualt|victim|hurt)\w*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def victims_in_next_sentence(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str, agencies: set[int]
) -> bool:
    """Civilians named in the next sentence as hit by the same act ("The airstrikes also left
    dozens of people injured including women and children")."""
    same = _SAME_ACT.match(text, candidate.sent_end)
    if same is None:
        return False
    stop = _SENTENCE_END.search(text, same.end())
    end = stop.start() if stop else len(text)
    return bool(HARM_WORD.search(text, same.end(), end)) and any(
        m.role == "civilians" and m.start not in agencies and same.end() <= m.start < end
        for m in mentions
    )


def acting_speaker(
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


def claimant(
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


def blamed_side(
    candidate: Candidate, mentions: Sequence[ActorMention], text: str
) -> list[ActorMention]:
    """The side a report blames for the act ("Residents blamed the US-led coalition for the
    strikes", "the regime was responsible for the attack", "blamed the attack on the regime"), in
    the sentence or around it."""
    before, after = CLAIM_CHARS
    return [
        m
        for m in mentions
        if candidate.sent_start - before <= m.start < candidate.sent_end + after
        and m.role in BLAMED_ROLES
        and (
            _RESPONSIBLE_AFTER.match(text[m.end : m.end + 90])
            or (
                _BLAMED_ON.search(text[max(0, m.start - 90) : m.start])
                and not _NOBODY.search(text[max(0, m.start - 90) : m.start])
            )
            or (
                _BLAMED_BEFORE.search(text[max(0, m.start - 50) : m.start])
                and not _NOBODY.search(text[max(0, m.start - 70) : m.start])
                and _BLAMED_AFTER.match(text[m.end : m.end + 80])
            )
        )
    ][:1]


def air_force(
    mentions: Sequence[ActorMention], text: str, country: str | None
) -> list[ActorMention]:
    """The air force the article names for its strikes ("Russian warplanes", "regime air
    strikes", "coalition jets", "jets belonging to the regime"), or the two it names as striking
    together ("Russian and Syrian jets", each also alone or with the other, never as
    alternatives): the first named leads.
    Nothing where it names none, several that are alternatives ("Syrian or Russian jets"), or
    more than two. A bare "warplanes" names nobody."""
    found, lists, alternative = _air_mentions(mentions, text)

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


def names_air_force(mentions: Sequence[ActorMention], text: str) -> bool:
    """Whether the article names any air force for its strikes, even as one of alternatives
    ("Syrian or Russian jets") or among several."""
    return bool(_air_mentions(mentions, text)[0])


def _air_mentions(
    mentions: Sequence[ActorMention], text: str
) -> tuple[list[ActorMention], list[list[ActorMention]], bool]:
    """The mentions named as an air force (last first), the lists they are named in together,
    and whether any list gives them as alternatives."""
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
            _AIR_MENTION.search(m.text)
            or _AIR_AFTER.match(text[m.end : m.end + 30])
            or _AIR_BEFORE.search(text[max(0, m.start - 60) : m.start])
            or listed
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
    return found, lists, alternative


def civilian_site_hit(text: str, start: int, trig: int, end: int) -> bool:
    """A place only civilians fill is hit: after the trigger ("shells hit a crowded market"),
    or as the subject of a passive hit ("a bus was also hit by regime bombing raids")."""
    if _CIVILIAN_SITE.search(text, trig, end):
        return True
    before = _CIVILIAN_SITE.finditer(text, start, trig)
    return any(_SITE_HIT.match(text, site.end(), end) for site in before)


def as_civilians(m: ActorMention) -> ActorMention:
    """`m` read as civilians (an agency's staff hit by armed violence), with no name of its own."""
    return dataclasses.replace(m, role="civilians", name=None, inter=None, country=None)
