"""What every board widget shares: the workbook wiring, quick capture and the dot-vote bar.

A board reads the workbook, turns every edit into a domain command pushed on the
undo stack (so it is durable at once and undoable), and refreshes itself when a
commit touches the tables it shows, whoever made the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.board_ops import DOTS_PER_GROUP, dots_left
from app.commands import Command
from app.domain import StakeholderGroup
from app.i18n import tr
from app.storage.workbook import Change, Workbook
from widgets.inputs import shrinkable
from widgets.shortcuts import local_shortcut
from widgets.style import label
from widgets.workbook_signals import WorkbookPage, listen


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class BoardBase(WorkbookPage):
    """Base of every board widget: ``(book, undo_stack, parent=None)``.

    ``TABLES`` names the tables the board shows; a commit touching one of them
    calls :meth:`refresh`. ``read_only`` boards (the projector) hide every
    control that edits.
    """

    TABLES: tuple[str, ...] = ()
    KIND = ""

    def __init__(self, book: Workbook, undo_stack: QUndoStack, parent: QWidget | None = None,
                 read_only: bool = False) -> None:
        super().__init__(book, undo_stack, parent,
                         name=f"board_{self.KIND}" if self.KIND else "board")
        self.read_only = read_only
        self._dirty = False
        self.signals = listen(self, book)
        self.signals.changed.connect(self._on_signals_changed)

    # ----------------------------------------------------------------- editing
    def push(self, command: Command | None) -> bool:
        """Apply ``command`` through the undo stack; False when there was none or it failed."""
        if command is None or self.read_only:
            return False
        return super().push(command)

    def _on_signals_changed(self, change: Change) -> None:
        if not self.TABLES or change.touches(*self.TABLES, "stakeholder_group"):
            if not self._dirty:
                self._dirty = True
                # after the edit that caused it has returned: never rebuild a view
                # from inside its own editor or drop handler; many commits, one refresh
                QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Refresh now if a commit touched this board since the last refresh."""
        if self._dirty:
            self._dirty = False
            if not self.book.closed:
                self.refresh()

    # ------------------------------------------------------------- overridden
    def refresh(self) -> None:
        """Read the workbook again and show it."""

    def select_item(self, row_id: str) -> bool:
        """Show and select the record ``row_id`` (a search hit); False when not on this board."""
        return False

    def merge_selected(self) -> bool:
        return False

    def delete_selected(self) -> bool:
        return False

    def build_toolbar(self, title: str, vote_cls: type | None = None) -> QVBoxLayout:
        """The board's top: a row with the title, merge and delete (with shortcuts), and
        under it, on boards with dot voting, the vote bar. On one row they needed ~1,150 px,
        more than a laptop leaves a board. ``self.toolbar_row`` takes a board's own
        buttons."""
        toolbar = QVBoxLayout()
        toolbar.setSpacing(6)
        bar = self.toolbar_row = QHBoxLayout()
        bar.setSpacing(10)
        toolbar.addLayout(bar)
        self.title_label = label(title, "h2")
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        self.vote_bar = None
        if self.read_only:  # the projector shows the task's own title
            self.title_label.hide()
            return toolbar
        self.merge_button = QPushButton(tr("Samenvoegen"))
        self.merge_button.setObjectName("merge_button")
        self.merge_button.setToolTip(tr("Geselecteerde dubbelen samenvoegen in de eerste (Ctrl+M)"))
        self.delete_button = QPushButton(tr("Verwijderen"))
        self.delete_button.setObjectName("delete_button")
        self.delete_button.setToolTip(tr("Geselecteerde items verwijderen (Delete); ongedaan maken "
                                         "kan altijd"))
        bar.addWidget(self.merge_button)
        bar.addWidget(self.delete_button)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self._shortcut("Ctrl+M", self.merge_selected)
        if vote_cls is not None:
            self.vote_bar = VoteBar(self.book, vote_cls)
            toolbar.addWidget(self.vote_bar)
            self._shortcut("Ctrl+D", self.vote_bar.toggle.toggle)
        return toolbar

    def _shortcut(self, keys: str, slot: Any) -> QShortcut:
        return local_shortcut(keys, self, slot)

    def groups(self) -> list[StakeholderGroup]:
        return self.book.all(StakeholderGroup)

    def detach(self) -> None:
        self.signals.detach()


class CaptureLine(QLineEdit):
    """A line edit where Tab and Shift+Tab do not leave, but ask for the next target."""

    cycled = Signal(int)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Tab:
                self.cycled.emit(1)
                return True
            if key == Qt.Key.Key_Backtab:
                self.cycled.emit(-1)
                return True
        return super().event(event)


class QuickCapture(QWidget):
    """Type, Enter, next: one line per item. Tab cycles the target (group, lane, column).

    ``targets`` are (label, fields, colour); ``captured(text, fields)`` is emitted on Enter.
    """

    captured = Signal(str, dict)
    target_changed = Signal(int)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._targets: list[tuple[str, dict[str, Any], str]] = []
        self._index = 0
        self.chip = QLabel()
        self.chip.setObjectName("capture_target")
        self.chip.setMinimumWidth(120)
        self.chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line = CaptureLine()
        self.line.setObjectName("capture_line")
        self.line.setPlaceholderText(placeholder)
        self.line.setClearButtonEnabled(True)
        self.hint = QLabel(tr("Enter: toevoegen · Tab: volgende"))
        self.hint.setProperty("role", "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chip)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.line)
        self.line.returnPressed.connect(self._on_line_return_pressed)
        self.line.cycled.connect(self.cycle)
        self.set_index(0)

    ROOM_TO_TYPE = 180  # px the line keeps before the key hint makes way (narrow boards)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Hide the key hint ("Enter: toevoegen · Tab: volgende") when the line would get
        too narrow to type in; show it again when there is room (the placeholder says it too).
        The layout has already placed the children for the new size."""
        super().resizeEvent(event)
        line = self.line.width()
        if not self.hint.isHidden() and line < self.ROOM_TO_TYPE:
            self.hint.hide()
        elif (self.hint.isHidden() and self.hint.text()
              and line - self.hint.sizeHint().width() >= self.ROOM_TO_TYPE):
            self.hint.show()

    def set_targets(self, targets: Sequence[tuple[str, dict[str, Any], str]],
                    keep: bool = True) -> None:
        current = self.fields() if keep else None
        self._targets = list(targets)
        match = next((i for i, t in enumerate(self._targets) if t[1] == current), 0)
        self.set_index(match)

    def set_index(self, index: int) -> None:
        self.hint.setText(tr("Enter: toevoegen · Tab: volgende") if len(self._targets) > 1
                          else tr("Enter: toevoegen"))
        if not self._targets:
            self._index = 0
            self.chip.setVisible(False)
            return
        self._index = index % len(self._targets)
        text, _fields, colour = self._targets[self._index]
        self.chip.setVisible(True)
        self.chip.setText(text)
        self.chip.setStyleSheet(
            f"QLabel {{ background: {colour or '#EFEDE7'}; color: {_ink(colour)};"
            " border-radius: 6px; padding: 5px 10px; font-weight: 600; }")
        self.target_changed.emit(self._index)

    def cycle(self, step: int = 1) -> None:
        self.set_index(self._index + step)

    def select_fields(self, **fields: Any) -> None:
        """Point the capture at the first target whose fields include ``fields``."""
        for i, (_label, target, _colour) in enumerate(self._targets):
            if all(target.get(k) == v for k, v in fields.items()):
                self.set_index(i)
                return

    def index(self) -> int:
        return self._index

    def fields(self) -> dict[str, Any]:
        return dict(self._targets[self._index][1]) if self._targets else {}

    def _on_line_return_pressed(self) -> None:
        text = self.line.text().strip()
        if text:
            self.captured.emit(text, self.fields())
            self.line.clear()


def _ink(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``."""
    if not colour:
        return "#1F2328"
    c = QColor(colour)
    return "#1F2328" if (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 150 else "white"


class VoteBar(QWidget):
    """Dot-vote mode: on, for which stakeholder group, and how many dots each group has."""

    changed = Signal()

    def __init__(self, book: Workbook, target_cls: type, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.target_cls = target_cls
        self.toggle = QPushButton(tr("Stippen plakken"))
        self.toggle.setObjectName("vote_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(tr("Klik op een item om er een stip van de gekozen groep op te "
                                  "plakken; Shift+klik haalt er een weg (Ctrl+D)"))
        self.group = shrinkable(QComboBox(), 14)
        self.group.setObjectName("vote_group")
        self.per_group = QSpinBox()
        self.per_group.setRange(1, 50)
        self.per_group.setValue(DOTS_PER_GROUP)
        self.per_group.setSuffix(tr(" stippen per groep"))
        self.left = QLabel()
        self.left.setObjectName("dots_left")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.toggle, self.group, self.per_group, self.left):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.toggle.toggled.connect(self._on_any_changed)
        self.group.currentIndexChanged.connect(self._on_any_changed)
        self.per_group.valueChanged.connect(self._on_any_changed)
        self.refresh()

    def refresh(self, left: dict[str, int] | None = None) -> None:
        """Read the groups again; ``left`` (dots left per group) when the caller knows it."""
        current = self.group_id()
        self.group.blockSignals(True)
        self.group.clear()
        for g in self.book.all(StakeholderGroup):
            self.group.addItem(colour_icon(g.colour), g.name, g.id)
        index = self.group.findData(current) if current else 0
        self.group.setCurrentIndex(max(0, index))
        self.group.blockSignals(False)
        self._update_left(left)

    def active(self) -> bool:
        return self.toggle.isChecked()

    def group_id(self) -> str:
        return self.group.currentData() or ""

    def set_group(self, group_id: str) -> None:
        self.group.setCurrentIndex(max(0, self.group.findData(group_id)))

    def dots_per_group(self) -> int:
        return self.per_group.value()

    def _on_any_changed(self, *_args: object) -> None:
        self._update_left()
        self.changed.emit()

    def _update_left(self, left: dict[str, int] | None = None) -> None:
        if left is None:
            left = dots_left(self.book, self.per_group.value(), self.target_cls)
        self.left.setText(tr("nog {n} stippen", n=left.get(self.group_id(), 0)))
