"""Death tolls in a sentence: who was counted, whether civilians, whether the toll is cumulative."""

from __future__ import annotations

import collections
import csv
import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import ModelError
from eventwire.extract.numbers import Count, find_numbers, words_to_int

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A word that opens another count or another group ("and 3 civilians", "and a child", "and her
# son", "and several dozen").
_COUNT_WORD = (
    r"(?:a|an|the|her|his|their|its|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|twenty|thirty|forty|fifty|hundred|dozens?|several|many|scores|few)\b"
)
# Words that cannot sit between a count and "killed" in one phrase ("28 October 2016 13 ...").
_NOT_NOUN = (
    rf"(?:{_MONTHS}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|dozens?|but|while|after|before|as|when)\b|"
    # "70 regime and rebel fighters were killed": words joined by "and" name one group; "and"
    # before another count ("5 soldiers and 3 civilians") is a count of its own
    r"(?:and|or)\b(?=\s+(?:\d|" + _COUNT_WORD + r"))"
)
_DEATH_AFTER = re.compile(
    r"^(?:\s+(?:of\s+)?(?:the\s+|them\s+|whom\s+)?(?:(?!" + _NOT_NOUN + r")[^\W\d][\w'’-]*\s+)"
    r"{0,5}?)?\s*"
    r"(?:(?:were|was|have been|had been|has been|are|being|got|reportedly|also|all|later|"
    r"were\s+reportedly|have|had|who|were\s+all|"
    # "were rounded up and executed", "captured and killed": a first act, then the death
    r"(?:rounded up|captured|abducted|kidnapped|seized|tortured|beaten|taken)\s+and)\s+){0,3}"
    r"(?P<w>killed|dead|died|slain|massacred|executed|perished|lost (?:their|his|her) lives|"
    r"deaths|fatalities|bodies|martyrs|martyred|shot dead|burned to death|beheaded|crucified|"
    r"were killed|drowned|suffocated|murdered|assassinated)\b"
    # "killed or wounded", "killed and injured", "killed/injured": casualties, not deaths
    r"(?!\s*(?:,|/|or|and|&)?\s*(?:injured|wounded|hurt)\b)",
    re.IGNORECASE,
)
_DEATH_BEFORE = re.compile(
    r"(?:\b(?:killing|killed|kill|kills|claimed the lives of|claiming the lives of|"
    # ("threatening the lives of many", "saved the lives of 40": no deaths)
    r"(?<!threatening the )(?<!threatened the )(?<!threaten the )(?<!endangering the )"
    r"(?<!saving the )(?<!saved the )(?<!save the )lives of|(?:the )?(?:killing|deaths?) of|"
    # "the number of civilians who have been martyred by the shelling ... has become around 40"
    r"number of\b[^.;]{0,80}?\b(?:killed|dead|deaths|victims|martyred|martyrs)\b[^.;]{0,90}?"
    r"\b(?:rose|risen|climbed|reached|increased|jumped|become|became)(?:\s+to)?|"
    r"(?:death )?toll\b[^.;]{0,90}?\b(?:rose|climbed|reached|stood|hit|increased|jumped|"
    r"rising|climbing|reaching|stands|is|was|of|at|to)|toll (?:rose |climbed |reached )?"
    r"(?:at|to|of)|bodies of|executing|executed|massacring|massacred|murdering|murdered|"
    r"shooting dead|shot dead|beheading|beheaded|crucifying|crucified)\s+(?:at least\s+)?"
    r"(?:some\s+)?(?:to\s+)?"
    # "killed another two civilians", "killing a further nine": more deaths (see _MORE_BEFORE);
    # "killed between 500 and 1300", "killed from 500 to well over 1000": a range
    r"(?:(?:another|a further|further|an additional)\s+(?:at least\s+)?|between\s+|from\s+)?)$",
    re.IGNORECASE,
)
_NOT_DEATH = re.compile(
    r"^\s+(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?(?:(?:were|was|have been|had been|are|got)\s+)?"
    r"(?:(?:seriously|critically|badly|slightly|also)\s+)?"
    r"(?:wounded|injured|injuries|hurt|arrested|detained|missing|suffered|sustained|"
    r"transferred|hospitali[sz]ed|treated|rescued|evacuated|displaced|affected)\b",
    re.IGNORECASE,
)
# A count chained to a death count by "and" must itself read as a bare group of people.
_CHAIN_NOUN = re.compile(
    r"^(?:\s+(?:of\s+)?(?:the\s+|them\s+)?[\w'’-]+){0,4}?\s*(?=[,.;:)]|$|\s+(?:and|in|"
    r"including|among|during|near|at|on|from|by|when|after|while)\b)",
    re.IGNORECASE,
)
# A count of weapons or attacks, not of people ("over a dozen airstrikes on the area killed").
_WEAPONS = re.compile(
    r"\b(?:air ?strikes|strikes|raids|sorties|shells|rockets|missiles|mortars?|bombs|barrels|"
    r"attacks|explosions|blasts|bombings|car bombs|vehicles|cars|planes|jets|warplanes|"
    r"helicopters|drones|rounds|projectiles|tanks|armou?red|machinegun-equipped)\b",
    re.IGNORECASE,
)
# A count of things, not of people: "23 terrorists were killed and three buildings ... were
# destroyed" chains no deaths.
_THINGS = re.compile(
    r"\b(?:buildings?|houses?|homes?|positions?|posts?|launchers?|weapons?|depots?|"
    r"checkpoints?|headquarters|bases?|targets?|emplacements?|ammunition|trucks?|boats?|"
    r"tunnels?|bridges?|facilities|factories|warehouses?|caches?|cannons?|guns?)\b",
    re.IGNORECASE,
)
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
_VERBISH = re.compile(
    r"\b(?:were|was|are|is|have|has|had|suffered|received|receiving|remain\w*|still|being)\b", re.I
)
# A word in -ed after a chained count is its own verb ("and eight others experienced breathing
# difficulties"), unless it describes the group ("armed", "Turkish-backed").
_OWN_VERB = re.compile(
    r"\b(?!(?:armed|masked|unidentified|affiliated|allied|trained|so-called|named)\b)"
    r"(?![\w'’-]*-(?:backed|led|based)\b)[a-z]+ed\b",
    re.IGNORECASE,
)
# A chained count whose next word names people ("and six teachers the UN said"): a group.
_PEOPLE_AFTER = re.compile(
    r"^\s+(?:[\w'’-]+\s+)?(?:others?|more|people|persons|civilians|children|women|men|teachers|"
    r"soldiers|troops|fighters|militants|rebels|members|policemen|terrorists|jihadists|"
    r"militiamen|medics|students)\b(?=\s*(?:[,.;:)]|$)|\s+(?:the|a|an|in|on|at|from|by|and|"
    r"including|among|according|when|as|while|during|near|said|says)\b)",
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
# A capitalised function word after a count starts a new sentence whose stops were lost
# ("Get short URL 0 214 The number of civilians killed ..."): not the count's noun.
_NEW_SENTENCE = re.compile(r"^\s+(?:The|A|An|In|On|At|This|It|He|She|They)\s")
# "between 500 and 1300 people died": a range, never two counts that add up.
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# "many of whom were civilians": a vague word before "of whom" is no count.
_VAGUE_OF = re.compile(r"^\s+of\s+(?:whom|them|which|those|the)\b", re.IGNORECASE)
# "a student who was one of those killed": who among the deaths of a toll told before, no
# count of its own.
_PART_OF_TOLD = re.compile(r"^\s+of\s+those\b", re.IGNORECASE)
_AND_BEFORE = re.compile(
    r"^\s*(?:,\s*)?(?:and|as well as|plus)\s+(?:(?:their|his|her)\s+)?(?:at least\s+)?$", re.I
)
_SINGLE = re.compile(
    r"\b(?P<num>a|an|one)\s+(?:[\w-]+\s+){0,3}?(?P<noun>civilian|child|boy|girl|woman|man|"
    r"soldier|fighter|officer|policeman|journalist|doctor|teenager|farmer|shepherd|resident|"
    r"militant|rebel|commander|member|worker|student|activist|protester|person)\b"
    r"(?=(?:\s+\w+){0,3}\s+(?:was|were|has been|had been)\s+(?:also\s+)?(?:killed|shot dead|"
    r"executed|murdered|assassinated|beheaded)|\s+(?:(?:have|has|had)\s+)?died)",
    re.IGNORECASE,
)
_ONE_NOUN = (
    r"(?:civilian|child|boy|girl|woman|man|soldier|fighter|officer|policeman|journalist|doctor|"
    r"teenager|farmer|shepherd|resident|militant|rebel|commander|member|worker|student|"
    r"activist|protester|person|wife|husband|son|daughter|mother|father|brother|sister|"
    r"children|sons|daughters)"
)
# "A woman and a child were killed", "killing a man and his wife": two deaths ("a woman and
# her two children": three).
_SECOND = (
    r"\s+and\s+(?:(?:a|an|one|his|her|their)\s+)?(?:(?:of\s+)?(?:her|his|their)\s+)?"
    r"(?:(?P<num2>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+|(?:[\w-]+\s+){0,2}?)"
    + _ONE_NOUN
    + r"\b"
)
_PAIR = re.compile(
    r"\b(?P<num>a|an|one)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
    + _ONE_NOUN
    + r")"
    + _SECOND
    + r"(?=(?:\s+\w+){0,2}\s+(?:were|have been|had been)\s+(?:also\s+)?(?:killed|shot dead|"
    r"executed|murdered|beheaded)|\s+(?:(?:have|has|had)\s+)?died)",
    re.IGNORECASE,
)
_PAIR_AFTER_VERB = re.compile(
    r"\b(?:killing|killed|kills|executed|executing|shot dead|murdered)\s+(?P<num>a|an|one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>" + _ONE_NOUN + r")" + _SECOND,
    re.IGNORECASE,
)
_SINGLE_AFTER_VERB = re.compile(
    r"\b(?:killing|killed|kills|executed|executing|shot dead|murdered)\s+(?P<num>a|an|one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>civilian|child|boy|girl|woman|man|soldier|fighter|officer|"
    r"policeman|journalist|doctor|teenager|farmer|shepherd|resident|militant|rebel|commander|"
    r"member|worker|student|activist|protester|person)\b",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the dead(?: were)?|"
    r"among those killed(?: were)?)\s*$",
    re.IGNORECASE,
)
# ("14 of the dead were fighters", "the three others among the dead")
_SUBSET_AFTER = re.compile(
    r"^\s+(?:others?\s+)?(?:of them|of whom|among them|(?:of|among) the (?:dead|victims))\b",
    re.IGNORECASE,
)
# Civilian nouns have one home: the civilians rows of data/actors/generic.csv (the actor
# lexicon's "villagers", "aid workers", "passers-by": extend them there), read below, plus the
# words here, which name civilians only as victims counted in a toll. As an actor phrase they
# name no group the codebook lists: kin and ages (a fighter's "sons", "the elderly"), single
# people ("a woman", "a boy"), medical and rescue staff who speak as sources ("doctors said"),
# "people from the same (family)"; a counted one of them is a civilian.
_VICTIM_CIVILIANS = (
    r"child|kids|woman|girls?|boys?|shepherds|family|families|doctors|infants?|babies|mothers|"
    r"elderly|people from the same|medical (?:staff|workers)|health workers|nurses|paramedics|"
    r"rescuers|rescue workers|volunteers|mother|father|wife|husband|sons?|daughters?|relatives|"
    r"displaced"
)
_GENERIC_ACTORS = Path(__file__).resolve().parents[1] / "data" / "actors" / "generic.csv"


def _civilian_pattern(generic: Path = _GENERIC_ACTORS) -> re.Pattern[str]:
    """Civilian nouns: generic.csv's civilians rows (whole words, hyphens and spaces alike)
    and the victims-only words above."""
    try:
        with generic.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    except OSError as exc:
        raise ModelError(str(generic), f"cannot read actor data file: {exc}") from None
    phrases = sorted({r["phrase"].strip().lower() for r in rows if r["role"] == "civilians"})
    actors = "|".join(r"[-\s]+".join(map(re.escape, re.split(r"[-\s]+", p))) for p in phrases)
    return re.compile(rf"\b(?:{actors}|{_VICTIM_CIVILIANS})\b", re.IGNORECASE)


_CIVILIAN = _civilian_pattern()
_COMBATANT = re.compile(
    r"\b(?:soldiers?|troops|fighters|militants|rebels|insurgents|jihadists|terrorists|"
    r"gunmen|members|militiamen|loyalists|"
    r"policemen|police officers|officers|personnel|guards|"
    r"servicemen|combatants|mercenaries|commanders?|recruits|attackers|assailants|"
    r"pro-government forces|regime forces|government forces|forces|elements|bombers?)\b",
    re.IGNORECASE,
)
CUMULATIVE = re.compile(
    r"\b(?:since (?:the (?:start|beginning|outbreak)|(?:march |early |mid-|late )?(?:19|20)\d\d|"
    r"it (?:began|started|erupted))|"
    # "since April", "since Sept. 19", "since Monday", "since a ceasefire collapsed", "since
    # then": a running total over days (not "since dawn", "since this morning")
    r"since (?!dawn|daybreak|(?:early |this |the )?(?:morning|hours|midnight)|"
    r"early (?:today|hours))"
    r"(?:" + _MONTHS + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|then|last|early|mid-?|"
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
    r"(?:has|have|had) so far|during (?:the month of )?(?:" + _MONTHS + r")\b|"
    # "the deaths of 43 people so far", "since the regime and Russian jets began an offensive"
    r"(?:deaths?|dead|killed|died)\s+(?:\w+\s+){0,4}?so far|"
    r"since (?:the |a |an )?(?:[\w-]+\s+){1,8}?(?:began|started|launched|broke out|erupted)|"
    r"in (?:" + _MONTHS + r") (?:\w+ )?(?:shelling|bombing|bombardments?|strikes|air ?strikes|"
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
_KILL_JARGON = re.compile(
    r"\b(?:destroyed|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|liquidated)\s+"
    r"(?:at least\s+|over\s+|more than\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
_NOT_A_TOLL = re.compile(
    r"^(?:[-\s]*(?:year|years|month|months|km|kilometres|kilometers|miles|metres|meters|"
    r"percent|per cent|%|am|pm|a\.m|p\.m|hours?|minutes?|days?|weeks?|dollars?|tons?|"
    r"billion|times)\b|[-\s]*[/:]|\s+(?:" + _MONTHS + r")\b)",
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

# "children aged from four to 10", "a boy aged 12": an age, not a count.
_AGE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+)?(?:from\s+|between\s+)?$", re.IGNORECASE)


CUMULATIVE_FLOOR = 10_000


@dataclass(frozen=True, slots=True)
class Death:
    """One death count in a text: the number, whose deaths, and how it relates to the event."""

    count: Count
    kind: str  # "civilian", "combatant" or "unspecified"
    subset: bool  # a part of another count ("including 5 children")
    cumulative: bool  # a running or historical total, not one event's toll
    start: int  # span of the whole phrase ("killing at least 20 civilians")
    end: int
    # "update" ("the toll rose to 42") or "earlier" ("earlier, the source said 7 were killed"):
    # a toll of an event already reported; "" for a first report
    revision: str = ""
    # "another 120 soldiers", "a further nine people", "nine other civilians": deaths in
    # addition to the event's first-reported toll, not another report of it
    extra: bool = False
    # the counts a coordinated toll sums ("ten children and five women": (10, 5))
    parts: tuple[int, ...] = ()

    @property
    def restated(self) -> bool:
        return bool(self.revision)


def find_deaths(text: str, start: int, end: int) -> list[Death]:
    """Death counts in text[start:end] (a sentence); offsets index `text`.

    Counts written together for one verb are linked: "11 soldiers and 17 militants were
    killed" is one toll of 28 (coordinated counts add), "15 civilians among them 11 children
    were killed" is a toll of 15 with a part of 11 (the whole comes first)."""
    sentence = text[start:end]
    cumulative = bool(CUMULATIVE.search(sentence)) or _tally_of_period(text, start, end)
    counts = find_numbers(sentence, start)
    deaths: list[Death] = []
    chained: set[int] = set()  # ids of deaths that add to the death before them
    verb_after: set[int] = set()  # ids of deaths whose death word follows the count
    counts = [
        c
        for c in counts
        if not (
            (c.high is not None and c.high > c.best and _VAGUE_OF.match(text[c.end : c.end + 14]))
            or _PART_OF_TOLD.match(text[c.end : c.end + 24])
        )
    ]
    counts = _ranges(text, counts)
    for count in counts:
        prior = deaths[-1] if deaths else None
        if prior is not None and count.start - prior.end < 40:
            between = text[prior.end : count.start]
            subset_of_prior = _SUBSET_BEFORE.search(between) or _SUBSET_AFTER.match(
                text[count.end : min(end, count.end + 12)]
            )
            after_count = text[count.end : min(end, count.end + 40)]
            chain = _CHAIN_NOUN.match(after_count)
            people = _PEOPLE_AFTER.match(after_count) is not None or (
                # "killing nine children and 14 others local activists have reported": after
                # a verb that comes first, "and N others" is more of its object whatever follows
                id(prior) not in verb_after and re.match(r"\s+others\b", after_count) is not None
            )
            bare = people or (
                chain is not None
                and not _VERBISH.search(chain.group())
                and not _OWN_VERB.search(chain.group())
                and not _RANGE_BEFORE.search(
                    text[max(start, prior.count.start - 10) : prior.count.start]
                )
            )
            if (
                (subset_of_prior or (_AND_BEFORE.match(between) and bare))
                and not _NOT_DEATH.match(after_count)
                and not _wounded_first(text[count.end : min(end, count.end + 120)])
                and not _NOT_A_TOLL.match(after_count)
            ):
                stop = count.end + _noun_end(text[count.end : min(end, count.end + 80)])
                if not subset_of_prior and (
                    _THINGS.search(text[count.end : stop])
                    or _WEAPONS.search(text[count.end : stop])
                ):
                    continue  # "... were killed and three buildings": no count of people
                kind = _kind(text[count.end : stop]) if not subset_of_prior else "civilian"
                if subset_of_prior:
                    kind = _kind(text[count.end : stop + 12])
                death = Death(count, kind, bool(subset_of_prior), cumulative, count.start, stop)
                deaths.append(death)
                if not subset_of_prior:
                    chained.add(id(death))
                continue
        after = text[count.end : min(end, count.end + 80)]
        before = text[max(start, count.start - 120) : count.start]
        if _NOT_A_TOLL.match(after) or _looks_like_year(count, before) or _AGE.search(before):
            continue
        m_after = None if _NEW_SENTENCE.match(after) else _DEATH_AFTER.match(after)
        skip = 0
        if m_after is None and not _NEW_SENTENCE.match(after):
            # "10 people including women and children have been killed"
            gap = _PART_GAP.match(after)
            if gap is not None and not _NOT_DEATH.match(after[gap.end() :]):
                m_after = _DEATH_AFTER.match(after[gap.end() :])
                skip = gap.end() if m_after is not None else 0
            # "nine members of the rebel alliance who were working in the clinic were also
            # killed": a relative clause between the count's noun and its death word
            relative = None if m_after is not None else _RELATIVE_GAP.match(text, count.end, end)
            if relative is not None:
                after = text[count.end : min(end, relative.end() + 80)]
                m_after = _DEATH_AFTER.match(after[relative.end() - count.end :])
                skip = relative.end() - count.end if m_after is not None else 0
        if m_after is not None and _WEAPONS.search(after[: skip + m_after.start("w")]):
            m_after = None  # "a dozen airstrikes ... killed": the count is of weapons
        if m_after is not None and _agents(after[skip:], m_after):
            m_after = None  # "three suicide bombers killed two people": the count is of attackers
        m_before = _DEATH_BEFORE.search(before)
        if m_after is None and m_before is None:
            jargon = _KILL_JARGON.search(before)
            stop = count.end + _noun_end(after)
            noun = text[count.end : stop]
            if jargon is None or _kind(noun) != "combatant" or _WEAPONS.search(noun):
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
        if m_after is None and _NOT_DEATH.match(after):
            continue
        if m_after is not None and _NOT_DEATH.match(after[: skip + m_after.start("w")]):
            continue
        phrase_end = count.end + (skip + m_after.end() if m_after else _noun_end(after))
        phrase_start = count.start - (len(before) - m_before.start()) if m_before else count.start
        noun_text = text[count.end : phrase_end]
        kind = _kind(noun_text[: skip + m_after.start("w")] if m_after else noun_text)
        subset = bool(_SUBSET_BEFORE.search(before) or _SUBSET_AFTER.match(after))
        death = Death(count, kind, subset, cumulative or _huge(count), phrase_start, phrase_end)
        deaths.append(death)
        if m_after is not None and m_before is None:
            verb_after.add(id(death))
    deaths = _link_heads(text, counts, deaths, chained, verb_after, cumulative)
    deaths = _and_one_more(text, end, deaths, chained)
    deaths = _named_and_count(text, start, deaths, chained, verb_after)
    for prior, d in itertools.pairwise(deaths):
        # "killing one woman ... while one child was killed": other victims, they add
        between = text[prior.end : d.start]
        if (
            not d.subset
            and not prior.subset
            and len(between) < 120
            and _WHILE.search(between)
            and not _REPORT_AGAIN.search(between)
        ):
            chained.add(id(d))
    deaths = _breakdown_of(_sum_chains(deaths, chained))
    if not deaths:
        deaths.extend(_single_deaths(text, start, end, cumulative))
    deaths = _before_the_tally(text, start, end, deaths, cumulative)
    deaths = _not_the_earlier_incident(text, deaths)
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
    r"(?:" + _MONTHS + r")\.? \d{1,2}\b|\d{1,2} (?:" + _MONTHS + r"))",
    re.IGNORECASE,
)


def _tally_of_period(text: str, start: int, end: int) -> bool:
    """Whether a sentence's present-perfect toll, with no day of its own, tallies the running
    period the sentence before it sets ("... under attack since mid-January. Twenty people
    have been killed")."""
    sentence = text[start:end]
    if not _PERFECT_DEATH.search(sentence) or _OWN_DAY.search(sentence):
        return False
    if len(re.findall(r"[.!?][\"”’']?\s", text[:start])) < 2:
        return False  # the lead's present perfect tells the news ("20 have been killed")
    ends = list(re.finditer(r"[.!?][\"”’']?\s", text[max(0, start - 400) : max(0, start - 1)]))
    before = text[max(0, start - 400) + ends[-1].end() if ends else max(0, start - 400) : start]
    return bool(_PERIOD.search(before))


# "The strike killed 10 people, a week after another strike on the town killed 25", "killed 20,
# the deadliest since a bombing that killed 50": after the sentence's own toll, a clause that
# sets another incident before it tells that incident's toll, not this one's.
_EARLIER_INCIDENT = re.compile(
    r"\b(?:(?:hours?|days?|weeks?|months?)\s+after|since\s+(?:a|an|the|last)|"
    r"following\s+(?:a|an)|on the heels of|adding to (?:the|those))\b",
    re.IGNORECASE,
)


def _not_the_earlier_incident(text: str, deaths: list[Death]) -> list[Death]:
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


def _huge(count: Count) -> bool:
    """No single event in the codebook's sense kills ten thousand: that is a war total; nor
    "hundreds", "thousands": a summary, not one event's count."""
    return count.best >= CUMULATIVE_FLOOR or (
        count.best >= 100 and count.high is not None and count.high >= 9 * count.best
    )


def _before_the_tally(
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
        if d.end <= tail.start() and not _huge(d.count)
        else d
        for d in deaths
    ]


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


# Between a count and a later count that shares its death word: "11 soldiers and [17 militants
# were killed]" (both add up), "15 civilians among them [11 children were killed]" (the first
# is the whole). A few bare words, no verb, no other number.
_COORD_GAP = re.compile(
    r"^(?:\s+(?!(?:and|or)\b(?=\s+(?:\d|" + _COUNT_WORD + r"))|were\b|was\b)[^\W\d][\w'’-]*)"
    r"{0,4}?\s*,?\s*(?:and|as well as|plus)\s+"
    r"(?:another\s+|other\s+|at least\s+)?$",
    re.IGNORECASE,
)
_WHOLE_GAP = re.compile(
    r"^(?:\s+(?!and\b|or\b|were\b|was\b)[^\W\d][\w'’-]*){0,4}?\s*,?\s*(?:including|among them|"
    r"among whom|of whom|mostly|most of them)?\s*$",
    re.IGNORECASE,
)
# Words naming the part between a count and its death word: "10 people including women and
# children have been killed" (no number in it: a numbered part is a count of its own).
_PART_GAP = re.compile(
    r"^(?:\s+[^\W\d][\w'’-]*){0,3}?\s*,?\s+(?:including|among them|mostly|most of them)"
    # ("most of them from the Ahrar al-Sham militant group")
    r"(?:\s+(?:from|of)(?:\s+[^\W\d][\w'’-]*){1,6}?|"
    r"(?:\s+(?:(?:at least|some|several|many|dozens of)\s+)?[^\W\d][\w'’-]*){1,3}?)"
    r"(?:\s*,?\s+(?:and|or)(?:\s+[^\W\d][\w'’-]*){1,2}?){0,2}?(?=\s*,?\s+(?:were|was|have|had|has|are|"
    r"died|killed|dead|perished))",
    re.IGNORECASE,
)


# A noun phrase of a few words, then a relative clause in the past ("members of the Army of
# Conquest rebel alliance who were working in the clinic"), before a passive death word.
_RELATIVE_GAP = re.compile(
    r"(?:\s+(?!(?:and|or|were|was|had|have|has)\b)[^\W\d][\w'’-]*){1,8}?\s+(?:who|that)\s+"
    r"(?:were|was|had been)\s+(?!(?:killed|dead|wounded|injured)\b)[a-z]+ing\b"
    r"(?:\s+(?!(?:were|was|and)\b)[\w'’-]+){0,6}?(?=\s+(?:were|was|had been|have been)\s+"
    r"(?:also\s+|all\s+)?(?:killed|shot dead|executed|slain)\b)",
    re.IGNORECASE,
)
_WHILE = re.compile(r"\b(?:while|whereas)\b", re.IGNORECASE)
_REPORT_AGAIN = re.compile(r"\b(?:said|says|reported|according|put|gave|toll)\b", re.IGNORECASE)
_AND_ONE = re.compile(
    r"^\s*,?\s+and\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?" + _ONE_NOUN + r"\b", re.IGNORECASE
)


# "Mahmoud Abdulkarim Brouq and at least 10 members of the group were killed": a person named
# (two or more capitalised words opening the clause) before "and" a count is one more death.
_NAME_AND = re.compile(
    r"(?:^|[,;:]\s*|\.\s+)(?P<name>(?:(?!(?:In|On|At|By|From|For|With|The|This|That|Both|All|"
    r"Meanwhile|Elsewhere|Also|Syrian|Russian|Iraqi|Turkish|Kurdish|Government|Regime|Rebel|"
    r"Army|Islamic|State|Police|Civil|Defence|Defense)\b)[A-Z][a-z][\w'’-]*\s+){2,4})"
    r"and\s+(?:at least\s+)?$"
)


def _named_and_count(
    text: str, start: int, deaths: list[Death], chained: set[int], verb_after: set[int]
) -> list[Death]:
    out: list[Death] = []
    for d in deaths:
        m = _NAME_AND.search(text[start : d.count.start])
        if m is None or d.subset or id(d) not in verb_after or id(d) in chained:
            out.append(d)
            continue
        s, e = start + m.start("name"), start + m.end("name")
        one = Death(Count(1, 1, 1, s, e), "unspecified", False, d.cumulative, s, e)
        out.extend([one, d])
        chained.add(id(d))
    return out


def _and_one_more(text: str, end: int, deaths: list[Death], chained: set[int]) -> list[Death]:
    """ "killing five women and a child": one more victim named after a count adds to it."""
    out: list[Death] = []
    for d in deaths:
        out.append(d)
        m = _AND_ONE.match(text[d.end : min(end, d.end + 60)])
        if d.subset or m is None or _wounded_first(text[d.end + m.end() : min(end, d.end + 140)]):
            continue
        if _NOT_DEATH.match(text[d.end + m.end() : min(end, d.end + m.end() + 40)]):
            continue
        s, e = d.end + m.start(), d.end + m.end()
        if any(s <= x.count.start < e for x in deaths):
            continue  # the "one" is a count read already
        one = Death(Count(1, 1, 1, s, e), _kind(m.group()), False, d.cumulative, s, e)
        out.append(one)
        chained.add(id(one))
    return out


def _ranges(text: str, counts: list[Count]) -> list[Count]:
    """ "between 500 and 1300": one count, best 500 (the conservative end), high 1300."""
    out: list[Count] = []
    for c in counts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and re.fullmatch(r"\s+(?:and|to)\s+(?:well\s+)?", text[prev.end : c.start])
            and _RANGE_BEFORE.search(text[max(0, prev.start - 10) : prev.start])
        ):
            out[-1] = Count(prev.best, prev.low, c.high, prev.start, c.end)
            continue
        out.append(c)
    return out


def _link_heads(
    text: str,
    counts: Sequence[Count],
    deaths: list[Death],
    chained: set[int],
    verb_after: set[int],
    cumulative: bool,
) -> list[Death]:
    """A count written just before a death count whose death word follows it shares that word:
    coordinated ("11 soldiers and 17 militants were killed": 11 adds) or the whole of a part
    ("15 civilians among them 11 children were killed", "Three people, two of them children,
    died": 15 and three are the tolls, 11 and two their parts)."""
    taken = {d.count.start for d in deaths}
    out = list(deaths)
    for d in deaths:
        if id(d) not in verb_after and not d.subset:
            continue
        head = next((c for c in reversed(counts) if c.end <= d.count.start), None)
        if head is None or head.start in taken or d.count.start - head.end > 60:
            continue
        between = text[head.end : d.count.start]
        after_head = text[head.end : head.end + 40]
        if _NOT_A_TOLL.match(after_head) or _looks_like_year(head, ""):
            continue
        if _RANGE_BEFORE.search(text[max(0, head.start - 10) : head.start]):
            continue
        noun_end = head.end + _noun_end(between + " and")
        kind = _kind(text[head.end : noun_end])
        if _WEAPONS.search(text[head.end : noun_end]):
            continue
        coord = _COORD_GAP.match(between)
        whole = _WHOLE_GAP.match(between)
        part_after = _SUBSET_AFTER.match(text[d.count.end : d.count.end + 12])
        if coord and id(d) in verb_after and not d.subset:
            new = Death(head, kind, False, d.cumulative, head.start, noun_end)
            chained.add(id(d))
        elif whole and (d.subset or whole.group().strip(" ,").lower().endswith(_PART_WORDS)):
            new = Death(head, kind, False, d.cumulative, head.start, noun_end)
            if not d.subset:
                out[out.index(d)] = dataclasses.replace(d, subset=True, kind=_part_kind(d, text))
        elif part_after and whole:
            new = Death(head, kind, False, d.cumulative, head.start, noun_end)
        else:
            continue
        taken.add(head.start)
        out.insert(out.index(next(x for x in out if x.count is d.count)), new)
    return out


_PART_WORDS = ("including", "among them", "among whom", "of whom", "mostly", "most of them")


def _part_kind(d: Death, text: str) -> str:
    kind = _kind(text[d.count.end : d.end])
    return kind


def _sum_chains(deaths: list[Death], chained: set[int]) -> list[Death]:
    """Coordinated counts of one phrase make one toll: "nine children and 14 others" is 23
    (civilians at least nine), "120 fighters and 60 mercenaries" is 180."""
    out: list[Death] = []
    runs: list[list[Death]] = []
    for d in deaths:
        if id(d) in chained and runs and not d.subset:
            _chain_run(runs, d).append(d)
        else:
            runs.append([d])
    for run in runs:
        if len(run) == 1:
            out.extend(run)
            continue
        kinds = {d.kind for d in run}
        best = sum(d.count.best for d in run)
        low = sum(d.count.low for d in run)
        highs = [d.count.high for d in run]
        high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
        count = Count(best, low, high, run[0].count.start, run[-1].count.end)
        kind = next(iter(kinds)) if len(kinds) == 1 else "unspecified"
        first = run[0]
        out.append(
            Death(count, kind, False, any(d.cumulative for d in run), first.start, run[-1].end,
                  first.revision, parts=tuple(d.count.best for d in run))
        )  # fmt: skip
        if kind == "unspecified":  # the civilians among them are a part
            civ = [d for d in run if d.kind == "civilian"]
            if civ:
                n = sum(d.count.best for d in civ)
                out.append(
                    Death(Count(n, n, n, civ[0].count.start, civ[-1].count.end), "civilian",
                          True, civ[0].cumulative, civ[0].start, civ[-1].end)
                )  # fmt: skip
    return out


def _chain_run(runs: list[list[Death]], d: Death) -> list[Death]:
    """The run a coordinated count adds to: the one before it, but past a part to its whole
    when the count's group cannot be in the whole's ("23 civilians including nine children
    and 16 fighters" is 39, with nine children a part of the 23; "23 civilians including
    nine children and six women" adds six to the part)."""
    last = runs[-1]
    if len(runs) < 2 or len(last) != 1 or not last[0].subset:
        return last
    whole = runs[-2][-1]
    kinds = {whole.kind, d.kind}
    if whole.subset or "unspecified" in kinds or len(kinds) == 1:
        return last
    del runs[-1]
    runs.append(last)
    return runs[-2]


def _breakdown_of(deaths: list[Death]) -> list[Death]:
    """ "19 men were executed on Thursday, 18 shot dead and one beheaded": two or more counts
    right after a count of a sentence that add up to it exactly tell how its deaths died; they
    are parts of it, not more deaths."""
    out = list(deaths)
    for i, whole in enumerate(out):
        if whole.subset or whole.count.high != whole.count.best:
            continue
        total = 0
        for j in range(i + 1, len(out)):
            d = out[j]
            if d.subset or d.count.high != d.count.best:
                break
            total += d.count.best
            if total == whole.count.best and j > i + 1:
                out[i + 1 : j + 1] = [
                    dataclasses.replace(x, subset=True) for x in out[i + 1 : j + 1]
                ]
                break
            if total > whole.count.best:
                break
    return out


# A count of victims right after an active verb ("killed at least two people", "executed a
# man"): not a count qualified by "of them" or one of the wounded ("30 killed 50 wounded").
_VICTIMS_AFTER = re.compile(
    r"^\s+(?:(?:at least|more than|over|some|about|nearly|around|up to)\s+)?"
    r"(?:\d|(?!the\b)" + _COUNT_WORD + r")(?![^.;,]{0,30}?\b(?:of them|of whom|among|wounded|"
    r"injured|hurt)\b)",
    re.IGNORECASE,
)
_ACTIVE_DEATH = frozenset(
    {"killed", "executed", "murdered", "massacred", "beheaded", "assassinated"}
)
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|being|got)\b", re.IGNORECASE)


def _agents(after: str, death: re.Match[str]) -> bool:
    """ "Three suicide bombers killed at least two people": the count before a death verb used
    actively, with a count of victims as its object, counts who killed."""
    if death.group("w").lower() not in _ACTIVE_DEATH:
        return False
    if _PASSIVE.search(after[: death.start("w")]):
        return False
    return _VICTIMS_AFTER.match(after[death.end() :]) is not None


_WOUND_WORD = re.compile(r"\b(?:wounded|injured|hurt|injuries)\b", re.IGNORECASE)
_DEATH_WORD = re.compile(r"\b(?:killed|dead|died|deaths|slain|lost their lives)\b", re.I)


def _wounded_first(after: str) -> bool:
    """ "and 12 others including women and children were wounded": in the count's clause a
    word for the wounded comes before any word for the dead."""
    clause = re.split(r"[.;:]", after, maxsplit=1)[0]
    wound, death = _WOUND_WORD.search(clause), _DEATH_WORD.search(clause)
    return wound is not None and (death is None or wound.start() < death.start())


def _single_deaths(text: str, start: int, end: int, cumulative: bool) -> list[Death]:
    """ "A soldier was killed", "killing a child": one death, when no count was written; "a
    woman and a child were killed", "killing a man and his wife": two."""
    sentence = text[start:end]
    found: list[Death] = []
    for pattern in (_PAIR_AFTER_VERB, _PAIR, _SINGLE, _SINGLE_AFTER_VERB):
        for m in pattern.finditer(sentence):
            s, e = m.start() + start, m.end() + start
            if any(d.start < e and s < d.end for d in found):
                continue
            n = 1
            if pattern in (_PAIR, _PAIR_AFTER_VERB):
                second = m.group("num2")
                n += (words_to_int(second) or 1) if second and not second.isdigit() else 1
                n += int(second) - 1 if second and second.isdigit() else 0
            count = Count(n, n, n, m.start("num") + start, m.end("num") + start)
            part = bool(_SUBSET_BEFORE.search(text[max(start, s - 30) : s]))
            found.append(Death(count, _kind(m.group("noun")), part, cumulative, s, e))
    found.sort(key=lambda d: d.start)
    whole: list[Death] = []
    for d in found:
        if d.subset:
            continue
        prev = whole[-1] if whole else None
        other = prev is not None and (
            _WHILE.search(text[prev.end : d.start])
            and text[prev.start : prev.end].lower() != text[d.start : d.end].lower()
        )
        if prev is None or other:
            whole.append(d)
    if len(whole) < 2:
        return found[:1]
    # "killing one woman ... while one child was killed": different victims add up
    n = sum(d.count.best for d in whole)
    kinds = {d.kind for d in whole}
    kind = kinds.pop() if len(kinds) == 1 else "unspecified"
    count = Count(n, n, n, whole[0].count.start, whole[-1].count.end)
    parts = tuple(d.count.best for d in whole)
    return [Death(count, kind, False, cumulative, whole[0].start, whole[-1].end, parts=parts)]


def _looks_like_year(count: Count, before: str) -> bool:
    return 1900 <= count.best <= 2100 and count.low == count.best == count.high


def _noun_end(after: str) -> int:
    """End of the noun phrase after a count: "6 civilians, including" -> len("6 civilians");
    a word in quotes is read ("killed 50 \"terrorists\" in ...": combatants, as the source
    calls them)."""
    m = re.match(
        r"^(?:\s+(?:of\s+)?(?:the\s+)?[\"“]?[\w'’-]+[\"”]?){0,4}?(?=[,.;:]|$|\s+(?:and|in|as|when|"
        r"including|after|during|on|near|while|at|who|from|with|by|since|$))",
        after,
    )
    return m.end() if m else 0


def _kind(noun_text: str) -> str:
    if _CIVILIAN.search(noun_text):
        return "civilian"
    if _COMBATANT.search(noun_text):
        return "combatant"
    return "unspecified"


@dataclass(frozen=True, slots=True)
class Toll:
    """An event's own toll: best/low/high, civilian deaths, and the phrases it was read from."""

    best: int
    low: int
    high: int | None
    civilians: int | None
    spans: tuple[tuple[int, int], ...]


def _has_whole(part: Death, deaths: Sequence[Death]) -> bool:
    return any(not d.subset and d.start <= part.start <= d.end + 60 for d in deaths)


def reported(reports: Sequence[Death]) -> Count:
    """One count from several reports of the same group's deaths in one event.

    An update ("the toll rose to 42") replaces what came before it and an earlier report
    ("earlier, the source said 7") yields to the others; a vague count ("dozens") yields to
    exact ones. Deaths told as more ("another 120 soldiers", "a further nine") add to the
    report before them. Otherwise the number the article repeats most (headline, lead and body
    agreeing) is its toll, and between numbers reported equally often the first: news leads
    with its main toll, later counts are often a part or a side incident. Low and high span
    every report kept."""
    reports = _with_extras(reports)
    # "kill 10 children 5 women" beside "ten children and five women were killed": a report of
    # one of the groups a fuller report sums is part of it, not a rival count.
    sums = {p for d in reports for p in d.parts if len(d.parts) > 1}
    reports = [d for d in reports if d.parts or d.count.best not in sums] or list(reports)
    # "The toll in one district reached 3" after "40 were killed": a toll lower than one told
    # before it is a part's toll, not an update of the event's.
    reports = [
        d
        for d in reports
        if d.revision != "update"
        or d.count.best >= max((e.count.best for e in reports if e.start < d.start), default=0)
    ]
    updates = [d for d in reports if d.revision == "update"]
    if updates:
        last = max(updates, key=lambda d: d.start)
        kept = [last] + [d for d in reports if d.start > last.start and not d.revision]
    else:
        kept = [d for d in reports if d.revision != "earlier"] or list(reports)
    exact = [d for d in kept if not _vague(d.count)] or kept
    counts = collections.Counter(d.count.best for d in exact)
    first: dict[int, int] = {}
    for d in sorted(exact, key=lambda d: d.start):
        first.setdefault(d.count.best, d.start)
    best = min(counts, key=lambda n: (-counts[n], first[n]))
    low = min(d.count.low for d in kept)
    highs = [d.count.high for d in kept]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Count(best, min(low, best), high if high is None else max(high, best), -1, -1)


def _with_extras(reports: Sequence[Death]) -> list[Death]:
    """ "287 fighters were killed ... Another 120 soldiers were also killed": a count told as
    more adds to the report before it, making one report (407); "nine were killed in one
    district, another five in two others" is 14 of a total told before, which stands."""
    out: list[Death] = []
    for d in sorted(reports, key=lambda d: d.start):
        prev = out[-1] if out else None
        if d.extra and not d.revision and prev is not None:
            a, b = prev.count, d.count
            high = None if a.high is None or b.high is None else a.high + b.high
            count = Count(a.best + b.best, a.low + b.low, high, a.start, b.end)
            out[-1] = dataclasses.replace(prev, count=count, end=d.end)
        else:
            out.append(d)
    return out


def _vague(count: Count) -> bool:
    """ "dozens", "several", "scores": a range rather than a number."""
    return count.high is not None and count.high >= 2 * count.best


def combine(deaths: Sequence[Death]) -> Toll | None:
    """One toll from the non-cumulative counts of an event: different groups add up, reports of
    the same group do not (see `reported`), parts ("including 5 children") never add."""
    # One phrase is one report, however many candidates of its sentence carried it.
    own = list({(d.start, d.end, d.count.best): d for d in deaths if not d.cumulative}.values())
    if not own:
        return None
    groups: dict[str, list[Death]] = collections.defaultdict(list)
    for d in own:
        if not d.subset:
            groups[d.kind].append(d)
    civ_sub = max((d.count.best for d in own if d.subset and d.kind == "civilian"), default=0)
    if not groups:  # only parts: the parts are what we know
        for d in own:
            groups[d.kind].append(d)
    by_kind = {kind: reported(reports) for kind, reports in groups.items()}
    parts = [by_kind[k] for k in ("civilian", "combatant") if k in by_kind]
    split_best = sum(c.best for c in parts)
    generic = by_kind.get("unspecified")
    use_generic = (
        generic is not None
        and generic.best >= split_best
        # "Dozens killed" yields to "at least 10 civilians were killed"
        and not (parts and _vague(generic) and not any(_vague(c) for c in parts))
    )
    chosen = [generic] if generic is not None and use_generic else parts
    best = sum(c.best for c in chosen)
    low = sum(c.low for c in chosen)
    highs = [c.high for c in chosen]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    # "14 of the dead were fighters": the toll is at least its largest part (a part told
    # apart from its whole: "killed 82 people among them 18 children" is a part of 82 only)
    part = max((d.count.best for d in own if d.subset and not _has_whole(d, own)), default=0)
    if part > best:
        best, low = part, max(low, part)
        high = None if high is None else max(high, part)
    civilians: int | None = by_kind["civilian"].best if "civilian" in by_kind else None
    if civ_sub and (civilians is None or civ_sub > civilians):
        civilians = min(civ_sub, best)
    spans = tuple(sorted({(d.start, d.end) for d in own}))
    return Toll(best, low, high, civilians, spans)
