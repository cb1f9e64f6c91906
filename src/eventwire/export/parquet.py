"""Events as Apache Parquet (pyarrow): typed columns, evidence as a list of structs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from eventwire.export.fields import EVENT_FIELDS

_ROW_GROUP = 10_000


def schema() -> Any:
    import pyarrow as pa

    evidence = pa.struct(
        [
            ("field", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("document_id", pa.string()),
        ]
    )
    kinds = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "list": pa.list_(pa.string()),
        "evidence": pa.list_(evidence),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in EVENT_FIELDS])


def _chunks(events: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(events)
    while chunk := list(islice(iterator, _ROW_GROUP)):
        yield chunk


def write(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Writes row groups of 10,000 events; fields outside the contract are left out."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = schema()
    count = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), target, compression="zstd") as writer:
        for chunk in _chunks(events):
            columns = {name: [e.get(name) for e in chunk] for name in target.names}
            writer.write_table(pa.Table.from_pydict(columns, schema=target))
            count += len(chunk)
    return count


def read(handle: IO[bytes]) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(handle).to_pylist()
    for row in rows:
        row["evidence"] = [
            {k: v for k, v in item.items() if not (k == "document_id" and v is None)}
            for item in row.get("evidence") or ()
        ]
        row["document_ids"] = row.get("document_ids") or []
    return rows
