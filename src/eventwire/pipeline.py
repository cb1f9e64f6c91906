"""Builds the stages from settings and runs them: read, clean, nlp, places and dates, events."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from eventwire.errors import EventwireError, InputError
from eventwire.models import Document, RawInput
from eventwire.read import ReadItem, record_to_raw
from eventwire.settings import Settings

if TYPE_CHECKING:
    from eventwire.store.base import IngestResult, Store

# eventwire runs in parallel with processes, one per core (`--workers`, Ray actors). numpy's
# OpenBLAS would add a thread per process that mostly spins: measured on FA-KES articles,
# spaCy's work took about 10% more CPU time with it. numpy reads this when it loads (eventwire
# loads it later, for cleaning and spaCy), so it is set here; a value already set wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

Mode = Literal["clean", "geoparse", "extract"]
Outcome = Document | InputError


class Pipeline:
    """The document pipeline for one mode; stages are loaded once, on first use."""

    def __init__(self, settings: Settings, mode: Mode = "extract") -> None:
        self.settings = settings
        self.mode = mode
        self._dedup: Any = None

    @functools.cached_property
    def nlp(self) -> Any:
        from eventwire.nlp import load_language

        return load_language(self.settings)

    @functools.cached_property
    def geoparser(self) -> Any:
        from eventwire.resolve.geo import Geoparser

        return Geoparser.load(self.settings)

    @functools.cached_property
    def extractor(self) -> Any:
        from eventwire.extract import EventExtractor

        return EventExtractor(self.settings)

    def clean(self, raw: RawInput) -> Document:
        """One raw input as a clean Document; raises InputError for unusable input."""
        document = self.clean_raw(raw)
        if self.mode != "clean":
            document = self.mark_duplicate(document)
        return document

    def clean_raw(self, raw: RawInput) -> Document:
        """Cleaning alone, without near-duplicate marking (which must see documents in order)."""
        from eventwire.clean import clean_document

        document = clean_document(raw, self.settings)
        if raw.outlet and not document.outlet:
            document = dataclasses.replace(document, outlet=raw.outlet)
        return document

    def clean_batch(self, batch: Sequence[ReadItem], dedup: bool = True) -> list[Outcome]:
        """Clean every item of a batch; an unusable input becomes its InputError."""
        cleaned: list[Outcome] = []
        for item in batch:
            if isinstance(item, InputError):
                cleaned.append(item)
                continue
            try:
                cleaned.append(self.clean(item) if dedup else self.clean_raw(item))
            except EventwireError as exc:
                cleaned.append(InputError(exc.subject, exc.message))
        return cleaned

    def to_analyse(
        self, cleaned: Sequence[Outcome], skip: Callable[[Document], bool] | None = None
    ) -> list[Document]:
        """The cleaned documents that go on to analysis: English, not duplicates, not skipped."""
        return [
            d
            for d in cleaned
            if isinstance(d, Document)
            and d.language == "en"
            and not d.duplicate_of
            and not (skip and skip(d))
        ]

    def mark_duplicate(self, document: Document) -> Document:
        """The document with `duplicate_of` set when it is a near-copy of one seen before."""
        if self._dedup is None:
            from eventwire.clean.dedup import NearDuplicateIndex

            self._dedup = NearDuplicateIndex()
        original = self._dedup.check_and_add(document)
        if original and original != document.id:
            return dataclasses.replace(document, duplicate_of=original)
        return document

    def run(
        self, items: Iterable[ReadItem], skip: Callable[[Document], bool] | None = None
    ) -> Iterator[Outcome]:
        """Outcomes in input order. Documents for which `skip` is true are passed through as
        cleaned, without analysis (ingest uses it for documents already stored).

        With `settings.workers` > 1 and more than one batch of input, cleaning and analysis run
        on that many processes (one batch, as from the API or a feed poll, is not worth it).
        """
        if self.settings.workers > 1:
            iterator = iter(items)
            first = list(itertools.islice(iterator, self.settings.batch_size + 1))
            items = itertools.chain(first, iterator)
            if len(first) > self.settings.batch_size:
                from eventwire.scale.workers import run_parallel

                yield from run_parallel(self, items, skip)
                return
        for batch in batched(items, self.settings.batch_size):
            cleaned = self.clean_batch(batch)
            if self.mode == "clean":
                yield from cleaned
                continue
            todo = self.to_analyse(cleaned, skip)
            yield from merge_analysed(cleaned, todo, self.analyse(todo))

    def analyse(self, documents: Sequence[Document]) -> list[Document | tuple[Outcome, ...]]:
        """NLP, places and (in extract mode) dates and events for a batch of documents.

        A crash inside a stage on one document becomes that document's error; the batch goes on.
        """
        if not documents:
            return []
        from eventwire.resolve.dates import find_dates

        out: list[Document | tuple[Outcome, ...]] = []
        spacy_docs = self.nlp.pipe((d.text for d in documents), batch_size=self.settings.batch_size)
        for document, spacy_doc in zip(documents, spacy_docs, strict=True):
            try:
                places = self.geoparser.find_places(document.text, spacy_doc)
                events: tuple[Any, ...] = ()
                notes: tuple[str, ...] = ()
                if self.mode == "extract":
                    dates = find_dates(document.text, document.published)
                    found = self.extractor.extract_with_notes(document, spacy_doc, places, dates)
                    events, notes = found.events, found.notes
                out.append(
                    dataclasses.replace(
                        document,
                        places=tuple(places),
                        events=events,
                        errors=(*document.errors, *notes),
                    )
                )
            except Exception as exc:  # a bug in one stage must not sink the whole batch
                message = f"{self.mode} failed: {type(exc).__name__}: {exc}"
                failed = dataclasses.replace(document, errors=(*document.errors, message))
                out.append((InputError(document.origin or document.id, message), failed))
        return out


def merge_analysed(
    cleaned: Sequence[Outcome],
    todo: Sequence[Document],
    analysed: Sequence[Document | tuple[Outcome, ...]],
) -> Iterator[Outcome]:
    """The cleaned outcomes in order, each analysed document replaced by its analysis."""
    by_id = dict(zip(map(id, todo), analysed, strict=True))
    for outcome in cleaned:
        result = by_id.get(id(outcome), outcome)
        if isinstance(result, tuple):
            yield from result
        else:
            yield result


def batched(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    """The items in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


def ingest(
    items: Iterable[ReadItem],
    store: Store,
    settings: Settings,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestResult:
    """Extract events from every item and store them, one transaction per batch.

    Documents already in the store are recognised by id and not analysed again.
    """
    pipeline = Pipeline(settings, "extract")
    outcomes = pipeline.run(items, skip=lambda d: store.has_document(d.id))
    return store_outcomes(outcomes, store, settings, on_outcome)


def store_outcomes(
    outcomes: Iterable[Outcome],
    store: Store,
    settings: Settings,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestResult:
    """Store analysed documents in batches of `settings.batch_size`; count what happened."""
    from eventwire.store.base import IngestResult

    totals: dict[str, int] = dict.fromkeys(
        ("documents_new", "documents_existing", "events_new", "events_merged"), 0
    )
    errors: list[str] = []
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        result = store.put_documents(pending)
        for key in totals:
            totals[key] += getattr(result, key)
        errors.extend(result.errors)
        pending.clear()

    for outcome in outcomes:
        if on_outcome:
            on_outcome(outcome)
        if isinstance(outcome, InputError):
            errors.append(str(outcome))
            continue
        pending.append(outcome)
        if len(pending) >= settings.batch_size:
            flush()
    flush()
    return IngestResult(errors=errors, **totals)


def ingest_records(records: Sequence[Any], store: Store, settings: Settings) -> IngestResult:
    """Ingest jsonl-style records ({id, text|html, published?, url?, title?}), as the API does."""
    items: list[ReadItem] = []
    for number, record in enumerate(records, start=1):
        try:
            items.append(record_to_raw(record, f"record {number}"))
        except InputError as exc:
            items.append(exc)
    return ingest(items, store, settings)
