"""The owner named after the aircraft ("jets thought to belong to the Syrian government",
"warplanes of the US-led coalition") names the air force of an unattributed strike."""

from __future__ import annotations

import pytest
from tests.extract.test_roles import SYRIA, run

pytestmark = pytest.mark.slow


def strikes(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.actor1 for e in run(nlp, text) if e.sub_event_type == "Air/drone strike"]


def test_aircraft_belonging_to_an_owner_name_its_air_force(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes killed 7 civilians in Idlib on Wednesday. "
        "Residents said the jets were thought to belong to the Syrian government."
    )
    assert strikes(nlp, text)[:1] == [SYRIA]


def test_warplanes_of_the_coalition_name_its_air_force(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes killed 7 civilians in Aleppo on Wednesday. "
        "Warplanes of the US-led coalition have struck the province for weeks."
    )
    assert strikes(nlp, text)[:1] == ["International Coalition"]


def test_aerospace_forces_are_an_air_force(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes killed 7 civilians in Aleppo on Wednesday. "
        "The Russian Aerospace Forces have struck the province for weeks."
    )
    assert strikes(nlp, text)[:1] == ["Military Forces of Russia (2000-)"]
