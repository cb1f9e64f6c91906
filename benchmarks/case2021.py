"""Event typing on CASE 2021 snippets: weighted F1 of sub-event types, out-of-scope rejection.

CASE snippets are one or two sentences, usually without a resolvable place or a publication
date, so the full pipeline (which drops events it cannot place or date) would score coverage of
the geoparser rather than typing. This benchmark therefore scores what decides the type: the
extractor's candidates (typed, asserted, non-background events, before place and date), taking
the most confident candidate of each snippet. A snippet with no candidate predicts "no event".
It also reports, for reference, how many in-scope snippets keep an event through the full
pipeline (geoparser + dates with no publication date).

Measurement only: never tune rules to individual items of this set.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from spacy.tokens import Doc

from eventwire.extract import EventExtractor
from eventwire.extract.extractor import candidate_confidence
from eventwire.models import Document
from eventwire.nlp import load_language
from eventwire.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events"
NONE = "(no event)"


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, tuple[float, int]]]:
    """sklearn-style weighted F1 over the gold labels (weights = gold support)."""
    support = collections.Counter(gold)
    per_class: dict[str, tuple[float, int]] = {}
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = n - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = (f1, n)
        total += f1 * n
    return total / max(1, len(gold)), per_class


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "case2021_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="first N snippets only (0 = all)")
    parser.add_argument("--per-class", action="store_true", help="also print F1 per sub-type")
    parser.add_argument("--errors", action="store_true", help="print confusion pairs (counts)")
    parser.add_argument("--pipeline", action="store_true", help="also run the full pipeline")
    args = parser.parse_args()

    settings = Settings()
    nlp = load_language(settings)
    extractor = EventExtractor(settings)
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit or None]
    gold_in: list[str] = []
    pred_in: list[str] = []
    rejected = out_scope = kept_pipeline = 0
    started = time.perf_counter()
    for row in rows:
        doc = nlp(row["text"])
        found, _ = extractor.candidates(doc)
        found = [c for c in found if candidate_confidence(c) >= settings.min_confidence]
        best = max(found, key=candidate_confidence, default=None)
        label = best.decision.sub_event_type if best else NONE
        if row["in_scope"]:
            gold_in.append(row["sub_event_type"])
            pred_in.append(label)
            if args.pipeline and _pipeline_keeps(extractor, settings, row, doc):
                kept_pipeline += 1
        else:
            out_scope += 1
            rejected += best is None
    elapsed = time.perf_counter() - started
    f1, per_class = weighted_f1(gold_in, pred_in)
    accuracy = sum(g == p for g, p in zip(gold_in, pred_in, strict=True)) / max(1, len(gold_in))
    print(
        "| set | in-scope | weighted F1 (sub-event type) | accuracy | out-of-scope | "
        "rejected | snippets/s |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {args.data.name} | {len(gold_in)} | {f1:.3f} | {accuracy:.3f} | {out_scope} | "
        f"{rejected / max(1, out_scope):.3f} | {len(rows) / elapsed:.1f} |"
    )
    if args.pipeline:
        print(
            f"\nFull pipeline keeps an event for {kept_pipeline}/{len(gold_in)} in-scope "
            "snippets (the rest have no resolvable place or date)."
        )
    if args.per_class:
        print("\n| sub-event type | support | F1 |\n|---|---|---|")
        for label, (score, n) in sorted(per_class.items(), key=lambda kv: -kv[1][1]):
            print(f"| {label} | {n} | {score:.2f} |")
    if args.errors:
        pairs = collections.Counter((g, p) for g, p in zip(gold_in, pred_in, strict=True) if g != p)
        print("\n| gold | predicted | count |\n|---|---|---|")
        for (g, p), n in pairs.most_common(40):
            print(f"| {g} | {p} | {n} |")


def _pipeline_keeps(extractor: EventExtractor, settings: Settings, row: dict, doc: Doc) -> bool:
    from eventwire.resolve.dates import find_dates
    from eventwire.resolve.geo import Geoparser

    text = row["text"]
    places = Geoparser.load(settings).find_places(text, doc)
    dates = find_dates(text, None)
    document = Document(id=row["id"], text=text)
    return bool(extractor.extract(document, doc, places, dates))


if __name__ == "__main__":
    main()
