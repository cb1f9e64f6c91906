"""Builds the FastAPI app from settings: routes, middleware, error handlers, listed explicitly."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import anyio.to_thread
import orjson
from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.serve import api, live
from eventwire.serve.cache import ResponseCache
from eventwire.serve.errors import EXCEPTION_HANDLERS, error_response
from eventwire.serve.fast import FastEvents
from eventwire.serve.middleware import BodyLimit, SecurityHeaders
from eventwire.serve.stores import StoreProvider
from eventwire.serve.timeline import TimelineCache
from eventwire.settings import Settings
from eventwire.store.base import Store


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How the server behaves, beyond the pipeline settings (the CLI's serve flags)."""

    read_only: bool = False  # refuse every write, even with a valid token
    cors_origins: tuple[str, ...] = ()  # empty: no cross-origin reads (CORS closed)
    max_body_bytes: int = 5_000_000  # larger request bodies get 413
    live_interval: float = 1.0  # seconds between polls of the store's change feed
    workers: int = 1  # server processes (each with its own store connections)
    threads: int = 8  # store calls run in this many threads per process
    cache_bytes: int = 64_000_000  # response cache per process for /api/events, /api/timeline


def static_dir() -> Path:
    return Path(str(resources.files("eventwire.serve") / "static"))


def _dashboard(request: Request) -> Response:
    index = static_dir() / "index.html"
    if not index.is_file():
        return error_response(503, "unavailable", "dashboard assets are missing; see docs/serve.md")
    return FileResponse(index, headers={"Cache-Control": "no-cache"})


def _open(settings: Settings) -> Store:
    from eventwire.store import open_store

    return open_store(settings.db)


def create_app(
    settings: Settings, options: ServeOptions | None = None, *, store: Store | None = None
) -> FastAPI:
    """The HTTP API and dashboard over the store named by `settings.db` (or the given `store`)."""
    options = options or ServeOptions()
    stores = StoreProvider.shared(store) if store else StoreProvider(lambda: _open(settings))
    stores.get()  # fail at start-up, not on the first request, when the store cannot be opened
    broadcaster = live.Broadcaster(stores, options.live_interval)
    # Threads for the pages FastEvents reads (anyio's own threads serve the FastAPI routes).
    readers = ThreadPoolExecutor(options.threads, thread_name_prefix="eventwire-read")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Few threads: store calls hold the GIL for most of their time, and forty threads
        # (anyio's default) contending for it stretch the latency tail under load.
        anyio.to_thread.current_default_thread_limiter().total_tokens = options.threads
        yield
        await broadcaster.stop()
        readers.shutdown(wait=True)
        stores.close()

    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BodyLimit, max_bytes=options.max_body_bytes),
    ]
    if options.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(options.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )
    # Outside gzip: a cached page is compressed once, not once per browser that asks for it.
    middleware.append(Middleware(ResponseCache, stores=stores, max_bytes=options.cache_bytes))
    # Level 1: most of the saving on JSON at a fraction of the CPU of the default level 9.
    middleware.append(Middleware(GZipMiddleware, minimum_size=2000, compresslevel=1))
    # Innermost: plainly valid GET /api/events skip FastAPI's parameter solving (serve/fast.py).
    middleware.append(Middleware(FastEvents, stores=stores, executor=readers))
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Events extracted from news reports, in ACLED's public schema, with evidence.",
        docs_url=None,  # the Swagger page loads scripts from a CDN, which the CSP forbids
        redoc_url=None,
        middleware=middleware,
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.options = options
    app.state.stores = stores
    app.state.broadcaster = broadcaster
    app.state.timeline = TimelineCache()
    for route in [*api.ROUTES, *live.ROUTES]:
        app.router.routes.append(route)
    app.router.routes.append(Route("/", _dashboard, methods=["GET"], include_in_schema=False))
    app.router.routes.append(Mount("/static", StaticFiles(directory=static_dir(), check_dir=False)))
    return app


SPEC_VARIABLE = "EVENTWIRE_SERVE_SPEC"


def app_spec(settings: Settings, options: ServeOptions) -> str:
    """Settings and options as JSON, for worker processes that build their own app."""
    return orjson.dumps(
        {"settings": dataclasses.asdict(settings), "options": dataclasses.asdict(options)}
    ).decode()


def app_from_environment() -> FastAPI:
    """The app a worker process builds from $EVENTWIRE_SERVE_SPEC (uvicorn factory)."""
    spec = orjson.loads(os.environ[SPEC_VARIABLE])
    options = spec["options"]
    options["cors_origins"] = tuple(options["cors_origins"])
    return create_app(Settings(**spec["settings"]), ServeOptions(**options))
