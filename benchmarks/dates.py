"""Date resolution accuracy on two hand-labelled sets of real news sentences; prints tables.

Set 1, "written with the code" (benchmarks/data/dates.jsonl, optimistic): sentences from
../shared/data/events/fakes_dev.jsonl, each with one date expression (`mention`), the
publication date, the calendar date it denotes and whether it is background. Labelling rules:
- published: the date printed in the article's header ("Published April 8 2017", "AFP Sunday
  1 Feb 2015") where there is one, else the data set's `date` field.
- a weekday is the latest such day on or before publication ("on Saturday" in a Saturday
  paper is that day); "overnight" is the night before publication, dated by its first day;
  "this week"/"earlier this week" start on the Monday of the publication week, "last week"
  on the Monday before; a month alone is its first day; a year alone is 1 January.
- background: bare years, dates after "since", and dates more than a month before
  publication (they set the scene rather than date the news).
A mention counts as exact when find_dates returns a mention overlapping it with that date
and that background flag. Split "dev" (59 items) was labelled while the resolver was
written; split "holdout" (19 items, other articles) was labelled after, and not tuned on.

Set 2, "blind" (benchmarks/data/dates_blind.jsonl, rules in dates_blind_rules.md): 158
sentences from FA-KES and CASE 2021 dev, labelled by hand from ACLED's codebook before the
resolver was read. Each item is one sentence, its publication date (or none) and the date and
time_precision of the event it reports. The resolver is asked as the extractor asks it:
choose_event_date(find_dates(sentence, published), 0, len(sentence), published); a choice
with no mention (the publication-date fallback) counts as "no date from this sentence".
Exact = date and precision both right; a null gold is met by no date (or, with no publication
date, precision 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from eventwire.resolve.dates import choose_event_date, find_dates

DATA = Path(__file__).resolve().parent / "data" / "dates.jsonl"
BLIND = Path(__file__).resolve().parent / "data" / "dates_blind.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA, help="set 1 (written with the code)")
    parser.add_argument("--blind", type=Path, default=BLIND, help="set 2 (blind)")
    parser.add_argument("--show-errors", action="store_true", help="list the misses")
    args = parser.parse_args()
    blind_misses: list[str] = []
    print("Blind set (labelled from the codebook before the resolver was read)\n")
    blind_table([json.loads(line) for line in args.blind.open(encoding="utf-8")], blind_misses)
    print("\nSet written with the code (mentions; optimistic)\n")
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    print("| split | items | found | date right | exact (date + background) | CPU ms / sentence |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    misses: list[str] = []
    for split in ("dev", "holdout", "all"):
        chosen = [r for r in rows if split in ("all", r.get("split", "dev"))]
        res = score(chosen, misses if split == "all" else [])
        n = max(len(chosen), 1)
        print(
            f"| {split} | {len(chosen)} | {res['found'] / n:.3f} | {res['date_ok'] / n:.3f} "
            f"| {res['exact'] / n:.3f} | {1000 * res['elapsed'] / n:.3f} |"
        )
    if args.show_errors:
        print("\nBlind set misses\n")
        for line in blind_misses:
            print(f"- {line}")
        print("\nSet 1 misses\n")
        for line in misses:
            print(f"- {line}")


def blind_answer(row: dict) -> tuple[str | None, int | None, float]:
    """The resolver's event date and precision for one sentence, and the CPU seconds taken."""
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    text = row["text"]
    t0 = time.process_time()
    choice = choose_event_date(find_dates(text, published), 0, len(text), published)
    elapsed = time.process_time() - t0
    if choice.mention is None or choice.date is None:
        return None, None if choice.date is None else choice.time_precision, elapsed
    return choice.date.isoformat(), choice.time_precision, elapsed


def blind_table(rows: list[dict], misses: list[str]) -> None:
    kinds = sorted({r["kind"] for r in rows}, key=lambda k: (-sum(r["kind"] == k for r in rows), k))
    print("| kind | items | date right | precision right | exact |")
    print("| --- | ---: | ---: | ---: | ---: |")
    stats: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in [*kinds, "all"]}
    elapsed = 0.0
    for row in rows:
        got, precision, cost = blind_answer(row)
        elapsed += cost
        want, want_p = row["date"], row["precision"]
        if want is None:
            date_ok = got is None
            prec_ok = date_ok or (row["published"] is None and precision == 3)
            date_ok = prec_ok
        else:
            date_ok, prec_ok = got == want, precision == want_p
        for key in (row["kind"], "all"):
            s = stats[key]
            s[0] += 1
            s[1] += date_ok
            s[2] += prec_ok
            s[3] += date_ok and prec_ok
        if not (date_ok and prec_ok):
            misses.append(
                f"{row['id']} [{row['kind']}] {row['mention']!r}: got {got} p{precision}, "
                f"want {want} p{want_p} (published {row['published']}): {row['text'][:90]}"
            )
    for key in [*kinds, "all"]:
        n, d, p, e = stats[key]
        name = f"**{key}**" if key == "all" else key
        print(f"| {name} | {n} | {d / n:.3f} | {p / n:.3f} | {e / n:.3f} |")
    print(f"\nCPU {1000 * elapsed / max(len(rows), 1):.3f} ms per sentence")


def score(rows: list[dict], misses: list[str]) -> dict[str, float]:
    found = exact = date_ok = 0
    elapsed = 0.0
    for row in rows:
        text, published = row["text"], dt.date.fromisoformat(row["published"])
        start = text.index(row["mention"])
        end = start + len(row["mention"])
        t0 = time.process_time()
        mentions = find_dates(text, published)
        elapsed += time.process_time() - t0
        hit = next((m for m in mentions if m.start < end and start < m.end), None)
        if hit is None:
            misses.append(f"{row['id']}: not found: {row['mention']!r}")
            continue
        found += 1
        got = hit.date.isoformat() if hit.date else None
        date_ok += got == row["date"]
        if got == row["date"] and hit.background == row["background"]:
            exact += 1
        else:
            misses.append(
                f"{row['id']}: {row['mention']!r} -> {got} background={hit.background}; "
                f"want {row['date']} background={row['background']}"
            )
    return {"found": found, "date_ok": date_ok, "exact": exact, "elapsed": elapsed}


if __name__ == "__main__":
    main()
