"""Events as JSON Lines: one contract Event record per line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import orjson


def write(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for event in events:
        out.write(orjson.dumps(event) + b"\n")
        count += 1
    return count


def read(handle: IO[bytes]) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in handle if line.strip()]
