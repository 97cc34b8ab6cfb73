"""The list of concerns as a table model that reads only the rows the view shows.

On every filter change the model asks the store for the rowids that match (one
integer column, newest first); rows themselves are read in pages of 100 when
the view paints them and kept in a small LRU cache. 100,000 concerns scroll
like 100. Edits never happen here: the model only reads and refreshes when the
workbook says concerns, referrals or themes changed.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.i18n import tr
from app.logbook import ThemeIndex, kind_label, status_label, urgency_label
from app.logbook_records import Concern, Referral, Theme
from app.storage import concern_queries as q
from app.storage.workbook import Change, Workbook
from widgets.style import MUTED, WARN

Index = QModelIndex | QPersistentModelIndex
PAGE = 100
MAX_PAGES = 60
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_WHEN, COL_THEME, COL_PLACE, COL_TEXT, COL_KIND, COL_URGENCY, COL_STATUS = range(7)


class ConcernTableModel(QAbstractTableModel):
    """Concerns matching a :class:`ConcernFilter`, newest first, fetched in windows."""

    count_changed = Signal(int)

    def __init__(self, book: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.filter = q.ConcernFilter()
        self.themes = ThemeIndex.of(book)
        self._rowids: list[int] = []
        self._pages: OrderedDict[int, list[Concern | None]] = OrderedDict()
        self._headers = [tr("Wanneer"), tr("Thema"), tr("Waar"), tr("Melding"), tr("Soort"),
                         tr("Urgentie"), tr("Status")]
        self.reload()

    # ------------------------------------------------------------------ data in
    def set_filter(self, flt: q.ConcernFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        """Re-read the matching rowids; keeps the rows (and selection) if they are the same."""
        rowids = q.concern_rowids(self.book, self.filter)
        if rowids == self._rowids:
            self._pages.clear()
            if rowids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rowids) - 1, len(self._headers) - 1))
            return
        self.beginResetModel()
        self._rowids = rowids
        self._pages.clear()
        self.endResetModel()
        self.count_changed.emit(len(rowids))

    def on_workbook_changed(self, change: Change) -> None:
        if change.touches(Theme.TABLE):
            self.themes = ThemeIndex.of(self.book)
        if change.touches(Theme.TABLE) or (change.touches(Referral.TABLE)
                                           and self.filter.partner_id):
            self.reload()
        elif change.touches(Concern.TABLE) and not self._patch(change.rows[Concern.TABLE]):
            self.reload()

    def _patch(self, concern_ids: frozenset[str]) -> bool:
        """Apply a small change without re-reading every rowid; False when it cannot.

        Only for the unfiltered list: new concerns (newest) go on top, tombstoned ones
        leave, edited ones repaint. Anything else (a filter, an old date) reloads.
        """
        if not self.filter.is_empty() or len(concern_ids) > 50:
            return False
        states = q.row_states(self.book, concern_ids)
        first = self._concern(0) if self._rowids else None
        top = first.logged_at if first else ""
        listed = set(self._rowids) if len(states) > 3 else None
        added, removed, edited = [], [], []
        for rowid, logged_at, deleted in states:
            present = rowid in listed if listed is not None else rowid in self._rowids
            if not present and not deleted:
                if logged_at < top:
                    return False  # belongs somewhere in the middle: reload
                added.append((logged_at, rowid))
            elif present:
                (removed if deleted else edited).append(rowid)
        for rowid in removed:
            row = self._rowids.index(rowid)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rowids[row]
            self.endRemoveRows()
        if added:
            rowids = [rowid for _, rowid in sorted(added, reverse=True)]
            self.beginInsertRows(QModelIndex(), 0, len(rowids) - 1)
            self._rowids[:0] = rowids
            self.endInsertRows()
        if added or removed:
            self._pages.clear()
            self.count_changed.emit(len(self._rowids))
        for rowid in edited:
            row = self._rowids.index(rowid)
            self._pages.pop(row // PAGE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
        return True

    def _concern(self, row: int) -> Concern | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._rowids[page_no * PAGE:(page_no + 1) * PAGE]
            found = q.concerns_by_rowid(self.book, ids)
            page = [found.get(r) for r in ids]
            if len(found) < len(ids):  # a row was replaced under us (merge, redo): re-read
                QTimer.singleShot(0, self, self.reload)
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE
        return page[offset] if offset < len(page) else None

    def concern_at(self, row: int) -> Concern | None:
        if 0 <= row < len(self._rowids):
            return self._concern(row)
        return None

    def row_of(self, concern_id: str) -> int:
        """The row of a concern already read (the ones on screen); -1 when not known."""
        for page_no, page in self._pages.items():
            for offset, concern in enumerate(page):
                if concern is not None and concern.id == concern_id:
                    return page_no * PAGE + offset
        return -1

    def total(self) -> int:
        return len(self._rowids)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rowids):
            return None
        concern = self._concern(index.row())
        if concern is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(concern, col)
        if role == ID_ROLE:
            return concern.id
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TEXT, COL_PLACE, COL_THEME):
            return self._display(concern, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_URGENCY and concern.urgency == 2:
                return QColor(WARN)
            if col == COL_WHEN:
                return QColor(MUTED)
        if role == Qt.ItemDataRole.FontRole and col == COL_URGENCY and concern.urgency:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, c: Concern, col: int) -> str:
        if col == COL_WHEN:
            day, _, clock = c.occurred_at.partition("T")
            parts = day.split("-")
            return (f"{parts[2]}-{parts[1]}-{parts[0]} {clock[:5]}".strip()
                    if len(parts) == 3 else c.occurred_at)
        if col == COL_THEME:
            return self.themes.path_label(c.theme_id, c.subtheme_id) or tr("—")
        if col == COL_PLACE:
            place = " ".join(v for v in (c.street, c.house_numbers) if v)
            return f"{place} ({tr('bij')} {c.near})" if c.near and place else place or c.near
        if col == COL_TEXT:
            return " ".join(c.text.split())
        if col == COL_KIND:
            return kind_label(c.kind)
        if col == COL_URGENCY:
            return urgency_label(c.urgency) if c.urgency else ""
        if col == COL_STATUS:
            return status_label(c.status)
        return ""
