"""A read-only grid of rich-text cards (the projector's view of form-based boards)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


def esc(text: str) -> str:
    """``text`` as HTML, line breaks kept."""
    return escape(text).replace("\n", "<br>")


class CardGrid(QScrollArea):
    """Cards of HTML in ``columns`` columns; ``set_cards`` replaces them all."""

    def __init__(self, columns: int = 4, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.scale = scale
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self.host)
        self.labels: list[QLabel] = []

    def set_cards(self, cards: list[tuple[str, str]]) -> None:
        """``cards``: (accent colour, HTML body)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.labels = []
        for n, (colour, html) in enumerate(cards):
            frame = QFrame()
            frame.setProperty("role", "card")
            frame.setStyleSheet(f"QFrame[role=\"card\"] {{ border-top: 5px solid {colour}; }}")
            inner = QVBoxLayout(frame)
            text = QLabel(html)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            font = text.font()
            font.setPointSizeF(font.pointSizeF() * self.scale)
            text.setFont(font)
            inner.addWidget(text)
            inner.addStretch(1)
            self.labels.append(text)
            self.grid.addWidget(frame, n // self.columns, n % self.columns)
        for c in range(self.columns):
            self.grid.setColumnStretch(c, 1)
        self.grid.setRowStretch(len(cards) // self.columns + 1, 1)

    def text(self) -> str:
        """All the cards' text (for tests: what the room can read)."""
        return "\n".join(label.text() for label in self.labels)
