"""Passphrases of encrypted workbooks: checking one, and changing it (asking for one at
open is ``widgets.passphrase``).

Changing re-encrypts the file in place (``app.storage.rekey``) and takes a
fresh backup under the new passphrase.
"""

from __future__ import annotations

import hmac

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.storage import Workbook, WorkbookError
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
