"""Which sentences report a real, specific incident (issue #4): not generic or habitual claims,
accusations and condemnations without an incident, hypotheticals, negations, questions, calls
to action, speculation or tag lines.

Examples written from the ACLED codebook's notion of an event (a specific incident at a place
and a time) and ordinary English, not from any dataset. Each text starts with a headline line,
so the sentence under test is body prose of a multi-line article (as in a real page).
"""

from __future__ import annotations

import pytest

from eventwire.extract import EventExtractor
from eventwire.settings import Settings

pytestmark = pytest.mark.slow

HEADLINE = "Syria news roundup\n"


def typed(nlp, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    found, _ = EventExtractor(Settings()).candidates(nlp(HEADLINE + sentence))
    return [c.decision.sub_event_type for c in found]


@pytest.mark.parametrize(
    "sentence",
    [
        # generic or habitual: a kind of act ascribed to an actor, no incident
        "Every time Russia declares a truce, it violates it through airstrikes carried out by "
        "its forces.",
        "Whenever the rebels advance, government forces shell the villages around them.",
        "The regime routinely shells residential areas in the south.",
        "Government forces often attack hospitals and schools in rebel-held areas.",
        "Pro-government militias regularly abduct young men at checkpoints.",
        "Russian warplanes target hospitals and markets across the province.",
        "The militants kill anyone who refuses to join them.",
        "The airfield has been used for countless air raids on civilian targets.",
        "Russia has targeted civilian neighborhoods, medical centers and schools.",
        "Government forces have shelled hospitals in rebel-held areas.",
        "Rebels have attacked army checkpoints around the city since March.",
        "Government forces have repeatedly shelled the town.",
        "The army systematically targeted hospitals in the east of the province.",
        "Residents survived on bread and water and endured daily shelling.",
        "The district was hit by relentless air strikes.",
        # an agreement named, not made
        "The two leaders stressed the importance of maintaining the ceasefire.",
        "Hundreds of fighters and their families left the town under an evacuation deal.",
        "A mechanism was set up by the three countries to monitor the ceasefire.",
        # a present perfect over a stretch of time: a situation or a tally, no incident
        "The border town has faced a wave of rocket attacks from the militants in recent months.",
        "The villagers have had a ceasefire with the army for at least three years.",
        "The northern suburbs have been subject to heavy shelling by government forces this year.",
        "The eastern suburbs have been subject to ferocious bombing and shelling by the regime "
        "this year.",
        "The besieged city has faced a months-long offensive by pro-government militias.",
        "Since then thousands of people have been killed in air raids across the country.",
        # a participle that describes an actor
        "Ahrar al-Sham is one of the most powerful groups fighting both Assad's forces and IS.",
        # accusations and condemnations without an incident of their own
        "Rights groups have accused the regime of shelling residential areas.",
        "The opposition condemned the shelling of Douma.",
        "Western governments denounced the air strikes on hospitals.",
        "The minister criticised the offensive as a violation of international law.",
        # hypotheticals, speculation, future
        "The army is going to launch an offensive on Raqqa.",
        "Rebels are likely to attack the airport.",
        "An offensive on Idlib is expected.",
        "It is possible that the regime shelled the town.",
        "Rebels would have captured the town without air support.",
        "Analysts fear the clashes could spread to Lebanon.",
        # negated
        "Rebels did not attack the base.",
        "There was no fighting in the city.",
        "The army never shelled the town, the ministry said.",
        # questions and calls to action
        "Who shelled the hospital in Aleppo?",
        "Why did Russia bomb the market?",
        "Stop the air strikes on Aleppo now!",
        "End the shelling of Ghouta.",
        # aircraft seen or heard, no strike
        "Syrian warplanes were heard over Raqqa on Friday.",
        "Russian jets flew over the city all night.",
        # tag lines and page furniture
        "Tags: Syria Raqqa airstrikes Islamic State",
        "Topics: Syria, shelling, Aleppo",
        # a list of other articles' headlines after a share count
        "211 Related US-Backed Forces Capture Daesh Headquarters at Hospital in Manbij "
        "Coalition Warplanes Strike Raqqa",
    ],
)
def test_not_incidents(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian warplanes bombed a market in Idlib on Sunday, killing 12 civilians.",
         "Air/drone strike"),
        ("Government forces are shelling the town of Douma.", "Shelling/artillery/missile attack"),
        ("Activists accused government forces of shelling Douma on Friday, killing 11 people.",
         "Shelling/artillery/missile attack"),
        ("The opposition said regime forces shelled the town, killing four civilians.",
         "Shelling/artillery/missile attack"),
        ("No casualties were reported after a mortar shell hit the school on Monday.",
         "Shelling/artillery/missile attack"),
        ("Government forces have shelled the town, the Observatory said.",
         "Shelling/artillery/missile attack"),
        ("Government forces have killed 20 civilians in Idlib.", "Attack"),
        ("Troops fighting rebels near Aleppo killed five civilians on Sunday.", "Armed clash"),
        ("The jihadists extended their advances seizing a village near the border.",
         "Non-state actor overtakes territory"),
        ("Clashes broke out between rebels and troops on Tuesday.", "Armed clash"),
        ("Fighting continues in the eastern districts of the city.", "Armed clash"),
        ("State media says rebels shelled a school in Damascus on Monday.",
         "Shelling/artillery/missile attack"),
        ("The attack, which killed 12 people, comes a day after a car bomb in Homs.",
         "Remote explosive/landmine/IED"),
        ("Rebels clashed with troops near the airport on Monday, the Observatory said.",
         "Armed clash"),
        ("Russian jets strike a market in Idlib, killing 12 people.", "Air/drone strike"),
        ("Warplanes repeatedly struck the town on Sunday, killing nine people.",
         "Air/drone strike"),
        ("The opposition on Tuesday condemned Monday's shelling of Douma, which killed 11.",
         "Shelling/artillery/missile attack"),
        ("Tags Syria Raqqa airstrikes A US-led coalition airstrike killed at least 18 "
         "civilians in Raqqa on Tuesday.", "Air/drone strike"),
        ("Russian jets flew over Idlib and bombed a market, killing nine people.",
         "Air/drone strike"),
        ("Russia says its warplanes struck 20 targets near Palmyra on Sunday.",
         "Air/drone strike"),
    ],
)  # fmt: skip
def test_incidents_kept(nlp, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in typed(nlp, sentence)
