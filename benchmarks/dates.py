"""Date resolution accuracy on a hand-labelled set of real news sentences; prints a markdown table.

benchmarks/data/dates.jsonl: sentences from ../shared/data/events/fakes_dev.jsonl, each with
one date expression (`mention`), the publication date, the calendar date it denotes and
whether it is background. Labelling rules:
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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from eventwire.resolve.dates import find_dates

DATA = Path(__file__).resolve().parent / "data" / "dates.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show-errors", action="store_true", help="list the misses")
    args = parser.parse_args()
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
        print()
        for line in misses:
            print(f"- {line}")


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
