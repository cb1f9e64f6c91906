"""Death counts read together: a range is one count, coordinated counts add, a whole comes before
its parts, counts that sum to the one before are its breakdown, and victims listed with no
number ("a woman and a child") are counted."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.extract.death_words import (
    COUNT_WORD,
    NOT_A_TOLL,
    NOT_DEATH,
    RANGE_BEFORE,
    SUBSET_AFTER,
    SUBSET_BEFORE,
    WEAPONS,
    looks_like_year,
    noun_end,
    wounded_first,
)
from eventwire.extract.numbers import Count, words_to_int
from eventwire.extract.toll import Death
from eventwire.extract.victim_kind import victim_kind


@dataclass(slots=True)
class Links:
    """How the deaths of a sentence read so far are linked (by id of the Death): `chained` ones
    add to the death before them ("11 soldiers and [17 militants]"); `verb_after` ones have
    their death word after the count ("17 militants were killed"), not before it ("killing
    17")."""

    chained: set[int] = field(default_factory=set)
    verb_after: set[int] = field(default_factory=set)


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
# "A father, a mother and a son", "a man, his wife and their two children": one more victim for
# each person named between the first and the last (commas may be lost).
_KIN = r"wife|husband|son|daughter|mother|father|brother|sister|grandfather|grandmother"
_MIDDLE = (
    r"(?P<mid>(?:\s*,?\s+(?:a|an|one|his|her|their)\s+(?:civilian|child|boy|girl|woman|man|"
    r"soldier|fighter|officer|policeman|journalist|doctor|teenager|farmer|shepherd|resident|"
    + _KIN
    + r"|baby)\b){0,4})"
)
_PAIR = re.compile(
    r"\b(?P<num>a|an|one)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
    + _ONE_NOUN
    + r")"
    + _MIDDLE
    + _SECOND
    + r"(?=(?:\s+\w+){0,2}\s+(?:were|have been|had been)\s+(?:also\s+)?(?:killed|shot dead|"
    r"executed|murdered|beheaded)|\s+(?:(?:have|has|had)\s+)?died)",
    re.IGNORECASE,
)
# One person of such a list ("a father", "his wife").
_PERSON = re.compile(r"\b(?:a|an|one|his|her|their)\s+\w+", re.IGNORECASE)
_PAIR_AFTER_VERB = re.compile(
    r"\b(?:killing|killed|kills|executed|executing|shot dead|murdered)\s+(?P<num>a|an|one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>" + _ONE_NOUN + r")" + _MIDDLE + _SECOND,
    re.IGNORECASE,
)
_SINGLE_AFTER_VERB = re.compile(
    r"\b(?:killing|killed|kills|executed|executing|shot dead|murdered)\s+(?P<num>a|an|one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>civilian|child|boy|girl|woman|man|soldier|fighter|officer|"
    r"policeman|journalist|doctor|teenager|farmer|shepherd|resident|militant|rebel|commander|"
    r"member|worker|student|activist|protester|person)\b",
    re.IGNORECASE,
)

# Between a count and a later count that shares its death word: "11 soldiers and [17 militants
# were killed]" (both add up), "15 civilians among them [11 children were killed]" (the first
# is the whole). A few bare words, no verb, no other number.
# (a part set off by dashes reads as one set off by commas: "23 civilians - including nine
# children - and 16 fighters")
_COORD_GAP = re.compile(
    r"^(?:\s+(?!(?:and|or)\b(?=\s+(?:\d|" + COUNT_WORD + r"))|were\b|was\b)[^\W\d][\w'’-]*)"
    r"{0,4}?\s*[,\u2013\u2014-]?\s*(?:and|as well as|plus)\s+"
    r"(?:another\s+|other\s+|at least\s+)?$",
    re.IGNORECASE,
)
_WHOLE_GAP = re.compile(
    r"^(?:\s+(?!and\b|or\b|were\b|was\b)[^\W\d][\w'’-]*){0,4}?\s*[,\u2013\u2014-]?\s*"
    r"(?:including|among them|"
    r"among whom|of whom|mostly|most of them)?\s*$",
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


# "A man, his wife and their two children were killed": each person named before "and" a
# count of their kin is one more death.
_PERSONS_AND = re.compile(
    r"(?P<name>(?:\b(?:a|an|one|his|her|their)\s+(?:man|woman|child|boy|girl|" + _KIN + r")"
    r"\b\s*,?\s+)+)"
    r"and\s+(?:his|her|their)\s+$",
    re.IGNORECASE,
)


def named_and_count(text: str, start: int, deaths: list[Death], links: Links) -> list[Death]:
    """ "Mahmoud Abdulkarim Brouq and at least 10 members of the group were killed": a person
    named before "and" a count whose death word follows it is one more death, added to it; so
    is each person of a list before "and" a count of their kin ("A man, his wife and their two
    children were killed": four)."""
    out: list[Death] = []
    for d in deaths:
        before = text[start : d.count.start]
        found = _NAME_AND.search(before) or _PERSONS_AND.search(before)
        if found is None or d.subset or id(d) not in links.verb_after or id(d) in links.chained:
            out.append(d)
            continue
        s, e = start + found.start("name"), start + found.end("name")
        if found.re is _NAME_AND:
            n, kind = 1, "unspecified"
        else:
            n, kind = len(_PERSON.findall(found.group("name"))), victim_kind(found.group("name"))
        one = Death(Count(n, n, n, s, e), kind, False, d.cumulative, s, e)
        out.extend([one, d])
        links.chained.add(id(d))
    return out


# "killing a senior commander and five other fighters", "killing Abu Malik, a field commander
# of the group, and eight more militants", "killed a local leader and 12 of his bodyguards":
# one victim named right after the death word, then a count of more after "and".
_ONE_BEFORE_AND = re.compile(
    r"\b(?:killing|killed|kills|kill|executing|executed|assassinating|assassinated|"
    r"(?:claiming|claimed) the lives? of)\s+(?P<one>(?:a|an|the|one|its|their|his|her|"
    r"[A-Z][\w'’-]*)\b[^.;:!?\d]{0,90}?)\s*,?\s+(?:and|as well as|along with|together with)"
    r"\s+(?:at least\s+)?$"
)
_MORE_AFTER = re.compile(r"^\s+(?:(?:more|other|others)\b|of (?:his|her|their|its) )", re.I)


def one_then_more(
    text: str,
    start: int,
    end: int,
    cumulative: bool,
    counts: Sequence[Count],
    deaths: list[Death],
    links: Links,
) -> list[Death]:
    """A count of more victims after one named right after the death word (_ONE_BEFORE_AND),
    read as no toll of its own, is a toll of one more than the count: the one and the count,
    chained to add up (as named_and_count does for a name before a count and its verb)."""
    read = {d.count.start for d in deaths}
    added: list[Death] = []
    for count in counts:
        if count.start in read or not _MORE_AFTER.match(text[count.end : count.end + 12]):
            continue
        m = _ONE_BEFORE_AND.search(text, max(start, count.start - 120), count.start)
        if m is None or wounded_first(text[count.end : min(end, count.end + 60)]):
            continue
        stop = count.end + noun_end(text[count.end : min(end, count.end + 80)])
        one = Death(Count(1, 1, 1, m.start("one"), m.end("one")), victim_kind(m.group("one")),
                    False, cumulative, m.start(), m.end("one"))  # fmt: skip
        more = Death(count, victim_kind(text[count.end : stop]), False, cumulative,
                     count.start, stop)  # fmt: skip
        links.chained.add(id(more))
        added.extend([one, more])
    return sorted([*deaths, *added], key=lambda d: d.start) if added else deaths


def and_one_more(text: str, end: int, deaths: list[Death], links: Links) -> list[Death]:
    """ "killing five women and a child": one more victim named after a count adds to it."""
    out: list[Death] = []
    for d in deaths:
        out.append(d)
        m = _AND_ONE.match(text[d.end : min(end, d.end + 60)])
        if d.subset or m is None or wounded_first(text[d.end + m.end() : min(end, d.end + 140)]):
            continue
        if NOT_DEATH.match(text[d.end + m.end() : min(end, d.end + m.end() + 40)]):
            continue
        s, e = d.end + m.start(), d.end + m.end()
        if any(s <= x.count.start < e for x in deaths):
            continue  # the "one" is a count read already
        one = Death(Count(1, 1, 1, s, e), victim_kind(m.group()), False, d.cumulative, s, e)
        out.append(one)
        links.chained.add(id(one))
    return out


def chain_while_clauses(text: str, deaths: list[Death], links: Links) -> None:
    """Marks as chained a count told in a "while" clause right after another, with no new
    report between them: "killing one woman ... while one child was killed" names other
    victims, who add up."""
    for prior, d in itertools.pairwise(deaths):
        between = text[prior.end : d.start]
        if (
            not d.subset
            and not prior.subset
            and len(between) < 120
            and _WHILE.search(between)
            and not _REPORT_AGAIN.search(between)
        ):
            links.chained.add(id(d))


def ranges(text: str, counts: list[Count]) -> list[Count]:
    """ "between 500 and 1300": one count, best 500 (the conservative end), high 1300."""
    out: list[Count] = []
    for c in counts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and re.fullmatch(r"\s+(?:and|to)\s+(?:well\s+)?", text[prev.end : c.start])
            and RANGE_BEFORE.search(text[max(0, prev.start - 10) : prev.start])
        ):
            out[-1] = Count(prev.best, prev.low, c.high, prev.start, c.end)
            continue
        out.append(c)
    return out


def link_heads(
    text: str,
    counts: Sequence[Count],
    deaths: list[Death],
    links: Links,
) -> list[Death]:
    """A count written just before a death count whose death word follows it shares that word:
    coordinated ("11 soldiers and 17 militants were killed": 11 adds) or the whole of a part
    ("15 civilians among them 11 children were killed", "Three people, two of them children,
    died": 15 and three are the tolls, 11 and two their parts)."""
    taken = {d.count.start for d in deaths}
    out = list(deaths)
    for d in deaths:
        if id(d) not in links.verb_after and not d.subset:
            continue
        head = next((c for c in reversed(counts) if c.end <= d.count.start), None)
        if head is None or head.start in taken or d.count.start - head.end > 60:
            continue
        between = text[head.end : d.count.start]
        after_head = text[head.end : head.end + 40]
        if NOT_A_TOLL.match(after_head) or looks_like_year(head):
            continue
        if RANGE_BEFORE.search(text[max(0, head.start - 10) : head.start]):
            continue
        head_end = head.end + noun_end(between + " and")
        kind = victim_kind(text[head.end : head_end])
        if WEAPONS.search(text[head.end : head_end]):
            continue
        coord = _COORD_GAP.match(between)
        whole = _WHOLE_GAP.match(between)
        part_after = SUBSET_AFTER.match(text[d.count.end : d.count.end + 12])
        if coord and id(d) in links.verb_after and not d.subset:
            new = Death(head, kind, False, d.cumulative, head.start, head_end)
            links.chained.add(id(d))
            whole_of_head = _whole_before_part(text, counts, head, taken)
            if whole_of_head is not None:
                # "leaving 23 civilians, including nine children, and 16 fighters dead": the
                # count before the part is the whole the later count adds to (sum_chains
                # decides between the whole and the part by their groups)
                new = dataclasses.replace(
                    new, subset=True, kind=victim_kind(text[head.end : head_end + 12])
                )
                out.insert(out.index(d), whole_of_head)
                taken.add(whole_of_head.count.start)
        elif whole and (d.subset or whole.group().strip(" ,").lower().endswith(_PART_WORDS)):
            new = Death(head, kind, False, d.cumulative, head.start, head_end)
            if not d.subset:
                out[out.index(d)] = dataclasses.replace(d, subset=True, kind=_part_kind(d, text))
        elif part_after and whole:
            new = Death(head, kind, False, d.cumulative, head.start, head_end)
        else:
            continue
        taken.add(head.start)
        out.insert(out.index(next(x for x in out if x.count is d.count)), new)
    return out


_PART_WORDS = ("including", "among them", "among whom", "of whom", "mostly", "most of them")


def _whole_before_part(
    text: str, counts: Sequence[Count], part: Count, taken: set[int]
) -> Death | None:
    """The death count whose part `part` is, told just before it with a part word between
    ("23 civilians, including [nine] children"), or None."""
    whole = next((c for c in reversed(counts) if c.end <= part.start), None)
    if whole is None or whole.start in taken or part.start - whole.end > 60:
        return None
    gap = _WHOLE_GAP.match(text[whole.end : part.start])
    if gap is None or not gap.group().strip(" ,-\u2013\u2014").lower().endswith(_PART_WORDS):
        return None
    if looks_like_year(whole) or NOT_A_TOLL.match(text[whole.end : whole.end + 40]):
        return None
    end = whole.end + noun_end(text[whole.end : part.start])
    if WEAPONS.search(text[whole.end : end]):
        return None
    return Death(whole, victim_kind(text[whole.end : end]), False, False, whole.start, end)


def _part_kind(d: Death, text: str) -> str:
    """Whose deaths a count that turned out to be a part counts, from its own phrase."""
    return victim_kind(text[d.count.end : d.end])


def sum_chains(deaths: list[Death], links: Links) -> list[Death]:
    """Coordinated counts of one phrase make one toll: "nine children and 14 others" is 23
    (civilians at least nine), "120 fighters and 60 mercenaries" is 180; counts added to a
    part make a part ("36 civilians including 11 children and five women": 16 of the 36)."""
    out: list[Death] = []
    runs: list[list[Death]] = []
    for d in deaths:
        if id(d) in links.chained and runs and not d.subset:
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
            Death(count, kind, first.subset, any(d.cumulative for d in run), first.start,
                  run[-1].end, first.revision, parts=tuple(d.count.best for d in run))
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


def breakdown_of(deaths: list[Death]) -> list[Death]:
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


def single_deaths(text: str, start: int, end: int, cumulative: bool) -> list[Death]:
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
                n += len(_PERSON.findall(m.group("mid") or ""))
                second = m.group("num2")
                n += (words_to_int(second) or 1) if second and not second.isdigit() else 1
                n += int(second) - 1 if second and second.isdigit() else 0
            count = Count(n, n, n, m.start("num") + start, m.end("num") + start)
            part = bool(SUBSET_BEFORE.search(text[max(start, s - 30) : s]))
            found.append(Death(count, victim_kind(m.group("noun")), part, cumulative, s, e))
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
