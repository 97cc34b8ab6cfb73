"""Opening a workbook with the user: passphrases, one-sentence errors, backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import tr
from app.storage import (
    EncryptedWorkbook,
    Workbook,
    WorkbookError,
    WorkbookInUse,
    WrongPassphrase,
)
from widgets.passphrase import ask_passphrase

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.storage.check_ahead import CheckAhead


def _backup_before_migrate(book: Workbook) -> None:
    from app.storage.backups import take_backup

    take_backup(book, "migrate")


def open_workbook(parent: QWidget | None, path: str | Path, passphrase: str | None = None,
                  ahead: CheckAhead | None = None) -> Workbook | None:
    """Open ``path``, asking for a passphrase when needed; None when it failed or was cancelled.

    A file that cannot be opened is explained in one sentence, with an offer to
    restore one of its backups (which then opens instead). ``ahead``: a page check of
    ``path`` started earlier (see ``app.storage.check_ahead``).
    """
    path = Path(path)
    while True:
        try:
            return Workbook.open(path, passphrase, before_migrate=_backup_before_migrate,
                                 ahead=ahead, exclusive=True)
        except (EncryptedWorkbook, WrongPassphrase) as exc:
            reason = str(exc)
        except WorkbookInUse as exc:  # nothing wrong with the file: no backups to offer
            show_in_use(parent, str(exc))
            return None
        except WorkbookError as exc:
            return _offer_backups(parent, path, str(exc))
        except OSError as exc:
            return _offer_backups(parent, path, tr(
                "{path} kan niet worden geopend ({error}).", path=path.name, error=exc.strerror))
        passphrase = ask_passphrase(parent, path.name, reason)
        if passphrase is None:
            return None


def show_in_use(parent: QWidget | None, message: str) -> None:
    """Say that another Oogst has the workbook open (see ``app.storage.in_use``)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, tr("Al geopend"), message)


def show_open_error(parent: QWidget | None, path: Path, message: str) -> Path | None:
    """Say why ``path`` did not open; returns a restored copy's path if the user made one."""
    from PySide6.QtWidgets import QMessageBox  # dialogs load on use: a lighter start-up

    box = QMessageBox(QMessageBox.Icon.Warning, tr("Openen lukt niet"), message,
                      QMessageBox.StandardButton.Close, parent)
    backups = box.addButton(tr("Back-ups bekijken…"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not backups:
        return None
    from widgets.backup_dialog import BackupDialog

    dialog = BackupDialog(parent, original=path)
    dialog.exec()
    return dialog.restored_path


def _offer_backups(parent: QWidget | None, path: Path, message: str) -> Workbook | None:
    restored = show_open_error(parent, path, message)
    return open_workbook(parent, restored) if restored is not None else None
