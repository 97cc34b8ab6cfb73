"""The main window on the demo: edit through the form, stored at once, undo and redo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox

from app.commands import EditFields
from app.domain import Event
from app.settings import Settings, config_dir
from app.storage import Workbook, WorkbookError
from widgets.main_window import MainWindow
from widgets.workbook_signals import WorkbookContext

pytestmark = pytest.mark.usefixtures("oogst_home")


def stored_event(path: Path) -> Event:
    """The event as a fresh connection reads it from the file."""
    with Workbook.open(path) as other:
        return other.event()


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    win = MainWindow(Workbook.open(demo_path), Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_title_edit_is_stored_then_undone_and_redone(qtbot, window: MainWindow,
                                                     demo_path: Path) -> None:
    form = window.show_page("event")
    old = stored_event(demo_path).title
    form.title_edit.selectAll()
    qtbot.keyClicks(form.title_edit, "Samen de binnenstad in")
    assert stored_event(demo_path).title == old  # nothing stored per keystroke
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)  # editingFinished
    assert stored_event(demo_path).title == "Samen de binnenstad in"
    assert window.windowTitle() == "Samen de binnenstad in — Oogst"
    assert window.header.title_label.text() == "Samen de binnenstad in"
    assert window.ctx.undo_stack.count() == 1

    window.undo_action.trigger()
    assert stored_event(demo_path).title == old
    assert form.title_edit.text() == old
    window.redo_action.trigger()
    assert stored_event(demo_path).title == "Samen de binnenstad in"
    assert "Opgeslagen om" in window.saved_label.text()


def test_undo_redo_shortcuts(qtbot, window: MainWindow, demo_path: Path) -> None:
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")  # what the menu shows
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    window.activateWindow()
    qtbot.waitActive(window)
    title = stored_event(demo_path).title
    assert window.ctx.push(EditFields("titel", Event, window.book.event().id,
                                      {"title": "Via het toetsenbord"}))
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    assert stored_event(demo_path).title == title
    qtbot.keyClick(window, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert stored_event(demo_path).title == "Via het toetsenbord"
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    qtbot.keyClick(window, Qt.Key.Key_Y, control)  # redo as on Windows, too
    assert stored_event(demo_path).title == "Via het toetsenbord"
    qtbot.keyClick(window, Qt.Key.Key_Y, control)  # nothing left to redo: nothing happens
    assert window.ctx.undo_stack.index() == window.ctx.undo_stack.count() == 1


def test_one_command_per_finished_edit_not_per_key(qtbot, window: MainWindow,
                                                   demo_path: Path) -> None:
    form = window.show_page("event")
    form.venue_edit.clear()
    qtbot.keyClicks(form.venue_edit, "Stadhuis")
    form.venue_edit.editingFinished.emit()
    form.venue_edit.editingFinished.emit()  # nothing changed the second time
    assert window.ctx.undo_stack.count() == 1
    assert stored_event(demo_path).venue == "Stadhuis"


def test_multiline_and_dates_commit_on_focus_out(qtbot, window: MainWindow,
                                                 demo_path: Path) -> None:
    form = window.show_page("event")
    form.question_edit.setPlainText("Wat maakt de binnenstad veilig?")
    form.question_edit.editing_finished.emit()
    form.end_date_edit.clear_button.click()
    event = stored_event(demo_path)
    assert event.question == "Wat maakt de binnenstad veilig?"
    assert event.end_date == ""
    form.level_combo.setCurrentIndex(form.level_combo.findData("meebeslissen"))
    form.level_combo.activated.emit(form.level_combo.currentIndex())
    assert stored_event(demo_path).participation_level == "meebeslissen"
    assert window.ctx.undo_stack.count() == 3


def test_refresh_does_not_clobber_the_field_being_edited(qtbot, window: MainWindow) -> None:
    form = window.show_page("event")
    window.activateWindow()
    form.venue_edit.setFocus()
    qtbot.waitUntil(form.venue_edit.hasFocus)
    form.venue_edit.setText("Half getypt")
    event = window.book.event()
    window.ctx.push(EditFields("Titel", Event, event.id, {"title": "Elders gewijzigd"}))
    assert form.title_edit.text() == "Elders gewijzigd"
    assert form.venue_edit.text() == "Half getypt"


def test_failing_command_is_reported_not_raised(qtbot, window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda parent, title, text: shown.append(text))

    class Broken:
        text = "Kapot"

        def apply(self, book: Workbook) -> None:
            raise WorkbookError("Dit ging mis.")

        def revert(self, book: Workbook) -> None:
            pass

    assert window.ctx.push(Broken()) is False
    assert shown == ["Dit ging mis."]
    assert window.ctx.undo_stack.count() == 0


def test_pages_docks_and_toolbars_have_names(window: MainWindow) -> None:
    from PySide6.QtWidgets import QDockWidget, QToolBar

    for widget in window.findChildren(QToolBar) + window.findChildren(QDockWidget):
        assert widget.objectName()
    keys = ("event", "agenda", "participants", "seating", "boards")
    for key in keys:
        assert window.show_page(key) is window.current_page()
    assert window.navigation.count() == len(keys)


def test_no_page_makes_the_window_wider_than_a_small_laptop_screen(qtbot,
                                                                   window: MainWindow) -> None:
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    for key in ("event", "agenda", "participants", "seating", "boards"):
        page = window.show_page(key)
        qtbot.wait(10)
        assert window.width() == 1280 and window.height() == 720, key
        assert window.minimumSizeHint().width() <= 1366, key
        assert page.isVisible()


def test_a_page_is_built_inside_the_window_and_styled_once(qtbot, styled,
                                                          demo_path: Path) -> None:
    """A page built on its own and then moved into the window is styled a second time
    (Qt re-polishes a moved widget under the stylesheet): ~3 ms at start-up."""
    from PySide6.QtCore import QEvent, QObject

    restyled: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.StyleChange, QEvent.Type.ParentChange):
                restyled.append(type(watched).__name__)
            return False

    watch = Watch()
    styled.installEventFilter(watch)
    try:
        win = MainWindow(Workbook.open(demo_path), Settings())
        qtbot.addWidget(win)
        for key in ("event", "agenda"):  # they fit: not moved into a scroll area after
            win.page(key)
    finally:
        styled.removeEventFilter(watch)
    for page_class in ("EventForm", "AgendaView", "QTreeView", "QHeaderView"):
        assert page_class not in restyled, page_class
    assert win.page("agenda").parentWidget() is win.pages


def test_participants_page_fits_a_laptop_window_without_scrolling_sideways(
        qtbot, styled, window: MainWindow) -> None:
    window.resize(1360, 700)  # the window on a 1366 x 768 screen
    qtbot.waitUntil(lambda: window.width() == 1360)
    page = window.show_page("participants")
    qtbot.wait(10)
    assert window.width() == 1360
    assert page.minimumSizeHint().width() <= window.pages.width()  # no sideways scrolling
    for button in (page.import_button, page.export_button, page.delete_button,
                   page.add_button):
        right = button.mapTo(window, QPoint(button.width(), 0)).x()
        assert right <= window.width(), button.text()
    for field in (page.first_edit, page.last_edit, page.org_edit):
        assert field.width() >= 100  # room to type a name


def test_seating_page_fits_a_laptop_window_without_scrolling_sideways(
        qtbot, styled, window: MainWindow) -> None:
    window.resize(1360, 700)
    qtbot.waitUntil(lambda: window.width() == 1360)
    page = window.show_page("seating")
    qtbot.wait(10)
    assert window.width() == 1360
    assert page.minimumSizeHint().width() <= window.pages.width()
    for button in (page.plan_button, page.replan_button, page.slips_button):
        assert button.mapTo(window, QPoint(button.width(), 0)).x() <= window.width()


def test_every_board_fits_a_laptop_window_without_scrolling_sideways(
        qtbot, styled, window: MainWindow) -> None:
    # They needed up to 1,580 px next to the board list: the readings panel and the
    # delete button sat past the right edge of a 1366 x 768 screen. The scenarios'
    # form needed 666 px in height: every board scrolled, capture line and all.
    window.resize(1360, 728)  # a 1366 x 768 screen less a task bar
    qtbot.waitUntil(lambda: window.width() == 1360)
    page = window.show_page("boards")
    assert len(page.kinds()) == 8
    for kind in page.kinds():
        board = page.show_board(kind)
        qtbot.wait(10)
        assert window.width() == 1360, kind
        assert page.minimumSizeHint().width() <= window.pages.width(), kind
        assert page.minimumSizeHint().height() <= window.pages.height(), kind
        for button in (board.merge_button, board.delete_button):
            assert button.mapTo(window, QPoint(button.width(), 0)).x() <= window.width(), kind
        # Nor does anything inside a board: the action plan's form (its combo boxes were
        # as wide as a name with its organisation) and the commitments' dates did.
        sideways = [type(area).__name__ for area in board.findChildren(QAbstractScrollArea)
                    if area.isVisible() and area.horizontalScrollBar().isVisible()]
        assert sideways == [], kind
    panel = page.board("timeline").readings_panel
    assert panel.mapTo(window, QPoint(panel.width(), 0)).x() <= window.width()
    names = page.picker
    assert names.sizeHintForColumn(0) <= names.viewport().width()  # every board name whole


def test_first_window_fits_the_screen_it_opens_on(qtbot, demo_path: Path) -> None:
    from widgets.app_controller import AppController

    controller = AppController(Settings())
    window = controller.open_path(demo_path)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()  # offscreen: 800 x 800, smaller than 1360 x 860
    assert window.small_screen and window.isMaximized()
    assert window.height() <= room.height()
    assert window.width() <= max(room.width(), window.minimumSizeHint().width())


@pytest.mark.parametrize(("room", "expected"), [
    ((1920, 1040), (1360, 860)),  # a desktop screen: the size as designed
    ((1366, 728), (1350, 688)),  # a laptop with a taskbar: the free area, less the frame
    ((1280, 1024), (1264, 860)),
    ((300, 200), (480, 360)),  # never smaller than usable
])
def test_fitted_size_keeps_a_window_on_its_screen(room: tuple[int, int],
                                                  expected: tuple[int, int]) -> None:
    from widgets.screen_fit import fitted_size

    assert fitted_size((1360, 860), room) == expected


def test_close_saves_window_state_in_oogst_home_and_closes_book(qtbot, demo_path: Path) -> None:
    window = MainWindow(Workbook.open(demo_path), Settings())  # deletes itself on close
    window.show()
    book = window.book
    with qtbot.waitSignal(window.closed) as closed:
        window.close()
    assert closed.args == [window, False]
    assert book.closed
    assert (config_dir() / "window.ini").exists()


def test_signals_adapter_emits_after_commit(qtbot, book: Workbook) -> None:
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    ctx = WorkbookContext(book, holder)
    with qtbot.waitSignal(ctx.signals.changed) as blocker:
        book.update(Event, book.event().id, venue="Wijkcentrum")
    assert blocker.args[0].touches("event")
    ctx.detach()


def test_gui_module_imports_no_qt_until_called() -> None:
    code = "import sys, app.gui; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True)
    assert out.stdout.strip() == "False"


def test_closing_the_window_keeps_a_half_finished_edit(qtbot, demo_path: Path) -> None:
    window = MainWindow(Workbook.open(demo_path), Settings())
    window.show()
    qtbot.waitExposed(window)
    form = window.show_page("event")
    window.activateWindow()
    form.contact_edit.setFocus()
    qtbot.waitUntil(form.contact_edit.hasFocus)
    form.contact_edit.setText("Marloes, 06-12345678")
    window.close()
    assert stored_event(demo_path).contact == "Marloes, 06-12345678"


def test_agenda_rows_are_roomy_and_grow_with_the_text(qtbot, styled, demo_path: Path) -> None:
    """The rows' height comes from the style sheet (no Python runs to size or paint a
    cell): the view is polished before its rows are laid out, or they stay 17 px."""
    win = MainWindow(Workbook.open(demo_path), Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    tree = win.show_page("agenda").tree
    day = tree.model().index(0, 0)
    block = tree.model().index(0, 0, day)

    def roomy() -> bool:
        room = tree.fontMetrics().height() + 11  # 28 px at the usual 10.5 pt
        return all(tree.visualRect(i).height() >= room for i in (day, block))

    assert roomy()
    minutes = tree.model().index(0, 1, day)  # an editor fills its row, less a small margin
    tree.setCurrentIndex(minutes)
    tree.edit(minutes)
    editors = [w for w in tree.viewport().findChildren(QAbstractSpinBox) if w.isVisible()]
    assert len(editors) == 1 and editors[0].height() >= tree.visualRect(minutes).height() - 6
    qtbot.keyClick(editors[0], Qt.Key.Key_Escape)  # closed, nothing written
    assert not editors[0].isVisible()
    before = tree.visualRect(block).height()
    win.set_zoom(1.5)
    qtbot.waitUntil(lambda: tree.visualRect(block).height() > before)
    assert roomy()


def test_the_sidebar_hides_and_stays_hidden_in_the_next_window(qtbot, demo_path: Path) -> None:
    """Ctrl+B gives a board the sidebar's room; pages still switch with Ctrl+1…"""
    window = MainWindow(Workbook.open(demo_path), Settings())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page_width = window.pages.width()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not window.navigation.isVisible()
    qtbot.waitUntil(lambda: window.pages.width() > page_width + 150)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.page("event")
    with qtbot.waitSignal(window.closed):
        window.close()
    again = MainWindow(Workbook.open(demo_path), Settings())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.navigation.isVisible() and not again.sidebar_action.isChecked()
    again.sidebar_action.trigger()
    assert again.navigation.isVisible()
