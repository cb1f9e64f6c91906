"""Incidents an article recalls rather than reports: earlier attacks told as background.

News leads with its own incident and often recalls earlier ones to set the scene ("IS has
regularly targeted rebels, including an October 6 attack that killed 29", "The latest attack
comes one week after a suicide bomber killed 29", "In early April at least 88 civilians were
killed"). Those incidents were news when they happened and are coded from the reports of
that time; counted again from this article they would be a second copy of an old event (and
their tolls would add to this article's own). ACLED's codebook codes an event from reports of
it, not from later mentions; the same rule keeps events dated a month or more before
publication out as history (`extractor.HISTORY_DAYS`). A timeline box of past milestones
scraped into the page ("August 21 2013 Washington accuses the regime of killing more than
1400 people ...") recalls a whole chronology at once (`timeline_spans`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.death_words import MONTHS

if TYPE_CHECKING:
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


# A timeline box of past milestones scraped into the text ("March 15 2011 Unprecedented
# protests demand civil liberties ... July 2011 Bashar al-Assad sacks the governor ... 2014
# Islamic State group seizes swathes of territory ..."): entries each headed by a bare date
# with a year, no part of a sentence (no "in", "since", "the" before it; a capital after it),
# running forward in time. Every entry is an old event retold as background, however it is
# worded; news reports are not written as a chronology of years.
_STAMP = re.compile(
    r"(?<![\w,.'’-])(?:(?:\d{1,2} )?(?i:" + MONTHS + r")\.? (?:\d{1,2},? )?)?"
    r"((?:19|20)\d\d)(?=\s+[A-Z\"“])"
)
# Words before a date that make it part of a sentence ("began in March 2011", "a 2003 Honda").
_IN_SENTENCE = frozenset(
    {"in", "on", "of", "since", "by", "from", "until", "till", "to", "through", "during",
     "before", "after", "between", "and", "or", "than", "for", "at", "around", "about",
     "early", "mid", "late", "end", "the", "a", "an", "this", "that", "his", "her", "its",
     "their", "year", "summer", "winter", "spring", "autumn", "fall"}
)  # fmt: skip
TIMELINE_ENTRIES = 3
# At most this many characters from one entry's date to the next.
_ENTRY_CHARS = 600
_ENTRY_STOP = re.compile(r"[.!?][\"”’']?(?=\s|$)|\n")
# A passage of this many words told again outside the box is a copy of it.
_COPY_WORDS = 8


@functools.lru_cache(maxsize=8)  # (read for every sentence's counts: see cumulative.py)
def timeline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of a text's timeline boxes (see _STAMP), three entries or more over
    two years or more, and of the copies of a box elsewhere in the text (pages render one
    twice, once without its dates): a passage of eight words or more running over two of
    its entries."""
    stamps = [m for m in _STAMP.finditer(text) if _word_before(text, m.start()) not in _IN_SENTENCE]
    blocks: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for stamp in [*stamps, None]:
        if run and (
            stamp is None
            or stamp.start() - run[-1].end() > _ENTRY_CHARS
            or int(stamp.group(1)) < int(run[-1].group(1))
        ):
            if len(run) >= TIMELINE_ENTRIES and len({m.group(1) for m in run}) >= 2:
                blocks.append(run)
            run = []
        if stamp is not None:
            run.append(stamp)
    spans = [(run[0].start(), _entry_end(text, run, stamps)) for run in blocks]
    return (*spans, *_copies(text, blocks, spans)) if spans else ()


def _word_before(text: str, at: int) -> str:
    words = re.findall(r"[\w'’]+", text[max(0, at - 20) : at])
    return words[-1].lower() if words else ""


def _entry_end(text: str, run: Sequence[re.Match[str]], stamps: Sequence[re.Match[str]]) -> int:
    """Where a box's last entry ends: at the next date that heads an entry (another box, or
    the box again), else at the end of its line, or of its sentences that keep it no longer
    than the box's longest entry (at least one)."""
    last = run[-1]
    after = next((m.start() for m in stamps if m.start() > last.start()), None)
    if after is not None and after - last.end() <= _ENTRY_CHARS:
        return after
    longest = max(b.start() - a.start() for a, b in itertools.pairwise(run))
    end = None
    begin = re.compile(r"\s*").match(text, last.end())  # (its text may open a line)
    for stop in _ENTRY_STOP.finditer(text, begin.end() if begin else last.end()):
        if end is not None and stop.end() - last.start() > longest:
            break
        end = stop.end()
        if stop.group() == "\n":
            break
    return len(text) if end is None else end


def _copies(
    text: str, blocks: Sequence[Sequence[re.Match[str]]], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Passages outside the boxes that tell their entries again word for word over two
    entries or more (see timeline_spans)."""
    words = list(re.finditer(r"\w[\w'’-]*", text))
    inside: list[tuple[str, tuple[int, int]]] = []  # a box's words but its dates, with their entry
    outside: list[re.Match[str]] = []
    for word in words:
        at = word.start()
        box = next((k for k, (a, b) in enumerate(spans) if a <= at < b), None)
        if box is None:
            outside.append(word)
            continue
        if any(m.start() <= at < m.end() for m in blocks[box]):
            continue
        entry = sum(m.start() <= at for m in blocks[box])
        inside.append((word.group().lower(), (box, entry)))
    grams: dict[tuple[str, ...], set[tuple[int, int]]] = {}
    for i in range(len(inside) - _COPY_WORDS + 1):
        piece = inside[i : i + _COPY_WORDS]
        grams.setdefault(tuple(w for w, _ in piece), set()).update(e for _, e in piece)
    # runs of shared word sequences that overlap or touch: [first word, last word, entries]
    runs: list[tuple[int, int, set[tuple[int, int]]]] = []
    for i in range(len(outside) - _COPY_WORDS + 1):
        found = grams.get(tuple(w.group().lower() for w in outside[i : i + _COPY_WORDS]))
        if found is None:
            continue
        if runs and i <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i + _COPY_WORDS - 1, runs[-1][2] | found)
        else:
            runs.append((i, i + _COPY_WORDS - 1, set(found)))
    return [(outside[a].start(), outside[b].end()) for a, b, found in runs if len(found) >= 2]
