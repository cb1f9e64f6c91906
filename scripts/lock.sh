#!/usr/bin/env bash
# Regenerate requirements/lock.txt from the working .venv (after adding a dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Every Python package eventwire installs, pinned. Regenerate: bash scripts/lock.sh"
  .venv/bin/pip list --format=freeze --exclude-editable | grep -viE "^(en[-_]core[-_]web|pip|setuptools|wheel)="
} > requirements/lock.txt
echo "wrote requirements/lock.txt ($(grep -vc '^#' requirements/lock.txt) packages)" >&2
