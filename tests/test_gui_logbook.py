"""The logbook in the GUI: intake by keyboard, the list, search, undo, lock, passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from app.logbook import IntakeDraft, ThemeIndex, intake_command
from app.logbook_records import Concern
from app.storage import Workbook
from sessions.setup import create_workbook
from widgets.concern_model import ConcernTableModel
from widgets.logbook_page import LogbookPage

SECRET = "paardenstal correct batterij"


@pytest.fixture
def logbook(tmp_path: Path):
    book = create_workbook(tmp_path / "caravan.oogst", "logbook", "Caravan", passphrase=SECRET)
    yield book
    book.close()


@pytest.fixture
def page(qtbot, logbook: Workbook) -> LogbookPage:
    stack = QUndoStack()
    window = QMainWindow()
    widget = LogbookPage(logbook, stack)
    window.setCentralWidget(widget)
    widget.test_refs = (window, stack)  # keep the window and the stack alive with the page
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: QTest types ASCII only, so ë and friends go as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         char))


def concerns(book: Workbook) -> list[Concern]:
    return book.all(Concern)


def test_intake_by_keyboard_stores_a_concern(qtbot, page: LogbookPage) -> None:
    intake = page.intake
    intake.text.setFocus()
    type_text(qtbot, intake.text, "Ideeën voor de speeltuin")
    qtbot.keyClick(intake.text, Qt.Key.Key_Return)  # no theme yet: moves on to the theme
    assert not concerns(page.book)
    assert intake.text.toPlainText() == "Ideeën voor de speeltuin"
    qtbot.keyClicks(intake.theme, "jong")  # suggestions pop up; Enter takes the first and saves
    qtbot.keyClick(intake.theme, Qt.Key.Key_Return)
    stored = concerns(page.book)
    assert len(stored) == 1
    themes = ThemeIndex.of(page.book)
    assert stored[0].text == "Ideeën voor de speeltuin"
    assert themes.label(stored[0].theme_id) == "Jongeren"
    assert stored[0].contact_name == "" and not stored[0].consent_contact
    assert intake.text.toPlainText() == "" and intake.theme.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.text, timeout=2000)
    assert page.model.rowCount() == 1
    assert "speeltuin" in page.model.index(0, 3).data()


def test_enter_in_the_theme_suggestions_picks_one_and_saves(qtbot, page: LogbookPage) -> None:
    intake = page.intake
    qtbot.keyClicks(intake.text, "Pad is donker")
    qtbot.keyClicks(intake.theme, "licht")
    popup = intake.theme_completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    [stored] = concerns(page.book)
    assert ThemeIndex.of(page.book).label(stored.theme_id) == "Verlichting"


def test_enter_in_text_saves_when_theme_is_set_and_shift_enter_is_a_new_line(
        qtbot, page: LogbookPage) -> None:
    intake = page.intake
    qtbot.keyClicks(intake.theme, "Verlichting")
    intake.theme_completer.popup().hide()
    qtbot.keyClicks(intake.street, "Heurne")
    intake.street_completer.popup().hide()
    qtbot.keyClicks(intake.text, "Lamp kapot")
    qtbot.keyClick(intake.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(intake.text, "al weken")
    qtbot.keyClick(intake.text, Qt.Key.Key_Return)
    [stored] = concerns(page.book)
    assert stored.text == "Lamp kapot\nal weken" and stored.street == "Heurne"
    assert "Heurne" in intake.street_completer.model().stringList()


def test_ctrl_enter_always_saves_and_undo_removes(qtbot, page: LogbookPage) -> None:
    intake = page.intake
    qtbot.keyClicks(intake.text, "Zomaar iets")
    qtbot.keyClick(intake.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [stored] = concerns(page.book)
    assert ThemeIndex.of(page.book).label(stored.theme_id) == "Overig"
    assert page.model.rowCount() == 1
    page.undo_stack.undo()
    assert concerns(page.book) == [] and page.model.rowCount() == 0
    page.undo_stack.redo()
    assert page.model.rowCount() == 1 and page.model.index(0, 3).data() == "Zomaar iets"


def test_consent_reveals_contact_fields_with_retention(qtbot, page: LogbookPage) -> None:
    intake = page.intake
    assert not intake.contact_box.isVisible()
    intake.consent.setChecked(True)
    assert intake.contact_box.isVisible()
    qtbot.keyClicks(intake.contact_name, "Jan Pijs")
    qtbot.keyClicks(intake.text, "Bel me terug over het portiek")
    intake.theme.setText("Drugsoverlast")
    qtbot.keyClick(intake.text, Qt.Key.Key_Return)
    [stored] = concerns(page.book)
    assert stored.consent_contact and stored.contact_name == "Jan Pijs"
    assert stored.retention_until == intake.retention.date().toString("yyyy-MM-dd")
    assert not intake.consent.isChecked() and not intake.contact_box.isVisible()


def test_list_shows_concerns_and_search_filters(qtbot, page: LogbookPage) -> None:
    themes = ThemeIndex.of(page.book)
    for text in ("Ideeën voor het plein", "Lantaarnpaal kapot", "Scooters bij de flat"):
        intake_command(IntakeDraft(text=text, theme_id=themes.top[0].id)).apply(page.book)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.keyClicks(page.search, "ideeen")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.index(0, 3).data() == "Ideeën voor het plein"
    assert "gevonden" in page.count_label.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    page.select_row(1)
    assert page.detail.concern_id == page.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert page.detail.content.isVisible()


def test_concern_model_is_a_valid_model(qtmodeltester, logbook: Workbook) -> None:
    from app.logbook import ensure_seeded

    ensure_seeded(logbook)
    themes = ThemeIndex.of(logbook)
    for i in range(250):
        intake_command(IntakeDraft(text=f"melding {i}", theme_id=themes.top[i % 8].id,
                                   urgency=i % 3)).apply(logbook)
    model = ConcernTableModel(logbook)
    assert model.rowCount() == 250
    qtmodeltester.check(model)
    assert model.index(249, 3).data() == "melding 0"


def test_partner_table_page_shows_counts(qtbot, logbook: Workbook) -> None:
    from widgets.partner_table_page import PartnerTablePage

    page = PartnerTablePage(logbook, QUndoStack())
    qtbot.addWidget(page)
    themes = ThemeIndex.of(logbook)
    intake_command(IntakeDraft(text="Dealen", theme_id=themes.top[0].id)).apply(logbook)
    qtbot.waitUntil(lambda: page.chart.counts.total() == 1, timeout=2000)
    assert "1 nieuwe meldingen" in page.changes.item(0).text()


def test_idle_lock_hides_and_unlocks_with_the_passphrase(qtbot, page: LogbookPage) -> None:
    from widgets.idle_lock import IdleLock

    window = page.window()
    lock = IdleLock(window, page.book, minutes=10)
    lock.lock()
    assert lock.is_locked and lock.overlay.isVisible()
    assert lock.overlay.geometry() == window.rect()
    qtbot.keyClicks(page.intake.text, "mag niet")  # input under the overlay is swallowed
    assert page.intake.text.toPlainText() == ""
    qtbot.keyClicks(lock.overlay.passphrase, "fout")
    qtbot.keyClick(lock.overlay.passphrase, Qt.Key.Key_Return)
    assert lock.is_locked and "klopt niet" in lock.overlay.error.text()
    qtbot.keyClicks(lock.overlay.passphrase, SECRET)
    qtbot.keyClick(lock.overlay.passphrase, Qt.Key.Key_Return)
    assert not lock.is_locked


def test_change_passphrase_dialog(qtbot, logbook: Workbook) -> None:
    from widgets.passphrase_dialog import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(logbook)
    qtbot.addWidget(dialog)
    dialog.current.setText("fout")
    dialog.new.setText("nieuwe zin 123")
    dialog.repeat.setText("nieuwe zin 123")
    dialog._on_buttons_accepted()
    assert "klopt niet" in dialog.error.text()
    dialog.current.setText(SECRET)
    dialog._on_buttons_accepted()
    assert dialog.result() == dialog.DialogCode.Accepted
    path = logbook.path
    logbook.close()
    Workbook.open(path, "nieuwe zin 123").close()


def test_closed_pages_stop_listening_to_the_workbook(qtbot, logbook: Workbook) -> None:
    from widgets.partner_table_page import PartnerTablePage

    for cls in (LogbookPage, PartnerTablePage):
        page = cls(logbook, QUndoStack())
        listening = len(logbook._listeners)
        page.deleteLater()
        qtbot.waitUntil(lambda n=listening: len(logbook._listeners) == n - 1, timeout=2000)
    intake_command(IntakeDraft(text="na het sluiten")).apply(logbook)
