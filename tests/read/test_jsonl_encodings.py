"""jsonl not in UTF-8: UTF-16/32 (as Windows tools save it) is read; other bytes are named."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.read import read_inputs
from eventwire.settings import Settings

SETTINGS = Settings()
RECORDS = [
    {"id": "a", "text": "Shelling near the café in Homs."},
    {"id": "b", "text": "A raid in Hama."},
]
LINES = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in RECORDS)


def contents(items: list[RawInput | InputError]) -> list[tuple[str | None, object]]:
    assert all(isinstance(i, RawInput) for i in items), items
    return [(i.id, i.content) for i in items if isinstance(i, RawInput)]


EXPECTED = [(r["id"], r["text"]) for r in RECORDS]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + LINES.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + LINES.encode("utf-16-be"),
        LINES.encode("utf-16-le"),
        LINES.encode("utf-16-be"),
        LINES.encode("utf-32"),
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_utf16_and_utf32_jsonl_read_as_utf8(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(data)
    assert contents(list(read_inputs([str(path)], SETTINGS))) == EXPECTED
    assert contents(list(read_inputs(["-"], SETTINGS, io.BytesIO(data)))) == EXPECTED


def test_utf16_plain_text_on_standard_input_stays_text() -> None:
    data = codecs.BOM_UTF16_LE + "Shelling in Homs.".encode("utf-16-le")
    [item] = list(read_inputs(["-"], SETTINGS, io.BytesIO(data)))
    assert isinstance(item, RawInput)
    assert (item.kind, item.content) == ("text", data)


def test_a_latin1_line_is_one_clear_error_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(LINES.encode("latin-1"))
    first, second = list(read_inputs([str(path)], SETTINGS))
    assert isinstance(first, InputError)
    assert first.subject == f"{path}:1"
    assert first.message.startswith("not UTF-8: byte 0xE9 at byte 43 of the line")
    assert "jsonl must be UTF-8 or UTF-16" in first.message
    assert "iconv" in first.message
    assert isinstance(second, RawInput)
    assert (second.id, second.content) == ("b", "A raid in Hama.")


def test_invalid_json_in_utf8_keeps_its_parser_message(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"id": "a", "text": \n')
    [item] = list(read_inputs([str(path)], SETTINGS))
    assert isinstance(item, InputError)
    assert item.message.startswith("invalid JSON (")
