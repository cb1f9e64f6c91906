"""The gazetteer: build helpers on small inputs, and lookups on the built file."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.resolve import gazetteer as gazetteer_module
from eventwire.resolve.gazetteer import DEFAULT_PATH, Gazetteer, load_gazetteer
from eventwire.resolve.gazetteer_build import (
    FORMAT_VERSION,
    _center,
    _generic,
    _latin_names,
    _without_article,
    country_points,
)
from eventwire.resolve.gazetteer_countries import DOTTED_ABBREVIATIONS, demonym_index


def test_center_trims_outliers() -> None:
    points = [(10.0 + i / 100, 20.0 + i / 100) for i in range(100)] + [(80.0, 170.0)]
    lat, lon = _center(points)
    assert 10.0 < lat < 11.0 and 20.0 < lon < 21.0


def test_generic_admin_names_and_latin_alternates() -> None:
    assert _generic("Far North") and _generic("Centre") and not _generic("Idlib")
    names = list(_latin_names(["Halab", "ALP", "حلب", "aleppo", "Alep", "Aleppo 2"]))
    assert names == ["Halab", "Alep"]


def test_country_tables() -> None:
    assert DOTTED_ABBREVIATIONS["Ky."] == "US.KY"
    assert DOTTED_ABBREVIATIONS["B.C."] == "CA.02"
    index = demonym_index()
    assert index["Syrian"] == "SY" and index["Afghans"] == "AF"


def test_lookups_on_the_built_gazetteer() -> None:
    gaz = load_gazetteer()
    aleppo = [e for e in gaz.lookup("Aleppo") if e.feature_code.startswith("PPL")]
    assert aleppo[0].country_code == "SY" and aleppo[0].admin1 == "Aleppo"
    assert any(e.name == "Idlib" for e in gaz.lookup("Idleb"))
    syria = gaz.country("SY")
    assert syria is not None and syria.iso == 760 and syria.name == "Syria"
    assert (
        gaz.country("CD") is not None and gaz.country("CD").name == "Democratic Republic of Congo"
    )  # type: ignore[union-attr]
    kentucky = gaz.admin1_entry("US.KY")
    assert kentucky is not None and kentucky.feature_code == "ADM1"


def test_arab_towns_are_found_without_their_article() -> None:
    gaz = load_gazetteer()
    assert [e.name for e in gaz.lookup("Qamishli")][:1] == ["Al Qamishli"]
    assert [e.name for e in gaz.lookup("Rastan")][:1] == ["Ar Rastan"]
    # (five letters or more must be left: "Al Bab" is not "Bab")
    assert list(_without_article(["Al Qamishli", "Ar-Rastan", "Al Bab", "Alexandria"])) == [
        "Qamishli",
        "Rastan",
    ]


def test_stale_or_missing_files_raise_model_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        Gazetteer({"version": -1})
    with pytest.raises(ModelError, match="not found"):
        load_gazetteer(str(tmp_path / "missing.pickle"))
    broken = tmp_path / "broken.pickle"
    broken.write_bytes(pickle.dumps({"version": 0})[:5])
    with pytest.raises(ModelError, match="rebuild"):
        load_gazetteer(str(broken))


def test_countries_sit_at_their_shipped_points_not_the_town_box() -> None:
    points = country_points()
    assert points["CA"] == (60.0, -95.0) and points["SY"] == (35.0, 38.0)
    gaz = load_gazetteer()
    canada = gaz.entry(gaz.countries["CA"].entry)
    # The box of Canada's towns lies about 1,200 km south-west of this.
    assert (canada.latitude, canada.longitude) == (60.0, -95.0)


def test_a_file_of_an_older_format_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "stale.pickle"
    stale.write_bytes(pickle.dumps({"version": FORMAT_VERSION - 1}))
    built: list[Path] = []

    def fake_build(out: Path, *, verbose: bool = False) -> Path:
        built.append(out)
        out.write_bytes(DEFAULT_PATH.read_bytes())
        return out

    monkeypatch.setattr(gazetteer_module, "build", fake_build)
    load_gazetteer.cache_clear()
    try:
        gaz = load_gazetteer(str(stale))
    finally:
        load_gazetteer.cache_clear()
    assert built == [stale] and gaz.country("SY") is not None


def test_built_entries_are_kept_and_the_store_of_them_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gaz = load_gazetteer()
    monkeypatch.setattr(gazetteer_module, "_ENTRY_CACHE", 3)
    gaz._entries.clear()
    rows = [row for row, _ in zip(range(0, len(gaz), 997), range(5), strict=False)]
    first = gaz.entry(rows[0])
    assert gaz.entry(rows[0]) is first  # kept, not built again
    assert first == gaz._build_entry(rows[0])
    for row in rows:
        assert gaz.entry(row) == gaz._build_entry(row)
    assert len(gaz._entries) <= 3
