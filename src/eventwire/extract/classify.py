"""From the cues of one sentence to one sub-event type, following the codebook's precedence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.triggers import NON_STATE_HINT, STATE_HINT, Cue

REMOTE = (
    "Air/drone strike",
    "Grenade",
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",
)
_GOV_VERBS = re.compile(
    r"^(?:re\w+|liberat\w+|restor\w+|regain\w*|retook|retak\w+|drove|driven|expell\w+|cleared|"
    r"recover\w*|wrest\w*)",
    re.IGNORECASE,
)
_EXECUTION = re.compile(r"^(?:execut\w+|behead\w*|crucif\w*)$", re.IGNORECASE)
_GENERIC_BLAST = re.compile(r"^(?:explosions?|blasts?|detonat\w+)$", re.IGNORECASE)
_CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|children|women|villagers|residents|worshippers|students|family|"
    r"journalists?|farmers|shepherds|passengers|pilgrims|teachers|doctors|aid workers|"
    r"people|man|woman|boy|girl|child)\b",
    re.IGNORECASE,
)
_ARMED_WORDS = re.compile(
    r"\b(?:soldiers|troops|fighters|militants|rebels|forces|police(?:men)?|officers|army|terrorists|"
    r"checkpoints?|positions|bases?|convoys?|patrols?|barracks|posts?|jihadists|insurgents)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Decision:
    """The sub-event type of a sentence, the cue that decided it, and how sure the rules are."""

    sub_event_type: str
    trigger: Cue
    score: float  # 0..1, how unambiguous the cues were
    why: str


def _strongest(cues: Sequence[Cue], name: str) -> Cue | None:
    found = [c for c in cues if c.cue == name]
    return max(found, key=lambda c: (c.weight, -c.start)) if found else None


def classify(
    cues: Sequence[Cue],
    sentence: str,
    offset: int,
    civilian_deaths: bool,
    state_agent: bool | None,
    deadly: bool = False,
) -> Decision | None:
    """One decision for a sentence's cues (offsets index the document), or None.

    `deadly`: the sentence gives a death toll of its own (not a running total)."""
    if not cues:
        return None
    have = {c.cue for c in cues}

    def pick(sub: str, cue_name: str, score: float, why: str) -> Decision | None:
        cue = _strongest(cues, cue_name)
        return Decision(sub, cue, score, why) if cue else None

    if "Chemical weapon" in have:
        return pick("Chemical weapon", "Chemical weapon", 0.9, "chemical weapon named")
    if "Sexual violence" in have:
        return pick("Sexual violence", "Sexual violence", 0.85, "sexual violence named")
    armed = {"territory", "Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"}
    if armed & have:  # "troops marched into the town" is no protest march
        cues = [c for c in cues if not (c.cue == "protest" and c.text.lower().startswith("march"))]
        have = {c.cue for c in cues}
    if "protest" in have or "riot" in have:
        decision = _demonstration(cues, have)
        if decision is not None:
            return decision
    if "Mob violence" in have:
        return pick("Mob violence", "Mob violence", 0.75, "a mob attacked")
    if "Suicide bomb" in have:
        return pick("Suicide bomb", "Suicide bomb", 0.9, "suicide attack named")
    # An attack foiled or an aircraft downed with people killed is violence, not a strategic
    # development (the codebook gives those no fatalities): the deaths decide the type.
    if "Disrupted weapons use" in have and not (deadly and "kill" in have):
        return pick("Disrupted weapons use", "Disrupted weapons use", 0.8, "weapon use disrupted")
    downed = _strongest(cues, "Disrupted weapons use")
    if downed is not None and downed.text.lower() == "shot down":
        # ("a Russian helicopter was shot down near Saraqeb, killing all five people on
        # board": fire on the aircraft, an incident of its own, not a bare "killing")
        return pick("Armed clash", "Disrupted weapons use", 0.7, "an aircraft shot down, deadly")
    if "Non-violent transfer of territory" in have and not ({"kill", "Armed clash"} & have):
        return pick(
            "Non-violent transfer of territory",
            "Non-violent transfer of territory",
            0.7,
            "territory handed over without fighting",
        )
    remote = _remote(cues, have)
    territory = _territory(cues, have, sentence, offset, state_agent)
    if territory is not None and (remote is None or territory.score >= 0.7):
        return territory
    if remote is not None:
        return remote
    if "Abduction/forced disappearance" in have:
        return pick(
            "Abduction/forced disappearance", "Abduction/forced disappearance", 0.8, "abduction"
        )
    if "Armed clash" in have:
        return pick("Armed clash", "Armed clash", 0.75, "fighting between armed groups")
    if "damage" in have and "kill" not in have:
        return pick("Looting/property destruction", "damage", 0.6, "property destroyed")
    if "kill" in have or "attack" in have:
        return _violence(cues, have, sentence, civilian_deaths)
    if "damage" in have:
        return pick("Looting/property destruction", "damage", 0.6, "property destroyed")
    for sub, score in (
        ("Arrests", 0.75),
        ("Agreement", 0.7),
        ("Looting/property destruction", 0.65),
        ("Headquarters or base established", 0.65),
        ("Change to group/activity", 0.45),
    ):
        if sub in have:
            return pick(sub, sub, score, sub.lower())
    if "agreement_weak" in have:
        return pick("Agreement", "agreement_weak", 0.45, "agreement words")
    if "withdrawal" in have:
        return pick("Change to group/activity", "withdrawal", 0.5, "forces withdrew")
    return None


def _demonstration(cues: Sequence[Cue], have: set[str]) -> Decision | None:
    protest, riot = _strongest(cues, "protest"), _strongest(cues, "riot")
    anchor = protest or riot
    if anchor is None:
        return None
    if "excessive" in have or (protest and "kill" in have and "Armed clash" not in have):
        return Decision(
            "Excessive force against protesters", anchor, 0.75, "lethal force on protest"
        )
    riotous = {"Looting/property destruction", "damage", "Armed clash"}
    if riot is not None or (protest and (riotous & have)):
        return Decision(
            "Violent demonstration", riot or anchor, 0.75, "demonstrators used violence"
        )
    if protest and "Mob violence" in have:
        return Decision("Mob violence", protest, 0.6, "a mob")
    if protest and ({"intervention", "Arrests"} & have):
        return Decision("Protest with intervention", protest, 0.75, "protest dispersed or arrests")
    violent = {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Armed clash",
        "Suicide bomb",
    }
    if protest and not (violent & have):
        return Decision("Peaceful protest", protest, 0.7, "protest, no violence reported")
    return None


def _remote(cues: Sequence[Cue], have: set[str]) -> Decision | None:
    if "Air/drone strike" in have:
        cue = _strongest(cues, "Air/drone strike")
        return Decision("Air/drone strike", cue, 0.85, "air or drone strike") if cue else None
    if "Grenade" in have:
        cue = _strongest(cues, "Grenade")
        return Decision("Grenade", cue, 0.8, "grenade") if cue else None
    ied = [c for c in cues if c.cue == "Remote explosive/landmine/IED"]
    shelling = [c for c in cues if c.cue == "Shelling/artillery/missile attack"]
    specific_ied = [c for c in ied if not _GENERIC_BLAST.match(c.text)]
    if specific_ied:
        return Decision("Remote explosive/landmine/IED", specific_ied[0], 0.8, "explosive device")
    if shelling:
        return Decision("Shelling/artillery/missile attack", shelling[0], 0.75, "shelling")
    if ied:
        return Decision("Remote explosive/landmine/IED", ied[0], 0.55, "explosion, no weapon named")
    return None


def _territory(
    cues: Sequence[Cue], have: set[str], sentence: str, offset: int, state_agent: bool | None
) -> Decision | None:
    cue = _strongest(cues, "territory")
    if cue is None:
        if "withdrawal" in have and "Armed clash" in have:
            withdrawal = _strongest(cues, "withdrawal")
            if withdrawal is not None:
                return Decision(
                    "Non-state actor overtakes territory",
                    withdrawal,
                    0.6,
                    "withdrawal under attack",
                )
        return None
    words = cue.text
    if words.lower().startswith("entered") and "Armed clash" not in have:
        return None
    before = sentence[: cue.start - offset]
    if state_agent is None:
        state_side = bool(STATE_HINT.search(before[-80:])) and not NON_STATE_HINT.search(
            before[-40:]
        )
        state_agent = state_side or bool(
            _GOV_VERBS.match(words) and not NON_STATE_HINT.search(before)
        )
    if state_agent:
        return Decision("Government regains territory", cue, 0.8, "state forces took control")
    return Decision("Non-state actor overtakes territory", cue, 0.8, "non-state group took control")


def _violence(
    cues: Sequence[Cue], have: set[str], sentence: str, civilian_deaths: bool
) -> Decision | None:
    kill = _strongest(cues, "kill") or _strongest(cues, "attack")
    if kill is None:
        return None
    # Killing people held captive is an attack on the defenceless whoever they are: the
    # codebook codes executions of prisoners and surrendered fighters as violence against
    # civilians ("IS beheaded eight rebels who had surrendered"), never as a battle.
    executions = [c for c in cues if _EXECUTION.match(c.text)]
    if executions:
        return Decision("Attack", executions[0], 0.7, "execution of captives")
    after = sentence  # victims are named anywhere in the sentence
    if civilian_deaths or (_CIVILIAN_WORDS.search(after) and not _ARMED_WORDS.search(after)):
        return Decision(
            "Attack", kill, 0.7 if "kill" in have else 0.5, "violence against civilians"
        )
    if _ARMED_WORDS.search(after):
        return Decision("Armed clash", kill, 0.55, "armed parties on both sides")
    return Decision("Attack", kill, 0.45, "violence, victims unspecified")
