"""The projector view: a second top-level window for the beamer that follows the
facilitator. The task and its instructions in large type, the timer, and the board
being filled, read-only. It never shows contact data or notes: the boards show
neither, and this window shows nothing else."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain import AgendaBlock
from app.i18n import tr
from app.storage.workbook import Workbook
from sessions.boards import GROUPINGS
from widgets.boards import BOARD_WIDGETS, BoardBase


class ProjectorWindow(QWidget):
    """Shows ``show_block``, ``show_timer`` and ``show_board`` as the facilitator moves on."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setWindowTitle(tr("Oogst — projector"))
        self.setStyleSheet("QWidget#projector { background: #FFFFFF; }")
        self.book = book
        self.undo_stack = undo_stack
        self.kind = ""
        self.board: BoardBase | None = None
        self.task = QLabel()
        self.task.setObjectName("projector_task")
        self.task.setWordWrap(True)
        self.task.setStyleSheet("font-size: 30pt; font-weight: 700; color: #1F2328;")
        self.grouping = QLabel()
        self.grouping.setObjectName("projector_grouping")
        self.grouping.setStyleSheet("font-size: 16pt; font-weight: 600; color: #2E6B4F;")
        self.prompt = QLabel()
        self.prompt.setObjectName("projector_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size: 20pt; color: #1F2328;")
        self.clock = QLabel("")
        self.clock.setObjectName("projector_clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.clock.setMinimumWidth(260)
        self._clock_style(False)
        head_text = QVBoxLayout()
        head_text.setSpacing(4)
        head_text.addWidget(self.grouping)
        head_text.addWidget(self.task)
        head_text.addWidget(self.prompt)
        head = QHBoxLayout()
        head.addLayout(head_text, 1)
        head.addWidget(self.clock)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addLayout(self.body, 1)
        QShortcut(QKeySequence("Escape"), self).activated.connect(self.close)
        QShortcut(QKeySequence("F11"), self).activated.connect(self._toggle_full_screen)

    # ---------------------------------------------------------------- follows
    def show_block(self, block: AgendaBlock | None) -> None:
        if block is None:
            self.task.setText("")
            self.prompt.setText("")
            self.grouping.setText("")
            return
        self.task.setText(block.title)
        self.prompt.setText(block.prompt)
        grouping = GROUPINGS.get(block.grouping, "")
        self.grouping.setText(tr(grouping) if block.grouping not in ("", "none") else "")

    def show_timer(self, text: str, overrun: bool) -> None:
        self.clock.setText(text)
        self._clock_style(overrun)

    def show_board(self, kind: str) -> None:
        """Show the board of ``kind`` read-only (nothing for a kind without a board)."""
        if kind == self.kind:
            return
        self.kind = kind
        if self.board is not None:
            self.board.detach()
            self.board.setParent(None)
            self.board.deleteLater()
            self.board = None
        cls = BOARD_WIDGETS.get(kind)
        if cls is not None:
            self.board = cls(self.book, self.undo_stack, self, read_only=True)
            self.body.addWidget(self.board, 1)

    def _clock_style(self, overrun: bool) -> None:
        self.clock.setStyleSheet(f"font-size: 48pt; font-weight: 700; "
                                 f"color: {'#B3261E' if overrun else '#1F2328'};")

    # ----------------------------------------------------------------- screen
    def show_on(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (default: a second screen when there is one)."""
        if screen is None:
            screens = QGuiApplication.screens()
            screen = screens[1] if len(screens) > 1 else QGuiApplication.primaryScreen()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def visible_text(self) -> str:
        """Every piece of text this window shows (for checks: nothing private)."""
        parts: list[str] = []
        for widget in [self, *self.findChildren(QWidget)]:
            for getter in ("text", "toPlainText", "currentText", "placeholderText",
                           "toolTip", "windowTitle"):
                value = getattr(widget, getter, None)
                if callable(value):
                    try:
                        parts.append(str(value()))
                    except TypeError:
                        pass
        for view in self.findChildren(QAbstractItemView):
            if view.model() is not None:
                parts += _model_text(view.model())
        for view in self.findChildren(QGraphicsView):
            if view.scene() is not None:
                parts += [str(getattr(item, "text", "")) for item in view.scene().items()]
                parts += [item.toolTip() for item in view.scene().items()]
        return "\n".join(p for p in parts if p)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.board is not None:
            self.board.detach()
        super().closeEvent(event)


def _model_text(model: QAbstractItemModel) -> list[str]:
    out: list[str] = []

    def walk(parent: QModelIndex) -> None:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private
            columns = 1
        for row in range(model.rowCount(parent)):
            for col in range(columns):
                index = model.index(row, col, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value:
                        out.append(str(value))
                if col == 0:
                    walk(index)

    walk(QModelIndex())
    return out
