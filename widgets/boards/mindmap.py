"""Trends mind map: the central question, trends and sub-trends as nodes with links,
laid out radially and movable by hand; dots per stakeholder group in their colours;
a ranking of trends overall and per group at the side."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import board_ops as ops
from app.board_records import Trend, TrendLink
from app.commands import Compound, EditFields
from app.i18n import tr
from widgets.boards.base import BoardBase, QuickCapture, colour_icon
from widgets.boards.mindmap_items import MAIN_WIDTH, SUB_WIDTH, MapEdge, MapNode, radial_layout
from widgets.shortcuts import local_shortcut
from widgets.style import label


class MapView(QGraphicsView):
    """The map: rubber-band selection, Ctrl+wheel zoom, reports nodes moved by hand."""

    def __init__(self, board: MindmapBoard) -> None:
        super().__init__()
        self.board = board
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setStyleSheet("QGraphicsView { background: #FBFAF6; border: 1px solid #D9D5CB; "
                           "border-radius: 6px; }")
        self._pressed: dict[str, QPointF] = {}

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
            self.board.zoomed = True
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._pressed = {n.row_id: n.pos() for n in self.board.selected_nodes()}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and self._pressed:
            for node in self.board.selected_nodes():
                node.follow_edges()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = [n for n in self.board.selected_nodes()
                 if n.row_id in self._pressed and n.pos() != self._pressed[n.row_id]]
        self._pressed = {}
        if moved:
            self.board.nodes_moved(moved)
        elif event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, MapNode) and item.row_id:
                self.board.node_clicked(item.row_id, event.modifiers())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, MapNode) and item.row_id:
            self.board.edit_node(item)
        else:
            super().mouseDoubleClickEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.board.read_only or not self.board.zoomed:
            self.board.fit()


class MindmapBoard(BoardBase):
    KIND = "mindmap"
    TABLES = ("trend", "trend_link", "dot", "event")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nodes: dict[str, MapNode] = {}
        self.edges: dict[tuple[str, str, str], MapEdge] = {}
        self.centre: MapNode | None = None
        self._trends: list[Trend] = []
        self._order: dict[str, int] = {}
        self._counts: dict[str, Counter[str]] = {}
        self._editor: QLineEdit | None = None
        self.zoomed = False  # the user zoomed: stop fitting the map to the window
        self.node_font = QFont(self.font())  # the map is fitted to the window anyway
        self.scene = QGraphicsScene(self)
        self.view = MapView(self)
        self.view.setObjectName("mindmap_view")
        self.view.setScene(self.scene)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        toolbar = self.build_toolbar(tr("Trendkaart"), None if self.read_only else Trend)
        bar = self.toolbar_row
        if not self.read_only:
            self.link_button = QPushButton(tr("Verbinden"))
            self.link_button.setToolTip(tr("Twee geselecteerde trends verbinden (Ctrl+K)"))
            self.fit_button = QPushButton(tr("Passend"))
            self.fit_button.setToolTip(tr("De hele kaart in beeld (Ctrl+0)"))
            bar.insertWidget(bar.count() - 2, self.link_button)
            bar.insertWidget(bar.count() - 2, self.fit_button)
            self.link_button.clicked.connect(self.link_selected)
            self.fit_button.clicked.connect(self.fit)
            self._shortcut("Ctrl+K", self.link_selected)
            self._shortcut("Ctrl+0", self.fit)
            local_shortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected,
                           children=False)
        layout.addLayout(toolbar)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self._build_ranking())
        layout.addLayout(body, 1)
        if not self.read_only:
            self.capture_bar = QuickCapture(tr("Typ een trend en druk op Enter; Tab: hoofdtrend "
                                               "of subtrend van de selectie"))
            self.capture_bar.captured.connect(self.capture)
            layout.addWidget(self.capture_bar)
            self.scene.selectionChanged.connect(self._on_scene_selection_changed)
            self._on_scene_selection_changed()
        self.refresh()

    def _build_ranking(self) -> QWidget:
        panel = QFrame()
        panel.setProperty("role", "card")
        panel.setFixedWidth(420 if self.read_only else 330)
        inner = QVBoxLayout(panel)
        inner.addWidget(label(tr("Rangorde"), "h3"))
        self.ranking_group = QComboBox()
        self.ranking_group.setObjectName("ranking_group")
        self.ranking_list = QListWidget()
        self.ranking_list.setObjectName("ranking_list")
        self.ranking_list.setWordWrap(True)
        if self.read_only:
            font = self.ranking_list.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            self.ranking_list.setFont(font)
        self.left_label = label("", "muted")
        self.left_label.setWordWrap(True)
        self.ranking_group.setVisible(not self.read_only)
        inner.addWidget(self.ranking_group)
        inner.addWidget(self.ranking_list, 1)
        inner.addWidget(self.left_label)
        self.ranking_group.currentIndexChanged.connect(self._fill_ranking)
        self.ranking_list.itemClicked.connect(
            lambda item: self.select_item(item.data(Qt.ItemDataRole.UserRole)))
        return panel

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        if self._editor is not None:
            return
        keep = {n.row_id for n in self.selected_nodes()}
        self._trends = trends = self.book.all(Trend)
        self._order = {t.id: n for n, t in enumerate(trends)}
        groups = self.groups()
        colours = {g.id: g.colour for g in groups}
        self._counts = counts = ops.dot_counts(self.book)
        self.scene.blockSignals(True)
        question = self.book.event().question or tr("Welke trends zijn er?")
        if self.centre is None or self.centre.text != question:
            if self.centre is not None:
                self.scene.removeItem(self.centre)
            self.centre = MapNode("", question, 300, "#2E6B4F", "#24573F", self._bold(),
                                  movable=False)
            self.centre.fill.setAlpha(40)
            self.scene.addItem(self.centre)
        self.centre.edges = []
        points = radial_layout(trends)
        old, self.nodes = self.nodes, {}
        for trend in trends:
            main = not trend.parent_id
            by_group = counts.get(trend.id, {})
            dots = [(colours.get(g.id, "#888"), by_group[g.id]) for g in groups
                    if by_group.get(g.id)]
            width = MAIN_WIDTH if main else SUB_WIDTH
            node = old.pop(trend.id, None)
            if node is None or node.key != (trend.text, width, tuple(dots)):
                if node is not None:
                    self.scene.removeItem(node)
                node = MapNode(trend.id, trend.text, width, "#FFF8E1" if main else "#FFFFFF",
                               "#C9A227" if main else "#BDB8AC", self.node_font,
                               movable=not self.read_only, dots=dots)
                node.setToolTip(tr("{n} stippen", n=sum(by_group.values())))
                self.scene.addItem(node)
            node.edges = []
            node.setPos(points[trend.id])
            self.nodes[trend.id] = node
        for node in old.values():
            self.scene.removeItem(node)
        wanted = [(self.nodes[t.id], self.nodes.get(t.parent_id, self.centre), "")
                  for t in trends]
        wanted += [(self.nodes[lk.from_id], self.nodes[lk.to_id], lk.id)
                   for lk in self.book.all(TrendLink)
                   if lk.from_id in self.nodes and lk.to_id in self.nodes]
        edges, self.edges = self.edges, {}
        for a, b, link in wanted:
            key = (a.row_id, b.row_id, link)
            edge = edges.pop(key, None)
            if edge is None or edge.a is not a or edge.b is not b:
                if edge is not None:
                    self.scene.removeItem(edge)
                edge = MapEdge(a, b, link=bool(link), row_id=link)
                self.scene.addItem(edge)
            else:
                a.edges.append(edge)
                b.edges.append(edge)
                edge.follow()
            self.edges[key] = edge
        for edge in edges.values():
            self.scene.removeItem(edge)
        for row_id, node in self.nodes.items():
            node.setSelected(row_id in keep)
        self.scene.blockSignals(False)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))
        if not self.zoomed:
            self.fit()
        self._fill_groups(groups)
        self._fill_ranking()
        if not self.read_only:
            self._on_scene_selection_changed()

    def _bold(self) -> QFont:
        font = QFont(self.node_font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        return font

    def fit(self) -> None:
        rect = self.scene.sceneRect()
        if rect.isEmpty():
            return
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def _fill_groups(self, groups: list[Any]) -> None:
        current = self.ranking_group.currentData()
        self.ranking_group.blockSignals(True)
        self.ranking_group.clear()
        self.ranking_group.addItem(tr("Alle groepen"), "")
        for g in groups:
            self.ranking_group.addItem(colour_icon(g.colour), g.name, g.id)
        self.ranking_group.setCurrentIndex(max(0, self.ranking_group.findData(current or "")))
        self.ranking_group.blockSignals(False)
        per_group = self.vote_bar.dots_per_group() if self.vote_bar else ops.DOTS_PER_GROUP
        used: Counter[str] = Counter()
        for trend in self._trends:
            used.update(self._counts.get(trend.id, {}))
        left = {g.id: max(0, per_group - used[g.id]) for g in groups}
        self.left_label.setText(tr("Stippen over: ") + ", ".join(
            f"{g.name} {left[g.id]}" for g in groups))
        if self.vote_bar is not None:
            self.vote_bar.refresh(left)

    def _fill_ranking(self, *_args: object) -> None:
        self.ranking_list.clear()
        group = self.ranking_group.currentData()
        ranked = []
        for trend in self._trends:
            by_group = self._counts.get(trend.id, {})
            total = by_group.get(group, 0) if group else sum(by_group.values())
            if total:
                ranked.append((total, trend))
        ranked.sort(key=lambda pair: -pair[0])  # stable: ties keep board order
        for total, trend in ranked[:200]:
            row = QListWidgetItem(f"{total}  ·  {trend.text}")
            row.setData(Qt.ItemDataRole.UserRole, trend.id)
            self.ranking_list.addItem(row)

    # ------------------------------------------------------------- selection
    def selected_nodes(self) -> list[MapNode]:
        return [i for i in self.scene.selectedItems() if isinstance(i, MapNode) and i.row_id]

    def selected_ids(self) -> list[str]:
        return sorted((n.row_id for n in self.selected_nodes()),
                      key=lambda i: self._order.get(i, 0))

    def select_item(self, row_id: str) -> bool:
        node = self.nodes.get(row_id)
        if node is None:
            return False
        self.scene.clearSelection()
        node.setSelected(True)
        self.view.centerOn(node)
        return True

    def _on_scene_selection_changed(self) -> None:
        targets: list[tuple[str, dict[str, Any], str]] = [
            (tr("Hoofdtrend"), {"parent_id": ""}, "#FFF8E1")]
        ids = self.selected_ids()
        if len(ids) == 1:
            text = self.nodes[ids[0]].text
            short = text if len(text) <= 28 else text[:26] + "…"
            targets.append((tr("Onder: {trend}", trend=short), {"parent_id": ids[0]}, "#FFFFFF"))
        self.capture_bar.set_targets(targets)

    # --------------------------------------------------------------- editing
    def capture(self, text: str, fields: dict[str, Any]) -> bool:
        built = ops.capture(self.book, Trend, text, **fields)
        return built is not None and self.push(built[0])

    def nodes_moved(self, nodes: list[MapNode]) -> bool:
        commands = [ops.place_trend(n.row_id, n.pos().x(), n.pos().y()) for n in nodes]
        return self.push(commands[0] if len(commands) == 1
                         else Compound(tr("Trends verplaatsen"), list(commands)))

    def node_clicked(self, row_id: str, modifiers: Qt.KeyboardModifier) -> None:
        if self.vote_bar is not None and self.vote_bar.active():
            self.vote(row_id, remove=bool(modifiers & Qt.KeyboardModifier.ShiftModifier))

    def vote(self, row_id: str, remove: bool = False, group_id: str | None = None) -> bool:
        group = group_id or (self.vote_bar.group_id() if self.vote_bar else "")
        if remove:
            return self.push(ops.remove_dot(self.book, row_id, group))
        per_group = self.vote_bar.dots_per_group() if self.vote_bar else ops.DOTS_PER_GROUP
        return self.push(ops.add_dot(self.book, row_id, group, per_group))

    def edit_node(self, node: MapNode) -> None:
        if self.read_only:
            return
        editor = QLineEdit(node.text, self.view.viewport())
        editor.setObjectName("node_editor")
        rect = self.view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        editor.setGeometry(rect.left(), rect.center().y() - 16, max(rect.width(), 220), 32)
        editor.selectAll()
        self._editor = editor

        def done(commit: bool) -> None:
            if self._editor is None:
                return
            self._editor = None
            text = editor.text().strip()
            editor.deleteLater()
            if commit and text and text != node.text:
                self.push(EditFields(tr("Trend wijzigen"), Trend, node.row_id, {"text": text}))
            else:
                self.refresh()

        editor.returnPressed.connect(lambda: done(True))
        editor.editingFinished.connect(lambda: done(True))
        QShortcut(QKeySequence("Escape"), editor).activated.connect(lambda: done(False))
        editor.show()
        editor.setFocus()

    def delete_selected(self) -> bool:
        return self.push(ops.delete_items(self.book, Trend, self.selected_ids()))

    def merge_selected(self) -> bool:
        return self.push(ops.merge_duplicates(self.book, Trend, self.selected_ids()))

    def link_selected(self) -> bool:
        ids = self.selected_ids()
        return len(ids) == 2 and self.push(ops.link_trends(self.book, ids[0], ids[1]))
