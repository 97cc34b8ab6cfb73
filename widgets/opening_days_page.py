"""The post's opening days: date, place and hours, and how many concerns each brought."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import AgendaDay
from app.i18n import tr
from app.opening_days import (
    OpeningDay,
    add_day_command,
    days_without_entry,
    delete_days_command,
    edit_day_command,
    next_open_date,
    opening_days,
)
from app.storage.concern_queries import logged_per_day
from app.storage.workbook import Change, Workbook
from widgets.style import label, set_role
from widgets.workbook_signals import WorkbookPage, listen

Index = QModelIndex | QPersistentModelIndex
DATE, PLACE, CONCERNS = range(3)


class OpeningDaysModel(QAbstractTableModel):
    """Rows of :class:`OpeningDay`; edits go out as commands through ``push``."""

    HEADERS = ("Datum", "Plaats en tijden", "Meldingen")

    def __init__(self, push: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.push = push
        self.days: list[OpeningDay] = []

    def reset(self, days: list[OpeningDay]) -> None:
        self.beginResetModel()
        self.days = days
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.days[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (day.date, day.place, day.concerns)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == CONCERNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() != CONCERNS else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        day = self.days[index.row()]
        text = str(value)
        try:
            if index.column() == DATE:
                command = edit_day_command(day.id, date=text)
            else:
                command = edit_day_command(day.id, place=text)
        except ValueError as exc:
            QMessageBox.warning(None, tr("Openingsdagen"), str(exc))
            return False
        return self.push(command)


class OpeningDaysPage(WorkbookPage):
    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent)
        self.model = OpeningDaysModel(self.push, self)
        self.table = QTableView()
        self.table.setObjectName("opening_days")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Stretch)
        self.add_button = set_role(QPushButton(tr("Openingsdag toevoegen")), "primary")
        self.delete_button = QPushButton(tr("Verwijderen"))
        self.hint = label("", "muted")
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(label(tr("Openingsdagen"), "h2"))
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)  # as the other logbook pages
        layout.addLayout(top)
        layout.addWidget(label(tr("Wanneer en waar de caravan of het wijkpunt open was, en "
                                  "hoeveel meldingen die dag binnenkwamen."), "muted"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.add_day)
        self.delete_button.clicked.connect(self.delete_selected)
        self.signals = listen(self, book)
        self.signals.changed.connect(self._on_changed)
        self._stale = False
        self.reload()

    def _on_changed(self, change: Change) -> None:
        # Counting concerns per day scans them all: not on every intake while this page
        # is hidden, but once when it shows again.
        if change.touches(AgendaDay.TABLE, "concern"):
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        counts = logged_per_day(self.book)
        self.model.reset(opening_days(self.book, counts))
        missing = days_without_entry(self.book, counts)
        self.hint.setText(tr("Meldingen op dagen zonder openingsdag: {dates}.",
                             dates=", ".join(missing[-8:])) if missing else "")
        self.hint.setVisible(bool(missing))

    def add_day(self, date: str | None = None, place: str = "") -> bool:
        """Add an opening day (today or the next free date) and start typing its place."""
        try:
            command = add_day_command(self.book, date or next_open_date(self.book), place)
        except ValueError as exc:
            QMessageBox.warning(self, tr("Openingsdagen"), str(exc))
            return False
        if not self.push(command):
            return False
        new_id = command.records[0].id
        row = next((i for i, d in enumerate(self.model.days) if d.id == new_id), -1)
        if row >= 0 and not place:
            index = self.model.index(row, PLACE)
            self.table.setCurrentIndex(index)
            self.table.edit(index)
        return True

    def delete_selected(self) -> bool:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return False
        return self.push(delete_days_command([self.model.days[r].id for r in rows]))
