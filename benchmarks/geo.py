"""Geoparsing accuracy and cost on gold toponym corpora (LGL, TR-News); prints a markdown table.

Toponyms match when their spans overlap; for matched ones the distance between our point and
the gold GeoNames point gives accuracy within 161 km and the median error. Gold demonyms
("Syrian") are counted unless --toponyms-only drops them from the gold side.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import time
from pathlib import Path

from eventwire.models import Place
from eventwire.resolve.gazetteer import load_gazetteer
from eventwire.resolve.geo import Geoparser
from eventwire.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


REGIONS = {"PCLI", "PCLD", "PCLS", "PCLIX", "ADM1", "CONT", "RGN", "OCN", "SEA", "TERR"}


def score_doc(
    gold: list[dict], found: list[Place]
) -> tuple[int, int, int, list[float], list[float]]:
    """(true positives, false positives, false negatives, km errors of matched toponyms,
    km errors of matched toponyms that are not countries, first-order regions or continents)."""
    used: set[int] = set()
    errors: list[float] = []
    local: list[float] = []
    tp = 0
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
        tp += 1
        p = found[match]
        err = km(p.latitude, p.longitude, float(g["latitude"]), float(g["longitude"]))
        errors.append(err)
        if g.get("fcode") not in REGIONS:
            local.append(err)
    return tp, len(found) - len(used), len(gold) - tp, errors, local


def run(path: Path, geoparser: Geoparser, *, nlp: object, limit: int, demonyms: bool) -> dict:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][: limit or None]
    tp = fp = fn = 0
    errors: list[float] = []
    local: list[float] = []
    elapsed = 0.0
    words = 0
    demonym_names = geoparser.gazetteer.demonyms
    for row in rows:
        text = row["text"]
        doc = nlp(text) if nlp is not None else None  # type: ignore[operator]
        t0 = time.process_time()  # CPU time: the machine is shared, wall time is noisy
        found = geoparser.find_places(text, doc, demonyms=demonyms)
        elapsed += time.process_time() - t0
        words += len(text.split())
        gold = [g for g in row["toponyms"] if demonyms or g["phrase"] not in demonym_names]
        a, b, c, e, loc = score_doc(gold, found)
        tp, fp, fn = tp + a, fp + b, fn + c
        errors.extend(e)
        local.extend(loc)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "docs": len(rows),
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "acc161": sum(x <= 161 for x in errors) / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "acc161_local": sum(x <= 161 for x in local) / len(local) if local else 0.0,
        "ms_per_600w": 1000 * elapsed / max(words, 1) * 600,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the jsonl files")
    parser.add_argument("--sets", nargs="+", default=["trnews_dev", "lgl"])
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    parser.add_argument("--nlp", action="store_true", help="pass spaCy Docs (NER) as well")
    parser.add_argument("--toponyms-only", action="store_true", help="drop gold demonyms")
    args = parser.parse_args()
    t0 = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load_gazetteer.cache_clear()
    geoparser = Geoparser.load(Settings())
    load_s = time.perf_counter() - t0
    load_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
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
        "| CPU ms / 600 words |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in args.sets:
        res = run(
            args.data / f"{name}.jsonl",
            geoparser,
            nlp=nlp,
            limit=args.limit,
            demonyms=not args.toponyms_only,
        )
        print(
            f"| {name} | {res['docs']} | {res['P']:.3f} | {res['R']:.3f} | {res['F1']:.3f} "
            f"| {res['acc161']:.3f} | {res['median_km']:.0f} | {res['acc161_local']:.3f} "
            f"| {res['ms_per_600w']:.2f} |"
        )


if __name__ == "__main__":
    main()
