"""The one bridge between domain commands and Qt's undo stack."""

from __future__ import annotations

import logging

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from app.commands import Command
from app.i18n import tr
from app.storage.errors import WorkbookError
from app.storage.workbook import Workbook

log = logging.getLogger(__name__)


def error_sentence(exc: BaseException) -> str:
    """The sentence to show for ``exc``: ours are already sentences, others get a prefix."""
    if isinstance(exc, WorkbookError):
        return str(exc)
    return tr("Dit lukte niet: {error}", error=exc)


class WorkbookUndoCommand(QUndoCommand):
    """Wraps a domain command: ``redo`` applies it, ``undo`` reverts it.

    ``QUndoStack.push`` calls ``redo`` itself, so never apply before pushing.
    A command that fails is reported and made obsolete, so the stack drops it.
    """

    def __init__(self, book: Workbook, command: Command, widget: QWidget | None = None) -> None:
        super().__init__(command.text)
        self.book = book
        self.command = command
        self._widget = widget
        self.failed = False

    def redo(self) -> None:
        self._run(self.command.apply)

    def undo(self) -> None:
        self._run(self.command.revert)

    def _run(self, step: object) -> None:
        try:
            step(self.book)  # type: ignore[operator]
        except Exception as exc:  # never let an edit take the event loop down
            log.warning("command %r failed", self.command.text, exc_info=True)
            self.failed = True
            self.setObsolete(True)
            from PySide6.QtWidgets import QMessageBox  # on use: a lighter start-up

            QMessageBox.warning(self._widget, tr("Oogst"), error_sentence(exc))
