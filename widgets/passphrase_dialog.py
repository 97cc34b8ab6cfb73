"""Passphrases of encrypted workbooks: asking for one at open, and changing it.

Opening retries on a wrong passphrase with a clear message; the file is never
touched by a failed attempt (``Workbook.open`` checks before it writes).
Changing re-encrypts the file in place (``app.storage.rekey``) and takes a
fresh backup under the new passphrase.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.storage import Workbook, WorkbookError, WrongPassphrase
from app.storage.rekey import MIN_LENGTH, change_passphrase
from widgets.style import WARN, label


def _secret(parent: QWidget, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(280)
    return edit


def passphrase_matches(book: Workbook, text: str) -> bool:
    """Whether ``text`` is the passphrase ``book`` was opened with (constant-time compare)."""
    return book.passphrase is not None and hmac.compare_digest(
        book.passphrase.encode("utf-8"), text.encode("utf-8"))


class PassphraseDialog(QDialog):
    """Asks the passphrase of one file; shows why the previous attempt failed."""

    def __init__(self, name: str, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(tr("Versleuteld werkboek"))
        self.passphrase = _secret(self, tr("Wachtwoordzin"))
        self.show_text = QCheckBox(tr("Toon wat ik typ"), self)
        self.error = QLabel(error, self, wordWrap=True)
        self.error.setStyleSheet(f"color: {WARN};")
        self.error.setVisible(bool(error))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Openen"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr("Wachtwoordzin voor {name}", name=name), "h3", self))
        layout.addWidget(label(tr("Dit logboek bevat gegevens van bewoners en is versleuteld."),
                               "muted", self))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.show_text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.show_text.toggled.connect(lambda on: self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))

    def value(self) -> str:
        return self.passphrase.text()


def open_encrypted(path: str | Path, parent: QWidget | None = None,
                   attempts: int = 5) -> Workbook | None:
    """Open an encrypted workbook, asking again after a wrong passphrase; None if cancelled."""
    path = Path(path)
    error = ""
    for _ in range(attempts):
        dialog = PassphraseDialog(path.name, error, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.value():
            return None
        try:
            return Workbook.open(path, dialog.value())
        except WrongPassphrase as exc:
            error = str(exc)
    return None


class ChangePassphraseDialog(QDialog):
    """Current, new and repeated passphrase; re-encrypts the open workbook on OK."""

    def __init__(self, book: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_passphrase_dialog")
        self.setWindowTitle(tr("Wachtwoordzin wijzigen"))
        self.book = book
        self.current = _secret(self)
        self.new = _secret(self, tr("minstens {n} tekens", n=MIN_LENGTH))
        self.repeat = _secret(self)
        self.error = QLabel("", self, wordWrap=True)
        self.error.setStyleSheet(f"color: {WARN};")
        form = QFormLayout()
        form.addRow(tr("Huidige wachtwoordzin"), self.current)
        form.addRow(tr("Nieuwe wachtwoordzin"), self.new)
        form.addRow(tr("Nog eens"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Wijzigen"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(label(tr("Eerdere reservekopieën blijven met de oude wachtwoordzin "
                                  "versleuteld; er wordt meteen een nieuwe gemaakt."),
                               "muted", self))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        if book.passphrase is None:
            self.error.setText(tr("Dit werkboek is niet versleuteld."))
            for edit in (self.current, self.new, self.repeat):
                edit.setEnabled(False)

    def _on_buttons_accepted(self) -> None:
        if not passphrase_matches(self.book, self.current.text()):
            self.error.setText(tr("De huidige wachtwoordzin klopt niet."))
            self.current.setFocus()
            return
        if self.new.text() != self.repeat.text():
            self.error.setText(tr("De nieuwe wachtwoordzinnen zijn niet gelijk."))
            self.repeat.setFocus()
            return
        try:
            change_passphrase(self.book, self.new.text())
        except WorkbookError as exc:
            self.error.setText(str(exc))
            return
        try:
            from app.storage.backups import take_backup

            take_backup(self.book, "rekey")
        except Exception as exc:  # the change itself succeeded; say so, then the problem
            self.error.setText(tr("Gewijzigd, maar de reservekopie lukte niet: {error}",
                                  error=exc))
            return
        self.accept()
