"""Base forms of the listed verbs without spaCy's lemmatizer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extract.lemmas import inflections, lemma

VERBS = frozenset(["say", "tell", "flee", "plan", "threaten", "try", "prepare", "threat"])


def tokens(words: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos)


def test_verb_forms_map_to_their_base() -> None:
    doc = tokens(
        ["said", "tells", "fled", "planned", "threatening", "tried", "preparing", "Says"],
        ["VERB"] * 8,
    )
    assert [lemma(t, VERBS) for t in doc] == [
        "say", "tell", "flee", "plan", "threaten", "try", "prepare", "say",
    ]  # fmt: skip


def test_nouns_only_lose_their_plural_and_other_words_keep_their_text() -> None:
    doc = tokens(["threats", "planning", "States", "alleged"], ["NOUN", "NOUN", "PROPN", "ADJ"])
    assert [lemma(t, VERBS) for t in doc] == ["threat", "planning", "states", "alleged"]


def test_regular_spelling_rules() -> None:
    assert inflections("stop") == {"stop", "stops", "stopped", "stopping"}
    assert inflections("flee") == {"flee", "flees", "fleed", "fleeing"}
    assert inflections("study") == {"study", "studies", "studied", "studying"}


def test_irregular_forms_of_listed_verbs() -> None:
    doc = tokens(["heard", "seen", "flew", "slammed"], ["VERB"] * 4)
    assert [lemma(t, frozenset(["hear", "see", "fly", "slam"])) for t in doc] == [
        "hear", "see", "fly", "slam",
    ]  # fmt: skip


def test_forms_of_failing_and_trying() -> None:
    doc = tokens(["broke", "broken", "scrapped", "strove", "struggling"], ["VERB"] * 5)
    verbs = frozenset(["break", "scrap", "strive", "struggle"])
    assert [lemma(t, verbs) for t in doc] == ["break", "break", "scrap", "strive", "struggle"]
