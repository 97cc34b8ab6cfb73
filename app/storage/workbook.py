"""One workbook = one SQLite file. Every write is a transaction that is
durable (WAL, synchronous=FULL) before the call returns, and is also logged,
insert-only, in ``changes`` so that copies from several laptops can merge.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from app import __version__
from app.domain import Event, Record, new_id
from app.hlc import HybridClock
from app.i18n import tr
from app.storage.connection import (
    CHECK_ON_OPEN_BYTES,
    connect,
    fsync_dir,
    open_checked,
    set_pragmas,
)
from app.storage.errors import NewerWorkbook, WorkbookError
from app.storage.in_use import Claim, claimed
from app.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from app.storage.check_ahead import CheckAhead

R = TypeVar("R", bound=Record)
BOOKKEEPING = ("_hlc", "_site", "_deleted")


class Change(NamedTuple):
    """What one committed transaction changed: table name -> ids."""

    rows: dict[str, frozenset[str]]

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)


_KINDS: dict[Any, Callable[[Any], Any]] = {}  # filled below: annotation -> converter


@functools.cache
def _converters(cls: type[Record]) -> dict[str, Callable[[Any], Any]]:
    """Column -> converter for reading ``cls`` (built on first use of each kind).

    The records use postponed annotations, so a field's type is its source text
    ("bool"); reading that text spares evaluating every record's hints at start-up.
    """
    return {f.name: _KINDS.get(f.type, _text) for f in dataclasses.fields(cls)}


def _bytes(value: Any) -> bytes:
    return b"" if value is None else bytes(value)


def _text(value: Any) -> Any:
    return "" if value is None else value


for _kind, _convert in ((bool, bool), (int, int), (float, float), (bytes, _bytes)):
    _KINDS[_kind] = _KINDS[_kind.__name__] = _convert


def _to_sql(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _to_json(value: Any) -> Any:
    """Change-log form of a value: bytes (attachments) as base64."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and "$b64" in value:
        return base64.b64decode(value["$b64"])
    return value


class Workbook:
    """An open workbook file. Not thread-safe by itself: one writer at a time."""

    def __init__(self, path: Path, conn: Any, passphrase: str | None) -> None:
        self.path = path
        self.passphrase = passphrase
        self._conn = conn
        self.check_pending = False  # True when the page check was left to the background
        self._lock = threading.RLock()
        self._depth = 0
        self._pending: dict[str, set[str]] = {}
        self._listeners: list[Callable[[Change], None]] = []
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.site_id: str = meta["site_id"]
        self.workbook_id: str = meta["workbook_id"]
        last = conn.execute("SELECT max(hlc) FROM changes").fetchone()[0]
        self._clock = HybridClock(last)
        self.edits_since_backup = 0
        self.claim: Claim | None = None  # held while open: see app.storage.in_use

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(cls, path: str | Path, passphrase: str | None = None,
               exclusive: bool = False) -> Workbook:
        """Create a new, empty workbook file (refuses to overwrite).

        ``exclusive``: claimed for this process until closed (see ``in_use``).
        """
        path = Path(path)
        if path.exists():
            raise WorkbookError(tr("{path} bestaat al; kies een andere naam.", path=path.name))
        path.parent.mkdir(parents=True, exist_ok=True)
        if exclusive:
            return claimed(path, lambda: cls._create(path, passphrase))
        return cls._create(path, passphrase)

    @classmethod
    def _create(cls, path: Path, passphrase: str | None) -> Workbook:
        conn = connect(path, passphrase)
        try:
            # schema and header first, in rollback-journal mode, so that the file's
            # own header (checked before every open) carries the application id
            conn.execute("BEGIN IMMEDIATE")
            for version in sorted(MIGRATIONS):
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("format", "oogst-workbook"), ("workbook_id", new_id()), ("site_id", new_id()),
                 ("created", dt.datetime.now().isoformat(timespec="seconds")),
                 ("created_by", f"Oogst {__version__}")],
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
            set_pragmas(conn)
        except Exception:
            conn.close()
            path.unlink(missing_ok=True)
            raise
        fsync_dir(path)
        return cls(path, conn, passphrase)

    @classmethod
    def open(cls, path: str | Path, passphrase: str | None = None,
             before_migrate: Callable[[Workbook], None] | None = None,
             check: bool | None = None, ahead: CheckAhead | None = None,
             exclusive: bool = False) -> Workbook:
        """Open an existing workbook; refuses broken, foreign and newer files untouched.

        ``exclusive``: first claim it for this process until closed, or refuse with
        :class:`~app.storage.in_use.WorkbookInUse` (another Oogst has it open).

        An older workbook is migrated in place, after ``before_migrate`` (a backup).
        ``check`` runs SQLite's page check before opening; by default only for files up
        to ``CHECK_ON_OPEN_BYTES``. When it was skipped, ``check_pending`` is True and
        the caller runs :func:`app.storage.check.quick_check` in the background.
        A clean ``ahead`` check of this very file (see ``check_ahead``) stands in for it.
        """
        path = Path(path)
        if exclusive:
            return claimed(path, lambda: cls._open(path, passphrase, before_migrate, check,
                                                   ahead))
        return cls._open(path, passphrase, before_migrate, check, ahead)

    @classmethod
    def _open(cls, path: Path, passphrase: str | None,
              before_migrate: Callable[[Workbook], None] | None, check: bool | None,
              ahead: CheckAhead | None) -> Workbook:
        checked_ahead = check is None and ahead is not None and ahead.passed(path)
        if check is None:
            check = not checked_ahead and (
                not path.exists() or path.stat().st_size <= CHECK_ON_OPEN_BYTES)
        conn, version = open_checked(path, passphrase, quick_check=check)
        if version > SCHEMA_VERSION:
            conn.close()
            raise NewerWorkbook(tr(
                "{path} is gemaakt met een nieuwere Oogst (schema {found}, deze versie kent "
                "{known}); werk Oogst bij om het te openen. Het bestand is niet gewijzigd.",
                path=path.name, found=version, known=SCHEMA_VERSION))
        header_plain = conn.__class__.__module__.startswith("sqlite3")
        try:
            set_pragmas(conn)
            book = cls(path, conn, None if header_plain else passphrase)
            book.check_pending = not check and not checked_ahead
            if version < SCHEMA_VERSION:
                if before_migrate is not None:
                    before_migrate(book)
                migrate(conn, version)
        except Exception:
            conn.close()
            raise
        return book

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    self._conn.close()
                    self._conn = None
                    if self.claim is not None:
                        self.claim.release()

    @property
    def db(self) -> Any:
        """A sqlite-utils handle on the same connection (introspection, FTS set-up).

        Imported on first use: sqlite-utils costs ~50 ms of start-up otherwise.
        """
        import sqlite_utils

        return sqlite_utils.Database(self._conn, execute_plugins=False)

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user edit: everything inside commits (durably) together or not at all."""
        with self._lock:
            if self._conn is None:
                raise WorkbookError(tr("Het werkboek is gesloten."))
            outer = self._depth == 0
            if outer:
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self._conn.execute("ROLLBACK")
                    self._pending.clear()
                raise
            self._depth -= 1
            if outer:
                self._conn.execute("COMMIT")
                self.edits_since_backup += 1
                rows = {t: frozenset(ids) for t, ids in self._pending.items()}
                self._pending.clear()
                change = Change(rows)
                for listener in list(self._listeners):
                    listener(change)

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``listener`` after every committed transaction; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ------------------------------------------------------------------ writes
    def _log(self, table: str, row_id: str, data: dict[str, Any]) -> tuple[str, str]:
        stamp = self._clock.tick()
        self._conn.execute(
            "INSERT INTO changes (id, hlc, site, tbl, row_id, data) VALUES (?, ?, ?, ?, ?, ?)",
            (new_id(), stamp, self.site_id, table, row_id,
             json.dumps({k: _to_json(v) for k, v in data.items()}, ensure_ascii=False)),
        )
        self._pending.setdefault(table, set()).add(row_id)
        return stamp, self.site_id

    def insert(self, record: Record) -> None:
        """Add a record (or bring back a tombstoned one with these values)."""
        self.insert_many([record])

    def insert_many(self, records: Sequence[Record]) -> None:
        with self.transaction():
            for record in records:
                values = {k: _to_sql(v) for k, v in record.values().items()}
                data = {k: v for k, v in values.items() if k != "id"} | {"_deleted": 0}
                stamp, site = self._log(record.TABLE, record.id, data)
                cols = list(values) + list(BOOKKEEPING)
                sql = (f"INSERT OR REPLACE INTO {record.TABLE} ({', '.join(cols)}) "
                       f"VALUES ({', '.join('?' * len(cols))})")
                self._conn.execute(sql, [*values.values(), stamp, site, 0])

    def update(self, cls: type[Record], row_id: str, **fields: Any) -> dict[str, Any]:
        """Change some fields of a record; returns their old values (for undo)."""
        unknown = set(fields) - set(cls.columns()) - {"_deleted"} | ({"id"} & set(fields))
        if unknown:
            raise ValueError(f"unknown fields for {cls.TABLE}: {sorted(unknown)}")
        with self.transaction():
            names = list(fields)
            row = self._conn.execute(
                f"SELECT {', '.join(names)} FROM {cls.TABLE} WHERE id = ?", (row_id,)
            ).fetchone()
            if row is None:
                raise WorkbookError(tr("Dit onderdeel bestaat niet (meer)."))
            conv = _converters(cls)
            old = {n: (conv[n](v) if n in conv else v) for n, v in zip(names, row)}
            data = {k: _to_sql(v) for k, v in fields.items()}
            stamp, site = self._log(cls.TABLE, row_id, data)
            sets = ", ".join(f"{n} = ?" for n in names)
            self._conn.execute(
                f"UPDATE {cls.TABLE} SET {sets}, _hlc = ?, _site = ? WHERE id = ?",
                [*data.values(), stamp, site, row_id],
            )
        return old

    def delete(self, cls: type[Record], row_id: str) -> None:
        """Tombstone a record: it disappears from every list but stays mergeable."""
        self.update(cls, row_id, _deleted=1)

    def restore(self, cls: type[Record], row_id: str) -> None:
        self.update(cls, row_id, _deleted=0)

    # ------------------------------------------------------------------- reads
    def _record(self, cls: type[R], row: Sequence[Any]) -> R:
        conv = _converters(cls)
        names = cls.columns()
        return cls(**{n: conv[n](v) for n, v in zip(names, row)})

    def get(self, cls: type[R], row_id: str, include_deleted: bool = False) -> R | None:
        cond = "" if include_deleted else " AND _deleted = 0"
        row = self._conn.execute(
            f"SELECT {', '.join(cls.columns())} FROM {cls.TABLE} WHERE id = ?{cond}", (row_id,)
        ).fetchone()
        return None if row is None else self._record(cls, row)

    @staticmethod
    def _where(equals: dict[str, Any], include_deleted: bool = False) -> str:
        """`` WHERE …`` for live rows (or all) with these field values, or ""."""
        where = [] if include_deleted else ["_deleted = 0"]
        where += [f"{k} = ?" for k in equals]
        return " WHERE " + " AND ".join(where) if where else ""

    def all(self, cls: type[R], include_deleted: bool = False, **equals: Any) -> list[R]:
        """Records of a kind, in position order where they have one."""
        order = "position, rowid" if "position" in cls.columns() else "rowid"
        sql = (f"SELECT {', '.join(cls.columns())} FROM {cls.TABLE}"
               f"{self._where(equals, include_deleted)} ORDER BY {order}")
        rows = self._conn.execute(sql, list(equals.values())).fetchall()
        return [self._record(cls, r) for r in rows]

    def count(self, cls: type[Record], **equals: Any) -> int:
        """How many live records of a kind there are (with these field values)."""
        return self._conn.execute(f"SELECT count(*) FROM {cls.TABLE}{self._where(equals)}",
                                  list(equals.values())).fetchone()[0]

    def is_deleted(self, cls: type[Record], row_id: str) -> bool:
        row = self._conn.execute(
            f"SELECT _deleted FROM {cls.TABLE} WHERE id = ?", (row_id,)).fetchone()
        return row is None or bool(row[0])

    def event(self) -> Event:
        events = self.all(Event)
        if not events:
            raise WorkbookError(tr("Dit werkboek bevat geen bijeenkomst."))
        return events[0]

    def meta(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def integrity(self) -> str:
        """``ok`` or the problems SQLite finds."""
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(r[0] for r in rows)

    def change_count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM changes").fetchone()[0]

    # ------------------------------------------------------------------ copies
    def backup_to(self, dest: str | Path, new_site: bool = False) -> Path:
        """A consistent copy through SQLite's backup API (encrypted with the same key)."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".part")
        tmp.unlink(missing_ok=True)
        target = connect(tmp, self.passphrase)
        try:
            with self._lock:
                self._conn.backup(target)
            if new_site:
                target.execute("UPDATE meta SET value = ? WHERE key = 'site_id'", (new_id(),))
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        tmp.replace(dest)
        fsync_dir(dest)
        return dest

    def save_copy(self, dest: str | Path) -> Path:
        """"Save as copy": the copy gets its own site id so both can later merge."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise WorkbookError(tr("Kies een andere bestandsnaam dan het geopende werkboek."))
        return self.backup_to(dest, new_site=True)

    # ------------------------------------------------------------------- merge
    def merge_from(self, other: Workbook) -> int:
        """Take in every change of ``other`` not seen yet; returns how many.

        Union of insert-only change logs, then each touched row is rebuilt by
        replaying its changes in (clock, site, change id) order: the result is
        the same in any order and merging twice changes nothing.
        """
        if other.workbook_id != self.workbook_id:
            raise WorkbookError(tr("Deze werkboeken horen niet bij dezelfde bijeenkomst."))
        theirs = other._conn.execute(
            "SELECT id, hlc, site, tbl, row_id, data FROM changes").fetchall()
        with self.transaction():
            before = self.change_count()
            self._conn.executemany(
                "INSERT OR IGNORE INTO changes (id, hlc, site, tbl, row_id, data) "
                "VALUES (?, ?, ?, ?, ?, ?)", theirs)
            added = self.change_count() - before
            from app.entities import BY_TABLE  # every kind of record: loaded for merges

            touched = {(t, r) for _, _, _, t, r, _ in theirs if t in BY_TABLE}
            for table, row_id in touched:
                self._rebuild(table, row_id)
                self._pending.setdefault(table, set()).add(row_id)
            for _, stamp, *_ in theirs:
                self._clock.observe(stamp)
        return added

    def _rebuild(self, table: str, row_id: str) -> None:
        from app.entities import BY_TABLE

        cls = BY_TABLE[table]
        known = set(cls.columns()) | {"_deleted"}
        values: dict[str, Any] = {}
        last = ("", "")
        for stamp, site, data in self._conn.execute(
            "SELECT hlc, site, data FROM changes WHERE tbl = ? AND row_id = ? "
            "ORDER BY hlc, site, id", (table, row_id)):
            values.update({k: _from_json(v) for k, v in json.loads(data).items() if k in known})
            last = (stamp, site)
        values["id"] = row_id
        cols = list(values) + ["_hlc", "_site"]
        self._conn.execute(
            f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})", [*values.values(), *last])


def migrate(conn: Any, version: int) -> None:
    """Run the migrations after ``version`` in order, each step in one transaction."""
    for step in sorted(v for v in MIGRATIONS if v > version):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise

