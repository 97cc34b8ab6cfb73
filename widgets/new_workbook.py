"""Starting a new workbook: pick a method, give a title and date, choose where to save."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import LANGUAGES, language, tr
from widgets.screen_fit import fit_to_screen
from widgets.style import label, set_role

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


def default_folder(recent: list[str]) -> Path:
    for path in recent:
        if Path(path).parent.is_dir():
            return Path(path).parent
    from PySide6.QtCore import QStandardPaths  # on use: its enums are many

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home())


def method_choices(lang: str) -> list[tuple[str, str, str]]:
    """(key, name, what it is for) of every method, in ``lang``.

    Read from the templates' opening lines (sessions.template_heads); parsed in full only
    when those do not say it all.
    """
    from sessions.template_heads import method_heads

    heads = method_heads()
    if heads is None:
        from sessions.templates import all_templates

        heads = [{"key": t.key, "name": t.name, "name_en": t.name_en,
                  "description": t.description, "description_en": t.description_en}
                 for t in all_templates().values()]
    english = lang == "en"
    return [(h["key"], h["name_en"] if english else h["name"],
             h["description_en"] if english and h["description_en"] else h["description"])
            for h in heads]


def file_name_for(title: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|]+', "-", title).strip(" .-")
    return (cleaned or tr("Nieuw werkboek")) + ".oogst"


class MethodCard(QPushButton):
    """One method to choose: its name and what it is for; click (or Space) to choose.

    A checkable button, one of a group: its look follows the ``:checked`` state, which
    needs no re-styling when it changes (a dynamic property would, through ``style()``,
    which builds all of QStyle's enum types).
    """

    chosen = Signal(str)

    def __init__(self, key: str, name: str, description: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"method_{key}")
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setAutoExclusive(True)
        # As tall as its text at the width it gets (a button's fixed height would be the
        # height of its text unwrapped: the start screen then outgrows a laptop screen).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(2)
        box.addWidget(label(name, "h3"))
        text = label(description, "muted")
        text.setWordWrap(True)
        box.addWidget(text)
        self.clicked.connect(lambda: self.chosen.emit(self.key))

    def sizeHint(self) -> QSize:
        return self.layout().totalSizeHint()  # the texts', not an (empty) button label's

    def minimumSizeHint(self) -> QSize:
        return self.layout().totalMinimumSize()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # on a key press: the Qt namespace's enum types load

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Space clicks already
            self.click()
            return
        super().keyPressEvent(event)

    def set_selected(self, selected: bool) -> None:
        self.setChecked(selected)

    def is_selected(self) -> bool:
        return self.isChecked()


class NewWorkbookForm(QWidget):
    """Emits ``new_requested(path, method, title, start_date, language)`` once a file is chosen."""

    new_requested = Signal(str, str, str, str, str)

    def __init__(self, recent: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent = recent or []
        self.method_cards: list[MethodCard] = []
        self._method = ""
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("Bijvoorbeeld: Veilige en leefbare binnenstad"))
        self.date_edit = QDateEdit(QDate.currentDate().addDays(28))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.language_combo = QComboBox()
        for key, name in LANGUAGES.items():
            self.language_combo.addItem(name, key)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language()), 0))
        self.create_button = set_role(QPushButton(tr("Werkboek aanmaken…")), "primary")
        cards = QVBoxLayout()
        cards.setSpacing(8)
        self._fill_methods(cards)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(label(tr("Titel"), "muted"), self.title_edit)
        form.addRow(label(tr("Eerste dag"), "muted"), self.date_edit)
        form.addRow(label(tr("Taal van het werkboek"), "muted"), self.language_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(label(tr("Kies een werkvorm"), "muted"))
        layout.addLayout(cards)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        create_row = QHBoxLayout()  # right-aligned, without the Qt namespace's enum types
        create_row.addStretch(1)
        create_row.addWidget(self.create_button)
        layout.addLayout(create_row)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.title_edit.returnPressed.connect(self._on_create_button_clicked)

    def _fill_methods(self, column: QVBoxLayout) -> None:
        for key, name, text in method_choices(language()):
            card = MethodCard(key, name, text)
            card.chosen.connect(self.set_method)
            column.addWidget(card)
            self.method_cards.append(card)
        if self.method_cards:
            keys = [card.key for card in self.method_cards]
            self.set_method("future-search" if "future-search" in keys else keys[0])

    def set_method(self, key: str) -> None:
        self._method = key
        for card in self.method_cards:
            card.set_selected(card.key == key)

    def method(self) -> str:
        return self._method or "future-search"

    def ask_path(self) -> str:
        """Where to save: a file dialog (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog  # on use: its enum types

        suggested = default_folder(self._recent) / file_name_for(self.title_edit.text())
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Nieuw werkboek opslaan"), str(suggested), tr("Oogst-werkboek (*.oogst)"))
        return path

    def _on_create_button_clicked(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            self.title_edit.setPlaceholderText(tr("Geef eerst een titel"))
            return
        path = self.ask_path()
        if not path:
            return
        if not path.endswith(".oogst"):
            path += ".oogst"
        self.new_requested.emit(path, self.method(), title,
                                self.date_edit.date().toString("yyyy-MM-dd"),
                                self.language_combo.currentData())


class NewWorkbookDialog(QDialog):
    """The form as a dialog (Bestand ▸ Nieuw…); ``request`` holds the chosen arguments."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nieuw werkboek"))
        self.request: tuple[str, str, str, str, str] | None = None
        self.form = NewWorkbookForm(recent, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(label(tr("Nieuw werkboek"), "h2"))
        layout.addWidget(self.form)
        fit_to_screen(self, 680, 700)
        self.form.new_requested.connect(self._on_form_new_requested)

    def _on_form_new_requested(self, *request: str) -> None:
        self.request = request  # type: ignore[assignment]
        self.accept()
