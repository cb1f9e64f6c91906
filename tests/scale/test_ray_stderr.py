"""On Ray, standard error carries eventwire's own messages only; Ray's go to a log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.scale.ray_runner import native_stderr_to


def test_native_writes_go_to_the_log_and_own_messages_to_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "ray.log"
    with native_stderr_to(log):
        os.write(2, b"[core_worker.cc] a native notice\n")  # as Ray's C++ core writes
        print("eventwire: error: x.txt: binary input", file=sys.stderr)
    print("eventwire: after", file=sys.stderr)
    err = capfd.readouterr().err
    assert err.splitlines() == ["eventwire: error: x.txt: binary input", "eventwire: after"]
    assert log.read_text() == "[core_worker.cc] a native notice\n"
    os.write(2, b"restored\n")
    assert capfd.readouterr().err == "restored\n"


@pytest.mark.slow
def test_ingest_on_ray_prints_only_eventwire_lines(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="ray[data] is not installed")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 8)
    done = _ingest_on_ray(corpus, tmp_path / "events.db", dict(os.environ))
    assert done.returncode == 1, done.stderr  # the junk file and the empty one fail
    lines = done.stderr.splitlines()
    assert any("junk.txt" in line for line in lines), done.stderr
    assert lines and all(line.startswith("eventwire: ") for line in lines), done.stderr
    assert "ingested" in done.stdout


@pytest.mark.slow
def test_a_ray_that_cannot_start_is_one_clear_error(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="ray[data] is not installed")
    # Ray's sockets under a temporary directory this deep exceed the 107-byte limit of a
    # Unix socket's path; the OSError once read as "stdout: cannot write".
    deep = tmp_path / ("d" * 60)
    deep.mkdir()
    done = _ingest_on_ray(corpus, tmp_path / "events.db", dict(os.environ, TMPDIR=str(deep)))
    assert done.returncode == 1
    assert done.stderr.startswith("eventwire: error: --engine ray: could not start or reach")
    assert len(done.stderr.splitlines()) == 1 and "stdout" not in done.stderr


def _ingest_on_ray(corpus: Path, db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env["EVENTWIRE_PROGRESS"] = "false"
    command = ["ingest", str(corpus), "--engine", "ray", "--db", str(db)]
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *command],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
