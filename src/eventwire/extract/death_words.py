"""The words around a number that make it a death toll or not.

Death words before and after it, the wounded, weapons and things, ages and dates, parts, ranges
and the gaps a toll's noun may span before its death word."""

from __future__ import annotations

import re

from eventwire.extract.numbers import Count

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A word that opens another count or another group ("and 3 civilians", "and a child", "and her
# son", "and several dozen").
COUNT_WORD = (
    r"(?:a|an|the|her|his|their|its|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|twenty|thirty|forty|fifty|hundred|dozens?|several|many|scores|few)\b"
)
# Words that cannot sit between a count and "killed" in one phrase ("28 October 2016 13 ...").
_NOT_NOUN = (
    rf"(?:{MONTHS}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|dozens?|but|while|after|before|as|when)\b|"
    # "70 regime and rebel fighters were killed": words joined by "and" name one group; "and"
    # before another count ("5 soldiers and 3 civilians") is a count of its own
    r"(?:and|or)\b(?=\s+(?:\d|" + COUNT_WORD + r"))"
)
DEATH_AFTER = re.compile(
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
DEATH_BEFORE = re.compile(
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
    # ("killing all five people on board", "killed all the 12 passengers")
    r"(?:some\s+|all\s+(?:the\s+)?)?(?:to\s+)?"
    # "killed another two civilians", "killing a further nine": more deaths (see _MORE_BEFORE);
    # "killed between 500 and 1300", "killed from 500 to well over 1000": a range
    r"(?:(?:another|a further|further|an additional)\s+(?:at least\s+)?|between\s+|from\s+)?)$",
    re.IGNORECASE,
)
NOT_DEATH = re.compile(
    r"^\s+(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?(?:(?:were|was|have been|had been|are|got)\s+)?"
    r"(?:(?:seriously|critically|badly|slightly|also)\s+)?"
    r"(?:wounded|injured|injuries|hurt|arrested|detained|missing|suffered|sustained|"
    r"transferred|hospitali[sz]ed|treated|rescued|evacuated|displaced|affected)\b",
    re.IGNORECASE,
)
# A count chained to a death count by "and" must itself read as a bare group of people.
CHAIN_NOUN = re.compile(
    r"^(?:\s+(?:of\s+)?(?:the\s+|them\s+)?[\w'’-]+){0,4}?\s*(?=[,.;:)]|$|\s+(?:and|in|"
    r"including|among|during|near|at|on|from|by|when|after|while)\b)",
    re.IGNORECASE,
)
# A count of weapons or attacks, not of people ("over a dozen airstrikes on the area killed").
WEAPONS = re.compile(
    r"\b(?:air ?strikes|strikes|raids|sorties|shells|rockets|missiles|mortars?|bombs|barrels|"
    r"attacks|explosions|blasts|bombings|car bombs|vehicles|cars|planes|jets|warplanes|"
    r"helicopters|drones|rounds|projectiles|tanks|armou?red|machinegun-equipped)\b",
    re.IGNORECASE,
)
# A count of things, not of people: "23 terrorists were killed and three buildings ... were
# destroyed" chains no deaths.
THINGS = re.compile(
    r"\b(?:buildings?|houses?|homes?|positions?|posts?|launchers?|weapons?|depots?|"
    r"checkpoints?|headquarters|bases?|targets?|emplacements?|ammunition|trucks?|boats?|"
    r"tunnels?|bridges?|facilities|factories|warehouses?|caches?|cannons?|guns?)\b",
    re.IGNORECASE,
)
# A count of groups of people, not of people: "regime forces executed six families", "wiped out
# two villages".
GROUPS = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,2}?(?:families|households|clans|tribes|villages|towns|"
    r"neighbou?rhoods|units|battalions|brigades|groups|convoys|cells)\b",
    re.IGNORECASE,
)
VERBISH = re.compile(
    r"\b(?:were|was|are|is|have|has|had|suffered|received|receiving|remain\w*|still|being)\b", re.I
)
# A word in -ed after a chained count is its own verb ("and eight others experienced breathing
# difficulties"), unless it describes the group ("armed", "Turkish-backed").
OWN_VERB = re.compile(
    r"\b(?!(?:armed|masked|unidentified|affiliated|allied|trained|so-called|named)\b)"
    r"(?![\w'’-]*-(?:backed|led|based)\b)[a-z]+ed\b",
    re.IGNORECASE,
)
# A chained count whose next word names people ("and six teachers the UN said"): a group.
PEOPLE_AFTER = re.compile(
    r"^\s+(?:[\w'’-]+\s+)?(?:others?|more|people|persons|civilians|children|women|men|teachers|"
    r"soldiers|troops|fighters|militants|rebels|members|policemen|terrorists|jihadists|"
    r"militiamen|medics|students)\b(?=\s*(?:[,.;:)]|$)|\s+(?:the|a|an|in|on|at|from|by|and|"
    r"including|among|according|when|as|while|during|near|said|says)\b)",
    re.IGNORECASE,
)
# A capitalised function word after a count starts a new sentence whose stops were lost
# ("Get short URL 0 214 The number of civilians killed ..."): not the count's noun.
NEW_SENTENCE = re.compile(r"^\s+(?:The|A|An|In|On|At|This|It|He|She|They)\s")
# "between 500 and 1300 people died": a range, never two counts that add up.
RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# "many of whom were civilians": a vague word before "of whom" is no count.
VAGUE_OF = re.compile(r"^\s+of\s+(?:whom|them|which|those|the)\b", re.IGNORECASE)
# "a student who was one of those killed": who among the deaths of a toll told before, no
# count of its own.
PART_OF_TOLD = re.compile(r"^\s+of\s+those\b", re.IGNORECASE)
AND_BEFORE = re.compile(
    r"^\s*(?:,\s*)?(?:and|as well as|plus)\s+(?:(?:their|his|her)\s+)?(?:at least\s+)?$", re.I
)
SUBSET_BEFORE = re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the dead(?: were)?|"
    r"among those killed(?: were)?)\s*$",
    re.IGNORECASE,
)
# ("14 of the dead were fighters", "the three others among the dead")
SUBSET_AFTER = re.compile(
    r"^\s+(?:others?\s+)?(?:of them|of whom|among them|(?:of|among) the (?:dead|victims))\b",
    re.IGNORECASE,
)

# "fighting that cost more than 500 lives", "raids claimed 17 lives", "claiming two lives": a
# count of lives after a verb that takes them (the count's qualifier is part of the count).
LIVES_VERB = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|cost(?:s|ing)?|t(?:ook|aken|akes|aking))\s+(?:some\s+|nearly\s+|"
    r"almost\s+|about\s+|around\s+|another\s+|a further\s+)?$",
    re.IGNORECASE,
)
LIVES_AFTER = re.compile(r"^\s+(?:(?:more|other|civilian|innocent)\s+)?lives\b", re.IGNORECASE)
KILL_JARGON = re.compile(
    r"\b(?:destroyed|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|liquidated)\s+"
    r"(?:at least\s+|over\s+|more than\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
NOT_A_TOLL = re.compile(
    r"^(?:[-\s]*(?:year|years|month|months|km|kilometres|kilometers|miles|metres|meters|"
    r"percent|per cent|%|am|pm|a\.m|p\.m|hours?|minutes?|days?|weeks?|dollars?|tons?|"
    r"billion|times)\b|[-\s]*[/:]|\s+(?:" + MONTHS + r")\b)",
    re.IGNORECASE,
)

# "children aged from four to 10", "a boy aged 12": an age, not a count.
AGE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+)?(?:from\s+|between\s+)?$", re.IGNORECASE)

# Words naming the part between a count and its death word: "10 people including women and
# children have been killed" (no number in it: a numbered part is a count of its own).
PART_GAP = re.compile(
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
RELATIVE_GAP = re.compile(
    r"(?:\s+(?!(?:and|or|were|was|had|have|has)\b)[^\W\d][\w'’-]*){1,8}?\s+(?:who|that)\s+"
    r"(?:were|was|had been)\s+(?!(?:killed|dead|wounded|injured)\b)[a-z]+ing\b"
    r"(?:\s+(?!(?:were|was|and)\b)[\w'’-]+){0,6}?(?=\s+(?:were|was|had been|have been)\s+"
    r"(?:also\s+|all\s+)?(?:killed|shot dead|executed|slain)\b)",
    re.IGNORECASE,
)


# A count of victims right after an active verb ("killed at least two people", "executed a
# man"): not a count qualified by "of them" or one of the wounded ("30 killed 50 wounded").
_VICTIMS_AFTER = re.compile(
    r"^\s+(?:(?:at least|more than|over|some|about|nearly|around|up to)\s+)?"
    r"(?:\d|(?!the\b)" + COUNT_WORD + r")(?![^.;,]{0,30}?\b(?:of them|of whom|among|wounded|"
    r"injured|hurt)\b)",
    re.IGNORECASE,
)
_ACTIVE_DEATH = frozenset(
    {"killed", "executed", "murdered", "massacred", "beheaded", "assassinated"}
)
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|being|got)\b", re.IGNORECASE)


def counts_attackers(after: str, death: re.Match[str]) -> bool:
    """ "Three suicide bombers killed at least two people": the count before a death verb used
    actively, with a count of victims as its object, counts who killed."""
    if death.group("w").lower() not in _ACTIVE_DEATH:
        return False
    if _PASSIVE.search(after[: death.start("w")]):
        return False
    return _VICTIMS_AFTER.match(after[death.end() :]) is not None


_WOUND_WORD = re.compile(r"\b(?:wounded|injured|hurt|injuries)\b", re.IGNORECASE)
_DEATH_WORD = re.compile(r"\b(?:killed|dead|died|deaths|slain|lost their lives)\b", re.I)


def wounded_first(after: str) -> bool:
    """ "and 12 others including women and children were wounded": in the count's clause a
    word for the wounded comes before any word for the dead."""
    clause = re.split(r"[.;:]", after, maxsplit=1)[0]
    wound, death = _WOUND_WORD.search(clause), _DEATH_WORD.search(clause)
    return wound is not None and (death is None or wound.start() < death.start())


def looks_like_year(count: Count) -> bool:
    """A number that reads as a year (1900-2100, exact), not a count of people."""
    return 1900 <= count.best <= 2100 and count.low == count.best == count.high


def noun_end(after: str) -> int:
    """End of the noun phrase after a count: "6 civilians, including" -> len("6 civilians");
    a word in quotes is read ("killed 50 \"terrorists\" in ...": combatants, as the source
    calls them)."""
    m = re.match(
        r"^(?:\s+(?:of\s+)?(?:the\s+)?[\"“]?[\w'’-]+[\"”]?){0,4}?(?=[,.;:]|$|\s+(?:and|in|as|when|"
        r"including|among|after|during|on|near|while|at|who|from|with|by|since|$))",
        after,
    )
    return m.end() if m else 0
