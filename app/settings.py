"""User settings and per-user folders (platformdirs), declared once, no Qt.

Settings live in a small JSON file in the user's config folder; each is
declared with its default in ``DEFAULTS``. ``OOGST_HOME`` points every folder
somewhere else (tests, portable use).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

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


# The XDG base directories: platformdirs' answer on Linux for an absolute HOME.
XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share")}


def _xdg_dir(kind: str) -> Path | None:
    """``kind``'s XDG folder for Oogst on Linux, as platformdirs gives it; else None.

    Read here because platformdirs' Unix module imports ``tempfile`` (and with it
    ``shutil``, ``random``, ``bz2`` and ``lzma``), ~8 ms of every start-up, for
    features Oogst does not use. Anything unusual (a relative HOME, another system)
    is left to platformdirs; a test holds both to the same answer.
    """
    if not sys.platform.startswith("linux"):
        return None
    variable, default = XDG[kind]
    base = os.environ.get(variable, "")
    if os.path.isabs(base):
        return Path(base) / "Oogst"
    home = os.environ.get("HOME", "")
    return Path(home) / default / "Oogst" if os.path.isabs(home) else None


def _user_dir(kind: str) -> Path:
    found = _xdg_dir(kind)
    if found is not None:
        return found
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir("Oogst", False))
    return Path(platformdirs.user_data_dir("Oogst", False))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else _user_dir("config")


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else _user_dir("data")


def demo_path() -> Path:
    """Where the demo workbook is built: ``oogst demo`` and the window's "Demo openen"."""
    return data_dir() / "demo" / "Veilige en leefbare binnenstad (demo).oogst"


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
