"""A stray control character (a NUL) in an input that is text is removed, with a note: it
means nothing to a reader, and PostgreSQL or a browser may refuse it."""

from __future__ import annotations

from eventwire.clean.decode import decode

BODY = b"Air strikes hit the city of Idlib on Saturday, a monitor said, and rescuers searched. " * 3


def test_a_stray_nul_is_removed_with_a_note() -> None:
    decoded = decode(BODY + b"\x00 More to follow.\n", "page.txt")
    assert decoded.text == (BODY + b" More to follow.\n").decode()
    assert "1 control character(s) removed" in decoded.notes


def test_line_breaks_and_tabs_stay() -> None:
    assert decode("one\ttwo\nthree\r\n", "page.txt").text == "one\ttwo\nthree\r\n"
