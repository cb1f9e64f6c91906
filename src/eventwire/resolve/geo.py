"""Toponym recognition and resolution over the gazetteer, and the place an event happened at."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.models import Place
from eventwire.resolve.gazetteer import Entry, Gazetteer, load_gazetteer
from eventwire.resolve.geo_candidates import Mention, find_mentions
from eventwire.resolve.geo_rank import rank_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.settings import Settings


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """Where an event happened: a found place and ACLED's geo_precision (1 town .. 3 region)."""

    place: Place
    geo_precision: int
    reason: str


class Geoparser:
    """Finds toponyms in text and resolves each to one gazetteer entry."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, settings: Settings) -> Geoparser:
        """The geoparser for `settings`, built once per process."""
        return _load(settings.gazetteer)

    def find_places(
        self, text: str, doc: Doc | None = None, *, demonyms: bool = False
    ) -> list[Place]:
        """Every toponym in `text`, in text order, resolved; `doc` (spaCy) helps reject names.

        Demonyms ("Syrian") always count as country context; with `demonyms=True` they are
        also returned, as their country (the LGL/TR-News convention).
        """
        mentions = find_mentions(self.gazetteer, text, doc)
        chosen = rank_mentions(text, mentions)
        return [self._place(m, e, s) for m, e, s in chosen if demonyms or not m.demonym]

    def _place(self, mention: Mention, entry: Entry, score: float) -> Place:
        country = self.gazetteer.country(entry.country_code)
        return Place(
            name=entry.name,
            start=mention.start,
            end=mention.end,
            latitude=round(entry.latitude, 5),
            longitude=round(entry.longitude, 5),
            geonameid=entry.geonameid,
            feature_code=entry.feature_code,
            country=country.name if country else entry.country_code,
            admin1=entry.admin1,
            admin2=entry.admin2,
            country_code=entry.country_code,
            iso=country.iso if country else None,
            population=entry.population,
            score=round(score, 3),
        )


@functools.lru_cache(maxsize=2)
def _load(path: str) -> Geoparser:
    return Geoparser(load_gazetteer(path))


# Words just before a toponym that make the location approximate ("near Hama").
_RELATIVE = re.compile(
    r"(?:\bnear(?:by)?|\boutskirts of|\bcountryside of|\bvicinity of|\baround|\boutside(?: of)?|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"(?: parts?)? of|(?:km|kilomet(?:re|er)s?|miles?)\)? (?:from|of|away from|outside)|"
    r"\bclose to|\bsuburbs? of|"
    r"\bvillages? (?:of|in|near|around)|\brural|\bprovince of|\bdistrict of|\bthe road to)"
    r"\s+(?:the\s+)?(?:city of\s+|town of\s+)?$",
    re.IGNORECASE,
)
_SPECIFICITY = {"PCLI": 0, "ADM1": 1, "ADM2": 2}
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def geo_precision(place: Place, text: str) -> tuple[int, str]:
    """ACLED's geo_precision for a place mention: 1 town, 2 near a town or district, 3 region."""
    if place.feature_code in ("ADM1", "PCLI"):
        return 3, "region"
    if place.feature_code == "ADM2":
        return 2, "district"
    before = text[max(0, place.start - 40) : place.start]
    if _RELATIVE.search(before):
        return 2, "near"
    return 1, "town"


def _best(places: Sequence[Place], text: str) -> Place:
    """The most specific place; among equals one named plainly ("in X") before one named
    relatively ("near X"), then the first mentioned."""
    return max(
        places,
        key=lambda p: (
            _SPECIFICITY.get(p.feature_code, 3),
            not _RELATIVE.search(text[max(0, p.start - 40) : p.start]),
            -p.start,
        ),
    )


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _PARAGRAPH.finditer(text, 0, start)), default=0)
    m = _PARAGRAPH.search(text, end)
    return lo, m.start() if m else len(text)


_COUNTRY_LEVEL = frozenset({"PCLI", "CONT"})


def _inside_country(
    country: Place, paragraph: Sequence[Place], document: Sequence[Place], text: str
) -> PlaceChoice | None:
    """A sentence that names only the country ("clashes in Syria killed 12"): the most
    specific place in that country named in the paragraph, else the document, at
    precision 2 or coarser."""
    for scope, pool in (("paragraph", paragraph), ("document", document)):
        inner = [
            p
            for p in pool
            if p.country_code == country.country_code and p.feature_code not in _COUNTRY_LEVEL
        ]
        if inner:
            place = _best(inner, text)
            precision, why = geo_precision(place, text)
            return PlaceChoice(
                place, max(precision, 2), f"{scope}: {why}, in the sentence's country"
            )
    return None


def choose_event_place(
    places: Sequence[Place], start: int, end: int, text: str
) -> PlaceChoice | None:
    """The place of an event whose trigger sentence is text[start:end].

    The most specific place in the sentence, else in its paragraph, else in the document
    (plain before relative mentions, then the first mentioned). geo_precision follows
    ACLED: 1 the town itself; 2 near a town ("55km from Aleppo", "outskirts of") or a
    district; 3 a province or country only. A place taken from the rest of the document is
    never precision 1. A sentence naming only a country takes the most specific place in
    that country from the paragraph, else the document, at precision 2 or 3.
    """
    if not places:
        return None
    in_sentence = [p for p in places if start <= p.start and p.end <= end]
    p_start, p_end = _paragraph(text, start, end)
    in_paragraph = [p for p in places if p_start <= p.start and p.end <= p_end]
    for scope, pool in (("sentence", in_sentence), ("paragraph", in_paragraph)):
        if pool:
            place = _best(pool, text)
            if place.feature_code in _COUNTRY_LEVEL:
                inner = _inside_country(place, in_paragraph, places, text)
                if inner is not None:
                    return inner
            precision, why = geo_precision(place, text)
            return PlaceChoice(place, precision, f"{scope}: {why}")
    place = _best(places, text)
    precision, why = geo_precision(place, text)
    return PlaceChoice(place, max(precision, 2), f"document: {why}")
