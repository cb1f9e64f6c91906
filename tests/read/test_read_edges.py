"""Readers on inputs an outside user hands over: a BOM, a blank id, an empty web archive."""

from __future__ import annotations

import io
from pathlib import Path

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.read import read_inputs
from eventwire.settings import Settings

SETTINGS = Settings()
RECORDS = b'{"id": "a", "text": "Shelling in Homs."}\n{"id": "b", "text": "A raid in Hama."}\n'


def test_jsonl_saved_with_a_byte_order_mark_keeps_its_first_record(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + RECORDS)
    from_file = list(read_inputs([str(path)], SETTINGS))
    from_stdin = list(read_inputs(["-"], SETTINGS, io.BytesIO(b"\xef\xbb\xbf" + RECORDS)))
    for items in (from_file, from_stdin):
        assert [i.id for i in items if isinstance(i, RawInput)] == ["a", "b"], items


def test_a_blank_id_is_an_error_as_in_the_api(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"id": "  ", "text": "Shelling in Homs."}\n')
    [item] = list(read_inputs([str(path)], SETTINGS))
    assert isinstance(item, InputError)
    assert (item.subject, item.message) == (f"{path}:1", "id: missing or not a string")


def test_an_empty_web_archive_is_reported_like_any_empty_file(tmp_path: Path) -> None:
    for name in ("empty.warc", "empty.warc.gz"):
        path = tmp_path / name
        path.write_bytes(b"")
        [item] = list(read_inputs([str(path)], SETTINGS))
        assert isinstance(item, InputError)
        assert (item.subject, item.message) == (str(path), "file is empty")
