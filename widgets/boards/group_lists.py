"""Lists per stakeholder group: what each group does now and wants to do, and its
prouds & sorries. One card per group, one list per kind; drag to regroup."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from app.board_records import GroupStatement
from app.i18n import tr
from widgets.boards.base import QuickCapture
from widgets.boards.lists import CardRow, ListBoard
from widgets.style import label


def kind_title(kind: str) -> str:
    return {"doing": tr("Doen we nu"), "wanting": tr("Willen we doen"), "proud": tr("Trots"),
            "sorry": tr("Spijt")}.get(kind, kind)


class GroupStatementsBoard(ListBoard):
    """Statements of ``KINDS`` for every stakeholder group."""

    CLS = GroupStatement
    TABLES = ("group_statement", "dot")
    KINDS: tuple[str, ...] = ("doing", "wanting")
    TITLE = "Lijsten per groep"
    # A group card holds two lists side by side; below ~400 px a statement wraps after
    # every word. So as many cards per row as fit at that width: 2 on a 1366 px laptop,
    # 3 or 4 on a wide screen or the projector.
    CARD_WIDTH = 400
    MAX_COLUMNS = 4

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._group_ids: list[str] = []
        self._cards: list[QFrame] = []
        self.columns = 0  # cards per row, as last placed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.build_toolbar(tr(self.TITLE), None if self.read_only
                                            else GroupStatement))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.scroll.setWidget(self.host)
        layout.addWidget(self.scroll, 1)
        if not self.read_only:
            self.capture_bar = QuickCapture(tr("Typ een uitspraak en druk op Enter; Tab kiest "
                                               "de volgende groep of lijst"))
            self.capture_bar.captured.connect(self.capture)
            layout.addWidget(self.capture_bar)
        self.refresh()

    def _rebuild(self) -> None:
        """One card per stakeholder group (again, when the groups changed)."""
        groups = self.groups()
        self._group_ids = [g.id for g in groups]
        for view in self.views:
            view.deleteLater()
        self.views = []
        for card in self._cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self._cards = []
        for n, group in enumerate(groups):
            card = QFrame()
            card.setProperty("role", "card")
            card.setObjectName(f"group_card_{n}")
            inner = QGridLayout(card)
            inner.setContentsMargins(10, 8, 10, 10)
            title = label(group.name, "h3")
            title.setStyleSheet(f"color: {group.colour}; border-bottom: 3px solid "
                                f"{group.colour}; padding-bottom: 2px;"
                                + (" font-size: 16pt;" if self.read_only else ""))
            inner.addWidget(title, 0, 0, 1, len(self.KINDS))
            for k, kind in enumerate(self.KINDS):
                inner.addWidget(label(kind_title(kind), "muted"), 1, k)
                view = self.make_list({"group_id": group.id, "kind": kind})
                view.setMinimumHeight(150)
                inner.addWidget(view, 2, k)
            self._cards.append(card)
        self.columns = 0
        self._place_cards()
        if not self.read_only:
            self.capture_bar.set_targets([
                (f"{g.name} · {kind_title(kind)}", {"group_id": g.id, "kind": kind}, g.colour)
                for g in groups for kind in self.KINDS])

    def columns_for(self, width: int) -> int:
        """Cards per row on a board ``width`` px wide."""
        return max(1, min(self.MAX_COLUMNS, width // self.CARD_WIDTH))

    def _place_cards(self) -> None:
        columns = self.columns_for(self.width())
        if columns == self.columns:
            return
        for card in self._cards:
            self.grid.removeWidget(card)
        for n, card in enumerate(self._cards):
            self.grid.addWidget(card, n // columns, n % columns)
        for column in range(self.MAX_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_cards()

    def refresh(self) -> None:
        if [g.id for g in self.groups()] != self._group_ids:
            self._rebuild()
        self._colours = {g.id: g.colour for g in self.groups()}
        super().refresh()

    def records(self) -> list[Any]:
        return [s for s in self.book.all(GroupStatement) if s.kind in self.KINDS]

    def card(self, record: Any, dots: list[tuple[str, int]]) -> CardRow:
        return CardRow(record.id, record.text, colour=self._colours.get(record.group_id, ""),
                       dots=dots)


class GroupListsBoard(GroupStatementsBoard):
    KIND = "group_lists"
    KINDS = ("doing", "wanting")  # the columns ask it: "Doen we nu", "Willen we doen"


class ProudsSorriesBoard(GroupStatementsBoard):
    KIND = "prouds_sorries"
    KINDS = ("proud", "sorry")
    TITLE = "Trots en spijt per groep"
