"""Running and historical totals ("since the start of the war", "this week", "bringing the
number killed to 95"): counts that are no single event's toll."""

from __future__ import annotations

import dataclasses
import re

from eventwire.extract.death_words import MONTHS
from eventwire.extract.numbers import Count
from eventwire.extract.recall import timeline_spans
from eventwire.extract.toll import Death

CUMULATIVE = re.compile(
    r"\b(?:since (?:the (?:start|beginning|outbreak)|(?:march |early |mid-|late )?(?:19|20)\d\d|"
    r"it (?:began|started|erupted))|"
    # "since April", "since Sept. 19", "since a ceasefire collapsed", "since then": a running
    # total over days (not "since dawn", "since this morning"; nor "since Wednesday": the toll
    # of one episode of fighting that began that day, "clashes since Wednesday have killed 39")
    r"since (?!dawn|daybreak|(?:early |this |the )?(?:morning|hours|midnight)|"
    r"early (?:today|hours))"
    r"(?:" + MONTHS + r"|then|last|early|mid-?|"
    r"(?:the |last )?weekend|"
    r"(?:a|an|the)\s+(?:[\w.]+[\s-]+){0,3}?(?:cease-?fire|truce|offensive|campaign|operation|"
    r"assault|battle|siege|bombardment|escalation|agreement|deal))\b|"
    # "a month of infighting ... has killed", "two weeks of air strikes"
    r"(?:a|one|two|three|four|five|six|several|\d+|\w+teen) (?:weeks?|months?|years?) of "
    r"(?:\w+ )?(?:fighting|infighting|clashes|war|bombing|bombardments?|violence|strikes|"
    r"air ?strikes|air raids|raids|shelling|battles?|conflict|siege|assaults?|offensive)|"
    r"so far (?:this|in)|overall|to date|"
    r"(?:war|conflict|crisis|uprising|revolution|insurgency)\b[^.;]{0,120}?\b"
    r"(?:has|have|had) (?:so far )?(?:killed|left|claimed)|"
    r"death toll (?:in|of|from) the (?:war|conflict|crisis)|"
    r"(?:in|over|during) the (?:past|last) (?:\w+ )?(?:years|months|decade)|"
    # ("earlier this month", "earlier this week" date another incident the article recalls,
    # not a running total: see recall.py)
    r"(?<!earlier )(?:this|last|past) (?:year|month)|years? of (?:war|conflict|fighting)|"
    r"cumulative|tally|"
    # "in recent days", "in recent air strikes", "a two-week-old battle", "in one week", "in
    # such attacks", "have so far been killed": totals over many incidents or days
    r"(?:in|during|over) recent (?:days|weeks|months|\w+ ?strikes|raids|attacks|fighting|clashes)|"
    r"(?:\w+)-(?:week|month|year)-old (?:\w+ )?(?:battle|offensive|campaign|siege|war|fighting)|"
    r"(?:in|within) (?:one|a|a single|two|three) weeks?\b|in such (?:attacks|strikes|raids)|"
    r"(?:has|have|had) so far|during (?:the month of )?(?:" + MONTHS + r")\b|"
    # "the deaths of 43 people so far", "since the regime and Russian jets began an offensive"
    r"(?:deaths?|dead|killed|died)\s+(?:\w+\s+){0,4}?so far|"
    r"since (?:the |a |an )?(?:[\w-]+\s+){1,8}?(?:began|started|launched|broke out|erupted)|"
    r"in (?:" + MONTHS + r") (?:\w+ )?(?:shelling|bombing|bombardments?|strikes|air ?strikes|"
    r"raids|attacks|fighting|clashes|violence)\b|"
    r"(?:erupted|broke out|began|started) in (?:\w+ )?(?:19|20)\d\d|"
    # "the past three days" still reads as one episode; a week or more is a running total.
    r"(?:in|over|during|within) (?:the )?(?:past|last|previous) (?:few|several) days|"
    r"(?:in|over|during|within) the (?:past|last|previous) (?:(?:\w+ )?(?:weeks?|months?)|"
    r"(?:(?!(?:two|three|2|3) )\w+ )?days)|"
    r"(?<!earlier )this (?:week|month)|in (?:\w+ )?(?:days|weeks) of|"
    r"since (?:the )?(?:start|beginning|launch)|"
    r"(?:campaign|offensive|siege|bombardment|operation) (?:began|started|was launched)|"
    r"(?:have|has|had) (?:\w+ )?(?:died|been killed|perished|lost their lives) (?:in|during|since) "
    r"(?:the |this |syria's |its )?(?:\w+ )?(?:war|conflict|crisis|uprising|revolution)|"
    r"(?:hundreds|thousands|tens of thousands|millions) of (?:\w+ )?(?:have|had) (?:\w+ )?"
    r"(?:died|been killed|perished))\b",
    re.IGNORECASE,
)


CUMULATIVE_FLOOR = 10_000


def is_running_total(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] tells a running or historical total (CUMULATIVE),
    a toll that tallies the running period the sentence before it sets, or the toll of an
    entry of a timeline box of past milestones (`recall.timeline_spans`: "March 15 2017 Two
    car bombs detonate in the capital. At least 32 are confirmed dead.")."""
    return (
        bool(CUMULATIVE.search(_COMPARISON.sub(_blank, text[start:end])))
        or _tally_of_period(text, start, end)
        or _in_timeline(text, start, end)
    )


# "... had died since Tuesday in the fight over Tabqa base, making it one of the deadliest
# confrontations since the start of Syria's war": a superlative measured against the war so far
# sets no running period for the sentence's toll (a clause that tells deaths of its own, "the
# deadliest since sarin gas killed hundreds", is left to be read).
_COMPARISON = re.compile(
    r"\b(?:deadliest|bloodiest|worst|heaviest|biggest|largest|fiercest|most \w+)\b[^.;]{0,100}?"
    r"\bsince\b(?![^.;]*\b(?:kill\w*|dead|died|deaths?|lives)\b)[^.;]*",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _in_timeline(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] opens inside a timeline box or a copy of one."""
    at = end - len(text[start:end].lstrip())
    return any(a <= at < b for a, b in timeline_spans(text))


# "Kilis has been under rocket attacks since mid-January. Twenty people in Kilis have been
# killed": a toll in the present perfect with no day of its own, told right after a sentence
# that sets a running period, counts the deaths of that period.
_PERIOD = re.compile(
    r"\bsince\b(?!\s+(?:dawn|daybreak|midnight|(?:early |this |the )?morning|early today))|"
    r"\b(?:in|over|during) (?:the )?(?:recent|past|last) (?:few |several )?"
    r"(?:days|weeks|months|years)\b|\bfor (?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_PERFECT_DEATH = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+(?:killed|slain|martyred)|died|perished|"
    r"lost their lives)\b",
    re.IGNORECASE,
)
_OWN_DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|overnight|"
    r"(?:last|this|on \w+) (?:night|morning|evening|afternoon)|"
    r"(?:" + MONTHS + r")\.? \d{1,2}\b|\d{1,2} (?:" + MONTHS + r"))",
    re.IGNORECASE,
)


# "The Observatory has documented the killing of 5812 civilians in air raids over the past year.
# Meanwhile rebel fire on regime-held areas killed 1102 people": a toll with no day or week of
# its own, opened by words that carry on the period just told ("meanwhile", "also", "in the
# same period"), right after a running total, tallies the same period.
_CARRIES_ON = re.compile(
    r"^\W*(?:meanwhile|also|at the same time|(?:in|during|over|for) the same "
    r"(?:period|time|months?|weeks?|year))\b",
    re.IGNORECASE,
)
_OWN_WEEK = re.compile(r"\b(?:(?:this|last) (?:week|weekend)|ago|earlier|recently)\b", re.I)


def _tally_of_period(text: str, start: int, end: int) -> bool:
    """Whether a sentence's toll, with no day of its own, tallies the running period the
    sentence before it sets: a present-perfect toll after a sentence that sets a period ("...
    under attack since mid-January. Twenty people have been killed"), or a toll opened by
    "meanwhile", "also", "in the same period" after a running total (see _CARRIES_ON)."""
    sentence = text[start:end]
    perfect = _PERFECT_DEATH.search(sentence)
    carries_on = _CARRIES_ON.search(sentence) and not _OWN_WEEK.search(sentence)
    if not (perfect or carries_on) or _OWN_DAY.search(sentence):
        return False
    if len(re.findall(r"[.!?][\"”’']?\s", text[:start])) < 2:
        return False  # the lead's present perfect tells the news ("20 have been killed")
    ends = list(re.finditer(r"[.!?][\"”’']?\s", text[max(0, start - 400) : max(0, start - 1)]))
    begin = max(0, start - 400) + ends[-1].end() if ends else max(0, start - 400)
    if perfect and _PERIOD.search(text[begin:start]):
        return True
    return bool(carries_on) and is_running_total(text, begin, start)


# "The strike killed 10 people, a week after another strike on the town killed 25", "killed 20,
# the deadliest since a bombing that killed 50": after the sentence's own toll, a clause that
# sets another incident before it tells that incident's toll, not this one's.
_EARLIER_INCIDENT = re.compile(
    r"\b(?:(?:hours?|days?|weeks?|months?)\s+after|since\s+(?:a|an|the|last)|"
    r"following\s+(?:a|an)|on the heels of|adding to (?:the|those))\b",
    re.IGNORECASE,
)


def not_the_earlier_incident(text: str, deaths: list[Death]) -> list[Death]:
    """The counts of a sentence up to a clause that sets another, earlier incident after its
    own toll (see _EARLIER_INCIDENT)."""
    out: list[Death] = []
    for d in deaths:
        own = [o for o in out if not o.subset and not o.cumulative]
        if own and _EARLIER_INCIDENT.search(text, own[0].end, d.start):
            continue
        out.append(d)
    return out


# "..., bringing the number killed this week to 95": a running total told after the toll of
# the incident the sentence reports.
_TALLY_TAIL = re.compile(r",?\s+(?:bringing|raising|taking|pushing)\s+(?:the|its)\b", re.I)


def is_huge(count: Count) -> bool:
    """No single event in the codebook's sense kills ten thousand: that is a war total; nor
    "hundreds", "thousands": a summary, not one event's count."""
    return count.best >= CUMULATIVE_FLOOR or (
        count.best >= 100 and count.high is not None and count.high >= 9 * count.best
    )


def before_the_tally(
    text: str, start: int, end: int, deaths: list[Death], cumulative: bool
) -> list[Death]:
    """ "Air strikes killed 20 people on Monday, bringing the number killed this week to 95":
    the sentence is a running total only from the clause that tallies; the count before it is
    the incident's own."""
    tail = _TALLY_TAIL.search(text, start, end)
    if not cumulative or tail is None or CUMULATIVE.search(text[start : tail.start()]):
        return deaths
    return [
        dataclasses.replace(d, cumulative=False)
        if d.end <= tail.start() and not is_huge(d.count)
        else d
        for d in deaths
    ]
