"""Automatic backups off the GUI thread: a big workbook's copy never freezes the window."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.storage.workbook import Workbook


class BackupRunner(QObject):
    """Runs ``take_backup`` in a plain thread; reports ``finished(reason, path or error)``.

    The workbook serialises the copy against edits with its own lock; the thread
    gets only the workbook and a reason, never a widget.
    """

    finished = Signal(str, object)

    def __init__(self, book: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._thread: threading.Thread | None = None

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, reason: str) -> bool:
        """Start a backup unless one is running; False when skipped."""
        if self.busy() or self.book.closed:
            return False
        self._thread = threading.Thread(target=self._run, args=(reason,),
                                        name=f"oogst-backup-{reason}")
        self._thread.start()
        return True

    def _run(self, reason: str) -> None:
        from app.storage.backups import take_backup

        try:
            result: Path | Exception = take_backup(self.book, reason)
        except Exception as exc:  # reported in the status bar, never fatal
            result = exc
        self.finished.emit(reason, result)

    def wait(self) -> None:
        """Block until a running backup is done (before closing the workbook)."""
        if self._thread is not None:
            self._thread.join()
