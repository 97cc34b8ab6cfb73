"""The seating page: plan in a worker, cards per round, swaps with undo, pins, cancel, print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QUndoStack

from app.domain import AgendaDay, Attendance, Participant, Seat, SeatingRule
from app.storage import Workbook
from sessions.seating import evaluate
from sessions.seating_workbook import stored_rounds
from widgets.seating_cards import seat_mime
from widgets.seating_view import SeatingPage


@pytest.fixture
def page(qtbot, demo: Workbook) -> Iterator[SeatingPage]:
    stack = QUndoStack()
    widget = SeatingPage(demo, stack)
    widget._test_stack = stack
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def plan(qtbot, page: SeatingPage, **kw) -> object:
    kw.setdefault("rounds", 3)
    kw.setdefault("table_size", 8)
    kw.setdefault("time_limit", 0.5)
    with qtbot.waitSignal(page.planning_finished, timeout=30_000) as blocker:
        assert page.start_planning(**kw) is not None
        assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
        assert not page.plan_button.isEnabled()
    return blocker.args[0]


def groups_of(book: Workbook) -> dict[str, str | None]:
    return {p.id: p.group_id or None for p in book.all(Participant)}


def quality_of(page: SeatingPage):
    groups = groups_of(page.book)
    seated = {pid for rnd in page.rounds for table in rnd for pid in table}
    return evaluate(page.rounds, {pid: groups[pid] for pid in seated})


def test_planning_in_a_worker_shows_cards_per_round(qtbot, page: SeatingPage,
                                                     demo: Workbook) -> None:
    assert page.empty_label.isVisibleTo(page) and not page.rounds
    result = plan(qtbot, page)
    assert page.worker is None and page.plan_button.isEnabled()
    assert stored_rounds(demo) == result.rounds == page.rounds
    assert len(page.board.cards) == 3
    assert all(len(cards) == 9 for cards in page.board.cards)
    day = demo.all(AgendaDay)[0]
    away = {a.participant_id for a in demo.all(Attendance, day_id=day.id)
            if a.status == "absent"}
    present = {p.id for p in demo.all(Participant) if p.role == "participant"} - away
    for r, cards in enumerate(page.board.cards, start=1):
        shown = [chip.pid for card in cards for chip in card.chips]
        assert sorted(shown) == sorted(present)
        assert all(chip.round_no == r for card in cards for chip in card.chips)
    assert page.quality.repeat_pairs == 0
    assert "0" in page.quality_strip.repeats_label.text()
    assert "#DDEFE3" in page.quality_strip.styleSheet()  # green: nobody meets twice
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    assert stored_rounds(demo) == [] and page.board.cards == []


def test_swap_by_drop_is_stored_recomputed_and_undone(qtbot, page: SeatingPage,
                                                      demo: Workbook) -> None:
    plan(qtbot, page)
    before = [list(map(list, rnd)) for rnd in page.rounds]
    a = page.rounds[1][0][0]
    b = page.rounds[1][1][0]
    target = page.board.chip(2, b)
    mime = seat_mime(2, a)  # kept alive: the event does not own it
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(page.board.swap_requested):
        target.dropEvent(event)
    assert demo.get(Seat, Seat.key(2, a)).table_no == 2
    assert demo.get(Seat, Seat.key(2, b)).table_no == 1
    assert page.board.table_of(2, a) == 2 and page.board.table_of(2, b) == 1
    assert page.quality == quality_of(page)
    assert page.quality.repeat_pairs == evaluate(
        stored_rounds(demo), groups_of(demo)).repeat_pairs
    assert page.undo_stack.count() == 2
    page.undo_stack.undo()
    assert demo.get(Seat, Seat.key(2, a)).table_no == 1
    assert stored_rounds(demo) == before == page.rounds
    assert page.quality == quality_of(page)


def test_a_swap_that_makes_people_meet_twice_is_shown(qtbot, page: SeatingPage) -> None:
    plan(qtbot, page)
    # a person of round 1 table 1 meets a table-mate again when moved to where that
    # table-mate sits in round 2
    a, mate = page.rounds[0][0][0], page.rounds[0][0][1]
    table_mate = page.board.table_of(2, mate)
    if page.board.table_of(2, a) == table_mate:
        pytest.skip("already together")
    b = page.rounds[1][table_mate - 1][-1] if page.rounds[1][table_mate - 1][-1] != mate \
        else page.rounds[1][table_mate - 1][0]
    assert page.swap(2, a, b)
    assert page.quality.repeat_pairs >= 1
    assert "#FFF1D6" in page.quality_strip.styleSheet()
    assert page.board.chip(2, a).repeats


def test_swap_within_one_table_does_nothing(qtbot, page: SeatingPage) -> None:
    plan(qtbot, page)
    a, b = page.rounds[0][0][:2]
    assert not page.swap(1, a, b)
    assert page.undo_stack.count() == 1


def test_cancel_leaves_the_plan_as_it_was(qtbot, page: SeatingPage, demo: Workbook) -> None:
    with qtbot.waitSignal(page.planning_cancelled, timeout=30_000):
        page.start_planning(rounds=8, table_size=8, time_limit=30)
        page.cancel_planning()
    assert stored_rounds(demo) == [] and page.worker is None
    assert page.plan_button.isEnabled() and not page.progress.isVisibleTo(page)


def test_pins_and_apart_rules_are_respected(qtbot, page: SeatingPage, demo: Workbook) -> None:
    people = [p for p in demo.all(Participant) if p.role == "participant"]
    present = {pid for rnd in stored_rounds(demo) for t in rnd for pid in t}
    day = demo.all(AgendaDay)[0]
    away = {a.participant_id for a in demo.all(Attendance, day_id=day.id)
            if a.status != "present"}
    a, b, c = [p.id for p in people if p.id not in away and p.id not in present][:3]
    assert page.pin(a, 9)
    assert demo.all(SeatingRule)[0].table_no == 9
    assert page.keep_apart(b, c) and not page.keep_apart(c, b)
    plan(qtbot, page, time_limit=0.5)
    for rnd in page.rounds:
        assert a in rnd[8]
        assert not any(b in t and c in t for t in rnd)
    assert page.board.chip(1, a).pinned
    assert page.unpin(a) and not demo.all(SeatingRule, kind="pin")


def test_replan_from_a_round_keeps_earlier_rounds(qtbot, page: SeatingPage,
                                                  demo: Workbook) -> None:
    plan(qtbot, page, rounds=4)
    first = [list(map(list, rnd)) for rnd in page.rounds[:2]]
    leaving = page.rounds[2][0][0]
    day = demo.all(AgendaDay)[0]
    demo.insert(Attendance(id=Attendance.key(leaving, day.id), participant_id=leaving,
                           day_id=day.id, status="left_early"))
    assert "Ingedeeld maar afwezig" in page.notice_label.text()
    assert page.notice_label.isVisibleTo(page)
    result = plan(qtbot, page, rounds=4, keep=2)
    assert not page.notice_label.isVisibleTo(page)
    assert page.rounds[:2] == first
    assert len(page.rounds) == 4
    assert all(leaving not in t for rnd in page.rounds[2:] for t in rnd)
    assert result.moved <= 6  # the gap left by one person is filled with a few moves


def test_print_from_the_page_writes_pdfs(qtbot, page: SeatingPage, tmp_path: Path) -> None:
    plan(qtbot, page, rounds=2)
    for kind, name in (("lists", "tafellijsten.pdf"), ("cards", "tafelkaarten.pdf"),
                       ("slips", "jouw-tafels.pdf")):
        with qtbot.waitSignal(page.print_finished, timeout=30_000) as blocker:
            page.print_to(kind, tmp_path)
        assert blocker.args[0] == [tmp_path / name]
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")


def test_undo_of_a_new_plan_brings_back_the_old_one(qtbot, page: SeatingPage,
                                                     demo: Workbook) -> None:
    plan(qtbot, page)
    a, b = page.rounds[2][0][0], page.rounds[2][1][0]
    assert page.swap(3, a, b)  # the stored plan now differs from any fresh plan
    before = stored_rounds(demo)
    plan(qtbot, page, rounds=4)
    assert len(stored_rounds(demo)) == 4
    page.undo_stack.undo()
    assert stored_rounds(demo) == before == page.rounds
    page.undo_stack.redo()
    assert len(stored_rounds(demo)) == 4


def test_day_chooser_seats_who_is_there_that_day(qtbot, page: SeatingPage,
                                                  demo: Workbook) -> None:
    """Someone absent on day 2 only: day 1's plan seats them, day 2's notice and plan
    leave them out. The chooser lists every agenda day."""
    days = sorted(demo.all(AgendaDay), key=lambda d: d.position)
    assert page.day_combo.count() == len(days) == 3
    assert page.day_combo.itemText(1) == "Dag 2 · do 26 nov 2026"  # as the header says it
    plan(qtbot, page, rounds=2)
    away = page.rounds[0][0][0]
    demo.insert(Attendance(id=Attendance.key(away, days[1].id), participant_id=away,
                           day_id=days[1].id, status="absent"))
    page.day_combo.setCurrentIndex(0)
    assert not page.notice_label.isVisibleTo(page)
    page.day_combo.setCurrentIndex(1)
    assert page.day_combo.day_id() == days[1].id
    assert "Ingedeeld maar afwezig" in page.notice_label.text()
    plan(qtbot, page, rounds=2)
    assert all(away not in t for rnd in page.rounds for t in rnd)
