"""One toll told several ways: other sources' reports of an event, and a total with its parts.

First, reports of an event already told join it (`join_reports`): a definite reference with its
own toll ("The blast ... killing 32 rebels" after "More than 30 rebels killed in suicide
blast"), a source's toll ("the monitor gave a toll of 48 dead"), or the headline's event told
again in the body; their numbers become reports of one toll (toll.reported).

Then totals and their parts (`distribute`). Reports often open with a total ("13 citizens
killed in terrorist attacks on Aleppo", "Regime air strikes and artillery fire killed 19
civilians across Eastern Ghouta") and then tell the incidents it sums ("shells on al-Zahraa
killed 6", "strikes on Mesraba killed 17 while artillery fire on Douma killed another two").
Each incident is an event with its own place, but the total must not be counted again on top
of them: the opening event keeps only the deaths its parts do not account for, and is dropped
when they account for all of them (it told nothing the parts do not). Another event is a part
of a total (mostly told after it, sometimes before: "air strikes killed 13 on Thursday ... the
bombardment has killed at least 84") when it is of the same day (give or take one), in the
same region (or the total's place is vague, or the sentence giving the total names the part's
place), of the same kind of victims, not another side's attack, and the parts told so far
still fit in the total.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.casualties import Death, Toll, combine
from eventwire.extract.placing import Located, carries_deaths, generic, merge, province_named
from eventwire.extract.taxonomy import SUB_EVENT_TO_EVENT
from eventwire.extract.victim_kind import victim_kind

# "The monitor gave a toll of 48 dead", "put the death toll at 85": a source's toll for an
# event already told, in a sentence that names no event of its own.
_TOLL_REPORT = re.compile(
    r"\b(?:gave|gives|giving|put|puts|putting|raised|raises|lowered|revised|cited|reported)\s+"
    r"(?:a|the|its|their|an?\s+\w+)\s+(?:\w+\s+)?(?:death\s+)?toll\b",
    re.IGNORECASE,
)
# "The attack killed 32", "the blast was also reported", "this strike": a definite reference.
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _kinds(item: Located) -> set[str]:
    own = [d for d in item.deaths if not d.cumulative and not d.subset]
    return {d.kind for d in own} or {"unspecified"}


_STATE_SIDE = re.compile(
    r"\b(?:regime|government|army|troops|soldiers|air force|warplanes|jets|helicopters?|"
    r"russian|russia|loyalist|pro-regime|pro-government|state forces|syrian forces)\b",
    re.IGNORECASE,
)
_REBEL_SIDE = re.compile(
    r"\b(?:rebels?|rebel-held|opposition|insurgents?|terrorists?|terrorist|militants?|jihadists?|"
    r"islamic state|isis|isil|daesh|nusra|al-nusra|takfiri|armed groups?)\b",
    re.IGNORECASE,
)


def _side(item: Located, text: str) -> str | None:
    """Who attacked, as far as the words just before the trigger say ("rebel shelling",
    "Syrian regime air strikes", "terrorists fired rocket shells"): "state", "rebel", or None
    when they name neither or both ("a regime barrel bomb attack and rebel rocket fire")."""
    cand = item.candidate
    if generic(cand):
        return None  # before "were killed" stand the victims, not the attackers
    clause = text[cand.clause_start : cand.clause_end]
    if _STATE_SIDE.search(clause) and _REBEL_SIDE.search(clause):
        return None
    trigger = cand.decision.trigger
    words = text[max(cand.sent_start, trigger.start - 30) : trigger.end]
    state, rebel = _STATE_SIDE.search(words), _REBEL_SIDE.search(words)
    if state and rebel:
        return None
    return "state" if state else "rebel" if rebel else None


def _coarse(item: Located) -> bool:
    return item.place.geo_precision == 3 or item.place.place.feature_code in {"PCLI", "ADM1"}


def _regions_apart(one: Located, other: Located) -> bool:
    """Two places in two known regions, however vaguely each is told: a province is no vague
    place for an incident of another province ("strikes killed 34 in Deir ez-Zor province" is
    no total of 19 killed in Douma the same day); the country or no known region may be
    anywhere."""
    a, b = one.place.place, other.place.place
    if a.admin1 is None or b.admin1 is None or "PCLI" in {a.feature_code, b.feature_code}:
        return False
    return a.admin1 != b.admin1


def _told_sentences(item: Located, total: int) -> list[tuple[int, int]]:
    """The sentences of an event that give its toll `total` as a count of their own."""
    return [
        (a, b)
        for a, b in item.sentences
        if any(
            a <= d.start < b and d.count.best == total
            for d in item.deaths
            if not d.cumulative and not d.subset
        )
    ]


def _other_town(total: Located, part: Located, text: str, best: int) -> bool:
    """A toll its own sentence gives for one town ("air strikes on the town of Douma killed
    12") sums no incident its text names in another town ("air strikes on Harasta killed
    seven"): a part of a town's toll is at the town or in one of its quarters."""
    a, b = total.place.place, part.place.place
    if a.name == b.name or not (_named(total) and _named(part)):
        return False
    if not a.feature_code.startswith("PPL") or not b.feature_code.startswith("PPL"):
        return False
    if b.feature_code == "PPLX" or total.place.geo_precision != 1:
        return False
    # (a town named as its province is: "Syria's Aleppo", "Northern Homs")
    if province_named(a) or province_named(b):
        return False
    surface = text[a.start : a.end]
    return bool(surface) and any(surface in text[x:y] for x, y in _told_sentences(total, best))


def _names(item: Located, text: str, part: Located, total: int) -> bool:
    """Whether a sentence that gives the total name the part's place (as the text writes
    it): "10 civilians killed in attacks on Aleppo and Deir Ezzor"."""
    place = part.place.place
    names = {place.name, text[place.start : place.end]} - {""}
    return any(name in text[a:b] for a, b in _told_sentences(item, total) for name in names)


def is_part(total: Located, part: Located, text: str, best: int) -> bool:
    """Whether `part` (told after `total`, whose toll is `best`) can be one of the incidents
    `total` sums."""
    if abs((total.date - part.date).days) > 1:
        return False
    a, b = total.place.place, part.place.place
    same_region = a.admin1 is not None and a.admin1 == b.admin1
    vague = _coarse(total) and not _regions_apart(total, part)
    named = _names(total, text, part, best)
    if not (same_region or vague or named) or (not named and _other_town(total, part, text, best)):
        return False
    mine, theirs = _kinds(total), _kinds(part)
    if not ("unspecified" in mine or theirs <= mine or theirs == {"unspecified"}):
        return False
    # "regime air strikes killed 13" and "rebel shelling killed 9": other attackers, other
    # incidents, whatever the arithmetic says
    a_side, b_side = _side(total, text), _side(part, text)
    return not (a_side and b_side and a_side != b_side)


def another_report(first: Located, later: Located, text: str) -> bool:
    """ "The attack killed 32 rebels" after "a suicide blast killed more than 30 rebels": a
    definite reference with its own toll, of the same day (give or take one) and a compatible
    type, or a source's toll ("the monitor gave a toll of 48 dead"), whose place is not named
    in its own sentence (or is the same place), is another report of an event told before,
    whatever number it gives (sources differ); so is the headline's event told again, and a
    count typed by no event word of its own ("In Idlib, 14 people were killed on Saturday")
    at the very place and day of an event with deaths (ACLED codes one event there)."""
    if abs((first.date - later.date).days) > 1:
        return False
    if _headline_again(first, later):
        return True
    if (
        generic(later.candidate)
        and later.place.place.name == first.place.place.name
        and first.date == later.date
        and carries_deaths(first.candidate.decision.sub_event_type)
    ):
        return True
    if _named(first) and _named(later) and later.place.place.name != first.place.place.name:
        return False  # each names its own place: two incidents
    trigger = later.candidate.decision.trigger
    sentence = text[later.candidate.sent_start : later.candidate.sent_end]
    if generic(later.candidate) and _TOLL_REPORT.search(sentence):
        return True  # "the monitor gave a toll of 48 dead": a toll of the event told before
    definite = _DEFINITE.search(text[max(0, trigger.start - 30) : trigger.start])
    # ("the militants crucified two men": a definite subject names who acted, not the event)
    if definite is None or victim_kind(definite.group()) != "unspecified":
        return False
    a, b = first.candidate.decision.sub_event_type, later.candidate.decision.sub_event_type
    return SUB_EVENT_TO_EVENT[a] == SUB_EVENT_TO_EVENT[b] or generic(later.candidate)


def _headline_again(first: Located, later: Located) -> bool:
    """The headline's event told again in the body: the same type, in the same region (or
    either place vague), is the same incident ("Army Kills 10 Terrorists in Missile Attack
    Northwest of Hama" and "the missile attack in Northwestern Hama has killed eleven")."""
    if first.candidate.position != 0 or later.candidate.position == 0:
        return False
    if first.candidate.decision.sub_event_type != later.candidate.decision.sub_event_type:
        return False
    a, b = first.place.place, later.place.place
    same_region = a.admin1 is not None and a.admin1 == b.admin1
    return same_region or _coarse(first) or _coarse(later)


def _named(item: Located) -> bool:
    return item.place.reason.startswith("sentence")


def join_reports(located: Sequence[Located], text: str) -> list[Located]:
    """Events that are other reports of an event told before (see `another_report`) join it;
    their counts become reports of its toll (see toll.reported)."""
    out: list[Located] = []
    for item in located:
        own = [d for d in item.deaths if not d.cumulative]
        target = None
        if own and carries_deaths(item.candidate.decision.sub_event_type):
            target = next(
                (
                    o
                    for o in reversed(out)
                    if any(not d.cumulative for d in o.deaths) and another_report(o, item, text)
                ),
                None,
            )
        if target is None:
            out.append(item)
            continue
        merged = target
        for sentence in item.sentences:
            merged = merge(merged, item.candidate, item.place, sentence)
        merged = dataclasses.replace(merged, deaths=target.deaths + item.deaths)
        if _named(item) and not _named(target):  # the place its own sentence names wins
            merged = dataclasses.replace(merged, place=item.place)
        out[out.index(target)] = merged
    return out


@dataclass(frozen=True, slots=True)
class TollSentence:
    """A sentence with deaths that gave no event candidate: its span, its deaths, the admin1
    regions of the places it names, and the spans of the two sentences before it (none for
    the text's first line, a headline)."""

    span: tuple[int, int]
    deaths: tuple[Death, ...]
    regions: tuple[str, ...]
    before: tuple[tuple[int, int], ...]


def orphan_tolls(located: Sequence[Located], found: Sequence[TollSentence]) -> list[Located]:
    """Deaths told in a sentence that names no event of its own ("the death toll from the
    strikes was 45", "the number of dead rose to 45", "the army destroyed over 60 terrorists")
    are the toll of the event told in one of the two sentences before it; a headline's ("45
    dead in Aleppo"), of the event told first. They join that event's own reports
    (toll.reported), so a number told again is counted once and an update replaces it.
    Not when that event carries no deaths, nor when the sentence names a place in another
    region than the event's (it is about something else), nor for a running total."""
    out = list(located)
    for sentence in found:
        own = tuple(d for d in sentence.deaths if not d.cumulative)
        near = [k for k, o in enumerate(out) if set(o.sentences) & set(sentence.before)]
        if near:
            k = max(near, key=lambda k: max(set(out[k].sentences) & set(sentence.before)))
        elif not sentence.before and out:
            k = min(range(len(out)), key=lambda k: out[k].sentences[0][0])
        else:
            continue
        target = out[k]
        admin1 = target.place.place.admin1
        if not own or not carries_deaths(target.candidate.decision.sub_event_type):
            continue
        if any(admin1 and region != admin1 for region in sentence.regions):
            continue
        out[k] = dataclasses.replace(target, deaths=target.deaths + own)
    return out


def tolls_of(located: Sequence[Located]) -> list[Toll | None]:
    return [
        combine(item.deaths) if carries_deaths(item.candidate.decision.sub_event_type) else None
        for item in located
    ]


def distribute(
    located: Sequence[Located], tolls: Sequence[Toll | None], text: str
) -> tuple[list[Located], list[Toll | None]]:
    """The events and their tolls with every total and its parts told once (see the module
    doc). A part at the total's own place is more of the same event (ACLED aggregates one
    type at one place on one day): it joins the total, which keeps its toll. A part
    elsewhere stays an event and the total keeps only the deaths the parts leave; a total
    its parts account for entirely is dropped."""
    items, out = list(located), list(tolls)
    gone: set[int] = set()
    used: set[int] = set()
    for i, total in enumerate(located):
        toll = out[i]
        if toll is None or toll.best <= 0 or i in used:
            continue
        accounted = civilians = 0
        elsewhere: list[int] = []
        # (a part told before its total, "air strikes killed 13 on Thursday ... the
        # bombardment has killed at least 84", stays the event it is, however it is placed)
        for j in [*range(i + 1, len(located)), *range(i)]:
            part = out[j]
            if j in used or j in gone or part is None or part.best <= 0:
                continue
            if accounted + part.best > toll.best or not is_part(total, located[j], text, toll.best):
                continue
            accounted += part.best
            used.add(j)
            if j > i and located[j].place.place.name == total.place.place.name:
                items[i] = _join(items[i], located[j])
                gone.add(j)
            else:
                civilians += part.civilians or 0
                elsewhere.append(j)
        if accounted:
            used.add(i)  # (a total with no parts may still be a part of a later one)
        if not elsewhere:
            continue
        rest = toll.best - sum(t.best for t in (out[j] for j in elsewhere) if t is not None)
        if rest <= 0:
            gone.add(i)
            continue
        civ = None if toll.civilians is None else max(0, min(rest, toll.civilians - civilians))
        high = None if toll.high is None else max(rest, toll.high - (toll.best - rest))
        low = max(0, min(rest, toll.low - (toll.best - rest)))
        out[i] = dataclasses.replace(toll, best=rest, low=low, high=high, civilians=civ)
    keep = [k for k in range(len(items)) if k not in gone]
    return [items[k] for k in keep], [out[k] for k in keep]


def _join(total: Located, part: Located) -> Located:
    """`part` told as more of `total`: its sentences join, a specific type replaces a generic
    one; the deaths stay the total's."""
    merged = total
    for sentence in part.sentences:
        merged = merge(merged, part.candidate, part.place, sentence)
    return dataclasses.replace(merged, deaths=total.deaths)
