"""The line classifier: which lines of a scraped page are article body (two stacked models)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.clean.lines import NAMES, page_features

if TYPE_CHECKING:
    import numpy as np

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


STAGE_TWO = (
    *NAMES,
    *(f"logit_{k:+d}" for k in range(-NEIGHBOURS, NEIGHBOURS + 1)),
    "block_prob", "in_main_block", "log_lines_away",
)  # fmt: skip


def stage_two_rows(rows: list[list[float]], logits: Sequence[float]) -> list[list[float]]:
    """Stage-two inputs (STAGE_TWO): a line's own features plus its neighbours' stage-one
    logits and where it lies from the main block."""
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


WEIGHTS = Path(__file__).with_name(
    "line_weights.json"
)  # written by benchmarks/clean_train_lines.py


@dataclass(frozen=True, slots=True)
class Forest:
    """A sum of regression trees as flat arrays: all rows walk all trees at once.

    Nodes of all trees are numbered in one sequence, each tree breadth first, so that the
    two children of a node are neighbours: rows with x[feature] <= threshold go to
    `child + 1`, the others (NaN too, as in the learner) to `child`. `roots` holds each
    tree's first node. A leaf is its own child (threshold -inf), so `depth` steps take every
    row to its leaf in every tree.
    """

    base: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    child: np.ndarray
    value: np.ndarray
    depth: int

    @classmethod
    def from_nodes(cls, base: float, trees: Sequence[Sequence[Sequence[float]]]) -> Forest:
        """From trees of nodes [feature, threshold, left, right, value] (feature -1: a leaf)."""
        import numpy as np  # here, not at import: plain start-up does not need it

        roots: list[int] = []
        feature: list[int] = []
        child: list[int] = []
        threshold: list[float] = []
        value: list[float] = []
        for tree in trees:
            offset = len(feature)
            roots.append(offset)
            order = [0]  # the tree's nodes breadth first: children appended in pairs, right first
            for k in order:
                if tree[k][0] >= 0:
                    order.extend((int(tree[k][3]), int(tree[k][2])))
            place = {k: offset + i for i, k in enumerate(order)}
            for k in order:
                f, th, _, b, v = tree[k]
                leaf = f < 0
                feature.append(0 if leaf else int(f))
                threshold.append(-math.inf if leaf else th)
                child.append(place[k] if leaf else place[int(b)])
                value.append(v if leaf else 0.0)
        return cls(
            base,
            np.array(roots, dtype=np.intp),
            np.array(feature, dtype=np.intp),
            np.array(threshold),
            np.array(child, dtype=np.intp),
            np.array(value),
            _depth(trees),
        )

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Log-odds for each row of x (rows × features)."""
        import numpy as np

        at = np.broadcast_to(self.roots, (len(x), len(self.roots)))
        cells = x.ravel()
        row_start = (np.arange(len(x)) * x.shape[1])[:, None]
        for _ in range(self.depth):
            seen = cells[row_start + self.feature[at]]
            at = self.child[at] + (seen <= self.threshold[at])
        return self.base + self.value[at].sum(axis=1)


def _depth(trees: Sequence[Sequence[Sequence[float]]]) -> int:
    """The most steps from a root to a leaf over all trees."""

    def down(tree: Sequence[Sequence[float]], k: int) -> int:
        f, _, a, b, _ = tree[k]
        return 0 if f < 0 else 1 + max(down(tree, int(a)), down(tree, int(b)))

    return max((down(tree, 0) for tree in trees), default=0)


@cache
def weights() -> tuple[Forest, Forest]:
    """The two stages' trees, read once from line_weights.json."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if data["features"] != list(STAGE_TWO):
        raise RuntimeError("line_weights.json does not match the line features; rerun the trainer")
    first, second = (data[name] for name in ("stage1", "stage2"))
    return (
        Forest.from_nodes(float(first["base"]), first["trees"]),
        Forest.from_nodes(float(second["base"]), second["trees"]),
    )


def body_probabilities(lines: list[str]) -> list[float]:
    """For each line, the probability that it belongs to the article body."""
    if not lines:
        return []
    import numpy as np

    first_stage, second_stage = weights()
    rows = page_features(lines)
    first = first_stage.scores(np.array(rows)).tolist()
    second = second_stage.scores(np.array(stage_two_rows(rows, first)))
    return [_sigmoid(z) for z in second.tolist()]
