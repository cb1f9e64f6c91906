"""Plain-text scrapes: section label, headline and body lines, furniture dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.clean import furniture

_SECTION = re.compile(r"^[A-Z][\w&'’ -]{1,30}$")


@dataclass(frozen=True, slots=True)
class TextParts:
    """A scraped page split into what the article is made of."""

    body: tuple[str, ...]
    title: str | None = None
    section: str | None = None


def clean_text_page(text: str) -> TextParts:
    """Split a scraped page into section, title and the body lines worth keeping."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    section, title, start = _head(lines)
    body = furniture.strip_furniture(lines[start:])
    return TextParts(body=tuple(body), title=title, section=section)


def _head(lines: list[str]) -> tuple[str | None, str | None, int]:
    """Section label and headline at the top of the page, and where the body starts."""
    section = title = None
    i = 0
    if len(lines) > 2 and furniture.words(lines[0]) <= 3 and _SECTION.match(lines[0]):
        section = lines[0].title() if lines[0].isupper() else lines[0]
        i = 1
    if (
        i < len(lines)
        and furniture.looks_like_headline(lines[i])
        and furniture.words(lines[i]) >= 3
    ):
        title = lines[i]
        i += 1
    return section, title, i
