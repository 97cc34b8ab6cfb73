"""A date, or a date and time, that may also be left empty."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QToolButton, QWidget

from app.i18n import tr

_EMPTY = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


class OptionalDateField(QWidget):
    """A date (or date and time) that may also be empty; ``value()`` is ISO text or ""."""

    editing_finished = Signal()

    def __init__(self, with_time: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._with_time = with_time
        self._watching_calendar = False
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd-MM-yyyy HH:mm" if with_time else "dd-MM-yyyy")
        self.edit.setMinimumDateTime(_EMPTY)
        self.edit.setSpecialValueText(tr("— geen —"))
        self.edit.installEventFilter(self)  # the calendar itself is made on first use
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(tr("Leegmaken"))
        self.clear_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self.editing_finished)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.edit and kind in (QEvent.Type.MouseButtonPress,
                                             QEvent.Type.KeyPress):
            if not self._watching_calendar:
                self.edit.calendarWidget().installEventFilter(self)
                self._watching_calendar = True
        elif kind == QEvent.Type.Show and not self.value():
            # An empty field opens its calendar on today, not on the "empty" year 1900.
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def _on_clear_button_clicked(self) -> None:
        if self.value():
            self.edit.setDateTime(_EMPTY)
            self.editing_finished.emit()

    def value(self) -> str:
        current = self.edit.dateTime()
        if current <= _EMPTY:
            return ""
        if self._with_time:
            return current.toString("yyyy-MM-ddTHH:mm")
        return current.date().toString("yyyy-MM-dd")

    def set_value(self, iso: str) -> None:
        if self._with_time:
            value = QDateTime.fromString(iso[:16], "yyyy-MM-ddTHH:mm")
            if not value.isValid():
                value = QDateTime(QDate.fromString(iso[:10], "yyyy-MM-dd"), QTime(19, 30))
        else:
            value = QDateTime(QDate.fromString(iso[:10], "yyyy-MM-dd"), QTime(0, 0))
        self.edit.setDateTime(value if value.isValid() else _EMPTY)
