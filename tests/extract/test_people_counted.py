"""People counted as hurt by remote violence in words with "of" ("dozens of people",
"hundreds of people") are civilians, as "12 people" already were."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow


def test_dozens_of_people_hurt_by_shelling_are_civilians(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Heavy shelling hit Aleppo on Wednesday, leaving dozens of people wounded."
    shelling = one(nlp, text, "Shelling/artillery/missile attack")
    assert shelling.actor2 == "Civilians (Syria)"
