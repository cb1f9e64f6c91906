"""HTML pages: article body and metadata through trafilatura, bounded against hostile markup."""

from __future__ import annotations

import datetime as dt

import trafilatura
from trafilatura.settings import Extractor

from eventwire.clean.extracted import Extracted


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Run trafilatura on a page; an empty `lines` means no article text was found."""
    options = Extractor(
        output_format="python",
        comments=False,
        tables=True,
        with_metadata=True,
        url=url,
    )
    result = trafilatura.bare_extraction(html, url=url, options=options)
    if result is None or isinstance(result, dict):
        return Extracted(lines=())
    text = result.text or ""
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    categories = [c.strip() for c in (result.categories or []) if c and c.strip()]
    return Extracted(
        lines=lines,
        title=_clean_field(result.title),
        author=_clean_field(result.author),
        published=_parse_date(result.date),
        outlet=_clean_field(result.sitename),
        url=_clean_field(result.url),
        section=categories[0] if categories else None,
        description=_clean_field(result.description),
    )


def _clean_field(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
