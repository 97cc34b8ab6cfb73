"""Common ground: statements in four columns (agreed, not agreed, unresolved, potential
projects), moved by drag (or Alt+1..4), with the tables each came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout

from app.board_records import GROUND_STATES, CommonGround
from app.commands import EditFields
from app.i18n import tr
from widgets.boards.base import QuickCapture
from widgets.boards.lists import CardRow, ListBoard
from widgets.style import label

STATE_COLOURS = {"agreed": "#2E7D32", "not_agreed": "#B3261E", "unresolved": "#B07A00",
                 "project": "#1565C0"}


def state_title(status: str) -> str:
    return {"agreed": tr("Eens"), "not_agreed": tr("Niet eens"), "unresolved": tr("Nog open"),
            "project": tr("Mogelijke projecten")}.get(status, status)


class CommonGroundBoard(ListBoard):
    KIND = "common_ground"
    CLS = CommonGround
    TABLES = ("common_ground", "dot")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.build_toolbar(tr("Gemeenschappelijke grond"),
                                            None if self.read_only else CommonGround))
        columns = QHBoxLayout()
        columns.setSpacing(10)
        for n, status in enumerate(GROUND_STATES):
            column = QFrame()
            column.setProperty("role", "card")
            inner = QVBoxLayout(column)
            title = label(state_title(status), "h3")
            title.setStyleSheet(f"color: {STATE_COLOURS[status]};"
                                + (" font-size: 18pt;" if self.read_only else ""))
            if not self.read_only:
                title.setToolTip(tr("Alt+{n} zet de selectie hier", n=n + 1))
                self._shortcut(f"Alt+{n + 1}", lambda s=status: self.move_selected(s))
            inner.addWidget(title)
            inner.addWidget(self.make_list({"status": status}), 1)
            columns.addWidget(column, 1)
        layout.addLayout(columns, 1)
        if not self.read_only:
            row = QHBoxLayout()
            self.capture_bar = QuickCapture(tr("Typ een uitspraak en druk op Enter; Tab kiest "
                                               "de kolom"))
            self.capture_bar.set_targets([(state_title(s), {"status": s}, STATE_COLOURS[s])
                                          for s in GROUND_STATES])
            self.capture_bar.select_fields(status="unresolved")
            self.tables_edit = QLineEdit()
            self.tables_edit.setObjectName("tables_edit")
            self.tables_edit.setPlaceholderText(tr("Tafels, bv. 3, 5"))
            self.tables_edit.setMaximumWidth(180)
            self.tables_edit.setToolTip(tr("Van welke tafels komt de uitspraak? Geldt voor "
                                           "nieuwe uitspraken en voor de selectie."))
            self.capture_bar.layout().insertWidget(2, self.tables_edit)
            self.capture_bar.captured.connect(self._on_capture_bar_captured)
            self.tables_edit.editingFinished.connect(self._on_tables_edit_editing_finished)
            row.addWidget(self.capture_bar, 1)
            layout.addLayout(row)
        self.refresh()

    def card(self, record: Any, dots: list[tuple[str, int]]) -> CardRow:
        badge = tr("tafels {tables}", tables=record.tables) if record.tables else ""
        return CardRow(record.id, record.text, badge=badge,
                       colour=STATE_COLOURS.get(record.status, ""), dots=dots)

    def _on_capture_bar_captured(self, text: str, fields: dict[str, Any]) -> None:
        self.capture(text, {**fields, "tables": self.tables_edit.text().strip()})

    def _on_tables_edit_editing_finished(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        record = self.book.get(CommonGround, ids[0])
        tables = self.tables_edit.text().strip()
        if record is not None and record.tables != tables:
            self.push(EditFields(tr("Tafels wijzigen"), CommonGround, record.id,
                                 {"tables": tables}))

    def move_selected(self, status: str) -> bool:
        ids = self.selected_ids()
        return bool(ids) and self.move_to({"status": status}, ids)
