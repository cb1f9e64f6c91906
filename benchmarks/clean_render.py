"""Render a whole HTML page to plain text as a copy-paste or text scraper would (benchmark aid)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from eventwire.clean.decode import decode

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
# Elements a browser's default style sheet lays out as blocks, list items or table rows and
# captions: each starts and ends a line of copied text (HTML Living Standard, "Rendering").
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre",
    "search", "section", "summary", "table", "title", "tr", "ul", "xmp",
}  # fmt: skip
# Table cells are not blocks: copied text puts a row's cells on one line, tab-separated.
_CELL = {"td", "th"}
# Preformatted text keeps its line breaks; everywhere else a newline in the source is a space.
_PRE = {"pre", "listing", "plaintext", "xmp"}
_SPACE = re.compile(r"\s+")


def render_page(html: bytes | str) -> str:
    """All visible text of a page, one block per line, navigation and footers included.

    Line breaks fall where a browser's copy of the page (innerText) puts them: around block
    elements, list items and table rows, at <br> and inside <pre>; inline elements (links,
    <b>, <span>), the cells of one table row and line breaks in the HTML source of a
    paragraph do not break the line.
    """
    if isinstance(html, bytes):
        html = decode(html, "page", html=True).text
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with a declaration
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts, pre=False)
    text = "".join(parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node: etree._Element, parts: list[str], pre: bool) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP or not isinstance(node.tag, str):
        _text(node.tail, parts, pre)
        return
    if node.get("hidden") is not None or re.search(r"display:\s*none", node.get("style") or ""):
        _text(node.tail, parts, pre)
        return
    block = tag in _BLOCK
    inner = pre or tag in _PRE
    if block:
        parts.append("\n")
    _text(node.text, parts, inner)
    for child in node:
        _walk(child, parts, inner)
    if block:
        parts.append("\n")
    elif tag in _CELL:
        parts.append("\t")
    _text(node.tail, parts, pre)


def _text(text: str | None, parts: list[str], pre: bool) -> None:
    """Source text as a browser lays it out: white space collapsed unless preformatted."""
    if text:
        parts.append(text if pre else _SPACE.sub(" ", text))
