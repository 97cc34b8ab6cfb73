"""The trends map's graphics: nodes (central question, trends), edges, and the radial layout."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.board_records import Trend

RING = 160.0  # least distance between rings of the radial layout
NODE_HEIGHT = 64.0
MAIN_WIDTH = 210.0
SUB_WIDTH = 175.0
DOT = 11.0
WIDE = 1.6  # an ellipse rather than a circle: screens and beamers are wide


def _room(angle: float, step: float, width: float) -> float:
    """The radius at which neighbours ``step`` radians apart at ``angle`` do not overlap:
    side by side at the top and bottom of the ellipse, stacked at its sides."""
    across, along = abs(math.sin(angle)), abs(math.cos(angle))
    options = []
    if across > 1e-3:
        options.append((width + 24) / (WIDE * step * across))
    if along > 1e-3:
        options.append((NODE_HEIGHT + 24) / (step * along))
    return min(options) if options else RING


def radial_layout(trends: Sequence[Trend]) -> dict[str, QPointF]:
    """Centre points for trends: main trends on an ellipse round the central question,
    sub-trends further out inside their parent's wedge. Hand-placed trends keep theirs."""
    children: dict[str, list[Trend]] = {}
    ids = {t.id for t in trends}
    for trend in trends:
        parent = trend.parent_id if trend.parent_id in ids else ""
        children.setdefault(parent, []).append(trend)
    roots = children.get("", [])
    out: dict[str, QPointF] = {}
    if not roots:
        return out
    wedge = 2 * math.pi / len(roots)
    inner = max([RING * 1.6] + [_room(-math.pi / 2 + r * wedge, wedge, MAIN_WIDTH)
                                for r in range(len(roots))])

    def place(trend: Trend, radius: float, start: float, wedge: float, depth: int) -> None:
        angle = start + wedge / 2
        point = QPointF(WIDE * radius * math.cos(angle), radius * math.sin(angle))
        out[trend.id] = QPointF(trend.x, trend.y) if trend.placed else point
        kids = children.get(trend.id, [])
        if kids and depth < 12:
            step = wedge / len(kids)
            outer = max([radius + RING] + [_room(start + (k + 0.5) * step, step, SUB_WIDTH)
                                           for k in range(len(kids))])
            for k, kid in enumerate(kids):
                place(kid, outer, start + k * step, step, depth + 1)

    for r, root in enumerate(roots):
        place(root, inner, -math.pi / 2 + (r - 0.5) * wedge, wedge, 1)
    return out


class MapNode(QGraphicsItem):
    """A rounded card with wrapped text and, for trends, a row of coloured dots."""

    def __init__(self, row_id: str, text: str, width: float, fill: str, border: str,
                 font: QFont, movable: bool = True,
                 dots: list[tuple[str, int]] | None = None) -> None:
        super().__init__()
        self.row_id = row_id
        self.text = text
        self.width = width
        self.fill = QColor(fill)
        self.border = QColor(border)
        self.font = font
        self.dots: list[tuple[str, int]] = dots or []
        self.key: tuple[Any, ...] = (text, width, tuple(self.dots))
        self.edges: list[MapEdge] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setZValue(1)
        self._measure()

    def _measure(self) -> None:
        metrics = QFontMetricsF(self.font)
        inner = QRectF(0, 0, self.width - 20, 10_000)
        self._text_h = metrics.boundingRect(inner, int(Qt.TextFlag.TextWordWrap),
                                            self.text).height()
        self._height = self._text_h + 18 + (DOT + 6 if self.dots else 0)

    def set_dots(self, dots: list[tuple[str, int]]) -> None:
        self.prepareGeometryChange()
        self.dots = dots
        self._measure()
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-self.width / 2 - 2, -self._height / 2 - 2, self.width + 4,
                      self._height + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = QRectF(-self.width / 2, -self._height / 2, self.width, self._height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor("#2E6B4F") if selected else self.border, 3 if selected else 1.5))
        painter.setBrush(QBrush(self.fill))
        painter.drawRoundedRect(rect, 9, 9)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.22:
            return  # too small to read: the card alone keeps a big map fluid
        painter.setFont(self.font)
        painter.setPen(QColor("#1F2328"))
        painter.drawText(QRectF(rect.left() + 10, rect.top() + 8, self.width - 20, self._text_h),
                         int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter), self.text)
        if self.dots:
            total = sum(n for _c, n in self.dots)
            x = -min(total, int((self.width - 20) // (DOT + 3))) * (DOT + 3) / 2
            y = rect.bottom() - DOT - 7
            painter.setPen(QPen(QColor(0, 0, 0, 70), 1))
            for colour, count in self.dots:
                painter.setBrush(QColor(colour))
                for _ in range(count):
                    if x + DOT > self.width / 2 - 8:
                        return
                    painter.drawEllipse(QRectF(x, y, DOT, DOT))
                    x += DOT + 3

    def follow_edges(self) -> None:
        for edge in self.edges:
            edge.follow()


class MapEdge(QGraphicsLineItem):
    """A line between two nodes: solid from a trend to its parent, dashed for a link."""

    def __init__(self, a: MapNode, b: MapNode, link: bool = False, row_id: str = "") -> None:
        super().__init__()
        self.a, self.b = a, b
        self.row_id = row_id
        pen = QPen(QColor(199, 124, 43, 150) if link else QColor("#B5B1A6"), 1.6 if link else 2)
        if link:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(0)
        a.edges.append(self)
        b.edges.append(self)
        self.follow()

    def follow(self) -> None:
        self.setLine(self.a.pos().x(), self.a.pos().y(), self.b.pos().x(), self.b.pos().y())
