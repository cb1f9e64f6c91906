"""NearDuplicateIndex: syndicated copies are linked, different reports are not."""

from __future__ import annotations

import pytest

from eventwire.clean.dedup import NearDuplicateIndex
from eventwire.models import Document

WIRE = (
    "Syrian government forces and armed opposition fighters clashed on Tuesday near the town of "
    "Saraqib in Idlib province, killing at least twelve people, according to the Syrian "
    "Observatory for Human Rights. The monitoring group said eight of the dead were fighters and "
    "four were civilians caught in artillery fire that followed the fighting. Residents said the "
    "clashes began before dawn and lasted several hours, forcing dozens of families to flee "
    "north towards the Turkish border, where camps are already overcrowded."
)
OTHER = (
    "Thousands of protesters marched through central Khartoum on Thursday demanding civilian "
    "rule, and security forces fired tear gas to disperse crowds near the presidential palace. "
    "Organisers said the march was the largest in weeks and that more demonstrations would "
    "follow in Omdurman and Bahri over the weekend, despite the arrests of several activists "
    "during the night and the closure of bridges across the Nile by the army."
)


def doc(id: str, text: str) -> Document:
    return Document(id=id, text=text)


def test_syndicated_copy_points_to_the_first_report() -> None:
    index = NearDuplicateIndex()
    assert index.check_and_add(doc("afp", WIRE)) is None
    assert index.check_and_add(doc("other", OTHER)) is None
    copy = "DAMASCUS (AFP) - " + WIRE.replace("Tuesday", "Tuesday,") + " Copyright AFP."
    assert index.check_and_add(doc("reprint", copy)) == "afp"
    assert len(index) == 2  # the copy itself is not indexed


def test_same_id_twice_is_not_its_own_duplicate() -> None:
    index = NearDuplicateIndex()
    assert index.check_and_add(doc("a", WIRE)) is None
    assert index.check_and_add(doc("a", WIRE)) is None


def test_short_texts_are_not_compared() -> None:
    index = NearDuplicateIndex()
    assert index.check_and_add(doc("a", "Clashes in Idlib.")) is None
    assert index.check_and_add(doc("b", "Clashes in Idlib.")) is None
    assert len(index) == 0


def test_state_round_trips_through_bytes() -> None:
    index = NearDuplicateIndex(threshold=0.7)
    index.check_and_add(doc("afp", WIRE))
    restored = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert restored.threshold == 0.7
    assert restored.check_and_add(doc("copy", WIRE + " More to follow.")) == "afp"
    assert restored.check_and_add(doc("other", OTHER)) is None


def test_bad_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=1.5)
