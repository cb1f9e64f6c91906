"""Toponym disambiguation: population, feature class, country context, hierarchy, nearness."""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from eventwire.resolve.gazetteer import Entry
from eventwire.resolve.geo_candidates import Mention, admin_list, named_as_province
from eventwire.resolve.toponyms import ARTICLES, fold, skeleton

# Prior weight of a feature class: a bare "Georgia" is more often the country or state than
# a town of that name; "London" the capital.
_FEATURE_PRIOR = {"PCLI": 4.0, "CONT": 4.0, "ADM1": 2.0, "PPLC": 1.5, "ADM2": 0.5, "AIRP": -1.0}
# Population weighs less for admin areas: theirs is a sum over many towns.
_POPULATION_WEIGHT = {"ADM1": 0.25, "ADM2": 0.25}
_ADMIN_SUFFIX = re.compile(
    r"\s+(province|governorate|state|region|oblast|prefecture|department|district|county|"
    r"parish|municipality)\b",
    re.IGNORECASE,
)
_DISTRICT_WORDS = frozenset({"district", "county", "parish", "districts", "counties", "parishes"})
_NEAR_KM = 150.0
_ALONE_ALTERNATE = 500_000  # population above which an alternate-name match needs no support
_NEAR_DEG = _NEAR_KM / 111.0
# Population under which a place in a country no other name of the article supports, while
# other countries are named, is taken for a word or a name.
_ISOLATED = 50_000
# A town this big, a capital, a region or a country bearing the mention as its own name
# shadows candidates matched by an alternate name only (`_shadowed`), unless the article
# supports their country.
_NOTABLE_PRIMARY = 100_000
_SHADOW_RATIO = 10
_SHADOWED = 2.5
# Least country share of a notable place (capital, region, town of 100,000) whose country
# the article names, however many more names it gives of another country: "Paris" in a
# Newark story that names the French is Paris, France, not Paris, Texas.
_NAMED_SHARE = 0.5
# A quarter of a town: the gazetteer holds towns, so a namesake abroad is never it.
_NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|quarters?)\b", re.IGNORECASE)


def _prior(e: Entry, m: Mention) -> float:
    weight = _POPULATION_WEIGHT.get(e.feature_code, 0.5)
    score = weight * math.log10(e.population + 1) + _FEATURE_PRIOR.get(e.feature_code, 0.0)
    if e.feature_code == "AIRP" and "airport" in m.text.lower():
        score += 4.0
    if m.fuzzy:
        score -= 1.0
    elif m.key and _plain(e.name) != m.key:
        score -= 1.0  # matched by an alternate or historical name only
    return score


def _plain(name: str) -> str:
    return name.lower().replace("-", " ").replace("'", "")


def _best_prior(pool: tuple[Entry, ...], m: Mention) -> Entry:
    shadowed = _shadowed(pool, m)
    return max(pool, key=lambda e: _prior(e, m) - (_SHADOWED if e.id in shadowed else 0.0))


def _primary(e: Entry, m: Mention) -> bool:
    """The mention is the entry's own name (or its ASCII spelling), not an alternate one."""
    return not m.fuzzy and bool(m.key) and (_plain(e.name) == m.key or _area_key(e.name) == m.key)


def _notable_primary(e: Entry) -> bool:
    return e.feature_code in ("PCLI", "ADM1", "PPLC") or (
        e.feature_code.startswith("PPL") and e.population >= _NOTABLE_PRIMARY
    )


def _shadowed(pool: tuple[Entry, ...], m: Mention, ctx: _Context | None = None) -> frozenset[int]:
    """Candidates reached only by an alternate or historical name while a notable place
    abroad bears the mention as its own name: "Salem" is Salem (Oregon, or Tamil Nadu), not
    Jerusalem; "Victoria" not Hong Kong. A namesake ten times smaller than the alternate
    reading does not shadow it, nor one in the same country (the oblast "Kiev" beside the
    city Kyiv), nor one in a country the article's other names do not name while they name
    others (an article about Lebanese camps naming only Palestinians: "Saida" is not
    Saida, Algeria)."""
    if m.fuzzy or not m.key or m.demonym:
        return frozenset()
    primaries = [
        p
        for p in pool
        if _notable_primary(p) and _primary(p, m) and (ctx is None or not ctx.contradicted(m, p))
    ]
    if not primaries:
        return frozenset()
    return frozenset(
        e.id
        for e in pool
        if not _primary(e, m)
        and any(
            p.country_code != e.country_code and p.population * _SHADOW_RATIO >= e.population
            for p in primaries
        )
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough below a few hundred km, and cheap."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _drop_shadowed_regions(m: Mention, text: str) -> tuple[Entry, ...]:
    """A bare "Hama" is the city, not the governorate named after it; "Hama province" the
    governorate, and so is each name of a list that ends in one ("Idlib and Hama
    provinces", "Clay and Douglas counties")."""
    candidates = m.candidates
    suffix = _ADMIN_SUFFIX.match(text, m.end) or admin_list(text, m.start, m.end)
    if suffix:
        word = suffix.group(suffix.lastindex or 1).lower()
        wanted = ("ADM2",) if word in _DISTRICT_WORDS else ("ADM1", "ADM2")
        regions = tuple(e for e in candidates if e.feature_code in wanted)
        return regions or candidates
    towns = {
        (e.country_code, e.admin1)
        for e in candidates
        if e.feature_code.startswith("PPL")
        and e.population >= 50_000
        and _bears_name(e, m, candidates)
    }
    kept = tuple(
        e
        for e in candidates
        if e.feature_code not in ("ADM1", "ADM2") or (e.country_code, e.admin1) not in towns
    )
    return kept or candidates


def _bears_name(town: Entry, m: Mention, candidates: tuple[Entry, ...]) -> bool:
    """The town bears the mention as its name, so a bare mention of it is the town and not
    the admin1 area of that name around it: its own name, a spelling of it (Hamah for
    "Hama", Dar'a for "Daraa"), a name the area does not bear as its own, or a short form of
    a metropolis of a million or more (news writes "marched in New York" for the city; "New
    York state" still names the state). "Oklahoma" is the state's own name and only a short
    form of Oklahoma City's, so it is the state."""
    if _primary(town, m) or _skeleton_key(town.name) == skeleton(m.key):
        return True
    if town.population >= 1_000_000:
        return True
    return not any(
        a.feature_code == "ADM1"
        and a.country_code == town.country_code
        and a.admin1 == town.admin1
        and _primary(a, m)
        for a in candidates
    )


def _without(counts: dict[Any, float], key: Any, own: Any, weight: float) -> tuple[float, float]:
    """counts[key] and the largest count, after taking `weight` off counts[own]."""
    top = max(
        (v - weight if k == own else v for k, v in counts.items()),
        default=0.0,
    )
    value = counts.get(key, 0.0) - (weight if key == own else 0.0)
    return value, top


@functools.lru_cache(maxsize=1 << 14)
def _unarticled(name: str) -> str:
    """The name without its leading Arabic article: news writes "Zabadani" for the
    gazetteer's Az Zabadani and "Bab" for Al Bab, the town's own name all the same."""
    first, _, rest = _plain(name).partition(" ")
    return rest if rest and first in ARTICLES else ""


@functools.lru_cache(maxsize=1 << 14)
def _area_key(name: str) -> str:
    return fold(name)


@functools.lru_cache(maxsize=1 << 14)
def _skeleton_key(name: str) -> str:
    return skeleton(fold(name))


class _Hierarchy:
    """Districts and towns named in one article that fit together: "Walker County" and
    "Huntsville" are both read in Texas because Texas has a Huntsville in a Walker County."""

    def __init__(self, pools: list[tuple[Entry, ...]], mentions: Sequence[Mention]) -> None:
        self._districts: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
        self._towns: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
        for pool, m in zip(pools, mentions, strict=True):
            for e in pool:
                if e.feature_code == "ADM2":
                    self._districts[(e.country_code, e.admin1, _area_key(e.name))].add(m.key)
                elif e.admin2 and e.feature_code.startswith("PPL"):
                    self._towns[(e.country_code, e.admin1, _area_key(e.admin2))].add(m.key)

    def linked(self, m: Mention, e: Entry) -> bool:
        if e.feature_code == "ADM2":
            keys = self._towns.get((e.country_code, e.admin1, _area_key(e.name)), ())
        elif e.admin2 and e.feature_code.startswith("PPL"):
            keys = self._districts.get((e.country_code, e.admin1, _area_key(e.admin2)), ())
        else:
            return False
        return any(key != m.key for key in keys)


_CELL_DEG = 1.5  # grid cell for _Cluster: a 3x3 block covers _NEAR_KM in latitude
_POINT_FEATURES = ("PCLI", "CONT", "ADM1")  # areas at a representative point, not a place


class _Cluster:
    """Readings of two different ambiguous names that lie near each other ("London" and
    "St. Thomas" both in Ontario): each makes the other more likely, before either is
    picked (Leidner's spatial minimality). Only places and districts count, not areas
    represented by a single point, and only readings abroad from both names' most
    prominent ones: within a country the admin1 votes already decide, and namesakes there
    are so dense (Alexandria, Arlington, Hartford) that chance pairs within 150 km are common
    (LGL with any pair: 16 right readings lost, 7 gained; abroad only: 5 lost, 7 gained;
    TR-News 10 gained)."""

    def __init__(
        self, pools: list[tuple[Entry, ...]], mentions: Sequence[Mention], picks: list[Entry]
    ) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
        self._home: dict[str, str] = {}
        self._seen: dict[tuple[str, int], bool] = {}  # a name repeats; its readings do too
        for pool, m, pick in zip(pools, mentions, picks, strict=True):
            if len(pool) < 2 or m.demonym or (m.key or m.text) in self._home:
                continue
            self._home[m.key or m.text] = pick.country_code
            for e in pool:
                if e.feature_code not in _POINT_FEATURES and e.country_code != pick.country_code:
                    self._cells[self._cell(e.latitude, e.longitude)].append(
                        (m.key or m.text, e.latitude, e.longitude)
                    )

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)

    def supported(self, m: Mention, e: Entry) -> bool:
        if not self._cells or e.feature_code in _POINT_FEATURES:
            return False
        key = m.key or m.text
        if self._home.get(key, e.country_code) == e.country_code:
            return False
        seen = self._seen.get((key, e.id))
        if seen is None:
            ci, cj = self._cell(e.latitude, e.longitude)
            seen = self._seen[(key, e.id)] = any(
                other != key and _km(lat, lon, e.latitude, e.longitude) < _NEAR_KM
                for di in (-1, 0, 1)
                for dj in (-1, 0, 1)
                for other, lat, lon in self._cells.get((ci + di, cj + dj), ())
            )
        return seen


class _Context:
    """What the whole article says about where it is: countries, admin1 areas, points.

    Each distinct name votes once, and a mention's own name does not vote for its own
    reading (three "Gainesville"s do not make Florida the article's state).
    """

    def __init__(
        self,
        picks: list[Entry],
        mentions: Sequence[Mention],
        links: _Hierarchy,
        cluster: _Cluster,
    ) -> None:
        self.links = links
        self.cluster = cluster
        self._by_key: dict[str, tuple[str, float, tuple[str, str | None] | None, float]] = {}
        for e, m in zip(picks, mentions, strict=True):
            if e.feature_code == "CONT" or m.key in self._by_key:
                continue
            weight = 1.0 if e.feature_code in ("PCLI", "ADM1") or m.demonym else 0.7
            area = None if e.feature_code == "PCLI" or m.demonym else (e.country_code, e.admin1)
            area_weight = 1.0 if e.feature_code == "ADM1" else 0.5
            self._by_key[m.key or m.text] = (e.country_code, weight, area, area_weight)
        self.votes: dict[str, float] = defaultdict(float)
        self.areas: dict[tuple[str, str | None], float] = defaultdict(float)
        self.named: dict[str, set[str]] = defaultdict(set)  # country -> names that name it
        for key, (cc, weight, area, area_weight) in self._by_key.items():
            self.votes[cc] += weight
            if area is None:  # the country itself or its demonym
                self.named[cc].add(key)
            else:
                self.areas[area] += area_weight
        self.top = max(self.votes.values(), default=1.0)
        self.top_area = max(self.areas.values(), default=1.0)
        self.points = [
            (m.key or m.text, e.latitude, e.longitude)
            for e, m in zip(picks, mentions, strict=True)
            if e.feature_code not in ("PCLI", "CONT", "ADM1")
        ]

    def shares(self, m: Mention, e: Entry) -> tuple[float, float]:
        """(country share, admin1 share) of `e`'s country and area among the other names'
        votes: `m`'s own vote is taken out of both the count and the top it is divided by."""
        own = self._by_key.get(m.key or m.text)
        if own is None:
            votes, top = self.votes.get(e.country_code, 0.0), self.top
            area, top_area = self.areas.get((e.country_code, e.admin1), 0.0), self.top_area
        else:
            votes, top = _without(self.votes, e.country_code, own[0], own[1])
            area, top_area = _without(self.areas, (e.country_code, e.admin1), own[2], own[3])
        country = votes / top if top else 0.0
        if country < _NAMED_SHARE and _notable_primary(e) and self.names_country(m, e):
            country = _NAMED_SHARE
        return country, (area / top_area if top_area else 0.0)

    def names_country(self, m: Mention, e: Entry) -> bool:
        """Another name of the article is `e`'s country itself or its demonym ("French")."""
        return bool(self.named.get(e.country_code, frozenset()) - {m.key or m.text})

    def contradicted(self, m: Mention, e: Entry) -> bool:
        """The article's other names vote for countries, and none for `e`'s."""
        own = self._by_key.get(m.key or m.text)
        if own is None:
            votes, top = self.votes.get(e.country_code, 0.0), max(self.votes.values(), default=0.0)
        else:
            votes, top = _without(self.votes, e.country_code, own[0], own[1])
        return votes <= 0.0 and top >= 1.0

    def country_supported(self, m: Mention, e: Entry) -> bool:
        return self.shares(m, e)[0] >= 0.5

    def near(self, m: Mention, e: Entry) -> bool:
        """Another name of the article is read within _NEAR_KM of `e` (the same name
        repeated is no support for its own reading)."""
        lat0, lon0 = e.latitude, e.longitude
        key = m.key or m.text
        return any(
            other != key
            and abs(lat - lat0) < _NEAR_DEG  # cheap reject before the distance
            and _km(lat, lon, lat0, lon0) < _NEAR_KM
            for other, lat, lon in self.points
        )


def rank_mentions(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Entry, float]]:
    """One entry per mention, with a 0..1 confidence; weak fuzzy matches are dropped.

    Two passes: picks by prior alone give the article's countries and admin areas, picks in
    that context give them again, and the final picks are made in the second context.
    """
    if not mentions:
        return []
    pools = [_drop_shadowed_regions(m, text) for m in mentions]
    parents = [
        _comma_parents(text, m, mentions[k + 1] if k + 1 < len(mentions) else None)
        for k, m in enumerate(mentions)
    ]
    picks = [_best_prior(pool, m) for pool, m in zip(pools, mentions, strict=True)]
    links = _Hierarchy(pools, mentions)
    cluster = _Cluster(pools, mentions, picks)
    ctx = _Context(picks, mentions, links, cluster)
    ranked = [_rank(k, m, pools[k], ctx, parents[k]) for k, m in enumerate(mentions)]
    ctx = _Context([r[0][1] for r in ranked], mentions, links, cluster)
    final = [_rank(k, m, pools[k], ctx, parents[k]) for k, m in enumerate(mentions)]
    # A namesake the text puts in another province is wrong wherever the name recurs.
    elsewhere = {
        (m.key, scored[0][1].id)
        for k, (m, scored) in enumerate(zip(mentions, final, strict=True))
        if _told_outside(text, scored[0][1], parents[k], mentions[k + 1 : k + 2])
    }
    out: list[tuple[Mention, Entry, float]] = []
    for m, scored in zip(mentions, final, strict=True):
        best_s, best = scored[0]
        if _unsupported(m, best, ctx, text) or (m.key, best.id) in elsewhere:
            continue
        margin = best_s - scored[1][0] if len(scored) > 1 else 5.0
        out.append((m, best, 1.0 / (1.0 + math.exp(-margin))))
    return out


def _unsupported(m: Mention, e: Entry, ctx: _Context, text: str = "") -> bool:
    """A place matched only loosely (by skeleton) or by an alternate name, with no support
    from the article's countries or admin areas: more likely a word or a name ("Xinhua",
    "Leelah"). Big cities and regions stand alone."""
    if e.feature_code in ("PCLI", "CONT") or m.demonym:
        return False
    alternate = _plain(e.name) != m.key and _unarticled(e.name) != m.key
    country, area = ctx.shares(m, e)
    if country == 0.0 and ctx.top >= 2.0 and _NEIGHBOURHOOD_AFTER.match(text, m.end):
        return True  # "the Sulaymaniyah neighborhood" of a Syrian city: not the Iraqi city
    if m.fuzzy and e.feature_code != "ADM1" and country == 0.0 and ctx.top >= 1.0:
        return True  # a loose spelling abroad where the article names another country
    if (m.fuzzy or e.feature_code == "ADM1") and country == 0.0 and ctx.top >= 2.0:
        # a loose spelling or a small admin area abroad in an article about elsewhere
        # ("Orum" as Orem, Utah, "Grad" as a Slovenian municipality in Syrian reports)
        return e.feature_code != "ADM1" or e.population < _ISOLATED or m.fuzzy
    if e.feature_code == "ADM1":
        return False
    if e.population >= (_ALONE_ALTERNATE if alternate else 50_000):
        return False
    if e.population < _ISOLATED and country == 0.0 and ctx.top >= 2.0:
        return True  # a village in a country nothing else in the article is in ("Assads")
    if m.fuzzy:
        return country < 0.5
    if alternate and _alone_after_in(m, e, ctx, text):
        return False
    return alternate and (country < 0.5 or (area == 0.0 and e.population < 50_000))


# A preposition of place right before a name ("in Hama", "near Deraa").
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around|inside)\s+$", re.IGNORECASE)


def _alone_after_in(m: Mention, e: Entry, ctx: _Context, text: str) -> bool:
    """A town of 50,000 or more named by a common spelling after "in" or "near", in a text
    that names no country at all to support or contradict it (a one-line report: "Shelling
    in Hama killed 4", "clashes in Deraa"): the town."""
    if ctx.top >= 1.0 or e.population < _ISOLATED:
        return False
    return _LOCATIVE_BEFORE.search(text, max(0, m.start - 10), m.start) is not None


def _rank(
    k: int, m: Mention, pool: tuple[Entry, ...], ctx: _Context, parents: list[Entry]
) -> list[tuple[float, Entry]]:
    famous = _famous_population(m)
    shadowed = _shadowed(pool, m, ctx)
    scored = []
    for e in pool:
        s = _score(e, m, k, ctx, parents, famous)
        if e.id in shadowed and not ctx.country_supported(m, e):
            s -= _SHADOWED
        scored.append((s, e))
    return sorted(scored, key=lambda se: -se[0])


def _score(e: Entry, m: Mention, k: int, ctx: _Context, parents: list[Entry], famous: int) -> float:
    country, area = ctx.shares(m, e)
    if famous >= _FAMOUS_POPULATION and e.population * _NAMESAKE_RATIO < famous:
        # A village named after a world city or a region ("Moscow", Pennsylvania;
        # "Queensland", Alberta): the article's country alone is weak evidence for it
        # against the famous place ("Moscow, Pa." still counts in full, below).
        country, area = country / 2, area / 2
    s = _prior(e, m) + 4.0 * country
    if _unknown_size(e, m, ctx, country):
        s += _POPULATION_WEIGHT.get(e.feature_code, 0.5) * math.log10(_UNKNOWN_TOWN + 1)
    if e.feature_code != "PCLI":
        s += 2.5 * area  # an admin1 that holds the other places, or a town inside it
    if any(_inside(e, p) for p in parents):
        s += 6.0
    if len(m.candidates) > 1 and ctx.near(m, e):
        s += 1.0
    if len(m.candidates) > 1 and ctx.cluster.supported(m, e):
        s += _CLUSTER_BONUS
    if ctx.links.linked(m, e):
        s += 2.0
    return s


def _unknown_size(e: Entry, m: Mention, ctx: _Context, country: float) -> bool:
    """GeoNames gives 0 for a town whose size it does not know (Ra's al 'Ayn, a Syrian town of
    30,000): in the country the article names and is most about, and the only town of the
    name there, it is taken to have at least the floor of the cities500 table."""
    return (
        e.population == 0
        and e.feature_code.startswith("PPL")
        and country >= 1.0
        and ctx.names_country(m, e)
        and not any(c.country_code == e.country_code and c.id != e.id for c in m.candidates)
    )


def _famous_population(m: Mention) -> int:
    """Population of the biggest town, capital, region or country the mention may name."""
    return max((c.population for c in m.candidates if c.feature_code in _FAMOUS), default=0)


_CLUSTER_BONUS = 1.0
_UNKNOWN_TOWN = 500  # the population floor of GeoNames' cities500 table
_FAMOUS = frozenset({"PPLC", "ADM1", "PCLI", "PPL"})
_FAMOUS_POPULATION = 1_000_000
_NAMESAKE_RATIO = 1000


def _inside(e: Entry, region: Entry) -> bool:
    if e.id == region.id or e.country_code != region.country_code:
        return False
    return region.feature_code == "PCLI" or (
        region.feature_code == "ADM1" and e.admin1 == region.admin1
    )


def _comma_parents(text: str, m: Mention, following: Mention | None) -> list[Entry]:
    """Regions named right after a mention: "Hama, Syria" or "Edmonton, Ky."; also the
    province a place is told to lie in or beside ("al-Malaah northwest of Aleppo Province",
    "Deir Hafer in the east of Aleppo province")."""
    if following is None:
        return []
    between = text[m.end : following.start]
    if between.strip() not in (",", "") and not _IN_REGION.fullmatch(between):
        return []
    if between.strip() not in (",", "") and not named_as_province(text, following):
        return []
    return [e for e in following.candidates if e.feature_code in ("PCLI", "ADM1")]


def _told_outside(text: str, e: Entry, parents: list[Entry], following: Sequence[Mention]) -> bool:
    """A place the text puts in a named province ("al-Malaah northwest of Aleppo Province")
    read as a namesake in another province: the text's province wins, the namesake is none.
    `parents`: the mention's `_comma_parents`; `following`: the next mention, if any."""
    provinces = [p for p in parents if p.feature_code == "ADM1"]
    if not provinces or not following or not named_as_province(text, following[0]):
        return False
    return e.feature_code not in ("ADM1", "PCLI") and not any(_inside(e, p) for p in provinces)


_DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
# What may stand between a place and the province it lies in.
_IN_REGION = re.compile(
    rf"\s*,?\s*(?:(?:in|of)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?|"
    rf"(?:(?:to\s+)?the\s+)?{_DIRECTION}\s+(?:of|in)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?|"
    rf"in\s+the\s+{_DIRECTION}\s+of\s+)",
    re.IGNORECASE,
)
