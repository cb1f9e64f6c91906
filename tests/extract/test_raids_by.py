"""The doer named by "by" right after an act's noun ("air raids by Russian warplanes"), a
country too, is its actor, over a side the parse puts before it."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import one

pytestmark = pytest.mark.slow

RUSSIA = "Military Forces of Russia (2000-)"


def test_raids_by_a_country_are_its_forces(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Battles continued between the regime forces and rebels on all fronts in Hama on "
        "Wednesday coinciding with dozens of air raids by Russian and Syrian war planes."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert strike.actor1 == RUSSIA


def test_heavy_raids_by_two_air_forces_do_not_hit_one_of_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nearly 50 air strikes hit rebel-held areas of Aleppo on Wednesday in some of the "
        "heaviest raids by Russian and Syrian government aircraft, residents said."
    )
    strike = one(nlp, text, "Air/drone strike")
    assert {strike.actor1, strike.assoc_actor_1} == {RUSSIA, "Military Forces of Syria (2000-2024)"}
    assert strike.actor2 != "Government of Syria (2000-2024)"
