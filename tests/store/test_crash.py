"""Crash safety for real: SIGKILL an ingest midway, run it again, every document stored once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import EventQuery, open_store

N_DOCUMENTS = 2000

# Ingests N synthetic documents in batches of 20, as `eventwire ingest` does: one transaction
# per batch, known ids skipped. Events fall on 40 places over 60 days, so many reports merge.
SCRIPT = """
import datetime as dt, sys
from eventwire.models import Document, Event
from eventwire.store import open_store

store = open_store(sys.argv[1])
n = int(sys.argv[2])
batch = []
for i in range(n):
    day = dt.date(2017, 1, 1) + dt.timedelta(days=(i * 7) % 60)
    place = (i * 13) % 40
    event = Event(
        event_id=f"doc{i}-0", event_date=day, time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Military Forces of Syria (2000-)", inter1=1,
        interaction=10, country="Syria", iso=760, location=f"Place {place}",
        latitude=33.0 + place * 0.2, longitude=36.0, geo_precision=1, source="S",
        notes="n", fatalities=i % 9, fatalities_low=i % 9, confidence=0.5,
    )
    batch.append(Document(id=f"doc{i}", text="t", published=day, events=(event,)))
    if len(batch) == 20:
        if not store.has_document(batch[-1].id):
            store.put_documents(batch)
        batch = []
store.put_documents(batch)
store.close()
"""


def run(script: Path, url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(script), url, str(N_DOCUMENTS)])


def snapshot(store: Any) -> list[tuple[str, tuple[str, ...], int]]:
    return sorted(
        (e["event_id"], tuple(e["document_ids"]), e["fatalities"])
        for e in store.iter_events(EventQuery())
    )


@pytest.mark.slow
def test_sigkill_midway_then_rerun_stores_every_document_once(
    store_url: str, tmp_path: Path
) -> None:
    script = tmp_path / "ingest.py"
    script.write_text(SCRIPT)
    watcher = open_store(store_url)
    process = run(script, store_url)
    try:
        deadline = time.monotonic() + 120
        while watcher.counts()["documents"] < 300:
            assert process.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest made no progress"
            time.sleep(0.02)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    killed_at = watcher.counts()["documents"]
    assert 300 <= killed_at < N_DOCUMENTS, "killed too late to prove anything"
    assert killed_at % 20 == 0, "a batch was stored in part"

    assert run(script, store_url).wait() == 0
    counts = watcher.counts()
    assert counts["documents"] == N_DOCUMENTS
    orphans = watcher._execute(
        "SELECT COUNT(*) FROM reports r LEFT JOIN events e ON e.event_id = r.event_id "
        "WHERE e.event_id IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    assert watcher._execute("SELECT COUNT(*) FROM reports").fetchone()[0] == N_DOCUMENTS
    assert counts["reports"] == N_DOCUMENTS

    # The events are what one uninterrupted run makes.
    clean_url = str(tmp_path / "clean.db")
    assert run(script, clean_url).wait() == 0
    clean = open_store(clean_url)
    assert snapshot(watcher) == snapshot(clean)
    clean.close()
    watcher.close()
