"""Agenda page: add a block, edit minutes in place, undo; move up and down; delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from app.domain import AgendaBlock, AgendaDay
from app.settings import Settings
from app.storage import Workbook
from widgets.agenda_model import (
    COL_END,
    COL_GROUPING,
    COL_MINUTES,
    COL_START,
    COL_TITLE,
    AgendaModel,
)
from widgets.agenda_view import AgendaView
from widgets.main_window import MainWindow


@pytest.fixture
def view(qtbot, book: Workbook) -> AgendaView:
    win = MainWindow(book, Settings())
    qtbot.addWidget(win)
    return win.show_page("agenda")


def day_blocks(book: Workbook, n: int = 0) -> list[AgendaBlock]:
    day = book.all(AgendaDay)[n]
    return book.all(AgendaBlock, day_id=day.id)


def test_model_is_a_valid_item_model(qtmodeltester, view: AgendaView) -> None:
    qtmodeltester.check(view.model)


def test_add_block_edit_minutes_and_undo(view: AgendaView, book: Workbook) -> None:
    first = day_blocks(book)[0]
    before = len(day_blocks(book))
    view.select(first.id)
    view.add_block()
    blocks = day_blocks(book)
    assert len(blocks) == before + 1
    new = blocks[1]  # right after the selected block, starting when it ends
    assert new.title == "Nieuw onderdeel" and new.start == "13:30" and new.minutes == 30
    assert view.current_id() == new.id

    minutes = view.model.index_of(new.id, COL_MINUTES)
    assert view.model.setData(minutes, 45)
    assert book.get(AgendaBlock, new.id).minutes == 45
    assert view.model.index_of(new.id, COL_MINUTES).data() == "45 min"
    view.ctx.undo_stack.undo()
    assert book.get(AgendaBlock, new.id).minutes == 30
    view.ctx.undo_stack.undo()
    assert book.get(AgendaBlock, new.id) is None  # tombstoned
    assert len(day_blocks(book)) == before
    view.ctx.undo_stack.redo()
    assert book.get(AgendaBlock, new.id) is not None


def test_in_place_edits_validate(view: AgendaView, book: Workbook) -> None:
    block = day_blocks(book)[0]
    model: AgendaModel = view.model
    assert not model.setData(model.index_of(block.id, COL_START), "25:99")
    assert model.setData(model.index_of(block.id, COL_START), "9:05")
    assert model.setData(model.index_of(block.id, COL_TITLE), "  Welkom  ")
    assert not model.setData(model.index_of(block.id, COL_MINUTES), 0)
    stored = book.get(AgendaBlock, block.id)
    assert (stored.start, stored.title) == ("09:05", "Welkom")
    assert view.ctx.undo_stack.count() == 2


def test_minutes_through_the_delegate(qtbot, view: AgendaView, book: Workbook) -> None:
    block = day_blocks(book)[0]
    index = view.model.index_of(block.id, COL_MINUTES)
    delegate = view.tree.itemDelegate()
    editor = delegate.createEditor(view.tree.viewport(), None, index)
    delegate.setEditorData(editor, index)
    assert editor.value() == block.minutes
    editor.setValue(50)
    delegate.setModelData(editor, view.model, index)
    assert book.get(AgendaBlock, block.id).minutes == 50


def test_editors_start_from_the_stored_values(view: AgendaView, book: Workbook) -> None:
    day = book.all(AgendaDay)[0]
    assert view.model.setData(view.model.index_of(day.id, COL_START), "2026-11-25")
    day = book.get(AgendaDay, day.id)
    block = day_blocks(book)[0]
    delegate = view.tree.itemDelegate()
    cells = {(day.id, COL_START): lambda e: e.date().toString("yyyy-MM-dd") == day.date,
             (block.id, COL_START): lambda e: e.time().toString("HH:mm") == block.start,
             (block.id, COL_GROUPING): lambda e: e.currentData() == block.grouping,
             (block.id, COL_TITLE): lambda e: e.text() == block.title}
    for (row_id, column), starts_right in cells.items():
        index = view.model.index_of(row_id, column)
        assert index.flags() & Qt.ItemFlag.ItemIsEditable
        editor = delegate.createEditor(view.tree.viewport(), QStyleOptionViewItem(), index)
        delegate.setEditorData(editor, index)
        assert starts_right(editor), (row_id, column)
        editor.deleteLater()
    assert view.model.index_of(day.id, COL_START).data() != day.date  # shown as a date text
    end = view.model.index_of(block.id, COL_END)
    assert not end.flags() & Qt.ItemFlag.ItemIsEditable
    assert view.model.headerData(COL_TITLE, Qt.Orientation.Horizontal) == "Onderdeel"


def test_move_up_and_down_swaps_order_and_times(view: AgendaView, book: Workbook) -> None:
    a, b, c = day_blocks(book)[:3]  # 13:00 (30), 13:30 (90), 15:00 (60)
    view.select(b.id)
    view.move(-1)
    order = day_blocks(book)
    assert [x.id for x in order[:3]] == [b.id, a.id, c.id]
    assert (order[0].start, order[1].start) == ("13:00", "14:30")
    assert order[0].position < order[1].position < order[2].position
    assert view.current_id() == b.id
    view.move(1)
    order = day_blocks(book)
    assert [x.id for x in order[:3]] == [a.id, b.id, c.id]
    assert (order[0].start, order[1].start) == ("13:00", "13:30")
    view.ctx.undo_stack.undo()
    view.ctx.undo_stack.undo()
    assert [x.id for x in day_blocks(book)[:3]] == [a.id, b.id, c.id]


def test_alt_up_in_the_agenda_moves_the_block(qtbot, view: AgendaView, book: Workbook) -> None:
    a, b = day_blocks(book)[:2]
    window = view.window()
    window.show()
    qtbot.waitActive(window)
    view.select(b.id)
    view.tree.setFocus()
    qtbot.waitUntil(view.tree.hasFocus)
    qtbot.keyClick(view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [x.id for x in day_blocks(book)[:2]] == [b.id, a.id]


def test_block_at_the_top_moves_to_the_previous_day(view: AgendaView, book: Workbook) -> None:
    first_of_day_two = day_blocks(book, 1)[0]
    last_of_day_one = day_blocks(book, 0)[-1]
    view.select(first_of_day_two.id)
    view.move(-1)
    moved = day_blocks(book, 0)[-1]
    assert moved.id == first_of_day_two.id
    assert moved.start == "17:30"  # when the previous last block ends
    assert day_blocks(book, 0)[-2].id == last_of_day_one.id


def test_days_add_move_and_delete(view: AgendaView, book: Workbook) -> None:
    days = book.all(AgendaDay)
    view.add_day()
    assert len(book.all(AgendaDay)) == len(days) + 1
    view.select(days[1].id)
    view.move(-1)
    assert [d.id for d in book.all(AgendaDay)][:2] == [days[1].id, days[0].id]
    assert book.get(AgendaDay, days[1].id).date == days[0].date  # dates swap
    view.select(days[0].id)
    blocks = day_blocks(book, 1)
    view.delete_selected()
    assert book.get(AgendaDay, days[0].id) is None
    assert all(book.get(AgendaBlock, b.id) is None for b in blocks)
    view.ctx.undo_stack.undo()
    assert all(book.get(AgendaBlock, b.id) is not None for b in blocks)


def test_day_row_shows_total_and_end(view: AgendaView, book: Workbook) -> None:
    day = book.all(AgendaDay)[0]
    row = view.model.index_of(day.id, 0).row()
    total = view.model.index(row, COL_MINUTES).data()
    minutes = sum(b.minutes for b in day_blocks(book))
    assert total.startswith(str(minutes // 60))
    assert view.model.index(row, 2).data() == "17:30"


def cut_off(view: AgendaView) -> list[str]:
    """The texts of the cells too narrow for them (a day's long title may end in "…")."""
    tree, model = view.tree, view.model
    cut = []
    for d in range(model.rowCount()):
        day = model.index(d, 0)
        cells = [(model.index(d, c), True) for c in range(model.columnCount())]
        cells += [(model.index(b, c, day), False) for b in range(model.rowCount(day))
                  for c in range(model.columnCount())]
        for index, is_day in cells:
            if index.column() == COL_TITLE and is_day:
                continue
            if tree.visualRect(index).width() < tree.sizeHintForIndex(index).width():
                cut.append(index.data())
    return cut


def laptop_window(qtbot, book: Workbook) -> AgendaView:
    win = MainWindow(book, Settings(), backups=False)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    return win.show_page("agenda")


def test_on_a_laptop_screen_no_cell_of_the_demo_is_cut_off(qtbot, styled,
                                                         demo: Workbook) -> None:
    """At 1366 px wide, times, durations and choices show whole (the choice columns are
    as wide as their longest choice), and so does every block's title."""
    assert cut_off(laptop_window(qtbot, demo)) == []


def test_an_agenda_filled_after_opening_empty_still_fits(qtbot, styled,
                                                         book: Workbook) -> None:
    view = laptop_window(qtbot, book)
    view.tree.selectAll()
    view.delete_selected()
    assert book.all(AgendaDay) == []
    view = laptop_window(qtbot, book)  # opened on an empty agenda
    view.add_day()
    day = view.model.index(0, COL_START)
    assert view.model.setData(day, "2026-09-30")
    view.select(book.all(AgendaDay)[0].id)
    for _ in range(5):
        view.add_block()
    for block in book.all(AgendaBlock):
        view.model.setData(view.model.index_of(block.id, COL_MINUTES), 105)
    assert view.model.index(0, COL_MINUTES).data() == "8 u 45 min"
    assert cut_off(view) == []
