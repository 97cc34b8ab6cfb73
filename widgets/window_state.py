"""Where the windows keep how the user left them: geometry, pages, columns (window.ini).

Per user, not per workbook; user *settings* (language, backups) live in app.settings.
QSettings loads on use: a first start, with no window.ini yet, needs none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.settings import config_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings


def window_ini_exists() -> bool:
    return (config_dir() / "window.ini").exists()


def window_settings() -> QSettings:
    """Window geometry and view state only (user settings live in app.settings)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
