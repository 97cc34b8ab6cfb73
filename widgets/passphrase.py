"""Asking for a workbook's passphrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def ask_passphrase(parent: QWidget | None, name: str, reason: str = "") -> str | None:
    """The passphrase the user types for workbook ``name``, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit  # on use: most workbooks need none

    prompt = (reason + "\n\n" if reason else "") + tr("Wachtwoordzin voor {name}:", name=name)
    text, ok = QInputDialog.getText(parent, tr("Versleuteld werkboek"), prompt,
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None
