"""A participle that says what an actor does as a rule ("rebels fighting the regime") is no
incident where another event word of the sentence carries it (examples written from the
codebook's notion of an event, not from any dataset)."""

from __future__ import annotations

import pytest
from tests.extract.test_factuality import typed

pytestmark = pytest.mark.slow


def test_the_victims_description_is_not_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "A jihadist group publicly executed nine men, eight of them rebels fighting both the "
        "regime and the jihadists, on Saturday, a monitor said."
    )
    assert typed(nlp, sentence)[:1] == ["Attack"]


def test_a_described_battle_alone_is_still_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Rebels fighting government troops near the town lost 20 men on Sunday."
    assert "Armed clash" in typed(nlp, sentence)


def test_a_noun_far_from_its_head_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "At least four schoolchildren were among eight people killed in Syrian regime "
        "shelling in Eastern Ghouta on Tuesday."
    )
    assert typed(nlp, sentence)[:1] == ["Shelling/artillery/missile attack"]
