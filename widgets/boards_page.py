"""The "Borden" page: pick a board (the kinds the agenda uses), fill it, search all
boards, keep time with the now bar, and send it all to the projector."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import board_ops as ops
from app.domain import AgendaBlock, AgendaDay
from app.i18n import tr
from app.storage.workbook import Change, Workbook
from sessions.boards import BOARD_KINDS
from widgets.boards import BOARD_WIDGETS, BoardBase
from widgets.now_bar import NowBar
from widgets.projector import ProjectorWindow
from widgets.shortcuts import local_shortcut
from widgets.style import label
from widgets.workbook_signals import WorkbookPage, listen

KIND_ROLE = Qt.ItemDataRole.UserRole


class BoardsPage(WorkbookPage):
    """Board picker, the current board, search, now bar and the projector button."""

    board_changed = Signal(str)

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(book, undo_stack, parent)
        self.boards: dict[str, BoardBase] = {}
        self.projector: ProjectorWindow | None = None
        self._build()
        self._connect_signals()
        self.reload_kinds()
        block = self.now_bar.current()
        if block is not None and block.board in BOARD_WIDGETS:
            self.show_board(block.board)
        elif self.picker.count():
            self.show_board(self.picker.item(0).data(KIND_ROLE))

    def _build(self) -> None:
        self.now_bar = NowBar(self.book, self)
        self.search = QLineEdit()
        self.search.setObjectName("board_search")
        self.search.setPlaceholderText(tr("Zoeken (Ctrl+F)"))
        self.search.setToolTip(tr("Zoeken in alle borden (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setObjectName("search_hits")
        self.hits.setWordWrap(True)
        self.hits.hide()
        self.picker = QListWidget()
        self.picker.setObjectName("board_picker")
        self.picker.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.picker.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.projector_button = QPushButton(tr("Projector"))
        self.projector_button.setObjectName("projector_button")
        self.projector_button.setToolTip(tr("Tweede venster voor de beamer: opdracht, timer en "
                                            "het bord, zonder contactgegevens (Ctrl+Shift+P)"))
        side = QVBoxLayout()
        side.addWidget(label(tr("Borden"), "h3"))
        side.addWidget(self.picker, 2)
        side.addWidget(self.search)
        side.addWidget(self.hits, 3)
        side.addWidget(self.projector_button)
        self.side_box = QWidget()
        self.side_box.setFixedWidth(220)  # set to the board names in reload_kinds
        self.side_box.setLayout(side)
        self.stack = QStackedWidget()
        self.empty = label(tr("Deze agenda gebruikt geen borden."), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        body = QHBoxLayout()
        body.addWidget(self.side_box)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.now_bar)
        layout.addLayout(body, 1)
        self.now_bar.install_shortcuts(self)
        for keys, slot in (("Ctrl+F", self.search.setFocus),
                           ("Ctrl+Shift+P", self.open_projector)):
            local_shortcut(keys, self, slot)

    def _connect_signals(self) -> None:
        # board picker and search
        self.picker.currentItemChanged.connect(self._on_picker_current_item_changed)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.hits.itemActivated.connect(self._on_hits_item_activated)
        self.hits.itemClicked.connect(self._on_hits_item_activated)
        # agenda follows, projector
        self.now_bar.block_changed.connect(self._on_now_bar_block_changed)
        self.projector_button.clicked.connect(self._on_projector_button_clicked)
        # workbook
        self.signals = listen(self, self.book)
        self.signals.changed.connect(self._on_signals_changed)

    # ------------------------------------------------------------------ boards
    def kinds(self) -> list[str]:
        """Board kinds the agenda uses, in agenda order, that have a widget."""
        days = {d.id: n for n, d in enumerate(self.book.all(AgendaDay))}
        blocks = sorted((b for b in self.book.all(AgendaBlock) if b.day_id in days),
                        key=lambda b: (days[b.day_id], b.position))
        return list(dict.fromkeys(b.board for b in blocks if b.board in BOARD_WIDGETS))

    def reload_kinds(self) -> None:
        current = self.current_kind()
        self.picker.blockSignals(True)
        self.picker.clear()
        for kind in self.kinds():
            item = QListWidgetItem(tr(BOARD_KINDS.get(kind, kind)))
            item.setData(KIND_ROLE, kind)
            self.picker.addItem(item)
            if kind == current:
                self.picker.setCurrentItem(item)
        self.picker.blockSignals(False)
        # As wide as the longest board name (no wider: the board needs the room on a laptop).
        self.picker.ensurePolished()  # the item padding comes from the stylesheet
        margins = self.side_box.layout().contentsMargins()
        names = (self.picker.sizeHintForColumn(0) + 2 * self.picker.frameWidth()
                 + margins.left() + margins.right() + 8)
        self.side_box.setFixedWidth(max(180, min(names, 280)))

    def current_kind(self) -> str:
        item = self.picker.currentItem()
        return item.data(KIND_ROLE) if item is not None else ""

    def board(self, kind: str) -> BoardBase:
        """The board widget of ``kind`` (made the first time it is asked for)."""
        if kind not in self.boards:
            board = BOARD_WIDGETS[kind](self.book, self.undo_stack, self)
            self.boards[kind] = board
            self.stack.addWidget(board)
        return self.boards[kind]

    def show_board(self, kind: str) -> BoardBase | None:
        if kind not in BOARD_WIDGETS:
            return None
        board = self.board(kind)
        self.stack.setCurrentWidget(board)
        for row in range(self.picker.count()):
            if self.picker.item(row).data(KIND_ROLE) == kind:
                self.picker.blockSignals(True)
                self.picker.setCurrentRow(row)
                self.picker.blockSignals(False)
        if self.projector is not None:
            self.projector.show_board(kind)
        self.board_changed.emit(kind)
        return board

    def _on_picker_current_item_changed(self, current: QListWidgetItem | None,
                                        _previous: object) -> None:
        if current is not None:
            self.show_board(current.data(KIND_ROLE))

    def _on_now_bar_block_changed(self, block: AgendaBlock | None) -> None:
        if block is not None and block.board in BOARD_WIDGETS:
            self.show_board(block.board)
        if self.projector is not None:
            self.projector.show_block(block)

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches("agenda_block", "agenda_day") and not self.book.closed:
            self.reload_kinds()

    # ------------------------------------------------------------------ search
    def _on_search_text_changed(self, text: str) -> None:
        self.hits.clear()
        found = ops.search(self.book, text) if len(text.strip()) >= 2 else []
        for hit in found:
            item = QListWidgetItem(f"{tr(BOARD_KINDS.get(hit.kind, hit.kind))}: {hit.text}")
            item.setData(KIND_ROLE, (hit.kind, hit.id))
            self.hits.addItem(item)
        self.hits.setVisible(bool(text.strip()))
        if text.strip() and not found:
            self.hits.addItem(tr("Niets gevonden"))

    def _on_hits_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(KIND_ROLE)
        if not target:
            return
        kind, row_id = target
        board = self.show_board(kind)
        if board is not None:
            board.flush()
            board.select_item(row_id)

    # --------------------------------------------------------------- projector
    def open_projector(self, screen: object = None) -> ProjectorWindow:
        """Open (or bring back) the projector window; it follows this page from now on."""
        if self.projector is None:
            self.projector = ProjectorWindow(self.book, self.undo_stack, self)
            self.projector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.projector.destroyed.connect(self._on_projector_destroyed)
            self.now_bar.ticked.connect(self.projector.show_timer)
        self.projector.show_block(self.now_bar.current())
        self.projector.show_board(self.current_kind())
        self.now_bar._tick()
        self.projector.show_on(screen)  # type: ignore[arg-type]
        return self.projector

    def _on_projector_destroyed(self, *_args: object) -> None:
        self.projector = None

    def _on_projector_button_clicked(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) <= 1:
            self.open_projector()
            return
        menu = QMenu(self)
        for screen in screens:
            action = menu.addAction(f"{screen.name()} ({screen.size().width()}×"
                                    f"{screen.size().height()})")
            action.triggered.connect(lambda _c=False, s=screen: self.open_projector(s))
        menu.exec(self.projector_button.mapToGlobal(self.projector_button.rect().bottomLeft()))
