"""Boards made of lists of cards (timeline, lists per group, common ground).

Each list is a model/view pair (the view asks only for visible rows, so 2,000
cards stay fluid) that stands for one *scope* (a lane and decade, a group and
kind, a status). Cards are edited in place, dragged within and between lists,
multi-selected and merged, deleted, and dot-voted; every edit is a command.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app import board_ops as ops
from app.commands import EditFields
from app.domain import Record
from app.i18n import tr
from widgets.boards.base import BoardBase
from widgets.shortcuts import local_shortcut

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
MIME = "application/x-oogst-board-items"


@dataclass
class CardRow:
    id: str
    text: str
    badge: str = ""  # small text above the card's text (a year, the tables)
    colour: str = ""  # the strip on the left (group or state colour)
    dots: list[tuple[str, int]] = field(default_factory=list)  # (colour, count) per group
    tooltip: str = ""


class CardListModel(QAbstractListModel):
    """Rows of one list; edits and drops are reported as signals, never applied here."""

    edited = Signal(str, str)  # id, new text
    dropped = Signal(list, object)  # ids, row (None: at the end)

    def __init__(self, table: str, editable: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.editable = editable
        self.rows: list[CardRow] = []

    def set_rows(self, rows: list[CardRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        row = self.rows[index.row()]
        if text and text != row.text:
            self.edited.emit(row.id, text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return base if index.isValid() else Qt.ItemFlag.NoItemFlags
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.rows[i.row()].id for i in sorted(indexes, key=lambda i: i.row())]
        data.setData(MIME, json.dumps({"table": self.table, "ids": ids}).encode("utf-8"))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.editable and self._payload(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        ids = self._payload(data)
        if ids is None:
            return False
        if parent.isValid():
            row = parent.row()
        self.dropped.emit(ids, row if row >= 0 else None)
        return False  # the board moves the records; the view must not remove rows

    def _payload(self, data: QMimeData) -> list[str] | None:
        if not data.hasFormat(MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME).data()).decode("utf-8"))
        except ValueError:
            return None
        return payload["ids"] if payload.get("table") == self.table else None


class CardDelegate(QStyledItemDelegate):
    """A card: colour strip, small badge, wrapped text, a row of coloured dots."""

    PAD = 8

    def __init__(self, view: QListView, scale: float = 1.0) -> None:
        super().__init__(view)
        self.view = view
        self.scale = scale

    def _text_rect(self, width: int) -> QRect:
        return QRect(0, 0, max(40, width - 2 * self.PAD - 14), 10_000)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: CardRow = index.data(ROW_ROLE)
        width = self.view.viewport().width() - 2 * self.view.spacing() - 2
        metrics = QFontMetrics(self.view.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(self._text_rect(width), flags, row.text).height()
        if row.badge:
            height += metrics.height() - 2
        if row.dots:
            height += int(12 * self.scale) + 4
        return QSize(width, height + 2 * self.PAD + 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: CardRow = index.data(ROW_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(1, 1, -1, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#2E6B4F" if selected else "#D9D5CB"), 1.5 if selected else 1))
        painter.setBrush(QBrush(QColor("#DDEBE3" if selected else "#FFFFFF")))
        painter.drawRoundedRect(rect, 6, 6)
        if row.colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(row.colour))
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        metrics = QFontMetrics(self.view.font())
        x = rect.left() + self.PAD + 4
        y = rect.top() + self.PAD - 2
        if row.badge:
            painter.setPen(QColor("#666B73"))
            width = rect.width() - 2 * self.PAD - 6
            painter.drawText(QRect(x, y, width, metrics.height()), int(Qt.AlignmentFlag.AlignLeft),
                             metrics.elidedText(row.badge, Qt.TextElideMode.ElideRight, width))
            y += metrics.height() - 2
        painter.setPen(QColor("#1F2328"))
        text_rect = self._text_rect(option.rect.width())
        text_rect.moveTo(x, y)
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), row.text)
        if row.dots:
            size = int(12 * self.scale)
            dy = rect.bottom() - self.PAD - size + 2
            dx = x
            for colour, count in row.dots:
                painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
                painter.setBrush(QColor(colour))
                for _ in range(count):
                    if dx + size > rect.right() - 4:
                        break
                    painter.drawEllipse(dx, dy, size, size)
                    dx += size + 3
        painter.restore()


class CardListView(QListView):
    """One list on a board, standing for ``scope`` (the fields its cards have)."""

    def __init__(self, model: CardListModel, scope: dict[str, Any], scale: float = 1.0) -> None:
        super().__init__()
        self.scope = scope
        self.setModel(model)
        self.card_delegate = CardDelegate(self, scale)
        self.setItemDelegate(self.card_delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setWordWrap(True)
        if model.editable:
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.setDropIndicatorShown(True)
            self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                 | QAbstractItemView.EditTrigger.EditKeyPressed)
        else:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setStyleSheet("QListView { background: #F8F7F3; }")

    def card_model(self) -> CardListModel:
        return self.model()  # type: ignore[return-value]

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        return [self.card_model().rows[r].id for r in rows]

    def select_ids(self, ids: set[str]) -> None:
        selection = self.selectionModel()
        for r, row in enumerate(self.card_model().rows):
            if row.id in ids:
                index = self.model().index(r, 0)
                selection.select(index, selection.SelectionFlag.Select)
                self.scrollTo(index)


class ListBoard(BoardBase):
    """A board of card lists for one record class ``CLS``; subclasses lay out the lists."""

    CLS: type[Record] = Record

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.views: list[CardListView] = []
        self.vote_bar: Any = None
        self.scale = 1.3 if self.read_only else 1.0

    # -------------------------------------------------------------- building
    def make_list(self, scope: dict[str, Any]) -> CardListView:
        model = CardListModel(self.CLS.TABLE, editable=not self.read_only, parent=self)
        view = CardListView(model, scope, self.scale)
        if self.read_only:
            font = view.font()
            font.setPointSizeF(font.pointSizeF() * self.scale)
            view.setFont(font)
        model.edited.connect(self._on_model_edited)
        model.dropped.connect(lambda ids, row, v=view: self._on_view_dropped(v, ids, row),
                              Qt.ConnectionType.QueuedConnection)
        view.clicked.connect(self._on_view_clicked)
        view.selectionModel().selectionChanged.connect(
            lambda *_a, v=view: self._on_view_selection_changed(v))
        if not self.read_only:
            local_shortcut(QKeySequence.StandardKey.Delete, view, self.delete_selected,
                           children=False)
        self.views.append(view)
        return view

    # -------------------------------------------------------- for subclasses
    def scope_of(self, record: Any) -> dict[str, Any]:
        return {k: getattr(record, k) for k in ops.SCOPE.get(self.CLS, ())}

    def card(self, record: Any, dots: list[tuple[str, int]]) -> CardRow:
        return CardRow(record.id, getattr(record, ops.TEXT_FIELD[self.CLS]), dots=dots)

    def drop_fields(self, scope: dict[str, Any], record: Any) -> dict[str, Any]:
        """The fields a record gets when dropped in the list of ``scope``."""
        return dict(scope)

    def edit_fields(self, record: Any, text: str) -> dict[str, Any]:
        return {ops.TEXT_FIELD[self.CLS]: text}

    def records(self) -> list[Any]:
        return self.book.all(self.CLS)

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        keep = set(self.selected_ids())
        colours = {g.id: g.colour for g in self.groups()}
        counts = ops.dot_counts(self.book)
        buckets: dict[str, list[CardRow]] = {_key(v.scope): [] for v in self.views}
        for record in self.records():
            key = _key(self.scope_of(record))
            if key in buckets:
                by_group = counts.get(record.id, {})
                dots = [(colours.get(g, "#888888"), n) for g, n in by_group.items() if n]
                buckets[key].append(self.card(record, dots))
        for view in self.views:
            rows = buckets[_key(view.scope)]
            view.setUniformItemSizes(len(rows) > 400)
            view.card_model().set_rows(rows)
            if keep:
                view.select_ids(keep)
        if self.vote_bar is not None:
            self.vote_bar.refresh()

    # ------------------------------------------------------------- selection
    def selected_ids(self) -> list[str]:
        return [i for v in self.views for i in v.selected_ids()]

    def select_item(self, row_id: str) -> bool:
        for view in self.views:
            if any(r.id == row_id for r in view.card_model().rows):
                for other in self.views:
                    other.clearSelection()
                view.select_ids({row_id})
                view.setFocus()
                return True
        return False

    def _on_view_selection_changed(self, view: CardListView) -> None:
        modifiers = QApplication.keyboardModifiers()
        if view.selectionModel().hasSelection() and not modifiers & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            for other in self.views:
                if other is not view and other.selectionModel().hasSelection():
                    other.clearSelection()

    # --------------------------------------------------------------- editing
    def _on_model_edited(self, row_id: str, text: str) -> None:
        record = self.book.get(self.CLS, row_id)
        if record is None:
            return
        new = {k: v for k, v in self.edit_fields(record, text).items()
               if getattr(record, k) != v}
        if new:
            self.push(EditFields(tr("Tekst wijzigen"), self.CLS, row_id, new))

    def _on_view_dropped(self, view: CardListView, ids: list[str], row: int | None) -> None:
        self.move_to(view.scope, ids, row)

    def move_to(self, scope: dict[str, Any], ids: list[str], row: int | None = None) -> bool:
        """Move cards to the list of ``scope`` (at ``row``; at the end when None)."""
        records = [r for r in (self.book.get(self.CLS, i) for i in ids) if r is not None]
        if not records:
            return False
        fields = {r.id: self.drop_fields(scope, r) for r in records}
        shared = fields[records[0].id]
        extra = {i: {k: v for k, v in f.items() if shared.get(k) != v} for i, f in fields.items()}
        return self.push(ops.move_many(self.book, self.CLS, [r.id for r in records], row,
                                       per_record=extra, **shared))

    def delete_selected(self) -> bool:
        return self.push(ops.delete_items(self.book, self.CLS, self.selected_ids()))

    def merge_selected(self) -> bool:
        return self.push(ops.merge_duplicates(self.book, self.CLS, self.selected_ids()))

    def capture(self, text: str, fields: dict[str, Any]) -> bool:
        built = ops.capture(self.book, self.CLS, text, **fields)
        return built is not None and self.push(built[0])

    # ---------------------------------------------------------------- voting
    def _on_view_clicked(self, index: QModelIndex) -> None:
        if self.vote_bar is None or not self.vote_bar.active():
            return
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.vote(index.data(ID_ROLE), remove=bool(shift))

    def vote(self, row_id: str, remove: bool = False, group_id: str | None = None) -> bool:
        group = group_id or (self.vote_bar.group_id() if self.vote_bar else "")
        if not group:
            return False
        if remove:
            return self.push(ops.remove_dot(self.book, row_id, group))
        per_group = self.vote_bar.dots_per_group() if self.vote_bar else ops.DOTS_PER_GROUP
        return self.push(ops.add_dot(self.book, row_id, group, per_group, cls=self.CLS))


def _key(scope: dict[str, Any]) -> str:
    return json.dumps(scope, sort_keys=True)
