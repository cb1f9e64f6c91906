"""The line model's trees: averaged (bagged) by the learner, walked all at once at run time."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from eventwire.clean.linemodel import Forest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
try:
    from clean_gbdt import Boosting, fit, predict
finally:
    sys.path.remove(str(BENCHMARKS))


def test_averaged_model_is_the_mean_of_its_members_as_one_forest() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] + 0.5 * rng.normal(size=400) > 0).astype(float)
    w = np.ones(400)
    members = [fit(x, y, w, Boosting(trees=10, depth=2, seed=s)) for s in (1, 1001)]
    bagged = fit(x, y, w, Boosting(trees=10, depth=2, seed=1, members=2))
    mean = (predict(members[0], x) + predict(members[1], x)) / 2
    assert np.allclose(predict(bagged, x), mean)
    assert not np.allclose(predict(members[0], x), predict(members[1], x))
    forest = Forest.from_nodes(bagged[0], [[list(node) for node in tree] for tree in bagged[1]])
    assert np.allclose(forest.scores(x), mean)


def test_forest_walks_trees_stored_depth_first() -> None:
    # As the learner writes them: the left subtree's nodes come before the right child.
    tree = [
        [0, 0.5, 1, 4, 0.0],
        [1, 1.0, 2, 3, 0.0],
        [-1, 0.0, -1, -1, 1.0],
        [-1, 0.0, -1, -1, 2.0],
        [1, 3.0, 5, 6, 0.0],
        [-1, 0.0, -1, -1, 3.0],
        [-1, 0.0, -1, -1, 4.0],
    ]
    forest = Forest.from_nodes(0.0, [tree, [[-1, 0.0, -1, -1, 0.5]]])
    x = np.array([[0.0, 0.0], [0.0, 2.0], [1.0, 3.0], [1.0, 4.0]])
    assert forest.scores(x).tolist() == [1.5, 2.5, 3.5, 4.5]


def test_forest_sends_missing_values_right_as_the_learner_does() -> None:
    tree = [[0, 0.5, 1, 2, 0.0], [-1, 0.0, -1, -1, -1.0], [-1, 0.0, -1, -1, 1.0]]
    forest = Forest.from_nodes(0.0, [tree])
    x = np.array([[0.0], [np.nan], [1.0]])
    assert forest.scores(x).tolist() == predict((0.0, [tuple(map(tuple, tree))]), x).tolist()
