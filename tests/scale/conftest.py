"""A small corpus for the scale tests: demo articles, a near-copy, a bad line, a non-article."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from eventwire.errors import InputError
from eventwire.models import Document

DEMO = Path(__file__).resolve().parents[2] / "demo" / "fakes_sample.jsonl"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A directory of two jsonl shards and a text file: 7 articles, one repeated under a new
    id (a near-duplicate), one record with no id, one empty text file."""
    records = [orjson.loads(line) for line in DEMO.read_bytes().splitlines()[:7]]
    root = tmp_path / "corpus"
    root.mkdir()
    first = [orjson.dumps(r) for r in records[:4]]
    (root / "a.jsonl").write_bytes(b"\n".join(first) + b"\n")
    copy = dict(records[1], id="copy-of-second")
    second = [orjson.dumps(r) for r in records[4:]]
    second += [orjson.dumps(copy), b'{"text": "no id here"}']
    (root / "b.jsonl").write_bytes(b"\n".join(second) + b"\n")
    (root / "c.txt").write_bytes(b"")
    return root


def comparable(outcomes: list[Document | InputError]) -> list[object]:
    """Outcomes as plain values that compare equal when the results are the same."""
    out: list[object] = []
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            out.append(("error", type(outcome).__name__, outcome.subject, outcome.message))
        else:
            out.append(outcome.to_record(events=True, places=True) | {"origin": outcome.origin})
    return out
