"""The "Agenda" page: days and blocks, edited in place, every change undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.commands import EditFields
from app.domain import AgendaBlock
from app.i18n import tr
from widgets import agenda_ops
from widgets.agenda_model import (
    COL_BOARD,
    COL_END,
    COL_GROUPING,
    COL_MINUTES,
    COL_START,
    COL_TITLE,
    ID_ROLE,
    AgendaModel,
    Index,
    board_choices,
    grouping_choices,
)
from widgets.formatting import date_text, duration
from widgets.inputs import CommitTextEdit
from widgets.shortcuts import local_shortcut
from widgets.style import label, set_role
from widgets.workbook_signals import WorkbookContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem


class AgendaDelegate(QStyledItemDelegate):
    """Picks the editor for a cell: date for a day, time, minutes, or a choice list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editors: dict[tuple[bool, int], QStyledItemDelegate] | None = None

    def _pick(self, index: Index) -> QStyledItemDelegate | None:
        if self._editors is None:  # made at the first edit: the page shows without them
            from widgets.delegates import ComboDelegate, DateDelegate, SpinDelegate, TimeDelegate

            self._editors = {
                (True, COL_START): DateDelegate(self),
                (False, COL_START): TimeDelegate(self),
                (False, COL_MINUTES): SpinDelegate(5, 12 * 60, 5, tr(" min"), self),
                (False, COL_GROUPING): ComboDelegate(grouping_choices, self),
                (False, COL_BOARD): ComboDelegate(board_choices, self),
            }
        return self._editors.get((not index.parent().isValid(), index.column()))

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        # The whole cell, not the cell less the style sheet's roomy ::item padding (that
        # would leave a 16 px editor in a 28 px row).
        editor.setGeometry(option.rect.adjusted(2, 3, -2, -3))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        chosen = self._pick(index)
        return (chosen or super()).createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        chosen = self._pick(index)
        (chosen or super()).setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        chosen = self._pick(index)
        (chosen or super()).setModelData(editor, model, index)


class AgendaView(QWidget):
    def __init__(self, ctx: WorkbookContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.model = AgendaModel(ctx, self)
        self._selected_id: str | None = None
        self._build()
        self._connect_signals()
        self._on_model_reset()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their text, the title taking the rest: a time or duration
        column as its rows, or a long date, day total and end if wider (an agenda
        emptied and filled again still fits); a choice column as its longest choice (a
        new choice never comes out cut off). Once, when built: later a column keeps the
        width the user dragged it to."""
        metrics = self.tree.fontMetrics()
        bold = QFontMetrics(self.model.bold)  # day rows
        padding = 2 * 4 + 8 + 4  # the style sheet's ::item padding, text margins, air
        longest = {COL_START: bold.horizontalAdvance(date_text("2026-09-30"))
                   + self.tree.indentation(),
                   COL_MINUTES: bold.horizontalAdvance(duration(8 * 60 + 45)),
                   COL_END: bold.horizontalAdvance("23:45")}
        for column, text_width in longest.items():
            hint = max(self.tree.sizeHintForColumn(column),
                       self.tree.header().sectionSizeHint(column))
            self.tree.setColumnWidth(column, max(hint + 4, text_width + padding))
        for column, choices in ((COL_GROUPING, grouping_choices()),
                                (COL_BOARD, board_choices())):
            widest = max(metrics.horizontalAdvance(text) for _key, text in choices)
            self.tree.setColumnWidth(column, widest + padding)

    def _build(self) -> None:
        self.add_day_button = QPushButton(tr("Dag toevoegen"))
        self.add_block_button = set_role(QPushButton(tr("Onderdeel toevoegen")), "primary")
        self.up_button = QPushButton(tr("▲ Omhoog"))
        self.down_button = QPushButton(tr("▼ Omlaag"))
        self.delete_button = QPushButton(tr("Verwijderen"))
        self.up_button.setToolTip(tr("Eén plaats omhoog (Alt+↑)"))
        self.down_button.setToolTip(tr("Eén plaats omlaag (Alt+↓)"))
        self.delete_button.setToolTip(tr("Verwijderen (Delete); ongedaan maken kan altijd"))
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(label(tr("Agenda"), "h2"))
        bar.addStretch(1)
        for button in (self.add_day_button, self.add_block_button, self.up_button,
                       self.down_button, self.delete_button):
            bar.addWidget(button)

        self.tree = QTreeView(self)  # parented at once: re-parenting a polished view re-polishes it
        self.tree.setObjectName("agenda_tree")
        # Styled before its rows are laid out: their roomy height is the style sheet's
        # (QTreeView#agenda_tree::item); rows laid out unstyled would stay 17 px. No
        # delegate method in Python sizes or paints a cell (see tests/test_first_screen).
        self.tree.ensurePolished()
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(AgendaDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

        self.prompt_label = label(tr("Opdracht bij dit onderdeel"), "h3")
        self.prompt_edit = CommitTextEdit(lines=2)
        self.prompt_edit.setPlaceholderText(
            tr("Wat vraag je de zaal in dit onderdeel? (te tonen op het scherm)"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.prompt_edit)
        self.delete_shortcut = local_shortcut("Del", self.tree, self.delete_selected)
        self.up_shortcut = local_shortcut("Alt+Up", self.tree, lambda: self.move(-1))
        self.down_shortcut = local_shortcut("Alt+Down", self.tree, lambda: self.move(1))

    def _connect_signals(self) -> None:
        # buttons and shortcuts
        self.add_day_button.clicked.connect(self.add_day)
        self.add_block_button.clicked.connect(self.add_block)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.delete_button.clicked.connect(self.delete_selected)
        # model and selection
        self.model.rebuilt.connect(self._on_model_reset)
        self.model.dataChanged.connect(self._on_model_data_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_selection_current_changed)
        self.prompt_edit.editing_finished.connect(self._on_prompt_edit_editing_finished)

    # --------------------------------------------------------------- selection
    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, row_id: str | None) -> None:
        index = self.model.index_of(row_id or "", 0)
        if not index.isValid():
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)

    def _on_model_reset(self) -> None:
        self.tree.expandAll()
        self.select(self._selected_id)
        self._update_detail()

    def _on_model_data_changed(self, *_args: object) -> None:
        self._update_detail()

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected_id = current.data(ID_ROLE)
        self._update_detail()

    def _update_detail(self) -> None:
        block = self.model.block(self.tree.currentIndex())
        self.prompt_edit.setEnabled(block is not None)
        if not self.prompt_edit.hasFocus():
            self.prompt_edit.set_value(block.prompt if block else "")

    def _on_prompt_edit_editing_finished(self) -> None:
        block = self.model.block(self.tree.currentIndex())
        if block is not None and block.prompt != self.prompt_edit.value():
            self.ctx.push(EditFields(tr("Opdracht wijzigen"), AgendaBlock, block.id,
                                     {"prompt": self.prompt_edit.value()}))

    # ----------------------------------------------------------------- actions
    def add_day(self) -> None:
        command, day = agenda_ops.add_day(self.model.plan)
        self._selected_id = day.id
        self.ctx.push(command)

    def add_block(self) -> None:
        """Add a block after the selected one (or at the end of the selected/last day)."""
        index = self.tree.currentIndex()
        plan = self.model.day_plan(index) or (self.model.plan[-1] if self.model.plan else None)
        if plan is None:
            command, day = agenda_ops.add_day(self.model.plan)
            self.ctx.push(command)
            plan = agenda_ops.DayPlan(day)
        block = self.model.block(index)
        command, new = agenda_ops.add_block(plan, block.id if block else None)
        self._selected_id = new.id
        if self.ctx.push(command):
            title = self.model.index_of(new.id, COL_TITLE)
            if title.isValid() and self.isVisible():
                self.tree.edit(title)

    def delete_selected(self) -> None:
        day_ids, block_ids = [], []
        for index in self.tree.selectionModel().selectedRows(0):
            (day_ids if self.model.is_day(index) else block_ids).append(index.data(ID_ROLE))
        command = agenda_ops.delete_items(self.model.plan, day_ids, block_ids)
        if command is not None:
            self.ctx.push(command)

    def move(self, delta: int) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        index = self.tree.currentIndex()
        if self.model.is_day(index):
            command = agenda_ops.move_day(self.model.plan, row_id, delta)
        else:
            command = agenda_ops.move_block(self.model.plan, row_id, delta)
        if command is not None:
            self._selected_id = row_id
            self.ctx.push(command)
            self.select(row_id)

