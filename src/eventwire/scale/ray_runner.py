"""The same pipeline on Ray Data: shards read by tasks, an actor pool holding the pipeline.

Reading (one task per input file) and cleaning + NLP + extraction (`map_batches` on a pool of
actors, each loading the model once) run on the cluster. The driver sees the results in input
order and does what must see every document in order, exactly as `Pipeline.run` does:
near-duplicate marking, skipping documents already stored, and writing to the store (one writer),
so the store ends up with the same documents and events as `eventwire ingest` on one process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import EventwireError, InputError, UsageError
from eventwire.models import Document, RawInput
from eventwire.scale.wire import WireError, to_wire, unwire

if TYPE_CHECKING:
    from eventwire.pipeline import Mode, Outcome
    from eventwire.read import ReadItem
    from eventwire.settings import Settings
    from eventwire.store.base import IngestResult


@dataclass(frozen=True, slots=True)
class RayOptions:
    """How to reach Ray and where results go."""

    address: str | None = (
        None  # a cluster ("ray://head:10001", "auto"); None: $RAY_ADDRESS or local
    )
    actors: int | None = None  # pipeline actors; None: settings.workers
    parquet: str | None = None  # write events to this Parquet file instead of the store
    published: dt.date | None = None  # for inputs that carry no publication date
    url: str | None = None  # for inputs that carry no URL


def ingest_with_ray(
    inputs: list[str], settings: Settings, options: RayOptions | None = None
) -> IngestResult:
    """`eventwire ingest` on Ray: the same stored documents and events as the local path."""
    from eventwire.pipeline import store_outcomes
    from eventwire.store import open_store

    options = options or RayOptions()
    with native_stderr_to(RAY_LOG):
        if options.parquet:
            return _write_parquet(run_with_ray(inputs, settings, options), options.parquet)
        store = open_store(settings.db)
        try:
            outcomes = run_with_ray(
                inputs, settings, options, skip=lambda d: store.has_document(d.id)
            )
            return store_outcomes(outcomes, store, settings)
        finally:
            store.close()


# Where Ray's own messages go while eventwire runs on it: its native core writes notices
# ("Token authentication is enabled ...", "core_worker.cc: ... max_restarts") straight to the
# process's standard error, and the processes it starts inherit it.
RAY_LOG = Path(tempfile.gettempdir()) / "eventwire-ray.log"


@contextlib.contextmanager
def native_stderr_to(path: Path) -> Iterator[None]:
    """Send what is written to file descriptor 2 (native code, child processes, loggers bound to
    it) to `path` while keeping `sys.stderr` on the real standard error: standard error is for
    eventwire's own messages, one line each, in one format."""
    sys.stderr.flush()
    saved = os.dup(2)
    own = sys.stderr
    try:
        with path.open("ab") as log:
            os.dup2(log.fileno(), 2)
        with open(os.dup(saved), "w", encoding=own.encoding, errors="backslashreplace") as real:
            sys.stderr = real
            try:
                yield
            finally:
                real.flush()
                sys.stderr = own
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def run_with_ray(
    inputs: Sequence[str],
    settings: Settings,
    options: RayOptions | None = None,
    skip: Callable[[Document], bool] | None = None,
    mode: Mode = "extract",
) -> Iterator[Outcome]:
    """`Pipeline(settings, mode).run(...)` outcomes for every input, in order, computed on Ray."""
    from eventwire.pipeline import Pipeline

    options = options or RayOptions()
    dataset = _dataset(inputs, settings, options, mode)
    driver = Pipeline(settings, mode)  # used for near-duplicate marking only
    for batch in dataset.iter_batches(batch_size=settings.batch_size, batch_format="numpy"):
        for payload in batch["result"]:
            cleaned, analysed = pickle.loads(payload)
            yield from _merge(driver, unwire(cleaned), analysed, skip)


def _merge(
    driver: Any, cleaned: Outcome, analysed: Any, skip: Callable[[Document], bool] | None
) -> Iterator[Outcome]:
    """What `Pipeline.run` yields for one cleaned item, given the actor's analysis of it."""
    if isinstance(cleaned, InputError):
        yield cleaned
        return
    document = driver.mark_duplicate(cleaned)
    if analysed is None or document.duplicate_of or (skip and skip(document)):
        yield document
    elif isinstance(analysed, tuple):
        yield from (unwire(o) for o in analysed)
    else:
        yield unwire(analysed)


def _dataset(inputs: Sequence[str], settings: Settings, options: RayOptions, mode: Mode) -> Any:
    try:
        import ray.data
    except ImportError:
        raise UsageError(
            "--engine ray", "Ray is not installed; run: pip install 'ray[data]==2.60.0'"
        ) from None

    _connect(settings, options)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the driver merges in input order
    context.enable_progress_bars = settings.progress and sys.stderr.isatty()
    context.print_on_execution_start = False
    sources = list(_sources(inputs, settings))
    actors = max(1, options.actors or settings.workers)
    return (
        ray.data.from_items(sources, override_num_blocks=max(1, len(sources)))
        .flat_map(functools.partial(_read_shard, settings=settings, options=options))
        # Blocks of one batch each, streamed: a single large shard still feeds every actor.
        .repartition(target_num_rows_per_block=settings.batch_size)
        .map_batches(
            _pipeline_actor(settings, mode),
            batch_size=settings.batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
    )


def _connect(settings: Settings, options: RayOptions) -> None:
    """Join the cluster named by options/$RAY_ADDRESS, else start a private local one."""
    import ray

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # stderr is for eventwire's errors
    # (a notice on Ray's own default, logged while ray.init resets Ray's log handlers)
    logging.getLogger("ray._private.authentication").setLevel(logging.ERROR)
    if ray.is_initialized():
        return
    # Ray must not reach the network at run time: no usage reports, no runtime_env installs.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    address = options.address or os.environ.get("RAY_ADDRESS")
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            actors = max(1, options.actors or settings.workers)
            ray.init(
                num_cpus=actors + 1,  # one more than the actor pool, for the read tasks
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
    except (OSError, RuntimeError, ConnectionError, ValueError) as exc:
        # (an OSError would otherwise read as a failed write to stdout)
        where = address or "a local Ray"
        raise EventwireError("--engine ray", f"could not start or reach {where}: {exc}") from None
    _ray_notices_to(RAY_LOG)


def _ray_notices_to(path: Path) -> None:
    """Ray's Python notices go to `path` (after ray.init, which resets Ray's handlers): with
    no handler they reach standard error through logging's last resort."""
    ray_logger = logging.getLogger("ray")
    for handler in list(ray_logger.handlers):
        if not isinstance(handler, logging.FileHandler):
            ray_logger.removeHandler(handler)
    if not ray_logger.handlers:
        handler = logging.FileHandler(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        ray_logger.addHandler(handler)
    ray_logger.propagate = False


def _sources(inputs: Sequence[str], settings: Settings) -> Iterator[dict[str, Any]]:
    """One row per file to read (directories expanded as `read_inputs` does); standard input
    is read here, on the driver, since workers cannot see it."""

    from eventwire.read import read_stdin, walk

    for name in inputs:
        if name == "-":
            items = [to_wire(i) for i in read_stdin(sys.stdin.buffer, settings)]
            yield {"path": "", "inline": pickle.dumps(items)}
        elif Path(name).is_dir():
            yield from ({"path": str(p), "inline": b""} for p in walk(Path(name)))
        else:
            yield {"path": name, "inline": b""}


def _read_shard(row: dict[str, Any], settings: Settings, options: RayOptions) -> list[Any]:
    """Ray task body: the documents of one file (or of standard input read by the driver)."""
    from eventwire.read import read_inputs

    items: list[Any]
    if row["inline"]:
        items = [unwire(i) for i in pickle.loads(row["inline"])]
    else:
        items = list(read_inputs([row["path"]], settings))
    return [{"item": pickle.dumps(to_wire(_with_defaults(i, options)))} for i in items]


def _with_defaults(item: ReadItem, options: RayOptions) -> ReadItem:
    """--published and --url applied where the input carries none, as the CLI does."""
    if isinstance(item, RawInput):
        if options.published and item.published is None:
            item = dataclasses.replace(item, published=options.published)
        if options.url and item.url is None:
            item = dataclasses.replace(item, url=options.url)
    return item


def _pipeline_actor(settings: Settings, mode: Mode) -> type[_PipelineActor]:
    """The actor class with its settings built in (Ray ships it by value to every node)."""

    class PipelineActor(_PipelineActor):
        def __init__(self) -> None:
            super().__init__(settings, mode)

    return PipelineActor


class _PipelineActor:
    """Ray actor: a pipeline loaded once, cleaning and analysing batches of read items."""

    def __init__(self, settings: Settings, mode: Mode) -> None:
        from eventwire.pipeline import Pipeline

        self.pipeline = Pipeline(settings.replace(workers=1), mode)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        items = [unwire(pickle.loads(b)) for b in batch["item"]]
        try:
            cleaned = self.pipeline.clean_batch(items, dedup=False)
            todo = self.pipeline.to_analyse(cleaned)
            analysed = dict(zip(map(id, todo), self.pipeline.analyse(todo), strict=True))
        except EventwireError as exc:  # a missing model or data file: stop the run, say why
            fatal = pickle.dumps((WireError.of(exc, fatal=True), None))
            return {"result": np.array([fatal] * len(items), dtype=object)}
        rows = [pickle.dumps((to_wire(c), _wire_result(analysed.get(id(c))))) for c in cleaned]
        return {"result": np.array(rows, dtype=object)}


def _wire_result(result: Any) -> Any:
    if isinstance(result, tuple):
        return tuple(to_wire(o) for o in result)
    return result


def _write_parquet(outcomes: Iterator[Outcome], path: str) -> IngestResult:
    """Events of every document (one row per report, not clustered) into a Parquet file."""
    from eventwire.export import write_events
    from eventwire.store.base import IngestResult

    counts = {"documents": 0, "events": 0}
    errors: list[str] = []

    def events() -> Iterator[dict[str, Any]]:
        for outcome in outcomes:
            if isinstance(outcome, InputError):
                errors.append(str(outcome))
                continue
            counts["documents"] += 1
            for event in outcome.events:
                counts["events"] += 1
                yield event.to_record()

    with Path(path).open("wb") as handle:
        write_events(events(), "parquet", handle)
    return IngestResult(
        documents_new=counts["documents"], events_new=counts["events"], errors=errors
    )
