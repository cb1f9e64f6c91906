"""One raw input (HTML or plain text) into a clean Document with its metadata."""

from __future__ import annotations

import hashlib
import re

from eventwire.clean import furniture
from eventwire.clean.decode import decode
from eventwire.clean.html import extract_html
from eventwire.clean.language import detect_language
from eventwire.clean.text import clean_text_page
from eventwire.errors import InputError
from eventwire.models import Document, RawInput
from eventwire.settings import Settings


def content_id(content: str | bytes) -> str:
    """A content-derived id: the same page read twice gets the same id."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return "doc-" + hashlib.sha256(data).hexdigest()[:16]


def clean_document(raw: RawInput, settings: Settings) -> Document:
    """Decode, extract and clean one input; raise InputError when there is no article in it."""
    if raw.kind not in {"html", "text"}:
        raise InputError(raw.origin, f"unknown input kind {raw.kind!r}; expected html or text")
    errors: list[str] = []
    content = raw.content
    limit = settings.max_input_bytes
    if len(content) > limit:
        content = content[:limit]
        errors.append(f"input cut at {limit} bytes")
    decoded = decode(content, raw.origin, html=raw.kind == "html")
    errors.extend(decoded.notes)
    html = raw.kind == "html"
    doc = _from_html(raw, decoded.text) if html else _from_text(raw, decoded.text)
    text = doc["text"]
    if not text.strip():
        raise InputError(raw.origin, "no article text found (the page is empty or all navigation)")
    if len(text) > settings.max_text_chars:
        text = text[: settings.max_text_chars]
        errors.append(f"text cut at {settings.max_text_chars} characters")
    return Document(
        id=raw.id or content_id(raw.content),
        text=text,
        url=raw.url or doc.get("url"),
        title=raw.title or doc.get("title"),
        published=raw.published or doc.get("published") or raw.captured,
        section=doc.get("section"),
        outlet=doc.get("outlet"),
        author=doc.get("author"),
        language=detect_language(text),
        errors=tuple(errors),
        origin=raw.origin,
    )


def _from_html(raw: RawInput, html: str) -> dict:
    found = extract_html(html, raw.url)
    lines = list(found.lines)
    if found.title:  # the headline repeated at the top of the body
        lines = [line for i, line in enumerate(lines) if i > 2 or not _is_title(line, found.title)]
    lines = furniture.strip_furniture(lines)
    if not any(furniture.is_prose(line) for line in lines):
        lines = []  # link texts and labels only: a section front or navigation page
    return {
        "text": "\n".join(lines),
        "title": found.title,
        "author": found.author,
        "published": found.published,
        "outlet": found.outlet,
        "url": found.url,
        "section": found.section,
    }


def _from_text(raw: RawInput, text: str) -> dict:
    parts = clean_text_page(text)
    return {"text": "\n".join(parts.body), "title": parts.title, "section": parts.section}


def _is_title(line: str, title: str) -> bool:
    a, b = _norm(line), _norm(title)
    return a == b or (len(a) >= 20 and b.startswith(a))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
