"""The partner table: concerns per theme per week, open referrals, what changed, printouts.

The chart is drawn with QPainter (stacked bars per ISO week, one colour per
theme). Printouts are gathered from the workbook in the GUI thread (fast, plain
data) and rendered to PDF/CSV/XLSX in a background thread with a progress dialog.
No personal data is shown on this page: it may be on a projector at the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.logbook import WeekCounts, ensure_seeded
from app.logbook_records import Partner
from app.storage.workbook import Change, Workbook
from exports.logbook_pdf import PALETTE, PartnerTableData, gather_partner_table
from widgets.seating_worker import BackgroundTask
from widgets.style import BORDER, MUTED, TEXT, label, set_role
from widgets.workbook_signals import WorkbookPage, listen

DEFAULT_CYCLE_DAYS = 42  # the partners in Redemptoristenpark met every six weeks


class WeekChart(QWidget):
    """Stacked bars: concerns per theme per ISO week, with a legend on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_chart")
        self.counts = WeekCounts([], [], [], [])
        self.setMinimumHeight(220)

    def set_counts(self, counts: WeekCounts) -> None:
        self.counts = counts
        self.setToolTip(tr("{n} meldingen in {weeks} weken", n=counts.total(),
                           weeks=len(counts.weeks)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        counts = self.counts
        metrics = painter.fontMetrics()
        legend = [(t, f"{text} ({sum(row)})") for t, (text, row)
                  in enumerate(zip(counts.labels, counts.counts)) if sum(row)]
        legend_w = max([metrics.horizontalAdvance(t) for _, t in legend] + [80]) + 30
        plot = QRectF(8, 18, self.width() - legend_w - 24, self.height() - 56)
        weeks = len(counts.weeks)
        if not weeks or not counts.total():
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             tr("Nog geen meldingen in deze periode."))
            return
        totals = [sum(col) for col in zip(*counts.counts)]
        top = max(totals)
        slot = plot.width() / weeks
        painter.setPen(QColor(BORDER))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        small = QFont(painter.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for w, week in enumerate(counts.weeks):
            x, y = plot.left() + w * slot + slot * 0.15, plot.bottom()
            for t, row in enumerate(counts.counts):
                h = plot.height() * row[w] / top
                if h:
                    painter.fillRect(QRectF(x, y - h, slot * 0.7, h),
                                     QColor(PALETTE[t % len(PALETTE)]))
                    y -= h
            painter.setPen(QColor(TEXT))
            if totals[w]:
                painter.drawText(QRectF(x - 10, y - 16, slot * 0.7 + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, str(totals[w]))
            painter.setPen(QColor(MUTED))
            if weeks <= 26 or w % 2 == 0:
                painter.drawText(QRectF(x - 10, plot.bottom() + 3, slot * 0.7 + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, week.split("-W")[-1])
        painter.drawText(QRectF(plot.left(), plot.bottom() + 20, plot.width(), 16),
                         Qt.AlignmentFlag.AlignCenter, tr("weeknummer"))
        painter.setFont(self.font())
        for n, (t, text) in enumerate(legend):
            y = 18 + n * (metrics.height() + 4)
            x = self.width() - legend_w
            painter.fillRect(QRectF(x, y + 3, 12, 12), QColor(PALETTE[t % len(PALETTE)]))
            painter.setPen(QColor(TEXT))
            painter.drawText(int(x + 18), int(y + metrics.ascent() + 1), text)


class PartnerTablePage(WorkbookPage):
    """What the partner table needs: counts, open referrals, changes, printouts."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent, name="partner_table_page")
        ensure_seeded(book)
        self.signals = listen(self, book)  # a closed page stops hearing the workbook
        self._task: BackgroundTask | None = None
        self._progress: QProgressDialog | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-DEFAULT_CYCLE_DAYS), self, calendarPopup=True,
                               displayFormat="dd-MM-yyyy")
        self.since.setObjectName("last_partner_table")
        self.weeks = QSpinBox(self, minimum=4, maximum=104, value=12, suffix=tr(" weken"))
        self.chart = WeekChart(self)
        self.open_tree = QTreeWidget(self)
        self.open_tree.setObjectName("open_referrals")
        self.open_tree.setHeaderLabels([tr("Partner / melding"), tr("Thema"), tr("Straat"),
                                        tr("Actie"), tr("Wie"), tr("Uiterlijk")])
        self.changes = QListWidget(self)
        self.changes.setObjectName("changes_since")
        self.changes.setWordWrap(True)
        self.changes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.open_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for col, sample in ((1, "Zwerfafval en groen"), (2, "Redemptoristenpark"),
                            (3, "Gesprek met huurder"), (4, "beheerder"), (5, "00-00-0000")):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 18)
        self.agenda_button = QPushButton(tr("Agenda afdrukken (PDF)…"), self)
        set_role(self.agenda_button, "primary")
        self.partner = QComboBox(self)
        self.list_pdf = QPushButton(tr("Lijst (PDF)…"), self)
        self.list_csv = QPushButton(tr("CSV…"), self)
        self.list_xlsx = QPushButton(tr("XLSX…"), self)
        self.feedback_button = QPushButton(tr("Terugkoppeling aan de buurt (PDF)…"), self)
        self.partners_button = QPushButton(tr("Partners beheren…"), self)
        self.partners_button.clicked.connect(self.edit_partners)

        top = QHBoxLayout()
        top.addWidget(label(tr("Partnertafel"), "h2", self))
        top.addSpacing(16)
        top.addWidget(label(tr("Vorige partnertafel:"), "", self))
        top.addWidget(self.since)
        top.addWidget(label(tr("Grafiek:"), "", self))
        top.addWidget(self.weeks)
        top.addStretch(1)
        top.addWidget(self.agenda_button)
        top.addWidget(self.feedback_button)
        chart_card = self._card(tr("Meldingen per thema per week"), self.chart)
        lists = QGridLayout()
        lists.addWidget(self._card(tr("Openstaande doorverwijzingen per partner"),
                                   self.open_tree), 0, 0)
        self.changes_card = self._card(tr("Wat veranderde"), self.changes)
        lists.addWidget(self.changes_card, 0, 1)
        lists.setColumnStretch(0, 2)
        lists.setColumnStretch(1, 1)
        per_partner = QHBoxLayout()
        per_partner.addWidget(label(tr("Lijst per partner (persoonsgegevens alleen met "
                                       "toestemming):"), "muted", self))
        per_partner.addWidget(self.partner, 1)
        for button in (self.list_pdf, self.list_csv, self.list_xlsx, self.partners_button):
            per_partner.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(chart_card, 2)
        layout.addLayout(lists, 3)
        layout.addLayout(per_partner)

    def edit_partners(self) -> None:
        from widgets.partners_dialog import PartnersDialog

        PartnersDialog(self.book, self.undo_stack, self).exec()

    def _card(self, title: str, content: QWidget) -> QFrame:
        card = QFrame(self)
        set_role(card, "card")
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 10, 12, 10)
        heading = label(title, "h3", card)
        box.addWidget(heading)
        box.addWidget(content, 1)
        card.setProperty("heading", heading)
        return card

    def _connect_signals(self) -> None:
        self.signals.changed.connect(self._on_signals_changed)
        self._refresh_timer.timeout.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.weeks.valueChanged.connect(self.refresh)
        self.agenda_button.clicked.connect(self._on_agenda_button_clicked)
        self.feedback_button.clicked.connect(self._on_feedback_button_clicked)
        self.list_pdf.clicked.connect(lambda: self._export_partner("pdf"))
        self.list_csv.clicked.connect(lambda: self._export_partner("csv"))
        self.list_xlsx.clicked.connect(lambda: self._export_partner("xlsx"))

    def _on_signals_changed(self, _change: Change) -> None:
        self._refresh_timer.start()

    # ------------------------------------------------------------------ showing
    def since_date(self) -> dt.date:
        d = self.since.date()
        return dt.date(d.year(), d.month(), d.day())

    def data(self) -> PartnerTableData:
        return gather_partner_table(self.book, self.since_date(), weeks=self.weeks.value())

    def refresh(self) -> None:
        data = self.data()
        self.chart.set_counts(data.weeks)
        self.open_tree.clear()
        for partner, lines in data.open_by_partner.items():
            head = QTreeWidgetItem([f"{partner} ({len(lines)})"])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for x in lines:
                due = ("-".join(reversed(x.due.split("-"))) if x.due else "")
                item = QTreeWidgetItem(head, [" ".join(x.text.split()), x.theme, x.street,
                                              x.action, x.owner, due])
                item.setToolTip(0, x.text)
            self.open_tree.addTopLevelItem(head)
        self.open_tree.expandAll()
        self.changes.clear()
        new = sum(n for _t, n in data.new_by_theme)
        self.changes.addItem(tr("{n} nieuwe meldingen", n=new))
        for theme, n in data.new_by_theme:
            self.changes.addItem(f"   {theme}: {n}")
        for line in data.changes or [tr("Geen statuswijzigingen.")]:
            self.changes.addItem(line)
        heading = self.changes_card.property("heading")
        heading.setText(tr("Wat veranderde sinds {date}",
                           date=self.since.date().toString("dd-MM-yyyy")))
        current = self.partner.currentData()
        self.partner.clear()
        for p in self.book.all(Partner):
            self.partner.addItem(p.name, p.id)
        self.partner.setCurrentIndex(max(0, self.partner.findData(current)))

    # ------------------------------------------------------------------ printing
    def _ask_path(self, title: str, name: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path

    def run_export(self, job: Callable[[Callable[[int], None]], Path], done_text: str) -> None:
        """Render in a worker thread with a progress dialog; ``job`` gets plain data only."""
        if self._task is not None and self._task.running:
            return
        self._progress = QProgressDialog(tr("Bezig met opmaken…"), tr("Annuleren"), 0, 100, self)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        task = BackgroundTask(lambda progress, _c: job(lambda p: progress(p / 100)), self)
        task.progressed.connect(lambda f: self._progress and self._progress.setValue(int(f * 100)))
        task.finished.connect(lambda path: self._on_task_done(done_text, path))
        task.failed.connect(self._on_task_failed)
        self._progress.canceled.connect(task.cancel)
        self._task = task
        task.start()

    def _on_task_done(self, text: str, path: object) -> None:
        if self._progress is not None:
            self._progress.close()
        QMessageBox.information(self, tr("Klaar"), tr(text, path=path))

    def _on_task_failed(self, message: str) -> None:
        if self._progress is not None:
            self._progress.close()
        QMessageBox.warning(self, tr("Oogst"), tr("Het bestand kon niet worden gemaakt: {error}",
                                                  error=message))

    def _on_agenda_button_clicked(self) -> None:
        from exports.logbook_pdf import write_partner_table_pdf

        path = self._ask_path(tr("Agenda partnertafel"), "partnertafel.pdf", "PDF (*.pdf)")
        if path:
            data = self.data()
            self.run_export(lambda p: write_partner_table_pdf(path, data, p),
                            "Agenda opgeslagen: {path}")

    def _on_feedback_button_clicked(self) -> None:
        from exports.logbook_pdf import gather_feedback, write_feedback_pdf

        path = self._ask_path(tr("Terugkoppeling aan de buurt"), "terugkoppeling.pdf",
                              "PDF (*.pdf)")
        if path:
            data = gather_feedback(self.book, self.since_date(), dt.date.today())
            self.run_export(lambda p: write_feedback_pdf(path, data, p),
                            "Terugkoppeling opgeslagen: {path}")

    def _export_partner(self, kind: str) -> None:
        from app.logbook import partner_rows
        from exports.logbook_pdf import gather_partner_list, write_partner_list_pdf
        from exports.spreadsheet import write_csv, write_xlsx

        partner_id, name = self.partner.currentData(), self.partner.currentText()
        if not partner_id:
            return
        path = self._ask_path(tr("Lijst voor {partner}", partner=name), f"{name}.{kind}",
                              f"{kind.upper()} (*.{kind})")
        if not path:
            return
        if kind == "pdf":
            data = gather_partner_list(self.book, partner_id)
            self.run_export(lambda p: write_partner_list_pdf(path, data, p),
                            "Lijst opgeslagen: {path}")
            return
        headers, rows = partner_rows(self.book, partner_id)
        if kind == "csv":
            self.run_export(lambda _p: write_csv(path, headers, rows), "Lijst opgeslagen: {path}")
        else:
            self.run_export(lambda _p: write_xlsx(path, {name: (headers, rows)}),
                            "Lijst opgeslagen: {path}")
