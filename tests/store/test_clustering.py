"""Clustering through the store on both backends: merges, old ids, copies, arrival order."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from tests.store.conftest import make_document, make_event

from eventwire.cluster import rules
from eventwire.models import Document, Evidence
from eventwire.store import EventQuery, open_store


def snapshot(store: Any) -> list[tuple[str, tuple[str, ...], int, int, int | None, str]]:
    events = store.iter_events(EventQuery())
    return sorted(
        (
            e["event_id"],
            tuple(e["document_ids"]),
            e["reports"],
            e["fatalities"],
            e["fatalities_high"],
            e["source"],
        )
        for e in events
    )


def corpus() -> list[Document]:
    """Three incidents, eight documents (one a syndicated copy), some bridging reports."""
    douma = dict(location="Douma", latitude=33.5711, longitude=36.4022)
    hama = dict(location="Hama", latitude=35.1318, longitude=36.7578, admin1="Hama")
    protest = dict(
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Syria)",
        actor2=None,
        inter1=6,
        inter2=None,
        interaction=60,
        fatalities=0,
        fatalities_low=0,
    )
    return [
        make_document("d1", make_event("d1-0", fatalities=12, **douma), published=None),
        make_document("d2", make_event("d2-0", fatalities=15, source="SANA", **douma)),
        make_document("d3", make_event("d3-0", fatalities=20, **douma)),
        make_document(  # 11 km north of Douma: the same incident
            "d4", make_event("d4-0", **{**douma, "latitude": 33.6711})
        ),
        make_document("d5", make_event("d5-0", **douma), duplicate_of="d2"),  # copy of d2
        make_document("h1", make_event("h1-0", **hama)),
        make_document("h2", make_event("h2-0", event_date="2017-04-10", **hama)),  # too late
        make_document("p1", make_event("p1-0", **{**douma, **protest})),
    ]


def test_reports_of_one_incident_become_one_event(store: Any) -> None:
    result = store.put_documents(corpus())
    assert result.documents_new == 8
    events = {e["event_id"]: e for e in store.iter_events(EventQuery())}
    douma = events["d2-0"]  # the earliest published report anchors the event
    assert douma["document_ids"] == ["d1", "d2", "d3", "d4", "d5"]
    assert douma["reports"] == 4  # d5 is a copy of d2: one report
    assert douma["fatalities_low"] == 12 and douma["fatalities_high"] == 20
    assert douma["fatalities"] == 12  # lower median of d1=12, d2/d5=15, d3=20, d4=12
    assert douma["source"] == "SANA; Syrian Observatory for Human Rights"
    assert set(events) == {"d2-0", "h1-0", "h2-0", "p1-0"}
    assert store.counts() == {"documents": 8, "events": 4, "reports": 7}


def test_results_do_not_depend_on_arrival_order(store_url: str, tmp_path: Any) -> None:
    expected = None
    rng = random.Random(7)
    for attempt in range(4):
        docs = corpus()
        rng.shuffle(docs)
        url = store_url if attempt == 0 else str(tmp_path / f"order{attempt}.db")
        store = open_store(url)
        if attempt % 2:
            store.put_documents(docs)
        else:
            for doc in docs:
                store.put_documents([doc])
        got = snapshot(store)
        store.close()
        assert expected is None or got == expected, f"arrival order {[d.id for d in docs]}"
        expected = got


def test_old_ids_resolve_after_a_merge(store: Any) -> None:
    douma = dict(location="Douma", latitude=33.5711, longitude=36.4022)
    north = {**douma, "latitude": 33.8211}  # 28 km north: too far for one town
    store.put_documents([make_document("x", make_event("x-0", **douma))])
    # Another toll: the same toll would corroborate a link across the 28 km (cluster/rules).
    other_toll = dict(fatalities=9, fatalities_low=9)
    store.put_documents([make_document("y", make_event("y-0", **north, **other_toll))])
    assert store.counts()["events"] == 2  # not the same incident yet
    bridge = make_event("z-0", **{**douma, "latitude": 33.6961})  # 14 km from each
    result = store.put_documents([make_document("z", bridge)])
    assert result.events_merged == 1 and store.counts()["events"] == 1
    survivor = store.get_event("x-0")
    merged = store.get_event("y-0")
    assert merged["event_id"] == survivor["event_id"] == "x-0"
    assert merged["resolved_from"] == "y-0"
    assert store.query_events(EventQuery()).events[0]["event_id"] == "x-0"


def test_an_earlier_report_takes_over_the_id(store: Any) -> None:
    import datetime as dt

    store.put_documents([make_document("late", make_event("late-0"))])
    early = make_document("early", make_event("early-0"), published=dt.date(2017, 4, 4))
    store.put_documents([early])
    assert [e["event_id"] for e in store.iter_events(EventQuery())] == ["early-0"]
    assert store.get_event("late-0")["event_id"] == "early-0"


def test_a_syndicated_copy_without_events_joins_its_originals_event(store_url: str) -> None:
    original = make_document("orig", make_event("orig-0"))
    copy = make_document("copy", duplicate_of="orig", outlet="Syndicator")  # not analysed
    other = make_document("other", make_event("other-0", fatalities=20))
    results = []
    for order in ([original, copy, other], [copy, other, original]):
        store = open_store(store_url)
        store.put_documents(order[:1])
        store.put_documents(order[1:])
        results.append(snapshot(store))
        event = store.get_event("orig-0")
        assert {r["document_id"] for r in event["reports"]} == {"orig", "copy", "other"}
        copied = next(r for r in event["reports"] if r["document_id"] == "copy")
        assert copied["outlet"] == "Syndicator" and copied["duplicate_of"] == "orig"
        assert event["report_count"] == 2  # the copy is not another report
        store._execute("DELETE FROM events")
        store._execute("DELETE FROM reports")
        store._execute("DELETE FROM documents")
        store.close()
    assert results[0] == results[1]


def test_incremental_store_clusters_equal_the_in_memory_components(store: Any) -> None:
    """The store's candidate lookup finds every link the rules allow (none missed)."""
    import datetime as dt

    from tests.cluster.test_cluster import synthetic

    from eventwire.cluster import cluster_reports
    from eventwire.models import Event

    reports = synthetic(150, seed=5)
    docs = [
        Document(
            id=r.document_id,
            text="t",
            published=dt.date.fromisoformat(str(r.published)),
            events=(Event.from_record({**r.record, "event_id": r.report_id}),),
        )
        for r in reports
    ]
    for start in range(0, len(docs), 7):
        store.put_documents(docs[start : start + 7])
    stored = sorted(tuple(e["document_ids"]) for e in store.iter_events(EventQuery()))
    expected = sorted(tuple(sorted(r.document_id for r in c)) for c in cluster_reports(reports))
    assert stored == expected


def test_recluster_splits_and_old_ids_still_resolve(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    douma = dict(location="Douma", latitude=33.5711, longitude=36.4022)
    early = make_document("x", make_event("x-0", **douma), published=dt.date(2017, 4, 4))
    late = make_document(  # another toll: only the place rule links the two
        "y",
        make_event("y-0", fatalities=9, fatalities_low=9, **douma),
        published=dt.date(2017, 4, 6),
    )
    store.put_documents([late])
    store.put_documents([early])
    assert store.counts()["events"] == 1
    assert store.get_event("y-0")["event_id"] == "x-0"
    # A stricter rule: these two are no longer one incident.
    monkeypatch.setitem(rules.DISTANCE_TOLERANCE_KM, 1, -1.0)
    assert store.recluster() == {"events_before": 1, "events_after": 2, "reports": 2}
    assert store.get_event("y-0")["event_id"] == "y-0"  # split off: its own event again
    assert store.get_event("x-0")["document_ids"] == ["x"]
    monkeypatch.undo()
    store.recluster()
    assert [e["event_id"] for e in store.iter_events(EventQuery())] == ["x-0"]


def test_a_chemical_attack_dated_next_day_by_a_dateline_joins_it(store: Any) -> None:
    """A follow-up whose text does not date the attack carries its dateline's day: it joins
    the report that dates the attack the day before (`cluster.rules.dated_by_report`)."""
    gas = dict(sub_event_type="Chemical weapon")
    stamp = Evidence("event_date", 4, 15, "05 Apr 2017")
    follow_up = make_event(
        "f-0",
        event_date="2017-04-05",
        fatalities=15,
        evidence=(Evidence("location", 0, 5, "Douma"), stamp),
        **gas,
    )
    store.put_documents([make_document("f", follow_up, published=dt.date(2017, 4, 5))])
    told = make_event("t-0", **gas)  # "on Tuesday": 2017-04-04, toll 12
    store.put_documents([make_document("t", told, published=dt.date(2017, 4, 4))])
    assert [e["document_ids"] for e in store.iter_events(EventQuery())] == [["f", "t"]]
