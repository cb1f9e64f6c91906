"""A UTF-16 byte-order mark is trusted only when what follows reads as UTF-16 text."""

from __future__ import annotations

import codecs
import random

import pytest

from eventwire.clean import clean_document
from eventwire.clean.decode import decode
from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings

ARTICLE = (
    "Government forces shelled the town of Saraqib on Tuesday, killing five civilians, "
    "residents said. The café on the main square was destroyed."
)


@pytest.mark.parametrize(
    ("data", "codec", "text"),
    [
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le", ARTICLE),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be", ARTICLE),
        (
            codecs.BOM_UTF16_LE + "叙利亚霍姆斯市周二遭到炮击，造成五人死亡。".encode("utf-16-le"),
            "utf-16-le",
            "叙利亚霍姆斯市周二遭到炮击，造成五人死亡。",
        ),
        (
            codecs.BOM_UTF16_LE + "قصفت القوات الحكومية مدينة حمص".encode("utf-16-le"),
            "utf-16-le",
            "قصفت القوات الحكومية مدينة حمص",
        ),
    ],
)
def test_utf16_with_a_byte_order_mark_is_still_utf16(data: bytes, codec: str, text: str) -> None:
    decoded = decode(data, "input.txt")
    assert (decoded.text, decoded.encoding, decoded.notes) == (text, codec, ())


def test_one_broken_unit_does_not_make_utf16_something_else() -> None:
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00\xd8" + b"O\x00k\x00"
    decoded = decode(data, "input.txt")
    assert decoded.encoding == "utf-16-le"
    assert decoded.text == ARTICLE + "\ufffdOk"


@pytest.mark.parametrize("start", ["ÿþ", "þÿ"])
def test_windows_1252_text_that_starts_like_a_byte_order_mark(start: str) -> None:
    data = f"{start} {ARTICLE}".encode("cp1252")
    decoded = decode(data, "input.txt")
    assert decoded.text == f"{start} {ARTICLE}"
    assert decoded.notes[0].startswith("starts with a utf-16")


def test_such_a_page_cleans_to_its_own_words() -> None:
    data = ("ÿþ\n" + ARTICLE + "\n").encode("cp1252")
    raw = RawInput(origin="input.txt", kind="text", content=data)
    document = clean_document(raw, Settings())
    assert "shelled the town of Saraqib" in document.text
    assert not any("\u3400" <= ch <= "\u9fff" for ch in document.text)


def test_binary_bytes_after_the_mark_are_refused_as_binary() -> None:
    rng = random.Random(7)
    data = codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(InputError, match="binary"):
        decode(data, "input.txt")
