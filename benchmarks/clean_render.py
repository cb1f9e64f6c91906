"""Render a whole HTML page to plain text as a copy-paste or text scraper would (benchmark aid)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from eventwire.clean.decode import decode

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td",
    "th", "tr", "ul", "button", "option", "select", "title",
}  # fmt: skip


def render_page(html: bytes | str) -> str:
    """All visible text of a page, one block per line, navigation and footers included."""
    if isinstance(html, bytes):
        html = decode(html, "page", html=True).text
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with a declaration
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node: etree._Element, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP or not isinstance(node.tag, str):
        if node.tail:
            parts.append(node.tail)
        return
    if node.get("hidden") is not None or re.search(r"display:\s*none", node.get("style") or ""):
        if node.tail:
            parts.append(node.tail)
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if node.tail:
        parts.append(node.tail)
