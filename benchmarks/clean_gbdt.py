"""A small gradient-boosted tree learner (logistic loss, histogram splits) for the line model."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

# A tree is a tuple of nodes; node k is (feature, threshold, left, right, value):
# feature -1 marks a leaf holding `value`; otherwise x[feature] <= threshold goes left.
Node = tuple[int, float, int, int, float]
Model = tuple[float, list[tuple[Node, ...]]]


@dataclass(frozen=True)
class Boosting:
    """Options of the learner: few shallow trees, shrunk, with regularised leaves."""

    trees: int = 150
    depth: int = 3
    rate: float = 0.1
    l2: float = 5.0
    min_hessian: float = 2.0
    bins: int = 32
    subsample: float = 0.8
    colsample: float = 1.0  # share of the features each tree may split on
    seed: int = 7
    members: int = 1  # models averaged (bagged), each with its own seed


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, opts: Boosting) -> Model:
    """The mean log-odds of `opts.members` boosted models, each with its own seed.

    One boosted model moves with its seed's row and column samples; the mean of a few is
    steadier. It is again one base and one list of trees (each value divided by the number of
    members), so the runtime Forest reads it unchanged.
    """
    if opts.members == 1:
        return _boost(x, y, w, opts)
    fits = [_boost(x, y, w, replace(opts, seed=opts.seed + 1000 * k)) for k in range(opts.members)]
    share = 1.0 / opts.members
    trees = [
        tuple((f, t, left, right, v * share) for f, t, left, right, v in tree)
        for _, model_trees in fits
        for tree in model_trees
    ]
    return sum(base for base, _ in fits) * share, trees


def _boost(x: np.ndarray, y: np.ndarray, w: np.ndarray, opts: Boosting) -> Model:
    """Base score and trees minimising weighted logistic loss."""
    rng = np.random.default_rng(opts.seed)
    edges = [
        np.unique(np.quantile(x[:, j], np.linspace(0, 1, opts.bins + 1)[1:-1]))
        for j in range(x.shape[1])
    ]
    binned = np.stack(
        [np.searchsorted(edges[j], x[:, j], side="left") for j in range(x.shape[1])], axis=1
    )
    mean = float(np.clip((w * y).sum() / w.sum(), 1e-6, 1 - 1e-6))
    base = float(np.log(mean / (1 - mean)))
    score = np.full(len(y), base)
    trees = []
    for _ in range(opts.trees):
        p = 1.0 / (1.0 + np.exp(-score))
        g, h = w * (p - y), w * p * (1 - p)
        rows = np.flatnonzero(rng.random(len(y)) < opts.subsample)
        columns = np.arange(x.shape[1])
        if opts.colsample < 1.0:
            columns = columns[rng.random(len(columns)) < opts.colsample]
        nodes: list[Node] = []
        _grow(binned, edges, g, h, rows, columns, 0, opts, nodes)
        tree = tuple(nodes)
        trees.append(tree)
        score += predict_many(tree, x)
    return base, trees


def _grow(binned, edges, g, h, rows, columns, depth, opts, nodes) -> int:  # type: ignore[no-untyped-def]
    index = len(nodes)
    G, H = g[rows].sum(), h[rows].sum()
    leaf = (-1, 0.0, -1, -1, float(-opts.rate * G / (H + opts.l2)))
    nodes.append(leaf)
    if depth == opts.depth or len(rows) < 4:
        return index
    best = (0.0, -1, -1)
    parent = G * G / (H + opts.l2)
    for j in columns:
        nb = len(edges[j]) + 1
        if nb < 2:
            continue
        gs = np.bincount(binned[rows, j], weights=g[rows], minlength=nb)
        hs = np.bincount(binned[rows, j], weights=h[rows], minlength=nb)
        gl, hl = np.cumsum(gs)[:-1], np.cumsum(hs)[:-1]
        gr, hr = G - gl, H - hl
        ok = (hl >= opts.min_hessian) & (hr >= opts.min_hessian)
        gain = np.where(ok, gl**2 / (hl + opts.l2) + gr**2 / (hr + opts.l2) - parent, -1.0)
        k = int(np.argmax(gain))
        if gain[k] > best[0]:
            best = (float(gain[k]), int(j), k)
    _, j, k = best
    if j < 0:
        return index
    mask = binned[rows, j] <= k
    left = _grow(binned, edges, g, h, rows[mask], columns, depth + 1, opts, nodes)
    right = _grow(binned, edges, g, h, rows[~mask], columns, depth + 1, opts, nodes)
    nodes[index] = (j, float(edges[j][k]), left, right, 0.0)
    return index


def predict_tree(tree: tuple[Node, ...], row: np.ndarray | list[float]) -> float:
    k = 0
    while True:
        feature, threshold, left, right, value = tree[k]
        if feature < 0:
            return value
        k = left if row[feature] <= threshold else right


def predict_many(tree: tuple[Node, ...], x: np.ndarray) -> np.ndarray:
    """The tree's value for every row of x."""
    out = np.zeros(len(x))

    def walk(k: int, rows: np.ndarray) -> None:
        feature, threshold, left, right, value = tree[k]
        if feature < 0:
            out[rows] = value
            return
        go_left = x[rows, feature] <= threshold
        walk(left, rows[go_left])
        walk(right, rows[~go_left])

    walk(0, np.arange(len(x)))
    return out


def predict(model: Model, x: np.ndarray) -> np.ndarray:
    base, trees = model
    return base + sum((predict_many(t, x) for t in trees), np.zeros(len(x)))
