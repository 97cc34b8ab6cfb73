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
