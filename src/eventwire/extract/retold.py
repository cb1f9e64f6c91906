"""A follow-up report's known attack, dated by the day the text names for it.

Reports of an attack go on for days after it: statements, test results, reactions ("British
scientists concluded that sarin was used in the chemical attack ... the ambassador said on
Wednesday"). Told that way, the attack takes the day of the statement or the dateline, and
becomes a second event on another day. ACLED codes the attack once, on its own day: where the
text names that day ("a sarin attack on Khan Sheikhun on the 4th of April", "the April 4
attack"), the attack takes it, with that mention as evidence; where it names none but tells
the attack's deaths under a statement's day ("On Tuesday opposition forces stated that some 80
people were killed in a chemical weapon attack"), the attack took place on that day or shortly
before (precision 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.extract.detect import Candidate
from eventwire.resolve.dates import DateChoice, DateMention, attack_days

# "the chemical attack", "this suspected attack": an incident the reader is taken to know.
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


# "UNICEF continues to provide treatment in the area of the attack": a chemical attack's
# sentence that names the attack as known.
_THE_ATTACK = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?attack\b", re.IGNORECASE)


# "died in the suspected attack": deaths told of an attack the reader is taken to know.
_DIED_IN_THE_ATTACK = re.compile(
    r"\b(?:in|from|by)\s+the\s+(?:[\w-]+\s+){0,2}?attack\b", re.IGNORECASE
)


def recalls_attack(text: str, cand: Candidate) -> bool:
    """A chemical attack named as known ("the chemical attack", "this suspected attack", "in
    the area of the attack"), or deaths told of a known attack ("87 died in the suspected
    attack", "The attack in Idlib claimed the lives of at least 27 children")."""
    trigger = cand.decision.trigger
    sentence = text[cand.sent_start : cand.sent_end]
    if cand.decision.sub_event_type == "Chemical weapon" and (
        _DEFINITE.search(text[max(0, trigger.start - 40) : trigger.start])
        or _THE_ATTACK.search(sentence)
    ):
        return True
    return bool(cand.deaths) and bool(
        _DIED_IN_THE_ATTACK.search(sentence) or _THE_ATTACK.match(sentence.lstrip(" 0123456789./"))
    )


_CHEMICAL = re.compile(r"\b(?:chemical|gas|sarin|chlorine|toxic|nerve)", re.IGNORECASE)


def told_day(choice: DateChoice, told: Sequence[DateMention], max_days: int) -> DateChoice:
    """An event dated by its report (the dateline, a statement's day or the publication day)
    takes the day the text gives an attack by name ("a sarin attack on Khan Sheikhun on the 4th
    of April", "the April 4 attack") when that day is the only one it gives one and falls
    before the report's: follow-up reports ("British scientists concluded that sarin was used
    in the chemical attack ... the ambassador said on Wednesday") tell the attack of days
    before, and dated by its report it would be a second event of another day."""
    mention = choice.mention
    if choice.date is None:
        return choice
    if mention is None and choice.time_precision != 2:
        return choice
    if mention is not None and not (mention.dateline or mention.reporting):
        return choice
    days = {m.day or m.date for m in told}
    if len(days) != 1:
        return choice
    first = min(told, key=lambda m: m.start)
    day = first.day or first.date
    if day is None or not 0 < (choice.date - day).days <= max_days:
        return choice
    # (a statement's day bounds the attack: on it or shortly before, precision 2)
    return DateChoice(day, 2 if first.reporting else 1, first)


# "On Tuesday Syrian opposition forces stated that some 80 people were killed ... in a chemical
# weapon attack": deaths in a chemical attack, told under a statement's day.
_STATED_DEATHS = re.compile(r"\b(?:killed|died|dead|deaths?|lives)\b", re.IGNORECASE)


def stated_days(text: str, mentions: Sequence[DateMention]) -> list[DateMention]:
    """The days of statements whose sentence tells deaths in a chemical attack."""
    out = []
    for m in mentions:
        if not m.reporting or m.precision != 1 or m.date is None or m.dateline or m.background:
            continue
        begin = max(text.rfind(". ", 0, m.start) + 2, 0)
        stop = text.find(". ", m.end)
        sentence = text[begin : stop if stop >= 0 else len(text)]
        if _CHEMICAL.search(sentence) and "attack" in sentence and _STATED_DEATHS.search(sentence):
            out.append(m)
    return out


def chemical_told_days(text: str, mentions: Sequence[DateMention]) -> list[DateMention]:
    """The days the text gives a chemical attack by name. (For every kind of attack, on FA-KES
    dev the rule also moved events onto other, earlier attacks the text dates, "an attack on an
    aid convoy took place on 19 September", and lowered cluster_fakes' pair precision.)"""
    named = [t.mention for t in attack_days(text, mentions) if _CHEMICAL.search(t.phrase)]
    return named or stated_days(text, mentions)
