"""Start screen, new workbook, opening (errors, passphrases) and the demo."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import gui
from app.settings import Settings
from app.storage import Workbook
from sessions.setup import create_workbook
from widgets import opening
from widgets.app_controller import AppController, demo_path
from widgets.start_screen import MISSING_ROLE, StartScreen


@pytest.fixture
def controller(qtbot) -> Iterator[AppController]:
    ctl = AppController(Settings())
    yield ctl
    for window in list(ctl.windows):
        window.close()
    if ctl.start_screen is not None:
        ctl.start_screen.close()
        ctl.start_screen.deleteLater()


def test_recent_files_are_listed_and_missing_ones_marked(qtbot, tmp_path: Path) -> None:
    present = tmp_path / "aanwezig.oogst"
    create_workbook(present, "future-search", "Aanwezig").close()
    gone = tmp_path / "weg.oogst"
    settings = Settings()
    settings.add_recent(gone)
    settings.add_recent(present)
    screen = StartScreen(settings)
    qtbot.addWidget(screen)
    assert screen.recent_entries() == [(str(present.resolve()), False),
                                       (str(gone.resolve()), True)]
    missing = screen.recent_list.item(1)
    assert missing.data(MISSING_ROLE) is True
    assert "niet gevonden" in missing.text()
    assert "niet gevonden" not in screen.recent_list.item(0).text()
    with qtbot.waitSignal(screen.open_requested) as opened:
        screen.recent_list.itemActivated.emit(screen.recent_list.item(0))
    assert opened.args == [str(present.resolve())]


def test_empty_recent_list_says_so(qtbot) -> None:
    screen = StartScreen(Settings())
    qtbot.addWidget(screen)
    assert screen.recent_entries() == []
    assert screen.recent_list.count() == 1


def test_a_method_is_chosen_by_click_space_or_return(qtbot) -> None:
    screen = StartScreen(Settings())
    qtbot.addWidget(screen)
    form = screen.new_form
    cards = {card.key: card for card in form.method_cards}
    assert form.method() == "future-search" and cards["future-search"].is_selected()
    qtbot.mouseClick(cards["logbook"], Qt.MouseButton.LeftButton)
    assert form.method() == "logbook"
    assert [card.key for card in form.method_cards if card.is_selected()] == ["logbook"]
    qtbot.keyClick(cards["social-design"], Qt.Key.Key_Space)
    assert form.method() == "social-design"
    qtbot.keyClick(cards["network-meeting"], Qt.Key.Key_Return)
    assert form.method() == "network-meeting"
    assert [card.key for card in form.method_cards if card.is_selected()] == ["network-meeting"]


def test_return_in_the_new_workbook_dialog_creates_once(qtbot, tmp_path: Path) -> None:
    from widgets.new_workbook import NewWorkbookDialog

    dialog = NewWorkbookDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    asked: list[str] = []
    form.ask_path = lambda: asked.append("asked") or str(tmp_path / "binnenstad")
    qtbot.mouseClick(form.method_cards[-1], Qt.MouseButton.LeftButton)  # a card had focus
    form.title_edit.setFocus()
    qtbot.keyClicks(form.title_edit, "Binnenstad 2027")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert asked == ["asked"]  # one request, for the method chosen
    assert dialog.request is not None
    assert dialog.request[1:3] == (form.method_cards[-1].key, "Binnenstad 2027")


def test_new_workbook_from_the_start_screen(qtbot, controller: AppController,
                                            tmp_path: Path) -> None:
    screen = controller.show_start()
    form = screen.new_form
    assert {card.key for card in form.method_cards} >= {"future-search", "social-design"}
    form.set_method("social-design")
    form.title_edit.setText("Vraagstukken 2027")
    target = tmp_path / "vraagstukken"
    form.ask_path = lambda: str(target)
    with qtbot.waitSignal(screen.new_requested) as requested:
        form.create_button.click()
    path, method, title, start, _lang = requested.args
    assert (path, method, title) == (str(target) + ".oogst", "social-design", "Vraagstukken 2027")
    assert len(start) == 10
    window = controller.windows[0]
    assert window.book.event().title == "Vraagstukken 2027"
    assert window.book.event().method == "social-design"
    assert Settings().recent_files()[0] == str(Path(path).resolve())
    assert not screen.isVisible()


def test_open_error_offers_backups_and_returns_none(qtbot, tmp_path: Path,
                                                    monkeypatch) -> None:
    junk = tmp_path / "kapot.oogst"
    junk.write_bytes(b"dit is geen werkboek" * 20)
    said: list[str] = []
    monkeypatch.setattr(opening, "show_open_error",
                        lambda parent, path, message: said.append(message))
    assert opening.open_workbook(None, junk) is None
    assert len(said) == 1 and "kapot.oogst" in said[0]


def test_a_workbook_open_in_another_oogst_is_refused_without_backups(
        qtbot, tmp_path: Path, monkeypatch, controller: AppController) -> None:
    path = tmp_path / "bezet.oogst"
    create_workbook(path, "future-search", "Bezet").close()
    said: list[str] = []
    monkeypatch.setattr(opening, "show_in_use", lambda parent, message: said.append(message))
    monkeypatch.setattr(opening, "show_open_error", lambda *a: pytest.fail("backups offered"))
    with Workbook.open(path, exclusive=True):  # as another Oogst would hold it
        assert controller.open_path(path) is None
        assert controller.windows == []
    assert len(said) == 1 and "bezet.oogst is al geopend" in said[0]
    window = controller.open_path(path)  # closed there: opens here, and holds it
    assert window is not None and window.book.claim.held
    window.close()
    assert not window.book.claim.held


def test_the_demo_open_in_another_oogst_is_not_rebuilt(qtbot, controller: AppController,
                                                       monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sessions.demo import rebuild_demo

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    with rebuild_demo(demo_path()) as elsewhere:
        assert controller.open_demo() is None
        assert elsewhere.event().title.startswith("Veilige en leefbare binnenstad")
    assert len(warned) == 1 and "al geopend" in warned[0]


def test_encrypted_workbook_asks_again_after_a_wrong_passphrase(tmp_path: Path,
                                                                monkeypatch) -> None:
    path = tmp_path / "geheim.oogst"
    create_workbook(path, "logbook", "Caravan", passphrase="goed").close()
    answers, reasons = iter(["fout", "goed"]), []

    def ask(parent, name, reason=""):
        reasons.append(reason)
        return next(answers)

    monkeypatch.setattr(opening, "ask_passphrase", ask)
    book = opening.open_workbook(None, path)
    assert book is not None and book.event().title == "Caravan"
    book.close()
    assert "versleuteld" in reasons[0] and "klopt niet" in reasons[1]


def test_start_opens_a_path_and_falls_back_to_the_start_screen(qtbot, tmp_path: Path,
                                                               monkeypatch) -> None:
    path = tmp_path / "a.oogst"
    create_workbook(path, "future-search", "Eerste").close()
    ctl = gui.start(str(path))
    assert [w.book.path for w in ctl.windows] == [path]
    assert ctl.open_path(path) is ctl.windows[0]  # the same file is not opened twice
    ctl.windows[0].close()
    monkeypatch.setattr(opening, "show_open_error", lambda *a: None)
    ctl2 = gui.start(str(tmp_path / "bestaat-niet.oogst"))
    assert ctl2.windows == [] and ctl2.start_screen.isVisible()
    ctl2.start_screen.close()


def test_start_checks_the_workbook_on_a_second_thread_while_it_loads(
        qtbot, tmp_path: Path, checks_before_opening: list[tuple[str, bool]]) -> None:
    import threading

    path = tmp_path / "a.oogst"
    create_workbook(path, "future-search", "Eerste").close()
    ctl = gui.start(str(path))
    assert checks_before_opening == [("oogst-check-ahead", True),
                                     (threading.current_thread().name, False)]
    assert not ctl.windows[0].book.check_pending
    ctl.windows[0].close()


def test_start_leaves_garbage_collection_as_it_found_it(qtbot, tmp_path: Path,
                                                         monkeypatch) -> None:
    """Start-up makes collections rare while it builds; afterwards they run as before,
    also when opening fails (a session without them would only grow)."""
    before = gc.get_threshold()
    path = tmp_path / "a.oogst"
    create_workbook(path, "future-search", "Eerste").close()
    ctl = gui.start(str(path))
    assert gc.get_threshold() == before and gc.isenabled()
    ctl.windows[0].close()
    monkeypatch.setattr(AppController, "open_path", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        gui.start(str(path))
    assert gc.get_threshold() == before


def test_demo_is_rebuilt_each_time(qtbot, controller: AppController) -> None:
    first = controller.open_demo()
    assert first is not None and first.book.path == demo_path()
    first_id = first.book.workbook_id
    second = controller.open_demo()  # closes the old demo window, builds a fresh file
    assert second.book.workbook_id != first_id
    assert second.book.event().title.startswith("Veilige en leefbare binnenstad")
    assert len(controller.windows) == 1
    assert Settings().recent_files() == []  # the demo is not a recent file


def test_run_gui_exits_cleanly(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, QApplication.closeAllWindows)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert gui.run_gui() == 0
    QApplication.closeAllWindows()


def test_reopened_file_is_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.oogst"
    create_workbook(path, "network-meeting", "Netwerk").close()
    with Workbook.open(path) as book:
        assert book.event().method == "network-meeting"
