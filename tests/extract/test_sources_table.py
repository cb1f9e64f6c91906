"""The table of well-known sources (data/sources.toml): shipped, extended, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.extract import attribution
from eventwire.extract.attribution import (
    SOURCE_ALIASES,
    SOURCES_FILE,
    Source,
    load_sources,
    normalise,
    source_names,
)

SOHR = "Syrian Observatory for Human Rights"
# Another well-known source, as a user would add it to the table.
CIVIL_DEFENCE = r"""
[[source]]
name = "Syria Civil Defence"
aliases = ["the White Helmets", "white helmets", "Syrian Civil Defence"]
kinds = ["rescuers"]
described_as = '\b(?:rescue workers?|rescuers|first responders)\b'
named_as = '\bWhite Helmets\b|\bCivil Defen[cs]e\b'
recognised_by = '\bRa[ae]d\s+al-?Saleh\b'
"""


def test_the_shipped_table_loads() -> None:
    table = load_sources()
    assert table.names == (SOHR, "SANA")
    assert table.aliases == SOURCE_ALIASES  # the public name is built from the table
    assert table.aliases["the britain-based monitor"] == SOHR
    assert "agency" in table.kinds["SANA"]
    assert table.descriptions[SOHR].search("a monitoring group")
    assert table.named_as["SANA"].search("told SANA on Monday")
    assert table.recognised_by[SOHR].search("Syrian Obervatory for Human rights")


def test_a_source_added_to_the_table_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert normalise("the White Helmets") == "White Helmets"  # unknown to the shipped table
    path = tmp_path / "sources.toml"
    path.write_text(SOURCES_FILE.read_text(encoding="utf-8") + CIVIL_DEFENCE, encoding="utf-8")
    monkeypatch.setattr(attribution, "_SOURCES", load_sources(path))

    assert normalise("the White Helmets") == "Syria Civil Defence"  # an alias, any case
    assert normalise("Syria Civil Defence") == "Syria Civil Defence"  # its own name
    assert normalise("White Helmets head Raed Saleh") == "Syria Civil Defence"  # its head
    assert normalise("SOHR") == SOHR  # the shipped rows still hold
    text = "The White Helmets said 12 died. Rescue workers said more were under the rubble."
    found = [Source("Syria Civil Defence", 0, 16), Source("Rescue workers", 32, 46)]
    assert source_names(found, text) == ["Syria Civil Defence"]  # described, not a second one


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("aliases = ['x']", "needs a name"),
        ("name = 'X'\ndescribed_as = '(unclosed'", "described_as is no valid regex"),
        ("name = 'X'\ndescribes = 'x'", "unknown keys ['describes']"),
        ("name = 'X'\naliases = 'x'", "aliases must be a list of strings"),
    ],
)
def test_a_broken_row_is_reported_with_the_file(tmp_path: Path, row: str, complaint: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(f"[[source]]\n{row}\n", encoding="utf-8")
    with pytest.raises(ModelError, match=re.escape(complaint)) as raised:
        load_sources(path)
    assert raised.value.subject == str(path)
