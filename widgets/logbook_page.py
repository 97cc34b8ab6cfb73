"""The logbook page: quick intake on top, the filtered list below, details on the right.

Every edit (intake, referral, status, feedback, delete, imports) is a domain
command pushed on the undo stack. The retention purge runs right after the page
first shows; it is not undoable on purpose and clears the undo stack when it
removed something, so no undo can bring contact details back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.logbook import ThemeIndex, ensure_seeded, purge_expired_contacts, status_label
from app.logbook_records import CONCERN_STATUSES, Partner, Theme
from app.storage import concern_queries as q
from app.storage.workbook import Change, Workbook
from widgets.concern_detail import ConcernDetailPanel
from widgets.concern_model import COL_PLACE, COL_TEXT, COL_THEME, ID_ROLE, ConcernTableModel
from widgets.logbook_intake import ConcernIntakeForm
from widgets.seating_worker import BackgroundTask
from widgets.shortcuts import local_shortcut
from widgets.style import label
from widgets.workbook_signals import WorkbookPage, listen

PERIODS = (("", "Alle periodes", 0), ("today", "Vandaag", 0), ("week", "Laatste 7 dagen", 7),
           ("4w", "Laatste 4 weken", 28), ("3m", "Laatste 3 maanden", 91),
           ("year", "Dit jaar", 0))
SEARCH_DELAY_MS = 200


class LogbookPage(WorkbookPage):
    """Intake, list and details of a caravan / wijkpunt logbook."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent, name="logbook_page")
        ensure_seeded(book)
        self.signals = listen(self, book)  # a closed page stops hearing the workbook
        self._task: BackgroundTask | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()
        self._reload_filter_choices()
        self._on_model_count_changed(self.model.total())
        QTimer.singleShot(0, self.purge_now)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.intake = ConcernIntakeForm(self.book, self.undo_stack, self)
        self.search = QLineEdit(self, placeholderText=tr("Zoeken in meldingen (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("concern_search")
        self.theme_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.partner_filter = QComboBox(self)
        self.period_filter = QComboBox(self)
        for key, text, _days in PERIODS:
            self.period_filter.addItem(tr(text), key)
        self.street_filter = QComboBox(self, editable=True)
        self.street_filter.lineEdit().setPlaceholderText(tr("Alle straten"))
        self.count_label = label("", "muted", self)
        self.more = QToolButton(self, text=tr("Meer …"), popupMode=QToolButton.InstantPopup)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("Zoeken in meldingen"))
        self.more.setMenu(self._more_menu())

        self.model = ConcernTableModel(self.book, self)
        self.table = QTableView(self)
        self.table.setObjectName("concern_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for col, sample in ((0, "00-00-0000 00:00"), (COL_THEME, "Zwerfafval en groen › Zwerf"),
                            (COL_PLACE, "Redemptoristenpark 12"), (4, "Signaal"),
                            (5, "Urgentie"), (6, "In behandeling")):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 24)
        self.detail = ConcernDetailPanel(self.book, self.push, self)

        for combo in (self.theme_filter, self.status_filter, self.partner_filter,
                      self.period_filter, self.street_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.theme_filter, self.status_filter, self.partner_filter,
                      self.period_filter, self.street_filter):
            filters.addWidget(combo, 1)
        filters.addWidget(self.more)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("logbook_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.notice = label("", "muted", self)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.intake)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

    def _more_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("Eerdere notities importeren (CSV/XLSX)…"), self.import_notes)
        menu.addAction(tr("Thema's exporteren (XLSForm)…"), self.export_themes)
        menu.addAction(tr("Thema's importeren (XLSForm)…"), self.import_themes)
        menu.addSeparator()
        menu.addAction(tr("Verlopen contactgegevens nu verwijderen"), self.purge_now)
        menu.addAction(tr("Wachtwoordzin wijzigen…"), self.change_passphrase)
        return menu

    def _connect_signals(self) -> None:
        # workbook -> views
        self.signals.changed.connect(self.model.on_workbook_changed)
        self.signals.changed.connect(self.intake.on_workbook_changed)
        self.signals.changed.connect(self.detail.on_workbook_changed)
        self.signals.changed.connect(self._on_signals_changed)
        # filters -> model
        self.search.textChanged.connect(lambda: self._search_timer.start())
        self._search_timer.timeout.connect(self._apply_filter)
        for combo in (self.theme_filter, self.status_filter, self.partner_filter,
                      self.period_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.street_filter.lineEdit().editingFinished.connect(self._apply_filter)
        self.street_filter.activated.connect(self._apply_filter)
        # list <-> details
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.intake.concern_saved.connect(self._on_intake_concern_saved)
        local_shortcut(QKeySequence.StandardKey.Find, self, self._on_find_activated)

    # ------------------------------------------------------------------ filters
    def _reload_filter_choices(self) -> None:
        themes = ThemeIndex.of(self.book)
        keep = [c.currentData() for c in (self.theme_filter, self.status_filter,
                                          self.partner_filter)]
        for combo in (self.theme_filter, self.status_filter, self.partner_filter):
            combo.blockSignals(True)
            combo.clear()
        self.theme_filter.addItem(tr("Alle thema's"), "")
        for top in themes.top:
            self.theme_filter.addItem(top.label, top.id)
            for sub in themes.children(top.id):
                self.theme_filter.addItem("   " + sub.label, sub.id)
        self.status_filter.addItem(tr("Alle statussen"), "")
        for key in CONCERN_STATUSES:
            self.status_filter.addItem(status_label(key), key)
        self.partner_filter.addItem(tr("Alle partners"), "")
        for partner in self.book.all(Partner):
            self.partner_filter.addItem(partner.name, partner.id)
        for combo, value in zip((self.theme_filter, self.status_filter, self.partner_filter),
                                keep):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.street_filter.blockSignals(True)
        text = self.street_filter.currentText()
        self.street_filter.clear()
        self.street_filter.addItems(["", *q.streets_used(self.book)])
        self.street_filter.setEditText(text)
        self.street_filter.blockSignals(False)

    def current_filter(self) -> q.ConcernFilter:
        today = dt.date.today()
        key = self.period_filter.currentData()
        days = {k: d for k, _t, d in PERIODS}.get(key, 0)
        start = {"today": today, "year": today.replace(month=1, day=1)}.get(
            key, today - dt.timedelta(days=days - 1) if days else None)
        return q.ConcernFilter(
            theme_id=self.theme_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
            partner_id=self.partner_filter.currentData() or "",
            date_from=start.isoformat() if start else "",
            street=self.street_filter.currentText().strip(), query=self.search.text())

    def _apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _on_model_count_changed(self, count: int) -> None:
        everything = self.model.filter.is_empty()
        self.count_label.setText(tr("{n} meldingen", n=f"{count:,}".replace(",", "."))
                                 if everything else tr("{n} meldingen gevonden",
                                                       n=f"{count:,}".replace(",", ".")))

    # ------------------------------------------------------------------ list, details
    def _on_table_current_changed(self) -> None:
        index = self.table.currentIndex()
        self.detail.show_concern(index.data(ID_ROLE) if index.isValid() else "")

    def _on_model_reset(self) -> None:
        row = self.model.row_of(self.detail.concern_id) if self.detail.concern_id else -1
        if row >= 0:
            self.select_row(row)

    def _on_intake_concern_saved(self, concern_id: str) -> None:
        row = self.model.row_of(concern_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches(Theme.TABLE, Partner.TABLE, "concern"):
            self._reload_filter_choices()

    # ------------------------------------------------------------------ edits
    def purge_now(self) -> None:
        """Remove contact details past their retention date (not undoable, on purpose)."""
        if self.book.closed:
            return
        report = purge_expired_contacts(self.book)
        if report.removed:
            self.undo_stack.clear()
            self.notice.setText(tr("Contactgegevens van {n} meldingen zijn verwijderd: de "
                                   "bewaartermijn was verlopen.", n=report.removed))
            self.notice.show()

    # ------------------------------------------------------------------ files
    def import_notes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Eerdere notities importeren"), "",
                                              tr("Tabellen (*.csv *.xlsx *.xlsm *.txt *.tsv)"))
        if not path:
            return
        from app.logbook_import import read_notes

        self._task = BackgroundTask(lambda _progress, _cancelled: read_notes(path), self)
        self._task.finished.connect(lambda table: self._on_notes_read(path, table))
        self._task.failed.connect(lambda text: QMessageBox.warning(self, tr("Oogst"), text))
        self._task.start()

    def _on_notes_read(self, path: str, table: object) -> None:
        from app.logbook import LogbookError
        from app.logbook_import import plan_concern_import

        try:
            command, report = plan_concern_import(self.book, path, table=table)  # type: ignore
        except LogbookError as exc:
            QMessageBox.warning(self, tr("Oogst"), str(exc))
            return
        lines = [tr("{imported} van {rows} regels kunnen worden geïmporteerd.",
                    imported=report.imported, rows=report.rows)]
        lines += [tr("Nieuw thema: {name}", name=n) for n in report.new_themes]
        lines += [tr("Nieuwe partner: {name}", name=n) for n in report.new_partners]
        lines += [tr("Regel {row} overgeslagen: {reason}", row=r, reason=why)
                  for r, why in report.skipped[:12]]
        if len(report.skipped) > 12:
            lines.append(tr("… en nog {n} overgeslagen.", n=len(report.skipped) - 12))
        lines += report.notes
        if command is None:
            QMessageBox.information(self, tr("Niets te importeren"), "\n".join(lines))
            return
        answer = QMessageBox.question(self, tr("Notities importeren"), "\n".join(lines))
        if answer == QMessageBox.StandardButton.Yes:
            self.push(command)

    def export_themes(self) -> None:
        from app.logbook_import import export_themes_xlsform

        path, _ = QFileDialog.getSaveFileName(self, tr("Thema's exporteren"), "themas.xlsx",
                                              tr("XLSForm (*.xlsx)"))
        if path:
            export_themes_xlsform(self.book, path)

    def import_themes(self) -> None:
        from app.logbook import LogbookError
        from app.logbook_import import read_xlsform_choices, theme_import_command

        path, _ = QFileDialog.getOpenFileName(self, tr("Thema's importeren"), "",
                                              tr("XLSForm (*.xlsx *.csv)"))
        if not path:
            return
        try:
            command, changes = theme_import_command(self.book, read_xlsform_choices(path))
        except LogbookError as exc:
            QMessageBox.warning(self, tr("Oogst"), str(exc))
            return
        if command is not None:
            self.push(command)
        QMessageBox.information(self, tr("Thema's importeren"),
                                "\n".join(changes) or tr("Geen wijzigingen."))

    def change_passphrase(self) -> None:
        from widgets.passphrase_dialog import ChangePassphraseDialog

        ChangePassphraseDialog(self.book, self).exec()

    def focus_intake(self) -> None:
        self.intake.text.setFocus()

    def _on_find_activated(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
