"""The trigger lexicon's fast path: case-folded text against lower-case patterns must find
exactly what the case-insensitive patterns find, with the text as written."""

from __future__ import annotations

import pytest

from eventwire.extract.triggers import RULES, find_cues

SENTENCES = [
    "Government FORCES SHELLED the town of Douma on Wednesday, killing 12 civilians.",
    "In March 2011 protesters marched through Deraa; thousands MARCHED again on Friday.",
    "A car bomb exploded near a checkpoint in Istanbul's İstiklal avenue.",
    "Straße clashes: the ſhelling of al-Bab resumed as ISIL fighters retook the hills.",
    "Rebels seized the Abu al-Duhur airbase after a suicide attack\\with VBIEDs.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_folded_patterns_find_what_case_insensitive_ones_find(sentence: str) -> None:
    folded = sentence.casefold()
    for rule in RULES:
        if rule.folded is None or len(folded) != len(sentence):
            continue
        expected = [m.span() for m in rule.pattern.finditer(sentence)]
        assert [m.span() for m in rule.folded.finditer(folded)] == expected, rule.cue


def test_cues_keep_the_text_as_written() -> None:
    text = "PROTESTERS Marched on parliament in March."
    cues = find_cues(text, 0, len(text))
    protest = [c for c in cues if c.cue == "protest"]
    assert {"PROTESTERS", "Marched"} <= {c.text for c in protest}
    assert all(text[c.start : c.end] == c.text for c in cues)
    assert not any(c.text == "March" for c in protest)  # the month minds case


def test_patterns_with_case_sensitive_parts_are_not_folded() -> None:
    assert any(rule.folded is None for rule in RULES)
    assert all(rule.folded is None for rule in RULES if "(?-i" in rule.pattern.pattern)
