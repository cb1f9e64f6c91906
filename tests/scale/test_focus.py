"""The focused pipeline: tags and parse only for sentences with an event trigger."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from eventwire.extract.triggers import find_cues
from eventwire.nlp import load_language
from eventwire.nlp.focus import AttributeRules, sentence_bounds, trigger_gate
from eventwire.settings import Settings

TEXT = (
    "The weather in Aleppo was mild this week. Residents went to the market on Monday.\n"
    "Government forces shelled the town of Kafr Nabl on Tuesday, killing 12 civilians. "
    "Rebels said they repelled an attack on their positions.\n"
    "The ministry published its annual report on trade."
)
ODD = (
    "Y'all gonna see it, let's go. C'mon, I ain't done yet. There is a man who gets it and got "
    "it. It was I who did it; you saw it, and they saw you. But that is all.\n\n  Thanks"
)


@pytest.fixture(scope="module")
def stock() -> Any:
    return load_language(Settings(), focused=False)


def test_the_pipeline_runs_tags_and_parse_only_as_one_focused_component(nlp: Any) -> None:
    assert nlp.pipe_names == ["senter", "ner", "eventwire_focused_parser"]


def test_the_unfocused_pipeline_is_the_stock_one_less_the_lemmatizer(stock: Any) -> None:
    assert stock.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "ner"]


def test_sentences_with_a_trigger_are_tagged_and_parsed_others_get_a_flat_tree(nlp: Any) -> None:
    doc = nlp(TEXT)
    assert doc.text == TEXT
    gate = trigger_gate()
    for sent in doc.sents:
        if gate.search(sent.text):
            assert all(t.pos_ for t in sent if not t.is_space)
            assert any(t.dep_ == "nsubj" for t in sent)
        else:
            assert not any(t.pos_ for t in sent)
            assert sent.root == sent[0]
            assert {t.dep_ for t in sent[1:]} <= {"dep"}
    shelled = next(t for t in doc if t.text == "shelled")
    assert shelled.pos_ == "VERB"
    assert {c.dep_ for c in shelled.children} >= {"nsubj", "dobj"}
    assert ("Tuesday", "DATE") in [(e.text, e.label_) for e in doc.ents]  # NER on every sentence
    assert ("Monday", "DATE") in [(e.text, e.label_) for e in doc.ents]


def test_a_parsed_sentence_reads_as_the_stock_pipeline_reads_it_alone(nlp: Any, stock: Any) -> None:
    sentence = "Government forces shelled the town of Kafr Nabl on Tuesday, killing 12 civilians."
    ours, theirs = nlp(sentence), stock(sentence)
    assert [(t.tag_, t.pos_, t.dep_, t.head.i) for t in ours] == [
        (t.tag_, t.pos_, t.dep_, t.head.i) for t in theirs
    ]


def test_every_sentence_with_a_cue_passes_the_gate(nlp: Any) -> None:
    gate = trigger_gate()
    doc = nlp(TEXT)
    for sent in doc.sents:
        if find_cues(TEXT, sent.start_char, sent.end_char):
            assert gate.search(sent.text)
    assert gate.search("Protesters gathered outside parliament")
    assert not gate.search("The ministry published its annual report on trade.")


def test_attribute_rules_write_what_the_stock_attribute_ruler_writes(stock: Any) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    rules = AttributeRules.from_ruler(stock.vocab, ruler)
    assert rules is not None
    columns = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    for text in (TEXT, ODD):
        with stock.select_pipes(disable=["attribute_ruler"]):
            doc = stock(text)
        ours = doc.to_array(columns)
        rules.apply(ours, doc)
        assert (ours != doc.to_array(columns)).any()  # the rules did write something
        ruler(doc)
        assert (ours == doc.to_array(columns)).all()


def test_attribute_rules_decline_patterns_they_cannot_evaluate(stock: Any) -> None:
    ruler = SimpleNamespace(
        patterns=[{"patterns": [[{"TEXT": "x", "OP": "?"}]], "attrs": {"POS": "X"}, "index": 0}],
        attrs=[{POS: 101}],
        indices=[0],
    )
    assert AttributeRules.from_ruler(stock.vocab, ruler) is None


def test_sentence_bounds_cover_the_doc(nlp: Any) -> None:
    doc = nlp(TEXT)
    bounds = sentence_bounds(doc)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert nlp("").text == ""


def test_attribute_rules_give_the_same_output_with_a_memo_cleared_as_it_fills(
    stock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.nlp.focus as focus

    ruler = stock.get_pipe("attribute_ruler")
    with stock.select_pipes(disable=["attribute_ruler"]):
        doc = stock(ODD)
    columns = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    unbounded = AttributeRules.from_ruler(stock.vocab, ruler)
    assert unbounded is not None
    expected = doc.to_array(columns)
    unbounded.apply(expected, doc)
    monkeypatch.setattr(focus, "_MEMO_LIMIT", 3)
    bounded = AttributeRules.from_ruler(stock.vocab, ruler)
    assert bounded is not None
    got = doc.to_array(columns)
    bounded.apply(got, doc)
    assert len(unbounded._matched) > 10
    assert len(bounded._matched) <= 4  # cleared as it filled
    assert (got == expected).all()


def test_the_gate_reads_case_as_the_lexicon_does() -> None:
    gate = trigger_gate()
    assert gate.search("THE ARMY SHELLED THE TOWN OF DOUMA")  # folded rules ignore case
    assert gate.search("Thousands marched through Deraa")
    assert not gate.search("The ministry met its donors in March.")  # the month minds case
    assert gate.search("In der Straße: the army shelled the town")  # folding moves offsets
    assert not gate.search("In der Straße: the ministry met its donors")
