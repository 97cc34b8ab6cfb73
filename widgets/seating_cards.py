"""The seating plan drawn as one column per round and one card per table.

Each person is a small painted chip with a bar and name in the stakeholder colour.
Drag a chip onto a person at another table of the same round to ask for a swap; the
board only emits signals (``swap_requested`` ...), the page turns them into commands.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from widgets.seating_ops import BoardData, SeatPersonInfo
from widgets.style import ACCENT, TEXT, WARN, label

SEAT_MIME = "application/x-oogst-seat"
HIGHLIGHT = "#FFE9A8"  # the person clicked, in every round


def readable(colour: str) -> QColor:
    """The group colour, darkened until it reads well as text on white."""
    c = QColor(colour)
    if not c.isValid():
        c = QColor("#666B73")
    while c.lightnessF() > 0.42:
        c = c.darker(115)
    return c


class PersonChip(QWidget):
    """One person at one table in one round; drag source and drop target."""

    def __init__(self, board: SeatingBoard, round_no: int, table_no: int, pid: str,
                 info: SeatPersonInfo, pinned: bool, repeats: list[str]) -> None:
        super().__init__()
        self.board = board
        self.round_no, self.table_no, self.pid = round_no, table_no, pid
        self.info = info
        self.pinned = pinned
        self.repeats = repeats
        self.drop_target = False
        self._press: QPoint | None = None
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setObjectName("person_chip")
        tips = [f"{info.name} — {info.group or tr('(geen groep)')}"]
        if info.organisation:
            tips.append(info.organisation)
        if pinned:
            tips.append(tr("Vast aan tafel {n}", n=board.data.pins.get(pid, table_no)))
        if repeats:
            names = ", ".join(board.data.people[o].name for o in repeats
                              if o in board.data.people)
            tips.append(tr("Zat in een andere ronde ook al met: {names}", names=names))
        tips.append(tr("Sleep naar iemand aan een andere tafel om te wisselen."))
        self.setToolTip("\n".join(tips))

    def sizeHint(self) -> QSize:
        return QSize(180, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(1, 1, -1, -1)
        colour = QColor(self.info.colour)
        tint = QColor(colour)
        tint.setAlphaF(0.13)
        highlighted = self.board.highlighted == self.pid
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(HIGHLIGHT) if highlighted else tint)
        p.drawRoundedRect(rect, 4, 4)
        p.setBrush(colour)
        p.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        if self.drop_target or highlighted:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(ACCENT if self.drop_target else TEXT), 2))
            p.drawRoundedRect(rect, 4, 4)
        right = rect.right() - 4
        font = p.font()
        if self.repeats:
            p.setPen(QColor(WARN))
            font.setBold(True)
            p.setFont(font)
            p.drawText(QRect(right - 12, rect.top(), 12, rect.height()),
                       Qt.AlignmentFlag.AlignCenter, "!")
            right -= 14
        if self.pinned:
            font.setBold(False)
            p.setFont(font)
            p.setPen(QColor("#666B73"))
            tag = tr("vast")
            width = p.fontMetrics().horizontalAdvance(tag) + 4
            p.drawText(QRect(right - width, rect.top(), width, rect.height()),
                       Qt.AlignmentFlag.AlignCenter, tag)
            right -= width + 2
        font.setBold(False)
        p.setFont(font)
        p.setPen(readable(self.info.colour) if self.info.group else QColor(TEXT))
        text_rect = QRect(rect.left() + 10, rect.top(), right - rect.left() - 10, rect.height())
        name = p.fontMetrics().elidedText(self.info.name, Qt.TextElideMode.ElideRight,
                                          text_rect.width())
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        p.end()

    # -------------------------------------------------------------- dragging
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            self.board.set_highlight(None if self.board.highlighted == self.pid else self.pid)
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < \
                QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(seat_mime(self.round_no, self.pid))
        pixmap = QPixmap(self.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        self.render(pixmap)
        drag.setPixmap(pixmap)
        drag.setHotSpot(event.position().toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def _accepts(self, mime: QMimeData) -> bool:
        source = parse_seat_mime(mime)
        if source is None or source[0] != self.round_no or source[1] == self.pid:
            return False
        return self.board.table_of(self.round_no, source[1]) != self.table_no

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            self.drop_target = True
            self.update()
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_target = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_target = False
        self.update()
        source = parse_seat_mime(event.mimeData())
        if source is None or not self._accepts(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        # after the drag has ended: the swap redraws the board, this chip included
        board, round_no, pid = self.board, self.round_no, self.pid
        QTimer.singleShot(0, board, lambda: board.swap_requested.emit(round_no, source[1], pid))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.board.show_menu(self, event.globalPos())


def seat_mime(round_no: int, pid: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(SEAT_MIME, QByteArray(f"{round_no}|{pid}".encode("ascii")))
    return mime


def parse_seat_mime(mime: QMimeData) -> tuple[int, str] | None:
    if not mime.hasFormat(SEAT_MIME):
        return None
    raw = bytes(mime.data(SEAT_MIME).data()).decode("ascii", "ignore")
    number, _, pid = raw.partition("|")
    try:
        return int(number), pid
    except ValueError:
        return None


class TableCard(QFrame):
    def __init__(self, board: SeatingBoard, round_no: int, table_no: int,
                 people: Sequence[str]) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName("table_card")
        self.round_no, self.table_no = round_no, table_no
        data = board.data
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(3)
        head = QHBoxLayout()
        head.addWidget(label(tr("Tafel {n}", n=table_no), "h3"))
        head.addStretch(1)
        head.addWidget(label(str(len(people)), "muted"))
        layout.addLayout(head)
        counts: dict[str, int] = {}
        for pid in people:
            group = data.people[pid].group if pid in data.people else ""
            if group:
                counts[group] = counts.get(group, 0) + 1
        doubles = [f"{n}× {g}" for g, n in counts.items() if n > 1]
        if doubles:
            warning = label(", ".join(doubles))
            warning.setStyleSheet(f"color: {WARN}; font-size: 8.5pt;")
            warning.setWordWrap(True)
            layout.addWidget(warning)
        self.chips: list[PersonChip] = []
        for pid in people:
            info = data.people.get(pid, SeatPersonInfo(tr("(onbekend)")))
            chip = PersonChip(board, round_no, table_no, pid, info, pid in data.pins,
                              data.repeats.get((round_no - 1, pid), []))
            self.chips.append(chip)
            layout.addWidget(chip)


class SeatingBoard(QWidget):
    """All rounds side by side. Emits requests; never writes."""

    swap_requested = Signal(int, str, str)  # round number, person dragged, person dropped on
    pin_requested = Signal(str, int)  # person, table number
    unpin_requested = Signal(str)
    apart_requested = Signal(str)  # person: ask with whom
    apart_removed = Signal(str)  # rule id

    MIN_COLUMN = 230
    MAX_COLUMN = 330

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seating_board")
        self.data = BoardData([], {})
        self.highlighted: str | None = None
        self.column_width = self.MIN_COLUMN
        self._columns: list[QWidget] = []
        self.cards: list[list[TableCard]] = []
        self._where: dict[tuple[int, str], int] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(14)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def set_data(self, data: BoardData) -> None:
        self.setUpdatesEnabled(False)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.data = data
        self.cards = []
        self._columns = []
        self._where = {(r + 1, pid): t + 1 for r, rnd in enumerate(data.rounds)
                       for t, table in enumerate(rnd) for pid in table}
        for r, rnd in enumerate(data.rounds, start=1):
            column = QWidget()
            column.setFixedWidth(self.column_width)
            self._columns.append(column)
            column.setObjectName("round_column")
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(8)
            box.addWidget(label(tr("Ronde {n}", n=r), "h2"))
            cards = [TableCard(self, r, t, table) for t, table in enumerate(rnd, start=1)]
            for card in cards:
                box.addWidget(card)
            box.addStretch(1)
            self.cards.append(cards)
            self._layout.addWidget(column, 0, Qt.AlignmentFlag.AlignTop)
        self.setUpdatesEnabled(True)

    def fit_width(self, width: int) -> None:
        """Share ``width`` pixels among the round columns (within sensible bounds)."""
        rounds = max(1, len(self.data.rounds))
        spacing = self._layout.spacing() * (rounds - 1)
        self.column_width = max(self.MIN_COLUMN,
                                min(self.MAX_COLUMN, (width - spacing - 4) // rounds))
        for column in self._columns:
            column.setFixedWidth(self.column_width)

    def table_of(self, round_no: int, pid: str) -> int | None:
        return self._where.get((round_no, pid))

    def chip(self, round_no: int, pid: str) -> PersonChip | None:
        table = self.table_of(round_no, pid)
        if table is None:
            return None
        return next(c for c in self.cards[round_no - 1][table - 1].chips if c.pid == pid)

    def set_highlight(self, pid: str | None) -> None:
        self.highlighted = pid
        for cards in self.cards:
            for card in cards:
                for chip in card.chips:
                    chip.update()

    def show_menu(self, chip: PersonChip, where: QPoint) -> None:
        menu = QMenu(self)
        pinned = self.data.pins.get(chip.pid)
        if pinned is None or pinned != chip.table_no:
            menu.addAction(tr("Vastzetten aan deze tafel (tafel {n})", n=chip.table_no),
                           lambda: self.pin_requested.emit(chip.pid, chip.table_no))
        if pinned is not None:
            menu.addAction(tr("Losmaken van tafel {n}", n=pinned),
                           lambda: self.unpin_requested.emit(chip.pid))
        menu.addSeparator()
        menu.addAction(tr("Uit elkaar houden met…"), lambda: self.apart_requested.emit(chip.pid))
        for rule_id, other in self.data.apart.get(chip.pid, []):
            name = self.data.people[other].name if other in self.data.people else "?"
            menu.addAction(tr("Niet meer uit elkaar houden met {name}", name=name),
                           lambda r=rule_id: self.apart_removed.emit(r))
        menu.exec(where)


GOOD = ("#1E5E3B", "#DDEFE3")
NOT_GOOD = ("#7A4B00", "#FFF1D6")


class QualityStrip(QFrame):
    """Quality at a glance: green when nobody meets anyone twice, amber otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quality_strip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(24)
        self.verdict_label = QLabel()
        self.repeats_label = QLabel()
        self.duplicates_label = QLabel()
        self.new_people_label = QLabel()
        for widget in (self.verdict_label, self.repeats_label, self.duplicates_label,
                       self.new_people_label):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_quality(self, q: object) -> None:
        """Show a ``SeatingQuality`` (from ``sessions.seating.evaluate``)."""
        perfect = bool(getattr(q, "perfect", False))
        ink, background = GOOD if perfect else NOT_GOOD
        self.setStyleSheet(f"QFrame#quality_strip {{ background: {background}; "
                           f"border-radius: 8px; }} QFrame#quality_strip QLabel "
                           f"{{ color: {ink}; }}")
        self.verdict_label.setText("<b>" + (tr("✓ Niemand ontmoet iemand twee keer")
                                            if perfect else tr("Let op")) + "</b>")
        repeats = getattr(q, "repeat_pairs", 0)
        bound = getattr(q, "lower_bound_repeat_pairs", 0)
        text = tr("Dubbele ontmoetingen: <b>{n}</b>", n=repeats)
        if repeats and bound:
            text += " " + tr("(minimaal mogelijk: {n})", n=bound)
        self.repeats_label.setText(text)
        self.duplicates_label.setText(tr("Tafels met twee van één groep: <b>{n}</b>",
                                         n=getattr(q, "tables_with_duplicate_group", 0)))
        self.new_people_label.setText(tr(
            "Minste nieuwe mensen ontmoet door één persoon: <b>{n}</b>",
            n=getattr(q, "min_new_people_met", 0)))


def legend_html(groups: Sequence[object]) -> str:
    """Coloured squares with the group names (for a rich-text QLabel)."""
    parts = [f'<span style="color:{html.escape(g.colour)}; font-size:13pt">■</span>&nbsp;'
             f"{html.escape(g.name)}" for g in groups]  # type: ignore[attr-defined]
    return "&nbsp;&nbsp;&nbsp; ".join(parts)
