"""An act blamed on a side ("blamed the attack on the regime", "blamed it on rebels") is that
side's, where its own sentence names no actor."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import SYRIA, run

pytestmark = pytest.mark.slow


def test_the_side_an_attack_is_blamed_on_is_its_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded near a crowded market in Aleppo on Wednesday, killing 12 people. "
        "Residents blamed the attack on government forces."
    )
    assert run(nlp, text)[0].actor1 == SYRIA


def test_an_act_not_blamed_on_a_side_stays_unidentified(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded near a crowded market in Aleppo on Wednesday, killing 12 people. "
        "Nobody has blamed the attack on government forces."
    )
    assert run(nlp, text)[0].actor1 != SYRIA
