"""--workers N: the same outcomes, in the same order, as one process."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import InputError, ModelError
from eventwire.models import Document, RawInput
from eventwire.pipeline import Outcome, Pipeline
from eventwire.read import read_inputs
from eventwire.scale import workers
from eventwire.settings import Settings
from scale.conftest import comparable


class FakePipeline(Pipeline):
    """Cleaning and analysis stubbed out, so the scheduling is tested on its own."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, "extract")
        self.seen: dict[str, str] = {}
        self.analysed: list[str] = []

    def clean_raw(self, raw: RawInput) -> Document:
        text = raw.content.decode() if isinstance(raw.content, bytes) else raw.content
        if not text.strip():
            raise InputError(raw.origin, "empty")
        return Document(id=raw.id or raw.origin, text=text, origin=raw.origin)

    def mark_duplicate(self, document: Document) -> Document:
        original = self.seen.setdefault(document.text, document.id)
        if original != document.id:
            return dataclasses.replace(document, duplicate_of=original)
        return document

    def analyse(self, documents: Sequence[Document]) -> list[Document | tuple[Outcome, ...]]:
        out: list[Document | tuple[Outcome, ...]] = []
        for document in documents:
            self.analysed.append(document.id)
            if "boom" in document.text:
                failed = dataclasses.replace(document, errors=("extract failed: boom",))
                out.append((InputError(document.origin, "extract failed: boom"), failed))
            else:
                out.append(dataclasses.replace(document, section="analysed"))
        return out


def _items() -> list[RawInput | InputError]:
    texts = ["one", "two", "", "one", "boom", "three", "four", "two", "five", "six", "seven"]
    items: list[RawInput | InputError] = [
        RawInput(origin=f"in:{n}", kind="text", content=t, id=f"d{n}") for n, t in enumerate(texts)
    ]
    items.insert(6, InputError("in:bad", "invalid JSON"))
    return items


@pytest.mark.parametrize("window", [1, 2, 5])
def test_scheduler_keeps_order_duplicates_skips_and_errors(
    monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    settings = Settings(batch_size=2, progress=False)

    def skip(document: Document) -> bool:
        return document.id == "d9"

    serial = FakePipeline(settings)
    expected = comparable(list(serial.run(_items(), skip)))
    parent, worker = FakePipeline(settings), FakePipeline(settings)
    monkeypatch.setattr(workers, "_worker_pipeline", worker)
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = comparable(list(workers._schedule(parent, pool, _items(), skip, window)))
    assert got == expected
    # Duplicates (d3, d7), the skipped d9 and the empty d2 were never analysed.
    assert sorted(worker.analysed) == sorted(serial.analysed)
    assert {"d2", "d3", "d7", "d9"}.isdisjoint(worker.analysed)
    kinds = [o[0] if isinstance(o, tuple) else o["section"] for o in got]
    assert kinds.count("error") == 3  # the empty text, the bad line, the failed analysis


@pytest.mark.slow
def test_two_processes_give_the_same_records_as_one(corpus: Path) -> None:
    one = Settings(batch_size=3, progress=False)
    two = one.replace(workers=2)
    serial = comparable(list(Pipeline(one).run(read_inputs([str(corpus)], one))))
    parallel = comparable(list(Pipeline(two).run(read_inputs([str(corpus)], two))))
    assert parallel == serial
    records: list[Any] = [o for o in serial if isinstance(o, dict)]
    assert any(r["events"] for r in records), "the corpus should yield events"
    assert [r["duplicate_of"] for r in records if "duplicate_of" in r]  # the copy is marked


@pytest.mark.slow
def test_a_missing_model_stops_the_run_with_its_error() -> None:
    settings = Settings(spacy_model="no_such_spacy_model", workers=2, batch_size=1)
    page = Path(__file__).resolve().parents[2] / "demo" / "aleppo_page.txt"
    raws = [RawInput(origin=f"x{n}", kind="text", content=page.read_bytes()) for n in range(2)]
    with pytest.raises(ModelError, match="no_such_spacy_model"):
        list(Pipeline(settings.replace(progress=False)).run(raws))


def test_one_batch_is_run_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("worker processes started for a single batch")

    monkeypatch.setattr(workers, "run_parallel", refuse)
    settings = Settings(batch_size=len(_items()), workers=2, progress=False)
    got = comparable(list(FakePipeline(settings).run(_items())))
    assert got == comparable(list(FakePipeline(settings.replace(workers=1)).run(_items())))


def test_more_than_one_batch_goes_to_the_workers_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[object]] = []

    def record(pipeline: Pipeline, items: Any, skip: object) -> Any:
        seen.append(list(items))
        return iter(())

    monkeypatch.setattr(workers, "run_parallel", record)
    list(FakePipeline(Settings(batch_size=5, workers=2, progress=False)).run(_items()))
    assert len(seen) == 1
    assert [repr(i) for i in seen[0]] == [repr(i) for i in _items()]  # nothing lost looking ahead
