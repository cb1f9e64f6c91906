"""How the war came about is background, not an incident (examples written from the codebook's
notion of an event and ordinary English, not from any dataset)."""

from __future__ import annotations

import pytest
from tests.extract.test_factuality import typed

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "sentence",
    [
        "The protests became an armed uprising after the regime's forces cracked down on "
        "demonstrators.",
        "The uprising began as a series of peaceful protests against the ruling family but "
        "escalated into a full-scale insurgency after a crackdown on dissent.",
        "Demonstrations spiralled into civil war when security forces opened fire on crowds.",
    ],
)
def test_origins_of_the_war_are_no_event(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, sentence) == []


def test_a_protest_today_is_still_one(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Hundreds of protesters marched in Idlib on Friday against the rebel group."
    assert typed(nlp, sentence) == ["Peaceful protest"]
