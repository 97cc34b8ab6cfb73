"""The participants table's columns as the user leaves them: hidden, moved, kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from app.domain import AgendaDay
from app.storage import Workbook
from widgets.column_layout import arranged
from widgets.participants_view import ParticipantsPage

HORIZONTAL = Qt.Orientation.Horizontal
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Workbook]:
    book = Workbook.open(demo_path)
    yield book
    book.close()


def open_page(qtbot, book: Workbook) -> ParticipantsPage:
    stack = QUndoStack()
    page = ParticipantsPage(book, stack)
    page._test_stack = stack
    qtbot.addWidget(page)
    return page


def shown_titles(page: ParticipantsPage) -> list[str]:
    """The column titles left to right as the table shows them."""
    header = page.table.horizontalHeader()
    model = page.table.model()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    return [model.headerData(i, HORIZONTAL) for i in logical if not header.isSectionHidden(i)]


def tick(page: ParticipantsPage, title: str) -> None:
    menu = page.column_layout.menu()
    action = next(a for a in menu.actions() if a.text() == title)
    assert action.isEnabled()
    action.trigger()


def test_arranged_keeps_new_keys_in_place_and_follows_the_saved_order() -> None:
    assert arranged(["a", "b", "c", "d"], ["c", "a"]) == ["c", "b", "a", "d"]
    assert arranged(["a", "b", "new"], ["b", "gone", "a", "b"]) == ["b", "a", "new"]
    assert arranged(["a", "b"], []) == ["a", "b"]


def test_a_column_hidden_from_the_header_menu_stays_hidden_next_time(qtbot,
                                                                      demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    assert "E-mail" in shown_titles(page)
    tick(page, "E-mail")
    tick(page, "Telefoon")
    assert "E-mail" not in shown_titles(page) and "Telefoon" not in shown_titles(page)
    menu = page.column_layout.menu()
    assert not next(a for a in menu.actions() if a.text() == "E-mail").isChecked()

    again = open_page(qtbot, demo)  # another window, or the next start
    assert "E-mail" not in shown_titles(again) and "Telefoon" not in shown_titles(again)
    assert shown_titles(again)[:4] == ["Voornaam", "Achternaam", "Organisatie", "Groep"]
    tick(again, "E-mail")
    assert "E-mail" in shown_titles(again)


def test_a_moved_column_keeps_its_place_next_time(qtbot, demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    day = demo.all(AgendaDay)[0]
    header = page.table.horizontalHeader()
    day_title = page.table.model().headerData(page.model.column_of(day.id), HORIZONTAL)
    header.moveSection(header.visualIndex(page.model.column_of(day.id)), 2)  # a drag
    assert shown_titles(page)[:3] == ["Voornaam", "Achternaam", day_title]
    again = open_page(qtbot, demo)
    assert shown_titles(again)[:3] == ["Voornaam", "Achternaam", day_title]


def test_the_last_column_shown_cannot_be_hidden_and_default_brings_all_back(
        qtbot, demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    all_titles = shown_titles(page)
    for title in all_titles[1:]:
        tick(page, title)
    assert shown_titles(page) == ["Voornaam"]
    menu = page.column_layout.menu()
    assert not next(a for a in menu.actions() if a.text() == "Voornaam").isEnabled()
    page.column_layout.set_shown("first_name", False)
    assert shown_titles(page) == ["Voornaam"]
    next(a for a in menu.actions() if a.text() == "Standaardkolommen").trigger()
    assert shown_titles(page) == all_titles
    assert shown_titles(open_page(qtbot, demo)) == all_titles


def test_a_day_removed_in_between_does_not_hide_the_next_day(qtbot, demo: Workbook) -> None:
    days = demo.all(AgendaDay)
    page = open_page(qtbot, demo)
    model = page.table.model()
    titles = {d.id: model.headerData(page.model.column_of(d.id), HORIZONTAL) for d in days}
    page.column_layout.set_shown(days[0].id, False)
    demo.delete(AgendaDay, days[0].id)  # the columns of days 2 and 3 move one place left
    assert titles[days[0].id] not in shown_titles(page)
    assert titles[days[1].id] in shown_titles(page) and titles[days[2].id] in shown_titles(page)
    assert page.column_layout.hidden() == []


def test_an_unreadable_stored_layout_counts_as_none(qtbot, demo: Workbook) -> None:
    from widgets.window_state import window_settings

    stored = window_settings()
    stored.setValue("columns/participants/hidden", "{not json")
    stored.setValue("columns/participants/order", "[1, 2")
    stored.sync()
    page = open_page(qtbot, demo)
    assert len(shown_titles(page)) == page.model.columnCount()
