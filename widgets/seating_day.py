"""Which day's attendance the seating plan follows (late arrivals on day 2, ...)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from app.domain import AgendaDay
from app.i18n import tr
from app.storage.workbook import Workbook
from widgets.formatting import date_text


class DayChooser(QComboBox):
    """The agenda's days; starts on today's day when the event is on, else the first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seating_day")
        self.setToolTip(tr("Wie er is volgt de aanwezigheid van deze dag (tabel Deelnemers)."))
        self._chosen_by_user = False
        self.activated.connect(self._on_activated)

    def _on_activated(self, _index: int) -> None:
        self._chosen_by_user = True

    def refresh(self, book: Workbook, today: dt.date | None = None) -> None:
        """Fill from the agenda, keeping the user's choice when that day still exists."""
        current = self.day_id()
        days = sorted(book.all(AgendaDay), key=lambda d: d.position)
        self.blockSignals(True)
        self.clear()
        for n, day in enumerate(days, start=1):
            text = tr("Dag {n}", n=n)
            if day.date:
                text += f" · {date_text(day.date)}"
            self.addItem(text, day.id)
        self.blockSignals(False)
        ids = [d.id for d in days]
        if self._chosen_by_user and current in ids:
            self.setCurrentIndex(ids.index(current))
            return
        iso = (today or dt.date.today()).isoformat()
        self.setCurrentIndex(next((i for i, d in enumerate(days) if d.date == iso), 0))
        self.setVisible(bool(days))

    def day_id(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None
