"""HTTP API and live dashboard over the store: `create_app` builds it, `run` serves it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    import os

    import uvicorn

    from eventwire.serve.app import SPEC_VARIABLE, ServeOptions, app_spec, create_app

    options = options or ServeOptions()
    check_address(host, port)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        # One log line per request costs about as much CPU as a cached answer; errors and
        # start-up still log.
        "access_log": False,
        "proxy_headers": False,
        "server_header": False,
    }
    if options.workers <= 1:
        uvicorn.run(create_app(settings, options), **common)
        return
    from eventwire.store import open_store

    open_store(settings.db).close()  # fail here, once, when the store cannot be opened
    os.environ[SPEC_VARIABLE] = app_spec(settings, options)
    uvicorn.run(
        "eventwire.serve.app:app_from_environment", factory=True, workers=options.workers, **common
    )


def check_address(host: str, port: int) -> None:
    """Raise EventwireError when nothing can listen on host:port (taken, or no such address).

    uvicorn would log the failure and exit with status 3, outside the CLI's error contract.
    """
    import socket

    from eventwire.errors import EventwireError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            sock.bind((host, port))
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise EventwireError(f"{host}:{port}", f"cannot listen: {reason}") from None
