"""A country after "carried out by" is the doer, not a place; what an act is against is its
target."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow


def test_strikes_carried_out_by_a_country_against_a_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes carried out by the United States against the so-called Nusra Front in "
        "Idlib have killed 11 civilians on Wednesday."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor1.startswith("Military Forces of United States")


def test_a_country_after_carried_out_by_is_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Five civilians died in Aleppo on Wednesday in air strikes carried out by Russia."
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor1.startswith("Military Forces of Russia")
