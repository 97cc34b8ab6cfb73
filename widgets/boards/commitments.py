"""Commitments: a participant commits to an action plan in their own words, with an
optional date; listed per person and per plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app import board_ops as ops
from app.board_records import ActionPlan, Commitment
from app.commands import EditFields
from app.domain import Participant
from app.i18n import tr
from widgets.boards.action_plans import person_label
from widgets.boards.base import BoardBase, QuickCapture
from widgets.date_field import OptionalDateField
from widgets.inputs import shrinkable
from widgets.shortcuts import local_shortcut

ID_ROLE = Qt.ItemDataRole.UserRole


class CommitmentsBoard(BoardBase):
    KIND = "commitments"
    TABLES = ("commitment", "action_plan", "participant")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.build_toolbar(tr("Toezeggingen")))
        if not self.read_only:
            row = QHBoxLayout()
            self.person_combo = shrinkable(QComboBox(), 24)
            self.person_combo.setObjectName("commit_person")
            self.person_combo.setEditable(True)
            self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.person_combo.setMinimumWidth(220)
            self.due = OptionalDateField()
            self.due.setMinimumWidth(150)
            self.due.setMaximumWidth(200)
            self.due.set_value("")
            self.due.setToolTip(tr("Datum (optioneel)"))
            row.addWidget(self.person_combo)
            self.capture_bar = QuickCapture(tr("In eigen woorden: waar zet je je voor in? "
                                               "Enter; Tab kiest het actieplan"))
            self.capture_bar.layout().insertWidget(2, self.due)
            row.addWidget(self.capture_bar, 1)
            layout.addLayout(row)
            self.capture_bar.captured.connect(self.capture)
        self.tabs = QTabWidget()
        self.by_plan = self._tree(tr("Per actieplan"))
        self.by_person = self._tree(tr("Per persoon"))
        self.tabs.addTab(self.by_plan, tr("Per actieplan"))
        self.tabs.addTab(self.by_person, tr("Per persoon"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _tree(self, title: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(3)
        tree.setHeaderLabels([title, tr("Toezegging"), tr("Datum")])
        tree.setColumnWidth(0, 420 if self.read_only else 340)
        header = tree.header()  # the commitment takes the room left; the date stays in view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tree.setColumnWidth(2, 130 if self.read_only else 100)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        if self.read_only:
            font = tree.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            tree.setFont(font)
        else:
            tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                 | QAbstractItemView.EditTrigger.EditKeyPressed)
            tree.itemChanged.connect(self._on_tree_item_changed)
            local_shortcut(QKeySequence.StandardKey.Delete, tree, self.delete_selected,
                           children=False)
        return tree

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        people = {p.id: p for p in self.book.all(Participant)}
        plans = self.book.all(ActionPlan)
        commitments = self.book.all(Commitment)
        self._loading = True
        try:
            self._fill(self.by_plan, [(p.id, p.title) for p in plans], commitments, "plan_id",
                       lambda c: people[c.participant_id].name
                       if c.participant_id in people else "?")
            named = sorted({c.participant_id for c in commitments if c.participant_id in people},
                           key=lambda i: people[i].name.casefold())
            titles = {p.id: p.title for p in plans}
            self._fill(self.by_person, [(i, person_label(people[i])) for i in named], commitments,
                       "participant_id", lambda c: titles.get(c.plan_id, "?"))
        finally:
            self._loading = False
        if not self.read_only:
            current = self.person_combo.currentData()
            self.person_combo.blockSignals(True)
            self.person_combo.clear()
            self.person_combo.addItem(tr("— wie? —"), "")
            for person in sorted(people.values(), key=lambda p: p.name.casefold()):
                self.person_combo.addItem(person_label(person), person.id)
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(current or "")))
            self.person_combo.blockSignals(False)
            self.capture_bar.set_targets([(p.title if len(p.title) < 30 else p.title[:28] + "…",
                                           {"plan_id": p.id}, "#DDEBE3") for p in plans])

    def _fill(self, tree: QTreeWidget, heads: list[tuple[str, str]], rows: list[Commitment],
              key: str, who: Any) -> None:
        closed = {tree.topLevelItem(i).data(0, ID_ROLE) for i in range(tree.topLevelItemCount())
                      if not tree.topLevelItem(i).isExpanded()}
        tree.clear()
        for head_id, title in heads:
            mine = [c for c in rows if getattr(c, key) == head_id]
            head = QTreeWidgetItem([f"{title}  ({len(mine)})"])
            head.setData(0, ID_ROLE, head_id)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            tree.addTopLevelItem(head)
            for commitment in mine:
                item = QTreeWidgetItem([who(commitment), commitment.text, commitment.due])
                item.setData(0, ID_ROLE, commitment.id)
                if not self.read_only:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                head.addChild(item)
            head.setExpanded(head_id not in closed)

    # --------------------------------------------------------------- editing
    def capture(self, text: str, fields: dict[str, Any]) -> bool:
        person = self.person_combo.currentData()
        if not person or not fields.get("plan_id"):
            self.person_combo.setFocus()
            return False
        built = ops.capture(self.book, Commitment, text, participant_id=person,
                            due=self.due.value(), **fields)
        return built is not None and self.push(built[0])

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or item.parent() is None or column not in (1, 2):
            return
        commitment = self.book.get(Commitment, item.data(0, ID_ROLE))
        name = "text" if column == 1 else "due"
        value = item.text(column).strip()
        if commitment is not None and getattr(commitment, name) != value:
            self.push(EditFields(tr("Toezegging wijzigen"), Commitment, commitment.id,
                                 {name: value}))

    def selected_ids(self) -> list[str]:
        tree = self.tabs.currentWidget()
        return [i.data(0, ID_ROLE) for i in tree.selectedItems() if i.parent() is not None]

    def select_item(self, row_id: str) -> bool:
        tree = self.by_plan
        for i in range(tree.topLevelItemCount()):
            head = tree.topLevelItem(i)
            for k in range(head.childCount()):
                if head.child(k).data(0, ID_ROLE) == row_id:
                    self.tabs.setCurrentWidget(tree)
                    tree.setCurrentItem(head.child(k))
                    return True
        return False

    def delete_selected(self) -> bool:
        return self.push(ops.delete_items(self.book, Commitment, self.selected_ids()))

    def merge_selected(self) -> bool:
        return self.push(ops.merge_duplicates(self.book, Commitment, self.selected_ids()))
