"""Neither a speaker after the act ("activists said") nor the other of two alternative doers
("by Syrian regime or Russian jets") is the side the act hit."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow


def test_the_speaker_of_a_strike_is_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 15 civilians have been killed in fresh regime airstrikes on the besieged town "
        "of Douma Syrian activists said Wednesday as the UN called for a truce."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor2 == "Civilians (Syria)"


def test_an_alternative_doer_is_not_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two women are among the 12 dead in overnight airstrikes on a village near Hama "
        "reportedly carried out by Syrian regime or Russian jets."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor2 == "Civilians (Syria)"
