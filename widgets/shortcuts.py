"""Keyboard shortcuts that belong to one part of a window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def local_shortcut(key: str | QKeySequence | QKeySequence.StandardKey, widget: QWidget,
                   slot: Callable[[], object] | None = None) -> QShortcut:
    """A shortcut active while ``widget`` or a child of it (an open editor) has focus.

    The context is set by name through Qt's property system: ``Qt.ShortcutContext``
    would build the Qt namespace's enums while a first window opens (widgets/roles.py).
    """
    shortcut = QShortcut(QKeySequence(key) if isinstance(key, str) else key, widget)
    shortcut.setProperty("context", "WidgetWithChildrenShortcut")
    if slot is not None:
        shortcut.activated.connect(slot)
    return shortcut
