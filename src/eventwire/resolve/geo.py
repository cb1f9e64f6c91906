"""Toponym recognition and resolution over the gazetteer, and the place an event happened at."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.models import Place
from eventwire.resolve.gazetteer import Entry, Gazetteer, load_gazetteer
from eventwire.resolve.gazetteer_countries import demonym_index
from eventwire.resolve.geo_candidates import Mention, find_mentions
from eventwire.resolve.geo_rank import rank_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.settings import Settings


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """Where an event happened: a found place and ACLED's geo_precision (1 town .. 3 region)."""

    place: Place
    geo_precision: int
    reason: str


class Geoparser:
    """Finds toponyms in text and resolves each to one gazetteer entry."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, settings: Settings) -> Geoparser:
        """The geoparser for `settings`, built once per process."""
        return _load(settings.gazetteer)

    def find_places(
        self, text: str, doc: Doc | None = None, *, demonyms: bool = False
    ) -> list[Place]:
        """Every toponym in `text`, in text order, resolved; `doc` (spaCy) helps reject names.

        Demonyms ("Syrian") always count as country context; with `demonyms=True` they are
        also returned, as their country (the LGL/TR-News convention). Streets named after a
        place ("in Malta Road") count as context and are never returned.
        """
        mentions = find_mentions(self.gazetteer, text, doc)
        chosen = rank_mentions(text, mentions)
        return [
            self._place(m, e, s)
            for m, e, s in chosen
            if (demonyms or not m.demonym) and not m.street and not m.in_name
        ]

    def _place(self, mention: Mention, entry: Entry, score: float) -> Place:
        country = self.gazetteer.country(entry.country_code)
        return Place(
            name=entry.name,
            start=mention.start,
            end=mention.end,
            latitude=round(entry.latitude, 5),
            longitude=round(entry.longitude, 5),
            geonameid=entry.geonameid,
            feature_code=entry.feature_code,
            country=country.name if country else entry.country_code,
            admin1=entry.admin1,
            admin2=entry.admin2,
            country_code=entry.country_code,
            iso=country.iso if country else None,
            population=entry.population,
            score=round(score, 3),
        )


@functools.lru_cache(maxsize=2)
def _load(path: str) -> Geoparser:
    return Geoparser(load_gazetteer(path))


# Words just before a toponym that make the location approximate ("near Hama").
_RELATIVE = re.compile(
    r"(?:\bnear(?:by)?|\boutskirts of|\bcountryside of|\bvicinity of|\baround|\boutside(?: of)?|"
    r"\b(?:(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?"
    # ("the eastern side of Salamiyah"; not "the northwest edge of Aleppo", in the city)
    r"(?: (?:parts?|sides?|flanks?))? of|(?:km|kilomet(?:re|er)s?|miles?)\)? "
    r"(?:from|of|away from|outside)|\bclose to|\bsuburbs? of|"
    # ("the village of X" names X itself: only "villages of X", "a village in X" are near it,
    # and an unnamed town: "a rebel-held town in Idlib")
    r"\bvillages (?:of|in|near|around)|\bvillage (?:in|near|around)|\brural|\bprovince of|"
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?town (?:in|near|outside)|"
    r"\bdistrict of|\bthe road to)"
    r"\s+(?:the\s+)?(?:city of\s+|town of\s+)?"
    # a description of the town between ("near Syria's second city Aleppo", "north of the
    # northern city of Aleppo")
    r"(?-i:(?:the\s+)?(?:[A-Z]\w*['’]?s\s+)?"
    r"(?:(?!(?:and|or|the|a|an|in|of|to|including|with)\s)[a-z][\w-]*\s+){0,2}?"
    r"(?:city|town|capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_RELATIVE_CHARS = 64
_SPECIFICITY = {"PCLI": 0, "ADM1": 1, "ADM2": 2}
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


# The area around a town, named after it ("the Aleppo countryside", "Hama's northern
# countryside", "the south Aleppo area", "Damascus suburbs", "a Damascus suburb", "the
# Damascus region").
_DIRECTION = (
    # ("northwestern" and "north-western", "northeast" and "north-east" alike)
    r"(?:(?:north|south)-?(?:east|west)(?:ern)?|north|south|east|west|northern|southern|"
    r"eastern|western|rural)"
)
_AREA_AFTER = re.compile(
    rf"(?:['’]s?|s)?\s+(?:(?:{_DIRECTION}\s+)?(?:countryside|outskirts|suburbs?|environs|"
    # (a bare "the Khan Sheikhun area" is as often the town itself)
    rf"surroundings|hinterland)|{_DIRECTION}\s+area|region)\b",
    re.IGNORECASE,
)
# ... and "the south Aleppo area", the direction before the name.
_AREA = re.compile(r"\s+area\b", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(rf"\b{_DIRECTION}\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"(?:['’]?s)?\s+(?:city|town)\b", re.IGNORECASE)


def geo_precision(place: Place, text: str) -> tuple[int, str]:
    """ACLED's geo_precision for a place mention: 1 town, 2 near a town or district, 3 region."""
    if place.feature_code in ("ADM1", "PCLI"):
        return 3, "region"
    if place.feature_code == "ADM2":
        return 2, "district"
    if _relative(place, text):
        return 2, "near"
    # (only the precision: which place of a sentence is the event's stays as it was, a list
    # such as "in Daraa countryside, Aleppo, Damascus" being led by its first)
    direction = _DIRECTION_BEFORE.search(text, max(0, place.start - 24), place.start)
    if _AREA_AFTER.match(text, place.end) or (direction and _AREA.match(text, place.end)):
        return 2, "near: the area around the town"
    if direction and not _CITY_AFTER.match(text, place.end):
        # "in east Hama", "the offensive in northern Hama": a part of the town's province,
        # not the town ("eastern Aleppo city" is the town)
        return 2, "near: a part of the area around the town"
    return 1, "town"


def _relative(place: Place, text: str) -> bool:
    return _relative_before(text[max(0, place.start - _RELATIVE_CHARS) : place.start])


@functools.lru_cache(maxsize=4096)
def _relative_before(window: str) -> bool:
    # one mention is asked about once per event of its article: remember the answer
    return bool(_RELATIVE.search(window))


def _best(places: Sequence[Place], text: str) -> Place:
    """The most specific place; among equals one named plainly ("in X") before one named
    relatively ("near X"), then the first mentioned."""
    return max(
        places,
        key=lambda p: (
            _SPECIFICITY.get(p.feature_code, 3),
            not _relative(p, text),
            -p.start,
        ),
    )


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _PARAGRAPH.finditer(text, 0, start)), default=0)
    m = _PARAGRAPH.search(text, end)
    return lo, m.start() if m else len(text)


_COUNTRY_LEVEL = frozenset({"PCLI", "CONT"})
# A place named as someone's origin or seat, a venue of talks, or where a group is banned:
# "Britain-based monitor", "US-led coalition", "based in London", "Astana talks",
# "(banned in Russia)", "Russia says". Such a mention is never where the event happened.
_ORIGIN_AFTER = re.compile(
    r"^(?:-(?:based|led|backed|born|funded|trained|brokered|sponsored|supported|allied|"
    r"affiliated|linked|registered|headquartered|run)\b|\s+(?:based|backed)\b|"
    # a country's or capital's policy, arms or envoys are its government's: "Moscow's support",
    # "Ankara's offensive" (also with the apostrophe lost: "Ankaras offensive")
    r"(?:['’]s?|s)\s+(?:backing|support|offensive|intervention|military|army|air force|"
    r"warplanes|jets|envoy|ambassador|allies|ally|government|regime|policy|stance|response|"
    r"position|decision)\b|"
    r"\s+(?:talks|summit|peace process|process|accords?|agreement|format|negotiations|"
    r"conference)\b|"
    # a country or capital that speaks is its government: "Russia says 62 troops killed"
    r"\s+(?:says|said|claims|claimed|accuses|accused|warns|warned|condemns|condemned|"
    r"denies|denied|urges|urged|vows|vowed|announces|announced)\b)",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:based|headquartered|banned|outlawed|proscribed|outlawed|exiled|talks|summit|"
    r"negotiations|conference)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A dateline: the filing place in capitals, then the news agency or a dash, then the story
# ("BEIRUT (Reuters) -", "CHARLESTON, W.Va. —", "BEIRUT A coalition strike ...").
_DATELINE_AFTER = re.compile(
    r"^(?:,\s*[A-Z][\w.]*)?\s*(?:\([^)]{1,40}\))?\s*[-—–:]?\s*[A-Z](?![A-Z])"
)


# A quarter of a city named with the city after it ("the Shahba neighbourhood of Aleppo",
# "Salah Eddin neighborhood in Aleppo city"): the event is at the city, whatever town
# elsewhere bears the quarter's name.
_QUARTER_OF_AFTER = re.compile(
    r"^\s+(?:neighbou?rhoods?|quarters?)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?"
    r"(?:(?:north|south|east|west)(?:ern)?\s+)?[A-Z]"
)


# A country named as the side that acts: "US airstrikes", "Syria troops", "Turkey forces".
_ACTOR_AFTER = re.compile(
    r"^\s+(?:air\s?strikes?|strikes?|raids?|forces|troops|soldiers|army|military|jets|"
    r"warplanes|planes|aircraft|drones?|officials?|envoy|government|regime|navy|"
    r"special forces|coalition|president|ministry|authorities)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # asked for every mention of an article once per event
def is_site(place: Place, text: str) -> bool:
    """False for mentions that name an origin, a seat, a venue of talks, a speaker, an
    acting country ("US airstrikes"), a dateline or a quarter of the city named after it."""
    after = text[place.end : place.end + 40]
    if _ORIGIN_AFTER.search(after) or _QUARTER_OF_AFTER.match(after):
        return False
    if place.feature_code == "PCLI" and _ACTOR_AFTER.search(after):
        return False
    if _ORIGIN_BEFORE.search(text[max(0, place.start - 40) : place.start]):
        return False
    surface = text[place.start : place.end]
    if surface.isupper() and len(surface) >= 4 and _DATELINE_AFTER.match(after):
        return False
    return not _title_dateline(place, text)


# What stands before a dateline written in title case: a date at the start of the sentence
# ("Feb 022015 Beirut Syrian ...", "AFP Saturday 17 Aug 2013 Beirut -").
_DATED_START = re.compile(r"^[^.!?\n]{0,80}\d{4}\s*$")
_TITLE_DATELINE_AFTER = re.compile(r"^(?:\s*\([^)]{1,40}\))?\s*(?:[-—–:]\s*)?[A-Z][a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def _title_dateline(place: Place, text: str) -> bool:
    """A capital or city of a million written in title case after a date that opens the
    sentence and before the story's first capitalised word, with no preposition ("Feb 022015
    Beirut Syrian government air strikes ..."): the filing place, not the story's."""
    if place.feature_code != "PPLC" and place.population < 1_000_000:
        return False
    lo = max(0, place.start - 81)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, place.start)]
    before = text[breaks[-1] if breaks else lo : place.start]
    if not breaks and lo > 0:
        return False
    return bool(
        _DATED_START.match(before) and _TITLE_DATELINE_AFTER.match(text[place.end : place.end + 40])
    )


def _dominant(places: Sequence[Place]) -> tuple[str | None, dict[str, str]]:
    """The country most places of the article lie in (None on a tie) and, for each country,
    its most-named admin1 area (ties: the first named). Towns and provinces are counted
    first: country names are often actors ("Turkey considers ...", named eight times in a
    report from Aleppo), so they decide only when towns and provinces do not."""
    inner = [p for p in places if p.country_code and p.feature_code not in _COUNTRY_LEVEL]
    top = Counter(p.country_code for p in inner).most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        top = Counter(p.country_code for p in places if p.country_code).most_common(2)
    country = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    admin1: dict[str, str] = {}
    counts = Counter((p.country_code, p.admin1) for p in places if p.admin1)
    for (cc, a1), _ in counts.most_common():
        admin1.setdefault(cc, a1)
    return country, admin1


def _abroad_alone(place: Place, named: Sequence[Place], country: str | None, text: str) -> bool:
    """A town or region outside the article's main country that nothing else in the article
    places in its country (no other place there, no name or demonym of that country), told in
    a paragraph that names a town or region of the main country. Such a lone match is a name
    the gazetteer holds abroad ("a witness named Ahmad" for Kuwait's Al Ahmadi, Aleppo's
    al-Sulimaniah quarter for Iraq's Sulaymaniyah, a Syrian village Maan for Jordan's Ma'an),
    not where the event happened."""
    cc = place.country_code
    if country is None or not cc or cc == country or place.feature_code in _COUNTRY_LEVEL:
        return False
    if any(q.country_code == cc and q.name != place.name for q in named):
        return False
    lo, hi = _paragraph(text, place.start, place.end)
    home = any(
        q.country_code == country and q.feature_code not in _COUNTRY_LEVEL and lo <= q.start < hi
        for q in named
    )
    return home and _country_words(cc, place.country).search(text) is None


@functools.lru_cache(maxsize=256)
def _country_words(cc: str, name: str) -> re.Pattern[str]:
    """The name and demonyms of a country (ISO alpha-2 `cc`, `name` as ACLED writes it) as
    words."""
    words = {w for w, code in demonym_index().items() if code == cc} | {name}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    return re.compile(rf"\b(?:{alternation})\b")


def _inside_country(
    country: Place,
    paragraph: Sequence[Place],
    document: Sequence[Place],
    text: str,
    main_admin1: dict[str, str],
) -> PlaceChoice | None:
    """A sentence that names only the country ("clashes in Syria killed 12"): a place in
    that country from the paragraph, else the document, at precision 2 or coarser -- one in
    the article's most-named admin1 area of that country if any, the most specific."""
    cc = country.country_code
    for scope, pool in (("paragraph", paragraph), ("document", document)):
        inner = [p for p in pool if p.country_code == cc and p.feature_code not in _COUNTRY_LEVEL]
        main = [p for p in inner if p.admin1 == main_admin1.get(cc)]
        if inner:
            place = _best(main or inner, text)
            precision, why = geo_precision(place, text)
            return PlaceChoice(
                place, max(precision, 2), f"{scope}: {why}, in the sentence's country"
            )
    return None


def _wider(
    pool: Sequence[Place], text: str, country: str | None, main_admin1: dict[str, str]
) -> Place:
    """Outside the sentence: the most specific place in the article's main country and its
    most-named admin1 area, narrowing only while some place is left."""
    if country is not None:
        pool = [p for p in pool if p.country_code == country] or pool
        pool = [p for p in pool if p.admin1 == main_admin1.get(country)] or pool
    return _best(pool, text)


def choose_event_place(
    places: Sequence[Place], start: int, end: int, text: str
) -> PlaceChoice | None:
    """The place of an event whose trigger sentence is text[start:end].

    Mentions that name an origin, a seat, a venue of talks or a dateline ("Britain-based",
    "US-led", "Astana talks", "BEIRUT (AFP) -") are set aside while others remain. Then the
    most specific place in the sentence (plain before relative mentions; among countries,
    the article's main one; then the first mentioned); else in its paragraph, else in the
    document, from the article's main country and most-named admin1 area there. A sentence
    naming only a country takes a place in that country from the paragraph, else the
    document, preferring the article's most-named admin1 area there. geo_precision follows
    ACLED: 1 the town itself; 2 near a town ("55km from Aleppo", "outskirts of") or a
    district; 3 a province or country only. A place from outside the sentence is never 1.
    """
    if not places:
        return None
    named = list(places)
    places = [p for p in places if is_site(p, text)] or list(places)
    country, main_admin1 = _dominant(places)
    places = [p for p in places if not _abroad_alone(p, named, country, text)] or places
    in_sentence = [p for p in places if start <= p.start and p.end <= end]
    # "buses carrying evacuees from Madaya were hit near Aleppo": where people or fire came
    # from is not where the event happened while the sentence names another place.
    landed = [p for p in in_sentence if not _origin_before(p, in_sentence, text)]
    from_only = bool(in_sentence) and not landed
    in_sentence = landed or in_sentence
    p_start, p_end = _paragraph(text, start, end)
    in_paragraph = [p for p in places if p_start <= p.start and p.end <= p_end]
    if in_sentence:
        place = _best_in_sentence(in_sentence, text, country)
        if place.feature_code in _COUNTRY_LEVEL:
            inner = _inside_country(place, in_paragraph, places, text, main_admin1)
            if inner is not None:
                return inner
        precision, why = geo_precision(place, text)
        if precision == 1 and _unknown_settlement(place, places, start, end, text):
            # ACLED: a village or site that cannot be located is coded to the known town
            # near it
            precision, why = 2, "near: a village or site the gazetteer does not hold is named"
        elif precision == 1 and _unknown_area(place, places, start, end, text):
            # ACLED: activity in a small part of a region, a general area named, is coded
            # to a town standing for that area
            precision, why = 2, "near: an area the gazetteer does not hold is named"
        elif precision == 1 and from_only:
            # "a mortar round fired from X fell in <a place not found>": near X, not in it
            precision, why = 2, "near: only where it came from is named"
        return PlaceChoice(place, precision, f"sentence: {why}")
    for scope, pool in (("paragraph", in_paragraph), ("document", places)):
        if pool:
            place = _wider(pool, text, country, main_admin1)
            precision, why = geo_precision(place, text)
            return PlaceChoice(place, max(precision, 2), f"{scope}: {why}")
    return None


# A village or town named by a settlement word ("the village of Kafr Tal", "villages including
# Tal Sour and Ain Dara"), or a military site named after a place ("the airbase of Tiyas"):
# if no found place starts there, the gazetteer does not hold it.
_SITE = r"(?:air\s?bases?|airbases?|airfields?|air\s?ports?|military\s+(?:bases?|airports?))"
_SETTLEMENT_NAMED = re.compile(
    rf"\b(?:villages?|towns?|hamlets?|{_SITE})\s+(?:of|including|such as|like|called|named)\s+"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)


# Words that describe a settlement before its name ("on the besieged al-Fouaa town").
_HELD = (
    r"(?:besieged|encircled|embattled|rebel-held|regime-held|government-held|"
    r"opposition-held|army-held|nearby|neighbouring|neighboring)"
)
# ... or as agencies write it, the name before the word ("in al-Hader town", "in Harbiyat
# and Anbaj villages"); not a people's adjective ("Kurdish villages", "Alawite town").
_NAME_BEFORE_WORD = (
    r"(?:[a-z]{1,3}-)?(?-i:[A-Z])[\w'-]*?"
    r"(?<!ian)(?<!ish)(?<!ite)(?<!ese)(?<![a-z]i)(?<!held)(?<!controlled)(?<!led)(?P<end>)\s+"
)
_SETTLEMENT_AFTER = re.compile(
    rf"\b(?:in|of|at|on|near|and)\s+(?:the\s+)?(?:{_HELD}\s+)?{_NAME_BEFORE_WORD}"
    r"(?:villages?|towns?|hamlets?)\b",
    re.IGNORECASE,
)
# ... and a site so named, also after "the" or a country's possessive ("struck the Tiyas
# airbase", "on Syria's Tiyas airbase", agencies' "Syrias").
_SITE_AFTER = re.compile(
    r"\b(?:(?:in|of|at|on|near|and|the)\s+(?:(?-i:[A-Z])[a-z]+['’]?s\s+)?|"
    rf"(?-i:[A-Z])[a-z]+['’]s\s+){_NAME_BEFORE_WORD}"
    rf"{_SITE}\b",
    re.IGNORECASE,
)


_AND = re.compile(
    r"\s*(?:city|town)?\s*(?:,|\band\b)\s*(?:the\s+)?(?:(?:villages?|towns?|hamlets?)\s+(?:of|including|"
    r"such as|like|called|named)\s+)?",
    re.IGNORECASE,
)


def _named_apart(place: Place, named: Sequence[int], text: str) -> bool:
    """Some name at one of the `named` offsets stands apart from `place`, not listed right
    after it as one more place hit ("Aleppo and Anbaj village")."""
    return any(not (place.end <= i and _AND.fullmatch(text, place.end, i)) for i in named)


def _unknown_settlement(
    place: Place, places: Sequence[Place], start: int, end: int, text: str
) -> bool:
    """The span names a village or town by a settlement word that no found place covers, and
    not as one more place hit beside `place` ("Aleppo and Anbaj village")."""
    starts = {p.start for p in places}
    ends = {p.end for p in places}
    named = [m.end() - 1 for m in _SETTLEMENT_NAMED.finditer(text, start, end)]
    named = [i for i in named if i not in starts]
    after = [
        m
        for pattern in (_SETTLEMENT_AFTER, _SITE_AFTER)
        for m in pattern.finditer(text, start, end)
        if m.end("end") not in ends
    ]
    named += [text.rfind(" ", 0, m.end("end")) + 1 for m in after]
    return _named_apart(place, named, text)


# An area named by its own name ("Syria's Ghouta region", "the Qalamoun mountains", "al-Malaah
# farms") or by a direction before a name ("Eastern Ghouta", "eastern Al-Ghouta"): not a
# people's adjective ("Kurdish region", "Syrian desert"), nor a found place.
_AREA_NAMED_AFTER = re.compile(
    rf"\b{_NAME_BEFORE_WORD}(?:regions?|zones?|plains?|valleys?|mountains?|desert|farms)\b",
    re.IGNORECASE,
)
_AREA_NAMED_DIRECTION = re.compile(
    rf"\b{_DIRECTION}\s+(?P<name>(?:[a-z]{{1,3}}-)?(?-i:[A-Z])[\w'-]+)\b"
    # (not "the northern Syrian city", "western Anbar province", "the southern X district")
    r"(?<!ian)(?<!ish)(?<!ite)(?<!ese)(?<![a-z]i)(?<!ern)"
    r"(?!\s+(?:province|governorate|city|town|district|neighbou?rhood|quarter)\b)",
    re.IGNORECASE,
)
# A town this large is not inside such an area but next to it ("Eastern Ghouta, a rebel
# stronghold in Damascus"); a smaller one often lies in it ("the town of Douma in the rebel
# stronghold of Eastern Ghouta", "troops in the Qalamun region seized the town of Rankus").
_AREA_CITY = 200_000


def _unknown_area(place: Place, places: Sequence[Place], start: int, end: int, text: str) -> bool:
    """The span names an area no found place covers, and not as one more place hit beside
    `place` ("Damascus and Eastern Ghouta"); `place` is a city (see _AREA_CITY)."""
    if place.population < _AREA_CITY:
        return False
    starts = {p.start for p in places}
    ends = {p.end for p in places}
    named = [
        text.rfind(" ", 0, m.end("end")) + 1
        for m in _AREA_NAMED_AFTER.finditer(text, start, end)
        if m.end("end") not in ends
    ]
    for m in _AREA_NAMED_DIRECTION.finditer(text, start, end):
        if m.start("name") not in starts and not any(
            p.start <= m.start("name") < p.end for p in places
        ):
            named.append(m.start())
    return _named_apart(place, named, text)


# "from" before a mention, with at most a place word between: "evacuated from Madaya",
# "fired from the town of Daraya", "from the besieged towns of Fuaa and Kafraya".
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:besieged|rebel-held|government-held|nearby|neighbouring|"
    r"neighboring)\s+)?(?:(?:city|town|towns|village|villages|area|province|district|region)"
    r"\s+of\s+)?(?:[A-Z][\w'-]*\s+(?:and\s+)?)?$"
)


# ... and where the fire came from, told by who fired it: "a mortar round fired by terrorists
# positioned in Daraya", "rockets launched by militants stationed in the town of X".
_FIRED_BY = re.compile(
    r"\b(?:fired|launched|lobbed|shot)\s+by\s+(?:[\w-]+\s+){1,4}?"
    r"(?:positioned|stationed|deployed|entrenched|holed up|based)\s+in\s+(?:the\s+)?"
    r"(?:(?:city|town|village|area|district|neighbou?rhood)\s+of\s+)?$",
    re.IGNORECASE,
)
# A place that only locates the one before it ("Daraya town in Damascus Countryside").
_CONTAINER_GAP = re.compile(
    r"\s*(?:town|city|village|area|district)?\s*(?:,|\bin\b)\s*(?:the\s+)?", re.IGNORECASE
)


# Ground given up ("withdrew from the city of Aleppo", "were driven out from Manbij"): the
# place left is where the change of territory happened, not an origin.
_LEFT_FROM = re.compile(
    r"\b(?:withdr[ae]w\w*|pull(?:ed|s|ing)?\s+out|retreat\w*|expell\w*|ousted|"
    r"(?:driven|drove|pushed|forced)\s+out)\s+from\s+\S*[^.!?]{0,40}$",
    re.IGNORECASE,
)


def _origin_before(place: Place, pool: Sequence[Place], text: str) -> bool:
    """Where people or fire came from, or the area holding such a place."""
    before = text[max(0, place.start - 60) : place.start]
    if _FROM_BEFORE.search(before):
        return not _LEFT_FROM.search(before)
    if _FIRED_BY.search(before):
        return True
    prev = max((p for p in pool if p.end <= place.start), key=lambda p: p.end, default=None)
    return (
        prev is not None
        and bool(_CONTAINER_GAP.fullmatch(text, prev.end, place.start))
        and _origin_before(prev, pool, text)
    )


# A preposition of place right before a mention: "an attack in Syria", "strikes on Idlib".
_LOCATIVE = re.compile(
    r"\b(?:in|inside|into|on|at|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE
)


def located_in(place: Place, text: str) -> bool:
    """The mention follows a preposition of place ("an attack in Syria"): the sentence puts
    something there, rather than naming an actor or a reaction ("Syria said")."""
    return bool(_LOCATIVE.search(text[max(0, place.start - 12) : place.start]))


# A town this many times smaller than a city of the same admin1 area named in the same
# sentence is a place in the city's area, named as the finer location.
_VILLAGE_RATIO = 10


def _village_of(place: Place, pool: Sequence[Place], text: str) -> Place:
    """A town of the sentence that lies in the chosen city's admin1 area and is much smaller
    ("in Khan Tuman, Aleppo", "the Aleppo countryside town of Atareb"): ACLED codes the most
    specific location. Only among towns named as plainly as the chosen one."""
    if place.feature_code.startswith("ADM") or not place.admin1:
        return place
    plain = not _relative(place, text)
    inner = [
        p
        for p in pool
        if p.admin1 == place.admin1
        and p.country_code == place.country_code
        and not p.feature_code.startswith("ADM")
        and p.feature_code not in _COUNTRY_LEVEL
        and p.population * _VILLAGE_RATIO <= place.population
        and (not _relative(p, text)) == plain
    ]
    return min(inner, key=lambda p: (p.population, p.start)) if inner else place


_CITY_BEFORE = re.compile(r"\b(?:city|town)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _province_named(place: Place, pool: Sequence[Place], text: str) -> Place:
    """A town named by the same word as the province the sentence also names ("Gas attack
    in Syria's Idlib ... killed dozens in Syria's northern Idlib province", a headline run
    into the lead): the province, unless the sentence calls the town a city or town ("Idlib
    city")."""
    if place.feature_code.startswith("ADM") or not place.admin1:
        return place
    word = text[place.start : place.end].casefold()
    if any(
        _CITY_AFTER.match(text, p.end) or _CITY_BEFORE.search(text, max(0, p.start - 20), p.start)
        for p in pool
        if p.feature_code == place.feature_code and text[p.start : p.end].casefold() == word
    ):
        return place
    same = [
        p
        for p in pool
        if p.feature_code == "ADM1"
        and (p.country_code, p.admin1) == (place.country_code, place.admin1)
        and text[p.start : p.end].casefold() == word
    ]
    return same[0] if same else place


def _best_in_sentence(pool: Sequence[Place], text: str, country: str | None) -> Place:
    """The most specific place; when only countries are named, the one the sentence puts the
    event in ("The United States and Russia traded claims about an attack in Syria"), else
    the article's main one."""
    place = _best(pool, text)
    if place.feature_code not in _COUNTRY_LEVEL:
        village = _village_of(place, pool, text)
        return _province_named(village, pool, text) if village is place else village
    located = [p for p in pool if located_in(p, text)]
    if len({p.country_code for p in located}) == 1:
        return _best(located, text)
    if country is not None:
        main = [p for p in pool if p.country_code == country]
        if main:
            return _best(main, text)
    return place
