"""Action plans: title, linked common ground, goal, owner, members, first steps
(what, who, when), deadline, needs and the follow-up date."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import board_ops as ops
from app.board_records import ActionPlan, ActionStep, CommonGround, PlanMember
from app.commands import AddRecords, EditFields
from app.domain import Participant
from app.i18n import tr
from widgets.boards.base import BoardBase, QuickCapture
from widgets.boards.cards import CardGrid, esc
from widgets.date_field import OptionalDateField
from widgets.inputs import CommitTextEdit, shrinkable

ID_ROLE = Qt.ItemDataRole.UserRole
STEP_FIELDS = ("what", "who", "due")


def person_label(person: Participant) -> str:
    """How a person is shown on a board: name and organisation, never contact data."""
    name = person.name or tr("(naamloos)")
    return f"{name} — {person.organisation}" if person.organisation else name


class ActionPlansBoard(BoardBase):
    KIND = "action_plans"
    TABLES = ("action_plan", "action_step", "plan_member", "participant", "common_ground")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.build_toolbar(tr("Actieplannen")))
        if self.read_only:
            self.cards = CardGrid(5, 1.1)
            layout.addWidget(self.cards, 1)
        else:
            body = QHBoxLayout()
            self.list = QListWidget()
            self.list.setObjectName("plan_list")
            self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.list.setFixedWidth(300)
            self.list.setStyleSheet("QListWidget::item { padding: 6px; }")
            body.addWidget(self.list)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self._build_form())
            body.addWidget(scroll, 1)
            layout.addLayout(body, 1)
            self.capture_bar = QuickCapture(tr("Titel van een nieuw actieplan, Enter"))
            self.capture_bar.captured.connect(self.capture)
            layout.addWidget(self.capture_bar)
            self.list.currentItemChanged.connect(lambda *_: self._load())
        self.refresh()

    def _build_form(self) -> QFrame:
        box = QFrame()
        box.setProperty("role", "card")
        form = QFormLayout(box)
        # Labels above their fields: beside a plan list, on a 1366 px laptop, the form has
        # ~550 px; the steps' table and the texts need that width more than the labels do.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("plan_title")
        # Shrinkable: a common ground's text, or a name with an organisation, would make
        # a combo box (and the form) wider than a laptop leaves for it.
        self.ground_combo = shrinkable(QComboBox(), 12)
        self.ground_combo.setObjectName("plan_ground")
        self.goal_edit = CommitTextEdit(lines=3)
        self.owner_combo = shrinkable(QComboBox(), 12)
        self.owner_combo.setObjectName("plan_owner")
        self.owner_combo.setEditable(True)
        self.owner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.members = QListWidget()
        self.members.setObjectName("plan_members")
        self.members.setFixedHeight(110)
        self.member_combo = shrinkable(QComboBox(), 12)
        self.member_combo.setEditable(True)
        self.member_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_member = QPushButton(tr("Lid toevoegen"))
        self.remove_member = QPushButton(tr("Lid verwijderen"))
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_combo, 1)
        member_row.addWidget(self.add_member)
        member_row.addWidget(self.remove_member)
        self.steps = QTableWidget(0, 3)
        self.steps.setObjectName("plan_steps")
        self.steps.setHorizontalHeaderLabels([tr("Wat"), tr("Wie"), tr("Wanneer")])
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setColumnWidth(1, 200)
        self.steps.setColumnWidth(2, 120)
        self.steps.setFixedHeight(170)
        self.add_step = QPushButton(tr("Stap toevoegen"))
        self.remove_step = QPushButton(tr("Stap verwijderen"))
        step_row = QHBoxLayout()
        step_row.addWidget(self.add_step)
        step_row.addWidget(self.remove_step)
        step_row.addStretch(1)
        self.deadline = OptionalDateField()
        self.deadline.setMaximumWidth(220)
        self.needs_edit = CommitTextEdit(lines=2)
        self.follow_up = OptionalDateField()
        self.follow_up.setMaximumWidth(220)
        form.addRow(tr("Titel"), self.title_edit)
        form.addRow(tr("Gemeenschappelijke grond"), self.ground_combo)
        form.addRow(tr("Doel"), self.goal_edit)
        form.addRow(tr("Trekker"), self.owner_combo)
        form.addRow(tr("Leden"), self.members)
        form.addRow("", member_row)
        form.addRow(tr("Eerste stappen"), self.steps)
        form.addRow("", step_row)
        form.addRow(tr("Deadline"), self.deadline)
        form.addRow(tr("Nodig"), self.needs_edit)
        form.addRow(tr("Vervolgafspraak"), self.follow_up)
        self.title_edit.editingFinished.connect(
            lambda: self._save("title", self.title_edit.text().strip()))
        self.goal_edit.editing_finished.connect(lambda: self._save("goal", self.goal_edit.value()))
        self.needs_edit.editing_finished.connect(
            lambda: self._save("needs", self.needs_edit.value()))
        self.deadline.editing_finished.connect(lambda: self._save("deadline",
                                                                  self.deadline.value()))
        self.follow_up.editing_finished.connect(lambda: self._save("follow_up",
                                                                   self.follow_up.value()))
        self.ground_combo.activated.connect(
            lambda _i: self._save("common_ground_id", self.ground_combo.currentData() or ""))
        self.owner_combo.activated.connect(
            lambda _i: self._save("owner_id", self.owner_combo.currentData() or ""))
        self.add_member.clicked.connect(self._on_add_member_clicked)
        self.remove_member.clicked.connect(self._on_remove_member_clicked)
        self.add_step.clicked.connect(self._on_add_step_clicked)
        self.remove_step.clicked.connect(self._on_remove_step_clicked)
        self.steps.itemChanged.connect(self._on_steps_item_changed)
        return box

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        people = {p.id: p for p in self.book.all(Participant)}
        plans = self.book.all(ActionPlan)
        if self.read_only:
            self._show_cards(plans, people)
            return
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for plan in plans:
            owner = people.get(plan.owner_id)
            item = QListWidgetItem(plan.title + (f"\n{owner.name}" if owner else ""))
            item.setData(ID_ROLE, plan.id)
            self.list.addItem(item)
            if plan.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._fill_choices(people)
        self._load()

    def _fill_choices(self, people: dict[str, Participant]) -> None:
        for combo in (self.owner_combo, self.member_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("— kies —"), "")
            for person in sorted(people.values(), key=lambda p: p.name.casefold()):
                combo.addItem(person_label(person), person.id)
            combo.blockSignals(False)
        self.ground_combo.blockSignals(True)
        self.ground_combo.clear()
        self.ground_combo.addItem(tr("— geen —"), "")
        for ground in self.book.all(CommonGround):
            self.ground_combo.addItem(ground.text, ground.id)
        self.ground_combo.blockSignals(False)

    def _show_cards(self, plans: list[ActionPlan], people: dict[str, Participant]) -> None:
        steps = self.book.all(ActionStep)
        cards = []
        for plan in plans:
            owner = people.get(plan.owner_id)
            rows = "".join(f"<li>{esc(s.what)} <span style='color:#666B73'>({esc(s.who)}"
                           f"{', ' + s.due if s.due else ''})</span></li>"
                           for s in steps if s.plan_id == plan.id)
            cards.append(("#1565C0", f"<h3>{esc(plan.title)}</h3>"
                          f"<p><b>{tr('Trekker')}:</b> {esc(owner.name if owner else '—')}<br>"
                          f"<b>{tr('Deadline')}:</b> {plan.deadline or '—'}</p>"
                          f"<p>{esc(plan.goal)}</p><ol>{rows}</ol>"))
        self.cards.set_cards(cards)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else ""

    def current(self) -> ActionPlan | None:
        row_id = self.current_id()
        return self.book.get(ActionPlan, row_id) if row_id else None

    def _load(self) -> None:
        plan = self.current()
        self._loading = True
        try:
            for widget in (self.title_edit, self.ground_combo, self.goal_edit, self.owner_combo,
                           self.members, self.member_combo, self.add_member, self.remove_member,
                           self.steps, self.add_step, self.remove_step, self.deadline,
                           self.needs_edit, self.follow_up):
                widget.setEnabled(plan is not None)
            if plan is None:
                return
            if not self.title_edit.hasFocus():
                self.title_edit.setText(plan.title)
            self.ground_combo.setCurrentIndex(max(0, self.ground_combo.findData(
                plan.common_ground_id)))
            self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(plan.owner_id)))
            if not self.goal_edit.hasFocus():
                self.goal_edit.set_value(plan.goal)
            if not self.needs_edit.hasFocus():
                self.needs_edit.set_value(plan.needs)
            self.deadline.set_value(plan.deadline)
            self.follow_up.set_value(plan.follow_up)
            people = {p.id: p for p in self.book.all(Participant)}
            self.members.clear()
            for member in self.book.all(PlanMember, plan_id=plan.id):
                person = people.get(member.participant_id)
                item = QListWidgetItem(person_label(person) if person else "?")
                item.setData(ID_ROLE, member.participant_id)
                self.members.addItem(item)
            self.steps.setRowCount(0)
            for step in self.book.all(ActionStep, plan_id=plan.id):
                row = self.steps.rowCount()
                self.steps.insertRow(row)
                for col, name in enumerate(STEP_FIELDS):
                    cell = QTableWidgetItem(getattr(step, name))
                    cell.setData(ID_ROLE, step.id)
                    self.steps.setItem(row, col, cell)
        finally:
            self._loading = False

    def select_item(self, row_id: str) -> bool:
        if self.read_only:
            return False
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == row_id:
                self.list.setCurrentRow(row)
                return True
        return False

    # --------------------------------------------------------------- editing
    def capture(self, text: str, fields: dict[str, Any]) -> bool:
        built = ops.capture(self.book, ActionPlan, text, **fields)
        if built is None or not self.push(built[0]):
            return False
        return self.select_item(built[1].id)

    def _save(self, name: str, value: Any) -> None:
        plan = self.current()
        if plan is not None and not self._loading and getattr(plan, name) != value:
            self.push(EditFields(tr("Actieplan wijzigen"), ActionPlan, plan.id, {name: value}))

    def _on_add_member_clicked(self) -> None:
        plan, person = self.current(), self.member_combo.currentData()
        if plan is not None and person:
            self.push(ops.add_member(self.book, plan.id, person))

    def _on_remove_member_clicked(self) -> None:
        plan, item = self.current(), self.members.currentItem()
        if plan is not None and item is not None:
            self.push(ops.remove_member(self.book, plan.id, item.data(ID_ROLE)))

    def _on_add_step_clicked(self) -> None:
        plan = self.current()
        if plan is None:
            return
        position = ops.end_position(self.book, ActionStep, plan_id=plan.id)
        step = ActionStep(plan_id=plan.id, what=tr("Nieuwe stap"), position=position)
        if self.push(AddRecords(tr("Stap toevoegen"), [step])):
            row = self.steps.rowCount() - 1
            if row >= 0 and self.isVisible():
                self.steps.editItem(self.steps.item(row, 0))

    def _on_remove_step_clicked(self) -> None:
        ids = {i.data(ID_ROLE) for i in self.steps.selectedItems()}
        if ids:
            self.push(ops.delete_items(self.book, ActionStep, sorted(ids)))

    def _on_steps_item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        step = self.book.get(ActionStep, cell.data(ID_ROLE))
        name = STEP_FIELDS[cell.column()]
        value = cell.text().strip()
        if step is not None and getattr(step, name) != value:
            self.push(EditFields(tr("Stap wijzigen"), ActionStep, step.id, {name: value}))

    def selected_ids(self) -> list[str]:
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        return [self.list.item(r).data(ID_ROLE) for r in rows]

    def delete_selected(self) -> bool:
        return self.push(ops.delete_items(self.book, ActionPlan, self.selected_ids()))

    def merge_selected(self) -> bool:
        return self.push(ops.merge_duplicates(self.book, ActionPlan, self.selected_ids()))
