"""API tokens for writes: random secrets shown once, stored only as SHA-256 hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

import orjson

from eventwire.errors import UsageError
from eventwire.store.base import Store

TOKENS = "api_token"  # state namespace: token hash -> {"name", "created"}
NAMES = "api_token_name"  # state namespace: token name -> token hash
PREFIX = "ew_"


def _hash(token: str) -> str:
    # Tokens are 256-bit random secrets, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new write token called `name`; returns the secret, which is not stored anywhere."""
    name = name.strip()
    if not name or len(name) > 100:
        raise UsageError("name", "a token name must have 1 to 100 characters")
    if store.get_state(NAMES, name):
        raise UsageError(name, "a token with this name exists; revoke it first or pick another")
    token = PREFIX + secrets.token_urlsafe(32)
    digest = _hash(token)
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    store.set_state(TOKENS, digest, orjson.dumps({"name": name, "created": created}).decode())
    store.set_state(NAMES, name, digest)
    return token


def revoke_token(store: Store, name: str) -> bool:
    """Revoke the token called `name`; False when there is no such (live) token."""
    digest = store.get_state(NAMES, name)
    if not digest:
        return False
    store.set_state(TOKENS, digest, "")
    store.set_state(NAMES, name, "")
    return True


def token_name(store: Store, token: str) -> str | None:
    """The name of a live token, or None when the token is unknown or revoked."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    digest = _hash(token)
    record = store.get_state(TOKENS, digest)
    if not record:
        return None
    name = str(orjson.loads(record)["name"])
    # The lookup is by hash, so timing reveals nothing of the secret; compare anyway for clarity.
    stored = store.get_state(NAMES, name) or ""
    return name if hmac.compare_digest(stored, digest) else None


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()
