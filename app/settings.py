"""User settings and per-user folders (platformdirs), declared once, no Qt.

Settings live in a small JSON file in the user's config folder; each is
declared with its default in ``DEFAULTS``. ``OOGST_HOME`` points every folder
somewhere else (tests, portable use).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import platformdirs

DEFAULTS: dict[str, Any] = {
    "language": "nl",
    "recent_files": [],
    "backup_minutes": 10,
    "backups_kept": 10,
    "lock_minutes": 10,
}
MAX_RECENT = 10


def _home() -> Path | None:
    home = os.environ.get("OOGST_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir("Oogst", False))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir("Oogst", False))


def backup_dir() -> Path:
    return data_dir() / "backups"


class Settings:
    """Reads once, writes the whole file atomically on every change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except (OSError, ValueError):
            pass

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS[key])

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._values[key] = value
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)

    def recent_files(self) -> list[str]:
        return [p for p in self.get("recent_files") if isinstance(p, str)]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != path]
        self.set("recent_files", [path, *recent][:MAX_RECENT])
