"""Keyboard shortcuts, given as text ("Ctrl+Shift+Z") and set through Qt's property system.

Qt turns the text into its key sequence itself: PySide6 then builds no QKeySequence type
while the first window opens (with its StandardKey and two other enum types, ~1.5 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence


def set_keys(action: QAction, *keys: str) -> None:
    """Give ``action`` (made with a window as parent) its shortcuts.

    The first key is the action's own: its menu shows it. Each further key is a shortcut
    of the same window that triggers the action (a disabled action ignores it).
    """
    action.setProperty("shortcut", keys[0])
    window = action.parent()
    assert isinstance(window, QWidget), "an action with further keys needs a window parent"
    for key in keys[1:]:
        extra = QShortcut(window)
        extra.setProperty("key", key)
        extra.activated.connect(action.trigger)


def local_shortcut(key: str | QKeySequence | QKeySequence.StandardKey, widget: QWidget,
                   slot: Callable[[], object] | None = None, *,
                   children: bool = True) -> QShortcut:
    """A shortcut active while ``widget`` or a child of it (an open editor) has focus.

    ``children=False``: while ``widget`` itself has focus, not a child of it (a view's
    open cell editor): the views' Delete, which deletes the selected items.
    The context is set by name too: ``Qt.ShortcutContext`` would build the Qt namespace's
    enums while a first window opens (widgets/roles.py).
    """
    shortcut = QShortcut(widget)
    if isinstance(key, str):
        shortcut.setProperty("key", key)
    else:
        shortcut.setKey(key)
    shortcut.setProperty("context", "WidgetWithChildrenShortcut" if children else "WidgetShortcut")
    if slot is not None:
        shortcut.activated.connect(slot)
    return shortcut
