"""Input widgets that say when an edit is finished (one command per edit, not per key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

if TYPE_CHECKING:  # not imported at start-up: the first window has no combo box
    from PySide6.QtWidgets import QComboBox


def shrinkable(combo: QComboBox, characters: int = 10) -> QComboBox:
    """``combo``, allowed narrower than its longest item (which it then elides).

    A combo box is as wide as its longest item by default: with group names like
    "Maatschappelijke partners" or a list of people's names, a few of them push a page
    past a laptop screen.
    """
    combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that emits ``editing_finished`` when it loses focus."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 16
        self.setMinimumHeight(height)
        self.setMaximumHeight(int(height * 2))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)
