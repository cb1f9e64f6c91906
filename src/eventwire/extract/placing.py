"""Where and when a candidate happened, and which candidates are one real-world event."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.casualties import Death
from eventwire.extract.detect import Candidate
from eventwire.extract.numbers import Count
from eventwire.extract.taxonomy import SUB_EVENT_TO_EVENT
from eventwire.models import Place
from eventwire.resolve.dates import DateChoice, DateMention
from eventwire.resolve.geo import PlaceChoice, choose_event_place, geo_precision, is_site

# An exact toll this large seen twice in one article is one event whatever dates were read.
RARE_TOLL = 5
# A weakly typed sentence ("... killing 10 people") this close after a typed one adds to it.
FOLD_SENTENCES = 2
# Toponyms that name an organisation or a building, not where something happened.
_NOT_A_SITE = re.compile(
    r"^(?:-based|-born|-backed|-led|-made|-controlled|\s+(?:hospital|university|mosque|church|"
    r"street|square|brigades?|battalion|newspaper|news agency|tv|television|radio|channel|"
    r"airways|times|post|daily|observatory|office|embassy|government|regime|authorities|"
    r"peace talks|peace conference|talks|meeting|summit)\b|"
    # A capital that speaks or acts is its government ("Damascus said", "Moscow has denied",
    # "Moscow and Damascus had rejected").
    r"(?:\s+and\s+[A-Z][\w'-]+)?\s+(?:(?:has|have|had|also|then|later|again|repeatedly|"
    r"strongly|flatly)\s+)*"
    r"(?:said|says|say|claimed|claims|accused|accuses|denied|denies|blamed|blames|announced|"
    r"warned|insisted|insists|rejected|rejects|wants|wanted|condemned|condemns|welcomed|"
    r"welcomes|urged|urges|called on|calls on|demanded|demands|responded|threatened|vowed|"
    r"pledged|refused|refuses|agreed|agrees|believes|believed|maintains|argued|argues)\b"
    r"(?!\s+(?:the\s+)?lives)|"  # ("... in Homs has claimed the lives of 18": the event)
    r"'s? (?:government|regime|allies|ally))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Located:
    """A candidate with its place, date and the deaths attached to it."""

    candidate: Candidate
    place: PlaceChoice
    date: dt.date
    time_precision: int
    date_mention: DateMention | None
    deaths: tuple[Death, ...]
    sentences: tuple[tuple[int, int], ...]  # every sentence folded into this event
    previous: tuple[int, int] | None  # the sentence before the first one, for context
    own_date: bool  # the date was written in the event's own sentence
    # The day of the act told by a sentence folded in, where the event had only the report's
    # day; written on the event at the end, so that it changes no merge.
    act: DateChoice | None = None


_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|march|june|july)$", re.IGNORECASE
)
# ... and words before a toponym that make it a government ("the regime in Damascus").
_GOVERNMENT_BEFORE = re.compile(
    r"(?:\b(?:regime|government|authorities|leadership|rulers|officials) in|\bpro-|\banti-|"
    r"\b(?:accused|accusing|helped|backed|backing|supported|supporting|allies|ally|with|against|"
    # "of" only after a word for a side ("allies of Moscow"): "east of Damascus" is a place
    r"by|between|and|(?:allies|ally|backers?|supporters?|enemies|enemy|foes?|friends?|"
    r"patrons?|proxies|proxy|support|backing) of) )\s*$",
    re.IGNORECASE,
)


# ... and where something was said rather than done: a visit, a briefing, a press conference
# ("Fabius said on a visit to Ramallah", "told reporters in Paris"). ACLED codes where the
# event happened, not where it was announced.
_VENUE_BEFORE = re.compile(
    r"\b(?:visits?|visiting|trip|tour|travell?ed|flew) to\s+(?:the\s+)?$|"
    r"\b(?:reporters|journalists|conference|briefing|meeting|speech|interview|remarks|"
    r"address|gathering|forum|talks|negotiations|summit) (?:in|at)\s+(?:the\s+)?"
    # "negotiations in the Kazakh capital Astana"
    r"(?:[A-Z][a-z]+\s+)?(?:capital\s+|city\s+)?$",
    re.IGNORECASE,
)


def event_sites(places: Sequence[Place], text: str) -> list[Place]:
    """Places that can be where an event happened ("Britain-based monitor" cannot).

    Country names preceded by "with", "by", "accused" ... are actors ("accused Russia"), and so
    are capitals after "the regime in"; a town after "by" stays a site only if it is no capital.
    """
    out = []
    for p in places:
        if _NOT_A_SITE.match(text[p.end : p.end + 60]) or _MONTH.match(text[p.start : p.end]):
            continue
        before = text[max(0, p.start - 24) : p.start]
        government = p.feature_code in {"PCLI", "PPLC"} and _GOVERNMENT_BEFORE.search(before)
        if government or re.search(r"\b(?:regime|government) in\s*$|\bpro-$", before):
            continue
        if _VENUE_BEFORE.search(text[max(0, p.start - 48) : p.start]):
            continue
        out.append(p)
    return out


def dominant_country(places: Sequence[Place], actor_countries: Sequence[str] = ()) -> str | None:
    """The article's main country: most towns and regions, counting also the countries its
    actors belong to ("Syrian regime forces"). Country names count only when no town or
    region is named: they are mostly actors and reactions ("Turkey-backed", "France and
    Britain called for"), while an article names the towns of the country it reports from."""
    inner = collections.Counter(
        p.country for p in places if p.country and p.feature_code not in _COUNTRY_CODES
    )
    counts = collections.Counter(p.country for p in places if p.country)
    counts.update(c for c in actor_countries if c)
    # towns and regions first; the rest breaks ties
    ranked = sorted(counts, key=lambda c: (inner[c], counts[c]), reverse=True)
    return ranked[0] if ranked else None


def main_region(places: Sequence[Place], country: str | None) -> Place | None:
    """The article's most-mentioned first-level region in its main country, as the place
    (its first specific mention) standing for it; None if the article names no region."""
    inside = [p for p in places if p.admin1 and p.country == country and p.feature_code != "PCLI"]
    if not inside:
        return None
    counts = collections.Counter(p.admin1 for p in inside)
    top = counts.most_common(1)[0][0]
    return next(p for p in inside if p.admin1 == top)


def choose_place(
    places: Sequence[Place],
    cand: Candidate,
    text: str,
    dominant: str | None,
    past: frozenset[int] = frozenset(),
) -> PlaceChoice | None:
    """See _choose_place; a country-only choice is narrowed to the place of that country the
    text named last before the sentence, else to the article's main region in it, at
    geo_precision 3 (ACLED's rule when only a larger region is known). `past` holds the
    starts of mentions in sentences told as history (see past_mentions)."""
    choice = _choose_place(places, cand, text, dominant, past)
    if choice is None or choice.place.feature_code != "PCLI":
        return choice
    # A foreign country named in the sentence is usually an actor or a reaction ("Russia"),
    # not where the event is: fall back to the article's main country.
    country = dominant if dominant and choice.place.country != dominant else choice.place.country
    if country != choice.place.country:
        near = nearest_place(places, cand, text, country, past)
        if near is not None:
            return near
    region = main_region(places, country)
    if region is not None:
        return PlaceChoice(region, 3, f"document: main region of the article ({region.admin1})")
    home = next((p for p in places if p.country == country and p.feature_code == "PCLI"), None)
    if home is not None and home.country != choice.place.country:
        return PlaceChoice(home, 3, f"document: the article's main country ({home.country})")
    return choice


def _choose_place(
    places: Sequence[Place],
    cand: Candidate,
    text: str,
    dominant: str | None,
    past: frozenset[int] = frozenset(),
) -> PlaceChoice | None:
    """The place in the trigger's clause, else its sentence, else wider (see resolve.geo).

    Where the sentence names a place in the article's main country, places abroad in the same
    sentence are set aside (they are usually who reports or reacts, not where it happened).
    """
    in_sentence = [p for p in places if cand.sent_start <= p.start < cand.sent_end]
    if dominant and any(p.country == dominant for p in in_sentence):
        places = [
            p
            for p in places
            if p.country == dominant
            or p not in in_sentence
            # a second event of the sentence keeps the places of its own clause
            or (cand.side and cand.clause_start <= p.start < cand.clause_end)
        ]
    in_clause = choose_event_place(places, cand.clause_start, cand.clause_end, text)
    # A mention belongs to the sentence it starts in, even when it runs past the sentence's
    # end ("west of Aleppo. At least ..." read as one name).
    end = max([cand.sent_end] + [p.end for p in in_sentence])
    choice = choose_event_place(places, cand.sent_start, end, text)
    if in_clause is not None and in_clause.reason.startswith("sentence"):
        town = choice and _listed(choice, places, text)
        if town is not None and _town_of_region(in_clause, town):
            # "Also in Aleppo province a man was executed and crucified in Al-Bab town": the
            # clause names the province, the sentence a town in it (ACLED: the most specific)
            return town
        return _listed(in_clause, places, text)
    if choice is None or choice.reason.startswith("sentence"):
        return choice and _listed(choice, places, text)
    # The sentence names no place, or only its country: it goes on about the place the text
    # named last ("... in Idlib province. The attack killed 12"), not the article's
    # most-named region.
    country = choice.place.country
    return (
        capital_named(places, cand, text, country)
        or nearest_place(places, cand, text, country, past)
        or choice
    )


def _town_of_region(region: PlaceChoice, choice: PlaceChoice) -> bool:
    """`choice`, from the whole sentence, is a town inside the admin1 area `region` names,
    named plainly and alone (not "the outskirts of X", not one of a list)."""
    if not choice.reason.startswith("sentence") or ONE_OF_SEVERAL in choice.reason:
        return False
    a, b = region.place, choice.place
    return (
        choice.geo_precision == 1
        and a.feature_code == "ADM1"
        and b.feature_code not in _COUNTRY_CODES
        and not b.feature_code.startswith("ADM")
        and (a.country_code, a.admin1) == (b.country_code, b.admin1)
    )


# "In the capital, two people were killed", "the Syrian capital": the country's capital,
# not "the capital of X", "the provincial capital" or "the capital Damascus" (named).
_THE_CAPITAL = re.compile(r"\bthe\s+(?:[A-Z][a-z]+\s+)?capital\b(?!\s+of\b)")


def capital_named(
    places: Sequence[Place], cand: Candidate, text: str, country: str
) -> PlaceChoice | None:
    """The capital the sentence refers to as "the capital", if the article names it."""
    named = {p.start for p in places}
    if not any(
        len(text) - len(text[m.end() :].lstrip()) not in named
        for m in _THE_CAPITAL.finditer(text, cand.sent_start, cand.sent_end)
    ):
        return None
    capital = next((p for p in places if p.country == country and p.feature_code == "PPLC"), None)
    if capital is None:
        return None
    return PlaceChoice(capital, 1, "sentence: 'the capital', named elsewhere in the article")


_COUNTRY_CODES = frozenset({"PCLI", "CONT"})
_LIST_GAP = re.compile(r"\s*(?:,|&|\band\b|\bor\b)?\s*")
ONE_OF_SEVERAL = "one of several places listed"


def _listed(choice: PlaceChoice, places: Sequence[Place], text: str) -> PlaceChoice:
    """A place named in a list of places ("attacks in Damascus, Homs and Aleppo") says only
    that the event is one of them: a report that names one of them alone is finer."""
    p = choice.place
    for q in places:
        if q.name == p.name or q.feature_code in _COUNTRY_CODES:
            continue
        lo, hi = (p.end, q.start) if q.start >= p.end else (q.end, p.start)
        if 0 <= hi - lo <= 6 and _LIST_GAP.fullmatch(text, lo, hi):
            return dataclasses.replace(choice, reason=f"{choice.reason}, {ONE_OF_SEVERAL}")
    return choice


def nearest_place(
    places: Sequence[Place],
    cand: Candidate,
    text: str,
    country: str,
    past: frozenset[int] = frozenset(),
) -> PlaceChoice | None:
    """The place in `country` named last before the candidate's sentence in its paragraph,
    else the first one after it (a lead sentence that names no place is told again, with
    its place, in the next ones)."""
    lo = text.rfind("\n", 0, cand.sent_start) + 1
    hi = text.find("\n", cand.sent_end)
    hi = len(text) if hi < 0 else hi
    pool = [
        p
        for p in places
        if p.country == country
        and p.feature_code not in _COUNTRY_CODES
        and lo <= p.start
        and p.end <= hi
        and is_site(p, text)
        and not _origin(p, text)
    ]
    # (a mention that starts in the sentence but runs past its end, "Aleppo. At", is its own)
    before = [p for p in pool if p.start < cand.sent_end]
    # (the lead is told again in the news that follows, not in the history: "the rebels had
    # used the same chemical weapons in Aleppo last year")
    after = [p for p in pool if p.start >= cand.sent_end and p.start not in past]
    if before:
        place, where = _finest(before, before[-1], text), "named last before the sentence"
    elif after:
        place, where = _finest(after, after[0], text), "named first after the sentence"
    else:
        return None
    precision, why = geo_precision(place, text)
    return PlaceChoice(place, max(precision, 2), f"paragraph: {why}, {where}")


# "evacuees from Fuaa", "caution from Washington": where people, fire or words came from; but
# "25 km from Aleppo" places something near it.
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
_DISTANCE_FROM = re.compile(r"(?:km|kilomet\w*|miles?)\)?\s+(?:away\s+)?from\s+\S*\s*$")


def _origin(place: Place, text: str) -> bool:
    before = text[max(0, place.start - 40) : place.start]
    return bool(_FROM.search(before)) and not _DISTANCE_FROM.search(before)


_SENTENCE_END = re.compile(r"[.!?]\s")


def _finest(pool: Sequence[Place], anchor: Place, text: str) -> Place:
    """The most specific place of the sentence `anchor` is in ("in Qaryatayn in central Homs
    province": Qaryatayn), the first named among equals."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, anchor.start)]
    lo = starts[-1] if starts else 0
    hi_match = _SENTENCE_END.search(text, anchor.end)
    hi = hi_match.start() + 1 if hi_match else len(text)
    same = [p for p in pool if lo <= p.start < hi]
    return min(same, key=lambda p: (_SPECIFICITY.get(p.feature_code, 3) * -1, p.start))


_SPECIFICITY = {"PCLI": 0, "CONT": 0, "ADM1": 1, "ADM2": 2}


# Words that put a sentence in the past of the report ("in Aleppo last year").
_PAST = re.compile(
    r"\b(?:last|previous) (?:year|month|summer|winter|spring|autumn)\b|"
    r"\b(?:years|months) ago\b|\bpreviously\b|\bin the past\b",
    re.IGNORECASE,
)


def past_mentions(
    places: Sequence[Place],
    sentences: Sequence[tuple[int, int]],
    text: str,
    dates: Sequence[DateMention],
) -> frozenset[int]:
    """Starts of the place mentions in sentences told as history: an old date or words such
    as "last year", and no date of the news."""
    out: set[int] = set()
    for start, end in sentences:
        inside = [m for m in dates if start <= m.start < end]
        if any(not m.background and m.date for m in inside):
            continue
        if any(m.background for m in inside) or _PAST.search(text, start, end):
            out.update(p.start for p in places if start <= p.start < end)
    return frozenset(out)


def is_background(cand: Candidate, dates: Sequence[DateMention]) -> bool:
    """History, not news: an old date in the trigger's clause, or an old date before the
    trigger in a sentence with no current date ("In 2013, a sarin attack killed ...")."""
    in_clause = [m for m in dates if cand.clause_start <= m.start < cand.clause_end]
    if any(m.background for m in in_clause) and not any(
        not m.background and m.date for m in in_clause
    ):
        return True
    in_sentence = [m for m in dates if cand.sent_start <= m.start < cand.sent_end]
    current = any(not m.background and m.date for m in in_sentence)
    trigger = cand.decision.trigger.start
    return not current and any(m.background and m.start < trigger for m in in_sentence)


def folds_into(cand: Candidate, prev: Located, place: PlaceChoice, distance: int) -> bool:
    """A sentence typed only by "killed"/"attack" right after a typed event adds to it."""
    if cand.decision.trigger.cue not in {"kill", "attack"}:
        return False
    if not carries_deaths(prev.candidate.decision.sub_event_type):
        return False
    own_place = not _inferred(place)
    same_place = place.place.name == prev.place.place.name
    return 0 < distance <= FOLD_SENTENCES and (same_place or not own_place)


def typed_after(
    cand: Candidate, prev: Located, place: PlaceChoice, date: dt.date, distance: int
) -> bool:
    """A typed act told right after an event typed only by "killed"/"attack" ("Workers dig out
    dead after ..." / "... helicopters dropped barrel bombs on Aleppo, killing eight"; "Three
    rescuers were killed in Douma" / "The men were killed when the air strike took place")
    names the weapon of those deaths: the same event (typed by the weapon), at the same place
    (or the act's sentence names none), within a day, and not two tolls."""
    if not generic(prev.candidate) or generic(cand) or cand.decision.score < 0.6:
        return False
    if not 0 < distance <= FOLD_SENTENCES or abs((prev.date - date).days) > 1:
        return False
    if SUB_EVENT_TO_EVENT[cand.decision.sub_event_type] != _WEAPONS:
        return False
    if any(not d.cumulative for d in cand.deaths) and any(not d.cumulative for d in prev.deaths):
        return False
    return place.place.name == prev.place.place.name or _inferred(place)


_WEAPONS = "Explosions/Remote violence"


def restatement(item: Located, cand: Candidate, place: PlaceChoice) -> bool:
    """A generic mention ("the attack", "the blasts") with no toll of its own at the place of an
    event already found says nothing new about it: the same event. So is the damage an attack
    did, told in the sentences around it ("wrecked and burnt cars" after a car bomb): see
    damage_of."""
    weak = generic(cand) or cand.decision.score < 0.6
    own_toll = any(not d.cumulative for d in cand.deaths)
    if damage_of(item, cand, place):
        return True
    return weak and not own_toll and item.place.place.name == place.place.name


DAMAGE = "Looting/property destruction"
# Event types whose attacks leave damage behind (not protests, not strategic developments).
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Taking goods is an act of its own ("residents later looted shops"), not an attack's damage.
_LOOTING = re.compile(r"loot|ransack|plunder|pillag|st(?:ole|olen|eal)", re.IGNORECASE)
# How many sentences apart an attack and the damage it did are told.
FOLLOW_UP = 3


def damage_of(item: Located, cand: Candidate, place: PlaceChoice) -> bool:
    """Destruction with no toll of its own told within FOLLOW_UP sentences of an attack at the
    same place (or, for a sentence naming no place, in the same region), either way round, is
    the attack's damage: one event, typed by the attack (ACLED codes destruction apart only
    where nothing else happened)."""
    first, second = item.candidate, cand
    types = {first.decision.sub_event_type, second.decision.sub_event_type}
    if DAMAGE not in types or len(types) != 2:
        return False
    attack = first if first.decision.sub_event_type != DAMAGE else second
    damage = second if attack is first else first
    if SUB_EVENT_TO_EVENT[attack.decision.sub_event_type] not in _VIOLENT:
        return False
    if _LOOTING.search(damage.decision.trigger.text):
        return False
    if any(not d.cumulative for d in damage.deaths):
        return False
    if not 0 <= second.position - first.position <= FOLLOW_UP:
        return False
    return item.place.place.name == place.place.name or (
        _inferred(place) and item.place.place.admin1 == place.place.admin1
    )


def same_event(
    item: Located, cand: Candidate, place: PlaceChoice, date: dt.date, own_date: bool
) -> bool:
    """Same type at the same place within a day (or undated, so probably the same); a
    sentence that names no place of its own can be about any event of its type in its
    region, and one with no toll of its own that names a town of the region an event was
    only placed in ("struck a town in Aleppo province, killing 10" ... "jets targeted
    Atarib") tells where that event was."""
    region = item.place.place.admin1 == place.place.admin1
    own_toll = any(not d.cumulative for d in cand.deaths)
    # ... and one with no toll of its own that names only the region a town's event is in
    # ("a truck bomb in Qamishli killed 48" ... "a large truck bomb was set off near the
    # headquarters of the administration that controls most of Hasaka province") is that event.
    coarse = (_coarse(item.place) or _coarse(place)) and not own_toll
    if item.place.place.name != place.place.name and not (
        region and (_inferred(place) or (coarse and place.place.admin1))
    ):
        return False
    if not same_kind(item.candidate.decision.sub_event_type, cand.decision.sub_event_type):
        return False
    return abs((item.date - date).days) <= 1 or not own_date


SUICIDE = "Suicide bomb"
_BOMB = "Remote explosive/landmine/IED"


def same_kind(a: str, b: str) -> bool:
    """The same sub-event type, or a bomb told once without and once with its bomber ("Car
    Bomb in Aleppo Kills 23" / "killed by a truck suicide bomber"): the codebook's suicide
    bomb is a remote explosive set off by a person, so the two words can tell one blast."""
    return a == b or {a, b} == {SUICIDE, _BOMB}


# A sentence that opens another incident: "In other parts of Deir al-Zor province ...",
# "Elsewhere ...", "In a separate incident ...", "Separately ...".
_ANOTHER_INCIDENT = re.compile(
    r"\W*(?:elsewhere|separately|meanwhile|in (?:an)?other (?:parts?|areas?|towns?|"
    r"villages?|districts?|neighbou?rhoods?|incidents?)|in a(?:nother| separate) "
    r"(?:incident|attack|development))\b",
    re.IGNORECASE,
)


def restates(item: Located, cand: Candidate, place: PlaceChoice, date: dt.date, text: str) -> bool:
    """The same toll again (a headline, a summary, a second source): one event, not two.

    The largest toll of one of the two is a toll of the other. Within two days, a toll of two
    or more dead (or a vague toll, "dozens", that the other count falls in) is one event
    whatever words typed the two sentences; a single death counts as the same only at the same
    place, or when one of the two sentences is generic. The same exact toll of RARE_TOLL or
    more is one event whatever the dates: such numbers rarely coincide in one article, and
    relative dates ("on Friday" in a report of Saturday's strike) are often misread.
    """
    mine, theirs = _own_counts(cand.deaths), _own_counts(item.deaths)
    if not mine or not theirs:
        return False
    if abs((item.date - date).days) <= 2 and (
        _more_of(cand.deaths, item.deaths, text) or _more_of(item.deaths, cand.deaths, text)
    ):
        return True
    shared = [a for a in mine if any(_same_count(a, b) for b in theirs)]
    biggest = max(c.best for c in mine), max(c.best for c in theirs)
    if not any(
        a.best in biggest or any(_same_count(a, b) for b in theirs if b.best in biggest)
        for a in shared
    ):
        return False
    if abs((item.date - date).days) > 2:
        return any(
            a.best >= RARE_TOLL and a.high == a.best and any(b.best == a.best for b in theirs)
            for a in shared
        )
    if max(c.best for c in shared) < RARE_TOLL and (
        _named_apart(item.place, place) or _told_apart(item.place, cand, place, text)
    ):
        return False  # "two people were killed" in Aleppo, then in a Homs village: two incidents
    if max(c.best for c in shared) >= 2:
        return True
    return item.place.place.name == place.place.name or generic(item.candidate) or generic(cand)


_MORE = re.compile(r"\s+more\b", re.IGNORECASE)


def _more_of(deaths: Sequence[Death], others: Sequence[Death], text: str) -> bool:
    """ "8 More Killed" (a headline) beside "killing a field commander ... and eight more
    militants": the count told as more is the added part of the other's sum, the same deaths."""
    return any(
        _MORE.match(text, d.count.end) is not None
        and any(len(o.parts) > 1 and d.count.best == o.parts[-1] for o in others)
        for d in deaths
        if not d.cumulative and not d.subset
    )


def _told_apart(a: PlaceChoice, cand: Candidate, b: PlaceChoice, text: str) -> bool:
    """The candidate's sentence opens another incident ("In other parts of the province ...",
    "Elsewhere ...") at a place it names, not the event's."""
    return (
        _ANOTHER_INCIDENT.match(text, cand.sent_start) is not None
        and not _inferred(b)
        and a.place.name != b.place.name
    )


def _named_apart(a: PlaceChoice, b: PlaceChoice) -> bool:
    """Both places named in their own sentences, in different admin1 regions."""
    if _inferred(a) or _inferred(b):
        return False
    x, y = a.place.admin1, b.place.admin1
    return bool(x and y) and x != y


def _near(a: PlaceChoice, b: PlaceChoice) -> bool:
    """The same place or region, or one of the two is vague."""
    return (
        a.place.name == b.place.name
        or (a.place.admin1 is not None and a.place.admin1 == b.place.admin1)
        or _vague(a)
        or _vague(b)
    )


def updates(item: Located, cand: Candidate, place: PlaceChoice, date: dt.date) -> bool:
    """A sentence whose toll updates or recalls an earlier report ("the toll rose to 42",
    "earlier, the source said 7 were killed") is more about an event with deaths within two
    days, at the same place or in the same region (or either place vague)."""
    if not any(d.restated and not d.cumulative for d in cand.deaths):
        return False
    if not item.deaths or not carries_deaths(item.candidate.decision.sub_event_type):
        return False
    if abs((item.date - date).days) > 2:
        return False
    return _near(item.place, place)


# "the bombings", "Saturday's attack", "the strikes": a definite reference to an event told before.
_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|\w+day['’]?s|its|their)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "... explosion came as Kurdish forces pressed on Manbij": what follows is the setting of an
# event told before, not its place.
_CAME = re.compile(r"\s+(?:\w+\s+)?(?:came|comes|coincided)\b", re.IGNORECASE)


def refers_back(
    item: Located, cand: Candidate, place: PlaceChoice, date: dt.date, text: str
) -> bool:
    """ "The bombings killed 21 people, the Observatory said" after "twin blasts killed 25": a
    definite reference with its own toll is another report of an event already told (same
    type or a generic word, same place or a vague one, within a day), not a new event."""
    trigger = cand.decision.trigger
    definite = bool(_DEFINITE.search(text[max(0, trigger.start - 40) : trigger.start]))
    if definite and _CAME.match(text, trigger.end) and came_back(item, cand, date):
        return True
    after = died_in_the(cand, text)
    if not after and not definite:
        return False
    if not any(not d.cumulative for d in cand.deaths):
        return False
    # ("12 died in the attack" can be the first toll of an attack told before, and is no
    # more of another sentence's deaths)
    if after and generic(item.candidate):
        return False
    if not item.deaths and not (after and carries_deaths(item.candidate.decision.sub_event_type)):
        return False
    same_type = item.candidate.decision.sub_event_type == cand.decision.sub_event_type
    if not (same_type or generic(cand)) or abs((item.date - date).days) > 1:
        return False
    return item.place.place.name == place.place.name or _vague(place)


def came_back(item: Located, cand: Candidate, date: dt.date) -> bool:
    """ "Wednesday's explosion came as ...": with no toll of its own, the latest event of the
    same type (any event, for a generic word) within a day, wherever the rest of the sentence
    is."""
    if any(not d.cumulative for d in cand.deaths):
        return False
    same_type = item.candidate.decision.sub_event_type == cand.decision.sub_event_type
    return (same_type or generic(cand)) and abs((item.date - date).days) <= 1


# "... were killed in the attack", "died in Tuesday's strike": deaths in an event told before.
_DEFINITE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:in|by|during|from|after)\s+(?:the|this|that|these|those|"
    r"\w+day's)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|air strikes?|raids?|"
    r"bombings?|blasts?|explosions?|shelling|assault|massacre|bombardment)\b",
    re.IGNORECASE,
)


def died_in_the(cand: Candidate, text: str) -> bool:
    """A generic death word followed by a definite reference to an attack."""
    end = cand.decision.trigger.end
    return generic(cand) and bool(_DEFINITE_AFTER.match(text, end, min(cand.sent_end, end + 80)))


def _own_counts(deaths: Sequence[Death]) -> list[Count]:
    """An event's own counts: whole counts, or its parts when only parts were written."""
    own = [d for d in deaths if not d.cumulative]
    whole = [d.count for d in own if not d.subset]
    return whole or [d.count for d in own]


def _same_count(a: Count, b: Count) -> bool:
    """Equal, or one is a vague range ("dozens": 12..99) that holds the other."""
    if a.best == b.best:
        return True
    for vague, exact in ((a, b), (b, a)):
        if vague.high is not None and vague.high >= 5 * vague.best and vague.low <= exact.best:
            return exact.best <= vague.high
    return False


def generic(cand: Candidate) -> bool:
    """Typed only by "killed"/"attack" words: no weapon, no battle, no protest named."""
    return cand.decision.trigger.cue in {"kill", "attack"}


def merge(target: Located, cand: Candidate, place: PlaceChoice, here: tuple[int, int]) -> Located:
    """`cand` is more of `target`; a specific type and a finer place replace generic ones."""
    merged = dataclasses.replace(
        target, deaths=target.deaths + cand.deaths, sentences=(*target.sentences, here)
    )
    # (a type that carries no deaths, "talks", never takes over an event with deaths)
    keeps_deaths = carries_deaths(cand.decision.sub_event_type) or not merged.deaths
    if damage_of(target, cand, place):
        # (the attack's type, whichever of the two was told first)
        if cand.decision.sub_event_type != DAMAGE:
            merged = dataclasses.replace(merged, candidate=cand)
    elif generic(target.candidate) and not generic(cand) and keeps_deaths:
        merged = dataclasses.replace(merged, candidate=cand)
    elif (
        cand.decision.sub_event_type == SUICIDE
        and target.candidate.decision.sub_event_type == _BOMB
    ):
        # (the bomber told after the bomb: a suicide bomb, as the codebook ranks it first)
        merged = dataclasses.replace(merged, candidate=cand)
    # Only a place the sentence names itself is better than one already found; a town named
    # as its province often is ("Nusra Leader in Homs Killed") yields to a town of the province.
    if (_vague(target.place) or _province_town(target.place, place)) and not _vague(place):
        merged = dataclasses.replace(merged, place=place)
    return merged


def province_named(place: Place) -> bool:
    """A town that bears its province's name (Aleppo, Homs, Ar Raqqah in Ar-Raqqah): news
    often means the province by it."""
    key = re.sub(r"[^a-z]", "", (place.admin1 or "").lower())
    return bool(key) and re.sub(r"[^a-z]", "", place.name.lower()) == key


def _province_town(told: PlaceChoice, other: PlaceChoice) -> bool:
    """`told` is a town that bears its province's name (Homs, Aleppo), `other` another town
    of that province."""
    a, b = told.place, other.place
    return (
        province_named(a)
        and a.name != b.name
        and a.admin1 == b.admin1
        and b.feature_code.startswith("PPL")
    )


def _inferred(choice: PlaceChoice) -> bool:
    """The sentence names no place: it was taken from the text around it."""
    return not choice.reason.startswith("sentence")


def _vague(choice: PlaceChoice) -> bool:
    """A region or country, a place inferred from the text around the sentence, or one of a
    list: no evidence that two reports are of different places."""
    return _coarse(choice) or _inferred(choice) or ONE_OF_SEVERAL in choice.reason


def _coarse(choice: PlaceChoice) -> bool:
    return choice.geo_precision == 3 or choice.place.feature_code in {"PCLI", "ADM1"}


def carries_deaths(sub_event_type: str) -> bool:
    """Whether an event of this type can have fatalities (the codebook gives none to peaceful
    protests, interventions without deaths, and strategic developments)."""
    return SUB_EVENT_TO_EVENT[sub_event_type] not in {"Strategic developments"} and (
        sub_event_type not in {"Peaceful protest", "Protest with intervention"}
    )
