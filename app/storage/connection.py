"""Opening SQLite files safely: header checks before any write, pragmas, keys."""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.storage.errors import CorruptWorkbook, EncryptedWorkbook, NotAWorkbook, WrongPassphrase
from app.storage.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"


def inspect_header(path: Path) -> dict[str, int] | None:
    """Check a plaintext file's header without opening it for writing.

    Returns the header fields, or ``None`` when the file does not start like
    SQLite (it may be encrypted). Raises for files that are plainly broken.
    """
    if not path.exists():
        raise NotAWorkbook(tr("Het bestand {path} bestaat niet.", path=path))
    size = path.stat().st_size
    if size == 0:
        raise CorruptWorkbook(tr("Het bestand {path} is leeg.", path=path.name))
    with path.open("rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        return None
    if len(head) < 100:
        raise CorruptWorkbook(tr("Het bestand {path} is afgekapt of beschadigd.", path=path.name))
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count, = struct.unpack(">I", head[28:32])
    user_version, = struct.unpack(">I", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    change_counter, = struct.unpack(">I", head[24:28])
    valid_for, = struct.unpack(">I", head[92:96])
    # The in-header size is only meaningful when it is valid (SQLite file format 1.3.7).
    # A hot WAL means a checkpoint may have been cut off: SQLite recovers from the WAL.
    size_known = page_count and change_counter == valid_for and not _hot_wal(path)
    if page_size < 512 or (size_known and (size % page_size or size < page_count * page_size)):
        raise CorruptWorkbook(tr("Het bestand {path} is afgekapt of beschadigd.", path=path.name))
    if app_id != APPLICATION_ID:
        raise NotAWorkbook(tr("{path} is een database, maar geen Oogst-werkboek.", path=path.name))
    return {"page_size": page_size, "user_version": user_version}


def _hot_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def looks_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return not fh.read(16).startswith(SQLITE_MAGIC)
    except OSError:
        return False


def connect(path: Path, passphrase: str | None) -> Any:
    """A connection in autocommit mode (we issue BEGIN/COMMIT ourselves)."""
    if passphrase is None:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        from sqlcipher3 import dbapi2 as sqlcipher

        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:  # a wrong passphrase is reported by us, in one sentence, not logged by SQLCipher
            conn.execute("PRAGMA cipher_log_level = NONE")
        except Exception:
            pass
        conn.execute("PRAGMA key = " + _quote(passphrase))
    return conn


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Files up to this size get a full page check before they open (well under 0.2 s);
# larger ones (a caravan's logbook after years) open at once and are checked in the
# background by the caller (see ``Workbook.check_pending`` and ``storage.check``).
CHECK_ON_OPEN_BYTES = 24 * 1024 * 1024


def verify_readable(conn: Any, path: Path, passphrase: str | None,
                    quick_check: bool = True) -> int:
    """Read-only checks; returns the schema version. Nothing is written."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] if quick_check else "ok"
    except Exception as exc:  # sqlite3 and sqlcipher3 raise their own DatabaseError
        if passphrase is not None and "not a database" in str(exc):
            raise WrongPassphrase(
                tr("De wachtwoordzin klopt niet voor {path}; het bestand is niet gewijzigd.",
                   path=path.name)) from exc
        if passphrase is None and "not a database" in str(exc):
            raise NotAWorkbook(tr("{path} is geen Oogst-werkboek.", path=path.name)) from exc
        raise CorruptWorkbook(
            tr("{path} is beschadigd ({error}).", path=path.name, error=exc)) from exc
    if app_id != APPLICATION_ID:
        raise NotAWorkbook(tr("{path} is een database, maar geen Oogst-werkboek.", path=path.name))
    if ok != "ok":
        raise CorruptWorkbook(tr("{path} is beschadigd ({error}).", path=path.name, error=ok))
    return version


def open_checked(path: Path, passphrase: str | None,
                 quick_check: bool = True) -> tuple[Any, int]:
    """Open an existing workbook after checking it; nothing is written yet.

    ``quick_check=False`` skips SQLite's page-by-page check (the header, schema and
    application id are still checked); the caller must then check in the background.
    """
    header = inspect_header(path)
    if header is None and path.stat().st_size % 1024:
        # SQLCipher files are whole pages; anything else is simply not a workbook
        raise NotAWorkbook(tr("{path} is geen Oogst-werkboek.", path=path.name))
    if header is None and passphrase is None:
        raise EncryptedWorkbook(
            tr("{path} is versleuteld of geen Oogst-werkboek; geef de wachtwoordzin.",
               path=path.name))
    if header is not None and passphrase is not None:
        passphrase = None  # a plaintext workbook opens without its (unneeded) key
    conn = connect(path, passphrase)
    try:
        version = verify_readable(conn, path, passphrase, quick_check)
    except Exception:
        conn.close()
        raise
    return conn, version


def set_pragmas(conn: Any) -> None:
    """Durability first: every committed edit survives a crash or power loss."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA busy_timeout = 5000")


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(str(path.parent), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
