"""An event noun named as known ("the attack", "these bombings") as what is talked about
("blamed the army for the attack", "evidence on the Homs attacks", "claimed the attack"), in
body prose with no day or toll of its own, is no new event. With a day or toll of its own, as
the text's first sentence, or as where harm was done ("hurt in the blast", left to join the
incident it names), it still is one.

Invented sentences written from the ACLED codebook's notion of an event, not from any dataset.
"""

from __future__ import annotations

import pytest
from tests.extract.test_factuality import typed

from eventwire.extract import EventExtractor
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks resumed in Geneva despite the offensive.",
        "Several governments pointed the finger at the army for the attack.",
        "The envoy gave the council new evidence on the Homs attacks.",
        "The group claimed the attack in a statement posted online.",
    ],
)
def test_known_incident_is_no_new_event(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, sentence) == []


def test_own_toll_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, "Five people were killed in the attack on a market in the town.")


def test_harm_in_known_incident_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, "Several shoppers were hurt in the blast, the police said.")


def test_first_sentence_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Several shops were damaged in the blast at a market in the town."
    found, _ = EventExtractor(Settings()).candidates(nlp(text))
    assert found
