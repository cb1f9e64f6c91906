"""Settings precedence: defaults < file < EVENTWIRE_* environment < explicit overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import UsageError
from eventwire.settings import Settings, load_settings


def test_defaults_without_file_or_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}) == Settings()


def test_file_then_env_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "eventwire.toml"
    config.write_text('db = "from-file.db"\nbatch_size = 8\nworkers = 3\n')
    env = {"EVENTWIRE_DB": "from-env.db", "EVENTWIRE_PROGRESS": "no"}
    settings = load_settings(config, env=env, overrides={"workers": 2})
    assert settings.db == "from-env.db"
    assert settings.batch_size == 8
    assert settings.workers == 2
    assert settings.progress is False


def test_bad_values_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="EVENTWIRE_BATCH_SIZE"):
        load_settings(env={"EVENTWIRE_BATCH_SIZE": "many"})
    config = tmp_path / "bad.toml"
    config.write_text("colour = 'red'\n")
    with pytest.raises(UsageError, match="unknown setting 'colour'"):
        load_settings(config, env={})


def test_every_setting_has_help() -> None:
    assert all(text.strip() for text in Settings.help_text().values())
