"""Actors on FA-KES Syrian-war articles: actor1 against the crowd's perpetrator class, actor2 gaps.

For each article: spaCy, the geoparser, date resolution (published = the article's date) and
EventExtractor, as in benchmarks/fakes.py. Scored:
- perpetrator: the actor1 of the article's main event (picked as benchmarks/fakes.py picks it:
  most fatalities, then confidence) mapped to FA-KES's perpetrator classes by its ACLED actor
  name and inter code (PERPETRATOR below: a fixed mapping written from the codebook's actor
  names, never fitted to this set), over the articles whose annotation is not "unknown"; an
  article without events, or whose actor maps to no class (an unidentified group, civilians,
  another state), is wrong;
- empty actor2: the share of all events whose actor2 is empty;
- civilian actor2: for attacks, air/drone strikes and shelling whose trigger sentence names
  civilians (CIVILIAN_WORDS, a checker written apart from the extraction rules), the share
  whose actor2 is civilians (inter 7); and, as a guard against over-attribution, the share of
  the other attacks/strikes/shelling (sentence names no civilians) given a civilian actor2.

Measurement only: never tune rules to individual items of this set.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from eventwire.models import Event
from fakes import (  # the same main event as the toll/governorate benchmark
    DATA,
    extracted,
    main_event,
)

GOVERNMENT = "syrian government or russian troops"
COALITION = "international coalition forces"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
OPPOSITION = "armed opposition groups"
SELF_ADMINISTRATION = "self administration forces"
NUSRA = "al-nusra front"
# ACLED actor names (as the codebook writes them: "Military Forces of <Country> (<period>)",
# named groups) -> FA-KES perpetrator class. Pro-government militias fight for the government;
# the coalition is the US-led one and the states that flew in it.
PERPETRATOR: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^(?:(?:Military|Police) Forces|Government) of (?:Syria|Russia|Iran)\b|"
            r"^NDF: |^Hezbollah$|^IRGC: |^Wagner Group$"
        ),
        GOVERNMENT,
    ),
    (
        re.compile(
            r"^International Coalition$|^(?:Military|Police) Forces of (?:United States|"
            r"United Kingdom|France|Australia|Canada|Netherlands|Belgium|Denmark|Jordan|"
            r"Saudi Arabia|United Arab Emirates|Bahrain)\b"
        ),
        COALITION,
    ),
    (re.compile(r"^Islamic State$"), ISIS),
    (re.compile(r"^(?:Al Nusra Front|Jabhat Fateh al-Sham|Hayat Tahrir al-Sham)$"), NUSRA),
    (re.compile(r"^(?:QSD: |YPG: |YPJ: |PYD: |Asayish)"), SELF_ADMINISTRATION),
    (
        re.compile(
            r"^(?:Opposition Rebels|Free Syrian Army|Syrian National Army|Ahrar al-Sham|"
            r"Jaish al-Islam|Faylaq al-Rahman|Jaish al-Fatah|National Front for Liberation|"
            r"Nour al-Din al-Zenki Movement|Jund al-Aqsa)\b"
        ),
        OPPOSITION,
    ),
)
STRIKES = {"Attack", "Air/drone strike", "Shelling/artillery/missile attack"}
CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|children|child|women|woman|residents|villagers|worshippers|pilgrims|"
    r"passengers|families|family|crowds?|shoppers|students|pupils|patients|displaced|"
    r"refugees|mourners|farmers|journalists|doctors|medics|nurses|rescuers|bystanders)\b",
    re.IGNORECASE,
)


def perpetrator(event: Event | None) -> str | None:
    """The FA-KES class of an event's actor1, or None when it names none of them."""
    if event is None:
        return None
    return next((label for pattern, label in PERPETRATOR if pattern.search(event.actor1)), None)


def trigger_sentence(event: Event, sentences: list[tuple[int, int]], text: str) -> str:
    start = next((x.start for x in event.evidence if x.field == "sub_event_type"), None)
    if start is None:
        return ""
    return next((text[a:b] for a, b in sentences if a <= start < b), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "fakes_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0 = all)")
    parser.add_argument("--errors", action="store_true", help="print per-article misses")
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit or None]
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    scored = right = with_events = n_events = empty2 = 0
    civ_named = civ_named_ok = civ_unnamed = civ_unnamed_given = 0
    for row, doc, events in extracted(rows):
        text = row["text"]
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        n_events += len(events)
        empty2 += sum(e.actor2 is None for e in events)
        for e in events:
            if e.sub_event_type not in STRIKES:
                continue
            civilian = e.inter2 == 7
            if CIVILIAN_WORDS.search(trigger_sentence(e, sentences, text)):
                civ_named += 1
                civ_named_ok += civilian
            else:
                civ_unnamed += 1
                civ_unnamed_given += civilian
        if row["actor"] == "unknown":
            continue
        scored += 1
        main_ev = main_event(events)
        with_events += main_ev is not None
        got = perpetrator(main_ev)
        right += got == row["actor"]
        confusion[(row["actor"], got or "(none)")] += 1
        if args.errors and got != row["actor"]:
            actor = main_ev.actor1 if main_ev else "no event"
            print(f"- {row['id']}: {actor!r} -> {got} vs {row['actor']}")
    n = max(1, scored)
    print(
        "| set | articles scored | perpetrator right | right, articles with events | "
        "events | actor2 empty | civilian actor2 where named | civilian actor2 where not named |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.data.name} | {scored} | {right}/{scored} = {right / n:.3f} | "
        f"{right / max(1, with_events):.3f} ({with_events}) | {n_events} | "
        f"{empty2}/{n_events} = {empty2 / max(1, n_events):.3f} | "
        f"{civ_named_ok}/{civ_named} = {civ_named_ok / max(1, civ_named):.3f} | "
        f"{civ_unnamed_given}/{civ_unnamed} = {civ_unnamed_given / max(1, civ_unnamed):.3f} |"
    )
    print("\n| annotated class | actor1 mapped to | articles |\n|---|---|---|")
    for (gold, got), count in sorted(confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"| {gold} | {got} | {count} |")


if __name__ == "__main__":
    main()
