"""Board widgets (pytest-qt): capture by keyboard, drag between states, voting, undo
through the QUndoStack; the now bar; the projector follows and shows nothing private."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFrame

from app import board_ops as ops
from app.board_records import (
    ActionPlan,
    ActionStep,
    Attachment,
    Commitment,
    CommonGround,
    Dot,
    GroupStatement,
    PlanMember,
    Scenario,
    TimelineEntry,
    Trend,
)
from app.domain import Participant, StakeholderGroup
from app.storage import Workbook
from sessions.boards import BOARD_KINDS
from sessions.demo_boards import flipchart_png
from widgets.boards import BOARD_WIDGETS, BoardBase
from widgets.boards.lists import ListBoard
from widgets.boards_page import BoardsPage


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Workbook]:
    book = Workbook.open(demo_path)
    yield book
    book.close()


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def make(qtbot, kind: str, book: Workbook, stack: QUndoStack, **kwargs) -> BoardBase:
    board = BOARD_WIDGETS[kind](book, stack, **kwargs)
    qtbot.addWidget(board)
    board.resize(1400, 900)
    board.show()
    return board


def settle(board: BoardBase) -> None:
    QApplication.processEvents()
    board.flush()


def type_line(qtbot, board: BoardBase, text: str) -> None:
    line = board.capture_bar.line
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    settle(board)


def drag(board: ListBoard, ids: list[str], target_scope: dict, row: int = -1) -> None:
    """What a drop does: the source's MIME data dropped on the target list."""
    source = next(v for v in board.views if any(r.id == ids[0] for r in v.card_model().rows))
    target = next(v for v in board.views if v.scope == target_scope)
    rows = [r for r, card in enumerate(source.card_model().rows) if card.id in ids]
    mime = source.card_model().mimeData([source.model().index(r, 0) for r in rows])
    target.card_model().dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, QModelIndex())
    settle(board)


@pytest.mark.parametrize("kind", sorted(BOARD_WIDGETS))
def test_every_board_opens_on_the_demo(qtbot, demo: Workbook, stack: QUndoStack,
                                       kind: str) -> None:
    assert kind in BOARD_KINDS
    for read_only in (False, True):
        board = make(qtbot, kind, demo, stack, read_only=read_only)
        assert board.read_only is read_only
        assert not hasattr(board, "capture_bar") or not read_only


def test_card_model_is_a_valid_item_model(qtmodeltester, qtbot, demo: Workbook,
                                          stack: QUndoStack) -> None:
    board = make(qtbot, "common_ground", demo, stack)
    for view in board.views:
        qtmodeltester.check(view.card_model())


def test_timeline_capture_tab_drag_edit_undo(qtbot, book: Workbook,
                                             stack: QUndoStack) -> None:
    board = make(qtbot, "timeline", book, stack)
    assert board.capture_bar.fields() == {"lane": "personal"}
    type_line(qtbot, board, "1998: Muziekkwartier open")
    board.activateWindow()
    board.capture_bar.line.setFocus()
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    assert board.capture_bar.fields() == {"lane": "world"}
    assert QApplication.focusWidget() in (board.capture_bar.line, None)  # Tab stays put
    type_line(qtbot, board, "2020 Corona")
    entries = {e.text: e for e in book.all(TimelineEntry)}
    assert (entries["Muziekkwartier open"].lane, entries["Muziekkwartier open"].year) == (
        "personal", 1998)
    assert entries["Corona"].lane == "world"
    cell = next(v for v in board.views if v.scope == {"lane": "world", "decade": 2020})
    assert [r.text for r in cell.card_model().rows] == ["Corona"]
    # drag to the topic lane in the 2010s: the entry takes that decade
    drag(board, [entries["Corona"].id], {"lane": "topic", "decade": 2010})
    moved = book.get(TimelineEntry, entries["Corona"].id)
    assert (moved.lane, moved.year, moved.decade_only) == ("topic", 2010, True)
    # edit in place, with a new year
    view = next(v for v in board.views if v.scope == {"lane": "personal", "decade": 1990})
    view.model().setData(view.model().index(0, 0), "1999 Muziekkwartier geopend")
    settle(board)
    edited = book.get(TimelineEntry, entries["Muziekkwartier open"].id)
    assert (edited.year, edited.text) == (1999, "Muziekkwartier geopend")
    stack.undo()
    stack.undo()
    settle(board)
    assert book.get(TimelineEntry, entries["Corona"].id).lane == "world"
    board.span_spin.setValue(50)
    assert board.decades[0] == (board.end_year - 50) // 10 * 10


def test_mindmap_capture_subtrend_vote_move_merge(qtbot, book: Workbook,
                                                  stack: QUndoStack) -> None:
    board = make(qtbot, "mindmap", book, stack)
    type_line(qtbot, board, "Drugsoverlast")
    type_line(qtbot, board, "Leegstand")
    main = {t.text: t for t in book.all(Trend)}
    board.select_item(main["Drugsoverlast"].id)
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    assert board.capture_bar.fields() == {"parent_id": main["Drugsoverlast"].id}
    type_line(qtbot, board, "Dealen bij de supermarkt")
    sub = next(t for t in book.all(Trend) if t.parent_id)
    assert sub.text == "Dealen bij de supermarkt"
    assert set(board.nodes) == {t.id for t in book.all(Trend)}
    # dot-vote mode: a click on a node puts a dot of the chosen group on it
    group = book.all(StakeholderGroup)[2]
    board.vote_bar.toggle.setChecked(True)
    board.vote_bar.set_group(group.id)
    node = board.nodes[main["Leegstand"].id]
    point = board.view.mapFromScene(node.scenePos())
    qtbot.mouseClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    settle(board)
    assert [(d.target_id, d.group_id) for d in book.all(Dot)] == [(main["Leegstand"].id,
                                                                   group.id)]
    assert board.ranking_list.item(0).text().startswith("1  ·  Leegstand")
    assert board.vote_bar.left.text().endswith("4 stippen")
    stack.undo()
    settle(board)
    assert book.count(Dot) == 0
    # moved by hand: position kept and marked placed
    board.vote_bar.toggle.setChecked(False)
    node = board.nodes[sub.id]
    node.setSelected(True)
    node.setPos(node.pos().x() + 50, node.pos().y() + 20)
    board.nodes_moved([node])
    settle(board)
    placed = book.get(Trend, sub.id)
    assert placed.placed and board.nodes[sub.id].pos().x() == pytest.approx(placed.x)
    # merge the two main trends, then undo
    board.scene.clearSelection()
    board.nodes[main["Drugsoverlast"].id].setSelected(True)
    board.nodes[main["Leegstand"].id].setSelected(True)
    assert board.merge_selected()
    settle(board)
    assert book.count(Trend) == 2 and book.get(Trend, sub.id).parent_id == main[
        "Drugsoverlast"].id
    stack.undo()
    settle(board)
    assert book.count(Trend) == 3


def test_group_lists_capture_regroup_merge_delete(qtbot, book: Workbook,
                                                  stack: QUndoStack) -> None:
    board = make(qtbot, "group_lists", book, stack)
    groups = book.all(StakeholderGroup)
    type_line(qtbot, board, "Wij melden overlast")
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    assert board.capture_bar.fields() == {"group_id": groups[1].id, "kind": "doing"}
    type_line(qtbot, board, "Wij delen signalen")
    type_line(qtbot, board, "wij delen signalen in de app")
    rows = {s.text: s for s in book.all(GroupStatement)}
    assert rows["Wij melden overlast"].group_id == groups[0].id
    # drag to the "wanting" list of the fourth group
    drag(board, [rows["Wij melden overlast"].id], {"group_id": groups[3].id, "kind": "wanting"})
    moved = book.get(GroupStatement, rows["Wij melden overlast"].id)
    assert (moved.group_id, moved.kind) == (groups[3].id, "wanting")
    # multi-select and merge duplicates
    view = next(v for v in board.views if v.scope == {"group_id": groups[1].id,
                                                       "kind": "doing"})
    view.selectAll()
    assert board.merge_selected()
    settle(board)
    merged = [s for s in book.all(GroupStatement) if s.group_id == groups[1].id]
    assert [s.text for s in merged] == ["Wij delen signalen\nwij delen signalen in de app"]
    # delete with the Delete key
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    settle(board)
    assert not [s for s in book.all(GroupStatement) if s.group_id == groups[1].id]
    stack.undo()
    stack.undo()
    settle(board)
    assert len([s for s in book.all(GroupStatement) if s.group_id == groups[1].id]) == 2


def test_prouds_and_sorries(qtbot, book: Workbook, stack: QUndoStack) -> None:
    board = make(qtbot, "prouds_sorries", book, stack)
    assert board.capture_bar.fields()["kind"] == "proud"
    type_line(qtbot, board, "Trots op het wijkpunt")
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    type_line(qtbot, board, "Spijt dat we te laat kwamen")
    assert [(s.kind, s.text) for s in book.all(GroupStatement)] == [
        ("proud", "Trots op het wijkpunt"), ("sorry", "Spijt dat we te laat kwamen")]


def test_common_ground_drag_between_states_vote_and_undo(qtbot, book: Workbook,
                                                         stack: QUndoStack) -> None:
    board = make(qtbot, "common_ground", book, stack)
    assert board.capture_bar.fields() == {"status": "unresolved"}
    board.tables_edit.setText("3, 5")
    type_line(qtbot, board, "Korte lijnen")
    type_line(qtbot, board, "Wie betaalt het wijkpunt?")
    first, second = book.all(CommonGround)
    assert first.tables == "3, 5"
    drag(board, [first.id], {"status": "agreed"})
    assert book.get(CommonGround, first.id).status == "agreed"
    # Alt+3 style move of the selection, by keyboard
    board.select_item(second.id)
    assert board.move_selected("project")
    settle(board)
    assert book.get(CommonGround, second.id).status == "project"
    # voting by clicking a card
    board.vote_bar.toggle.setChecked(True)
    view = next(v for v in board.views if v.scope == {"status": "agreed"})
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(board)
    assert [d.target_id for d in book.all(Dot)] == [first.id]
    assert view.card_model().rows[0].dots
    stack.undo()
    stack.undo()
    stack.undo()
    settle(board)
    assert {c.status for c in book.all(CommonGround)} == {"unresolved"}
    assert book.count(Dot) == 0


def test_scenarios_capture_edit_and_photo(qtbot, book: Workbook, stack: QUndoStack,
                                          tmp_path: Path) -> None:
    board = make(qtbot, "scenarios", book, stack)
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    type_line(qtbot, board, "Binnenstad als huiskamer")
    scenario = book.all(Scenario)[0]
    assert (scenario.table_no, scenario.title, scenario.horizon) == (
        3, "Binnenstad als huiskamer", 2036)
    board.narrative_edit.setFocus()
    board.narrative_edit.setPlainText("Het is gelukt.")
    board.title_edit.setFocus()
    settle(board)
    assert book.get(Scenario, scenario.id).narrative == "Het is gelukt."
    photo = tmp_path / "flap.png"
    photo.write_bytes(flipchart_png(3))
    assert board.attach_files([photo]) == 1
    settle(board)
    assert board.photos.count() == 1
    assert book.all(Attachment)[0].data == photo.read_bytes()
    stack.undo()
    settle(board)
    assert board.photos.count() == 0


def test_action_plan_form(qtbot, book: Workbook, stack: QUndoStack) -> None:
    people = [Participant(first_name="Sanne", last_name="Bos", email="sanne@example.org"),
              Participant(first_name="Daan", last_name="Smit")]
    book.insert_many(people)
    board = make(qtbot, "action_plans", book, stack)
    type_line(qtbot, board, "Wijkpunt aan de Heurne")
    plan = book.all(ActionPlan)[0]
    assert board.current_id() == plan.id
    board.owner_combo.setCurrentIndex(board.owner_combo.findData(people[0].id))
    board.owner_combo.activated.emit(board.owner_combo.currentIndex())
    board.member_combo.setCurrentIndex(board.member_combo.findData(people[1].id))
    board.add_member.click()
    board.add_step.click()
    settle(board)
    board.steps.item(0, 0).setText("Sleutel regelen")
    settle(board)
    assert book.get(ActionPlan, plan.id).owner_id == people[0].id
    assert [m.participant_id for m in book.all(PlanMember)] == [people[1].id]
    assert [s.what for s in book.all(ActionStep)] == ["Sleutel regelen"]
    assert "sanne@example.org" not in board.owner_combo.currentText()
    for _ in range(4):
        stack.undo()
    settle(board)
    assert book.get(ActionPlan, plan.id).owner_id == ""
    assert book.count(ActionStep) == 0 and book.count(PlanMember) == 0


def test_commitments_by_keyboard(qtbot, book: Workbook, stack: QUndoStack) -> None:
    person = Participant(first_name="Noor", last_name="Brink")
    book.insert(person)
    for title in ("Lichtplan", "Partnertafel"):
        book.insert(ActionPlan(title=title))
    board = make(qtbot, "commitments", book, stack)
    board.person_combo.setCurrentIndex(board.person_combo.findData(person.id))
    qtbot.keyClick(board.capture_bar.line, Qt.Key.Key_Tab)
    type_line(qtbot, board, "Ik zit de eerste partnertafel voor")
    commitment = book.all(Commitment)[0]
    assert book.get(ActionPlan, commitment.plan_id).title == "Partnertafel"
    assert commitment.participant_id == person.id
    assert board.by_person.topLevelItem(0).child(0).text(1) == commitment.text
    head = next(board.by_plan.topLevelItem(i) for i in range(2)
                if board.by_plan.topLevelItem(i).childCount())
    head.child(0).setText(1, "Ik zit de eerste drie partnertafels voor")
    settle(board)
    assert book.get(Commitment, commitment.id).text.endswith("drie partnertafels voor")
    stack.undo()
    stack.undo()
    settle(board)
    assert book.count(Commitment) == 0


def test_capture_hint_makes_way_for_typing_on_a_narrow_board(qtbot, demo: Workbook,
                                                              stack: QUndoStack) -> None:
    board = make(qtbot, "commitments", demo, stack)  # a person box and a date share its row
    capture = board.capture_bar
    qtbot.waitUntil(lambda: not capture.hint.isHidden())  # 1400 px: room for the key hint
    board.resize(860, 900)  # with the hint the line would keep ~30 px
    qtbot.waitUntil(lambda: capture.hint.isHidden())
    qtbot.waitUntil(lambda: capture.line.width() >= capture.ROOM_TO_TYPE)
    board.resize(1400, 900)
    qtbot.waitUntil(lambda: not capture.hint.isHidden())
    assert capture.line.width() >= capture.ROOM_TO_TYPE


@pytest.mark.parametrize("kind", ["group_lists", "prouds_sorries"])
def test_group_cards_per_row_follow_the_room(qtbot, demo: Workbook, stack: QUndoStack,
                                             kind: str) -> None:
    # Four cards per row left ~120 px per list next to the board list on a 1366 px
    # laptop: statements wrapped after every word and the fourth card was cut off.
    board = make(qtbot, kind, demo, stack)
    cards = [board.findChild(QFrame, f"group_card_{n}") for n in range(8)]
    row_of = lambda card: board.grid.getItemPosition(board.grid.indexOf(card))[0]  # noqa: E731
    board.resize(860, 700)  # the board's room in a 1366 px window
    qtbot.waitUntil(lambda: board.columns == 2)
    assert [row_of(card) for card in cards] == [0, 0, 1, 1, 2, 2, 3, 3]
    # lists wide enough to read, and no card past the right edge
    qtbot.waitUntil(lambda: all(view.width() >= 150 for view in board.views))
    assert cards[1].geometry().right() <= board.scroll.viewport().width()
    assert board.scroll.horizontalScrollBar().maximum() == 0
    board.resize(1700, 900)  # a wide screen or the projector
    qtbot.waitUntil(lambda: board.columns == 4)
    assert [row_of(card) for card in cards] == [0, 0, 0, 0, 1, 1, 1, 1]
    board.resize(400, 700)
    qtbot.waitUntil(lambda: board.columns == 1)
    assert len(board.views) == 16  # placed again, not rebuilt


def test_now_bar_timer_and_shortcuts(qtbot, demo: Workbook, stack: QUndoStack) -> None:
    now = [1000.0]
    page = BoardsPage(demo, stack)
    qtbot.addWidget(page)
    page.show()
    bar = page.now_bar
    bar.clock = lambda: now[0]
    bar.set_index(1)
    assert page.current_kind() == "timeline"
    assert bar.clock_label.text() == "90:00"
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    focus = page.search
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_F5)
    assert bar.running
    now[0] += 60 * 89 + 30
    bar._tick()
    assert bar.clock_label.text() == "00:30"
    qtbot.keyClick(focus, Qt.Key.Key_F6)
    assert bar.clock_label.text() == "05:30"
    now[0] += 60 * 6
    bar._tick()
    assert bar.clock_label.text() == "+00:30" and "B3261E" in bar.clock_label.styleSheet()
    qtbot.keyClick(focus, Qt.Key.Key_F5)
    assert not bar.running
    qtbot.keyClick(focus, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focus, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert bar.current().board == "mindmap" and page.current_kind() == "mindmap"
    assert bar.next_label.text().startswith("Straks: ")


def test_projector_follows_and_shows_nothing_private(qtbot, demo: Workbook,
                                                     stack: QUndoStack) -> None:
    page = BoardsPage(demo, stack)
    qtbot.addWidget(page)
    page.show()
    projector = page.open_projector()
    page.now_bar.set_index(1)
    assert projector.task.text() == page.now_bar.current().title
    assert projector.prompt.text() == page.now_bar.current().prompt
    assert projector.kind == "timeline" and projector.board.read_only
    page.now_bar.toggle()
    assert projector.clock.text() == page.now_bar.clock_label.text()
    private = [v for p in demo.all(Participant) for v in (p.email, p.phone, p.notes) if v]
    assert private
    for kind in page.kinds():
        page.show_board(kind)
        assert projector.kind == kind
        settle(projector.board)
        text = projector.visible_text()
        assert not [v for v in private if v in text], kind
        assert "@" not in text
    # an edit on the facilitator's board shows up on the projector
    page.show_board("common_ground")
    board = page.board("common_ground")
    type_line(qtbot, board, "Iedereen welkom in de binnenstad")
    settle(projector.board)
    assert "Iedereen welkom in de binnenstad" in projector.visible_text()
    projector.close()
    QApplication.processEvents()


def test_search_across_boards_jumps_to_the_item(qtbot, demo: Workbook,
                                                stack: QUndoStack) -> None:
    page = BoardsPage(demo, stack)
    qtbot.addWidget(page)
    page.search.setText("ideeen")  # nothing in the demo
    assert page.hits.item(0).text() == "Niets gevonden"
    page.search.setText("WIJKPUNT heurne")
    assert page.hits.count() >= 2
    item = next(page.hits.item(i) for i in range(page.hits.count())
                if page.hits.item(i).text().startswith("Actieplannen"))
    page._on_hits_item_activated(item)
    assert page.current_kind() == "action_plans"
    board = page.board("action_plans")
    assert demo.get(ActionPlan, board.current_id()).title == "Wijkpunt aan de Heurne"
    assert ops.search(demo, "wijkpunt heurne")
