"""Hostile and broken inputs: each gives one clear InputError or a document with a reason."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_document
from eventwire.errors import InputError
from eventwire.models import Document, RawInput
from eventwire.settings import Settings

SETTINGS = Settings()
PARAGRAPHS = (
    "<p>Government forces shelled the town of Saraqib on Tuesday, killing five civilians and "
    "wounding a dozen more, residents said.</p>"
    "<p>The Syrian Observatory for Human Rights said the shelling went on into the night and "
    "that rescue teams were still searching the rubble on Wednesday morning.</p>"
)


def clean(content: str | bytes, kind: str = "html", settings: Settings = SETTINGS) -> Document:
    return clean_document(RawInput(origin="input", kind=kind, content=content), settings)


def test_invalid_utf8_text_is_refused() -> None:
    with pytest.raises(InputError, match="no readable text") as info:
        clean(b"\xc3\x28\xa0\xa1\xe2\x28\xa1" * 700, kind="text")
    assert info.value.subject == "input"


def test_base64_blob_is_refused() -> None:
    blob = bytes(range(48, 123)) * 60
    import base64

    with pytest.raises(InputError, match="no readable text"):
        clean(base64.b64encode(blob), kind="text")


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(InputError, match="unknown input kind"):
        clean(b"text", kind="pdf")


def test_deeply_nested_tags_give_an_error_not_a_crash() -> None:
    page = "<html><body>" + "<div>" * 50_000 + PARAGRAPHS + "</div>" * 50_000 + "</body></html>"
    with pytest.raises(InputError, match="no article text"):
        clean(page.encode())


def test_unclosed_nesting_is_bounded() -> None:
    page = "<html><body>" + "<b><i>" * 20_000 + PARAGRAPHS * 3
    try:
        doc = clean(page.encode())
    except InputError as exc:
        assert "no article text" in exc.message
    else:
        assert "Saraqib" in doc.text


def test_scripts_and_styles_never_reach_the_text() -> None:
    page = (
        "<html><head><style>body{color:red}</style><script>var secret = 'tracking-pixel';"
        + "x=1;" * 20_000
        + "</script></head><body><article>"
        + PARAGRAPHS
        + "<script>document.write('<p>injected paragraph from a script</p>')</script>"
        + "</article><noscript>Enable JavaScript to read this site</noscript></body></html>"
    )
    doc = clean(page.encode())
    assert "Saraqib" in doc.text
    for junk in ("tracking-pixel", "injected paragraph", "Enable JavaScript", "color:red"):
        assert junk not in doc.text


def test_mixed_encodings_are_repaired_with_a_note() -> None:
    page = ("<html><body><article>" + PARAGRAPHS).encode() + (
        "<p>Café owners in Aleppo’s old city said the market was shelled again on Wednesday.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    doc = clean(page)
    assert "Café owners in Aleppo’s old city" in doc.text
    assert any("mixed encodings" in e for e in doc.errors)


def test_declared_latin1_page() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><article>'
        + PARAGRAPHS
        + "<p>À Homs, les habitants ont fui vers le nord après les frappes de mardi soir.</p>"
        + "</article></body></html>"
    ).encode("latin-1")
    assert "À Homs, les habitants" in clean(page).text


def test_utf16_without_bom() -> None:
    text = "Government forces shelled the town of Saraqib on Tuesday, killing five civilians."
    doc = clean(text.encode("utf-16-le"), kind="text")
    assert doc.text == text


def test_huge_page_is_cut_before_extraction_with_a_note() -> None:
    small = Settings(max_text_chars=2_000)  # HTML beyond 20x this is cut before extraction
    page = "<html><body><article>" + PARAGRAPHS * 2_000 + "</article></body></html>"
    doc = clean(page.encode(), settings=small)
    assert len(doc.text) <= 2_000
    assert any("html cut at 40000 characters" in e for e in doc.errors)
    assert any("text cut at 2000 characters" in e for e in doc.errors)


def test_input_over_the_byte_limit_is_cut() -> None:
    small = Settings(max_input_bytes=3_000)
    page = "<html><body><article>" + PARAGRAPHS * 50 + "</article></body></html>"
    doc = clean(page.encode(), settings=small)
    assert "input cut at 3000 bytes" in doc.errors


def test_a_megabyte_word_is_dropped_not_matched_for_minutes() -> None:
    page = (
        "<html><body><article>"
        + PARAGRAPHS
        + "<p>"
        + "x@" * 500_000
        + "</p></article></body></html>"
    )
    doc = clean(page.encode())
    assert "Saraqib" in doc.text and "x@x@" not in doc.text
    assert any("do not read as text" in e for e in doc.errors)


def test_non_english_article_is_flagged() -> None:
    text = (
        "Les forces gouvernementales ont bombardé mardi la ville de Saraqib, tuant cinq civils et "
        "en blessant une douzaine d'autres, selon des habitants. Les secours cherchaient encore "
        "des survivants dans les décombres mercredi matin."
    )
    assert clean(text, kind="text").language == "fr"
