"""The "now" bar: the current agenda block, its grouping, a countdown timer (start,
pause, +5 min, overrun shown) and what comes next, all on the keyboard."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import AgendaBlock, AgendaDay
from app.i18n import tr
from app.storage.workbook import Change, Workbook
from sessions.boards import GROUPINGS
from widgets.formatting import hhmm, parse_hhmm
from widgets.shortcuts import local_shortcut
from widgets.style import label
from widgets.workbook_signals import listen

SHORTCUTS = {"toggle": "F5", "extend": "F6", "reset": "Shift+F5", "next": "Ctrl+PgDown",
             "previous": "Ctrl+PgUp"}


def clock_text(seconds: float) -> str:
    """"12:05" for time left, "+01:10" for time over."""
    over = seconds < 0
    whole = int(abs(seconds) + (0 if over else 0.999))
    minutes, secs = divmod(whole, 60)
    return f"{'+' if over else ''}{minutes:02d}:{secs:02d}"


class NowBar(QFrame):
    """Current block and countdown; ``block_changed`` and ``ticked`` let others follow."""

    block_changed = Signal(object)  # AgendaBlock or None
    ticked = Signal(str, bool)  # clock text, overrun

    def __init__(self, book: Workbook, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("now_bar")
        self.setProperty("role", "card")
        self.book = book
        self.clock = clock
        self.blocks: list[AgendaBlock] = []
        self.index = 0
        self.running = False
        self._left = 0.0  # seconds left when last started or paused
        self._since = 0.0
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        self.signals = listen(self, book)
        self.signals.changed.connect(self._on_signals_changed)
        self.reload()

    def _build(self) -> None:
        self.now_label = label("", "h2")
        self.now_label.setObjectName("now_title")
        self.grouping_label = QLabel()
        self.grouping_label.setObjectName("now_grouping")
        self.grouping_label.setStyleSheet("background: #DDEBE3; border-radius: 6px; "
                                          "padding: 3px 8px; font-weight: 600;")
        self.time_label = label("", "muted")
        self.next_label = label("", "muted")
        self.next_label.setObjectName("now_next")
        self.clock_label = QLabel("00:00")
        self.clock_label.setObjectName("now_clock")
        self.clock_label.setMinimumWidth(150)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = QPushButton("◀")
        self.toggle_button = QPushButton(tr("Start"))
        self.toggle_button.setObjectName("timer_toggle")
        self.toggle_button.setProperty("role", "primary")
        self.extend_button = QPushButton(tr("+5 min"))
        self.reset_button = QPushButton("↺")
        self.next_button = QPushButton("▶")
        tips = ((self.previous_button, tr("Vorig onderdeel"), "previous"),
                (self.toggle_button, tr("Timer starten of pauzeren"), "toggle"),
                (self.extend_button, tr("Vijf minuten erbij"), "extend"),
                (self.reset_button, tr("Timer opnieuw"), "reset"),
                (self.next_button, tr("Volgend onderdeel"), "next"))
        for button, tip, key in tips:
            button.setToolTip(f"{tip} ({SHORTCUTS[key]})")
        text = QVBoxLayout()
        text.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.now_label)
        top.addWidget(self.grouping_label)
        top.addWidget(self.time_label)
        top.addStretch(1)
        text.addLayout(top)
        text.addWidget(self.next_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.clock_label)
        for button in (self.toggle_button, self.extend_button, self.reset_button,
                       self.next_button):
            layout.addWidget(button)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.toggle_button.clicked.connect(self.toggle)
        self.extend_button.clicked.connect(lambda: self.extend(5))
        self.reset_button.clicked.connect(self.reset)

    def install_shortcuts(self, widget: QWidget) -> None:
        """The timer keys, active anywhere inside ``widget``."""
        slots = {"toggle": self.toggle, "extend": lambda: self.extend(5), "reset": self.reset,
                 "next": lambda: self.step(1), "previous": lambda: self.step(-1)}
        for key, keys in SHORTCUTS.items():
            local_shortcut(keys, widget, slots[key])

    # ------------------------------------------------------------------ agenda
    def reload(self) -> None:
        """Read the agenda again; stays on the same block when it still exists."""
        current = self.current()
        days = {d.id: n for n, d in enumerate(self.book.all(AgendaDay))}
        self.blocks = sorted((b for b in self.book.all(AgendaBlock) if b.day_id in days),
                             key=lambda b: (days[b.day_id], b.position))
        ids = [b.id for b in self.blocks]
        if current is not None and current.id in ids:
            self.index = ids.index(current.id)
            self._show()
        else:
            self.set_index(0)

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches("agenda_block", "agenda_day") and not self.book.closed:
            self.reload()

    def current(self) -> AgendaBlock | None:
        return self.blocks[self.index] if 0 <= self.index < len(self.blocks) else None

    def upcoming(self) -> AgendaBlock | None:
        return self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None

    def set_index(self, index: int) -> None:
        self.index = max(0, min(index, len(self.blocks) - 1))
        block = self.current()
        self.running = False
        self.timer.stop()
        self._left = float(block.minutes * 60) if block else 0.0
        self._show()
        self.block_changed.emit(block)
        self._tick()

    def step(self, delta: int) -> None:
        if 0 <= self.index + delta < len(self.blocks):
            self.set_index(self.index + delta)

    def select_block(self, block_id: str) -> None:
        for n, block in enumerate(self.blocks):
            if block.id == block_id:
                self.set_index(n)

    def _show(self) -> None:
        block = self.current()
        if block is None:
            self.now_label.setText(tr("Geen agenda"))
            self.grouping_label.hide()
            self.time_label.setText("")
            self.next_label.setText("")
            return
        self.now_label.setText(block.title)
        self.grouping_label.setVisible(bool(block.grouping) and block.grouping != "none")
        self.grouping_label.setText(tr(GROUPINGS.get(block.grouping, block.grouping)))
        start = parse_hhmm(block.start)
        self.time_label.setText(f"{block.start}–{hhmm(start + block.minutes)}"
                                if start is not None else "")
        upcoming = self.upcoming()
        self.next_label.setText(tr("Straks: {title} ({start})", title=upcoming.title,
                                   start=upcoming.start) if upcoming else tr("Straks: einde"))

    # ------------------------------------------------------------------- timer
    def remaining(self) -> float:
        """Seconds left in this block (negative when over time)."""
        if self.running:
            return self._left - (self.clock() - self._since)
        return self._left

    def toggle(self) -> None:
        if self.running:
            self._left = self.remaining()
            self.running = False
            self.timer.stop()
        else:
            self._since = self.clock()
            self.running = True
            self.timer.start()
        self._tick()

    def extend(self, minutes: int) -> None:
        self._left += minutes * 60
        self._tick()

    def reset(self) -> None:
        block = self.current()
        self._left = float(block.minutes * 60) if block else 0.0
        self._since = self.clock()
        self._tick()

    def _tick(self) -> None:
        left = self.remaining()
        over = left < 0
        text = clock_text(left)
        self.clock_label.setText(text)
        self.clock_label.setStyleSheet(
            f"font-size: 22pt; font-weight: 700; color: {'#B3261E' if over else '#1F2328'};")
        self.clock_label.setToolTip(tr("Over tijd") if over else "")
        self.toggle_button.setText(tr("Pauze") if self.running else tr("Start"))
        self.ticked.emit(text, over)
