"""detect.sentences keeps the last doc's sentences: a second call on the same doc gives the
same spans, and another doc gets its own."""

from __future__ import annotations

import pytest

from eventwire.extract.detect import sentences

pytestmark = pytest.mark.slow


def test_the_same_doc_twice_and_another_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    first = nlp("Jets struck Idlib on Monday.\nA monitor said 12 people died.")
    second = nlp("Clashes broke out in Hama on Tuesday.")
    a = [(s.start_char, s.end_char) for s in sentences(first)]
    assert a == [(s.start_char, s.end_char) for s in sentences(first)] and len(a) == 2
    assert [s.text for s in sentences(second)] == ["Clashes broke out in Hama on Tuesday."]
    # (the list handed out is the caller's own)
    got = sentences(second)
    got.clear()
    assert len(sentences(second)) == 1
