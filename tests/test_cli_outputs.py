"""CLI arguments an outside user gets wrong (output file, address, filters): one error line."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line]


@pytest.mark.parametrize("where", ["missing/events.csv", "."])
def test_events_to_an_unwritable_output_is_one_error_line(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / where
    status, out, err = run(capsys, "events", "--db", str(tmp_path / "t.db"), "-o", str(output))
    assert status == 2
    assert out == ""
    assert err == [f"eventwire: error: {output}: cannot write: " + err[0].rsplit(": ", 1)[-1]]
    assert "No such file" in err[0] or "Is a directory" in err[0]


def _never_serve(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("the server started; the bad address should have stopped it")


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_serve_on_an_impossible_port_is_bad_usage(
    port: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("eventwire.serve.run", _never_serve)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", port])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("eventwire: error: ")


def test_serve_on_a_taken_port_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", _never_serve)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, out, err = run(capsys, "serve", "--db", str(tmp_path / "t.db"), "--port", str(port))
    assert status == 1
    assert out == ""
    assert err == [f"eventwire: error: 127.0.0.1:{port}: cannot listen: Address already in use"]


def test_serve_on_no_such_host_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", _never_serve)
    status, _, err = run(
        capsys, "serve", "--db", str(tmp_path / "t.db"), "--host", "999.1.1.1", "--port", "0"
    )
    assert status == 1
    assert len(err) == 1 and err[0].startswith("eventwire: error: 999.1.1.1:0: cannot listen: ")


@pytest.mark.parametrize(
    ("flags", "field"),
    [
        (["--event-type", "Battle"], "--event-type"),
        (["--sub-event-type", "Airstrike"], "--sub-event-type"),
        (["--since", "2020-01-01", "--until", "2019-01-01"], "--since"),
    ],
)
def test_events_filters_that_match_nothing_are_bad_usage(
    flags: list[str], field: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "events", "--db", str(tmp_path / "t.db"), *flags)
    assert status == 2
    assert out == ""
    assert len(err) == 1 and err[0].startswith(f"eventwire: error: {field}: "), err


def test_events_type_filters_are_case_insensitive_as_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = ["--event-type", "battles", "--sub-event-type", "ARMED CLASH"]
    status, out, err = run(capsys, "events", "--db", str(tmp_path / "t.db"), *flags)
    assert (status, out, err) == (0, "", [])


def test_ingest_and_token_never_print_a_database_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.store.sqlite import SQLiteStore

    # A local SQLite file stands in for the server; the URL is only what gets printed.
    monkeypatch.setattr(
        "eventwire.store.open_store", lambda url: SQLiteStore(str(tmp_path / "t.db"))
    )
    url = "postgresql://newsroom:s3cret-pw@db.example:5432/events"
    (tmp_path / "inputs").mkdir()
    status, out, err = run(capsys, "ingest", str(tmp_path / "inputs"), "--db", url)
    assert status == 0, err
    assert "newsroom:***@db.example" in out
    status, token_out, token_err = run(capsys, "token", "bot", "--db", url)
    assert status == 0, token_err
    assert "s3cret-pw" not in out + " ".join(err) + token_out + " ".join(token_err)


FULL = Path("/dev/full")  # every write to it fails with ENOSPC, as on a full disk


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("to_file", [True, False])
def test_a_full_disk_is_one_error_line_not_a_traceback(to_file: bool, tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "eventwire", "events", "--db", str(tmp_path / "t.db")]
    argv += ["--format", "csv"]  # a header even with no events, so there is always a write
    with FULL.open("wb") as full:
        done = subprocess.run(
            argv + (["-o", str(FULL)] if to_file else []),
            stdout=subprocess.DEVNULL if to_file else full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    subject = str(FULL) if to_file else "stdout"
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"eventwire: error: {subject}: cannot write: No space left on device"
    ]
