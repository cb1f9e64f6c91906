"""A jsonl id longer than a store keeps is refused as the record is read, naming the limit."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.read import read_inputs
from eventwire.settings import Settings
from eventwire.store.base import MAX_ID_BYTES


def test_an_id_over_the_limit_is_one_error_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    records = [
        {"id": "x" * (MAX_ID_BYTES + 1), "text": "Shelling in Homs."},
        {"id": "ж" * (MAX_ID_BYTES // 2 + 1), "text": "Shelling in Homs."},
        {"id": "y" * MAX_ID_BYTES, "text": "A raid in Hama."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first, second, third = list(read_inputs([str(path)], Settings()))
    for number, item, size in ((1, first, MAX_ID_BYTES + 1), (2, second, MAX_ID_BYTES + 2)):
        assert isinstance(item, InputError)
        assert item.subject == f"{path}:{number}"
        assert item.message == f"id: {size} bytes in UTF-8; at most {MAX_ID_BYTES}"
    assert isinstance(third, RawInput) and third.id == "y" * MAX_ID_BYTES
