"""One factual sentence per event, in the style of ACLED's notes column."""

from __future__ import annotations

import datetime as dt

_TEMPLATES: dict[str, str] = {
    "Armed clash": "{a1} clashed with {a2} in {loc}",
    "Government regains territory": "{a1} regained control of {loc}{from_a2}",
    "Non-state actor overtakes territory": "{a1} took control of {loc}{from_a2}",
    "Chemical weapon": "{a1} used chemical weapons in {loc}",
    "Air/drone strike": "{a1} carried out air or drone strikes on {loc}",
    "Suicide bomb": "a suicide bombing attributed to {a1} took place in {loc}",
    "Shelling/artillery/missile attack": "{a1} shelled {loc}",
    "Remote explosive/landmine/IED": "an explosive device attributed to {a1} detonated in {loc}",
    "Grenade": "{a1} threw a grenade in {loc}",
    "Sexual violence": "{a1} committed sexual violence against {a2} in {loc}",
    "Attack": "{a1} attacked {a2} in {loc}",
    "Abduction/forced disappearance": "{a1} abducted {a2} in {loc}",
    "Peaceful protest": "{a1} demonstrated in {loc}",
    "Protest with intervention": "{a1} demonstrated in {loc}; {a2} intervened",
    "Excessive force against protesters": "{a2} used excessive force against {a1} in {loc}",
    "Violent demonstration": "{a1} rioted in {loc}",
    "Mob violence": "a mob ({a1}) attacked {a2} in {loc}",
    "Agreement": "{a1} reached an agreement{with_a2} in {loc}",
    "Arrests": "{a1} arrested {a2} in {loc}",
    "Change to group/activity": "{a1} changed its activity in {loc} ({trigger})",
    "Disrupted weapons use": "{a1} disrupted weapons use in {loc} ({trigger})",
    "Headquarters or base established": "{a1} established a base in {loc}",
    "Looting/property destruction": "{a1} looted or destroyed property in {loc}",
    "Non-violent transfer of territory": "{loc} changed hands without fighting ({a1}{and_a2})",
}


def write_note(
    *,
    date: dt.date,
    sub_event_type: str,
    actor1: str,
    actor2: str | None,
    location: str,
    admin1: str | None,
    country: str,
    trigger: str,
    fatalities: int,
    civilian_fatalities: int | None,
) -> str:
    """E.g. "On 30 November 2024, Military Forces of Russia (2000-) carried out air or drone
    strikes on Idlib (Idlib, Syria), killing 4 (including 2 civilians)."."""
    where = ", ".join(dict.fromkeys(x for x in (admin1, country) if x and x != location))
    loc = f"{location} ({where})" if where else location
    other = actor2 or "unidentified actors"
    body = _TEMPLATES.get(sub_event_type, "{a1}: {trigger} in {loc}").format(
        a1=actor1,
        a2=other,
        loc=loc,
        trigger=" ".join(trigger.split()),
        from_a2=f" from {actor2}" if actor2 else "",
        with_a2=f" with {actor2}" if actor2 else "",
        and_a2=f", {actor2}" if actor2 else "",
    )
    tail = ""
    if fatalities:
        tail = f", killing {fatalities}"
        if civilian_fatalities:
            tail += f" (including {civilian_fatalities} civilians)"
    text = f"On {date.day} {date:%B %Y}, {body}{tail}."
    return text[:1].upper() + text[1:]
