"""Changing the passphrase of an encrypted workbook in place (SQLCipher ``PRAGMA rekey``)."""

from __future__ import annotations

from app.i18n import tr
from app.storage.errors import WorkbookError
from app.storage.workbook import Workbook

MIN_LENGTH = 8


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def change_passphrase(book: Workbook, new: str) -> None:
    """Re-encrypt every page of ``book`` under ``new``; the old passphrase stops working.

    The write-ahead log is checkpointed before and after, so no page encrypted
    under the old key is left next to the file. Backups taken earlier keep the
    passphrase they were made with: take a fresh one afterwards.
    """
    if book.closed:
        raise WorkbookError(tr("Het werkboek is gesloten."))
    if book.passphrase is None:
        raise WorkbookError(tr("Dit werkboek is niet versleuteld; er is geen wachtwoordzin "
                               "om te wijzigen."))
    if len(new) < MIN_LENGTH:
        raise WorkbookError(tr("Kies een wachtwoordzin van minstens {n} tekens.", n=MIN_LENGTH))
    if "\x00" in new:
        raise WorkbookError(tr("De wachtwoordzin bevat een ongeldig teken."))
    with book._lock:
        if book._depth:
            raise WorkbookError(tr("Wacht tot de lopende wijziging klaar is."))
        conn = book._conn
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA rekey = " + _quote(new))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        book.passphrase = new
