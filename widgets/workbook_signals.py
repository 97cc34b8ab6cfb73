"""Workbook change callbacks as a Qt signal, and what every workbook page needs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.commands import Command
from app.storage.workbook import Workbook
from widgets.undo import WorkbookUndoCommand


class WorkbookSignals(QObject):
    """Emits ``changed(Change)`` after every committed transaction of ``book``.

    The one place where the Qt-free ``Workbook.subscribe`` callback becomes a
    signal; a commit from another thread arrives queued in the GUI thread.
    """

    changed = Signal(object)

    def __init__(self, book: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = book.subscribe(self.changed.emit)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def listen(widget: QWidget, book: Workbook) -> WorkbookSignals:
    """A change signal for ``widget`` that stops listening when the widget is destroyed."""
    signals = WorkbookSignals(book, widget)
    widget.destroyed.connect(lambda *_: signals.detach())
    return signals


def push_command(book: Workbook, undo_stack: QUndoStack, command: Command,
                 parent: QWidget | None) -> bool:
    """Apply ``command`` through ``undo_stack``; False when it failed (already reported
    to the user over ``parent``)."""
    wrapped = WorkbookUndoCommand(book, command, parent)
    undo_stack.push(wrapped)
    return not wrapped.failed


class WorkbookPage(QWidget):
    """A page of the main window: its workbook, its window's undo stack, and ``push``."""

    def __init__(self, book: Workbook, undo_stack: QUndoStack, parent: QWidget | None = None,
                 *, name: str = "page") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.book = book
        self.undo_stack = undo_stack

    def push(self, command: Command) -> bool:
        """Apply ``command`` through the undo stack; False when it failed (already said)."""
        return push_command(self.book, self.undo_stack, command, self)


class WorkbookContext(QObject):
    """The book, its undo stack and its change signal, handed to every page of a window."""

    def __init__(self, book: Workbook, widget: QWidget) -> None:
        super().__init__(widget)
        self.book = book
        self.widget = widget
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo_stack")
        self.signals = WorkbookSignals(book, self)

    def push(self, command: Command) -> bool:
        """Apply ``command`` through the undo stack; False when it failed (already reported)."""
        return push_command(self.book, self.undo_stack, command, self.widget)

    def detach(self) -> None:
        self.signals.detach()
