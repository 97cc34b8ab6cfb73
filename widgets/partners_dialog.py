"""Who sits at the partner table: add, rename and remove partners (undoable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.commands import Command
from app.i18n import tr
from app.logbook_records import Partner
from app.partners import (
    add_partner_command,
    partners,
    remove_partner_command,
    rename_partner_command,
)
from app.storage.workbook import Workbook
from widgets.workbook_signals import WorkbookSignals, push_command


class PartnersDialog(QDialog):
    """A list of partners; double-click (or F2) renames, every change is one undo step."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Partners beheren"))
        self.book = book
        self.undo_stack = undo_stack
        self.list = QListWidget()
        self.list.setObjectName("partners")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Nieuwe partner, bijv. Wijkagent Oost"))
        self.add_button = QPushButton(tr("Toevoegen"))
        self.remove_button = QPushButton(tr("Verwijderen"))
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.add(self.name_edit.text()))
        self.name_edit.returnPressed.connect(lambda: self.add(self.name_edit.text()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemChanged.connect(self._on_item_changed)
        self.resize(420, 360)
        self.signals = WorkbookSignals(book, self)
        signals = self.signals
        self.finished.connect(lambda *_: signals.detach())
        signals.changed.connect(
            lambda change: self.reload() if change.touches(Partner.TABLE) else None)
        self.reload()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for partner in partners(self.book):
            item = QListWidgetItem(partner.name)
            item.setData(Qt.ItemDataRole.UserRole, partner.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _run(self, make: Callable[[], Command]) -> bool:
        try:
            command = make()
        except ValueError as exc:
            QMessageBox.warning(self, tr("Partners beheren"), str(exc))
            self.reload()  # an edit in place goes back to the stored name
            return False
        if not push_command(self.book, self.undo_stack, command, self):
            self.reload()
            return False
        return True  # the list follows through the workbook's change signal

    def add(self, name: str) -> bool:
        if self._run(lambda: add_partner_command(self.book, name)):
            self.name_edit.clear()
            return True
        return False

    def remove_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        pid = item.data(Qt.ItemDataRole.UserRole)
        return self._run(lambda: remove_partner_command(self.book, pid))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        text = item.text()
        self._run(lambda: rename_partner_command(self.book, pid, text))
