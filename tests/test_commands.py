"""Undo and redo of every kind of edit, stored in the file each time."""

from __future__ import annotations

from app.commands import AddRecords, Compound, DeleteRecords, EditFields, UndoStack
from app.domain import AgendaBlock, Event, Participant, StakeholderGroup
from app.storage import Workbook


def reopened(book: Workbook) -> Workbook:
    return Workbook.open(book.path)


def test_edit_fields_undo_redo(book: Workbook) -> None:
    stack = UndoStack(book)
    event = book.event()
    stack.push(EditFields("titel", Event, event.id, {"title": "Binnenstad 2035"}))
    assert book.event().title == "Binnenstad 2035"
    stack.undo()
    assert book.event().title == "Veilige binnenstad"
    with reopened(book) as other:
        assert other.event().title == "Veilige binnenstad"
    stack.redo()
    assert book.event().title == "Binnenstad 2035"


def test_add_records_undo_redo(book: Workbook) -> None:
    stack = UndoStack(book)
    person = Participant(first_name="Esmé", last_name="Bakker")
    stack.push(AddRecords("deelnemer", [person]))
    assert book.get(Participant, person.id) == person
    stack.undo()
    assert book.get(Participant, person.id) is None
    stack.redo()
    assert book.get(Participant, person.id) == person


def test_delete_records_undo_redo(book: Workbook) -> None:
    stack = UndoStack(book)
    ids = [g.id for g in book.all(StakeholderGroup)[:3]]
    stack.push(DeleteRecords("groepen", StakeholderGroup, ids))
    assert not {g.id for g in book.all(StakeholderGroup)} & set(ids)
    stack.undo()
    assert set(ids) <= {g.id for g in book.all(StakeholderGroup)}
    stack.redo()
    assert not {g.id for g in book.all(StakeholderGroup)} & set(ids)


def test_compound_is_one_undo_step(book: Workbook) -> None:
    stack = UndoStack(book)
    block = book.all(AgendaBlock)[0]
    person = Participant(first_name="Noor")
    stack.push(Compound("samen", [
        EditFields("min", AgendaBlock, block.id, {"minutes": 45}),
        AddRecords("p", [person]),
    ]))
    assert book.get(AgendaBlock, block.id).minutes == 45
    stack.undo()
    assert book.get(AgendaBlock, block.id).minutes == block.minutes
    assert book.get(Participant, person.id) is None
    assert not stack.undo() or True  # further undo is harmless


def test_new_edit_clears_redo(book: Workbook) -> None:
    stack = UndoStack(book)
    event = book.event()
    stack.push(EditFields("a", Event, event.id, {"venue": "A"}))
    stack.undo()
    stack.push(EditFields("b", Event, event.id, {"venue": "B"}))
    assert stack.redo() is False
    assert book.event().venue == "B"
