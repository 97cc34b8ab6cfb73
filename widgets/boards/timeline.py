"""Timeline board: three lanes (personal, world, topic) by decade, and each lane's reading."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import board_ops as ops
from app.board_records import LANES, TimelineEntry, TimelineReading
from app.i18n import tr
from widgets.boards.base import QuickCapture, colour_icon
from widgets.boards.lists import CardRow, ListBoard
from widgets.inputs import CommitTextEdit, shrinkable
from widgets.style import label

LANE_COLOURS = {"personal": "#8E6CC0", "world": "#3B7FC4", "topic": "#2E6B4F"}


def lane_title(lane: str) -> str:
    return {"personal": tr("Persoonlijk"), "world": tr("Wereld"),
            "topic": tr("Onderwerp")}.get(lane, lane)


def decade_title(decade: int) -> str:
    return tr("jaren '{yy}", yy=f"{decade % 100:02d}")


class TimelineBoard(ListBoard):
    KIND = "timeline"
    CLS = TimelineEntry
    TABLES = ("timeline_entry", "timeline_reading")
    READINGS_WIDTH = (250, 330)  # the readings panel, on a narrow and on a wide board

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = self.book.event()
        self.end_year = int(event.start_date[:4]) if event.start_date[:4].isdigit() \
            else dt.date.today().year
        self.span = 30
        self.last_year = self.end_year
        self.decades: list[int] = []
        self._build()
        self.set_span(self.span)

    # -------------------------------------------------------------- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        toolbar = self.build_toolbar(tr("Tijdlijn"), None if self.read_only else TimelineEntry)
        if not self.read_only:
            self.span_spin = QSpinBox()
            self.span_spin.setObjectName("timeline_span")
            self.span_spin.setRange(10, 100)
            self.span_spin.setSingleStep(10)
            self.span_spin.setValue(self.span)
            self.span_spin.setSuffix(tr(" jaar terug"))
            self.toolbar_row.insertWidget(1, self.span_spin)
            self.span_spin.valueChanged.connect(self.set_span)
        layout.addLayout(toolbar)
        body = QHBoxLayout()
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        body.addWidget(self.grid_host, 1)
        body.addWidget(self._build_readings())
        layout.addLayout(body, 1)
        if not self.read_only:
            self.capture_bar = QuickCapture(tr("Jaartal en mijlpaal, bv. '1998 Muziekkwartier "
                                               "open' of 'jaren 90 …'"))
            self.capture_bar.set_targets([(lane_title(lane), {"lane": lane}, LANE_COLOURS[lane])
                                          for lane in LANES])
            self.group_combo = shrinkable(QComboBox(), 14)
            self.group_combo.setObjectName("timeline_group")
            self.capture_bar.layout().insertWidget(2, self.group_combo)
            self.capture_bar.captured.connect(self._on_capture_bar_captured)
            layout.addWidget(self.capture_bar)

    def _build_readings(self) -> QWidget:
        panel = self.readings_panel = QFrame()
        panel.setProperty("role", "card")
        if self.read_only:
            panel.setFixedWidth(420)
        else:
            panel.setFixedWidth(self.READINGS_WIDTH[1])  # narrower on a laptop: resizeEvent
        form = QVBoxLayout(panel)
        form.addWidget(label(tr("Duiding per baan"), "h3"))
        self.reading_text = QLabel()
        self.reading_text.setObjectName("reading_text")
        self.reading_text.setWordWrap(True)
        self.reading_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.reading_text.setTextFormat(Qt.TextFormat.RichText)
        if self.read_only:
            self.reading_text.setStyleSheet("font-size: 13pt;")
        if not self.read_only:
            fields = QFormLayout()
            self.reading_lane = QComboBox()
            for lane in LANES:
                self.reading_lane.addItem(colour_icon(LANE_COLOURS[lane]), lane_title(lane), lane)
            self.reading_table = QSpinBox()
            self.reading_table.setRange(1, 20)
            self.reading_table.setPrefix(tr("Tafel "))
            self.reading_stories = CommitTextEdit(lines=3)
            self.reading_stories.setPlaceholderText(tr("Welk verhaal vertelt deze baan?"))
            self.reading_implications = CommitTextEdit(lines=3)
            self.reading_implications.setPlaceholderText(tr("Wat betekent dat voor ons werk?"))
            fields.addRow(tr("Baan"), self.reading_lane)
            fields.addRow(tr("Tafel"), self.reading_table)
            fields.addRow(tr("Verhalen"), self.reading_stories)
            fields.addRow(tr("Betekenis"), self.reading_implications)
            form.addLayout(fields)
            self.reading_lane.currentIndexChanged.connect(self._load_reading)
            self.reading_table.valueChanged.connect(self._load_reading)
            self.reading_stories.editing_finished.connect(self._on_reading_edited)
            self.reading_implications.editing_finished.connect(self._on_reading_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.reading_text)
        form.addWidget(scroll, 1)
        return panel

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The readings panel gives way to the decades when the board is narrow."""
        if not self.read_only:
            low, high = self.READINGS_WIDTH
            self.readings_panel.setFixedWidth(max(low, min(high, event.size().width() // 4)))
        super().resizeEvent(event)

    def set_span(self, years: int) -> None:
        """Show ``years`` back from the event's year, by decade."""
        self.span = years
        self.decades = ops.decades(self.end_year, years)
        for view in self.views:
            view.setParent(None)
            view.deleteLater()
        self.views = []
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for c, decade in enumerate(self.decades):
            head = label(decade_title(decade), "h3")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if self.read_only:
                head.setStyleSheet("font-size: 16pt;")
            self.grid.addWidget(head, 0, c + 1)
            self.grid.setColumnStretch(c + 1, 1)
        for r, lane in enumerate(LANES):
            name = label(lane_title(lane), "h3")
            name.setStyleSheet(f"color: {LANE_COLOURS[lane]};"
                               + (" font-size: 16pt;" if self.read_only else ""))
            name.setFixedWidth(170 if self.read_only else 100)
            self.grid.addWidget(name, r + 1, 0)
            self.grid.setRowStretch(r + 1, 1)
            for c, decade in enumerate(self.decades):
                self.grid.addWidget(self.make_list({"lane": lane, "decade": decade}), r + 1, c + 1)
        self.refresh()

    # -------------------------------------------------------- list behaviour
    def decade_of(self, year: int) -> int:
        decade = year // 10 * 10
        return min(max(decade, self.decades[0]), self.decades[-1]) if self.decades else decade

    def scope_of(self, record: Any) -> dict[str, Any]:
        return {"lane": record.lane, "decade": self.decade_of(record.year)}

    def records(self) -> list[Any]:
        return sorted(self.book.all(TimelineEntry), key=lambda e: (e.year, e.position))

    def card(self, record: Any, dots: list[tuple[str, int]]) -> CardRow:
        group = self._groups.get(record.group_id)
        badge = decade_title(record.year) if record.decade_only else str(record.year)
        if group is not None:
            badge += f" · {group.name}"
        return CardRow(record.id, record.text, badge=badge,
                       colour=group.colour if group else LANE_COLOURS.get(record.lane, ""),
                       dots=dots)

    def drop_fields(self, scope: dict[str, Any], record: Any) -> dict[str, Any]:
        fields: dict[str, Any] = {"lane": scope["lane"]}
        if self.decade_of(record.year) != scope["decade"]:
            fields.update(year=scope["decade"], decade_only=True)
        return fields

    def move_to(self, scope: dict[str, Any], ids: list[str], row: int | None = None) -> bool:
        return super().move_to(scope, ids, None)  # entries stay in year order

    def edit_fields(self, record: Any, text: str) -> dict[str, Any]:
        year, decade, rest = ops.parse_year(text, record.year)
        if rest and (year, decade) != (record.year, False) and rest != text.strip():
            return {"text": rest, "year": year, "decade_only": decade}
        return {"text": text}

    def refresh(self) -> None:
        self._groups = {g.id: g for g in self.groups()}
        super().refresh()
        if not self.read_only:
            current = self.group_combo.currentData()
            self.group_combo.blockSignals(True)
            self.group_combo.clear()
            self.group_combo.addItem(tr("— geen groep —"), "")
            for g in self._groups.values():
                self.group_combo.addItem(colour_icon(g.colour), g.name, g.id)
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current or "")))
            self.group_combo.blockSignals(False)
            self._load_reading()
        self._show_readings()

    def _on_capture_bar_captured(self, text: str, fields: dict[str, Any]) -> None:
        group = self.group_combo.currentData() or ""
        built = ops.capture(self.book, TimelineEntry, text, year=self.last_year,
                            group_id=group, **fields)
        if built is not None:
            self.last_year = built[1].year
            self.push(built[0])

    def capture(self, text: str, fields: dict[str, Any]) -> bool:
        built = ops.capture(self.book, TimelineEntry, text, year=self.last_year, **fields)
        return built is not None and self.push(built[0])

    # --------------------------------------------------------------- readings
    def _load_reading(self, *_args: object) -> None:
        lane = self.reading_lane.currentData()
        found = self.book.all(TimelineReading, lane=lane, table_no=self.reading_table.value())
        reading = found[0] if found else None
        if not self.reading_stories.hasFocus():
            self.reading_stories.set_value(reading.stories if reading else "")
        if not self.reading_implications.hasFocus():
            self.reading_implications.set_value(reading.implications if reading else "")

    def _on_reading_edited(self) -> None:
        self.push(ops.set_reading(self.book, self.reading_lane.currentData(),
                                  self.reading_table.value(), self.reading_stories.value(),
                                  self.reading_implications.value()))

    def _show_readings(self) -> None:
        parts = []
        for lane in LANES:
            for reading in self.book.all(TimelineReading, lane=lane):
                parts.append(
                    f"<p><b style='color:{LANE_COLOURS[lane]}'>{lane_title(lane)} · "
                    f"{tr('tafel {n}', n=reading.table_no)}</b><br>{_html(reading.stories)}"
                    f"<br><i>{_html(reading.implications)}</i></p>")
        self.reading_text.setText("".join(parts) or tr("Nog geen duiding."))


def _html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))
