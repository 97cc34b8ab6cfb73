"""Days and their blocks as a two-level tree of items, rebuilt from plain data read from
the workbook.

The cells live in a QStandardItemModel: painting the agenda runs no Python, and its
flags and header labels need no Python overrides. (Qt calls such overrides with Qt
enums, which would make PySide6 build the Qt namespace's enum types while the first
window opens: see widgets/roles.py.) Edits made in the view become undoable commands;
the items change only when the workbook does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from app.commands import EditFields
from app.domain import AgendaBlock, AgendaDay
from app.i18n import tr
from app.storage.workbook import Change
from sessions.boards import BOARD_KINDS, GROUPINGS
from widgets.agenda_ops import DayPlan, end_of
from widgets.formatting import date_text, duration, hhmm, parse_hhmm
from widgets.roles import BACKGROUND, DISPLAY, EDIT, EDIT_VALUE, FONT, FOREGROUND, TOOLTIP, USER
from widgets.workbook_signals import WorkbookContext

Index = QModelIndex | QPersistentModelIndex
Cell = dict[int, Any]  # role -> value
COL_START, COL_MINUTES, COL_END, COL_TITLE, COL_GROUPING, COL_BOARD = range(6)
ID_ROLE = USER + 1
IS_DAY_ROLE = USER + 2
_DAY_EDITABLE = frozenset({COL_START, COL_TITLE})
_BLOCK_EDITABLE = frozenset({COL_START, COL_MINUTES, COL_TITLE, COL_GROUPING, COL_BOARD})


def grouping_choices() -> list[tuple[str, str]]:
    return [(key, tr(text)) for key, text in GROUPINGS.items()]


def board_choices() -> list[tuple[str, str]]:
    return [(key, tr(text)) for key, text in BOARD_KINDS.items()]


class AgendaModel(QStandardItemModel):
    rebuilt = Signal()  # rows were replaced: the view restores selection and expansion

    def __init__(self, ctx: WorkbookContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: list[DayPlan] = []
        self.bold = QFont()
        self.bold.setBold(True)
        self._day_background = QColor("#E8F1EC")
        self._warn, self._muted = QColor("#B3261E"), QColor("#666B73")
        self.setHorizontalHeaderLabels([tr("Begin"), tr("Duur"), tr("Einde"), tr("Onderdeel"),
                                        tr("Indeling"), tr("Bord")])
        self.reload()
        self.ctx.signals.changed.connect(self._on_signals_changed)

    # ------------------------------------------------------------------ data in
    def _on_signals_changed(self, change: Change) -> None:
        if change.touches(AgendaDay.TABLE, AgendaBlock.TABLE):
            self.reload()

    def reload(self) -> None:
        """Re-read the agenda; keeps rows (and so selection) when only values changed."""
        book = self.ctx.book
        by_day: dict[str, list[AgendaBlock]] = {}
        for block in book.all(AgendaBlock):
            by_day.setdefault(block.day_id, []).append(block)
        plan = [DayPlan(day, by_day.get(day.id, [])) for day in book.all(AgendaDay)]
        shape = [(d.day.id, [b.id for b in d.blocks]) for d in plan]
        same = shape == [(d.day.id, [b.id for b in d.blocks]) for d in self.plan]
        self.plan = plan
        if same:
            self._update_cells()
            return
        self.setRowCount(0)
        root = self.invisibleRootItem()
        for day in plan:
            row = self._items(self._day_cells(day), _DAY_EDITABLE)
            for number in range(len(day.blocks)):
                row[0].appendRow(self._items(self._block_cells(day, number), _BLOCK_EDITABLE))
            root.appendRow(row)
        self.rebuilt.emit()

    def _items(self, cells: list[Cell], editable: frozenset[int]) -> list[QStandardItem]:
        items = []
        for column, cell in enumerate(cells):
            item = QStandardItem()
            item.setEditable(column in editable)
            item.setDragEnabled(False)
            item.setDropEnabled(False)
            for role, value in cell.items():
                item.setData(value, role)
            items.append(item)
        return items

    def _update_cells(self) -> None:
        """Set the values that changed (Qt signals dataChanged for each changed cell)."""
        for d, day in enumerate(self.plan):
            day_item = self.item(d, 0)
            self._update_row([self.item(d, c) for c in range(self.columnCount())],
                             self._day_cells(day))
            for b in range(len(day.blocks)):
                self._update_row([day_item.child(b, c) for c in range(self.columnCount())],
                                 self._block_cells(day, b))

    @staticmethod
    def _update_row(items: list[QStandardItem], cells: list[Cell]) -> None:
        for item, cell in zip(items, cells):
            for role in (DISPLAY, EDIT_VALUE, TOOLTIP, FOREGROUND):
                value = cell.get(role)
                if item.data(role) != value:
                    item.setData(value, role)

    # ------------------------------------------------------------------- cells
    def _day_cells(self, plan: DayPlan) -> list[Cell]:
        day = plan.day
        ends = [e for e in (end_of(b) for b in plan.blocks) if e is not None]
        shown = [date_text(day.date) or tr("(geen datum)"), duration(plan.total_minutes()),
                 hhmm(max(ends)) if ends else "", day.title, "", ""]
        cells: list[Cell] = [{DISPLAY: text, ID_ROLE: day.id, IS_DAY_ROLE: True,
                              FONT: self.bold, BACKGROUND: self._day_background}
                             for text in shown]
        cells[COL_START][EDIT_VALUE] = day.date
        cells[COL_MINUTES][TOOLTIP] = tr("Totaal van de onderdelen van deze dag")
        return cells

    def _block_cells(self, plan: DayPlan, row: int) -> list[Cell]:
        block = plan.blocks[row]
        end = end_of(block)
        shown = [block.start, tr("{minutes} min", minutes=block.minutes),
                 hhmm(end) if end is not None else "", block.title,
                 tr(GROUPINGS.get(block.grouping, block.grouping)),
                 tr(BOARD_KINDS.get(block.board, block.board))]
        values = [block.start, block.minutes, None, block.title, block.grouping, block.board]
        cells: list[Cell] = [{DISPLAY: text, ID_ROLE: block.id, IS_DAY_ROLE: False}
                             for text in shown]
        for cell, value in zip(cells, values):
            if value is not None:
                cell[EDIT_VALUE] = value
        if self._overlaps(plan, row):
            cells[COL_START][FOREGROUND] = self._warn
            cells[COL_START][TOOLTIP] = tr("Begint voordat het vorige onderdeel is afgelopen.")
        cells[COL_END][FOREGROUND] = self._muted
        if block.prompt:
            cells[COL_TITLE][TOOLTIP] = block.prompt
        return cells

    @staticmethod
    def _overlaps(plan: DayPlan, row: int) -> bool:
        if row == 0:
            return False
        start, previous_end = parse_hhmm(plan.blocks[row].start), end_of(plan.blocks[row - 1])
        return start is not None and previous_end is not None and start < previous_end

    # ------------------------------------------------------------------ lookup
    def is_day(self, index: Index) -> bool:
        return index.isValid() and not index.parent().isValid()

    def day_plan(self, index: Index) -> DayPlan | None:
        if not index.isValid():
            return None
        return self.plan[index.row() if self.is_day(index) else index.parent().row()]

    def block(self, index: Index) -> AgendaBlock | None:
        if not index.isValid() or self.is_day(index):
            return None
        return self.plan[index.parent().row()].blocks[index.row()]

    def index_of(self, row_id: str, column: int = COL_TITLE) -> QModelIndex:
        for d, day in enumerate(self.plan):
            if day.day.id == row_id:
                return self.index(d, column)
            for b, block in enumerate(day.blocks):
                if block.id == row_id:
                    return self.index(b, column, self.index(d, 0))
        return QModelIndex()

    # -------------------------------------------------------------------- edit
    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        """An edit from the view: an undoable command (the items follow the workbook)."""
        if role != EDIT or not index.isValid():
            return False
        column = index.column()
        if self.is_day(index):
            day = self.plan[index.row()].day
            fields = {COL_START: ("date", tr("Datum wijzigen")),
                      COL_TITLE: ("title", tr("Titel van de dag wijzigen"))}
            if column not in fields:
                return False
            name, text = fields[column]
            value = str(value).strip()
            if getattr(day, name) == value:
                return False
            return self.ctx.push(EditFields(text, AgendaDay, day.id, {name: value}))
        block = self.block(index)
        assert block is not None
        edits = {COL_START: ("start", tr("Begintijd wijzigen")),
                 COL_MINUTES: ("minutes", tr("Duur wijzigen")),
                 COL_TITLE: ("title", tr("Titel wijzigen")),
                 COL_GROUPING: ("grouping", tr("Indeling wijzigen")),
                 COL_BOARD: ("board", tr("Bord wijzigen"))}
        if column not in edits:
            return False
        name, text = edits[column]
        value = self._clean(name, value)
        if value is None or getattr(block, name) == value:
            return False
        return self.ctx.push(EditFields(text, AgendaBlock, block.id, {name: value}))

    @staticmethod
    def _clean(name: str, value: Any) -> Any:
        if name == "start":
            minutes = parse_hhmm(str(value))
            return None if minutes is None else hhmm(minutes)
        if name == "minutes":
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return None
            return minutes if 1 <= minutes <= 24 * 60 else None
        if name == "title":
            return str(value).strip()
        return str(value) if value else None
