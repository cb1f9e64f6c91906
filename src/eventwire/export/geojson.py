"""Events as a GeoJSON FeatureCollection of points; every field is kept in `properties`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import orjson


def feature(event: dict[str, Any]) -> dict[str, Any]:
    lon, lat = event.get("longitude"), event.get("latitude")
    geometry = None
    if lon is not None and lat is not None:
        geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
    identifier = event.get("event_id")
    return {"type": "Feature", "id": identifier, "geometry": geometry, "properties": event}


def write(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Streams features one by one, so a million events never sit in memory at once."""
    count = 0
    out.write(b'{"type":"FeatureCollection","features":[')
    for event in events:
        out.write((b",\n" if count else b"\n") + orjson.dumps(feature(event)))
        count += 1
    out.write(b"\n]}\n")
    return count


def read(handle: IO[bytes]) -> list[dict[str, Any]]:
    collection = orjson.loads(handle.read())
    if collection.get("type") != "FeatureCollection":
        raise ValueError("not a GeoJSON FeatureCollection")
    return [dict(f.get("properties") or {}) for f in collection.get("features") or ()]
