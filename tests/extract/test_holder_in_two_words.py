"""A place's holder named in two words after "held by" ("held by Kurdish forces", "controlled by
Syria's rebels") describes the place: neither word is a side of the act."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow


def test_a_holder_in_two_words_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling on a village held by Kurdish forces killed 3 civilians in Aleppo on Wednesday."
    shelling = one(nlp, text, "Shelling/artillery/missile attack")
    assert shelling.actor2 == "Civilians (Syria)"
    text = (
        "Aerial bombardment on a neighbourhood controlled by Syria's rebels killed at least "
        "five civilians in Aleppo on Wednesday."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor2 == "Civilians (Syria)"
