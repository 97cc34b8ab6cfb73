"""The "Deelnemers" page: the participants table, the stakeholder groups, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.commands import AddRecords, DeleteRecords
from app.domain import Participant
from app.i18n import tr
from app.storage.workbook import Change, Workbook
from widgets.column_layout import ColumnLayout
from widgets.delegates import ComboDelegate
from widgets.groups_panel import GroupsPanel
from widgets.inputs import shrinkable
from widgets.participants_model import (
    ABSENT_ROLE,
    GROUP_ID_ROLE,
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    ParticipantsModel,
    attendance_choices,
    role_choices,
    swatch,
)
from widgets.seating_worker import BackgroundTask
from widgets.shortcuts import local_shortcut
from widgets.style import label, set_role
from widgets.undo import error_sentence
from widgets.workbook_signals import WorkbookPage, listen

Index = QModelIndex | QPersistentModelIndex
ALL_GROUPS = "*"


class ParticipantsFilter(QSortFilterProxyModel):
    """Search (name, organisation, e-mail), one group (or none) and absent people."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.group = ALL_GROUPS
        self.show_absent = True
        self.setSortRole(SORT_ROLE)

    def _refilter(self, name: str, value: object) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        self._refilter("search", " ".join(text.casefold().split()))

    def set_group(self, group_id: str) -> None:
        self._refilter("group", group_id)

    def set_show_absent(self, show: bool) -> None:
        self._refilter("show_absent", show)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.group != ALL_GROUPS and model.data(index, GROUP_ID_ROLE) != self.group:
            return False
        if not self.show_absent and model.data(index, ABSENT_ROLE):
            return False
        if self.search:
            haystack = " ".join(str(model.data(index, SEARCH_ROLE)).casefold().split())
            return all(word in haystack for word in self.search.split())
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        return str(left.data(SORT_ROLE)) < str(right.data(SORT_ROLE))


class ParticipantsPage(WorkbookPage):
    """Participants (table with search and filters) beside their stakeholder groups."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent)
        self.signals = listen(self, book)
        self.model = ParticipantsModel(book, self.push, self)
        self.proxy = ParticipantsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.groups_panel = GroupsPanel(book, self.push)
        self._task: BackgroundTask | None = None
        self.last_export: Path | None = None
        self._build()
        self._connect_signals()
        self._fill_group_filter()
        self._update_count()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.count_label = label("", "muted")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("participant_search")
        self.search_edit.setPlaceholderText(tr("Zoek op naam, organisatie of e-mail…"))
        self.search_edit.setClearButtonEnabled(True)
        self.group_filter = QComboBox()
        self.group_filter.setObjectName("group_filter")
        shrinkable(self.group_filter)
        self.absent_check = QCheckBox(tr("Afwezigen tonen"))
        self.absent_check.setChecked(True)
        self.absent_check.setToolTip(tr("Uitvinken verbergt wie op een dag afwezig is."))
        self.import_button = QPushButton(tr("Importeren…"))
        self.export_button = QPushButton(tr("Exporteren…"))
        self.delete_button = QPushButton(tr("Verwijderen"))
        self.delete_button.setToolTip(tr("Geselecteerde deelnemers verwijderen (Delete); "
                                         "ongedaan maken kan altijd"))
        self.first_edit = QLineEdit()
        self.first_edit.setPlaceholderText(tr("Voornaam"))
        self.last_edit = QLineEdit()
        self.last_edit.setPlaceholderText(tr("Achternaam"))
        self.org_edit = QLineEdit()
        self.org_edit.setPlaceholderText(tr("Organisatie"))
        self.add_group_combo = shrinkable(QComboBox())
        self.add_button = set_role(QPushButton(tr("Toevoegen")), "primary")

        self.table = QTableView()
        self.table.setObjectName("participants_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self._set_delegates()

        top = QHBoxLayout()
        top.addWidget(label(tr("Deelnemers"), "h2"))
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.delete_button)  # acts on the selection, like import/export on all
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.group_filter, 2)
        filters.addWidget(self.absent_check)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(tr("Nieuw:")))
        for widget, stretch in ((self.first_edit, 2), (self.last_edit, 2), (self.org_edit, 2),
                                (self.add_group_combo, 2), (self.add_button, 0)):
            add_row.addWidget(widget, stretch)
        people = QWidget()
        column = QVBoxLayout(people)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(add_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("participants_splitter")
        self.splitter.addWidget(self.groups_panel)
        self.splitter.addWidget(people)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1000])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.splitter)
        self._size_columns()
        self.column_layout = ColumnLayout(self.table, self._column_keys, "participants")

    def _set_delegates(self) -> None:
        for i, col in enumerate(self.model.columns):
            if col.kind == "group":
                delegate = ComboDelegate(self.model.group_choices, self.table)
            elif col.kind == "role":
                delegate = ComboDelegate(role_choices, self.table)
            elif col.kind == "attendance":
                delegate = ComboDelegate(attendance_choices, self.table)
            else:
                continue
            self.table.setItemDelegateForColumn(i, delegate)

    def _size_columns(self) -> None:
        widths = {"first_name": 110, "last_name": 130, "organisation": 200, "group_id": 190,
                  "role": 100, "email": 220, "phone": 110, "dietary": 110, "access_needs": 130,
                  "consent_photo": 64, "consent_contact": 70, "consent_name": 120, "notes": 160}
        for i, col in enumerate(self.model.columns):
            self.table.setColumnWidth(i, widths.get(col.key, 90))

    def _connect_signals(self) -> None:
        # workbook -> page
        self.signals.changed.connect(self._on_signals_changed)
        self.model.modelReset.connect(self._on_model_reset)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        # filters
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.group_filter.currentIndexChanged.connect(self._on_group_filter_changed)
        self.absent_check.toggled.connect(self._on_absent_check_toggled)
        # adding, deleting, import and export
        for edit in (self.first_edit, self.last_edit, self.org_edit):
            edit.returnPressed.connect(self._on_add_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button.clicked.connect(self.delete_selected)
        local_shortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                       children=False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    def _on_signals_changed(self, change: Change) -> None:
        self.model.refresh(change)
        self.groups_panel.model.refresh(change)
        if change.touches("stakeholder_group"):
            self._fill_group_filter()
        self._update_count()

    def _on_model_reset(self) -> None:
        self._set_delegates()

    def _column_keys(self) -> list[str]:
        return [column.key for column in self.model.columns]

    def _fill_group_filter(self) -> None:
        current = self.group_filter.currentData()
        adding = self.add_group_combo.currentData()
        for combo in (self.group_filter, self.add_group_combo):
            combo.blockSignals(True)
            combo.clear()
        self.group_filter.addItem(tr("Alle groepen"), ALL_GROUPS)
        for key, text in self.model.group_choices():
            group = self.model.group(key)
            self.group_filter.addItem(text, key)
            self.add_group_combo.addItem(text, key)
            if group is not None:
                for combo in (self.group_filter, self.add_group_combo):
                    combo.setItemIcon(combo.count() - 1, swatch(group.colour))
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(current)))
        self.add_group_combo.setCurrentIndex(max(0, self.add_group_combo.findData(adding)))
        for combo in (self.group_filter, self.add_group_combo):
            combo.blockSignals(False)
        self.proxy.set_group(self.group_filter.currentData() or ALL_GROUPS)

    def _on_group_filter_changed(self, _index: int) -> None:
        self.proxy.set_group(self.group_filter.currentData() or ALL_GROUPS)
        self._update_count()

    def _on_absent_check_toggled(self, on: bool) -> None:
        self.proxy.set_show_absent(on)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        text = tr("{n} personen", n=total) if shown == total else tr(
            "{shown} van {n} personen", shown=shown, n=total)
        self.count_label.setText(text)

    def add_participant(self, first: str, last: str, organisation: str = "",
                        group_id: str = "") -> Participant | None:
        if not (first.strip() or last.strip()):
            return None
        person = Participant(first_name=first.strip(), last_name=last.strip(),
                             organisation=organisation.strip(), group_id=group_id)
        return person if self.push(AddRecords(tr("Deelnemer toevoegen"), [person])) else None

    def _on_add_button_clicked(self) -> None:
        added = self.add_participant(self.first_edit.text(), self.last_edit.text(),
                                     self.org_edit.text(), self.add_group_combo.currentData() or "")
        if added is not None:
            for edit in (self.first_edit, self.last_edit, self.org_edit):
                edit.clear()
            self.first_edit.setFocus()
            self.select(added.id)

    def select(self, participant_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.people[row].id == participant_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.selectRow(index.row())
                    self.table.scrollTo(index)
                return

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.mapToSource(i).data(ID_ROLE) for i in rows]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        text = tr("Deelnemer verwijderen") if len(ids) == 1 else tr(
            "{n} deelnemers verwijderen", n=len(ids))
        self.push(DeleteRecords(text, Participant, ids))

    # ------------------------------------------------------- import / export
    def _on_import_button_clicked(self) -> None:
        from widgets.import_dialog import ImportDialog

        ImportDialog(self.book, self.push, self).exec()

    def _on_export_button_clicked(self) -> None:
        suggested = self.book.path.with_name(tr("deelnemers") + ".xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Deelnemerslijst exporteren"), str(suggested),
            tr("Excel-bestand (*.xlsx);;CSV voor Excel (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> BackgroundTask:
        """Write the list in a worker; the table is read here, the file written there."""
        from exports.participant_list import participant_table, write_participant_list

        headers, rows = participant_table(self.book)
        task = BackgroundTask(lambda _p, _c: write_participant_list(path, headers, rows), self)
        task.finished.connect(self._on_export_finished)
        task.failed.connect(self._on_export_failed)
        self._task = task
        self.export_button.setEnabled(False)
        task.start()
        return task

    def _on_export_finished(self, path: object) -> None:
        self.export_button.setEnabled(True)
        self.last_export = Path(str(path))
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                tr("Deelnemerslijst opgeslagen: {path}", path=path), 8000)

    def _on_export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(self, tr("Exporteren mislukt"),
                            error_sentence(RuntimeError(message)))
