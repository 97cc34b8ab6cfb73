"""The stakeholder groups beside the participants table: name, colour, target, count.

People are assigned by dropping rows of the participants table onto a group (the drag
carries participant ids, see ``participants_model.PARTICIPANT_MIME``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.commands import AddRecords, Command, Compound, DeleteRecords, EditFields
from app.domain import Participant, StakeholderGroup
from app.i18n import tr
from app.participant_import import GROUP_COLOURS
from app.storage.workbook import Change, Workbook
from widgets.delegates import SpinDelegate
from widgets.participants_model import PARTICIPANT_MIME, participant_ids, swatch
from widgets.style import label

Index = QModelIndex | QPersistentModelIndex
Push = Callable[[Command], bool]
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def assign_command(people: Sequence[Participant], group: StakeholderGroup | None) -> Command | None:
    """One undo step that puts ``people`` in ``group`` (None: no group); None if nothing moves."""
    target = group.id if group is not None else ""
    edits: list[Command] = [
        EditFields(tr("Groep toewijzen"), Participant, p.id, {"group_id": target})
        for p in people if p.group_id != target]
    if not edits:
        return None
    name = group.name if group is not None else tr("(geen groep)")
    text = (tr("{name} naar {group}", name=people[0].name, group=name) if len(edits) == 1
            else tr("{n} deelnemers naar {group}", n=len(edits), group=name))
    return Compound(text, edits)


class GroupsModel(QAbstractTableModel):
    """Groups with a colour swatch, an editable name and target, and the count so far."""

    def __init__(self, book: Workbook, push: Push, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._push = push
        self.groups: list[StakeholderGroup] = []
        self.counts: dict[str, int] = {}
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        if change is not None and not change.touches(Participant.TABLE, StakeholderGroup.TABLE):
            return
        self.beginResetModel()
        self.groups = self.book.all(StakeholderGroup)
        self.counts = {}
        for person in self.book.all(Participant):
            if person.role == "participant":
                self.counts[person.group_id] = self.counts.get(person.group_id, 0) + 1
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Groep"), tr("Beoogd"), tr("Aantal"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsDropEnabled)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() < 2 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        count = self.counts.get(group.id, 0)
        column = index.column()
        if role == GROUP_ID_ROLE:
            return group.id
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return group.name
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(group.colour)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Sleep deelnemers hierheen om ze in deze groep te zetten.")
            return None
        if column == 1:
            if role == Qt.ItemDataRole.EditRole:
                return group.target_size
            if role == Qt.ItemDataRole.DisplayRole:
                return str(group.target_size) if group.target_size else "–"
        if column == 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(count)
            if role == Qt.ItemDataRole.ForegroundRole and group.target_size:
                return QColor("#2E6B4F") if count == group.target_size else QColor("#B3261E")
            if role == Qt.ItemDataRole.ToolTipRole and group.target_size:
                return tr("{count} van de beoogde {target} deelnemers", count=count,
                          target=group.target_size)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() > 1:
            return False
        group = self.groups[index.row()]
        if index.column() == 0:
            name = str(value or "").strip()
            if not name or name == group.name:
                return False
            return self._push(EditFields(tr("Groep hernoemen"), StakeholderGroup, group.id,
                                         {"name": name}))
        try:
            target = max(0, int(value))
        except (TypeError, ValueError):
            return False
        if target == group.target_size:
            return False
        return self._push(EditFields(tr("Doelgrootte wijzigen"), StakeholderGroup, group.id,
                                     {"target_size": target}))

    # ------------------------------------------------------------ drop people
    def mimeTypes(self) -> list[str]:
        return [PARTICIPANT_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return parent.isValid() and data.hasFormat(PARTICIPANT_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not parent.isValid():
            return False
        return self.assign(participant_ids(data), self.groups[parent.row()])

    def assign(self, ids: Sequence[str], group: StakeholderGroup | None) -> bool:
        wanted = set(ids)
        people = [p for p in self.book.all(Participant) if p.id in wanted]
        command = assign_command(people, group)
        return command is not None and self._push(command)


class GroupsPanel(QWidget):
    """The groups table with add / rename / colour / delete buttons."""

    def __init__(self, book: Workbook, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._push = push
        self.model = GroupsModel(book, push, self)
        self.table = QTableView()
        self.table.setObjectName("groups_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setItemDelegateForColumn(1, SpinDelegate(0, 500, parent=self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(tr("Toevoegen…"))
        self.rename_button = QPushButton(tr("Naam…"))
        self.colour_button = QPushButton(tr("Kleur…"))
        self.delete_button = QPushButton(tr("Verwijderen"))
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_button, self.rename_button, self.colour_button,
                       self.delete_button):
            buttons.addWidget(button)
        hint = label(tr("Sleep deelnemers uit de tabel op een groep om ze in te delen."),
                     "muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(tr("Belanghebbendengroepen"), "h3"))
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.colour_button.clicked.connect(self._on_colour_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def selected_group(self) -> StakeholderGroup | None:
        index = self.table.currentIndex()
        return self.model.groups[index.row()] if index.isValid() else None

    def add_group(self, name: str) -> StakeholderGroup | None:
        name = name.strip()
        if not name:
            return None
        groups = self.model.groups
        group = StakeholderGroup(name=name, colour=GROUP_COLOURS[len(groups) % len(GROUP_COLOURS)],
                                 position=(groups[-1].position + 1.0) if groups else 0.0)
        return group if self._push(AddRecords(tr("Groep toevoegen"), [group])) else None

    def delete_group(self, group: StakeholderGroup) -> bool:
        """Delete a group; its members keep their place but lose the group (one undo step)."""
        members = [p for p in self.book.all(Participant) if p.group_id == group.id]
        commands: list[Command] = [
            EditFields(tr("Groep weghalen"), Participant, p.id, {"group_id": ""})
            for p in members]
        commands.append(DeleteRecords(tr("Groep verwijderen"), StakeholderGroup, [group.id]))
        return self._push(Compound(tr("Groep {name} verwijderen", name=group.name), commands))

    def _on_add_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Groep toevoegen"), tr("Naam van de groep:"))
        if ok:
            self.add_group(name)

    def _on_rename_button_clicked(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(self.model.index(index.row(), 0))

    def _on_colour_button_clicked(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        colour = QColorDialog.getColor(QColor(group.colour), self, tr("Kleur van de groep"))
        if colour.isValid() and colour.name().lower() != group.colour.lower():
            self._push(EditFields(tr("Kleur wijzigen"), StakeholderGroup, group.id,
                                  {"colour": colour.name()}))

    def _on_delete_button_clicked(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        count = sum(1 for p in self.book.all(Participant) if p.group_id == group.id)
        if count:
            answer = QMessageBox.question(self, tr("Groep verwijderen"), tr(
                "De groep {name} heeft {n} deelnemers. Verwijderen? De deelnemers blijven, "
                "zonder groep.", name=group.name, n=count))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.delete_group(group)


NEW_GROUP, NO_GROUP = "__new__", "__none__"


class UnknownGroupsTable(QTableWidget):
    """Import: each group spelling Oogst does not know, with what to do about it."""

    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("unknown_groups")
        self.setHorizontalHeaderLabels([tr("Onbekende groep"), tr("Rijen"),
                                        tr("Wat ermee doen?")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, 2)  # type: ignore[return-value]

    def choices(self) -> dict[str, str | None]:
        """Spelling -> existing group id, or None for no group; "create new" is left out."""
        out: dict[str, str | None] = {}
        for row in range(self.rowCount()):
            choice = self.combo(row).currentData()
            if choice != NEW_GROUP:
                out[self.item(row, 0).text()] = None if choice == NO_GROUP else choice
        return out

    def set_choice(self, spelling: str, choice: str) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == spelling:
                combo = self.combo(row)
                combo.setCurrentIndex(max(0, combo.findData(choice)))

    def fill(self, spellings: dict[str, int], groups: Sequence[StakeholderGroup]) -> None:
        """One row per spelling; answers given before for the same spelling are kept."""
        previous = {self.item(r, 0).text(): self.combo(r).currentData()
                    for r in range(self.rowCount())}
        self.setRowCount(len(spellings))
        for row, (spelling, count) in enumerate(sorted(spellings.items())):
            self.setItem(row, 0, QTableWidgetItem(spelling))
            self.setItem(row, 1, QTableWidgetItem(str(count)))
            combo = QComboBox()
            combo.addItem(tr("Nieuwe groep maken"), NEW_GROUP)
            combo.addItem(tr("Geen groep"), NO_GROUP)
            for group in groups:
                combo.addItem(swatch(group.colour), tr("Hoort bij: {name}", name=group.name),
                              group.id)
            combo.setCurrentIndex(max(0, combo.findData(previous.get(spelling, NEW_GROUP))))
            combo.currentIndexChanged.connect(lambda _i: self.choice_changed.emit())
            self.setCellWidget(row, 2, combo)
