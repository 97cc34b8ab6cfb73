"""Edits as plain commands with apply/revert: undoable and testable without Qt.

Each ``apply`` and ``revert`` is one transaction, durable when it returns.
Undo never deletes history: it writes a new change that restores the old
values (or a tombstone), which is also what keeps merging correct.
The GUI wraps these once in a ``QUndoCommand``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from app.domain import Record
from app.storage.workbook import Workbook


class Command(Protocol):
    text: str

    def apply(self, book: Workbook) -> None: ...

    def revert(self, book: Workbook) -> None: ...


@dataclass(eq=False)  # a command is one edit: equal only to itself
class AddRecords:
    """Add records; undo tombstones them, redo brings them back as they were."""

    text: str
    records: list[Record]

    def apply(self, book: Workbook) -> None:
        book.insert_many(self.records)

    def revert(self, book: Workbook) -> None:
        with book.transaction():
            for record in self.records:
                book.delete(type(record), record.id)


@dataclass(eq=False)
class DeleteRecords:
    """Tombstone records (undo brings them back as they were)."""

    text: str
    cls: type[Record]
    ids: list[str]

    def apply(self, book: Workbook) -> None:
        with book.transaction():
            for row_id in self.ids:
                book.delete(self.cls, row_id)

    def revert(self, book: Workbook) -> None:
        with book.transaction():
            for row_id in self.ids:
                book.restore(self.cls, row_id)


@dataclass(eq=False)
class EditFields:
    """Set some fields of one record; remembers the old values on first apply."""

    text: str
    cls: type[Record]
    row_id: str
    new: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)

    def apply(self, book: Workbook) -> None:
        old = book.update(self.cls, self.row_id, **self.new)
        if not self.old:
            self.old = old

    def revert(self, book: Workbook) -> None:
        book.update(self.cls, self.row_id, **self.old)


@dataclass(eq=False)
class Compound:
    """Several commands as one edit (one transaction, one undo step)."""

    text: str
    commands: list[Command]

    def apply(self, book: Workbook) -> None:
        with book.transaction():
            for command in self.commands:
                command.apply(book)

    def revert(self, book: Workbook) -> None:
        with book.transaction():
            for command in reversed(self.commands):
                command.revert(book)


class UndoStack:
    """A Qt-free undo stack (used by the CLI and tests; the GUI uses QUndoStack)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command) -> None:
        command.apply(self.book)
        self._done.append(command)
        self._undone.clear()

    def undo(self) -> bool:
        if not self._done:
            return False
        command = self._done.pop()
        command.revert(self.book)
        self._undone.append(command)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        command = self._undone.pop()
        command.apply(self.book)
        self._done.append(command)
        return True
