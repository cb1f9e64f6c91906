"""Death tolls in a sentence: the counts of deaths it tells, whose they are, and how each relates
to its event (a part, more deaths, an update, an earlier report, a running total).

The parts have modules of their own: death_words (the words around a number), victim_kind
(civilian or combatant), death_links (counts read together), cumulative (running totals) and
toll (Death, and one Toll per event). find_deaths reads a sentence with them; the names other
stages use (Death, Toll, find_deaths, combine, reported) are importable from here."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from eventwire.extract import death_links as dl
from eventwire.extract import death_words as dw
from eventwire.extract.cumulative import (
    CUMULATIVE,
    CUMULATIVE_FLOOR,
    before_the_tally,
    is_huge,
    is_running_total,
    not_the_earlier_incident,
)
from eventwire.extract.numbers import Count, find_numbers
from eventwire.extract.toll import Death, Toll, combine, reported
from eventwire.extract.victim_kind import victim_kind

__all__ = [
    "CUMULATIVE",
    "CUMULATIVE_FLOOR",
    "HEADLINE_CHARS",
    "Death",
    "Toll",
    "combine",
    "find_deaths",
    "reported",
]

# A count that updates or restates a toll already given ("the toll rose to 42", "earlier, the
# source said 7 were killed"): more about an event already reported, never a new one.
_UPDATE_BEFORE = re.compile(
    r"\b(?:toll\b[^.;]{0,100}?\b(?:rose|rises|risen|climbed|reached|increased|jumped|rising|"
    r"climbing|"
    r"reaching|has gone up)|number of\b[^.;]{0,80}?\b(?:killed|dead|deaths|victims|martyred|"
    r"martyrs)\b[^.;]{0,90}?\b(?:rose|risen|climbed|reached|increased|jumped|become|became)|"
    r"bringing (?:the|its) (?:death )?(?:toll|number of (?:dead|deaths))|"
    r"raising (?:the|its) (?:death )?toll|updated (?:death )?toll)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# "They were among 19 people killed as a result of strikes across the province": the deaths
# told before are part of a fuller toll, which restates the event's toll as a whole.
_AMONG_WHOLE = re.compile(
    r"^\W*(?:they|these|those|the victims|the dead|both|all)\s+(?:\w+\s+)?(?:were|are)\s+"
    r"(?:also\s+)?among\b",
    re.IGNORECASE,
)
_EARLIER_REPORT = re.compile(
    r"^\W*(?:earlier|previously|initially)\b|\b(?:had )?earlier (?:said|"
    r"reported|put)\b",
    re.IGNORECASE,
)
# "another 120", "a further nine", "nine other civilians": more deaths, not a second report.
_MORE_BEFORE = re.compile(
    r"\b(?:another|a further|further|an additional|additional)\s+(?:at least\s+|some\s+)?$",
    re.IGNORECASE,
)
_OTHER_AFTER = re.compile(r"^\s+other\b", re.IGNORECASE)
# "crucified two men in Mayadin and two others were beheaded in al-Bulel": "N others" with a
# death word of its own after a toll told in the same sentence are more deaths (in a later
# sentence, "six others" as often continues a count told in another event).
_OTHERS_AFTER = re.compile(r"^\s+others\b", re.IGNORECASE)
# "Five civilians ... were also killed", "a dozen Kurdish fighters also died": deaths told as
# more than the ones told before.
_ALSO = re.compile(
    r"\b(?:were|was|have been|had been|are)?\s*also\s+(?:been\s+)?(?:killed|died|dead|slain)\b",
    re.IGNORECASE,
)

# "two infants had died of malnutrition", "two more people died from lack of food and medical
# care", "130 people are reported to have died because of shortages": deaths of want or illness
# under a siege, which no act of violence caused (the codebook codes no event for them).
_NOT_VIOLENT = re.compile(
    r"\s*(?:(?:\w+\s+){0,2}?(?:of|from|due to|because of|as a result of)\s+(?:the\s+)?"
    r"(?:(?:severe|acute|extreme)\s+)?(?:malnutrition|starvation|hunger|famine|dehydration|"
    r"disease|illness|cold|natural causes|lack of (?:food|medicine|medical|treatment|"
    r"care)|(?:food|medical|medicine)\s+shortages|shortages))\b",
    re.IGNORECASE,
)


# Outside the text's first sentence and past this many characters (a dateline and a headline
# fit in them), a toll written as a headline ("Dozens Killed in Likely US-Led Coalition
# Strike", "Syrian Airstrikes Kill Over 100 Daesh Fighters") is no longer the article's own
# headline but one of the headlines of other articles a page lists ("Related", "Read also"):
# its incident is another article's, and its date is not known here.
HEADLINE_CHARS = 150
# A page's list of other articles run into the text ("Related", "Read also"), and a toll in
# a headline's form: a present "kill(s)" or "dead" with no verb ("Regime attacks kill 16
# civilians", "43 civilians dead in bombardment"), unlike the prose of a lead that may follow
# the list ("At least 22 people were killed").
_RELATED = re.compile(r"\b(?:Related|Read [Aa]lso|Read [Mm]ore|See [Aa]lso)\b")
_HEADLINE_FORM = re.compile(
    r"\b(?:kills?\b|(?<!\bwere )(?<!\bwas )(?<!\bare )(?<!\bis )(?<!\bbeen )(?<!\bleft )dead\b)",
    re.IGNORECASE,
)
_DEATH_TITLE = re.compile(r"\b(?:Kill|Kills|Killed|Killing|Dead|Die|Dies|Died|Deaths)\b")
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "over",
     "the", "to", "with", "near", "than", "more"}
)  # fmt: skip


def _headline_style(phrase: str) -> bool:
    """ "Over 20 Dead", "Kill Over 100 Daesh Fighters": a capitalised death word in a phrase
    whose every word but small function words is capitalised (news headline style)."""
    if not _DEATH_TITLE.search(phrase):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", phrase)
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """The sentence being read, text[start:end] (offsets index the whole `text`), and whether
    it tells a running or historical total."""

    text: str
    start: int
    end: int
    cumulative: bool


def find_deaths(text: str, start: int, end: int) -> list[Death]:
    """Death counts in text[start:end] (a sentence); offsets index `text`.

    Counts written together for one verb are linked: "11 soldiers and 17 militants were
    killed" is one toll of 28 (coordinated counts add), "15 civilians among them 11 children
    were killed" is a toll of 15 with a part of 11 (the whole comes first)."""
    sentence = _Sentence(text, start, end, is_running_total(text, start, end))
    counts = _numbers(text, start, end)
    deaths, links = _read_counts(sentence, counts)
    deaths = dl.one_then_more(text, start, end, sentence.cumulative, counts, deaths, links)
    deaths = _linked(sentence, counts, deaths, links)
    if not deaths:
        deaths = dl.single_deaths(text, start, end, sentence.cumulative)
    deaths = before_the_tally(text, start, end, deaths, sentence.cumulative)
    deaths = not_the_earlier_incident(text, deaths)
    return _related_to_event(sentence, deaths)


def _numbers(text: str, start: int, end: int) -> list[Count]:
    """The numbers of the sentence that can count deaths, a range ("between 500 and 1300") as
    one: not a vague word before "of whom" ("many of whom were civilians"), nor a number that
    points back to a toll told before ("one of those killed")."""
    counts = [
        c
        for c in find_numbers(text[start:end], start)
        if not (
            (c.high is not None and c.high > c.best and dw.VAGUE_OF.match(text[c.end : c.end + 14]))
            or dw.PART_OF_TOLD.match(text[c.end : c.end + 24])
        )
    ]
    return dl.ranges(text, counts)


def _read_counts(sentence: _Sentence, counts: list[Count]) -> tuple[list[Death], dl.Links]:
    """The death counts among the numbers, in text order, and how they are linked: a number
    joined to the death count before it (a part of it, or more that add to it), else a number
    with a death word of its own."""
    deaths: list[Death] = []
    links = dl.Links()
    for count in counts:
        join = _join(sentence, count, deaths[-1], links) if deaths else None
        if join is not None:
            death = _joined_death(sentence, count, part=join == "part")
            if death is not None:
                deaths.append(death)
                if join == "adds":
                    links.chained.add(id(death))
            continue
        death, verb_after = _own_death(sentence, count)
        if death is not None:
            deaths.append(death)
            if verb_after:
                links.verb_after.add(id(death))
    return deaths, links


def _join(
    sentence: _Sentence, count: Count, prior: Death, links: dl.Links
) -> Literal["part", "adds"] | None:
    """How a number less than 40 characters after a death count joins it: "part" where it is
    a part of it ("including 11 children", "14 of the dead"), "adds" where "and" joins a bare
    group of people to it ("11 soldiers and 17 militants"). None where it is not joined, or
    where the words after it tell no deaths (the wounded, a unit): it is then read on its
    own."""
    text, end = sentence.text, sentence.end
    if count.start - prior.end >= 40:
        return None
    between = text[prior.end : count.start]
    part = dw.SUBSET_BEFORE.search(between) or dw.SUBSET_AFTER.match(
        text[count.end : min(end, count.end + 12)]
    )
    if not (part or (dw.AND_BEFORE.match(between) and _bare_group(sentence, count, prior, links))):
        return None
    after_count = text[count.end : min(end, count.end + 40)]
    if (
        dw.NOT_DEATH.match(after_count)
        or dw.wounded_first(text[count.end : min(end, count.end + 120)])
        or dw.NOT_A_TOLL.match(after_count)
    ):
        return None
    return "part" if part else "adds"


def _bare_group(sentence: _Sentence, count: Count, prior: Death, links: dl.Links) -> bool:
    """Whether the words after a number joined by "and" to a death count name a bare group of
    people, with no verb of its own ("and 17 militants", "and six teachers the UN said"); after
    a death word that comes first, "and N others" is more of its object whatever follows
    ("killing nine children and 14 others local activists have reported")."""
    text = sentence.text
    after_count = text[count.end : min(sentence.end, count.end + 40)]
    if dw.PEOPLE_AFTER.match(after_count) is not None or (
        id(prior) not in links.verb_after and re.match(r"\s+others\b", after_count) is not None
    ):
        return True
    chain = dw.CHAIN_NOUN.match(after_count)
    return (
        chain is not None
        and not dw.VERBISH.search(chain.group())
        and not dw.OWN_VERB.search(chain.group())
        and not dw.RANGE_BEFORE.search(
            text[max(sentence.start, prior.count.start - 10) : prior.count.start]
        )
    )


def _joined_death(sentence: _Sentence, count: Count, part: bool) -> Death | None:
    """The death count a number joined to the death count before it tells, its phrase up to
    the end of its noun. None where a number that adds counts things or weapons, not people
    ("... were killed and three buildings were destroyed")."""
    text = sentence.text
    stop = count.end + dw.noun_end(text[count.end : min(sentence.end, count.end + 80)])
    noun = text[count.end : stop]
    if not part and (dw.THINGS.search(noun) or dw.WEAPONS.search(noun)):
        return None
    kind = victim_kind(text[count.end : stop + 12] if part else noun)
    return Death(count, kind, part, sentence.cumulative, count.start, stop)


def _own_death(sentence: _Sentence, count: Count) -> tuple[Death | None, bool]:
    """The death count a number tells by a death word of its own, after it ("20 people were
    killed") or before it ("killing 20 people"), or by military jargon ("destroyed over 60
    terrorists"); and whether its death word comes after it (and none before). None where
    the number is no toll (a unit, a year, an age) or the words tell the wounded."""
    text, start, end = sentence.text, sentence.start, sentence.end
    after = text[count.end : min(end, count.end + 80)]
    before = text[max(start, count.start - 120) : count.start]
    if dw.NOT_A_TOLL.match(after) or dw.looks_like_year(count) or dw.AGE.search(before):
        return None, False
    after, m_after, skip = _death_word_after(sentence, count)
    m_before = dw.DEATH_BEFORE.search(before)
    if m_after is None and m_before is None:
        return _lives_death(sentence, count, before, after) or _jargon_death(
            sentence, count, before, after
        ), False
    if dw.GROUPS.match(after) or (m_after is None and dw.NOT_DEATH.match(after)):
        return None, False  # (a count of families or units is no count of people)
    if m_after is not None and dw.NOT_DEATH.match(after[: skip + m_after.start("w")]):
        return None, False
    phrase_end = count.end + (skip + m_after.end() if m_after else dw.noun_end(after))
    phrase_start = count.start - (len(before) - m_before.start()) if m_before else count.start
    noun_text = text[count.end : phrase_end]
    kind = victim_kind(noun_text[: skip + m_after.start("w")] if m_after else noun_text)
    subset = bool(dw.SUBSET_BEFORE.search(before) or dw.SUBSET_AFTER.match(after))
    cumulative = sentence.cumulative or is_huge(count)
    death = Death(count, kind, subset, cumulative, phrase_start, phrase_end)
    return death, m_after is not None and m_before is None


def _death_word_after(sentence: _Sentence, count: Count) -> tuple[str, re.Match[str] | None, int]:
    """The words after a number, the death word among them that is the number's own, and the
    length of the gap before it: right after the number's noun ("20 people were killed"), past
    a part ("10 people including women and children have been killed") or past a relative
    clause ("nine members ... who were working in the clinic were also killed"; the words are
    then read up to 80 characters past the clause). No death word after a capitalised new
    sentence, nor where the number counts weapons ("a dozen airstrikes ... killed") or
    attackers ("three suicide bombers killed at least two people")."""
    text, end = sentence.text, sentence.end
    after = text[count.end : min(end, count.end + 80)]
    m_after = None if dw.NEW_SENTENCE.match(after) else dw.DEATH_AFTER.match(after)
    skip = 0
    if m_after is None and not dw.NEW_SENTENCE.match(after):
        gap = dw.PART_GAP.match(after)
        if gap is not None and not dw.NOT_DEATH.match(after[gap.end() :]):
            m_after = dw.DEATH_AFTER.match(after[gap.end() :])
            skip = gap.end() if m_after is not None else 0
        relative = None if m_after is not None else dw.RELATIVE_GAP.match(text, count.end, end)
        if relative is not None:
            after = text[count.end : min(end, relative.end() + 80)]
            m_after = dw.DEATH_AFTER.match(after[relative.end() - count.end :])
            skip = relative.end() - count.end if m_after is not None else 0
    if m_after is not None and dw.WEAPONS.search(after[: skip + m_after.start("w")]):
        m_after = None
    if m_after is not None and dw.counts_attackers(after[skip:], m_after):
        m_after = None
    return after, m_after, skip


def _lives_death(sentence: _Sentence, count: Count, before: str, after: str) -> Death | None:
    """ "fighting that cost more than 500 lives", "raids claimed 17 lives": a count of lives a
    verb takes (whose lives, the words do not say)."""
    verb, lives = dw.LIVES_VERB.search(before), dw.LIVES_AFTER.match(after)
    if verb is None or lives is None:
        return None
    phrase_start = verb.start() + (count.start - len(before))
    cumulative = sentence.cumulative or is_huge(count)
    return Death(count, "unspecified", False, cumulative, phrase_start, count.end + lives.end())


def _jargon_death(sentence: _Sentence, count: Count, before: str, after: str) -> Death | None:
    """ "destroyed over 60 terrorists": military jargon for killing fighters, told of a count
    of combatants (never of weapons)."""
    text = sentence.text
    jargon = dw.KILL_JARGON.search(before)
    stop = count.end + dw.noun_end(after)
    noun = text[count.end : stop]
    if jargon is None or victim_kind(noun) != "combatant" or dw.WEAPONS.search(noun):
        return None
    phrase_start = jargon.start() + (count.start - len(before))
    return Death(count, "combatant", False, sentence.cumulative, phrase_start, stop)


def _linked(
    sentence: _Sentence, counts: list[Count], deaths: list[Death], links: dl.Links
) -> list[Death]:
    """The deaths with the counts read together with them: a count before a later death word
    that shares it, one more victim after "and" ("five women and a child"), a person named
    before "and" a count, other victims in a "while" clause; then coordinated counts summed
    into one toll and a toll's exact breakdown made its parts."""
    text = sentence.text
    deaths = dl.link_heads(text, counts, deaths, links)
    deaths = dl.and_one_more(text, sentence.end, deaths, links)
    deaths = dl.named_and_count(text, sentence.start, deaths, links)
    dl.chain_while_clauses(text, deaths, links)
    return dl.breakdown_of(dl.sum_chains(deaths, links))


def _related_to_event(sentence: _Sentence, deaths: list[Death]) -> list[Death]:
    """The deaths of violence this text reports, each marked as more deaths than those told
    before (`extra`) or as an update or an earlier report of the event's toll (`revision`)."""
    text, start, end = sentence.text, sentence.start, sentence.end
    earlier = bool(_EARLIER_REPORT.search(text[start:end]))
    out: list[Death] = []
    for d in deaths:
        if _other_article_or_no_violence(sentence, d):
            continue
        if _told_as_more(sentence, d, out):
            d = dataclasses.replace(d, extra=True)
        revision = _revision(sentence, d, earlier)
        if revision:
            d = dataclasses.replace(d, revision=revision)
        out.append(d)
    return out


def _other_article_or_no_violence(sentence: _Sentence, d: Death) -> bool:
    """Whether a death count is not one of this text's tolls of violence: another article's
    headline left in the page ("Related ... Over 20 Dead", "43 civilians dead in
    bombardment"), or deaths of want or illness ("two infants had died of malnutrition")."""
    text, start, end = sentence.text, sentence.start, sentence.end
    if start > 0 and d.start >= HEADLINE_CHARS and _headline_style(text[d.start : d.end]):
        return True
    if _RELATED.search(text, start, d.start) and _HEADLINE_FORM.search(text[d.start : d.end]):
        return True
    return bool(_NOT_VIOLENT.match(text, d.end, min(end, d.end + 60)))


def _told_as_more(sentence: _Sentence, d: Death, told: Sequence[Death]) -> bool:
    """Whether a death count is told as more deaths than a toll told before it ("another 120",
    "nine other civilians", "were also killed", "and two others were beheaded" after a toll
    of the sentence in `told`)."""
    text = sentence.text
    return bool(
        _MORE_BEFORE.search(text[max(sentence.start, d.count.start - 20) : d.count.start])
        or _OTHER_AFTER.match(text[d.count.end : d.count.end + 12])
        or _ALSO.search(text[d.count.end : d.end])
        or (_OTHERS_AFTER.match(text[d.count.end : d.count.end + 12]) and _told_before(d, told))
    )


def _revision(sentence: _Sentence, d: Death, earlier: bool) -> str:
    """ "update" where a death count updates or restates the event's toll ("the toll rose to
    42", "They were among 19 people killed"), "earlier" where the sentence recalls an earlier
    report (`earlier`), else ""."""
    text, start = sentence.text, sentence.start
    if _UPDATE_BEFORE.search(text[max(start, d.count.start - 200) : d.count.start]) or (
        start > 0
        and _AMONG_WHOLE.match(text[start : sentence.end])
        and d.start - start < 40
        and not d.subset
    ):
        return "update"
    return "earlier" if earlier else ""


def _told_before(d: Death, earlier: Sequence[Death]) -> bool:
    """A toll of the same sentence told before d, of which d is not a part."""
    return not d.subset and any(not p.subset and p.end <= d.start for p in earlier)
