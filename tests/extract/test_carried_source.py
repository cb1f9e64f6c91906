"""An event whose sentence names no source is told on the word of the one named just before."""

from __future__ import annotations

import pytest
from tests.extract.test_extractor import run

pytestmark = pytest.mark.slow


def strike_source(nlp, text: str) -> str:  # type: ignore[no-untyped-def]
    """The source of the air strike the text reports."""
    return next(e.source for e in run(nlp, text) if e.sub_event_type == "Air/drone strike")


def test_the_next_sentence_is_told_on_the_same_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen shot dead three civilians in Douma on Friday, according to the Syrian "
        "Observatory for Human Rights. Jets struck Idlib on Saturday."
    )
    assert strike_source(nlp, text) == "Syrian Observatory for Human Rights; Example News"


def test_a_pronouns_report_reaches_further_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen shot dead three civilians in Douma on Friday, residents said. The town has no "
        "hospital left. Its last clinic closed in the spring. Jets struck Idlib on Saturday, "
        "they added."
    )
    assert strike_source(nlp, text) == "Residents; Example News"


def test_a_report_of_its_own_is_not_replaced(nlp) -> None:  # type: ignore[no-untyped-def]
    # The sentence tells its own source (whether or not it can be read): no borrowed one.
    text = (
        "Gunmen shot dead three civilians in Douma on Friday, residents said. Jets struck "
        "Idlib on Saturday, the army said."
    )
    assert "Residents" not in strike_source(nlp, text)
