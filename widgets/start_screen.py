"""The start screen: a new workbook, open one, the demo, and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.i18n import tr
from app.settings import Settings
from widgets.new_workbook import NewWorkbookForm, default_folder
from widgets.roles import USER
from widgets.screen_fit import fit_to_screen
from widgets.style import label, set_role

PATH_ROLE = USER + 1
MISSING_ROLE = USER + 2


class StartScreen(QWidget):
    open_requested = Signal(str)
    new_requested = Signal(str, str, str, str, str)  # path, method, title, start date, language
    demo_requested = Signal()
    restore_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        self.setWindowTitle(tr("Oogst"))
        self.settings = settings
        self._build()
        self._connect_signals()
        self.refresh_recent()
        fit_to_screen(self, 1180, 760)

    def _build(self) -> None:
        self.new_form = NewWorkbookForm(self.settings.recent_files())
        new_card = self._card(tr("Nieuw werkboek"), self.new_form)

        self.open_button = set_role(QPushButton(tr("Openen…")), "big")
        self.demo_button = set_role(QPushButton(tr("Demo openen")), "big")
        self.open_button.setToolTip(tr("Een bestaand werkboek (.oogst) openen"))
        self.demo_button.setToolTip(
            tr("Een ingevulde Future Search om mee te oefenen; elke keer opnieuw gemaakt"))
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_list")
        self.recent_list.setAlternatingRowColors(True)
        self.restore_button = QPushButton(tr("Werkboek terughalen uit een back-up…"))
        self.restore_button.setFlat(True)
        open_box = QWidget()
        box = QVBoxLayout(open_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button, 1)
        buttons.addWidget(self.demo_button, 1)
        box.addLayout(buttons)
        box.addSpacing(6)
        box.addWidget(label(tr("Recente bestanden"), "h3"))
        box.addWidget(self.recent_list, 1)
        restore_row = QHBoxLayout()  # left-aligned, without the Qt namespace's enum types
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        box.addLayout(restore_row)
        open_card = self._card(tr("Verder werken"), open_box)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(new_card, 1)
        columns.addWidget(open_card, 1)
        brand = QHBoxLayout()
        brand.addWidget(label(tr("Oogst"), "brand"))
        tagline = label(tr("Alles wat een zaal vol mensen oplevert, veilig bewaard — "
                           "ook zonder internet."), "h3")
        tagline.setWordWrap(True)
        brand.addSpacing(12)
        version = label(tr("versie {v}", v=__version__), "muted")
        for text in (tagline, version):  # text at the foot of the brand's line (set by name:
            text.setProperty("alignment", "AlignLeft|AlignBottom")  # no Qt namespace enums)
        brand.addWidget(tagline, 1)
        brand.addWidget(version)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 32)
        layout.setSpacing(20)
        layout.addLayout(brand)
        layout.addLayout(columns, 1)

    @staticmethod
    def _card(title: str, body: QWidget) -> QFrame:
        card = set_role(QFrame(), "card")
        box = QVBoxLayout(card)
        box.setContentsMargins(22, 18, 22, 20)
        box.setSpacing(12)
        box.addWidget(label(title, "h2"))
        box.addWidget(body, 1)
        return card

    def _connect_signals(self) -> None:
        self.new_form.new_requested.connect(self.new_requested)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.demo_button.clicked.connect(self.demo_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        recent = self.settings.recent_files()
        for path_text in recent:
            path = Path(path_text)
            missing = not path.exists()
            title = path.stem + ("  —  " + tr("niet gevonden") if missing else "")
            item = QListWidgetItem(f"{title}\n{path.parent}")
            item.setData(PATH_ROLE, path_text)
            item.setData(MISSING_ROLE, missing)
            item.setToolTip(path_text)
            if missing:
                item.setForeground(QBrush(QColor("#9A9EA4")))
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.recent_list.addItem(item)
        self.recent_list.setEnabled(bool(recent))  # greyed, nothing to choose, when empty
        if not recent:
            self.recent_list.addItem(QListWidgetItem(tr("Nog geen werkboeken geopend.")))

    def recent_entries(self) -> list[tuple[str, bool]]:
        """(path, missing) per recent file, as listed."""
        items = (self.recent_list.item(i) for i in range(self.recent_list.count()))
        return [(i.data(PATH_ROLE), bool(i.data(MISSING_ROLE))) for i in items
                if i.data(PATH_ROLE)]

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if not path:
            return
        if not item.data(MISSING_ROLE):
            self.open_requested.emit(path)
            return
        from PySide6.QtWidgets import QMessageBox  # on use: its enum types

        answer = QMessageBox.question(
            self, tr("Niet gevonden"),
            tr("{path} is niet gevonden; misschien is het verplaatst of staat het op een "
               "USB-stick. Uit de lijst halen?", path=path))
        if answer == QMessageBox.StandardButton.Yes:
            self.settings.set("recent_files", [p for p in self.settings.recent_files()
                                               if p != path])
            self.refresh_recent()

    def _on_open_button_clicked(self) -> None:
        from PySide6.QtCore import QStandardPaths  # on use: its enum types
        from PySide6.QtWidgets import QFileDialog

        start = default_folder(self.settings.recent_files())
        if not start.exists():
            start = Path(QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation))
        path, _ = QFileDialog.getOpenFileName(self, tr("Werkboek openen"), str(start),
                                              tr("Oogst-werkboek (*.oogst);;Alle bestanden (*)"))
        if path:
            self.open_requested.emit(path)
