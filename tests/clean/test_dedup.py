"""NearDuplicateIndex: syndicated copies are linked, different reports are not."""

from __future__ import annotations

import pytest

from eventwire.clean.dedup import NearDuplicateIndex, bands_for, minhash, similarity
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


def test_saved_index_is_compact_and_refuses_other_bytes() -> None:
    index = NearDuplicateIndex()
    index.check_and_add(doc("afp", WIRE))
    index.check_and_add(doc("other", OTHER))
    data = index.to_bytes()
    assert len(data) < 2_000  # ids and 128 uint32 per document, no pickled objects
    with pytest.raises(ValueError, match="truncated"):
        NearDuplicateIndex.from_bytes(data[:-4])
    with pytest.raises(ValueError, match="not a near-duplicate index"):
        NearDuplicateIndex.from_bytes(b"\x80\x05junk")


def test_lsh_bands_separate_around_the_threshold() -> None:
    # The S-curve of b bands of r rows crosses 1/2 near the threshold asked for.
    for threshold in (0.5, 0.8, 0.9):
        bands, rows = bands_for(threshold)
        assert bands * rows <= 128
        middle = (1 / bands) ** (1 / rows)
        assert abs(middle - threshold) < 0.08


def test_near_copy_below_threshold_is_not_linked() -> None:
    index = NearDuplicateIndex(threshold=0.9)
    index.check_and_add(doc("afp", WIRE))
    half = " ".join(WIRE.split()[: len(WIRE.split()) // 2]) + " " + OTHER
    assert index.check_and_add(doc("mixed", half)) is None
    assert minhash("too short to compare") is None
    assert similarity(minhash(WIRE), minhash(WIRE)) == 1.0  # type: ignore[arg-type]
