"""The pipeline on several local processes: the model loaded once per worker, outcomes in order.

Each batch goes through two tasks. A worker cleans it; the parent marks near-duplicates in input
order (so the result is the same as on one process) and asks `skip`; a worker analyses what is
left. The parent keeps a bounded number of batches in flight and yields them in input order.
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.errors import EventwireError
from eventwire.scale.wire import WireError, raise_wired, to_wire, unwire

if TYPE_CHECKING:
    from eventwire.models import Document
    from eventwire.pipeline import Mode, Outcome, Pipeline
    from eventwire.read import ReadItem
    from eventwire.settings import Settings

# Batches in flight per worker: enough to keep every worker busy while the parent merges.
IN_FLIGHT_PER_WORKER = 2
# "forkserver" starts workers from a clean process: safe when the parent runs threads (tqdm,
# a web server) and the same on every POSIX system. Each worker loads the model once.
START_METHOD = "forkserver"

# Modules (not models or data) imported once by the forkserver, before it forks workers.
PRELOAD = ("eventwire.pipeline", "eventwire.clean", "spacy", "thinc.api")

_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings, mode: Mode) -> None:
    from eventwire.pipeline import Pipeline

    global _worker_pipeline  # per-process state, rebuilt from picklable settings
    _worker_pipeline = Pipeline(settings.replace(workers=1), mode)


def _pipeline() -> Pipeline:
    assert _worker_pipeline is not None, "worker used before _init_worker"
    return _worker_pipeline


def _clean_task(batch: Sequence[object]) -> list[object]:
    try:
        items: list[ReadItem] = [unwire(item) for item in batch]
        return [to_wire(o) for o in _pipeline().clean_batch(items, dedup=False)]
    except EventwireError as exc:  # a broken model or data file: the whole run stops
        return [WireError.of(exc, fatal=True)]


def _analyse_task(documents: Sequence[Document]) -> list[object]:
    try:
        results = _pipeline().analyse(documents)
    except EventwireError as exc:
        return [WireError.of(exc, fatal=True)]
    return [tuple(to_wire(o) for o in r) if isinstance(r, tuple) else r for r in results]


@dataclass
class _Batch:
    """One batch on its way through the pool."""

    cleaning: Future[list[object]]
    cleaned: list[Outcome] | None = None
    todo: list[Document] | None = None
    analysing: Future[list[object]] | None = None


def run_parallel(
    pipeline: Pipeline,
    items: Iterable[ReadItem],
    skip: Callable[[Document], bool] | None = None,
) -> Iterator[Outcome]:
    """`pipeline.run(items, skip)` on `pipeline.settings.workers` processes, same outcomes."""
    settings = pipeline.settings
    workers = max(1, settings.workers)
    # One BLAS thread per worker: eventwire.pipeline (imported by now) set OPENBLAS_NUM_THREADS,
    # and the workers start from this environment.
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        # Workers fork from a server that has imported these once (no per-worker import cost);
        # each still loads its own model and data from settings.
        context.set_forkserver_preload(list(PRELOAD))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings, pipeline.mode),
    )
    try:
        yield from _schedule(pipeline, pool, items, skip, workers * IN_FLIGHT_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _schedule(
    pipeline: Pipeline,
    pool: Executor,
    items: Iterable[ReadItem],
    skip: Callable[[Document], bool] | None,
    window: int,
) -> Iterator[Outcome]:
    from eventwire.pipeline import batched, merge_analysed

    pending: collections.deque[_Batch] = collections.deque()
    batches = batched(items, pipeline.settings.batch_size)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
            else:
                wired = [to_wire(item) for item in batch]
                pending.append(_Batch(pool.submit(_clean_task, wired)))
        if not pending:
            return
        _advance(pipeline, pool, pending, skip)
        head = pending[0]
        if head.analysing is not None and not head.analysing.done():
            # Wake up when the head is analysed or another batch is cleaned, so that batch's
            # analysis is queued at once and no worker waits idle behind the head.
            cleaning = [e.cleaning for e in pending if e.cleaned is None]
            wait([head.analysing, *cleaning], return_when=FIRST_COMPLETED)
            continue
        pending.popleft()
        assert head.cleaned is not None and head.todo is not None
        if head.analysing is None:
            yield from head.cleaned
            continue
        analysed = [_unwire_result(r) for r in head.analysing.result()]
        yield from merge_analysed(head.cleaned, head.todo, analysed)


def _advance(
    pipeline: Pipeline,
    pool: Executor,
    pending: collections.deque[_Batch],
    skip: Callable[[Document], bool] | None,
) -> None:
    """Queue the analysis of every cleaned batch at the front, in input order (near-duplicates
    are marked in that order); waits for the first batch's cleaning only."""
    for position, entry in enumerate(pending):
        if entry.cleaned is not None:
            continue
        if position and not entry.cleaning.done():
            break
        _start_analysis(pipeline, pool, entry, skip)


def _start_analysis(
    pipeline: Pipeline,
    pool: Executor,
    entry: _Batch,
    skip: Callable[[Document], bool] | None,
) -> None:
    cleaned = [unwire(o) for o in entry.cleaning.result()]
    if pipeline.mode == "clean":
        entry.cleaned, entry.todo = cleaned, []
        return
    from eventwire.models import Document

    entry.cleaned = [pipeline.mark_duplicate(o) if isinstance(o, Document) else o for o in cleaned]
    entry.todo = pipeline.to_analyse(entry.cleaned, skip)
    if entry.todo:
        entry.analysing = pool.submit(_analyse_task, entry.todo)


def _unwire_result(result: object) -> Document | tuple[Outcome, ...]:
    if isinstance(result, WireError) and result.fatal:
        raise_wired(result)
    if isinstance(result, tuple):
        return tuple(unwire(o) for o in result)
    return result  # type: ignore[return-value]
