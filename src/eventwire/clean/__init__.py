"""Cleaning: raw pages and scrapes into article bodies with metadata; near-duplicates."""

from __future__ import annotations

from eventwire.clean.document import clean_document, content_id

__all__ = ["clean_document", "content_id"]
