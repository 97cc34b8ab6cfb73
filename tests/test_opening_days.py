"""Opening days of a post: stored as agenda days, counted against logged concerns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from app.domain import AgendaDay
from app.logbook import IntakeDraft, intake_command
from app.opening_days import (
    add_day_command,
    check_date,
    days_without_entry,
    next_open_date,
    opening_days,
)
from app.storage import Workbook
from sessions.setup import create_workbook
from widgets.opening_days_page import OpeningDaysPage


@pytest.fixture
def logbook(tmp_path: Path):
    book = create_workbook(tmp_path / "post.oogst", "logbook", "Wijkpunt Oost")
    yield book
    book.close()


def log(book: Workbook, when: dt.datetime, text: str = "Lantaarn kapot") -> None:
    intake_command(IntakeDraft(text=text), now=when).apply(book)


def test_days_count_the_concerns_logged_on_them(logbook: Workbook) -> None:
    add_day_command(logbook, "2026-11-18", "Redemptoristenpark, 14.00-17.00").apply(logbook)
    add_day_command(logbook, "25-11-2026", "Markt").apply(logbook)
    log(logbook, dt.datetime(2026, 11, 18, 15, 5))
    log(logbook, dt.datetime(2026, 11, 18, 16, 40))
    log(logbook, dt.datetime(2026, 11, 20, 10, 0))  # a note from the office
    days = opening_days(logbook)
    assert [(d.date, d.place, d.concerns) for d in days] == [
        ("2026-11-18", "Redemptoristenpark, 14.00-17.00", 2), ("2026-11-25", "Markt", 0)]
    assert days_without_entry(logbook) == ["2026-11-20"]


def test_bad_dates_are_refused_in_one_sentence(logbook: Workbook) -> None:
    with pytest.raises(ValueError, match="geen datum"):
        add_day_command(logbook, "volgende week")
    assert check_date(" 2026-11-25 ") == "2026-11-25"
    add_day_command(logbook, "2026-11-23").apply(logbook)
    assert next_open_date(logbook, dt.date(2026, 11, 23)) == "2026-11-24"


def test_page_adds_edits_and_undoes(qtbot, logbook: Workbook) -> None:
    stack = QUndoStack()
    page = OpeningDaysPage(logbook, stack)
    qtbot.addWidget(page)
    page.test_refs = stack
    page.show()  # a hidden page recounts only when it shows again
    assert page.add_day("2026-11-18", "Caravan bij de Lidl")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Caravan bij de Lidl"
    assert page.model.setData(page.model.index(0, 1), "Caravan bij het park")
    assert logbook.all(AgendaDay)[0].title == "Caravan bij het park"
    log(logbook, dt.datetime(2026, 11, 18, 14, 30))
    assert page.model.index(0, 2).data() == 1  # the count follows new concerns
    stack.undo()
    assert logbook.all(AgendaDay)[0].title == "Caravan bij de Lidl"
    page.table.selectRow(0)
    assert page.delete_selected()
    assert page.model.rowCount() == 0 and not logbook.all(AgendaDay)
    stack.undo()
    assert page.model.rowCount() == 1


def test_header_of_a_logbook_counts_opening_days(qtbot, logbook: Workbook) -> None:
    from PySide6.QtWidgets import QWidget

    from widgets.event_header import EventHeader
    from widgets.workbook_signals import WorkbookContext

    host = QWidget()
    qtbot.addWidget(host)
    header = EventHeader(WorkbookContext(logbook, host), host)
    add_day_command(logbook, "2026-11-18", "Park").apply(logbook)
    header.refresh()
    assert header.counts_label.text() == "Openingsdagen: 1"
    assert "deelnemers" not in header.counts_label.text()


def test_hidden_page_recounts_when_shown(qtbot, logbook: Workbook) -> None:
    stack = QUndoStack()
    page = OpeningDaysPage(logbook, stack)
    qtbot.addWidget(page)
    add_day_command(logbook, "2026-11-18", "Park").apply(logbook)
    log(logbook, dt.datetime(2026, 11, 18, 14, 30))
    page.show()
    assert page.model.index(0, 2).data() == 1
    page.hide()
    log(logbook, dt.datetime(2026, 11, 18, 15, 30))
    assert page.model.index(0, 2).data() == 1  # not recounted while hidden
    page.show()
    assert page.model.index(0, 2).data() == 2
