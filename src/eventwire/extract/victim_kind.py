"""Whose deaths a count is of: civilians, combatants or unspecified, read from its noun."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from eventwire.errors import ModelError

# Civilian nouns have one home: the civilians rows of data/actors/generic.csv (the actor
# lexicon's "villagers", "aid workers", "passers-by": extend them there), read below, plus the
# words here, which name civilians only as victims counted in a toll. As an actor phrase they
# name no group the codebook lists: kin and ages (a fighter's "sons", "the elderly"), single
# people ("a woman", "a boy"), medical and rescue staff who speak as sources ("doctors said"),
# "people from the same (family)"; a counted one of them is a civilian.
_VICTIM_CIVILIANS = (
    r"child|kids|woman|girls?|boys?|shepherds|family|families|doctors|infants?|babies|mothers|"
    r"elderly|people from the same|medical (?:staff|workers)|health workers|nurses|paramedics|"
    r"rescuers|rescue workers|volunteers|mother|father|wife|husband|sons?|daughters?|relatives|"
    r"displaced"
)
_GENERIC_ACTORS = Path(__file__).resolve().parents[1] / "data" / "actors" / "generic.csv"


def civilian_pattern(generic: Path = _GENERIC_ACTORS) -> re.Pattern[str]:
    """Civilian nouns: generic.csv's civilians rows (whole words, hyphens and spaces alike)
    and the victims-only words above."""
    try:
        with generic.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    except OSError as exc:
        raise ModelError(str(generic), f"cannot read actor data file: {exc}") from None
    phrases = sorted({r["phrase"].strip().lower() for r in rows if r["role"] == "civilians"})
    actors = "|".join(r"[-\s]+".join(map(re.escape, re.split(r"[-\s]+", p))) for p in phrases)
    return re.compile(rf"\b(?:{actors}|{_VICTIM_CIVILIANS})\b", re.IGNORECASE)


_CIVILIAN = civilian_pattern()
_COMBATANT = re.compile(
    r"\b(?:soldiers?|troops|fighters|militants|rebels|insurgents|jihadists|terrorists|"
    r"gunmen|members|militiamen|loyalists|"
    r"policemen|police officers|officers|personnel|guards|"
    r"servicemen|combatants|combattants|mercenaries|commanders?|recruits|attackers|assailants|"
    r"pro-government forces|regime forces|government forces|forces|elements|bombers?)\b",
    re.IGNORECASE,
)


def victim_kind(noun_text: str) -> str:
    """ "civilian", "combatant" or "unspecified": whose deaths a count's noun phrase names (a
    civilian noun wins over a combatant one)."""
    if _CIVILIAN.search(noun_text):
        return "civilian"
    if _COMBATANT.search(noun_text):
        return "combatant"
    return "unspecified"
