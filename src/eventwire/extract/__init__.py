"""Event extraction: typed events, actors, tolls, sources and evidence from a parsed article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.extract.extractor import EventExtractor, Extraction

__all__ = ["EventExtractor", "Extraction"]


def __getattr__(name: str) -> Any:
    # Lazy: importing eventwire.extract (e.g. for taxonomy) must not load spaCy.
    if name in __all__:
        from eventwire.extract import extractor

        return getattr(extractor, name)
    raise AttributeError(name)
