"""The band at the top of a workbook window: what, when, where, how many."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.domain import AgendaDay, Event, Participant, StakeholderGroup
from app.i18n import language, tr
from app.storage.workbook import Change
from widgets.formatting import date_range_text, method_label
from widgets.style import label
from widgets.workbook_signals import WorkbookContext

_PLAIN_PAIR = re.compile(r'([A-Za-z0-9_-]+)\s*=\s*"([^"\\]*)"\s*(?:#.*)?')


@cache
def _head_names(key: str) -> tuple[str, str] | None:
    """(name, name_en) from the plain ``key = "text"`` lines that open the method's usual
    template file, or None when they do not say (then the full parser decides).

    Spares the window's first paint ``sessions.templates``, tomllib and a full parse
    (~7 ms); those top lines mean the same to tomllib, which reads them identically.
    """
    import sessions

    path = Path(sessions.__file__).resolve().parent / "templates" / (
        key.replace("-", "_") + ".toml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    head: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pair = _PLAIN_PAIR.fullmatch(line)
        if pair is None or pair[1] in head:
            break  # anything else (tables, arrays, escapes...): only the parser knows
        head[pair[1]] = pair[2]
    if head.get("key") != key or "name" not in head or "name_en" not in head:
        return None
    return head["name"], head["name_en"]


def badge_text(method: str) -> str:
    """The method's name in the UI language, as ``formatting.method_label`` gives it."""
    names = _head_names(method)
    if names is None:
        return method_label(method)
    return names[1] if language() == "en" and names[1] else names[0]


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
        self.method_badge.setStyleSheet(
            "QLabel { background: #DDEBE3; color: #24573F; border-radius: 11px;"
            " padding: 3px 12px; font-weight: 600; }")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.facts_label)
        text.addWidget(self.counts_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addLayout(text, 1)
        layout.addWidget(self.method_badge, 0, Qt.AlignmentFlag.AlignTop)
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
        self.method_badge.setText(badge_text(event.method))
        if event.method == "logbook":  # a post has opening days, not participants
            self.counts_label.setText(tr("Openingsdagen: {days}", days=book.count(AgendaDay)))
            return
        people = [p for p in book.all(Participant) if p.role == "participant"]
        self.counts_label.setText(tr(
            "{people} deelnemers · {groups} belanghebbendengroepen · {days} dagen",
            people=len(people), groups=book.count(StakeholderGroup),
            days=book.count(AgendaDay)))
