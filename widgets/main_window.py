"""One window per open workbook: header, pages, menus, status and backups."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain import Event
from app.i18n import tr
from app.settings import Settings
from app.storage.workbook import Change, Workbook
from widgets.backup_runner import BackupRunner
from widgets.event_header import EventHeader
from widgets.pages import PageFactory, pages_for
from widgets.screen_fit import fit_to_screen
from widgets.shortcuts import set_keys
from widgets.style import apply_style
from widgets.undo import error_sentence
from widgets.window_state import window_ini_exists, window_settings
from widgets.workbook_signals import WorkbookContext

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


# What a page may need, measured before it is first shown, and still fit beside the
# navigation and under the header on a 1366 x 768 laptop screen (common on municipal
# laptops). Kept well below that room (~1150 x 540): a page can grow when first shown
# (combo boxes fit their items then; the participants page by ~150 px).
PAGE_ROOM = (900, 480)
DEFAULT_SIZE = (1360, 860)  # on a first start, where the screen has room for it


def _fitted(page: QWidget) -> QWidget:
    """``page``, or ``page`` in a frameless scroll area if it needs more than PAGE_ROOM.

    A page wider or taller than that (the boards need ~1,100 px) then scrolls
    inside the window, instead of pushing the window past the edge of the screen. Pages
    that fit are not wrapped: a scroll area around the agenda, shown at start-up, would
    cost ~20 ms of layout there.
    """
    page.ensurePolished()  # sizes as the stylesheet makes them
    need = page.minimumSizeHint()
    if need.width() <= PAGE_ROOM[0] and need.height() <= PAGE_ROOM[1]:
        return page
    area = QScrollArea()
    area.setObjectName("page_area")
    area.setWidgetResizable(True)
    area.setProperty("frameShape", "NoFrame")  # by name: no QFrame.Shape enum (roles.py)
    area.setWidget(page)
    return area


class MainWindow(QMainWindow):
    open_requested = Signal(str)
    new_requested = Signal()
    closed = Signal(object, bool)  # this window, back to the start screen?

    def __init__(self, book: Workbook, settings: Settings, *, backups: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.book = book
        self.settings = settings
        self.ctx = WorkbookContext(book, self)
        self._backups = backups
        self._back_to_start = False
        self._pages: list[tuple[str, str, PageFactory, QWidget | None]] = []
        self._in_stack: dict[str, QWidget] = {}  # built page key -> the page or its scroll area
        self._zoom = 1.0
        self.backups = BackupRunner(book, self)
        self._build()
        self._build_actions()
        self._build_menus()
        for key, title, factory in pages_for(book.event().method):
            self.add_page(key, title, factory)
        if book.passphrase is not None:  # encrypted: lock after idle minutes
            from widgets.idle_lock import IdleLock

            self.idle_lock = IdleLock(self, book)
        self._connect_signals()
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backup_timer")
        self.backup_timer.timeout.connect(self._on_backup_timer_timeout)
        self._refresh_title()
        self.show_page(self._restore_state())
        if not backups:
            self.backup_label.setText(tr("Demo: zonder back-ups"))
        else:
            self.backups.start("open")
            self.backup_timer.start(int(settings.get("backup_minutes")) * 60_000)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.header = EventHeader(self.ctx)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addLayout(body, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel(tr("Alles opgeslagen"))
        self.backup_label = QLabel("")
        self.path_label = QLabel(str(self.book.path))
        self.path_label.setToolTip(tr("Elke wijziging staat meteen in dit bestand"))
        self.statusBar().addWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.small_screen = fit_to_screen(self, *DEFAULT_SIZE)  # then it opens maximized

    def _build_actions(self) -> None:
        stack = self.ctx.undo_stack
        self.undo_action = stack.createUndoAction(self, tr("Ongedaan maken"))
        set_keys(self.undo_action, "Ctrl+Z")
        self.redo_action = stack.createRedoAction(self, tr("Opnieuw"))
        set_keys(self.redo_action, "Ctrl+Shift+Z", "Ctrl+Y")

        def action(text: str, slot: Callable[[], object] | None, shortcut: str = "") -> QAction:
            made = QAction(self)  # not QAction(text, self): its overloads need QIcon's enums
            made.setText(text)
            if shortcut:
                set_keys(made, shortcut)
            if slot is not None:
                made.triggered.connect(slot)
            return made

        self.new_action = action(tr("Nieuw…"), self.new_requested.emit, "Ctrl+N")
        self.open_action = action(tr("Openen…"), self._on_open_action_triggered, "Ctrl+O")
        self.save_copy_action = action(tr("Opslaan als kopie…"), self.save_copy, "Ctrl+Shift+S")
        self.restore_action = action(tr("Herstellen uit back-up…"), self.show_backups)
        self.close_action = action(tr("Sluiten"), self.close_to_start, "Ctrl+W")
        self.quit_action = action(tr("Afsluiten"), QApplication.closeAllWindows, "Ctrl+Q")
        self.settings_action = action(tr("Instellingen…"), self.show_settings, "Ctrl+,")
        self.about_action = action(tr("Over Oogst"), self.show_about)
        self.zoom_in_action = action(tr("Tekst groter"), lambda: self.set_zoom(self._zoom + 0.1))
        set_keys(self.zoom_in_action, "Ctrl++", "Ctrl+=")
        self.zoom_out_action = action(tr("Tekst kleiner"), lambda: self.set_zoom(self._zoom - 0.1),
                                      "Ctrl+-")
        self.zoom_reset_action = action(tr("Gewone tekstgrootte"), lambda: self.set_zoom(1.0),
                                        "Ctrl+0")
        self.full_screen_action = action(tr("Volledig scherm"), self._on_full_screen_toggled,
                                         "F11")
        self.full_screen_action.setCheckable(True)
        # Hides the list of pages: ~190 px more for a board on a laptop; Ctrl+1… and the
        # Beeld menu still switch pages.
        self.sidebar_action = action(tr("Zijbalk"), None, "Ctrl+B")
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.sidebar_action.toggled.connect(self.navigation.setVisible)
        self.toolbar = QToolBar(tr("Werkbalk"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        # By name (no Qt.ToolButtonStyle: see widgets/roles.py); the actions have no icons.
        self.toolbar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.addToolBar(self.toolbar)
        self.toolbar.hide()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&Bestand"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(tr("Recente bestanden"))
        file_menu.addSeparator()
        file_menu.addActions([self.save_copy_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = bar.addMenu(tr("Be&werken"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = bar.addMenu(tr("Bee&ld"))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action,
                                   self.zoom_reset_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.full_screen_action)
        self.view_menu.addAction(self.sidebar_action)
        self.view_menu.addAction(self.toolbar.toggleViewAction())
        settings_menu = bar.addMenu(tr("&Instellingen"))
        settings_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        # workbook -> window
        self.ctx.signals.changed.connect(self._on_signals_changed)
        # navigation
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        # backups
        self.backups.finished.connect(self._on_backups_finished)
        # menus
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)

    # ------------------------------------------------------------------- pages
    def add_page(self, key: str, title: str, factory: PageFactory) -> None:
        """Add a page; it is built the first time it is shown (fast start)."""
        self._pages.append((key, title, factory, None))
        self.navigation.addItem(title)
        number = len(self._pages)
        if number <= 9:
            show = QAction(self)
            show.setText(title)
            set_keys(show, f"Ctrl+{number}")
            show.triggered.connect(lambda: self.show_page(key))
            self.addAction(show)
            self.view_menu.insertAction(self.view_menu.actions()[number - 1], show)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not yet."""
        for i, (k, title, factory, widget) in enumerate(self._pages):
            if k == key:
                if widget is None:  # the stack holds built pages only, in the order built
                    # Built in the stack, before _fitted polishes it: a polished page moved
                    # there would be polished again (the stylesheet: ~3 ms for the agenda).
                    widget = factory(self.ctx, self.pages)
                    self._in_stack[k] = _fitted(widget)
                    self.pages.addWidget(self._in_stack[k])
                    self._pages[i] = (k, title, factory, widget)
                return widget
        raise KeyError(key)

    def current_page(self) -> QWidget | None:
        holder = self.pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        self.pages.setCurrentWidget(self._in_stack[key])
        row = [k for k, *_ in self._pages].index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        return widget

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.show_page(self._pages[row][0])

    # ------------------------------------------------------------------ status
    def _on_signals_changed(self, change: Change) -> None:
        self.saved_label.setText(tr("Opgeslagen om {time}",
                                    time=time.strftime("%H:%M:%S")))
        if change.touches(Event.TABLE):
            self._refresh_title()

    def _refresh_title(self) -> None:
        self.setWindowTitle(f"{self.book.event().title or tr('(zonder titel)')} — Oogst")

    # ----------------------------------------------------------------- backups
    def _on_backups_finished(self, reason: str, result: object) -> None:
        if isinstance(result, Exception):  # a failed backup must never stop the work
            self.backup_label.setText(tr("Back-up mislukt: {error}",
                                         error=error_sentence(result)))
        else:
            self.backup_label.setText(tr("Back-up om {time}",
                                         time=time.strftime("%H:%M")))

    def _on_backup_timer_timeout(self) -> None:
        if self.book.edits_since_backup > 0:
            self.backups.start("timer")

    # ---------------------------------------------------------------- commands
    def _on_open_action_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Werkboek openen"),
                                              str(self.book.path.parent),
                                              tr("Oogst-werkboek (*.oogst);;Alle bestanden (*)"))
        if path:
            self.open_requested.emit(path)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            entry = self.recent_menu.addAction(Path(path).name)
            entry.setToolTip(path)
            entry.setEnabled(Path(path).exists())
            entry.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(tr("(leeg)")).setEnabled(False)

    def save_copy(self, dest: str | None = None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if not dest:
            suggested = self.book.path.with_name(tr("{stem} (kopie)", stem=self.book.path.stem)
                                                 + ".oogst")
            dest, _ = QFileDialog.getSaveFileName(self, tr("Opslaan als kopie"), str(suggested),
                                                  tr("Oogst-werkboek (*.oogst)"))
            if not dest:
                return None
        try:
            saved = self.book.save_copy(dest)
        except Exception as exc:
            QMessageBox.warning(self, tr("Kopie opslaan mislukt"), error_sentence(exc))
            return None
        self.statusBar().showMessage(tr("Kopie opgeslagen: {path}", path=saved), 8000)
        return saved

    def show_backups(self) -> None:
        from widgets.backup_dialog import BackupDialog

        dialog = BackupDialog(self, book=self.book)
        if dialog.exec() and dialog.restored_path is not None:
            self.open_requested.emit(str(dialog.restored_path))

    def show_settings(self) -> None:
        from widgets.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec() and self._backups:
            self.backup_timer.start(int(self.settings.get("backup_minutes")) * 60_000)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, tr("Over Oogst"), tr(
            "<h3>Oogst {version}</h3><p>Voor begeleiders van participatiebijeenkomsten: "
            "alles wat de zaal oplevert, veilig bewaard op deze laptop.</p><p>Oogst werkt "
            "volledig zonder internet. Elke wijziging wordt meteen opgeslagen; back-ups "
            "staan in je eigen gebruikersmap.</p>", version=__version__))

    def set_zoom(self, zoom: float) -> None:
        self._zoom = min(2.0, max(0.8, round(zoom, 1)))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, self._zoom)

    def _on_full_screen_toggled(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    # --------------------------------------------------------------- lifecycle
    def _restore_state(self) -> str:
        """Geometry, toolbars, zoom and sidebar as last left; returns the page to show first."""
        keys = [k for k, *_ in self._pages]
        first = "agenda" if "agenda" in keys else keys[0]
        if not window_ini_exists():
            return first  # first run: nothing to restore (and QSettings is slow to start)
        stored = window_settings()
        geometry, state = stored.value("main/geometry"), stored.value("main/state")
        if geometry is not None:
            self.restoreGeometry(geometry)  # with its maximized state, clamped to the screen
            self.small_screen = False
        if state is not None:
            self.restoreState(state)
        zoom = float(stored.value("view/zoom", 1.0) or 1.0)
        if abs(zoom - 1.0) > 0.01:
            self.set_zoom(zoom)
        self.sidebar_action.setChecked(str(stored.value("view/sidebar", "true")).lower() != "false")
        page = str(stored.value("view/page", first))
        return page if page in keys else first

    def close_to_start(self) -> None:
        self._back_to_start = True
        if not self.close():
            self._back_to_start = False

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.book.closed:
            super().closeEvent(event)
            self.deleteLater()
            return
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()  # a field being edited commits now, while the book is open
        stored = window_settings()
        stored.setValue("main/geometry", self.saveGeometry())
        stored.setValue("main/state", self.saveState())
        stored.setValue("view/zoom", self._zoom)
        stored.setValue("view/sidebar", self.sidebar_action.isChecked())
        row = self.navigation.currentRow()
        if 0 <= row < len(self._pages):
            stored.setValue("view/page", self._pages[row][0])
        self.backup_timer.stop()
        self.backups.wait()
        if self._backups and self.book.edits_since_backup > 0:
            from app.storage.backups import take_backup

            try:  # in the foreground: the workbook closes right after
                take_backup(self.book, "close")
            except Exception as exc:
                QMessageBox.warning(self, tr("Back-up mislukt"), error_sentence(exc))
        self.ctx.detach()
        try:
            self.book.close()
        except Exception as exc:  # the data is committed already; say it, close anyway
            QMessageBox.warning(self, tr("Sluiten"), error_sentence(exc))
        self.closed.emit(self, self._back_to_start)
        super().closeEvent(event)
        # A closed window is deleted (WA_DeleteOnClose, set without Qt's enum: roles.py).
        self.deleteLater()

    def sizeHint(self) -> QSize:
        return QSize(*DEFAULT_SIZE)
