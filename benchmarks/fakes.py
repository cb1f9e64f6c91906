"""Death tolls and governorates on FA-KES Syrian-war articles, through the whole extraction path.

For each article: spaCy, the geoparser, date resolution (published = the article's date) and
EventExtractor. Scored against the crowd annotations:
- toll: the sum of `fatalities` over the article's events is within 10% of
  civilians_killed + noncivilians_killed (exact when the gold total is 0);
- governorate: the admin1 of the article's main event (most fatalities, then confidence)
  matches the annotated governorate (GeoNames "Dimashq" and "Rif Dimashq" both count as
  Damascus, as the annotation has one Damascus label); an article without events is wrong.
Also reports articles/s including spaCy (timings are noisy on a shared machine).

With --sample: per-field precision of actors, dates and sources on the hand-checked sample in
benchmarks/data/extraction_sample.jsonl (every 40th article from the 6th, all their events, each
field judged right or wrong by reading the article; actor2 judged where not empty), and how many
of those sampled events the current code still produces with the same values (the judgments
describe the commit they were made on; re-judge when this drifts).

Measurement only: never tune rules to individual items of this set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from pathlib import Path

from eventwire.extract import EventExtractor
from eventwire.models import Document, Event
from eventwire.nlp import load_language
from eventwire.resolve.dates import find_dates
from eventwire.resolve.geo import Geoparser
from eventwire.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events"
SAMPLE = Path(__file__).resolve().parent / "data" / "extraction_sample.jsonl"
SAMPLED_FIELDS = ("actor1", "actor2", "event_date", "source")
GOVERNORATES = {
    "aleppo": "aleppo", "halab": "aleppo", "dimashq": "damascus", "damascus": "damascus",
    "rifdimashq": "damascus", "damascuscountryside": "damascus", "idlib": "idlib",
    "idleb": "idlib", "deirezzor": "deir ezzor", "dayrazzawr": "deir ezzor",
    "deirezzour": "deir ezzor", "raqqa": "raqqa", "arraqqah": "raqqa", "raqqah": "raqqa",
    "homs": "homs", "hims": "homs", "alhasakah": "hasakeh", "hasakah": "hasakeh",
    "hasakeh": "hasakeh", "hasaka": "hasakeh", "hama": "hama", "hamah": "hama",
    "daraa": "daraa", "dara": "daraa", "deraa": "daraa", "latakia": "lattakia",
    "lattakia": "lattakia", "allatiqiyah": "lattakia", "quneitra": "quneitra",
    "alqunaytirah": "quneitra", "tartus": "tartus", "assuwayda": "sweida", "sweida": "sweida",
}  # fmt: skip


def governorate(admin1: str | None) -> str | None:
    if not admin1:
        return None
    key = re.sub(r"[^a-z]", "", admin1.lower().replace("governorate", ""))
    return GOVERNORATES.get(key, key)


def main_event(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: (e.fatalities, e.confidence), default=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "fakes_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0 = all)")
    parser.add_argument("--errors", action="store_true", help="print per-article misses")
    parser.add_argument("--sample", action="store_true", help="score the hand-checked sample")
    args = parser.parse_args()
    if args.sample:
        score_sample(args.data)
        return

    settings = Settings()
    nlp = load_language(settings)
    geoparser = Geoparser.load(settings)
    extractor = EventExtractor(settings)
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit or None]
    toll_ok = gov_ok = with_events = 0
    n_events = 0
    extract_time = 0.0
    started = time.perf_counter()
    for row in rows:
        text = row["text"]
        published = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        document = Document(id=row["id"], text=text, published=published, outlet=row["outlet"])
        doc = nlp(text)
        places = geoparser.find_places(text, doc)
        dates = find_dates(text, published)
        tick = time.perf_counter()
        events = extractor.extract(document, doc, places, dates)
        extract_time += time.perf_counter() - tick
        n_events += len(events)
        with_events += bool(events)
        gold = int(row["civilians_killed"] or 0) + int(row["noncivilians_killed"] or 0)
        total = sum(e.fatalities for e in events)
        good_toll = abs(total - gold) <= 0.1 * gold if gold else total == 0
        toll_ok += good_toll
        main_ev = main_event(events)
        got = governorate(main_ev.admin1) if main_ev else None
        good_gov = got == row["governorate"]
        gov_ok += good_gov
        if args.errors and not (good_toll and good_gov):
            print(
                f"- {row['id']}: toll {total} vs {gold}; governorate {got} vs {row['governorate']}"
            )
    elapsed = time.perf_counter() - started
    n = max(1, len(rows))
    print(
        "| set | articles | toll within 10% | governorate right | with events | "
        "events/article | articles/s (incl. spaCy, geo) | extraction ms/article |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.data.name} | {len(rows)} | {toll_ok / n:.3f} | {gov_ok / n:.3f} | "
        f"{with_events / n:.3f} | {n_events / n:.2f} | {len(rows) / elapsed:.1f} | "
        f"{1000 * extract_time / n:.0f} |"
    )


def score_sample(data: Path) -> None:
    sample = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]
    print(
        f"| field | judged | right | precision |  (sample: {len(sample)} events, "
        f"{len({r['doc_id'] for r in sample})} articles)"
    )
    print("|---|---|---|---|")
    for name in SAMPLED_FIELDS:
        marks = [r["correct"][name] for r in sample if r["correct"][name] is not None]
        print(f"| {name} | {len(marks)} | {sum(marks)} | {sum(marks) / max(1, len(marks)):.2f} |")
    settings = Settings()
    nlp, geoparser = load_language(settings), Geoparser.load(settings)
    extractor = EventExtractor(settings)
    wanted = {r["doc_id"] for r in sample}
    now: dict[str, dict] = {}
    for line in data.open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] not in wanted:
            continue
        text = row["text"]
        published = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        document = Document(id=row["id"], text=text, published=published, outlet=row["outlet"])
        doc = nlp(text)
        places = geoparser.find_places(text, doc)
        for event in extractor.extract(document, doc, places, find_dates(text, published)):
            now[event.event_id] = event.to_record()
    same = sum(
        1
        for r in sample
        if r["event_id"] in now and all(now[r["event_id"]][f] == r[f] for f in SAMPLED_FIELDS)
    )
    print(f"\n{same}/{len(sample)} sampled events are still produced with the judged values.")


if __name__ == "__main__":
    main()
