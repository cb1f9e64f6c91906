"""Bad usage is one stderr line in the contract's shape, `eventwire: error: <field>: <what>`."""

from __future__ import annotations

import re

import pytest

from eventwire.cli import main

LINE = re.compile(r"eventwire: error: (?P<field>[^:]+): (?P<what>.+)")


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["extract", "--published", "2024-13-01", "x.txt"], "--published"),
        (["extract", "--format", "xml", "x.txt"], "--format"),
        (["events", "--bbox", "1,2,3"], "--bbox"),
        (["events", "--limit", "0"], "--limit"),
        (["frobnicate"], "COMMAND"),
        ([], "COMMAND"),
        (["watch"], "FEEDS_FILE"),
        (["token"], "name"),
        (["events", "--frob", "1"], "--frob 1"),
    ],
)
def test_bad_usage_is_one_line_naming_the_field(
    argv: list[str], field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    match = LINE.fullmatch(lines[0])
    assert match and match["field"] == field, lines[0]
    assert "--help" in match["what"]
