"""Toponym candidates: gazetteer matching over capitalised word runs, with false hits rejected."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.resolve.gazetteer import Entry, Gazetteer
from eventwire.resolve.gazetteer_countries import ARAB_COUNTRIES, DOTTED_ABBREVIATIONS
from eventwire.resolve.toponyms import ascii_name, fold, skeleton, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Lower-case words allowed inside a multi-word toponym (Rio de Janeiro, Deir ez-Zor).
CONNECTORS = frozenset(
    [
        "of",
        "de",
        "del",
        "della",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "y",
        "al",
        "el",
        "ad",
        "ed",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ez",
        "ul",
        "ur",
        "us",
        "on",
        "upon",
        "am",
        "im",
        "der",
        "den",
        "bin",
        "bani",
        "ibn",
    ]
)
# A capitalised word just before a name that makes it a person's name, not a place.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "gen",
        "general",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "sgt",
        "rev",
        "father",
        "sister",
        "brother",
        "sen",
        "senator",
        "rep",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "imam",
        "pope",
        "saint",
        "minister",
        "premier",
        "chancellor",
        "governor",
        "mayor",
        "coach",
        "officer",
        "det",
        "detective",
        "prof",
        "professor",
        "chief",
        "commissioner",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "deputy",
        "secretary",
    ]
)
# Capitalised words that may stand before a toponym without making it another name.
_MODIFIER_WORDS = (
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern greater upper "
    "lower downtown metro rural occupied mount lake camp fort port cape river valley city "
    "county province governorate district region state village town airport base bridge "
    "street road square market gate old new"
)
MODIFIERS = frozenset(_MODIFIER_WORDS.split())
# Abbreviations that are toponyms only in this exact spelling.
ABBREVIATIONS = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DRC"})
# World and sub-continental regions: no point on a map, and never the namesake hamlet the
# gazetteer also holds (Middle East, a neighbourhood of Baltimore). Folded word sequences.
WORLD_REGIONS: frozenset[tuple[str, ...]] = frozenset(
    tuple(name.split())
    for name in (
        "middle east",
        "near east",
        "far east",
        "horn of africa",
        "sahel",
        "maghreb",
        "levant",
        "west africa",
        "western africa",
        "east africa",
        "eastern africa",
        "north africa",
        "northern africa",
        "southern africa",
        "central africa",
        "sub saharan africa",
        "latin america",
        "central america",
        "balkans",
        "western balkans",
        "caucasus",
        "north caucasus",
        "south caucasus",
        "central asia",
        "south asia",
        "southeast asia",
        "south east asia",
        "east asia",
        "western europe",
        "eastern europe",
        "arabian peninsula",
        "persian gulf",
        "gulf region",
    )
)
_REGION_LENGTHS = sorted({len(r) for r in WORLD_REGIONS}, reverse=True)

_PERSON_LABELS = frozenset({"PERSON"})
_SENTENCE_END = frozenset('.!?:;"“”\n')
_ALLOWED_GAPS = frozenset({" ", "-", ". ", ".", " - "})
MAX_CANDIDATES = 25
# A list of names that ends in a plural admin word names areas: "Becker, Clay and Douglas
# counties", "Idlib and Hama provinces". One name before the plural is a modifier ("the
# metro Athens counties", "Indiana counties"), so the mention must be coordinated.
_LIST_JOIN = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*&\s*)"
_LIST_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_ADMIN_LIST = re.compile(
    rf"((?:{_LIST_JOIN}{_LIST_NAME})*)\s+((?i:provinces|governorates|oblasts|prefectures|"
    r"districts|counties|parishes|municipalities))\b"
)
_LIST_BEFORE = re.compile(rf"[A-Z][\w.'’-]*{_LIST_JOIN}$")
# The singular a county list's names carry in the gazetteer ("Douglas County").
_LIST_SINGULAR = {"counties": "county", "parishes": "parish"}


# Head nouns of organisations' names: a match that holds one inside a title-case run is the
# organisation ("the Red Cross", "the White House", "Agence France Presse").
ORG_HEADS = frozenset(
    [
        "tv",
        "television",
        "news",
        "agency",
        "press",
        "presse",
        "committee",
        "cross",
        "house",
        "center",
        "centre",
        "council",
        "media",
        "network",
        "channel",
        "radio",
        "times",
        "post",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "hospital",
        "clinic",
        "university",
        "college",
        "institute",
        "foundation",
        "observatory",
        "ministry",
        "office",
        "party",
        "organisation",
        "organization",
        "association",
        "union",
        "society",
        "company",
        "corporation",
        "bank",
        "group",
        "magazine",
        "newspaper",
        "mosque",
        "church",
    ]
)
# The same heads in lower case after a name that carries an Arabic article ("al-Quds
# hospital", "Al-Manar correspondent"): a proper name of an institution or outlet.
_ARABIC_NAME_HEAD = re.compile(
    r"\s+(?:(?:tv|television|channel|radio|newspaper|news agency|agency|hospital|clinic|"
    r"mosque|school|university|correspondent|reporter|website|station|satellite channel)\b|"
    r"(?:TV|Television|Channel|Radio|Hospital|Mosque|News)\b)"
)
_ARTICLE = r"(?:al|el|as|ash|ad|an|ar|at|az)"  # the Arabic article as written in names
_ARABIC_ARTICLE = re.compile(rf"{_ARTICLE}[-\s]", re.IGNORECASE)
_ARTICLE_ENDS = re.compile(rf"(?<![\w'’]){_ARTICLE}-\Z", re.IGNORECASE)
# An outlet named with an Arabic article, told by its role rather than a noun after it:
# a media noun before it ("the pro-government daily Al-Watan", "the channel Al Mayadeen"), a
# reporting verb after it ("Al Mayadeen reported"), or a reporting phrase before it that the
# name ends ("told Al Mayadeen,", "according to Al-Thawra."). Places do not report; a
# capital that speaks for its government ("Damascus said") carries no article.
_MEDIA_NOUN = (
    r"(?:daily|dailies|newspapers?|paper|channel|tv|television|broadcaster|station|website|"
    r"outlet|network|magazine|weekly|radio|news agency|agency)"
)
_OUTLET_NOUN_BEFORE = re.compile(rf"\b{_MEDIA_NOUN}\s+(?:{_ARTICLE}[-\s])?$", re.IGNORECASE)
_OUTLET_VERB_AFTER = re.compile(
    r"\s+(?:reported|reports|said|says|quoted|quotes|cited|cites|aired|airs|broadcast|"
    r"broadcasts|published|publishes|wrote|writes|carried|carries|showed|shows|added|adds)\b"
)
_OUTLET_PHRASE_BEFORE = re.compile(
    r"\b(?:told|according to|quoted by|cited by|reported by|aired by|broadcast by|"
    rf"speaking to|interview with|comments to|statement to)\s+(?:the\s+)?(?:{_ARTICLE}[-\s])?$",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"\s*(?:[,.;:)\"”]|$)|\s+(?:that|on|late|earlier|in an?)\b")
# Arabic names joined by an article: "Orum al-Kubrah", "Fateh al-Sham", "Jaysh al-Fateh".
_ARTICLE_AFTER = re.compile(rf"[\s-]{_ARTICLE}-[A-Z]")
_ARTICLE_BEFORE = re.compile(rf"[A-Z][\w'’]*[\s-]{_ARTICLE}-$")
# A lower-case word that carries an assimilated Arabic article ("ezzor", "arraqqa").
_ASSIMILATED_WORD = re.compile(r"^[ae](?:zz|ss|dd|rr|nn|tt|shsh)[a-z]{2,}$")
# Arabic place-name heads (hill, headland, inn, monastery, bridge, village, spring, gate,
# mountain, house, palace, well, valley): a multi-word name led by one is a place, not a
# person, when the gazetteer holds it ("Ras al-Ain", "Tel Hamis" tagged PERSON).
_ARABIC_GENERICS = frozenset(
    [
        "tal",
        "tall",
        "tel",
        "tell",
        "ras",
        "khan",
        "deir",
        "dayr",
        "jisr",
        "kafr",
        "kfar",
        "ain",
        "ayn",
        "bab",
        "jabal",
        "jebel",
        "jabel",
        "beit",
        "bayt",
        "qasr",
        "bir",
        "wadi",
        "maarat",
        "maarrat",
    ]
)
# Spellings the skeleton does not merge (e -> i, so Tel is "til", Tall "tal").
_ARABIC_GENERIC_VARIANTS = {"tel": "tall", "tell": "tall", "jebel": "jabal", "kfar": "kafr"}
# Direction words run onto a name by lost spaces in scraped text ("Kobaninorth").
_GLUED_DIRECTION = re.compile(r"^([A-Z][a-z]{3,})(north|south|east|west)$")
# "Syria's capital", "Syrias capital", "the Syrian capital": the country's capital, unless
# named right after ("the Kazakh capital Astana", "the Syrian capital of Raqa").
_CAPITAL_AFTER = re.compile(r"(?:'s|’s|s)?\s+capital(?:'s|’s|s)?\b")
_NAMED_AFTER = re.compile(r"\s+(?:of\s+|city\s+(?:of\s+)?)?([A-Z][\w-]*)")


# A place name that begins a street's name is the street ("Malta Road", "Hertford Road"):
# no place, though streets are often named after the towns nearby, so still context.
_STREET_AFTER = re.compile(
    r"\s+(?:(?:Road|Street|Avenue|Boulevard|Drive|Lane)\b|(?:Rd|Ave|Blvd)\.)"
)


def admin_list(text: str, start: int, end: int) -> re.Match[str] | None:
    """The plural admin word (group 2) ending a list that the name at start..end is part of
    ("Clay and Douglas counties"), else None."""
    found = _ADMIN_LIST.match(text, end)
    if found is None:
        return None
    if found.group(1) or _LIST_BEFORE.search(text, max(0, start - 60), start):
        return found
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names gazetteer entries."""

    start: int
    end: int
    text: str
    candidates: tuple[Entry, ...]
    fuzzy: bool = False  # matched by transliteration skeleton, not exactly
    sentence_initial: bool = False
    demonym: bool = False  # "Syrian": ties the text to a country, names no place
    street: bool = False  # "Malta Road": a street named after a place; context, no place
    # "the Idlib Media Center": a place inside an organisation's name; context, no place
    in_name: bool = False
    key: str = ""  # the folded surface the gazetteer was searched with


@dataclass(slots=True)
class _Words:
    spans: list[tuple[int, int]]
    surface: list[str]
    folded: list[str]
    cap: list[bool]


def _tokenise(text: str) -> _Words:
    spans = words(text)
    surface = [text[s:e] for s, e in spans]
    folded = [_fold_word(w) for w in surface]
    return _Words(spans, surface, folded, [w[:1].isupper() for w in surface])


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _gap_ok(text: str, a: int, b: int) -> bool:
    return text[a:b] in _ALLOWED_GAPS


def find_mentions(gaz: Gazetteer, text: str, doc: Doc | None = None) -> list[Mention]:
    """Longest gazetteer matches starting at capitalised words, left to right; demonyms
    ("Syrian") come back as mentions of their country, flagged."""
    w = _tokenise(text)
    entities = _person_entities(gaz, doc)
    persons = _person_words(gaz, text, w, entities)
    person_starts = {t.idx for ent in entities for t in ent}
    place_starts = _place_starts(doc)
    out: list[Mention] = []
    i, n = 0, len(w.spans)
    while i < n:
        if not w.cap[i]:
            i += 1
            continue
        region_end = _world_region(w, i)
        if region_end:
            i = region_end
            continue
        hit = _longest_match(gaz, text, w, i)
        if hit is None or (hit[0] == i + 1 and _country_over_hamlet(gaz, w.folded[i], w, i)):
            hit = _run_on(gaz, text, w, i) or hit
        if w.surface[i] in gaz.demonyms and (hit is None or hit[0] == i + 1):
            # "Syrian" is its country; "British Columbia" is the longer name
            out.append(_demonym(gaz, text, w, i))
            out.extend(_capital(gaz, text, w, i, out[-1]))
            i += 1
            continue
        if hit is not None and _accept(
            gaz, text, hit[1], w, i, hit[0], persons, person_starts, place_starts
        ):
            m = _in_name(gaz, text, w, i, hit[0], _street(text, w, i, hit[1]))
            if m is not None:
                out.append(_with_named_area(gaz, text, _with_listed_areas(gaz, text, m)))
                out.extend(_capital(gaz, text, w, hit[0] - 1, m))
                i = hit[0]
            else:
                i += 1
        else:
            i += 1
    return out


def _run_on(gaz: Gazetteer, text: str, w: _Words, i: int) -> tuple[int, Mention] | None:
    """A notable place with a lost apostrophe or space: "Syrias capital", "Aleppos Old
    City", "Kobaninorth". The mention covers the name only."""
    word = w.surface[i]
    glued = _GLUED_DIRECTION.match(word)
    stem = glued.group(1) if glued else word[:-1] if word.endswith("s") and len(word) > 4 else ""
    if not stem or (gaz.has_key(w.folded[i]) and not _country_over_hamlet(gaz, w.folded[i], w, i)):
        return None
    key = fold(stem)
    found = [e for e in gaz.lookup_key(key) if glued or _run_on_stem(e, key)]
    if not found:
        return None
    start = w.spans[i][0]
    initial = _sentence_initial(text, start)
    cands = tuple(found[:MAX_CANDIDATES])
    return i + 1, Mention(start, start + len(stem), stem, cands, False, initial, key=fold(stem))


def _country_over_hamlet(gaz: Gazetteer, word: str, w: _Words, i: int) -> bool:
    """A country's possessive with its apostrophe lost names the country, not a small place
    spelled the same ("Jordans King Abdullah": Jordan, not Jordans in England)."""
    surface = w.surface[i]
    if not surface.endswith("s") or len(surface) <= 4:
        return False
    if any(_notable(e) for e in gaz.lookup_key(word)):
        return False
    key = fold(surface[:-1])
    return any(e.feature_code == "PCLI" and fold(e.name) == key for e in gaz.lookup_key(key))


def _run_on_stem(e: Entry, key: str) -> bool:
    """A country, capital or city of a million by its own name: "Syrias", "Aleppos" (not
    "Mages", nor "Americas", "Duals" through alternate names)."""
    own = fold(e.name) == key
    return own and (e.feature_code in ("PCLI", "PPLC") or e.population >= 1_000_000)


def _capital(gaz: Gazetteer, text: str, w: _Words, last: int, m: Mention) -> list[Mention]:
    """The capital a country's possessive or demonym names ("Syria's capital", "Syrias
    capital", "the Syrian capital"), when the text does not name it right after."""
    codes = {e.country_code for e in m.candidates if e.feature_code == "PCLI"}
    if len(codes) != 1:
        return []
    after = _CAPITAL_AFTER.match(text, w.spans[last][1])
    if after is None:
        return []
    named = _NAMED_AFTER.match(text, after.end())
    if named and not _CALENDAR_ABBR.match(named.group(1)) and named.group(1) not in _NOT_A_NAME:
        return []
    capital = gaz.capital(codes.pop())
    if capital is None:
        return []
    start = after.end() - len(after.group().lstrip().split()[-1])
    surface = text[start : after.end()]
    return [Mention(start, after.end(), surface, (capital,), key=fold(capital.name))]


# Words that may follow "capital" without naming it (weekdays and months: _CALENDAR_ABBR).
_NOT_A_NAME = frozenset(["The", "A", "An", "On", "In", "At"])


# News outlets named after a country: no mention of the country.
_COUNTRY_OUTLET = re.compile(
    r"\bAgence France[- ]Presse\b|\bFrance[- ]Presse\b|\bFrance ?24\b|\bRadio France\b|"
    r"\bRussia Today\b|\bVoice of America\b"
)


def _in_name(gaz: Gazetteer, text: str, w: _Words, i: int, j: int, m: Mention) -> Mention | None:
    """None for a match that is itself an organisation's name: it ends in an organisation's
    head noun after "the" or inside a title-case run ("the Red Cross", "the White House",
    "Agence France Presse", "Idlib Media Center": not the towns Red Cross, White House,
    Prisse, Media; "in East Bank", "Post Falls" stay). The mention flagged as part of a
    name where it carries an Arabic article before an outlet's or institution's noun
    ("Al-Manar TV", "al-Quds hospital"): context, no place. A place that only qualifies an
    organisation ("the Minnesota House", "Douglas County Hospital") stays a place, as LGL
    and TR-News annotate it."""
    window = _COUNTRY_OUTLET.finditer(text, max(0, m.start - 12), min(len(text), m.end + 24))
    if any(o.start() <= m.start and m.end <= o.end() for o in window):
        return None  # "Agence France Presse", "France 24", "Russia Today": an outlet
    if m.street or m.demonym or any(e.feature_code in ("PCLI", "ADM1") for e in m.candidates):
        return m
    before = (
        i > 0
        and w.cap[i - 1]
        and w.folded[i - 1] not in gaz.stop_words  # "But East Bank Mayor ..."
        and _gap_ok(text, w.spans[i - 1][1], w.spans[i][0])
    )
    after = j < len(w.spans) and w.cap[j] and _gap_ok(text, w.spans[j - 1][1], w.spans[j][0])
    # the head ends the match: "East Bank", "Post Falls", "Cross Lanes" are towns
    if w.folded[j - 1] in ORG_HEADS and (
        (before and not m.sentence_initial)
        or (i > 0 and w.folded[i - 1] == "the")
        or (after and w.folded[j] in ORG_HEADS)
    ):
        return None
    if _arabic_named(text, m) and (_ARABIC_NAME_HEAD.match(text, m.end) or _outlet(text, m)):
        return replace(m, in_name=True)
    return m


def _outlet(text: str, m: Mention) -> bool:
    """The name, carrying an Arabic article, is told as a news outlet by a media noun
    before it, a reporting verb after it, or a reporting phrase it ends ("the daily
    Al-Watan", "Al Mayadeen reported", "told Al Mayadeen,")."""
    before = text[max(0, m.start - 40) : m.start]
    if _OUTLET_NOUN_BEFORE.search(before) or _OUTLET_VERB_AFTER.match(text, m.end):
        return True
    return bool(_OUTLET_PHRASE_BEFORE.search(before) and _PHRASE_END.match(text, m.end))


def _arabic_named(text: str, m: Mention) -> bool:
    """The name carries an Arabic article, inside it or just before it ("al-Quds")."""
    return bool(
        _ARABIC_ARTICLE.match(m.text) or _ARTICLE_ENDS.search(text, max(0, m.start - 4), m.start)
    )


def _street(text: str, w: _Words, i: int, m: Mention) -> Mention:
    """The mention flagged as a street's name ("in Malta Road"); not in a title-case run
    ("Fighting for Key Aleppo Road", a headline that names the place)."""
    if not _STREET_AFTER.match(text, m.end):
        return m
    if i > 0 and w.cap[i - 1] and not m.sentence_initial:
        return m
    return replace(m, street=True)


def _with_listed_areas(gaz: Gazetteer, text: str, m: Mention) -> Mention:
    """A name in a list of counties also reaches the counties that carry the word in their
    name ("Warren" in "Preble or Warren counties" -> every Warren County), which a bare
    name's capped candidate list may have cut."""
    found = admin_list(text, m.start, m.end)
    singular = _LIST_SINGULAR.get(found.group(2).lower()) if found else None
    if singular is None or not m.key:
        return m
    seen = {e.id for e in m.candidates}
    extra = tuple(
        e
        for e in gaz.lookup_key(f"{m.key} {singular}")
        if e.feature_code == "ADM2" and e.id not in seen
    )
    return replace(m, candidates=m.candidates + extra) if extra else m


# "Raqqa province", "Hasakeh governorate": the admin1 area, also where the gazetteer holds
# the area only under another spelling than the town's (Ar-Raqqah for "Raqqa").
_PROVINCE_AFTER = re.compile(r"['’]?s?\s+(?:province|governorate)\b(?!\s+of\b)", re.IGNORECASE)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def named_as_province(text: str, m: Mention) -> bool:
    """The mention is said to be the admin1 area: "Raqqa province", "the province of Raqqa"."""
    return bool(
        _PROVINCE_AFTER.match(text, m.end)
        or _PROVINCE_BEFORE.search(text, max(0, m.start - 30), m.start)
    )


def _with_named_area(gaz: Gazetteer, text: str, m: Mention) -> Mention:
    """A name before "province" or after "the province of" is the admin1 area, also one
    that bears the town's name in another spelling ("Raqqa province" -> Ar-Raqqah)."""
    if m.demonym or m.street or not m.candidates:
        return m
    if named_as_province(text, m):
        areas = {e.id: e for e in m.candidates if e.feature_code == "ADM1"} or {
            a.id: a
            for e in m.candidates
            if e.feature_code.startswith("PPL") and e.admin1
            for a in gaz.lookup(e.admin1)
            if a.feature_code == "ADM1"
            and a.country_code == e.country_code
            and skeleton(fold(a.name)) == skeleton(fold(e.name))
        }
        return replace(m, candidates=tuple(areas.values())) if areas else m
    return m


def _world_region(w: _Words, i: int) -> int:
    """The end of a world region's name starting at word i ("the Middle East"), else 0."""
    for length in _REGION_LENGTHS:
        if tuple(w.folded[i : i + length]) in WORLD_REGIONS:
            return i + length
    return 0


def _demonym(gaz: Gazetteer, text: str, w: _Words, i: int) -> Mention:
    country = gaz.countries[gaz.demonyms[w.surface[i]]]
    start, end = w.spans[i]
    return Mention(start, end, text[start:end], (gaz.entry(country.entry),), demonym=True)


def _longest_match(gaz: Gazetteer, text: str, w: _Words, i: int) -> tuple[int, Mention] | None:
    n = len(w.spans)
    limit = i + 1
    while limit < min(n, i + gaz.max_words) and _gap_ok(
        text, w.spans[limit - 1][1], w.spans[limit][0]
    ):
        if not (w.cap[limit] or w.folded[limit] in CONNECTORS):
            break
        limit += 1
    initial = _sentence_initial(text, w.spans[i][0])
    top = limit
    if (
        limit < n
        and limit - i < 3
        and _gap_ok(text, w.spans[limit - 1][1], w.spans[limit][0])
        and _ASSIMILATED_WORD.match(w.surface[limit])
    ):
        top = limit + 1  # "Deir ezzor": an article written onto a lower-case word
    for j in range(top, i, -1):
        if not w.cap[j - 1] and j <= limit:
            continue
        start, end = w.spans[i][0], w.spans[j - 1][1]
        if end < len(text) and text[end] == ".":
            dotted = text[start : end + 1]
            if dotted in ABBREVIATIONS or dotted in DOTTED_ABBREVIATIONS:
                end += 1
        surface = text[start:end]
        found = _lookup(gaz, surface, " ".join(w.folded[i:j]))
        fuzzy = False
        # (not from an abbreviation: "US" in "US Secretary" is no Arabic article "us")
        if (
            not found
            and j - i <= 3
            and len(surface) >= 4
            and not w.surface[i].isupper()
            and not _sentence_break(text, w, i, j)
        ):
            found = _skeleton_rows(gaz, " ".join(w.folded[i:j]))
            variant = _ARABIC_GENERIC_VARIANTS.get(w.folded[i]) if j - i > 1 else None
            if not found and variant:  # "Tel Hamis" = Tall Hamis, "Jebel" = Jabal
                found = _skeleton_rows(gaz, " ".join([variant, *w.folded[i + 1 : j]]))
            if len(surface) == 4:  # "Raqa": four letters meet many names; big places only
                found = [e for e in found if _notable(e)]
            fuzzy = True
        if found:
            cands = tuple(found[:MAX_CANDIDATES])
            key = " ".join(w.folded[i:j])
            return j, Mention(start, end, surface, cands, fuzzy, initial, key=key)
    return None


def _sentence_break(text: str, w: _Words, i: int, j: int) -> bool:
    """Whether words i..j-1 run over the end of a sentence ("Deir Ezzor. At least 128"): a
    full stop after a word longer than an abbreviation's ("St. Louis", "Ft. Worth")."""
    return any(
        text[w.spans[k - 1][1] : w.spans[k][0]].startswith(".") and len(w.surface[k - 1]) > 3
        for k in range(i + 1, j)
    )


def _lookup(gaz: Gazetteer, surface: str, key: str) -> list[Entry]:
    code = DOTTED_ABBREVIATIONS.get(surface)
    if code is not None:
        entry = gaz.admin1_entry(code)
        return [entry] if entry else []
    return gaz.lookup_key(key)


def _person_words(gaz: Gazetteer, text: str, w: _Words, entities: list[Span]) -> set[str]:
    """Words used as parts of persons' names in this text: after a first name or a title,
    or inside a PERSON entity. A bare "Walsh" later is then the person, not the village."""
    out: set[str] = set()
    for k in range(1, len(w.spans)):
        if not (w.cap[k] and w.cap[k - 1]) or not _gap_ok(text, w.spans[k - 1][1], w.spans[k][0]):
            continue
        prev = w.folded[k - 1]
        # A sentence-initial word is capitalised anyway: demand it be no English word at all.
        plain = gaz.common_words if _sentence_initial(text, w.spans[k - 1][0]) else gaz.stop_words
        if prev in TITLES:
            out.add(w.surface[k])
        elif (
            prev not in MODIFIERS
            and prev not in plain
            and not _notable_place(gaz, prev)
            and w.surface[k - 1] not in gaz.demonyms
            and not _notable_place(gaz, w.folded[k])
        ):
            # "Tom Walsh": a capitalised non-place word before it. Checked against places
            # at acceptance time, so "Khan Shaykhun" is not split this way.
            out.add(w.surface[k])
    for ent in entities:
        out.update(t.text for t in ent)
    # "a witness named Ahmad", "a boy called Omar": a person's name, whatever town bears it
    out.update(m.group(1) for m in _NAMED_PERSON.finditer(text))
    return out


_NAMED_PERSON = re.compile(
    r"\b(?:witness|man|woman|boy|girl|child|person|resident|activist|doctor|nurse|fighter|"
    r"soldier|officer|father|mother|son|daughter|brother|sister|teacher|student|farmer|driver|"
    r"journalist|photographer|commander|official|volunteer|medic|survivor|refugee)\s+"
    r"(?:named|called)\s+([A-Z][\w'’-]+)"
)


def _accept(
    gaz: Gazetteer,
    text: str,
    m: Mention,
    w: _Words,
    i: int,
    j: int,
    persons: set[str],
    person_starts: set[int],
    place_starts: frozenset[int] = frozenset(),
) -> bool:
    """Reject matches that are codes, common words, parts of persons' names."""
    surface = m.text
    big = max(e.population for e in m.candidates)
    region = any(
        e.feature_code in ("PCLI", "CONT") or (e.feature_code == "ADM1" and e.population > 1e6)
        for e in m.candidates
    )
    if len(surface) < 2:
        return False
    short_caps = surface.isupper() and len(surface.replace(".", "")) <= 4
    if short_caps and surface not in ABBREVIATIONS and surface not in DOTTED_ABBREVIATIONS:
        return False
    if i > 0 and w.folded[i - 1] in TITLES and _gap_ok(text, w.spans[i - 1][1], w.spans[i][0]):
        return False
    if j - i == 1 and surface in persons and not region and not _place_here(text, m, place_starts):
        return False
    if m.start in person_starts and not region and big < 1_000_000:
        return False
    if _inside_compound(gaz, text, m.end):
        return False
    if (
        not any(_notable(e) for e in m.candidates)
        # ("Mashhad al-Kallasa", "al-Tloul al-Sud": an Arabic name is no place outside the
        # Arab world, however large)
        or not any(e.country_code in ARAB_COUNTRIES for e in m.candidates)
    ) and (
        _ARTICLE_AFTER.match(text, m.end)
        or _ARTICLE_BEFORE.search(text, max(0, m.start - 40), m.start)
    ):
        return False  # a word of a longer Arabic name not in the gazetteer ("Orum al-Kubrah")
    lower = surface.lower()
    weak = m.sentence_initial or big < 100_000 or m.fuzzy
    dateline = surface.isupper() and len(surface) >= 5 and big >= 10_000  # "CHARLESTON, W.Va."
    if (
        j - i == 1
        and lower in gaz.common_words
        and not region
        and (weak or _alternate_only(m))
        and not dateline
        and not _place_here(text, m, place_starts)  # "the city of Palmyra": not the palm
    ):
        return False
    if j - i == 1 and _date_word(text, m):
        return False
    if _generic(text, w, i, j):
        return False
    if (
        j - i == 1
        and w.folded[i] in _ARABIC_GENERICS
        and j < len(w.spans)
        and w.cap[j]
        and _gap_ok(text, w.spans[i][1], w.spans[j][0])
    ):
        return False  # the head of a longer name the gazetteer lacks: "Tal" of "Tal Halaf"
    return not (m.fuzzy and lower in gaz.common_words)


_CALENDAR_WORD = (
    r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CALENDAR_ABBR = re.compile(rf"^{_CALENDAR_WORD}$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\.?,?\s+(?:\d|{_CALENDAR_WORD}\s+\d)", re.IGNORECASE)
_DATE_BEFORE = re.compile(r"\d\s*$")


def _alternate_only(m: Mention) -> bool:
    """The mention is only an alternate name of every candidate ("Amid" for Diyarbakir,
    "Hail", "Rim" for Rome): no town bears it as its own name."""
    return not any(_fold_word(e.name) == m.key or _ascii_key(e.name) == m.key for e in m.candidates)


@functools.lru_cache(maxsize=1 << 14)
def _ascii_key(name: str) -> str:
    return fold(ascii_name(name))


def _generic(text: str, w: _Words, i: int, j: int) -> bool:
    """A description, not a town's name: modifier words only after "the" or a possessive
    ("the Old City", "Aleppos Old City"; Old City, Pennsylvania stands alone)."""
    if j - i < 2 or not all(w.folded[k] in MODIFIERS for k in range(i, j)) or i == 0:
        return False
    prev = w.surface[i - 1]
    return (
        prev.lower() == "the"
        or text[w.spans[i - 1][1] : w.spans[i][0]] != " "
        or (prev.endswith("s") and w.cap[i - 1])
    )


def _date_word(text: str, m: Mention) -> bool:
    """A weekday or month abbreviation inside a date ("Mon Jul 18 2016", "6 Jun 2016"): not
    Mon State or Jun in Spain."""
    if not _CALENDAR_ABBR.match(m.text):
        return False
    return bool(
        _DATE_AFTER.match(text[m.end : m.end + 20])
        or _DATE_BEFORE.search(text[max(0, m.start - 5) : m.start])
    )


def _notable_place(gaz: Gazetteer, key: str) -> bool:
    """A sizeable place or a region: "Aleppo" before a word is not a first name; "Tom" is."""
    return any(_notable(e) for e in gaz.lookup_key(key))


def _notable(e: Entry) -> bool:
    return e.population >= 100_000 or e.feature_code in ("PCLI", "ADM1", "CONT")


def _skeleton_lookup(gaz: Gazetteer, key: str) -> list[Entry]:
    return _skeleton_rows(gaz, key) if len(key) >= 4 and " " not in key else []


@functools.lru_cache(maxsize=1 << 14)
def _skeleton_rows(gaz: Gazetteer, key: str) -> list[Entry]:
    """Skeleton lookups, cached: the same capitalised words recur across articles."""
    return gaz.lookup_skeleton(key)


def _inside_compound(gaz: Gazetteer, text: str, end: int) -> bool:
    """The match is the head of an unknown capitalised compound: "Wal" in "Wal-Mart" (but
    "Syria" in "Syria-Turkey" and "Idlib" in "Idlib-based" stand)."""
    if end >= len(text) - 1 or text[end] != "-" or not text[end + 1].isupper():
        return False
    nxt = words(text[end + 1 : end + 40])
    if not nxt:
        return False
    word = text[end + 1 : end + 1 + nxt[0][1]]
    return word not in gaz.demonyms and not gaz.has_key(fold(word))


def _place_starts(doc: Doc | None) -> frozenset[int]:
    """Offsets where the model reads a one-word place (GPE/LOC). A word of a person's name
    seen earlier ("Tags Idlib", "Hama Abu Shadi" -- run-ons read as names) is still a place
    where the model itself reads it as one ("killed in Idlib")."""
    if doc is None:
        return frozenset()
    return frozenset(e.start_char for e in doc.ents if e.label_ in ("GPE", "LOC") and len(e) == 1)


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|of|at|from|to|into|outside|around|across|towards?|held|besieged)\s+$",
    re.IGNORECASE,
)


def _place_here(text: str, m: Mention, place_starts: frozenset[int]) -> bool:
    """The model reads this word as a place and a locative word stands before it ("killed in
    Idlib", "near Hama"): a place, though the word was part of a name earlier."""
    return m.start in place_starts and bool(
        _LOCATIVE_BEFORE.search(text[max(0, m.start - 12) : m.start])
    )


def _person_entities(gaz: Gazetteer, doc: Doc | None) -> list[Span]:
    """Multi-word PERSON entities (a one-word PERSON or ORG is not trusted: the small model
    tags "Aleppo" and "Dublin" so; measured, rejecting one-word ORG matches cost more recall
    than it gained precision), less run-on headline or list words the small model reads
    as a name: sizeable places joined to a calendar word, to a country's possessive written
    without the apostrophe, or led by a province, country or city of a million ("Hama
    Tuesday", "Syrias Hama", "Aleppo Hama"). Two towns alone stay a person ("Elizabeth
    Fairfield", "George Washington")."""
    if doc is None:
        return []
    return [
        ent
        for ent in doc.ents
        if ent.label_ in _PERSON_LABELS
        and len(ent) > 1
        and not _headline_run(gaz, [t.text for t in ent])
        and not gaz.has_key(fold(ent.text))
        and not _arabic_place_name(gaz, fold(ent.text))
    ]


def _arabic_place_name(gaz: Gazetteer, key: str) -> bool:
    """A name led by an Arabic place-name head that the gazetteer holds in some spelling."""
    first, _, rest = key.partition(" ")
    if first not in _ARABIC_GENERICS or not rest:
        return False
    variant = _ARABIC_GENERIC_VARIANTS.get(first, first)
    return bool(_skeleton_rows(gaz, key) or _skeleton_rows(gaz, f"{variant} {rest}"))


def _headline_run(gaz: Gazetteer, words: list[str]) -> bool:
    if _town_then_province(gaz, words):
        return True
    marked = False
    for k, word in enumerate(words):
        key = fold(word)
        if _CALENDAR_ABBR.match(word) or (
            key.endswith("s") and any(e.feature_code == "PCLI" for e in gaz.lookup_key(key[:-1]))
        ):
            marked = True
        elif not _notable_place(gaz, key):
            return False
        elif k == 0 and any(
            e.feature_code == "PCLI" or e.population >= 1_000_000 for e in gaz.lookup_key(key)
        ):
            marked = True
    return marked


def _town_then_province(gaz: Gazetteer, words: list[str]) -> bool:
    """The whole entity is a town followed by the admin1 area that holds it, the comma lost
    ("Qamishli Hasaka", "Azaz Aleppo"): a place and its province, not a person."""
    if len(words) < 2:
        return False
    key_a, key_b = fold(" ".join(words[:-1])), fold(words[-1])
    regions = {
        (e.country_code, e.admin1)
        for e in (*gaz.lookup_key(key_b), *_skeleton_lookup(gaz, key_b))
        if e.feature_code == "ADM1"
    }
    if not regions:
        return False
    towns = (*gaz.lookup_key(key_a), *_skeleton_rows(gaz, key_a))
    return any(
        e.feature_code.startswith("PPL") and (e.country_code, e.admin1) in regions for e in towns
    )
