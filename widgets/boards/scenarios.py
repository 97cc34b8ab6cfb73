"""Scenarios: per mixed table a title, horizon year, narrative, key features and photos
of flipcharts or drawings (image files attached to the scenario)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import board_ops as ops
from app.board_records import Attachment, Scenario
from app.commands import DeleteRecords, EditFields
from app.i18n import tr
from widgets.boards.base import BoardBase, QuickCapture
from widgets.boards.cards import CardGrid, esc
from widgets.inputs import CommitTextEdit

IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.webp"
ID_ROLE = Qt.ItemDataRole.UserRole


class ScenariosBoard(BoardBase):
    KIND = "scenarios"
    TABLES = ("scenario", "attachment")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        start = self.book.event().start_date[:4]
        self.horizon = (int(start) if start.isdigit() else 2026) + 10
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.build_toolbar(tr("Toekomstbeelden")))
        if self.read_only:
            self.cards = CardGrid(4, 1.3)
            layout.addWidget(self.cards, 1)
        else:
            body = QHBoxLayout()
            self.list = QListWidget()
            self.list.setObjectName("scenario_list")
            self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.list.setFixedWidth(360)
            self.list.setStyleSheet("QListWidget::item { padding: 6px; }")
            body.addWidget(self.list)
            body.addWidget(self._build_form(), 1)
            layout.addLayout(body, 1)
            self.capture_bar = QuickCapture(tr("Titel van een toekomstbeeld; Tab kiest de tafel"))
            self.capture_bar.captured.connect(self.capture)
            layout.addWidget(self.capture_bar)
            self.list.currentItemChanged.connect(lambda *_: self._load())
        self.refresh()

    def _build_form(self) -> QFrame:
        """The chosen scenario's fields, on a card whose rows scroll when the window is
        short (the photos and both texts need ~570 px; a 1366 x 768 laptop has ~420)."""
        form_box = QFrame()
        form_box.setProperty("role", "card")
        rows = QScrollArea()
        rows.setObjectName("scenario_form")
        rows.setWidgetResizable(True)
        rows.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        rows.setWidget(inner)
        box = QVBoxLayout(form_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(rows)
        form = QFormLayout(inner)
        self.table_spin = QSpinBox()
        self.table_spin.setRange(0, 50)
        self.table_spin.setPrefix(tr("Tafel "))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("scenario_title")
        self.horizon_spin = QSpinBox()
        self.horizon_spin.setRange(2000, 2200)
        self.narrative_edit = CommitTextEdit(lines=7)
        self.narrative_edit.setPlaceholderText(tr("Het is {year} en het is gelukt. Wat zie je, "
                                                  "wat hoor je?", year=self.horizon))
        self.features_edit = CommitTextEdit(lines=5)
        self.features_edit.setPlaceholderText(tr("Belangrijkste kenmerken, één per regel"))
        self.photos = QListWidget()
        self.photos.setObjectName("scenario_photos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(180, 135))
        self.photos.setFixedHeight(190)
        self.add_photo = QPushButton(tr("Foto toevoegen…"))
        self.remove_photo = QPushButton(tr("Foto verwijderen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_photo)
        buttons.addWidget(self.remove_photo)
        buttons.addStretch(1)
        form.addRow(tr("Tafel"), self.table_spin)
        form.addRow(tr("Titel"), self.title_edit)
        form.addRow(tr("Horizon"), self.horizon_spin)
        form.addRow(tr("Verhaal"), self.narrative_edit)
        form.addRow(tr("Kenmerken"), self.features_edit)
        form.addRow(tr("Foto's"), self.photos)
        form.addRow("", buttons)
        self.table_spin.editingFinished.connect(lambda: self._save("table_no",
                                                                   self.table_spin.value()))
        self.title_edit.editingFinished.connect(lambda: self._save("title",
                                                                   self.title_edit.text().strip()))
        self.horizon_spin.editingFinished.connect(lambda: self._save("horizon",
                                                                     self.horizon_spin.value()))
        self.narrative_edit.editing_finished.connect(
            lambda: self._save("narrative", self.narrative_edit.value()))
        self.features_edit.editing_finished.connect(
            lambda: self._save("features", self.features_edit.value()))
        self.add_photo.clicked.connect(self._on_add_photo_clicked)
        self.remove_photo.clicked.connect(self._on_remove_photo_clicked)
        return form_box

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        scenarios = self.book.all(Scenario)
        if self.read_only:
            self._show_cards(scenarios)
            return
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for scenario in scenarios:
            item = QListWidgetItem(tr("Tafel {n} · {title}", n=scenario.table_no,
                                      title=scenario.title or tr("(zonder titel)")))
            item.setData(ID_ROLE, scenario.id)
            self.list.addItem(item)
            if scenario.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        tables = max([8] + [s.table_no for s in scenarios])
        self.capture_bar.set_targets([(tr("Tafel {n}", n=n), {"table_no": n}, "")
                                      for n in range(1, tables + 1)])
        self._load()

    def _show_cards(self, scenarios: list[Scenario]) -> None:
        cards = []
        for s in scenarios:
            features = "".join(f"<li>{esc(f)}</li>" for f in s.features.splitlines() if f.strip())
            cards.append(("#2E6B4F", f"<h3>{esc(s.title)}</h3><p style='color:#666B73'>"
                          f"{tr('Tafel {n} · {year}', n=s.table_no, year=s.horizon)}</p>"
                          f"<p>{esc(s.narrative)}</p><ul>{features}</ul>"))
        self.cards.set_cards(cards)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else ""

    def current(self) -> Scenario | None:
        row_id = self.current_id()
        return self.book.get(Scenario, row_id) if row_id else None

    def _load(self) -> None:
        scenario = self.current()
        for widget in (self.table_spin, self.title_edit, self.horizon_spin, self.narrative_edit,
                       self.features_edit, self.add_photo, self.remove_photo):
            widget.setEnabled(scenario is not None)
        if scenario is None:
            return
        self.table_spin.setValue(scenario.table_no)
        if not self.title_edit.hasFocus():
            self.title_edit.setText(scenario.title)
        self.horizon_spin.setValue(scenario.horizon or self.horizon)
        if not self.narrative_edit.hasFocus():
            self.narrative_edit.set_value(scenario.narrative)
        if not self.features_edit.hasFocus():
            self.features_edit.set_value(scenario.features)
        self.photos.clear()
        for photo in self.book.all(Attachment, owner_id=scenario.id):
            pixmap = QPixmap()
            pixmap.loadFromData(photo.data)
            item = QListWidgetItem(QIcon(pixmap), photo.caption or photo.file_name)
            item.setData(ID_ROLE, photo.id)
            self.photos.addItem(item)

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
        built = ops.capture(self.book, Scenario, text, horizon=self.horizon, **fields)
        if built is None or not self.push(built[0]):
            return False
        return self.select_item(built[1].id)

    def _save(self, name: str, value: Any) -> None:
        scenario = self.current()
        if scenario is not None and getattr(scenario, name) != value:
            self.push(EditFields(tr("Toekomstbeeld wijzigen"), Scenario, scenario.id,
                                 {name: value}))

    def attach_files(self, paths: list[str | Path]) -> int:
        """Attach image files to the current scenario; returns how many."""
        scenario = self.current()
        done = 0
        for path in map(Path, paths):
            if scenario is None or not path.is_file():
                continue
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if self.push(ops.attach_image(self.book, scenario.id, path.name, path.read_bytes(),
                                          mime, caption=path.stem)):
                done += 1
        return done

    def _on_add_photo_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Foto's toevoegen"), "",
                                                tr("Afbeeldingen ({patterns})",
                                                   patterns=IMAGE_FILTER))
        self.attach_files(paths)

    def _on_remove_photo_clicked(self) -> None:
        ids = [i.data(ID_ROLE) for i in self.photos.selectedItems()]
        if ids:
            self.push(DeleteRecords(tr("Foto verwijderen"), Attachment, ids))

    def selected_ids(self) -> list[str]:
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        return [self.list.item(r).data(ID_ROLE) for r in rows]

    def delete_selected(self) -> bool:
        return self.push(ops.delete_items(self.book, Scenario, self.selected_ids()))

    def merge_selected(self) -> bool:
        return self.push(ops.merge_duplicates(self.book, Scenario, self.selected_ids()))
