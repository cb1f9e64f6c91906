"""The JSON endpoints under /api: events, documents, ingest, health, taxonomy."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

import orjson
from fastapi import Depends, Header, Path, Query, Request
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from eventwire import __version__
from eventwire.errors import InputError, StoreError
from eventwire.extract.taxonomy import EVENT_TYPES, SUB_EVENT_TO_EVENT
from eventwire.read import record_to_raw
from eventwire.serve.auth import bearer_token, token_name
from eventwire.serve.errors import ApiError
from eventwire.serve.stores import StoreProvider
from eventwire.store.base import MAX_ID_BYTES, EventQuery, Store

MAX_LIMIT = 1000
MAX_RECORDS = 100  # records per POST /api/documents
# Every id a store keeps can be asked for: a document id has at most MAX_ID_BYTES characters
# (its UTF-8 bytes, at most); an event's old id may be a report id joining two document ids.
DocumentId = Annotated[str, Path(max_length=MAX_ID_BYTES)]
EventId = Annotated[str, Path(max_length=3 * MAX_ID_BYTES)]


def json_response(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _store(request: Request) -> Store:
    provider: StoreProvider = request.app.state.stores
    return provider.get()


def _parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None or raw == "":
        return None
    parts = raw.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ApiError(422, "invalid_request", "bbox: expected W,S,E,N in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "invalid_request", "bbox: expected -180<=W,E<=180, -90<=S<=N<=90")
    return (west, south, east, north)


def _vocabulary_key(value: str) -> str:
    return " ".join(value.split()).casefold()


# ACLED's spelling of each name, by the form a request may give it in (any case, any spacing).
_EVENT_TYPES = {_vocabulary_key(name): name for name in EVENT_TYPES}
_SUB_EVENT_TYPES = {_vocabulary_key(name): name for name in SUB_EVENT_TO_EVENT}


def _canonical_type(event_type: str | None) -> str | None:
    """ACLED's spelling of an event type given in any case ('battles'); 422 when unknown."""
    if not event_type:
        return None
    name = _EVENT_TYPES.get(_vocabulary_key(event_type))
    if name is None:
        known = ", ".join(EVENT_TYPES)
        raise ApiError(
            422, "invalid_request", f"event_type: unknown {event_type!r}; known: {known}"
        )
    return name


def _canonical_sub_type(sub_event_type: str | None) -> str | None:
    """ACLED's spelling of a sub-event type given in any case; 422 when unknown."""
    if not sub_event_type:
        return None
    name = _SUB_EVENT_TYPES.get(_vocabulary_key(sub_event_type))
    if name is None:
        raise ApiError(
            422, "invalid_request", f"sub_event_type: unknown {sub_event_type!r}; see /api/taxonomy"
        )
    return name


Text = Annotated[str | None, Query(max_length=300)]


async def event_filters(  # async: FastAPI would hand a plain function to a thread per request
    since: Annotated[dt.date | None, Query(description="first event date, YYYY-MM-DD")] = None,
    until: Annotated[dt.date | None, Query(description="last event date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(max_length=300, description="country name")] = None,
    admin1: Text = None,
    event_type: Annotated[
        str | None, Query(max_length=300, description="ACLED event type, any case")
    ] = None,
    sub_event_type: Text = None,
    actor: Annotated[str | None, Query(max_length=300, description="actor name substring")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="W,S,E,N in degrees")] = None,
    q: Annotated[str | None, Query(max_length=300, description="free text")] = None,
) -> EventQuery:
    """The filters shared by /api/events and /api/timeline, checked."""
    return checked_filters(
        since, until, country, admin1, event_type, sub_event_type, actor, bbox, q
    )


def checked_filters(
    since: dt.date | None,
    until: dt.date | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    actor: str | None,
    bbox: str | None,
    q: str | None,
) -> EventQuery:
    """The query for these filter values; ApiError (422) when they do not make sense."""
    if since and until and since > until:
        raise ApiError(422, "invalid_request", "since: must not be after until")
    return EventQuery(
        since=since,
        until=until,
        country=country or None,
        admin1=admin1 or None,
        event_type=_canonical_type(event_type),
        sub_event_type=_canonical_sub_type(sub_event_type),
        actor=actor or None,
        bbox=_parse_bbox(bbox),
        q=q or None,
    )


Filters = Annotated[EventQuery, Depends(event_filters)]


def list_events(
    request: Request,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(max_length=1000, description="`next` of a page")] = None,
) -> Response:
    """Stored events matching every given filter, newest first, one page at a time."""
    # serve/fast.py answers well-formed requests before they reach this route; this one
    # answers the rest (and renders every error), with the same body for the same query.
    query = dataclasses.replace(filters, limit=limit, cursor=cursor or None)
    store = _store(request)
    try:
        if getattr(store, "query_events_raw", None) is None:
            page = store.query_events(query)
            return json_response({"events": page.events, "next": page.next})
        body = events_body(store, query)
    except StoreError as exc:
        if exc.subject == "cursor":
            raise ApiError(422, "invalid_request", f"cursor: {exc.message}") from None
        raise
    return Response(body, media_type="application/json")


def events_body(store: Any, query: EventQuery) -> bytes:
    """The /api/events body from a store with `query_events_raw`.

    The stored JSON of each event goes out as it is: no decoding and encoding per request.
    """
    page = store.query_events_raw(query)
    return b"".join(
        (
            b'{"events":[',
            ",".join(page.records).encode(),
            b'],"next":',
            orjson.dumps(page.next),
            b"}",
        )
    )


def timeline(request: Request, filters: Filters) -> Response:
    """Events per day for the filters: {"days": [["YYYY-MM-DD", n], ...], "total": n}."""
    days = request.app.state.timeline.days(_store(request), filters)
    return json_response({"days": days, "total": sum(n for _, n in days)})


def get_event(request: Request, event_id: EventId) -> Response:
    """One event with its reports (documents, their text and the evidence spans)."""
    event = _store(request).get_event(event_id)
    if event is None:
        raise ApiError(404, "not_found", f"event {event_id!r} not found")
    return json_response(event)


def get_document(request: Request, document_id: DocumentId) -> Response:
    """One stored document with its extracted events."""
    document = _store(request).get_document(document_id)
    if document is None:
        raise ApiError(404, "not_found", f"document {document_id!r} not found")
    return json_response(document)


def _records(body: bytes, ndjson: bool = False) -> list[Any]:
    """The records of a body: one JSON value (a record or a list), or with `ndjson` one a line."""
    records: list[Any] = []
    if ndjson:
        for number, line in enumerate(body.splitlines(), start=1):
            if line.strip():
                records.append(_json(line, f"body line {number}"))
    else:
        data = _json(body, "body")
        records = data if isinstance(data, list) else [data]
    if not records or len(records) > MAX_RECORDS:
        raise ApiError(422, "invalid_request", f"body: send 1 to {MAX_RECORDS} records")
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise ApiError(422, "invalid_request", f"record {number}: expected a JSON object")
        if not isinstance(record.get("id"), str) or not record["id"].strip():
            raise ApiError(422, "invalid_request", f"record {number}: `id` must be a string")
        if not isinstance(record.get("text"), str) and not isinstance(record.get("html"), str):
            raise ApiError(422, "invalid_request", f"record {number}: needs `text` or `html`")
        try:  # the jsonl reader's own checks: dates, string fields, text that is not blank
            record_to_raw(record, f"record {number}")
        except InputError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from None
    return records


def _json(data: bytes, where: str) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "bad_request", f"{where}: not valid JSON ({exc})") from None


def _authorize(request: Request, authorization: str | None) -> str:
    if request.app.state.options.read_only:
        raise ApiError(403, "read_only", "this server was started read-only")
    token = bearer_token(authorization)
    challenge = {"WWW-Authenticate": 'Bearer realm="eventwire"'}
    if token is None:
        raise ApiError(
            401,
            "unauthorized",
            "writes need `Authorization: Bearer <token>`; create one with `eventwire token NAME`",
            challenge,
        )
    name = token_name(_store(request), token)
    if name is None:
        raise ApiError(401, "unauthorized", "unknown or revoked token", challenge)
    return name


async def post_documents(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> Response:
    """Ingest one jsonl-style record {id, text|html, published?, url?, title?} (or a list)."""
    await run_in_threadpool(_authorize, request, authorization)
    content_type = request.headers.get("content-type", "application/json").split(";")[0]
    content_type = content_type.strip().lower()
    if content_type not in ("application/json", "application/x-ndjson"):
        raise ApiError(415, "unsupported_media_type", "send the record as application/json")
    records = _records(await request.body(), ndjson=content_type == "application/x-ndjson")
    result = await run_in_threadpool(_ingest, request, records)
    payload = dataclasses.asdict(result)
    payload["ids"] = [record["id"] for record in records]
    return json_response(payload, 201 if result.documents_new else 200)


def _ingest(request: Request, records: list[dict[str, Any]]) -> Any:
    from eventwire.pipeline import ingest_records

    provider: StoreProvider = request.app.state.stores
    with provider.write_lock:  # one writer; the model is loaded once and used by one thread
        return ingest_records(records, provider.get(), request.app.state.settings)


def health(request: Request) -> Response:
    """Liveness plus store counts; 503 when the store cannot be read."""
    try:
        counts = _store(request).counts()
    except StoreError as exc:
        raise ApiError(503, "unavailable", f"store: {exc.message}") from None
    return json_response(
        {
            "status": "ok",
            "version": __version__,
            "read_only": request.app.state.options.read_only,
            "counts": counts,
        }
    )


def taxonomy(request: Request) -> Response:
    """ACLED event types with their disorder type and sub-event types (for filters)."""
    return json_response(
        {
            name: {"disorder_type": d, "sub_event_types": subs}
            for name, (d, subs) in EVENT_TYPES.items()
        }
    )


RECORD_SCHEMA = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string", "description": "plain text; give this or `html`"},
        "html": {"type": "string", "description": "an HTML page; give this or `text`"},
        "published": {"type": "string", "format": "date"},
        "url": {"type": "string"},
        "title": {"type": "string"},
    },
}

ROUTES = [
    APIRoute("/api/events", list_events, methods=["GET"], tags=["events"]),
    APIRoute("/api/events/{event_id:path}", get_event, methods=["GET"], tags=["events"]),
    APIRoute(
        "/api/documents/{document_id:path}", get_document, methods=["GET"], tags=["documents"]
    ),
    APIRoute(
        "/api/documents",
        post_documents,
        methods=["POST"],
        tags=["documents"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [RECORD_SCHEMA, {"type": "array", "items": RECORD_SCHEMA}]
                        }
                    },
                    # One record a line, as in jsonl input.
                    "application/x-ndjson": {"schema": RECORD_SCHEMA},
                },
            }
        },
    ),
    APIRoute("/api/timeline", timeline, methods=["GET"], tags=["events"]),
    APIRoute("/api/health", health, methods=["GET"], tags=["meta"]),
    APIRoute("/api/taxonomy", taxonomy, methods=["GET"], tags=["meta"]),
]
