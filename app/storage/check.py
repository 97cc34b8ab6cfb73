"""``oogst check``: is a workbook healthy? Reads only; never migrates or writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from app.entities import ENTITIES
from app.storage.connection import open_checked
from app.storage.schema import SCHEMA_VERSION


@dataclass
class CheckReport:
    path: str
    schema_version: int
    current_version: int
    integrity: str
    encrypted: bool
    counts: dict[str, int] = field(default_factory=dict)
    changes: int = 0

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and self.schema_version <= self.current_version


def quick_check(path: str | Path, passphrase: str | None = None) -> str:
    """SQLite's page check on a separate read-only connection: ``"ok"`` or the problems.

    Safe to run in a worker thread while the workbook is open and being edited (WAL
    readers see a consistent snapshot). Raises WorkbookError when the file is unreadable.
    """
    conn, _version = open_checked(Path(path), passphrase, quick_check=False)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except Exception as exc:  # sqlite3 and sqlcipher3 raise their own DatabaseError
        return str(exc)
    finally:
        conn.close()
    return "; ".join(r[0] for r in rows)


def check_file(path: str | Path, passphrase: str | None = None) -> CheckReport:
    """Full integrity check and counts; raises WorkbookError for unreadable files."""
    path = Path(path)
    conn, version = open_checked(path, passphrase)
    try:
        problems = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check").fetchall())
        tables = set(sqlite_utils.Database(conn, execute_plugins=False).table_names())
        counts = {
            cls.TABLE: conn.execute(
                f"SELECT count(*) FROM {cls.TABLE} WHERE _deleted = 0").fetchone()[0]
            for cls in ENTITIES if cls.TABLE in tables
        }
        changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
        encrypted = not conn.__class__.__module__.startswith("sqlite3")
    finally:
        conn.close()
    return CheckReport(str(path), version, SCHEMA_VERSION, problems, encrypted, counts, changes)
