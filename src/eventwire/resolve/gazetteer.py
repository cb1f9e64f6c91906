"""The offline gazetteer: built once from installed packages and shipped GeoNames tables."""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from eventwire.errors import ModelError
from eventwire.resolve.gazetteer_build import FORMAT_VERSION, build_tables
from eventwire.resolve.gazetteer_countries import demonym_index
from eventwire.resolve.toponyms import fold, skeleton

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_PATH = DATA_DIR / "gazetteer.pickle"
_ENTRY_CACHE = 100_000  # built entries kept, about 20 MB at most


class Entry(NamedTuple):
    """One gazetteer feature. Countries sit at a shipped representative point, admin areas at
    the middle of the box of their towns."""

    id: int  # row number in the gazetteer
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    feature_code: str  # PPL, PPLC, ADM1, ADM2, PCLI, AIRP, CONT
    country_code: str
    admin1: str | None  # admin1 name
    admin2: str | None  # admin2 name
    population: int


@dataclass(frozen=True, slots=True)
class Country:
    """A country as eventwire reports it."""

    code: str  # ISO alpha-2
    name: str  # as ACLED writes it
    iso: int | None  # ISO numeric
    entry: int  # row of its PCLI entry


class Gazetteer:
    """Name lookup over GeoNames places, admin areas, countries and airports."""

    def __init__(self, tables: dict[str, Any]) -> None:
        if tables.get("version") != FORMAT_VERSION:
            raise ModelError("gazetteer", "file has an old format; rebuild it")
        cols = tables["columns"]
        self._gid, self._name, self._lat, self._lon = (
            cols["geonameid"], cols["name"], cols["lat"], cols["lon"],
        )  # fmt: skip
        self._fcode, self._cc, self._a1, self._a2 = (
            cols["fcode"],
            cols["cc"],
            cols["a1"],
            cols["a2"],
        )
        self._pop = cols["population"]
        self._tables: dict[str, list[str]] = cols["tables"]
        self._exact: dict[str, Any] = tables["exact"]
        self._skeleton: dict[str, Any] = tables["skeleton"]
        self._admin1: dict[str, str] = tables["admin1"]
        self.countries: dict[str, Country] = {
            code: Country(code, name, iso, entry)
            for code, (name, iso, entry) in tables["countries"].items()
        }
        self.common_words: frozenset[str] = tables["common_words"]
        self.stop_words: frozenset[str] = tables["stop_words"]
        self.demonyms: dict[str, str] = demonym_index()
        self.max_words: int = tables["max_words"]
        self._admin1_rows: dict[str, int] = tables["admin1_rows"]
        # Entries are immutable; the same few thousand rows are built again and again while
        # candidates are ranked, so built ones are kept (bounded: cleared when full).
        self._entries: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self._name)

    def entry(self, row: int) -> Entry:
        built = self._entries.get(row)
        if built is not None:
            return built
        if len(self._entries) >= _ENTRY_CACHE:
            self._entries.clear()
        built = self._entries[row] = self._build_entry(row)
        return built

    def _build_entry(self, row: int) -> Entry:
        t = self._tables
        cc, a1 = t["cc"][self._cc[row]], t["a1"][self._a1[row]]
        gid = self._gid[row]
        return Entry(
            row,
            gid if gid >= 0 else None,
            self._name[row],
            self._lat[row],
            self._lon[row],
            t["fcode"][self._fcode[row]],
            cc,
            self._admin1.get(f"{cc}.{a1}") if a1 else None,
            t["a2"][self._a2[row]] or None,
            self._pop[row],
        )

    def _rows_for(self, index: dict[str, Any], key: str) -> tuple[int, ...]:
        hit = index.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def has_key(self, key: str) -> bool:
        return key in self._exact

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alternate name folds to the same key as `name`."""
        return [self.entry(r) for r in self._rows_for(self._exact, fold(name))]

    def lookup_key(self, key: str) -> list[Entry]:
        return [self.entry(r) for r in self._rows_for(self._exact, key)]

    def lookup_skeleton(self, key: str) -> list[Entry]:
        """Entries matching by transliteration skeleton (Idleb ~ Idlib); needs context."""
        return [self.entry(r) for r in self._rows_for(self._skeleton, skeleton(key))]

    def admin1_entry(self, code: str) -> Entry | None:
        """The ADM1 entry for a GeoNames admin1 code such as "US.KY"."""
        row = self._admin1_rows.get(code)
        return None if row is None else self.entry(row)

    def admin1_codes(self) -> list[str]:
        """GeoNames codes ("US.KY") of the admin1 areas that have an entry."""
        return list(self._admin1_rows)

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def capital(self, code: str) -> Entry | None:
        """The capital (PPLC) of the country with ISO code `code`, if the gazetteer has one."""
        row = self._capital_rows.get(code)
        return None if row is None else self.entry(row)

    @functools.cached_property
    def _capital_rows(self) -> dict[str, int]:
        fcodes = self._tables["fcode"]
        if "PPLC" not in fcodes:
            return {}
        pplc = fcodes.index("PPLC")
        best: dict[str, int] = {}
        for row, code in enumerate(self._fcode):
            if code != pplc:
                continue
            cc = self._tables["cc"][self._cc[row]]
            if cc not in best or self._pop[row] > self._pop[best[cc]]:
                best[cc] = row
        return best


def build(out: Path = DEFAULT_PATH, *, verbose: bool = False) -> Path:
    """Build the gazetteer file from installed packages and the shipped admin tables."""
    tables = build_tables(verbose=verbose)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")  # parallel workers may build at once
    with tmp.open("wb") as fh:
        pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(out)
    return out


def _read(file: Path) -> dict[str, Any]:
    try:
        with file.open("rb") as fh:
            tables = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise ModelError(str(file), f"cannot read gazetteer ({exc}); rebuild it") from None
    if not isinstance(tables, dict):
        raise ModelError(str(file), "not a gazetteer file; rebuild it")
    return tables


def _rebuild(file: Path, why: str) -> None:
    try:
        build(file)
    except OSError as exc:
        raise ModelError(
            str(file),
            f"gazetteer {why} and cannot be built here ({exc}); run `python -m "
            "eventwire.resolve.gazetteer build --out PATH` and set EVENTWIRE_GAZETTEER=PATH",
        ) from None


@functools.lru_cache(maxsize=2)
def load_gazetteer(path: str = "") -> Gazetteer:
    """The gazetteer at `path` (default: the bundled file). The default file is built on
    first use; any file written by an older format version is rebuilt in place."""
    file = Path(path) if path else DEFAULT_PATH
    if not file.is_file():
        if path:
            raise ModelError(
                path,
                "gazetteer file not found; build it with "
                "`python -m eventwire.resolve.gazetteer build --out PATH`",
            )
        _rebuild(file, "missing")
    tables = _read(file)
    if tables.get("version") != FORMAT_VERSION:
        _rebuild(file, f"has format {tables.get('version')}, not {FORMAT_VERSION}")
        tables = _read(file)
    return Gazetteer(tables)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eventwire.resolve.gazetteer", description=__doc__
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the gazetteer file")
    b.add_argument("--out", type=Path, default=DEFAULT_PATH, help="output file")
    q = sub.add_parser("lookup", help="print the entries for a name")
    q.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "build":
        t0 = time.perf_counter()
        path = build(args.out, verbose=True)
        size = path.stat().st_size / 1e6
        print(f"wrote {path} ({size:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        return 0
    gaz = load_gazetteer()
    for e in gaz.lookup(args.name) or gaz.lookup_skeleton(fold(args.name)):
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
