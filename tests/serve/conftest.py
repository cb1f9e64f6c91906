"""Fixtures for the server tests (defined in servekit, shared with the browser tests)."""

import sys
from pathlib import Path

# The suite imports with importlib and only tests/ on the path; servekit lives beside this file.
sys.path.insert(0, str(Path(__file__).parent))

from servekit import live_server, memory_store

__all__ = ["live_server", "memory_store"]
