"""What extraction found in one input: body lines and metadata (no parser imported here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found in a page: body lines and metadata, all possibly empty."""

    lines: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    section: str | None = None
    description: str | None = None
