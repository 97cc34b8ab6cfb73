"""The band at the top of a workbook window: what, when, where, how many."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.domain import AgendaDay, Event, Participant, StakeholderGroup
from app.i18n import tr
from app.storage.workbook import Change
from widgets.formatting import date_range_text, method_label
from widgets.style import label
from widgets.workbook_signals import WorkbookContext


class EventHeader(QFrame):
    def __init__(self, ctx: WorkbookContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_header")
        self.ctx = ctx
        self.title_label = label("", "h1")
        self.title_label.setWordWrap(True)
        self.facts_label = label("", "h3")
        self.counts_label = label("", "muted")
        self.method_badge = label("")
        self.method_badge.setObjectName("method_badge")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.facts_label)
        text.addWidget(self.counts_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addLayout(text, 1)
        badge = QVBoxLayout()  # the badge at the top (no Qt.AlignmentFlag: widgets/roles.py)
        badge.addWidget(self.method_badge)
        badge.addStretch(1)
        layout.addLayout(badge)
        self.refresh()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ctx.signals.changed.connect(self._on_signals_changed)

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches(Event.TABLE, AgendaDay.TABLE, Participant.TABLE,
                          StakeholderGroup.TABLE):
            self.refresh()

    def refresh(self) -> None:
        book = self.ctx.book
        event = book.event()
        self.title_label.setText(event.title or tr("(zonder titel)"))
        facts = [date_range_text(event.start_date, event.end_date), event.venue]
        self.facts_label.setText(
            "  ·  ".join(f for f in facts if f) or tr("Nog geen datum of locatie"))
        self.method_badge.setText(method_label(event.method))
        if event.method == "logbook":  # a post has opening days, not participants
            self.counts_label.setText(tr("Openingsdagen: {days}", days=book.count(AgendaDay)))
            return
        self.counts_label.setText(tr(
            "{people} deelnemers · {groups} belanghebbendengroepen · {days} dagen",
            people=book.count(Participant, role="participant"),
            groups=book.count(StakeholderGroup),
            days=book.count(AgendaDay)))
