"""The "Tafelindeling" page: plan mixed tables in a worker, show them, swap, pin and print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import AgendaDay, Attendance, Participant, Seat, SeatingRule, StakeholderGroup
from app.i18n import tr
from app.storage.workbook import Change, Workbook
from widgets import seating_ops as ops
from widgets.seating_cards import QualityStrip, SeatingBoard, legend_html
from widgets.seating_day import DayChooser
from widgets.seating_worker import BackgroundTask, SeatingWorker
from widgets.style import label, set_role
from widgets.undo import error_sentence
from widgets.workbook_signals import WorkbookPage, listen


def _row(*items: QWidget | int | None, spacing: int | None = None) -> QHBoxLayout:
    """A row of widgets, with fixed gaps (an int, in px) and a stretch (None)."""
    row = QHBoxLayout()
    if spacing is not None:
        row.setSpacing(spacing)
    for item in items:
        if item is None:
            row.addStretch(1)
        elif isinstance(item, int):
            row.addSpacing(item)
        else:
            row.addWidget(item)
    return row


class SeatingPage(WorkbookPage):
    planning_finished = Signal(object)  # the SeatingPlan, after it is stored
    planning_cancelled = Signal()
    planning_failed = Signal(str)
    print_finished = Signal(object)  # list of written paths

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent)
        self.signals = listen(self, book)
        self.worker: SeatingWorker | None = None
        self.print_task: BackgroundTask | None = None
        self.rounds: list[list[list[str]]] = []
        self.quality: object | None = None
        self.last_moved: int | None = None
        self._build()
        self.day_combo.refresh(book)
        self._connect_signals()
        self.reload()
        if self.rounds:
            self.rounds_spin.setValue(len(self.rounds))
            self.size_spin.setValue(max(len(t) for t in self.rounds[0]))
            self.tables_spin.setValue(len(self.rounds[0]))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.day_combo = DayChooser()
        self.rounds_spin = QSpinBox()
        self.rounds_spin.setRange(1, 12)
        self.rounds_spin.setValue(5)
        self.by_size = QRadioButton(tr("Tafels van"))
        self.by_count = QRadioButton(tr("Aantal tafels"))
        self.by_size.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.by_size)
        self._mode.addButton(self.by_count)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(2, 30)
        self.size_spin.setValue(8)
        self.size_spin.setSuffix(tr(" personen"))
        self.tables_spin = QSpinBox()
        self.tables_spin.setRange(1, 100)
        self.tables_spin.setValue(9)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(0, 11)
        self.keep_spin.setToolTip(tr("Rondes die al gehouden zijn blijven zoals ze zijn."))
        self.plan_button = set_role(QPushButton(tr("Indeling maken")), "primary")
        self.replan_button = QPushButton(tr("Opnieuw indelen vanaf ronde…"))
        self.replan_button.setToolTip(tr(
            "Voor laatkomers en afmeldingen: eerdere rondes blijven, de rest wordt opnieuw "
            "ingedeeld met zo min mogelijk verschuivingen."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(tr("Annuleren"))
        self.cards_button = QPushButton(tr("Tafelkaarten…"))
        self.lists_button = QPushButton(tr("Tafellijsten…"))
        self.slips_button = QPushButton(tr("Briefjes ‘jouw tafels’…"))

        self.summary_label = label("", "muted")
        title = _row(label(tr("Tafelindeling"), "h2"), self.summary_label, 16,
                     QLabel(tr("Aanwezig op")), self.day_combo, None)
        controls = _row(QLabel(tr("Rondes")), self.rounds_spin, 10, self.by_size,
                        self.size_spin, self.by_count, self.tables_spin, 10,
                        QLabel(tr("Eerste rondes vasthouden")), self.keep_spin, None,
                        spacing=8)
        # Making and printing on one row under the settings: the page fits a laptop.
        prints = _row(self.plan_button, self.replan_button, self.progress, self.cancel_button,
                      None, self.lists_button, self.cards_button, self.slips_button,
                      spacing=8)

        self.quality_strip = QualityStrip()
        self.legend_label = QLabel()
        self.legend_label.setObjectName("seating_legend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        self.board = SeatingBoard()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("seating_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.board)
        self.empty_label = label(tr(
            "Nog geen indeling. Kies het aantal rondes en de tafelgrootte en klik op "
            "‘Indeling maken’. Wie afwezig is gemeld, wordt overgeslagen."), "muted")
        self.notice_label = QLabel()
        self.notice_label.setObjectName("seating_notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #7A4B00; background: #FFF1D6; "
                                        "border-radius: 8px; padding: 8px 12px;")
        self.notice_label.hide()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addLayout(title)
        layout.addLayout(controls)
        layout.addLayout(prints)
        layout.addWidget(self.quality_strip)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)
        self._set_running(False)

    def _connect_signals(self) -> None:
        # workbook -> page
        self.signals.changed.connect(self._on_signals_changed)
        # planning
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.replan_button.clicked.connect(self._on_replan_button_clicked)
        self.cancel_button.clicked.connect(self.cancel_planning)
        self.by_size.toggled.connect(self._on_mode_toggled)
        self.day_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.rounds_spin.valueChanged.connect(
            lambda n: self.keep_spin.setMaximum(max(0, n - 1)))
        # the board
        self.board.swap_requested.connect(self.swap)
        self.board.pin_requested.connect(self.pin)
        self.board.unpin_requested.connect(self.unpin)
        self.board.apart_requested.connect(self._on_board_apart_requested)
        self.board.apart_removed.connect(self.remove_apart)
        # printing
        self.lists_button.clicked.connect(lambda: self._on_print_clicked("lists"))
        self.cards_button.clicked.connect(lambda: self._on_print_clicked("cards"))
        self.slips_button.clicked.connect(lambda: self._on_print_clicked("slips"))
        self._on_mode_toggled(True)

    def _on_mode_toggled(self, _on: bool) -> None:
        self.size_spin.setEnabled(self.by_size.isChecked())
        self.tables_spin.setEnabled(self.by_count.isChecked())

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches(AgendaDay.TABLE):
            self.day_combo.refresh(self.book)
        if change.touches(Seat.TABLE, SeatingRule.TABLE, Participant.TABLE,
                          StakeholderGroup.TABLE, Attendance.TABLE, AgendaDay.TABLE):
            self.reload()

    def reload(self) -> None:
        """Read the stored plan, recompute its quality and redraw the board."""
        data = ops.board_data(self.book)
        self.rounds = data.rounds
        self.board.set_data(data)
        self._fit_board()
        self.legend_label.setText(legend_html(data.groups))
        self.legend_label.setVisible(bool(data.groups) and bool(self.rounds))
        groups = {p.id: p.group_id for p in self.book.all(Participant)}
        self.quality = self._evaluate(groups)
        self._show_quality()
        self._show_notice(data)
        self.empty_label.setVisible(not self.rounds)
        self.scroll.setVisible(bool(self.rounds))
        for button in (self.cards_button, self.lists_button, self.slips_button,
                       self.replan_button):
            button.setEnabled(bool(self.rounds) and self.worker is None)

    def _show_notice(self, data: ops.BoardData) -> None:
        """Who left or arrived since the plan was made: a hint to re-seat."""
        text = ops.attendance_notice(self.book, data, self.day_combo.day_id())
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_board()

    def _fit_board(self) -> None:
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.board.fit_width(self.scroll.width() - 2 * self.scroll.frameWidth() - bar - 2)

    def _evaluate(self, groups: dict[str, str]) -> object | None:
        if not self.rounds:
            return None
        from sessions.seating import evaluate

        seated = {pid for rnd in self.rounds for table in rnd for pid in table}
        return evaluate(self.rounds, {pid: groups.get(pid) or None for pid in seated})

    def _show_quality(self) -> None:
        if self.quality is None:
            self.quality_strip.hide()
            self.summary_label.setText("")
            return
        self.quality_strip.show()
        self.quality_strip.show_quality(self.quality)
        people = sum(len(t) for t in self.rounds[0])
        self.summary_label.setText(tr("{people} personen · {tables} tafels · {rounds} rondes",
                                      people=people, tables=len(self.rounds[0]),
                                      rounds=len(self.rounds)))

    # ------------------------------------------------------------ swap & rules
    def swap(self, round_no: int, a: str, b: str) -> bool:
        """Swap the seats of ``a`` and ``b`` in ``round_no`` (one undo step)."""
        command = ops.swap_command(self.book, self.rounds, round_no, a, b)
        return command is not None and self.push(command)

    def pin(self, pid: str, table_no: int) -> bool:
        return self.push(ops.pin_command(self.book, pid, table_no))

    def unpin(self, pid: str) -> bool:
        command = ops.unpin_command(self.book, pid)
        return command is not None and self.push(command)

    def keep_apart(self, a: str, b: str) -> bool:
        command = ops.apart_command(self.book, a, b)
        return command is not None and self.push(command)

    def remove_apart(self, rule_id: str) -> bool:
        return self.push(ops.remove_apart_command(rule_id))

    def _on_board_apart_requested(self, pid: str) -> None:
        others = sorted((p for p in self.book.all(Participant) if p.id != pid),
                        key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))
        if not others:
            return
        person = self.book.get(Participant, pid)
        names = [f"{p.name} ({p.organisation})" if p.organisation else p.name for p in others]
        choice, ok = QInputDialog.getItem(
            self, tr("Uit elkaar houden"),
            tr("Wie mag niet aan dezelfde tafel als {name}?", name=person.name if person else ""),
            names, 0, False)
        if ok and choice in names:
            self.keep_apart(pid, others[names.index(choice)].id)

    # ---------------------------------------------------------------- planning
    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        for widget in (self.plan_button, self.replan_button, self.rounds_spin, self.by_size,
                       self.by_count, self.keep_spin):
            widget.setEnabled(not running)
        if not running:
            self.replan_button.setEnabled(bool(self.rounds))

    def _on_plan_button_clicked(self) -> None:
        keep = self.keep_spin.value()
        if self.rounds and keep == 0:
            answer = QMessageBox.question(self, tr("Indeling maken"), tr(
                "Er is al een indeling. Een nieuwe indeling vervangt alle rondes. Doorgaan?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.start_planning(keep=keep)

    def _on_replan_button_clicked(self) -> None:
        stored = len(self.rounds)
        if not stored:
            return
        number, ok = QInputDialog.getInt(
            self, tr("Opnieuw indelen"),
            tr("Vanaf welke ronde opnieuw indelen? Eerdere rondes blijven zoals ze zijn."),
            min(stored, max(2, self.keep_spin.value() + 1)), 1, stored)
        if ok:
            self.keep_spin.setValue(number - 1)
            self.start_planning(keep=number - 1)

    def start_planning(self, *, rounds: int | None = None, table_size: int | None = None,
                       tables: int | None = None, keep: int = 0,
                       time_limit: float = 2.0) -> SeatingWorker | None:
        """Plan ``rounds`` rounds in all, keeping the first ``keep`` stored ones, in a worker.

        ``planning_finished`` follows once the plan is stored (one undo step).
        """
        from sessions.seating_workbook import build_request, seated_people

        if self.worker is not None:
            return None
        rounds = rounds or self.rounds_spin.value()
        if table_size is None and tables is None:
            if self.by_size.isChecked():
                table_size = self.size_spin.value()
            else:
                tables = self.tables_spin.value()
        try:
            if keep >= rounds:
                raise ValueError(tr("Houd minder rondes vast dan er in totaal zijn."))
            if not seated_people(self.book, self.day_combo.day_id()):
                raise ValueError(tr("Er is niemand om in te delen. Voeg deelnemers toe (rol "
                                    "deelnemer) of zet ze op aanwezig."))
            request = build_request(
                self.book, rounds - keep, table_size=table_size, tables=tables, keep=keep,
                day_id=self.day_combo.day_id(), time_limit=time_limit)
        except ValueError as exc:
            QMessageBox.warning(self, tr("Indeling maken"), str(exc))
            return None
        worker = SeatingWorker(request, self)
        worker.progressed.connect(self._on_worker_progressed)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        worker.cancelled.connect(self._on_worker_cancelled)
        self.worker = worker
        self.progress.setValue(0)
        self._set_running(True)
        worker.start()
        return worker

    def cancel_planning(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _on_worker_progressed(self, fraction: float) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 100))

    def _worker_done(self) -> None:
        self.worker = None
        self._set_running(False)

    def _on_worker_finished(self, plan: object) -> None:
        self._worker_done()
        self.last_moved = getattr(plan, "moved", None)
        # not save_plan_command: its undo would delete seats it overwrote
        if self.push(ops.store_plan_command(self.book, plan.rounds)):  # type: ignore
            self.reload()
            self.planning_finished.emit(plan)

    def _on_worker_failed(self, message: str) -> None:
        self._worker_done()
        self.reload()
        QMessageBox.warning(self, tr("Indeling maken"), error_sentence(RuntimeError(message)))
        self.planning_failed.emit(message)

    def _on_worker_cancelled(self) -> None:
        self._worker_done()
        self.reload()
        self.planning_cancelled.emit()

    # ---------------------------------------------------------------- printing
    def _on_print_clicked(self, kind: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Map voor de PDF's"),
                                                  str(self.book.path.parent))
        if folder:
            self.print_to(kind, folder)

    def print_to(self, kind: str, folder: str | Path) -> BackgroundTask:
        """Write the PDF of ``kind`` (lists, cards, slips) into ``folder`` in a worker."""
        from exports import seating_print

        sheets = seating_print.seating_sheets(self.book)
        folder = Path(folder)
        writers = {"lists": (seating_print.write_table_lists, tr("tafellijsten")),
                   "cards": (seating_print.write_table_cards, tr("tafelkaarten")),
                   "slips": (seating_print.write_slips, tr("jouw-tafels"))}
        write, stem = writers[kind]
        task = BackgroundTask(lambda _p, _c: [write(sheets, folder / f"{stem}.pdf")], self)
        task.finished.connect(self._on_print_finished)
        task.failed.connect(self._on_print_failed)
        self.print_task = task
        task.start()
        return task

    def _on_print_finished(self, paths: object) -> None:
        self.print_task = None
        written = list(paths)  # type: ignore[call-overload]
        self.print_finished.emit(written)
        if not written or not self.isVisible():
            return
        folder = Path(written[0]).parent
        box = QMessageBox(QMessageBox.Icon.Information, tr("Afdrukken"),
                          tr("Opgeslagen: {names}", names=", ".join(Path(p).name
                                                                     for p in written)),
                          QMessageBox.StandardButton.Close, self)
        open_button = box.addButton(tr("Map openen"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_print_failed(self, message: str) -> None:
        self.print_task = None
        QMessageBox.warning(self, tr("Afdrukken"), error_sentence(RuntimeError(message)))

    def shutdown(self) -> None:
        """Stop running work (the window closes): cancel and wait for the threads."""
        for task in (self.worker, self.print_task):
            if task is not None:
                task.cancel()
                task.wait()

