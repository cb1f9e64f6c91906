"""One raw input (HTML or plain text) into a clean Document with its metadata."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from eventwire.clean import furniture
from eventwire.clean.decode import decode, readable
from eventwire.clean.extracted import Extracted
from eventwire.clean.language import detect_language
from eventwire.clean.text import clean_text_page
from eventwire.errors import InputError
from eventwire.models import Document, RawInput
from eventwire.settings import Settings

_HTML_CAP = 20  # HTML beyond this many times settings.max_text_chars is cut before extraction
_TEXT_CAP = 5  # the same for plain text before the line classifier


def content_id(content: str | bytes) -> str:
    """A content-derived id: the same page read twice gets the same id."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return "doc-" + hashlib.sha256(data).hexdigest()[:16]


def clean_document(raw: RawInput, settings: Settings) -> Document:
    """Decode, extract and clean one input; raise InputError when there is no article in it."""
    if raw.kind not in {"html", "text"}:
        raise InputError(raw.origin, f"unknown input kind {raw.kind!r}; expected html or text")
    errors: list[str] = []
    source = _bounded_source(raw, settings, errors)
    found = _from_html(raw, source) if raw.kind == "html" else _from_text(source, raw.url)
    text = _final_text(raw.origin, "\n".join(found.lines), settings, errors)
    return Document(
        id=raw.id or content_id(raw.content),
        text=text,
        url=raw.url or found.url,
        title=raw.title or found.title,
        published=raw.published or found.published or raw.captured,
        section=found.section,
        outlet=found.outlet,
        author=found.author,
        language=detect_language(text),
        errors=tuple(errors),
        origin=raw.origin,
    )


def _bounded_source(raw: RawInput, settings: Settings, errors: list[str]) -> str:
    """The input decoded to text, cut where extraction would take too long to be worth it."""
    content = raw.content
    if len(content) > settings.max_input_bytes:
        content = content[: settings.max_input_bytes]
        errors.append(f"input cut at {settings.max_input_bytes} bytes")
    decoded = decode(content, raw.origin, html=raw.kind == "html")
    errors.extend(decoded.notes)
    cap = (_HTML_CAP if raw.kind == "html" else _TEXT_CAP) * settings.max_text_chars
    if len(decoded.text) > cap:
        errors.append(f"{raw.kind} cut at {cap} characters before cleaning")
        return decoded.text[:cap]
    return decoded.text


def _final_text(origin: str, text: str, settings: Settings, errors: list[str]) -> str:
    """The body as stored: junk lines dropped, length bounded; InputError when nothing is left."""
    text, unreadable = _drop_unreadable_lines(text)
    if unreadable:
        errors.append(f"dropped {unreadable} long lines that do not read as text")
    if not text.strip() and not unreadable:
        raise InputError(
            origin, "no article text found (the page is empty, all navigation, or cannot be parsed)"
        )
    if not readable(text):
        raise InputError(origin, "no readable text: the bytes look binary, encoded or mis-decoded")
    if len(text) > settings.max_text_chars:
        text = text[: settings.max_text_chars]
        errors.append(f"text cut at {settings.max_text_chars} characters")
    return text


def _drop_unreadable_lines(text: str) -> tuple[str, int]:
    """Text without long lines of encoded or binary junk, and how many were dropped."""
    lines = text.split("\n")
    kept = [line for line in lines if len(line) < 200 or readable(line)]
    return "\n".join(kept), len(lines) - len(kept)


def _from_html(raw: RawInput, html: str) -> Extracted:
    """trafilatura's body and metadata, then our pass over what it leaves in."""
    from lxml import etree  # imported here: plain-text input never pays for the HTML parsers

    from eventwire.clean.html import extract_html

    try:
        found = extract_html(html, raw.url)
    except (ValueError, RecursionError, etree.LxmlError) as exc:
        raise InputError(raw.origin, f"HTML cannot be parsed ({type(exc).__name__})") from None
    lines = list(found.lines)
    if found.title:  # the headline repeated at the top of the body
        lines = [line for i, line in enumerate(lines) if i > 2 or not _is_title(line, found.title)]
    lines = furniture.strip_furniture(lines)
    if not any(furniture.is_prose(line) for line in lines):
        lines = []  # link texts and labels only: a section front or navigation page
    return replace(found, lines=tuple(lines))


def _from_text(text: str, url: str | None) -> Extracted:
    parts = clean_text_page(text, url)
    return Extracted(
        lines=parts.body,
        title=parts.title,
        section=parts.section,
        outlet=parts.outlet,
        published=parts.published,
    )


def _is_title(line: str, title: str) -> bool:
    a, b = _norm(line), _norm(title)
    return a == b or (len(a) >= 20 and b.startswith(a))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
