"""The CLI's output and listening targets: a bad one is one error line and exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

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
