"""Incidents an article recalls rather than reports: earlier attacks told as background.

News leads with its own incident and often recalls earlier ones to set the scene ("IS has
regularly targeted rebels, including an October 6 attack that killed 29", "The latest attack
comes one week after a suicide bomber killed 29", "In early April at least 88 civilians were
killed"). Those incidents were news when they happened and are coded from the reports of
that time; counted again from this article they would be a second copy of an old event (and
their tolls would add to this article's own). ACLED's codebook codes an event from reports of
it, not from later mentions; the same rule keeps events dated a month or more before
publication out as history (`extractor.HISTORY_DAYS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from eventwire.extract.detect import Candidate
from eventwire.resolve.dates import DateChoice, DateMention

# A calendar date written out ("October 6", "On February 22", "In early April") this many
# days or more before publication dates an incident the article recalls; fresh incidents are
# told by weekday ("on Tuesday") or as today's.
RECALL_DAYS = 7
_CALENDAR = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{1,2}[./-]\d{1,2}",
    re.IGNORECASE,
)
# Words before a trigger that put its incident before the one reported: "comes one week
# after", "just days after", "on the heels of", "This follows".
_AFTER_CUE = re.compile(
    r"\b(?:(?:comes?|came|coming|follows?|followed)\s+(?:\w+\s+){0,3}?(?:after|on)\b|"
    r"(?:days?|weeks?|months?)\s+after\b|on the heels of\b|this follows\b|"
    # "A day ago a child was killed", "Several days before ... an airstrike eliminated 49",
    # "killed in earlier regime shelling"
    r"(?:a|one|two|three|several|a few|few)\s+(?:days?|weeks?)\s+(?:ago|before|earlier)\b|"
    r"earlier\s+(?:\w+\s+)?(?:shelling|strikes?|air ?strikes?|raids?|attacks?|bombings?)\b)",
    re.IGNORECASE,
)
# "The death was the first in the town since a suspected chemical weapons attack on Tuesday
# that killed 87": the incident named after "since" is older than the news.
_SINCE_INCIDENT = re.compile(
    r"\bsince\s+(?:a|an|the|last\s+\w+(?:'s|’s))\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
# "... sarin gas was used in Eastern Ghouta in 2013. The United States accused Damascus of that
# attack which it estimates killed 1429 people": "that" points back to an incident the sentence
# before dates in an earlier year.
_THAT_INCIDENT = re.compile(
    r"\bthat\s+(?!(?:the|a|an|its|their)\b)(?:[\w-]+\s+)?(?:attack|massacre|strike|air ?strike|"
    r"raid|bombing|assault|incident|shelling|offensive|explosion|blast)s?\b",
    re.IGNORECASE,
)
# The end of the text's first sentence (a dateline and headline run into the lead): a date the
# lead gives ("MSF accused the regime of bombing Hama on March 25.") dates the incident the
# article reports, however old, not one it recalls.
_LEAD_END = re.compile(r"[.!?][\"”’']?\s")
_YEAR = re.compile(r"\b(?:in|of|since)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
# An incident told by its weekday ("On Wednesday three suicide bombers killed ...") this many
# days or more before the article's first event is an earlier one the article recalls: a
# weekday reaches back at most six days, and news four days old or more was reported in its
# own time (the days just before, "on Friday" in Monday's report, are still news).
WEEKDAY_RECALL_DAYS = 4
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'?s|’s)?\b", re.IGNORECASE)
# Words anywhere in the sentence that date an incident before the news: "Recently", "last
# Friday", "earlier this month".
_RECALL_CUE = re.compile(
    r"\b(?:recently|last (?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"earlier (?:this|last) (?:week|month))\b",
    re.IGNORECASE,
)


def recalled(
    cand: Candidate,
    text: str,
    date: dt.date,
    mention: DateMention | None,
    published: dt.date | None,
    lead_date: dt.date | None,
) -> bool:
    """Whether a candidate (not the article's first event) is an earlier incident recalled as
    background: dated by a written calendar date a week or more before publication, told
    after (or just around) a cue such as "comes one week after", "a day ago", "earlier
    shelling", or dated by "last Friday", "recently" two days or more before the article's
    first event."""
    if lead_date is None:
        return False  # the article's first event is what it reports
    # (written in the candidate's sentence, or in one before it that the candidate's date is
    # taken from: "... before an April 4 attack that killed dozens. In Hama, 64 people died")
    if (
        mention is not None
        and published is not None
        and mention.start < cand.sent_end
        and _CALENDAR.search(mention.text)
        and (published - date).days >= RECALL_DAYS
        and not _in_lead(text, mention)
    ):
        return True
    # "The attacks came one day after ... leading to four deaths": the incident after the
    # cue is older than the news whatever date was read for it.
    trigger = cand.decision.trigger
    window = text[cand.sent_start : trigger.end + 40]
    at = trigger.start - cand.sent_start
    for m in _AFTER_CUE.finditer(window):
        # the trigger inside the cue's phrase ("comes one week after a suicide bomber killed
        # 29", "earlier regime shelling"), not after it in a clause of its own ("Days after
        # the truce collapsed, shelling killed four")
        if m.start() < trigger.end - cand.sent_start and not re.search(
            r"[,;:]", window[m.end() : max(m.end(), at)]
        ):
            return True
    if published is not None and _THAT_INCIDENT.search(text[cand.sent_start : cand.sent_end]):
        before = text[max(0, cand.sent_start - 300) : cand.sent_start].rstrip()
        previous = re.split(r"[.!?]\s", before[:-1])[-1]
        if any(int(y) < published.year for y in _YEAR.findall(previous)):
            return True
    if _SINCE_INCIDENT.search(text[max(cand.sent_start, trigger.start - 80) : trigger.start]):
        return True
    sentence = text[cand.sent_start : cand.sent_end]
    if (
        mention is not None
        and cand.sent_start <= mention.start < cand.sent_end
        and _WEEKDAY.search(mention.text)
        and (lead_date - date).days >= WEEKDAY_RECALL_DAYS
    ):
        return True
    return bool(_RECALL_CUE.search(sentence)) and (lead_date - date).days >= 2


# An earlier period the date finder does not read as a date: "last year", "earlier this year",
# "at the end of last year", "at the end of July".
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_PERIOD_WORDS = re.compile(
    r"\b(?:last|the previous|the past)\s+year\b|\b(?:earlier|late|early)\s+(?:this|last)\s+year\b|"
    rf"\bthe\s+(?:end|start|beginning|middle)\s+of\s+(?:last\s+year|({_MONTHS}))\b",
    re.IGNORECASE,
)


def earlier_period(
    cand: Candidate, text: str, dates: Sequence[DateMention], published: dt.date | None
) -> bool:
    """Whether a candidate (not the article's first event) is dated only by a period before
    the report's month ("Last month the regime ... seizing Yabrud", "In late July four
    hospitals were hit" in an August report, "an area captured ... at the end of last year",
    "after Russia launched air strikes ... last year"): background the article recalls. The
    period is told in the trigger's clause or before the trigger in its sentence; a day or week
    told there (not a statement's) makes the incident news."""
    if published is None:
        return False
    trigger = cand.decision.trigger
    spans = [(cand.sent_start, trigger.start), (cand.clause_start, cand.clause_end)]
    inside = [m for m in dates if any(a <= m.start < b for a, b in spans)]
    if any(m.precision <= 2 and not m.reporting and m.date is not None for m in inside):
        return False
    month = (published.year, published.month)
    if any(
        m.precision == 3 and m.date is not None and (m.date.year, m.date.month) < month
        for m in inside
    ):
        return True
    for a, b in spans:
        for found in _PERIOD_WORDS.finditer(text[a:b]):
            named = found.group(1)
            if named is None or _MONTHS.split("|").index(named.lower()) + 1 != published.month:
                return True
    return False


def _in_lead(text: str, mention: DateMention) -> bool:
    """Whether a date is written in the text's first sentence, the lead that tells the
    article's own news ("... accused the regime of using chemical weapons in Hama on March 25.
    ... the regime targeted a hospital killing two people": the article reports that day)."""
    end = _LEAD_END.search(text)
    return mention.start < (end.start() if end else len(text))


# "bombard Damascus suburbs after gas attack", "A hospital in Khan Shaykhun ... after the toxic
# gas attack": an attack named right after "after" is older than the news it explains.
_AFTER_ATTACK = re.compile(
    r"\bafter\s+(?:(?:the|a|an|this|that|last\s+\w+['’]s)\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def after_attack(cand: Candidate, text: str, choice: DateChoice) -> bool:
    """Whether a chemical attack, the article's first event too, is one its news came after
    ("Assads forces bombard Damascus suburbs after gas attack"), with no day of its own: dated
    only by the report (its dateline, a statement's day or the publication day), or by a day
    told before "after", which dates the news ("cancelled a visit scheduled for April 10 after
    the poison gas attack"). Either way it would be a copy of the earlier attack on another
    day. Deaths told in its sentence are the attack's own news: it stays. (For every type the
    rule also took headlines of the news itself, "Death toll mounts after bomb blast", and
    their tolls.)"""
    if cand.decision.sub_event_type != "Chemical weapon" or cand.deaths:
        return False  # ("Three civilians were killed ... after a toxic gas was released")
    trigger = cand.decision.trigger
    window = max(cand.sent_start, trigger.start - 60)
    after = _AFTER_ATTACK.search(text[window : trigger.start])
    if after is None:
        return False
    mention = choice.mention
    if mention is None:
        return choice.time_precision == 2
    told_before = cand.sent_start <= mention.start < window + after.start()
    return mention.dateline or mention.reporting or told_before
