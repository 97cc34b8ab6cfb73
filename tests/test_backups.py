"""Backups: consistent copies, rotated, encrypted when the workbook is."""

from __future__ import annotations

from pathlib import Path

from app.domain import Participant
from app.settings import backup_dir
from app.storage import Workbook
from app.storage.backups import folder_for, list_backups, take_backup
from sessions.setup import create_workbook


def test_backups_rotate_and_open(book: Workbook) -> None:
    for i in range(12):
        book.insert(Participant(first_name=f"P{i}"))
        take_backup(book, "timer")
    backups = list_backups(folder_for(book))
    assert len(backups) == 10
    assert str(backup_dir()) in str(backups[0].path)
    with Workbook.open(backups[0].path) as copy:  # newest: all 12 people
        assert copy.count(Participant) == 12
        assert copy.integrity() == "ok"


def test_backup_of_an_encrypted_workbook_is_encrypted(tmp_path: Path) -> None:
    with create_workbook(tmp_path / "l.oogst", "logbook", "Caravan", passphrase="pw") as book:
        dest = take_backup(book, "open")
    assert not dest.read_bytes().startswith(b"SQLite format 3")
    with Workbook.open(dest, "pw") as copy:
        assert copy.event().title == "Caravan"
