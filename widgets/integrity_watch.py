"""The page check of a large workbook, run after its window opens (never blocks opening).

Small workbooks are checked before they open (``Workbook.open``); a logbook of many
years would make the facilitator wait a second or more, so its check runs here in a
plain thread on a separate read-only connection, and a problem is reported at once.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import tr
from app.storage.workbook import Workbook


class IntegrityWatch(QObject):
    """Emits ``finished(result)``: ``"ok"`` or SQLite's description of the damage."""

    finished = Signal(str)

    def __init__(self, book: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.result: str | None = None
        self._thread = threading.Thread(target=self._run, name="oogst-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        from app.storage.check import quick_check

        try:
            result = quick_check(self.book.path, self.book.passphrase)
        except Exception as exc:  # unreadable: same message path as damage
            result = str(exc)
        self.result = result
        self.finished.emit(result)


def watch_integrity(window: QWidget, book: Workbook) -> IntegrityWatch | None:
    """Start the background check when ``book`` skipped it at open; warn on damage."""
    if not book.check_pending:
        return None
    watch = IntegrityWatch(book, window)

    def report(result: str) -> None:
        book.check_pending = False
        if result != "ok":
            QMessageBox.warning(window, tr("Werkboek beschadigd"), tr(
                "De controle van {path} vond beschadigingen ({error}). Bewaar uw werk met "
                "Bestand > Opslaan als kopie en open daarna een back-up met Bestand > "
                "Herstellen uit back-up.", path=book.path.name,
                error=result[:200]))

    watch.finished.connect(report)
    watch.start()
    return watch
