"""Import participants from CSV/XLSX: preview, column mapping, unknown groups, one undo step.

The file is read in a worker (``read_table``); big files are also planned in a worker.
Nothing is written until OK, which pushes ``ImportPlan.command()`` (one AddRecords) on
the undo stack; Cancel imports nothing. A file that cannot be read is a sentence in the
dialog, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.column_mapping import PARTICIPANT_FIELDS, ColumnMapping, guess_mapping, normalise_header
from app.commands import Command
from app.domain import Participant, StakeholderGroup
from app.i18n import tr
from app.participant_import import ImportPlan, plan_import
from app.settings import config_dir
from app.storage.workbook import Workbook
from app.tabular import Table, read_table
from widgets.groups_panel import UnknownGroupsTable
from widgets.screen_fit import fit_to_screen
from widgets.seating_worker import BackgroundTask
from widgets.style import label

Push = Callable[[Command], bool]
PREVIEW_ROWS = 50
SYNC_PLAN_ROWS = 2000  # bigger files are planned in a worker
MAPPING_KEY = "import/participants_mapping"
DELIMITER_NAMES = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}


def _stored_mappings() -> tuple[QSettings, dict[str, Any]]:
    store = QSettings(str(config_dir() / "import.ini"), QSettings.Format.IniFormat)
    try:
        stored = json.loads(str(store.value(MAPPING_KEY, "{}")))
    except ValueError:
        stored = {}
    return store, stored if isinstance(stored, dict) else {}


def remembered_mapping(headers: tuple[str, ...]) -> dict[str, int] | None:
    """The mapping last used for this list of headers (compared normalised), or None."""
    fields = _stored_mappings()[1].get("|".join(normalise_header(h) for h in headers))
    if not isinstance(fields, dict):
        return None
    known = {spec.key for spec in PARTICIPANT_FIELDS}
    return {k: v for k, v in fields.items()
            if k in known and isinstance(v, int) and 0 <= v < len(headers)}


def remember_mapping(headers: tuple[str, ...], fields: dict[str, int]) -> None:
    store, stored = _stored_mappings()
    stored["|".join(normalise_header(h) for h in headers)] = fields
    store.setValue(MAPPING_KEY, json.dumps(stored, ensure_ascii=False))
    store.sync()


def summary_text(plan: ImportPlan) -> str:
    """"12 worden geïmporteerd, 2 overgeslagen (1 lege rij, 1 dubbel ...)"."""
    text = tr("{n} worden geïmporteerd, {m} overgeslagen", n=len(plan.participants),
              m=len(plan.skipped))
    reasons = plan.summary()["skipped_reasons"]
    if reasons:
        text += " (" + ", ".join(f"{n}× {r}" for r, n in reasons.items()) + ")"  # type: ignore
    if plan.new_groups:
        text += "; " + tr("nieuwe groepen: {names}",
                          names=", ".join(g.name for g in plan.new_groups))
    return text


class ImportDialog(QDialog):
    table_loaded = Signal(object)  # Table
    load_failed = Signal(str)
    plan_ready = Signal(object)  # ImportPlan

    def __init__(self, book: Workbook, push: Push, parent: QWidget | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(tr("Deelnemers importeren"))
        self.book = book
        self._push = push
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.spellings: dict[str, int] = {}
        self._spellings_for: dict[str, int] | None = None
        self._tasks: list[BackgroundTask] = []
        self._generation = 0
        self._plan_generation = -1
        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(150)
        self._replan_timer.timeout.connect(self.replan)
        self._build()
        self.groups_table.choice_changed.connect(self._replan_timer.start)
        fit_to_screen(self, 1260, 780)
        if path is not None:
            self.load(path)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(tr("Kies een CSV- of Excel-bestand"))
        self.browse_button = QPushButton(tr("Bestand kiezen…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.format_label = label("", "muted")
        self.message_label = QLabel()
        self.message_label.setObjectName("import_message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setHorizontalHeaderLabels(
            [tr("Kolom in het bestand"), tr("Voorbeeld"), tr("Wordt in Oogst")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.mapping_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.groups_table = UnknownGroupsTable()
        self.groups_box = QWidget()
        groups_layout = QVBoxLayout(self.groups_box)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        groups_layout.addWidget(label(tr("Groepen die Oogst nog niet kent"), "h3"))
        groups_layout.addWidget(self.groups_table)
        self.groups_box.hide()
        self.summary_label = label("", "h3")
        self.summary_label.setObjectName("import_summary")
        self.summary_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Importeren"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.busy)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label(tr("Kolommen"), "h3"))
        left_layout.addWidget(self.mapping_table, 2)
        left_layout.addWidget(self.groups_box, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(label(tr("Voorbeeld (eerste {n} rijen)", n=PREVIEW_ROWS), "h3"))
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.format_label)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _show_message(self, text: str, error: bool = False) -> None:
        colour, background = ("#B3261E", "#FBEAEA") if error else ("#7A4B00", "#FFF4DB")
        self.message_label.setStyleSheet(
            f"color: {colour}; background: {background}; border-radius: 6px; padding: 8px;")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # ------------------------------------------------------------------ reading
    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Deelnemerslijst kiezen"), str(self.book.path.parent),
            tr("Spreadsheets (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle bestanden (*)"))
        if path:
            self.load(path)

    def load(self, path: str | Path) -> BackgroundTask:
        """Read ``path`` in a worker; ``table_loaded`` or ``load_failed`` follows."""
        self.path_edit.setText(str(path))
        self.table = None
        self.plan = None
        self.ok_button.setEnabled(False)
        self._show_message("")
        self.summary_label.setText(tr("Het bestand wordt gelezen…"))
        self.busy.show()
        task = BackgroundTask(lambda _p, _c: read_table(path), self)
        task.finished.connect(self._on_read_finished)
        task.failed.connect(self._on_read_failed)
        self._start(task)
        return task

    def _start(self, task: BackgroundTask) -> None:
        self._tasks = [t for t in self._tasks if t.running]
        self._tasks.append(task)
        task.start()

    def _on_read_failed(self, message: str) -> None:
        self.busy.hide()
        self.mapping_table.setRowCount(0)
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.groups_box.hide()
        self.summary_label.setText(tr("Er wordt niets geïmporteerd."))
        self._show_message(message, error=True)
        self.load_failed.emit(message)

    def _on_read_finished(self, table: Table) -> None:
        self.busy.hide()
        self.table = table
        encoding = table.encoding or "Excel"
        delimiter = tr(DELIMITER_NAMES.get(table.delimiter or "", "—"))
        self.format_label.setText(tr(
            "{source}: {rows} rijen, {cols} kolommen · tekenset {encoding} · scheidingsteken "
            "{delimiter}", source=table.source, rows=len(table.rows), cols=len(table.headers),
            encoding=encoding, delimiter=delimiter if table.delimiter else "—"))
        self._show_message("\n".join(table.warnings))
        fields = remembered_mapping(table.headers)
        if fields is None:
            fields = guess_mapping(table.headers, PARTICIPANT_FIELDS).fields
        self._fill_mapping(table, fields)
        self._fill_preview(table)
        self.table_loaded.emit(table)
        self.replan()

    def _fill_mapping(self, table: Table, fields: dict[str, int]) -> None:
        by_column = {column: key for key, column in fields.items()}
        self.mapping_table.setRowCount(len(table.headers))
        for column, header in enumerate(table.headers):
            sample = next((row[column] for row in table.rows[:PREVIEW_ROWS] if row[column]), "")
            self.mapping_table.setItem(column, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(column, 1, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.addItem(tr("(niet gebruiken)"), "")
            for spec in PARTICIPANT_FIELDS:
                combo.addItem(tr(spec.label), spec.key)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(column, ""))))
            combo.currentIndexChanged.connect(
                lambda _i, c=column: self._on_field_combo_changed(c))
            self.mapping_table.setCellWidget(column, 2, combo)

    def _fill_preview(self, table: Table) -> None:
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self._label_preview_columns()
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(220, self.preview.columnWidth(column)))

    def _label_preview_columns(self) -> None:
        if self.table is None:
            return
        fields = self.fields()
        labels = {spec.key: tr(spec.label) for spec in PARTICIPANT_FIELDS}
        used = {column: key for key, column in fields.items()}
        for column, header in enumerate(self.table.headers):
            target = labels[used[column]] if column in used else tr("niet gebruikt")
            self.preview.setHorizontalHeaderItem(
                column, QTableWidgetItem(f"{header}\n→ {target}"))
            grey = QColor("#9A9EA4") if column not in used else QColor("#1F2328")
            for row in range(self.preview.rowCount()):
                item = self.preview.item(row, column)
                if item is not None:
                    item.setForeground(grey)

    # ----------------------------------------------------------------- mapping
    def field_combo(self, column: int) -> QComboBox:
        return self.mapping_table.cellWidget(column, 2)  # type: ignore[return-value]

    def fields(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for column in range(self.mapping_table.rowCount()):
            key = self.field_combo(column).currentData()
            if key:
                out[key] = column
        return out

    def mapping(self) -> ColumnMapping:
        assert self.table is not None
        fields = dict(sorted(self.fields().items(), key=lambda item: item[1]))
        used = set(fields.values())
        ignored = tuple(h for c, h in enumerate(self.table.headers) if c not in used)
        return ColumnMapping(fields=fields, ignored=ignored)

    def set_field(self, column: int, key: str) -> None:
        """Map file column ``column`` to Oogst field ``key`` ("" = not used)."""
        combo = self.field_combo(column)
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def _on_field_combo_changed(self, column: int) -> None:
        key = self.field_combo(column).currentData()
        if key:  # each field comes from one column
            for other in range(self.mapping_table.rowCount()):
                combo = self.field_combo(other)
                if other != column and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._spellings_for = None
        self._label_preview_columns()
        self._replan_timer.start()

    # ------------------------------------------------------------- the groups
    def group_choices(self) -> dict[str, str | None]:
        return self.groups_table.choices()

    def set_group_choice(self, spelling: str, choice: str) -> None:
        """``choice``: NEW_GROUP, NO_GROUP or an existing group id."""
        self.groups_table.set_choice(spelling, choice)

    def _fill_groups(self, spellings: dict[str, int]) -> None:
        self.groups_table.fill(spellings, self.book.all(StakeholderGroup))
        self.groups_box.setVisible(bool(spellings))

    # ---------------------------------------------------------------- planning
    def replan(self) -> None:
        """Work out what OK would import (in a worker for big files); ``plan_ready`` follows."""
        self._replan_timer.stop()
        if self.table is None:
            return
        self._generation += 1
        generation = self._generation
        table, mapping = self.table, self.mapping()
        existing = self.book.all(Participant)
        groups = self.book.all(StakeholderGroup)
        known = self._spellings_for
        choices = self.group_choices() if known is not None else {}

        def job(_progress: Any = None, _cancelled: Any = None) -> tuple[dict[str, int], Any]:
            spellings = known
            plan = plan_import(table, mapping, existing, groups, create_groups=True,
                               group_choices=choices)
            if spellings is None:
                spellings = dict(plan.unknown_groups)
            return spellings, plan

        self.ok_button.setEnabled(False)
        if len(table.rows) <= SYNC_PLAN_ROWS:
            self._on_plan_finished(generation, job())
            return
        self.summary_label.setText(tr("Bezig met berekenen…"))
        self.busy.show()
        task = BackgroundTask(job, self)
        task.finished.connect(lambda result: self._on_plan_finished(generation, result))
        task.failed.connect(self._on_read_failed)
        self._start(task)

    def _on_plan_finished(self, generation: int, result: tuple[dict[str, int], Any]) -> None:
        if generation != self._generation:
            return  # a newer mapping is being planned
        self.busy.hide()
        spellings, plan = result
        if self._spellings_for is None:
            self._spellings_for = spellings
            self._fill_groups(spellings)
            if self.group_choices():  # answers kept from an earlier mapping
                self.replan()
                return
        self.plan = plan
        self._plan_generation = generation
        text = summary_text(plan)
        if not {"first_name", "last_name", "full_name"} & set(self.fields()):
            text = tr("Kies welke kolom de naam bevat.") + " " + text
        self.summary_label.setText(text)
        self.ok_button.setEnabled(bool(plan.participants))
        self.plan_ready.emit(plan)

    # ------------------------------------------------------------------ finish
    def accept(self) -> None:
        if self._replan_timer.isActive():
            self.replan()
        if (self.table is None or self.plan is None or not self.plan.participants
                or self._plan_generation != self._generation):
            return
        remember_mapping(self.table.headers, self.fields())
        if self._push(self.plan.command()):
            super().accept()

    def done(self, result: int) -> None:
        for task in self._tasks:
            task.cancel()
            task.wait()
        super().done(result)
