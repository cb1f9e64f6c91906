"""A follow-up report's known attack, dated by the day the text names for it.

Reports of an attack go on for days after it: statements, test results, reactions ("British
scientists concluded that sarin was used in the chemical attack ... the ambassador said on
Wednesday"). Told that way, the attack takes the day of the statement or the dateline, and
becomes a second event on another day. ACLED codes the attack once, on its own day: where the
text names that day ("a sarin attack on Khan Sheikhun on the 4th of April", "the April 4
attack"), the attack takes it, with that mention as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.extract.detect import Candidate
from eventwire.resolve.dates import DateChoice, DateMention, attack_days

# "the chemical attack", "this suspected attack": an incident the reader is taken to know.
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


# "died in the suspected attack": deaths told of an attack the reader is taken to know.
_DIED_IN_THE_ATTACK = re.compile(
    r"\b(?:in|from|by)\s+the\s+(?:[\w-]+\s+){0,2}?attack\b", re.IGNORECASE
)


def recalls_attack(text: str, cand: Candidate) -> bool:
    """A chemical attack named as known ("the chemical attack", "this suspected attack"), or
    deaths told of a known attack ("87 died in the suspected attack")."""
    trigger = cand.decision.trigger
    if cand.decision.sub_event_type == "Chemical weapon" and _DEFINITE.search(
        text[max(0, trigger.start - 40) : trigger.start]
    ):
        return True
    return bool(cand.deaths) and bool(
        _DIED_IN_THE_ATTACK.search(text[cand.sent_start : cand.sent_end])
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
    return DateChoice(day, 1, first)


def chemical_told_days(text: str, mentions: Sequence[DateMention]) -> list[DateMention]:
    """The days the text gives a chemical attack by name. (For every kind of attack, on FA-KES
    dev the rule also moved events onto other, earlier attacks the text dates, "an attack on an
    aid convoy took place on 19 September", and lowered cluster_fakes' pair precision.)"""
    return [t.mention for t in attack_days(text, mentions) if _CHEMICAL.search(t.phrase)]
