"""Clustering quality on FA-KES dev against the hand-labelled gold set: pairwise P/R/F1.

Articles are ingested into a fresh SQLite store (the real incremental path). Two articles are
predicted to report one incident when some stored event lists both among its documents; the
gold pairs come from benchmarks/data/cluster_gold_fakes.json (how it was built is written
there). Rows:
  pipeline     reports extracted by eventwire's own pipeline (end to end)
  annotations  reports built from FA-KES's crowd annotations (date, governorate, cause, actor):
               the clustering rules on clean fields. Optimistic: the gold's candidate blocks
               used the same date/governorate fields.
  no-cluster   every report its own event (recall floor)
After the table: the predicted lead pairs that are not gold pairs, and how many of them cross
the gold's candidate blocks (never read by hand: unjudged rather than known wrong); then, for
the pipeline, which rules the lead events of each gold pair fail.

  .venv/bin/python benchmarks/cluster_fakes.py [--source pipeline|annotations|both]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FAKES = REPO.parent / "shared" / "data" / "events" / "fakes_dev.jsonl"
GOLD = REPO / "benchmarks" / "data" / "cluster_gold_fakes.json"

# Governorate seats (GeoNames coordinates), for the annotation-built reports.
SEATS = {
    "aleppo": ("Aleppo", 36.20124, 37.16117),
    "damascus": ("Damascus", 33.5102, 36.29128),
    "idlib": ("Idlib", 35.93062, 36.63393),
    "deir ezzor": ("Deir ez-Zor", 35.33588, 40.14084),
    "raqqa": ("Ar Raqqah", 35.95283, 39.00788),
    "homs": ("Homs", 34.72682, 36.72339),
    "hasakeh": ("Al Hasakah", 36.50237, 40.74772),
    "hama": ("Hama", 35.13179, 36.75783),
    "daraa": ("Daraa", 32.61889, 36.10213),
    "lattakia": ("Latakia", 35.53168, 35.79011),
    "quneitra": ("Quneitra", 33.12536, 35.82483),
}
CAUSES = {
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "chemical and toxic gases": ("Explosions/Remote violence", "Chemical weapon"),
    "shooting": ("Battles", "Armed clash"),
    "execution": ("Violence against civilians", "Attack"),
    "unknown": ("Battles", "Armed clash"),
}


def load_articles() -> list[dict[str, Any]]:
    seen: set[str] = set()
    rows = []
    for line in FAKES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in seen:  # three ids occur twice; keep the first row
            seen.add(row["id"])
            rows.append(row)
    return rows


def gold_pairs(ids: set[str]) -> tuple[set[frozenset[str]], int]:
    clusters = json.loads(GOLD.read_text(encoding="utf-8"))["clusters"]
    pairs = {
        frozenset(p) for members in clusters.values() for p in itertools.combinations(members, 2)
    }
    in_clusters = {m for members in clusters.values() for m in members}
    incidents = len(clusters) + len(ids - in_clusters)
    return pairs, incidents


def documents_from_pipeline(articles: list[dict[str, Any]], cache: Path | None) -> list[Any]:
    """The pipeline's documents; with --cache, read from / written to a jsonl file."""
    from eventwire.models import Document, Event

    if cache and cache.is_file():
        documents = []
        for line in cache.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            documents.append(
                Document(
                    id=r["id"],
                    text=r["text"],
                    outlet=r.get("outlet"),
                    published=dt.date.fromisoformat(r["published"]) if r.get("published") else None,
                    duplicate_of=r.get("duplicate_of"),
                    events=tuple(Event.from_record(e) for e in r.get("events") or ()),
                )
            )
        return documents
    documents = run_pipeline(articles)
    if cache:
        with cache.open("w", encoding="utf-8") as out:
            for d in documents:
                out.write(json.dumps(d.to_record(events=True)) + "\n")
    return documents


def run_pipeline(articles: list[dict[str, Any]]) -> list[Any]:
    from eventwire.errors import InputError
    from eventwire.pipeline import Pipeline
    from eventwire.read import record_to_raw
    from eventwire.settings import Settings

    items = [
        record_to_raw(
            {
                "id": a["id"],
                "title": a["title"],
                "text": a["text"],
                "published": a["date"],
                "outlet": a["outlet"],
            },
            f"fakes:{n}",
        )
        for n, a in enumerate(articles, start=1)
    ]
    pipeline = Pipeline(Settings(progress=False), "extract")
    return [d for d in pipeline.run(items) if not isinstance(d, InputError)]


def documents_from_annotations(articles: list[dict[str, Any]]) -> list[Any]:
    from eventwire.extract.taxonomy import disorder_type
    from eventwire.models import Document, Event

    documents = []
    for a in articles:
        location, lat, lon = SEATS[a["governorate"]]
        event_type, sub = CAUSES[a["cause_of_death"]]
        actor = a["actor"] if a["actor"] != "unknown" else "Unidentified Armed Group (Syria)"
        toll = int(a["civilians_killed"] or 0) + int(a["noncivilians_killed"] or 0)
        day = dt.date.fromisoformat(a["date"])
        event = Event(
            event_id=f"{a['id']}-0",
            event_date=day,
            time_precision=1,
            disorder_type=disorder_type(sub),
            event_type=event_type,
            sub_event_type=sub,
            actor1=actor,
            inter1=0,
            interaction=0,
            country="Syria",
            iso=760,
            location=location,
            latitude=lat,
            longitude=lon,
            geo_precision=3,
            source=a["outlet"],
            notes="",
            fatalities=toll,
            fatalities_low=toll,
            confidence=0.5,
            admin1=a["governorate"],
        )
        documents.append(
            Document(id=a["id"], text=a["text"], published=day, outlet=a["outlet"], events=(event,))
        )
    return documents


def lead_reports(documents: list[Any]) -> dict[str, str]:
    """Each article's lead report id: its first extracted event (news leads with the incident);
    a syndicated copy's lead is its copy of the original's lead."""
    leads: dict[str, str] = {}
    for d in documents:
        if d.events:
            leads[d.id] = d.events[0].event_id
    for d in documents:
        if not d.events and d.duplicate_of in leads:
            leads[d.id] = f"{d.id}:{leads[d.duplicate_of]}"
    return leads


def gold_pair_leads(
    documents: list[Any], clusters: dict[str, list[str]]
) -> Iterator[tuple[Any, Any] | None]:
    """The two lead reports of each gold pair, or None where an article has no event."""
    from eventwire.cluster import reports_of

    by_id = {d.id: d for d in documents}
    for members in clusters.values():
        for a, b in itertools.combinations(members, 2):
            ra = reports_of(by_id[a]) if a in by_id else []
            rb = reports_of(by_id[b]) if b in by_id else []
            yield (ra[0], rb[0]) if ra and rb else None


def blame(documents: list[Any], clusters: dict[str, list[str]]) -> Counter[str]:
    """For each gold pair, which rules the two articles' lead events fail (diagnosis)."""
    from eventwire.cluster import rules

    out: Counter[str] = Counter()
    for leads in gold_pair_leads(documents, clusters):
        if leads is None:
            out["an article has no event"] += 1
            continue
        x, y = leads
        failed = [
            name
            for name, ok in (
                ("type", rules.sub_events_compatible(x.sub_event_type, y.sub_event_type)),
                ("date", rules.dates_compatible(x, y)),
                ("place", rules.places_compatible(x, y)),
                ("actors", rules.actors_compatible(x, y)),
            )
            if not ok
        ]
        if not failed:
            if rules.compatible(x, y):
                out["none (linked)"] += 1
            elif rules.tolls_conflict(x, y):
                out["none, but the tolls conflict"] += 1
            else:
                out["none, but one names nobody: not the same type, day and town"] += 1
        elif rules.compatible(x, y):
            out[" + ".join(failed) + " (linked: corroborated)"] += 1
        else:
            out[" + ".join(failed)] += 1
    return out


def date_misses(documents: list[Any], clusters: dict[str, list[str]]) -> Counter[str]:
    """Gold pairs whose lead events fail the date rule, by where each date came from (the
    report's own day: dateline, publication day or a quoted statement's; else the text) and
    how many days apart the two are (diagnosis)."""
    from eventwire.cluster import rules

    out: Counter[str] = Counter()
    for leads in gold_pair_leads(documents, clusters):
        if leads is None or rules.dates_compatible(*leads):
            continue
        if not hasattr(leads[0], "dated_by_report"):  # rules older than the date's source
            return out
        x, y = sorted(leads, key=lambda r: r.event_date)
        days = (y.event_date - x.event_date).days
        source = {True: "its report's day", False: "the text"}
        span = "1 day" if days == 1 else f"{days} days" if days < 4 else "4 or more days"
        out[
            f"{span}: earlier by {source[x.dated_by_report]}, later by {source[y.dated_by_report]}"
        ] += 1
    return out


def candidate_blocks(articles: list[dict[str, Any]]) -> dict[str, str]:
    """Each article's candidate block as the gold set was built: the same annotated governorate
    and annotated dates that chain within 3 days. Pairs across blocks were never read by hand
    (the gold assumes them different), so a predicted pair there is unjudged, not known wrong."""
    block: dict[str, str] = {}
    by_governorate: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        by_governorate.setdefault(a["governorate"], []).append(a)
    for governorate, members in by_governorate.items():
        members.sort(key=lambda a: a["date"])
        number, previous = 0, None
        for a in members:
            day = dt.date.fromisoformat(a["date"])
            if previous is not None and (day - previous).days > 3:
                number += 1
            block[a["id"]], previous = f"{governorate}:{number}", day
    return block


def pairs_of(groups: Any) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


def cluster(documents: list[Any], seed: int | None) -> dict[str, Any]:
    """Ingest into a fresh SQLite store (shuffled when seed is given); predicted pairs."""
    from eventwire.store import open_store

    docs = documents[:]
    if seed is not None:
        random.Random(seed).shuffle(docs)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        for start in range(0, len(docs), 32):
            store.put_documents(docs[start : start + 32])
        seconds = time.perf_counter() - started
        rows = store._execute("SELECT report_id, document_id, event_id FROM reports").fetchall()
        counts = store.counts()
        store.close()
    members: dict[str, set[str]] = {}
    event_of = {}
    for report_id, document_id, event_id in rows:
        members.setdefault(event_id, set()).add(document_id)
        event_of[report_id] = event_id
    by_lead: dict[str, list[str]] = {}
    for doc_id, report_id in lead_reports(documents).items():
        if report_id in event_of:
            by_lead.setdefault(event_of[report_id], []).append(doc_id)
    return {
        "any": pairs_of(members.values()),
        "lead": pairs_of(by_lead.values()),
        "reports": len(rows),
        "events": counts["events"],
        "largest": max((len(d) for d in members.values()), default=0),
        "seconds": seconds,
    }


def incident_errors(
    predicted: set[frozenset[str]], clusters: dict[str, list[str]]
) -> tuple[int, int]:
    """Errors counted by incident, not by article pair (one incident of 11 articles is 55
    pairs): how many more pieces the gold incidents are split into than one each, and how
    many pairs of distinct incidents (a gold incident or an unlisted article) are joined."""
    incident = {doc: name for name, members in clusters.items() for doc in members}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in map(sorted, predicted):
        parent[find(a)] = find(b)
    pieces = sum(len({find(d) for d in members}) - 1 for members in clusters.values())
    joined = {
        frozenset((incident.get(a, a), incident.get(b, b)))
        for a, b in map(sorted, predicted)
        if incident.get(a, a) != incident.get(b, b)
    }
    return pieces, len(joined)


def scores(predicted: set[frozenset[str]], gold: set[frozenset[str]]) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--source", choices=["pipeline", "annotations", "both"], default="both")
    parser.add_argument(
        "--cache", type=Path, help="jsonl of the pipeline's documents: reused when present"
    )
    args = parser.parse_args()
    if not FAKES.is_file():
        print(f"FA-KES dev data not found at {FAKES}", file=sys.stderr)
        return 1
    articles = load_articles()
    gold, incidents = gold_pairs({a["id"] for a in articles})
    print(
        f"{len(articles)} articles, {incidents} gold incidents "
        f"(gold incidents/articles {incidents / len(articles):.3f}), {len(gold)} gold pairs\n"
    )
    print(
        "| reports from | articles linked when | reports | events | events/reports "
        "| largest event (articles) | pairs predicted | P | R | F1 | same when shuffled |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    sources = ["pipeline", "annotations"] if args.source == "both" else [args.source]
    unjudged: list[str] = []
    for source in sources:
        started = time.perf_counter()
        if source == "pipeline":
            documents = documents_from_pipeline(articles, args.cache)
        else:
            documents = documents_from_annotations(articles)
        build = time.perf_counter() - started
        result = cluster(documents, seed=None)
        shuffled = cluster(documents, seed=13)
        ratio = result["events"] / result["reports"] if result["reports"] else 0.0
        for link in ("lead", "any"):
            if source == "annotations" and link == "any":
                continue  # one report per article: the same pairs
            predicted = result[link]
            p, r, f = scores(predicted, gold)
            same = "yes" if shuffled[link] == predicted else "NO"
            print(
                f"| {source} | {link} event shared | {result['reports']} | {result['events']} | "
                f"{ratio:.3f} | {result['largest']} | {len(predicted)} | {p:.3f} | {r:.3f} | "
                f"{f:.3f} | {same} |"
            )
            if link == "lead":
                block = candidate_blocks(articles)
                wrong = predicted - gold
                unread = sum(1 for a, b in map(sorted, wrong) if block[a] != block[b])
                unjudged.append(
                    f"{source}, lead: {len(wrong)} predicted pairs are not gold pairs; {unread} "
                    "of them cross the gold's candidate blocks (never read by hand)"
                )
                clusters = json.loads(GOLD.read_text(encoding="utf-8"))["clusters"]
                pieces, joined = incident_errors(predicted, clusters)
                unjudged.append(
                    f"{source}, lead, by incident: the {len(clusters)} gold incidents are split "
                    f"into {pieces} more pieces than one each; {joined} pairs of distinct "
                    "incidents are joined"
                )
        print(
            f"{source}: reports built in {build:.1f} s, clustered in {result['seconds']:.2f} s",
            file=sys.stderr,
        )
    print(
        f"| no clustering | - | {len(articles)} | {len(articles)} | 1.000 | 1 | 0 | - | 0.000 "
        "| 0.000 | - |"
    )
    print("", *unjudged, sep="\n")
    if "pipeline" in sources:
        clusters = json.loads(GOLD.read_text(encoding="utf-8"))["clusters"]
        print("\nWhich rules the lead events of gold pairs fail (pipeline reports):\n")
        print("| rules failed | gold pairs |")
        print("| --- | ---: |")
        for reason, count in blame(
            documents_from_pipeline(articles, args.cache), clusters
        ).most_common():
            print(f"| {reason} | {count} |")
        print("\nGold pairs whose lead events fail the date rule, by where the dates come from:\n")
        print("| days apart: dated by | gold pairs |")
        print("| --- | ---: |")
        for reason, count in sorted(
            date_misses(documents_from_pipeline(articles, args.cache), clusters).items()
        ):
            print(f"| {reason} | {count} |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
