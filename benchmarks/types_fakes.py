"""Sub-event types on FA-KES articles: the main event's type against the cause of death.

For each article: spaCy, the geoparser, date resolution (published = the article's date) and
EventExtractor, as in benchmarks/fakes.py. FA-KES annotates each article's "cause_of_death"
(shelling, explosion, chemical and toxic gases, shooting, execution, unknown). Each cause is
mapped to the ACLED sub-event types a coder following the public codebook would use for such a
death (ALLOWED below: a fixed mapping written from the codebook's definitions, never fitted to
this set; the annotators' "shelling" covers bombardment from the air as well as by artillery).
Scored over the articles whose cause is not "unknown": the main event (picked as
benchmarks/fakes.py picks it: most fatalities, then confidence) has one of the cause's types;
an article without events is wrong. Also printed: the same over articles with events only, and
which types the main events got for each cause (the confusion table used to find general
error classes, e.g. "a caption typed as a capture").

This is a sanity measure with a coarse, noisy reference (one cause per article, written by a
crowd), for finding classes of typing errors; never tune rules to its items.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from eventwire.models import Event
from fakes import (  # the same main event as the toll/governorate benchmark
    DATA,
    extracted,
    main_event,
)

# FA-KES cause of death -> the sub-event types ACLED's codebook gives such a death.
ALLOWED: dict[str, frozenset[str]] = {
    # bombardment by artillery, rockets, missiles or from the air
    "shelling": frozenset({"Shelling/artillery/missile attack", "Air/drone strike"}),
    # a bomb, mine or IED, a suicide attack, a grenade, or a bomb dropped from the air
    "explosion": frozenset(
        {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Air/drone strike"}
    ),
    "chemical and toxic gases": frozenset({"Chemical weapon"}),
    # shot: an attack on civilians, a fight between armed groups, fire on protesters
    "shooting": frozenset({"Attack", "Armed clash", "Excessive force against protesters"}),
    # killing of people held by the perpetrator: an attack on civilians (or of a captive)
    "execution": frozenset({"Attack", "Abduction/forced disappearance"}),
}


def trigger_text(event: Event) -> str:
    return next((x.text for x in event.evidence if x.field == "sub_event_type"), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "fakes_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0 = all)")
    parser.add_argument(
        "--errors", action="store_true", help="print each miss with its trigger sentence"
    )
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit or None]
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    per_cause: collections.Counter[str] = collections.Counter()
    per_cause_ok: collections.Counter[str] = collections.Counter()
    scored = right = with_events = 0
    for row, doc, events in extracted(r for r in rows if r["cause_of_death"] in ALLOWED):
        cause = row["cause_of_death"]
        main_ev = main_event(events)
        got = main_ev.sub_event_type if main_ev else "(no event)"
        ok = got in ALLOWED[cause]
        scored += 1
        right += ok
        with_events += main_ev is not None
        per_cause[cause] += 1
        per_cause_ok[cause] += ok
        confusion[(cause, got)] += 1
        if args.errors and not ok and main_ev is not None:
            sentence = next(
                (s.text for s in doc.sents if s.start_char <= _trigger_start(main_ev) < s.end_char),
                "",
            )
            print(f"- {row['id']} [{cause}] -> {got} ({trigger_text(main_ev)!r}): {sentence}")
    n = max(1, scored)
    print(
        "| set | articles scored | main event's type allowed by the cause | "
        "same, articles with events |"
    )
    print("|---|---|---|---|")
    print(
        f"| {args.data.name} | {scored} | {right}/{scored} = {right / n:.3f} | "
        f"{right}/{with_events} = {right / max(1, with_events):.3f} |"
    )
    print("\n| cause of death | articles | right |\n|---|---|---|")
    for cause in ALLOWED:
        total = per_cause[cause]
        print(f"| {cause} | {total} | {per_cause_ok[cause] / max(1, total):.3f} |")
    print("\n| cause of death | main event's sub_event_type | articles |\n|---|---|---|")
    for (cause, got), count in sorted(confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        mark = "" if got in ALLOWED[cause] else " (miss)"
        print(f"| {cause} | {got}{mark} | {count} |")


def _trigger_start(event: Event) -> int:
    return next((x.start for x in event.evidence if x.field == "sub_event_type"), -1)


if __name__ == "__main__":
    main()
