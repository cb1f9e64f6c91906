"""The line classifier: which lines of a scraped page are article body (two stacked models)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from eventwire.clean.lines import NAMES, page_features

_LOG_WORDS = NAMES.index("log_words")  # log(1 + words) of the line, in its feature row

NEIGHBOURS = 3  # stage two sees the stage-one scores of this many lines on each side
BLOCK = 8  # ... and the mean stage-one probability of this many lines on each side
_PAD = -6.0  # stage-one logit standing in for lines beyond the page's edges


def main_block(probs: Sequence[float], rows: list[list[float]]) -> tuple[int, int]:
    """The run of lines with the most stage-one evidence of body (first and last index).

    Each line adds (p - 0.5) weighted by its length (a maximum-sum segment, as in body text
    extraction): the article is one dense run, furniture far from it is not.
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, (p, row) in enumerate(zip(probs, rows, strict=True)):
        if total <= 0.0:
            total, start = 0.0, i
        total += (p - 0.5) * (1.0 + row[_LOG_WORDS])
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def stage_two_rows(rows: list[list[float]], logits: Sequence[float]) -> list[list[float]]:
    """Stage-two inputs: a line's own features plus its neighbours' stage-one logits."""
    n = len(rows)
    probs = [_sigmoid(z) for z in logits]
    first, last = main_block(probs, rows)
    out = []
    for i, row in enumerate(rows):
        around = [
            logits[j] if 0 <= j < n else _PAD for j in range(i - NEIGHBOURS, i + NEIGHBOURS + 1)
        ]
        block = probs[max(0, i - BLOCK) : i + BLOCK + 1]
        away = first - i if i < first else i - last if i > last else 0
        out.append([*row, *around, sum(block) / len(block), float(away == 0), math.log1p(away)])
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


Tree = tuple[tuple[int, float, int, int, float], ...]
WEIGHTS = Path(__file__).with_name(
    "line_weights.json"
)  # written by benchmarks/clean_train_lines.py


@cache
def weights() -> tuple[tuple[float, tuple[Tree, ...]], tuple[float, tuple[Tree, ...]]]:
    """The two stages' (base score, trees), read once from line_weights.json."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if data["features"] != list(NAMES):
        raise RuntimeError("line_weights.json does not match the line features; rerun the trainer")

    def stage(name: str) -> tuple[float, tuple[Tree, ...]]:
        trees = data[name]["trees"]
        return float(data[name]["base"]), tuple(
            tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree)
            for tree in trees
        )

    return stage("stage1"), stage("stage2")


def boosted(rows: list[list[float]], base: float, trees: Sequence[Tree]) -> list[float]:
    """Scores (log-odds) of a sum of regression trees."""
    out = []
    for row in rows:
        total = base
        for tree in trees:
            k = 0
            while True:
                feature, threshold, left, right, value = tree[k]
                if feature < 0:
                    total += value
                    break
                k = left if row[feature] <= threshold else right
        out.append(total)
    return out


def body_probabilities(lines: list[str]) -> list[float]:
    """For each line, the probability that it belongs to the article body."""
    if not lines:
        return []
    (base1, trees1), (base2, trees2) = weights()
    rows = page_features(lines)
    first = boosted(rows, base1, trees1)
    second = boosted(stage_two_rows(rows, first), base2, trees2)
    return [_sigmoid(z) for z in second]
