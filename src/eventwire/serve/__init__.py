"""HTTP API and live dashboard over the store: `create_app` builds it, `run` serves it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.serve.app import ServeOptions
    from eventwire.settings import Settings


def run(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    options: ServeOptions | None = None,
) -> None:
    """Serve the API and dashboard with uvicorn until interrupted."""
    import uvicorn

    from eventwire.serve.app import create_app

    app = create_app(settings, options)
    uvicorn.run(
        app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False
    )
