"""The contract CLI: help, usage errors, one error line per bad input, records that validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

from contract import check_document

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "demo" / "aleppo_page.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line]


@pytest.mark.parametrize(
    "command", ["extract", "clean", "geoparse", "ingest", "events", "serve", "watch", "token"]
)
def test_every_command_explains_itself(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: eventwire " + command in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--published", "2024-13-01", "x.txt"],
        ["extract", "--format", "xml", "x.txt"],
        ["events", "--bbox", "1,2,3"],
        ["frobnicate"],
    ],
)
def test_bad_usage_is_exit_2_with_one_error_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("eventwire: error: ")


@pytest.mark.slow
def test_bad_inputs_each_give_one_error_and_the_rest_come_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "records.jsonl").write_text(
        '{"id": "r1", "text": "Protesters gathered in Beirut on Friday.", '
        '"published": "2019-10-18"}\n'
        "{broken\n"
    )
    inputs = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "junk.html"),
        str(tmp_path / "records.jsonl"),
        str(PAGE),
    ]
    status, out, err = run(capsys, "clean", *inputs)
    assert status == 1
    assert all(line.startswith("eventwire: error: ") for line in err), err
    subjects = " ".join(err)
    for bad in ("missing.txt", "empty.txt", "junk.html", "records.jsonl:2"):
        assert bad in subjects
    assert len(err) == 4, err
    records = [json.loads(line) for line in out.splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == 2 and ids[0] == "r1" and ids[1].startswith("doc-")
    for record in records:
        check_document(record, events=False, places=False)


@pytest.mark.slow
def test_extract_a_scraped_page(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "extract", str(PAGE), "--published", "2024-11-30")
    assert status == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    check_document(record, events=True, places=True)
    text = record["text"]
    assert "EDITOR'S PICKS" not in text and "WhatsApp" not in text
    assert "Hayat Tahrir al-Sham" in text
    assert record["published"] == "2024-11-30"
    assert record["events"], "the page reports several events"


def test_token_is_shown_once_stored_hashed_and_revocable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    status, out, _ = run(capsys, "token", "newsroom-bot", "--db", db)
    token = out.strip()
    assert status == 0 and len(token) >= 32
    assert not any(token.encode() in f.read_bytes() for f in tmp_path.iterdir())
    status, _, _ = run(capsys, "token", "newsroom-bot", "--revoke", "--db", db)
    assert status == 0
    status, _, err = run(capsys, "token", "newsroom-bot", "--revoke", "--db", db)
    assert status == 2 and err == ["eventwire: error: newsroom-bot: no token with that name"]
