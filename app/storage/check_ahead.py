"""SQLite's page check of a workbook, run on a second core while the app still loads.

``Workbook.open`` checks a workbook of up to ``CHECK_ON_OPEN_BYTES`` page by page before
it opens it (a few ms for an event, up to ~0.1 s for a large logbook). When the path
is known at start-up (``oogst open FILE``, a double-clicked file), that check can run
while PySide6 and the windows' modules load: SQLite releases the GIL while it reads.

Only a clean result is used, and only for the file as it was checked: anything else
(damage, a file that needs a passphrase or is no workbook, a file changed since) is
left for ``Workbook.open`` to find and explain exactly as without this.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from app.storage.connection import CHECK_ON_OPEN_BYTES, open_checked


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


class CheckAhead:
    """Starts checking ``path`` on a thread of its own, with its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(os.path.abspath(path))
        self._stamp = _stamp(self.path)
        self._clean = False
        self._thread: threading.Thread | None = None
        if self._stamp is not None and self._stamp[1] <= CHECK_ON_OPEN_BYTES:
            self._thread = threading.Thread(target=self._run, name="oogst-check-ahead",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            conn, _version = open_checked(self.path, None)  # header, schema and pages
        except Exception:  # Workbook.open finds it again and says what is wrong
            return
        conn.close()
        self._clean = True

    def passed(self, path: str | Path) -> bool:
        """True when ``path`` is the file checked, unchanged since, and it was healthy."""
        if self._thread is None:
            return False
        self._thread.join()
        return (self._clean and Path(os.path.abspath(path)) == self.path
                and _stamp(self.path) == self._stamp)
