"""One Oogst at a time writes a workbook: a claim held while a window or a writing command
has it open.

Without it, a second Oogst on the same file (a double-click on the file while its window
is open, ``oogst participants import`` into a workbook open in the window) would write
beside the first: each window shows what it read and undoes over the other's edits.
SQLite keeps the file sound either way; the claim keeps the people's work sound.

The claim is an operating-system lock on a small file beside the workbook
(``NAME.oogst-in-use``, like SQLite's ``-wal`` and ``-shm``). The system drops the lock
when the process ends, however it ends: a crash leaves no stale claim. The file says who
holds it (computer, process, since when) for the refusal's sentence, and is removed on
release. SQLite's own locks, on the workbook file itself, are never touched. Where no
lock can be made (a read-only folder, a file system without locks) the workbook opens
unclaimed, as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from app.i18n import tr
from app.storage.errors import WorkbookError

SUFFIX = "-in-use"
_LOCK_OFFSET = 1 << 20  # Windows locks bytes: one far past the text, which stays readable


class WorkbookInUse(WorkbookError):
    """Another Oogst has the workbook open; ``str()`` says where and since when."""


def claim_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + SUFFIX)


class Claim:
    """Held until :meth:`release` (or the process ends)."""

    def __init__(self, path: Path, file: IO[str] | None) -> None:
        self.path = path
        self._file = file

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        file, self._file = self._file, None
        if file is None:
            return
        if sys.platform == "win32":
            file.close()  # closing drops the lock; removing fails if another has it open
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            return
        try:
            self.path.unlink(missing_ok=True)  # while still locked: see _lock_current
        finally:
            file.close()


def claim(path: str | Path) -> Claim:
    """Claim the workbook at ``path`` for this process, or raise :class:`WorkbookInUse`."""
    lock = claim_path(path)
    for _attempt in range(10):
        try:
            file = open(lock, "a+", encoding="utf-8")  # noqa: SIM115 (held open on purpose)
        except OSError:
            return Claim(lock, None)  # no lock possible here: open unclaimed
        try:
            locked = _lock(file)
        except OSError:
            file.close()
            return Claim(lock, None)
        if not locked:
            file.close()
            raise WorkbookInUse(_in_use_sentence(Path(path), lock))
        if _lock_current(file, lock):
            _write_holder(file)
            return Claim(lock, file)
        file.close()  # the holder removed the file as we locked it: try the new one
    return Claim(lock, None)


H = TypeVar("H")  # anything with a ``claim`` attribute: a Workbook


def claimed(path: str | Path, make: Callable[[], H]) -> H:
    """What ``make()`` opens at ``path``, holding its claim (taken first, so a refusal
    leaves the file untouched; released again if ``make`` fails)."""
    held = claim(path)
    try:
        opened = make()
    except BaseException:
        held.release()
        raise
    opened.claim = held  # type: ignore[attr-defined]
    return opened


def _lock(file: IO[str]) -> bool:
    """Lock ``file`` without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        file.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _lock_current(file: IO[str], lock: Path) -> bool:
    """Whether ``lock`` still names the file we locked (a releasing holder removes it
    while it holds the lock, so a lock won on a removed file is a lock on nothing)."""
    if sys.platform == "win32":
        return True
    try:
        return os.stat(lock).st_ino == os.fstat(file.fileno()).st_ino
    except OSError:
        return False


def _write_holder(file: IO[str]) -> None:
    try:
        if file.seek(0, os.SEEK_END):  # left by a holder that crashed: replace its text
            file.seek(0)  # (only then: ext4 flushes a truncated file to disk on close)
            file.truncate()
        file.write(json.dumps({"host": _host(), "pid": os.getpid(),
                               "since": dt.datetime.now().isoformat(timespec="minutes")}))
        file.flush()
    except OSError:
        pass  # the lock is what counts; the text only explains it


def _host() -> str:
    """This computer's name (no socket module: it costs start-up time)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


def _in_use_sentence(path: Path, lock: Path) -> str:
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
        since = dt.datetime.fromisoformat(holder["since"]).strftime("%H:%M")
        host = str(holder["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return tr("{path} is al geopend in een ander Oogst-venster. Sluit het daar eerst; "
                  "het bestand is niet gewijzigd.", path=path.name)
    if host == _host():
        return tr("{path} is al geopend in een ander Oogst-venster op deze computer (sinds "
                  "{since}). Sluit het daar eerst; het bestand is niet gewijzigd.",
                  path=path.name, since=since)
    return tr("{path} is al geopend in Oogst op computer {host} (sinds {since}). Sluit het "
              "daar eerst; het bestand is niet gewijzigd.", path=path.name, host=host,
              since=since)
