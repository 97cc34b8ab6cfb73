"""Asking for a workbook's passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.i18n import tr


def ask_passphrase(parent: QWidget | None, name: str, reason: str = "") -> str | None:
    """The passphrase the user types for workbook ``name``, or None when cancelled."""
    prompt = (reason + "\n\n" if reason else "") + tr("Wachtwoordzin voor {name}:", name=name)
    text, ok = QInputDialog.getText(parent, tr("Versleuteld werkboek"), prompt,
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None
