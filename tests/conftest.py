"""Shared fixtures: the development data folder (optional) and the spaCy pipeline (loaded once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("EVENTWIRE_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip where it is absent (it is not shipped)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The configured spaCy pipeline, loaded once per test session."""
    from eventwire.nlp import load_language
    from eventwire.settings import Settings

    return load_language(Settings())


@pytest.fixture(scope="session")
def geoparser():  # type: ignore[no-untyped-def]
    """The offline gazetteer's geoparser, loaded once per test session."""
    from eventwire.resolve.geo import Geoparser
    from eventwire.settings import Settings

    return Geoparser.load(Settings())
