"""Readers: files, directories, stdin and jsonl records into RawInput, problems as InputError."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.read import read_inputs
from eventwire.settings import Settings

SETTINGS = Settings()


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.")
    (tmp_path / "1.html").write_text("<p>First</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # unsupported: skipped inside a directory
    (tmp_path / ".hidden.txt").write_text("hidden")
    items = list(read_inputs([str(tmp_path)], SETTINGS))
    assert [(i.kind, Path(i.origin).name) for i in items if isinstance(i, RawInput)] == [
        ("html", "1.html"),
        ("text", "2.txt"),
    ]
    assert not [i for i in items if isinstance(i, InputError)]


def test_missing_empty_oversized_and_unsupported_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF")
    good = tmp_path / "good.txt"
    good.write_text("A real article.")
    names = [str(tmp_path / "nope.txt"), str(empty), str(big), str(pdf), str(good)]
    items = list(read_inputs(names, Settings(max_input_bytes=100)))
    messages = [str(i) for i in items if isinstance(i, InputError)]
    assert messages[0].endswith("nope.txt: no such file or directory")
    assert messages[1].endswith("empty.txt: file is empty")
    assert "over the limit of 100" in messages[2]
    assert "unsupported file type" in messages[3]
    assert isinstance(items[-1], RawInput) and items[-1].content == b"A real article."


def test_jsonl_records_keep_ids_and_report_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "Clashes in Idlib.", "published": "2024-11-30", "url": "https://x.org/a"}\n'
        "{not json\n"
        "\n"
        '{"id": "c"}\n'
        '{"id": 7, "html": "<p>Seven</p>"}\n'
        '{"id": "d", "text": "x", "published": "30/11/2024"}\n'
    )
    items = list(read_inputs([str(path)], SETTINGS))
    first, bad_json, no_text, seven, bad_date = items
    assert isinstance(first, RawInput)
    assert (first.id, first.kind, first.published) == ("a", "text", dt.date(2024, 11, 30))
    assert isinstance(bad_json, InputError) and bad_json.subject == f"{path}:2"
    assert isinstance(no_text, InputError) and "non-empty 'text' or 'html'" in no_text.message
    assert isinstance(seven, RawInput) and (seven.id, seven.kind) == ("7", "html")
    assert isinstance(bad_date, InputError) and "YYYY-MM-DD" in bad_date.message


def test_stdin_is_jsonl_when_it_starts_with_a_brace_else_text() -> None:
    jsonl = io.BytesIO(b'  {"id": "x", "text": "Protest in Beirut."}\n')
    [record] = list(read_inputs(["-"], SETTINGS, stdin=jsonl))
    assert isinstance(record, RawInput) and record.id == "x"
    text = io.BytesIO(b"WORLD\nProtesters marched in Beirut.\n")
    [page] = list(read_inputs(["-"], SETTINGS, stdin=text))
    assert isinstance(page, RawInput) and page.kind == "text" and page.origin == "-"
    [empty] = list(read_inputs(["-"], SETTINGS, stdin=io.BytesIO(b"  \n")))
    assert isinstance(empty, InputError) and empty.message == "standard input is empty"
