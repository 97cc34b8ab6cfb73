"""Which windows are open: the start screen and one main window per workbook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import tr
from app.settings import Settings, demo_path
from app.storage import Workbook
from widgets.main_window import MainWindow
from widgets.opening import open_workbook
from widgets.undo import error_sentence

if TYPE_CHECKING:
    from app.storage.check_ahead import CheckAhead

@contextmanager
def busy_cursor() -> Iterator[None]:
    """A wait cursor while opening; none before any window is shown (start-up).

    At start-up there is nothing on screen to wear it, and ``Qt.CursorShape`` would
    build the Qt namespace's enums before the first window opens (widgets/roles.py).
    """
    if not any(widget.isVisible() for widget in QApplication.topLevelWidgets()):
        yield
        return
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def build_demo_file(path: Path | None = None) -> Workbook:
    """Build the demo workbook afresh (the old one is deleted first) and return it open."""
    from sessions.demo import rebuild_demo

    return rebuild_demo(path or demo_path())


class AppController(QObject):
    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.windows: list[MainWindow] = []
        self.start_screen: QWidget | None = None

    # ----------------------------------------------------------------- screens
    def show_start(self) -> QWidget:
        if self.start_screen is None:
            from widgets.start_screen import StartScreen

            screen = StartScreen(self.settings)
            screen.open_requested.connect(self.open_path)
            screen.new_requested.connect(self.create_new)
            screen.demo_requested.connect(self.open_demo)
            screen.restore_requested.connect(self._on_start_screen_restore_requested)
            self.start_screen = screen
        self.start_screen.refresh_recent()  # type: ignore[attr-defined]
        self.start_screen.show()
        self.start_screen.raise_()
        self.start_screen.activateWindow()
        return self.start_screen

    def _warn(self, title: str, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load on use: a lighter start-up

        QMessageBox.warning(self._parent(), title, error_sentence(exc))

    def _parent(self) -> QWidget | None:
        active = QApplication.activeWindow()
        return active if active is not None else self.start_screen

    # ----------------------------------------------------------------- opening
    def open_path(self, path: str | Path, passphrase: str | None = None,
                  ahead: CheckAhead | None = None) -> MainWindow | None:
        path = Path(path)
        for window in self.windows:
            if window.book.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return window
        with busy_cursor():
            book = open_workbook(self._parent(), path, passphrase, ahead)
        return self.open_book(book) if book is not None else None

    def open_book(self, book: Workbook, *, demo: bool = False) -> MainWindow:
        demo = demo or book.path.resolve() == demo_path().resolve()  # `oogst demo` opens it too
        if not demo:
            self.settings.add_recent(book.path)
        window = MainWindow(book, self.settings, backups=not demo)
        window.open_requested.connect(self.open_path)
        window.new_requested.connect(self.show_new_dialog)
        window.closed.connect(self._on_window_closed)
        self.windows.append(window)
        if window.small_screen:
            window.showMaximized()
        else:
            window.show()
        window.integrity_watch = None
        if book.check_pending:  # large files only: small ones were checked when opened
            from widgets.integrity_watch import watch_integrity

            window.integrity_watch = watch_integrity(window, book)
        if self.start_screen is not None:
            self.start_screen.hide()
        return window

    def open_demo(self) -> MainWindow | None:
        try:
            with busy_cursor():
                for window in [w for w in self.windows if w.book.path == demo_path()]:
                    window.close()
                book = build_demo_file()
        except Exception as exc:
            self._warn(tr("Demo"), exc)
            return None
        return self.open_book(book, demo=True)

    def create_new(self, path: str, method: str, title: str, start_date: str = "",
                   language: str = "nl") -> MainWindow | None:
        from sessions.setup import create_workbook

        try:
            book = create_workbook(path, method, title, language=language, start_date=start_date,
                                   exclusive=True)
        except Exception as exc:
            self._warn(tr("Nieuw werkboek"), exc)
            return None
        window = self.open_book(book)
        window.show_page("event")  # a new event starts with its question, place and dates
        return window

    def show_new_dialog(self) -> None:
        from widgets.new_workbook import NewWorkbookDialog

        dialog = NewWorkbookDialog(self.settings.recent_files(), self._parent())
        if dialog.exec() and dialog.request is not None:
            self.create_new(*dialog.request)

    def _on_start_screen_restore_requested(self) -> None:
        from widgets.backup_dialog import BackupDialog

        dialog = BackupDialog(self.start_screen)
        if dialog.exec() and dialog.restored_path is not None:
            self.open_path(dialog.restored_path)

    def _on_window_closed(self, window: MainWindow, back_to_start: bool) -> None:
        if window in self.windows:
            self.windows.remove(window)
        if back_to_start and not self.windows:
            self.show_start()
