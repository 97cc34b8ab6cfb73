"""A table's columns as the user leaves them: shown or hidden, in their order.

Right-click a column header for a menu of the columns (tick to show, untick to hide)
and "Standaardkolommen"; drag a header to move its column. Kept per user in
window.ini by column key, so a layout survives a new day column, another workbook
and the next start. At least one column always stays shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView

from app.i18n import tr
from widgets.window_state import window_ini_exists, window_settings


def arranged(keys: Sequence[str], saved_order: Sequence[str]) -> list[str]:
    """``keys`` in the saved order; keys not saved (a new column) keep their place."""
    present = set(keys)
    ordered = [key for key in dict.fromkeys(saved_order) if key in present]
    known = set(ordered)
    slots = [i for i, key in enumerate(keys) if key in known]
    out = list(keys)
    for slot, key in zip(slots, ordered, strict=True):
        out[slot] = key
    return out


class ColumnLayout(QObject):
    """Shows, hides and orders ``view``'s columns as last left under ``name``."""

    def __init__(self, view: QTableView, keys: Callable[[], Sequence[str]], name: str) -> None:
        super().__init__(view)
        self.view = view
        self.keys = keys
        self.name = name
        self._restoring = False
        self._hidden: list[str] = []
        self._order: list[str] = []
        self._applied_to: list[str] = []
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setToolTip(tr("Rechtsklik om kolommen te tonen of te verbergen; "
                             "sleep een kop om een kolom te verplaatsen."))
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        header.sectionMoved.connect(self._save)
        view.model().modelReset.connect(self._on_model_reset)
        self.restore()

    # ------------------------------------------------------------------ state
    def hidden(self) -> list[str]:
        header = self.view.horizontalHeader()
        return [key for i, key in enumerate(self.keys()) if header.isSectionHidden(i)]

    def order(self) -> list[str]:
        """The column keys left to right as shown (hidden ones included)."""
        header = self.view.horizontalHeader()
        keys = self.keys()
        return [keys[header.logicalIndex(v)] for v in range(len(keys))]

    def set_shown(self, key: str, shown: bool) -> None:
        keys = list(self.keys())
        header = self.view.horizontalHeader()
        if not shown and len(keys) - len(self.hidden()) <= 1:
            return  # the last column shown stays
        header.setSectionHidden(keys.index(key), not shown)
        self._save()

    def reset(self) -> None:
        """All columns shown, in the model's order."""
        self._apply([], list(self.keys()))
        self._save()

    def restore(self) -> None:
        """The stored layout, applied to the columns the model has now."""
        if window_ini_exists():
            stored = window_settings()
            self._hidden = _keys(stored.value(f"columns/{self.name}/hidden"))
            self._order = _keys(stored.value(f"columns/{self.name}/order"))
        self._apply(self._hidden, self._order)

    def _on_model_reset(self) -> None:
        # The header keeps its state by column number; a day column added or removed
        # in between moves the keys under it.
        if list(self.keys()) != self._applied_to:
            self._apply(self._hidden, self._order)

    def _apply(self, hidden: Sequence[str], order: Sequence[str]) -> None:
        keys = list(self.keys())
        self._applied_to = keys
        header = self.view.horizontalHeader()
        self._restoring = True
        try:
            for visual, key in enumerate(arranged(keys, order)):
                header.moveSection(header.visualIndex(keys.index(key)), visual)
            gone = set(hidden)
            if all(key in gone for key in keys):
                gone = set()  # never a table without columns
            for i, key in enumerate(keys):
                header.setSectionHidden(i, key in gone)
        finally:
            self._restoring = False

    def _save(self, *_: object) -> None:
        if self._restoring:
            return
        self._hidden, self._order = self.hidden(), self.order()
        stored = window_settings()
        stored.setValue(f"columns/{self.name}/hidden", json.dumps(self._hidden))
        stored.setValue(f"columns/{self.name}/order", json.dumps(self._order))
        stored.sync()

    # ------------------------------------------------------------------- menu
    def menu(self) -> QMenu:
        """The header's menu: one tick per column, left to right, and the default."""
        menu = QMenu(self.view)
        keys = list(self.keys())
        hidden = set(self.hidden())
        last_shown = len(keys) - len(hidden) == 1
        model = self.view.model()
        for key in self.order():
            title = model.headerData(keys.index(key), Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            action.setEnabled(key in hidden or not last_shown)
            action.toggled.connect(partial(self.set_shown, key))
        menu.addSeparator()
        menu.addAction(tr("Standaardkolommen"), self.reset)
        return menu

    def _on_header_menu_requested(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))


def _keys(value: object) -> list[str]:
    """A stored list of column keys; anything unreadable counts as none."""
    try:
        keys = json.loads(str(value)) if value is not None else []
    except ValueError:
        return []
    return [str(key) for key in keys] if isinstance(keys, list) else []
