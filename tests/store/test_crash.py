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


TOWNS = ["Douma", "Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Daraa"]


@pytest.mark.slow
def test_sigkill_during_cli_ingest_then_rerun(tmp_path: Path) -> None:
    """The real thing: `eventwire ingest DIR --db FILE`, killed midway, run again."""
    repo = Path(__file__).resolve().parents[2]
    cli = repo / ".venv" / "bin" / "eventwire"
    if not cli.exists():
        pytest.skip(f"{cli} not installed")
    inputs = tmp_path / "articles"
    inputs.mkdir()
    n = 160
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (inputs / f"{i:04d}.txt").write_text(
            f"Report {i}. Government air strikes killed {i % 17 + 2} civilians in {town} "
            f"on Monday, the Syrian Observatory for Human Rights said. Rescue workers "
            f"searched the rubble of building number {i} for survivors.\n"
        )
    db = tmp_path / "eventwire.db"
    command = [
        str(cli),
        "ingest",
        str(inputs),
        "--db",
        str(db),
        "--no-progress",
        "--published",
        "2017-04-05",
    ]
    env = {**os.environ, "EVENTWIRE_BATCH_SIZE": "8"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "no batch was stored in time"
            if db.exists():
                store = open_store(str(db))
                stored = store.counts()["documents"]
                store.close()
                if stored >= 16:
                    break
            time.sleep(0.1)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    store = open_store(str(db))
    killed_at = store.counts()["documents"]
    store.close()
    assert 16 <= killed_at < n, "killed too late to prove anything"

    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{n - killed_at} new document(s), {killed_at} already stored" in done.stdout
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert f"0 new document(s), {n} already stored" in again.stdout
    store = open_store(str(db))
    assert store.counts()["documents"] == n
    ids = store._execute("SELECT id FROM documents").fetchall()
    assert len({row[0] for row in ids}) == n
    store.close()


@pytest.mark.slow
def test_two_ingests_of_the_same_documents_at_once(store_url: str, tmp_path: Path) -> None:
    """One writer at a time: concurrent ingests store each document once, clustered as one run."""
    script = tmp_path / "ingest.py"
    script.write_text(SCRIPT)
    small = "600"
    first = subprocess.Popen([sys.executable, str(script), store_url, small])
    second = subprocess.Popen([sys.executable, str(script), store_url, small])
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    clean_url = str(tmp_path / "clean.db")
    assert subprocess.run([sys.executable, str(script), clean_url, small]).returncode == 0
    store, clean = open_store(store_url), open_store(clean_url)
    assert store.counts() == clean.counts()
    assert store.counts()["documents"] == 600
    assert snapshot(store) == snapshot(clean)
    store.close()
    clean.close()
