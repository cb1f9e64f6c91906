"""The line classifier: which lines of a scraped page are article body (two stacked models)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from eventwire.clean import line_weights
from eventwire.clean.lines import page_features

NEIGHBOURS = 3  # stage two sees the stage-one scores of this many lines on each side
BLOCK = 8  # ... and the mean stage-one probability of this many lines on each side
_PAD = -6.0  # stage-one logit standing in for lines beyond the page's edges


def stage_two_rows(rows: list[list[float]], logits: Sequence[float]) -> list[list[float]]:
    """Stage-two inputs: a line's own features plus its neighbours' stage-one logits."""
    n = len(rows)
    probs = [_sigmoid(z) for z in logits]
    out = []
    for i, row in enumerate(rows):
        around = [
            logits[j] if 0 <= j < n else _PAD for j in range(i - NEIGHBOURS, i + NEIGHBOURS + 1)
        ]
        block = probs[max(0, i - BLOCK) : i + BLOCK + 1]
        out.append([*row, *around, sum(block) / len(block)])
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


Tree = tuple[tuple[int, float, int, int, float], ...]


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
    rows = page_features(lines)
    if len(rows[0]) != line_weights.FEATURES:
        raise RuntimeError("line_weights.py does not match the line features; rerun the trainer")
    first = boosted(rows, line_weights.STAGE1_BASE, line_weights.STAGE1_TREES)
    second = boosted(
        stage_two_rows(rows, first), line_weights.STAGE2_BASE, line_weights.STAGE2_TREES
    )
    return [_sigmoid(z) for z in second]
