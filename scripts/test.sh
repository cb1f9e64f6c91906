#!/usr/bin/env bash
# The test command: lint, type-check and run the whole test suite (installs first if needed).
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/eventwire ]; then
  bash scripts/setup.sh --no-demo
fi
.venv/bin/pip install --quiet -r requirements/dev.txt
echo "==> ruff" >&2
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
echo "==> mypy" >&2
.venv/bin/mypy
echo "==> pytest" >&2
.venv/bin/pytest "$@"
