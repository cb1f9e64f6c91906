"""Toponym disambiguation: population, feature class, country context, hierarchy, nearness."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

from eventwire.resolve.gazetteer import Entry, Gazetteer
from eventwire.resolve.geo_candidates import Mention

_FEATURE_BONUS = {"PCLI": 6.0, "ADM1": 2.5, "PPLC": 1.5, "ADM2": 0.5, "AIRP": 0.0, "PPL": 0.0}
_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


def _base_score(e: Entry, m: Mention) -> float:
    score = math.log10(e.population + 1) + _FEATURE_BONUS.get(e.feature_code, 0.0)
    if m.fuzzy:
        score -= 1.0
    return score


def _km(a: Entry, b: Entry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(region: Entry, e: Entry) -> bool:
    if region.feature_code == "PCLI":
        return e.country_code == region.country_code and e.id != region.id
    if region.feature_code == "ADM1":
        return (
            e.country_code == region.country_code
            and e.admin1 == region.admin1
            and e.id != region.id
        )
    return False


def _top(m: Mention) -> Entry:
    return max(m.candidates, key=lambda e: _base_score(e, m))


def _country_context(gaz: Gazetteer, text: str, first: list[Entry]) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    for e in first:
        votes[e.country_code] += 2.0 if e.feature_code in ("PCLI", "ADM1") else 1.0
    for m in _DEMONYM.finditer(text):
        code = gaz.demonyms.get(m.group())
        if code:
            votes[code] += 1.0
    return votes


def rank_mentions(
    gaz: Gazetteer, text: str, mentions: Sequence[Mention]
) -> list[tuple[Mention, Entry, float]]:
    """One entry per mention, with a 0..1 confidence."""
    if not mentions:
        return []
    first = [_top(m) for m in mentions]
    votes = _country_context(gaz, text, first)
    total = sum(votes.values()) or 1.0
    anchors = [e for e in first if e.feature_code in ("PCLI", "ADM1") or e.population > 500_000]
    out: list[tuple[Mention, Entry, float]] = []
    for k, m in enumerate(mentions):
        candidates = _drop_shadowed_regions(m.candidates, text, m.end)
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        comma_region = _comma_parent(text, m, following)
        scored: list[tuple[float, Entry]] = []
        for e in candidates:
            s = _base_score(e, m) + 4.0 * votes.get(e.country_code, 0.0) / total
            if comma_region is not None and any(_contains(r, e) for r in comma_region):
                s += 6.0
            if any(_contains(a, e) for a in anchors):
                s += 1.5
            near = [a for a in first if a is not first[k] and a.id != e.id]
            if near and min(_km(a, e) for a in near) < 150:
                s += 1.0
            scored.append((s, e))
        scored.sort(key=lambda se: -se[0])
        best_s, best = scored[0]
        if m.fuzzy and best.population < 20_000 and votes.get(best.country_code, 0) < 1:
            continue  # a loose spelling match needs support from the article's countries
        margin = best_s - scored[1][0] if len(scored) > 1 else 5.0
        out.append((m, best, 1.0 / (1.0 + math.exp(-margin))))
    return out


_ADMIN_SUFFIX = re.compile(
    r"\s+(province|governorate|state|region|oblast|prefecture|department|district|county)\b",
    re.IGNORECASE,
)


def _drop_shadowed_regions(candidates: tuple[Entry, ...], text: str, end: int) -> tuple[Entry, ...]:
    """A bare "Hama" is the city, not the governorate named after it; "Hama province" the
    governorate."""
    suffix = _ADMIN_SUFFIX.match(text, end)
    if suffix:
        word = suffix.group(1).lower()
        wanted = ("ADM2",) if word in ("district", "county") else ("ADM1", "ADM2")
        regions = tuple(e for e in candidates if e.feature_code in wanted)
        return regions or candidates
    towns = {(e.country_code, e.admin1) for e in candidates if e.feature_code.startswith("PPL")}
    kept = tuple(
        e
        for e in candidates
        if e.feature_code not in ("ADM1", "ADM2") or (e.country_code, e.admin1) not in towns
    )
    return kept or candidates


def _comma_parent(text: str, m: Mention, following: Mention | None) -> list[Entry] | None:
    """Regions named right after a mention: "Hama, Syria" or "Springfield, Illinois"."""
    if following is None:
        return None
    gap = text[m.end : following.start]
    if gap.strip() not in (",", "", "in") or len(gap) > 4:
        return None
    regions = [e for e in following.candidates if e.feature_code in ("PCLI", "ADM1")]
    return regions or None
