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
from eventwire.extract.numbers import find_numbers
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


def find_deaths(text: str, start: int, end: int) -> list[Death]:
    """Death counts in text[start:end] (a sentence); offsets index `text`.

    Counts written together for one verb are linked: "11 soldiers and 17 militants were
    killed" is one toll of 28 (coordinated counts add), "15 civilians among them 11 children
    were killed" is a toll of 15 with a part of 11 (the whole comes first)."""
    sentence = text[start:end]
    cumulative = is_running_total(text, start, end)
    counts = find_numbers(sentence, start)
    deaths: list[Death] = []
    links = dl.Links()
    counts = [
        c
        for c in counts
        if not (
            (c.high is not None and c.high > c.best and dw.VAGUE_OF.match(text[c.end : c.end + 14]))
            or dw.PART_OF_TOLD.match(text[c.end : c.end + 24])
        )
    ]
    counts = dl.ranges(text, counts)
    for count in counts:
        prior = deaths[-1] if deaths else None
        if prior is not None and count.start - prior.end < 40:
            between = text[prior.end : count.start]
            subset_of_prior = dw.SUBSET_BEFORE.search(between) or dw.SUBSET_AFTER.match(
                text[count.end : min(end, count.end + 12)]
            )
            after_count = text[count.end : min(end, count.end + 40)]
            chain = dw.CHAIN_NOUN.match(after_count)
            people = dw.PEOPLE_AFTER.match(after_count) is not None or (
                # "killing nine children and 14 others local activists have reported": after
                # a verb that comes first, "and N others" is more of its object whatever follows
                id(prior) not in links.verb_after
                and re.match(r"\s+others\b", after_count) is not None
            )
            bare = people or (
                chain is not None
                and not dw.VERBISH.search(chain.group())
                and not dw.OWN_VERB.search(chain.group())
                and not dw.RANGE_BEFORE.search(
                    text[max(start, prior.count.start - 10) : prior.count.start]
                )
            )
            if (
                (subset_of_prior or (dw.AND_BEFORE.match(between) and bare))
                and not dw.NOT_DEATH.match(after_count)
                and not dw.wounded_first(text[count.end : min(end, count.end + 120)])
                and not dw.NOT_A_TOLL.match(after_count)
            ):
                stop = count.end + dw.noun_end(text[count.end : min(end, count.end + 80)])
                if not subset_of_prior and (
                    dw.THINGS.search(text[count.end : stop])
                    or dw.WEAPONS.search(text[count.end : stop])
                ):
                    continue  # "... were killed and three buildings": no count of people
                kind = victim_kind(text[count.end : stop]) if not subset_of_prior else "civilian"
                if subset_of_prior:
                    kind = victim_kind(text[count.end : stop + 12])
                death = Death(count, kind, bool(subset_of_prior), cumulative, count.start, stop)
                deaths.append(death)
                if not subset_of_prior:
                    links.chained.add(id(death))
                continue
        after = text[count.end : min(end, count.end + 80)]
        before = text[max(start, count.start - 120) : count.start]
        if dw.NOT_A_TOLL.match(after) or dw.looks_like_year(count) or dw.AGE.search(before):
            continue
        m_after = None if dw.NEW_SENTENCE.match(after) else dw.DEATH_AFTER.match(after)
        skip = 0
        if m_after is None and not dw.NEW_SENTENCE.match(after):
            # "10 people including women and children have been killed"
            gap = dw.PART_GAP.match(after)
            if gap is not None and not dw.NOT_DEATH.match(after[gap.end() :]):
                m_after = dw.DEATH_AFTER.match(after[gap.end() :])
                skip = gap.end() if m_after is not None else 0
            # "nine members of the rebel alliance who were working in the clinic were also
            # killed": a relative clause between the count's noun and its death word
            relative = None if m_after is not None else dw.RELATIVE_GAP.match(text, count.end, end)
            if relative is not None:
                after = text[count.end : min(end, relative.end() + 80)]
                m_after = dw.DEATH_AFTER.match(after[relative.end() - count.end :])
                skip = relative.end() - count.end if m_after is not None else 0
        if m_after is not None and dw.WEAPONS.search(after[: skip + m_after.start("w")]):
            m_after = None  # "a dozen airstrikes ... killed": the count is of weapons
        if m_after is not None and dw.counts_attackers(after[skip:], m_after):
            m_after = None  # "three suicide bombers killed two people": the count is of attackers
        m_before = dw.DEATH_BEFORE.search(before)
        if m_after is None and m_before is None:
            jargon = dw.KILL_JARGON.search(before)
            stop = count.end + dw.noun_end(after)
            noun = text[count.end : stop]
            if jargon is None or victim_kind(noun) != "combatant" or dw.WEAPONS.search(noun):
                continue
            # "destroyed over 60 terrorists": military jargon for killing fighters.
            deaths.append(
                Death(
                    count,
                    "combatant",
                    False,
                    cumulative,
                    jargon.start() + (count.start - len(before)),
                    stop,
                )
            )
            continue
        if m_after is None and dw.NOT_DEATH.match(after):
            continue
        if m_after is not None and dw.NOT_DEATH.match(after[: skip + m_after.start("w")]):
            continue
        phrase_end = count.end + (skip + m_after.end() if m_after else dw.noun_end(after))
        phrase_start = count.start - (len(before) - m_before.start()) if m_before else count.start
        noun_text = text[count.end : phrase_end]
        kind = victim_kind(noun_text[: skip + m_after.start("w")] if m_after else noun_text)
        subset = bool(dw.SUBSET_BEFORE.search(before) or dw.SUBSET_AFTER.match(after))
        death = Death(count, kind, subset, cumulative or is_huge(count), phrase_start, phrase_end)
        deaths.append(death)
        if m_after is not None and m_before is None:
            links.verb_after.add(id(death))
    deaths = dl.link_heads(text, counts, deaths, links)
    deaths = dl.and_one_more(text, end, deaths, links)
    deaths = dl.named_and_count(text, start, deaths, links)
    dl.chain_while_clauses(text, deaths, links)
    deaths = dl.breakdown_of(dl.sum_chains(deaths, links))
    if not deaths:
        deaths.extend(dl.single_deaths(text, start, end, cumulative))
    deaths = before_the_tally(text, start, end, deaths, cumulative)
    deaths = not_the_earlier_incident(text, deaths)
    earlier = bool(_EARLIER_REPORT.search(sentence))
    out: list[Death] = []
    for d in deaths:
        if start > 0 and d.start >= HEADLINE_CHARS and _headline_style(text[d.start : d.end]):
            continue  # another article's headline left in the page ("Related ... Over 20 Dead")
        if _RELATED.search(text, start, d.start) and _HEADLINE_FORM.search(text[d.start : d.end]):
            continue  # "Related ... 43 civilians dead in bombardment": a listed headline
        if _NOT_VIOLENT.match(text, d.end, min(end, d.end + 60)):
            continue  # "two infants had died of malnutrition": no act of violence killed them
        if (
            _MORE_BEFORE.search(text[max(start, d.count.start - 20) : d.count.start])
            or _OTHER_AFTER.match(text[d.count.end : d.count.end + 12])
            or _ALSO.search(text[d.count.end : d.end])
            or (_OTHERS_AFTER.match(text[d.count.end : d.count.end + 12]) and _told_before(d, out))
        ):
            d = dataclasses.replace(d, extra=True)
        if _UPDATE_BEFORE.search(text[max(start, d.count.start - 200) : d.count.start]) or (
            start > 0 and _AMONG_WHOLE.match(sentence) and d.start - start < 40 and not d.subset
        ):
            d = dataclasses.replace(d, revision="update")
        elif earlier:
            d = dataclasses.replace(d, revision="earlier")
        out.append(d)
    return out


def _told_before(d: Death, earlier: Sequence[Death]) -> bool:
    """A toll of the same sentence told before d, of which d is not a part."""
    return not d.subset and any(not p.subset and p.end <= d.start for p in earlier)
