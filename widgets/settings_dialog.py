"""Instellingen: language and backup interval (stored in the user's settings file)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import LANGUAGES, tr
from app.settings import Settings
from widgets.style import label


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(tr("Instellingen"))
        self.settings = settings
        self.language_combo = QComboBox()
        for key, name in LANGUAGES.items():
            self.language_combo.addItem(name, key)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(settings.get("language")), 0))
        self.backup_spin = QSpinBox()
        self.backup_spin.setRange(1, 120)
        self.backup_spin.setSuffix(tr(" minuten"))
        self.backup_spin.setValue(int(settings.get("backup_minutes")))
        note = label(tr("Een andere taal gaat in na het opnieuw starten van Oogst."), "muted")
        note.setWordWrap(True)
        backup_note = label(tr("Oogst slaat elke wijziging meteen op. Daarnaast maakt het "
                               "een reservekopie bij openen, bij sluiten en met deze tussentijd "
                               "als er iets is veranderd."), "muted")
        backup_note.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(tr("Taal van Oogst"), self.language_combo)
        form.addRow("", note)
        form.addRow(tr("Back-up elke"), self.backup_spin)
        form.addRow("", backup_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        for which, text in ((QDialogButtonBox.StandardButton.Ok, tr("Opslaan")),
                            (QDialogButtonBox.StandardButton.Cancel, tr("Annuleren"))):
            buttons.button(which).setText(text)
            buttons.button(which).setIcon(QIcon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        self.settings.set("language", self.language_combo.currentData())
        self.settings.set("backup_minutes", self.backup_spin.value())
        super().accept()
