"""Shared helpers of the cleaning benchmarks: the dev pages and word 4-gram shingle scoring."""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "boilerplate" / "dev"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, raw HTML bytes and true article body."""

    id: str
    url: str
    html: bytes
    body: str


def load_pages(folder: Path = DEV) -> list[Page]:
    """The dev pages, or exit with a clear message when the data folder is absent."""
    truth = folder / "ground-truth.jsonl"
    if not truth.is_file():
        sys.exit(f"benchmark data not found: {truth} (expected ../shared/data from the repo root)")
    pages = []
    with truth.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            html = gzip.decompress((folder / row["html"]).read_bytes())
            pages.append(Page(row["id"], row["url"], html, row["body"]))
    return pages


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle matches, normalised per page so that long pages do not weigh more."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Macro precision, recall and F1 over pages (as the benchmark's own evaluation)."""
    precisions, recalls = [], []
    for tp, fp, fn in counts:
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
