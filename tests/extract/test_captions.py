"""Photo captions and failed or attempted agreements report no event of their own (issue #4).

A caption says what a picture shows: the incident is told in the report (or, when it is an
earlier one, not at all), so its words ("after retaking it", "after the bombing") give no event.
An agreement that was only sought, or that collapsed or was broken, is no agreement. Examples
invented from ordinary news English, not taken from any dataset.
"""

from __future__ import annotations

import pytest

from eventwire.extract import EventExtractor
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

HEADLINE = "Syria news roundup\n"


def typed(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    found, _ = EventExtractor(Settings()).candidates(nlp(text))
    return [c.decision.sub_event_type for c in found]


@pytest.mark.parametrize(
    "text",
    [
        # a caption that says it is one
        "Government soldiers stand in the town of Kafr Nabl after recapturing it, in a photo "
        "released by the state news agency on Sunday.",
        HEADLINE + "Rebel fighters are pictured in the village of Tal Jabin after seizing it.",
        HEADLINE + "This image taken from the border town shows smoke rising after the air "
        "strike on the market on Monday.",
        HEADLINE + "A man carried a wounded boy after an air strike on the market, in this "
        "handout picture taken on Monday.",
        # a participle fragment, no finite verb
        HEADLINE + "Soldiers raising the flag over the citadel after recapturing it from rebels.",
        # closed by a credit, in the sentence or opening the next one
        HEADLINE + "Fighters ride through the village of Tal Jabin after seizing it on May 2 "
        "(Xinhua Photo)",
        HEADLINE + "Fighters ride through the village of Tal Jabin after they seized it on "
        "May 2. REUTERS/Khalil Ashawi",
    ],
)
def test_captions_report_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Published May 3 2019 Fighters ride through the village of Tal Jabin after they seized "
        "it on May 2 2019 (AFP photo) Rebels shelled a market in Hama on Friday, killing five.",
        "Published May 3 2019 Fighters ride through the village of Tal Jabin after they seized "
        "it on May 2 2019. (Xinhua Photo) Rebels shelled a market in Hama on Friday, killing "
        "five.",
    ],
)
def test_the_report_after_a_caption_stays(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, text) == ["Shelling/artillery/missile attack"]


def test_a_bare_agency_photo_line_closes_no_caption(nlp) -> None:  # type: ignore[no-untyped-def]
    # a wire photo credit after an article's last sentence is no caption of that sentence
    text = HEADLINE + "Rebels seized the village of Tal Jabin on Sunday. AP Photo John Smith"
    assert typed(nlp, text) == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    "text",
    [
        "A UN envoy has been struggling to broker a truce in Homs.",
        "Efforts to reach a ceasefire in the south have made no progress.",
        "Talks on a ceasefire in Daraa collapsed on Monday.",
        "The truce in Daraa broke down on Monday.",
        "The two sides failed to agree on a prisoner exchange on Monday.",
        "The chances of a truce in Homs improved on Monday.",
        "Mediators made a new bid for a ceasefire in Homs on Monday.",
        "The envoy held talks on a prisoner exchange in Geneva on Monday.",
        "The rebels rejected the ceasefire on Monday.",
        "The army said the rebels had violated the truce on Monday.",
        "Despite the truce, the town remained tense on Monday.",
    ],
)
def test_attempts_and_failures_are_no_agreement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "Agreement" not in typed(nlp, HEADLINE + text)


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed a ceasefire in Daraa on Monday.",
        "A ceasefire brokered by Russia took effect in Daraa on Monday.",
        "Rebels and the army exchanged prisoners in Homs on Monday.",
    ],
)
def test_agreements_made_stay(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, HEADLINE + text) == ["Agreement"]


def test_failed_capture_is_no_capture(nlp) -> None:  # type: ignore[no-untyped-def]
    text = HEADLINE + "The army failed to recapture the town of Kafr Nabl on Monday."
    assert "Government regains territory" not in typed(nlp, text)


def test_a_headline_joined_to_the_subject_does_not_make_it_state(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Syria" of the headline line is no part of the subject "Rebels"
    text = "Syria news\nRebels captured the town of Saraqib on Sunday."
    assert typed(nlp, text) == ["Non-state actor overtakes territory"]


def test_still_as_an_adverb_makes_no_caption(nlp) -> None:  # type: ignore[no-untyped-def]
    # "in the besieged town still ..." is no "in a still from a video"
    text = HEADLINE + (
        "Civilians in the besieged town still came under shelling by government forces on "
        "Monday, the monitor said."
    )
    assert typed(nlp, text) == ["Shelling/artillery/missile attack"]
