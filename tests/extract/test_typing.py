"""Sub-event typing of single sentences, following the codebook's precedence."""

from __future__ import annotations

import pytest

from eventwire.extract import EventExtractor
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


def typed(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    found, _ = EventExtractor(Settings()).candidates(nlp(text))
    return found[0].decision.sub_event_type if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government warplanes dropped chlorine barrel bombs on the town.", "Chemical weapon"),
        ("A suicide bomber blew himself up at a checkpoint, killing four.", "Suicide bomb"),
        ("Police defused a roadside bomb near the market.", "Disrupted weapons use"),
        ("Rebels seized the town after heavy fighting with the army.",
         "Non-state actor overtakes territory"),
        ("The army recaptured the village from Islamic State militants.",
         "Government regains territory"),
        ("Thousands of protesters marched peacefully to parliament.", "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
        ("Protesters threw stones at police and torched cars.", "Violent demonstration"),
        ("A mob lynched a man accused of theft of cattle.", "Mob violence"),
        ("Gunmen abducted six aid workers on the road.", "Abduction/forced disappearance"),
        ("Gunmen shot dead three villagers.", "Attack"),
        ("Police arrested twelve members of the opposition party.", "Arrests"),
        ("The two sides signed a ceasefire agreement.", "Agreement"),
        ("Militants looted shops and burned houses in the village.",
         "Looting/property destruction"),
        ("Security forces found a cache of weapons and ammunition in a hideout.",
         "Disrupted weapons use"),
        # executions of captives are attacks on the defenceless, whoever they were
        ("The militants beheaded six soldiers who had surrendered at the checkpoint.", "Attack"),
        ("Twenty rebels were rounded up and executed by the group on Monday.", "Attack"),
        ("The jihadists crucified two men in the square on Friday.", "Attack"),
        # aircraft that kill or strike, however far the verb, and coalition strikes
        ("Jets \"thought to belong to the coalition\" struck the village of Hajin on Monday.",
         "Air/drone strike"),
        ("Military planes believed to be Russian killed 40 people near the river on Monday.",
         "Air/drone strike"),
        ("Nine civilians were killed in US-led coalition strikes near Raqqa on Monday.",
         "Air/drone strike"),
        # a place named by an earlier incident: the sentence's own strike is its news
        ("Two civilians were killed in an air strike on Monday on the town of Kafr Nabl, the "
         "site of a chemical attack in May.", "Air/drone strike"),
        ("Rescue workers took away 40 bodies from the site of Saturday's blast.",
         "Remote explosive/landmine/IED"),
        # an advance is no capture; an advance into a place is
        ("The army advanced into the town of Kafr Nabl on Sunday.",
         "Government regains territory"),
        # what an offensive is for is no capture: the fighting is the event
        ("Rebels launched an offensive to retake the town of Kafr Nabl on Monday.",
         "Armed clash"),
        ("At least 12 soldiers were killed on Monday in a battle to seize the airport.",
         "Armed clash"),
        ("Air strikes killed 20 civilians on Sunday as the regime stepped up its campaign to "
         "retake the suburbs.", "Air/drone strike"),
    ],
)  # fmt: skip
def test_codebook_types(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The government vowed to crush the rebels.",
        "Rebels threatened to attack the city.",
        "Five people died when a bus crashed into a truck on the highway.",
        "An earthquake killed 20 people in the province.",
        "Troops could launch an offensive next week.",
        "The minister denied that the army had shelled the town.",
        "Government troops are advancing towards the town of Kafr Nabl.",
        "Syria's war, which erupted in 2011, has killed half a million people.",
    ],
)
def test_not_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, text) is None


def test_march_the_month_is_no_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An IED planted by militants detonated targeting a vehicle on 12 March, killing two."
    assert typed(nlp, text) == "Remote explosive/landmine/IED"


def test_demand_made_by_protesters_is_a_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    assert typed(nlp, "Protesters demanded the release of the detained students.") == (
        "Peaceful protest"
    )
