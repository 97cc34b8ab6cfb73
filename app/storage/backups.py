"""Automatic, rotating, consistent backups in the per-user data folder."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from app.settings import backup_dir
from app.storage.workbook import Workbook

KEEP = 10


@dataclass(frozen=True)
class Backup:
    """One backup copy: its file, when it was taken and why (open, timer, close, migrate)."""

    path: Path
    taken: dt.datetime
    reason: str


def folder_for(book: Workbook) -> Path:
    """One folder per workbook (by its id), so a renamed file keeps its backups."""
    stem = re.sub(r"[^\w\-]+", "_", book.path.stem)[:40]
    return backup_dir() / f"{stem}-{book.workbook_id[:8]}"


def take_backup(book: Workbook, reason: str, keep: int = KEEP) -> Path:
    """Copy the workbook now (``reason``: open, timer, close, migrate) and rotate."""
    folder = folder_for(book)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = book.backup_to(folder / f"{stamp}-{reason}.oogst")
    book.edits_since_backup = 0
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
    return dest


def list_backups(folder: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for path in folder.glob("*.oogst"):
        m = re.match(r"(\d{8}-\d{6}-\d{6})-(\w+)\.oogst$", path.name)
        if m:
            taken = _stamp_time(m.group(1))
            found.append(Backup(path, taken, m.group(2)))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _stamp_time(stamp: str) -> dt.datetime:
    """``YYYYmmdd-HHMMSS-ffffff`` as a datetime (no strptime: it loads a module on first use)."""
    day, clock, micro = stamp.split("-")
    return dt.datetime(int(day[:4]), int(day[4:6]), int(day[6:]), int(clock[:2]),
                       int(clock[2:4]), int(clock[4:]), int(micro))


def all_backup_folders() -> list[Path]:
    root = backup_dir()
    return sorted((p for p in root.glob("*") if p.is_dir()), key=lambda p: p.name)
