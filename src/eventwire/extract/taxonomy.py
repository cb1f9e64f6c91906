"""ACLED's public event taxonomy and inter codes, as constants (from the public codebook)."""

from __future__ import annotations

# event_type -> (disorder_type, sub_event_types)
EVENT_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Battles": (
        "Political violence",
        ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    ),
    "Explosions/Remote violence": (
        "Political violence",
        (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
    ),
    "Violence against civilians": (
        "Political violence",
        ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    ),
    "Protests": (
        "Demonstrations",
        ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    ),
    "Riots": ("Demonstrations", ("Violent demonstration", "Mob violence")),
    "Strategic developments": (
        "Strategic developments",
        (
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
    ),
}

SUB_EVENT_TO_EVENT: dict[str, str] = {
    sub: event for event, (_, subs) in EVENT_TYPES.items() for sub in subs
}

# Sub-event types whose disorder type the codebook gives as both.
_DUAL_DISORDER = {"Excessive force against protesters", "Mob violence"}


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder_type for a sub-event type."""
    if sub_event_type in _DUAL_DISORDER:
        return "Political violence; Demonstrations"
    return EVENT_TYPES[SUB_EVENT_TO_EVENT[sub_event_type]][0]


# ACLED inter codes.
INTER_NONE = 0
INTER_STATE = 1
INTER_REBEL = 2
INTER_POLITICAL_MILITIA = 3
INTER_IDENTITY_MILITIA = 4
INTER_RIOTERS = 5
INTER_PROTESTERS = 6
INTER_CIVILIANS = 7
INTER_EXTERNAL = 8

INTER_NAMES: dict[int, str] = {
    0: "No actor",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's two-digit interaction code: the lower inter code first (e.g. 12, 17, 60)."""
    a, b = inter1, inter2 or 0
    if b == 0:
        return a * 10
    lo, hi = sorted((a, b))
    return lo * 10 + hi
