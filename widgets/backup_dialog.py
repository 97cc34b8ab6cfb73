"""Herstellen uit back-up: list backups newest first; restore to a NEW file, never over one."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.storage import EncryptedWorkbook, Workbook, WorkbookError, WrongPassphrase
from app.storage.backups import Backup, all_backup_folders, folder_for, list_backups
from widgets.passphrase import ask_passphrase
from widgets.style import label, set_role
from widgets.undo import error_sentence

BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_label(reason: str) -> str:
    return {"open": tr("bij openen"), "timer": tr("tussentijds"), "close": tr("bij sluiten"),
            "migrate": tr("voor het bijwerken")}.get(reason, reason)


def folder_key(stem: str) -> str:
    """How ``backups.folder_for`` writes a workbook's name in its folder name."""
    return re.sub(r"[^\w\-]+", "_", stem)[:40]


def stem_of_folder(folder: Path) -> str:
    """The workbook's name from a backup folder ("<stem>-<id8>")."""
    return re.sub(r"-[0-9a-f]{8}$", "", folder.name).replace("_", " ").strip() or folder.name


def restored_path(folder: Path, stem: str, taken: dt.datetime) -> Path:
    """"<stem> (hersteld <date time>).oogst" in ``folder``; never a name that exists."""
    base = tr("{stem} (hersteld {when})", stem=stem, when=taken.strftime("%Y-%m-%d %H.%M"))
    candidate, n = folder / f"{base}.oogst", 2
    while candidate.exists():
        candidate, n = folder / f"{base} {n}.oogst", n + 1
    return candidate


def restore_backup(backup: Backup, folder: Path, stem: str, passphrase: str | None,
                   parent: QWidget | None = None) -> Path | None:
    """Write ``backup`` to a new workbook in ``folder`` (with its own site id); None if cancelled.

    The backup is copied first and only the copy is opened, so the backup itself
    and the original workbook are never touched.
    """
    dest = restored_path(folder, stem, backup.taken)
    scratch = folder / f".{dest.stem}.restoring"
    shutil.copyfile(backup.path, scratch)
    try:
        while True:
            try:
                book = Workbook.open(scratch, passphrase)
                break
            except (EncryptedWorkbook, WrongPassphrase) as exc:
                passphrase = ask_passphrase(parent, backup.path.name, str(exc))
                if passphrase is None:
                    return None
        try:
            book.save_copy(dest)
        finally:
            book.close()
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    return dest


class BackupDialog(QDialog):
    """Backups of ``book`` (or of the file at ``original``), or of all workbooks."""

    def __init__(self, parent: QWidget | None = None, *, book: Workbook | None = None,
                 original: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(tr("Herstellen uit back-up"))
        self.book = book
        self.original = Path(original) if original else (book.path if book else None)
        self.restored_path: Path | None = None
        self._build()
        self._connect_signals()
        self.reload()
        if self.tree.topLevelItemCount() == 0 and not self.all_check.isChecked():
            self.all_check.setChecked(True)

    def _build(self) -> None:
        intro = label(tr("Oogst maakt vanzelf back-ups: bij openen, bij sluiten en "
                         "tussentijds. Herstellen maakt een nieuw bestand naast het werkboek; "
                         "het werkboek zelf blijft zoals het is."), "muted")
        intro.setWordWrap(True)
        self.all_check = QCheckBox(tr("Back-ups van alle werkboeken tonen"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("backup_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([tr("Gemaakt op"), tr("Moment"), tr("Werkboek"),
                                   tr("Grootte")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty_label = label(tr("Nog geen back-ups gevonden."), "muted")
        self.restore_button = set_role(QPushButton(tr("Herstellen als nieuw bestand")),
                                       "primary")
        self.close_button = QPushButton(tr("Sluiten"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_check)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(label(tr("Herstellen uit back-up"), "h2"))
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.resize(760, 460)

    def _connect_signals(self) -> None:
        self.all_check.toggled.connect(self.reload)
        self.tree.itemSelectionChanged.connect(self._on_tree_item_selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.reject)

    def _folders(self) -> list[Path]:
        if self.all_check.isChecked():
            return all_backup_folders()
        if self.book is not None:
            return [folder_for(self.book)]
        if self.original is not None:
            key = folder_key(self.original.stem) + "-"
            return [f for f in all_backup_folders() if f.name.startswith(key)]
        return []

    def reload(self) -> None:
        self.tree.clear()
        found = [(b, folder) for folder in self._folders() for b in list_backups(folder)]
        found.sort(key=lambda pair: pair[0].taken, reverse=True)
        for backup, folder in found:
            size = backup.path.stat().st_size if backup.path.exists() else 0
            item = QTreeWidgetItem([
                backup.taken.strftime("%d-%m-%Y  %H:%M:%S"), reason_label(backup.reason),
                stem_of_folder(folder), f"{max(1, size // 1024)} kB"])
            item.setData(0, BACKUP_ROLE, (backup, folder))
            self.tree.addTopLevelItem(item)
        if found:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.empty_label.setVisible(not found)
        self._on_tree_item_selection_changed()

    def _on_tree_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def _target_folder(self) -> Path | None:
        if self.original is not None and self.original.parent.is_dir():
            return self.original.parent
        start = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Waar moet het herstelde werkboek komen?"), start)
        return Path(chosen) if chosen else None

    def restore_selected(self) -> Path | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        backup, folder = items[0].data(0, BACKUP_ROLE)
        target = self._target_folder()
        if target is None:
            return None
        own = self.book is not None and folder == folder_for(self.book)
        stem = self.original.stem if (own or not self.all_check.isChecked()) and \
            self.original is not None else stem_of_folder(folder)
        passphrase = self.book.passphrase if self.book is not None else None
        try:
            dest = restore_backup(backup, target, stem, passphrase, self)
        except (WorkbookError, OSError) as exc:
            QMessageBox.warning(self, tr("Herstellen mislukt"), error_sentence(exc))
            return None
        if dest is not None:
            self.restored_path = dest
            self.accept()
        return dest
