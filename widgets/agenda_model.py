"""Days and their blocks as a two-level tree model over plain data read from the workbook.

Edits made in the view become undoable commands; the model itself only reads.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.commands import EditFields
from app.domain import AgendaBlock, AgendaDay
from app.i18n import tr
from app.storage.workbook import Change
from sessions.boards import BOARD_KINDS, GROUPINGS
from widgets.agenda_ops import DayPlan, end_of
from widgets.formatting import date_text, duration, hhmm, parse_hhmm
from widgets.workbook_signals import WorkbookContext

Index = QModelIndex | QPersistentModelIndex
COL_START, COL_MINUTES, COL_END, COL_TITLE, COL_GROUPING, COL_BOARD = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_DAY_ROLE = Qt.ItemDataRole.UserRole + 2
_DAY = 0  # internal id of day rows; block rows carry (day row + 1)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset({int(ID_ROLE), int(IS_DAY_ROLE), _DISPLAY, _EDIT, _FONT, _BACKGROUND,
                    _FOREGROUND, _TOOLTIP})  # every role data() answers
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable


def grouping_choices() -> list[tuple[str, str]]:
    return [(key, tr(text)) for key, text in GROUPINGS.items()]


def board_choices() -> list[tuple[str, str]]:
    return [(key, tr(text)) for key, text in BOARD_KINDS.items()]


class AgendaModel(QAbstractItemModel):
    def __init__(self, ctx: WorkbookContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: list[DayPlan] = []
        self._headers = [tr("Begin"), tr("Duur"), tr("Einde"), tr("Onderdeel"),
                         tr("Indeling"), tr("Bord")]
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
        if shape != [(d.day.id, [b.id for b in d.blocks]) for d in self.plan]:
            self.beginResetModel()
            self.plan = plan
            self.endResetModel()
            return
        self.plan = plan
        last = self.columnCount() - 1
        for row, day in enumerate(plan):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            if day.blocks:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(day.blocks) - 1, last, parent))

    # ------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _DAY)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _DAY:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _DAY)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.plan)
        if parent.internalId() == _DAY and parent.column() == 0:
            return len(self.plan[parent.row()].blocks)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    # ------------------------------------------------------------------ lookup
    def is_day(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == _DAY

    def day_plan(self, index: Index) -> DayPlan | None:
        if not index.isValid():
            return None
        row = index.row() if self.is_day(index) else index.internalId() - 1
        return self.plan[row]

    def block(self, index: Index) -> AgendaBlock | None:
        if not index.isValid() or self.is_day(index):
            return None
        return self.plan[index.internalId() - 1].blocks[index.row()]

    def index_of(self, row_id: str, column: int = COL_TITLE) -> QModelIndex:
        for d, day in enumerate(self.plan):
            if day.day.id == row_id:
                return self.index(d, column)
            for b, block in enumerate(day.blocks):
                if block.id == row_id:
                    return self.index(b, column, self.index(d, 0))
        return QModelIndex()

    # -------------------------------------------------------------------- data
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        editable = ((COL_START, COL_TITLE) if self.is_day(index)
                    else (COL_START, COL_MINUTES, COL_TITLE, COL_GROUPING, COL_BOARD))
        return _EDITABLE if index.column() in editable else _READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~10 roles per cell on every paint: the rest is answered at once.
        if role not in _ROLES or not index.isValid():
            return None
        if self.is_day(index):
            return self._day_data(self.plan[index.row()], index.column(), role)
        day = self.plan[index.internalId() - 1]
        return self._block_data(day, index.row(), index.column(), role)

    def _day_data(self, plan: DayPlan, column: int, role: int) -> Any:
        day = plan.day
        if role == ID_ROLE:
            return day.id
        if role == IS_DAY_ROLE:
            return True
        if role == _DISPLAY:
            if column == COL_START:
                return date_text(day.date) or tr("(geen datum)")
            if column == COL_MINUTES:
                return duration(plan.total_minutes())
            if column == COL_END:
                ends = [e for e in (end_of(b) for b in plan.blocks) if e is not None]
                return hhmm(max(ends)) if ends else ""
            if column == COL_TITLE:
                return day.title
            return ""
        if role == _EDIT:
            return {COL_START: day.date, COL_TITLE: day.title}.get(column)
        if role == _FONT:
            font = QFont()
            font.setBold(True)
            return font
        if role == _BACKGROUND:
            return QColor("#E8F1EC")
        if role == _TOOLTIP and column == COL_MINUTES:
            return tr("Totaal van de onderdelen van deze dag")
        return None

    def _block_data(self, plan: DayPlan, row: int, column: int, role: int) -> Any:
        block = plan.blocks[row]
        if role == ID_ROLE:
            return block.id
        if role == IS_DAY_ROLE:
            return False
        if role == _DISPLAY:  # only the asked column: this runs for every painted cell
            if column == COL_START:
                return block.start
            if column == COL_MINUTES:
                return tr("{minutes} min", minutes=block.minutes)
            if column == COL_END:
                end = end_of(block)
                return hhmm(end) if end is not None else ""
            if column == COL_TITLE:
                return block.title
            if column == COL_GROUPING:
                return tr(GROUPINGS.get(block.grouping, block.grouping))
            if column == COL_BOARD:
                return tr(BOARD_KINDS.get(block.board, block.board))
            return None
        if role == _EDIT:
            return {COL_START: block.start, COL_MINUTES: block.minutes, COL_TITLE: block.title,
                    COL_GROUPING: block.grouping, COL_BOARD: block.board}.get(column)
        if role == _FOREGROUND:
            if column == COL_START and self._overlaps(plan, row):
                return QColor("#B3261E")
            if column == COL_END:
                return QColor("#666B73")
        if role == _TOOLTIP:
            if column == COL_START and self._overlaps(plan, row):
                return tr("Begint voordat het vorige onderdeel is afgelopen.")
            if column == COL_TITLE and block.prompt:
                return block.prompt
        return None

    @staticmethod
    def _overlaps(plan: DayPlan, row: int) -> bool:
        if row == 0:
            return False
        start, previous_end = parse_hhmm(plan.blocks[row].start), end_of(plan.blocks[row - 1])
        return start is not None and previous_end is not None and start < previous_end

    # -------------------------------------------------------------------- edit
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
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
