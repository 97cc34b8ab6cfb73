"""Broken, foreign, newer and encrypted files are refused and left byte-for-byte alone."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from app.storage import (
    CorruptWorkbook,
    EncryptedWorkbook,
    NewerWorkbook,
    NotAWorkbook,
    Workbook,
    WorkbookError,
    WrongPassphrase,
)
from app.storage.check_ahead import CheckAhead
from sessions.setup import create_workbook


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scribble_over_pages(path: Path) -> None:
    """Damage b-tree pages past the header and schema: only the page check sees it."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 6):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def assert_refused(path: Path, error: type[WorkbookError], passphrase: str | None = None,
                   ahead: CheckAhead | None = None) -> str:
    before = digest(path)
    with pytest.raises(error) as caught:
        Workbook.open(path, passphrase, ahead=ahead)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    message = str(caught.value)
    assert path.name in message and "\n" not in message
    return message


def test_truncated_workbook_is_refused(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2 + 100])
    assert "afgekapt" in assert_refused(demo_path, CorruptWorkbook)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.oogst"
    path.write_bytes(os.urandom(3000))
    assert_refused(path, NotAWorkbook)


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.oogst"
    path.write_text("Dit is geen werkboek\n")
    assert_refused(path, NotAWorkbook)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.oogst"
    path.write_bytes(b"")
    assert_refused(path, CorruptWorkbook)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    assert "geen Oogst-werkboek" in assert_refused(path, NotAWorkbook)


def test_corrupt_page_is_refused(demo_path: Path) -> None:
    scribble_over_pages(demo_path)
    assert_refused(demo_path, CorruptWorkbook)


def test_workbook_from_a_newer_oogst_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.oogst"
    create_workbook(path, "future-search", "Toekomst").close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert "nieuwere Oogst" in assert_refused(path, NewerWorkbook)


def test_encrypted_workbook_needs_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "logboek.oogst"
    create_workbook(path, "logbook", "Caravan", passphrase="geheim 🔑").close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert_refused(path, EncryptedWorkbook)
    assert "wachtwoordzin" in assert_refused(path, WrongPassphrase, "fout")
    with Workbook.open(path, "geheim 🔑") as book:
        assert book.event().title == "Caravan"


def test_large_workbook_opens_at_once_and_its_check_finds_damage(demo_path: Path,
                                                                 monkeypatch) -> None:
    """Past CHECK_ON_OPEN_BYTES the page check is left to the background: opening does
    not wait for it, and ``quick_check`` (what the window runs) still finds the damage."""
    from app.storage import workbook
    from app.storage.check import quick_check

    monkeypatch.setattr(workbook, "CHECK_ON_OPEN_BYTES", 1024)
    with Workbook.open(demo_path) as book:
        assert book.check_pending
    assert quick_check(demo_path) == "ok"
    scribble_over_pages(demo_path)
    assert quick_check(demo_path) != "ok"
    monkeypatch.undo()
    assert_refused(demo_path, CorruptWorkbook)  # a small file is checked before it opens


def test_a_clean_check_ahead_stands_in_for_the_check_when_opening(
        demo_path: Path, checks_before_opening: list[tuple[str, bool]]) -> None:
    """The page check ran on its own thread (while the app loads); opening skips it."""
    ahead = CheckAhead(demo_path)
    with Workbook.open(demo_path, ahead=ahead) as book:
        assert not book.check_pending  # checked: nothing left for the background
        assert book.event().title
    assert checks_before_opening == [("oogst-check-ahead", True),
                                     (threading.current_thread().name, False)]


def test_damage_found_ahead_is_refused_as_without_it(demo_path: Path) -> None:
    scribble_over_pages(demo_path)
    ahead = CheckAhead(demo_path)
    assert not ahead.passed(demo_path)
    assert "beschadigd" in assert_refused(demo_path, CorruptWorkbook, ahead=ahead)


def test_a_file_changed_after_its_check_ahead_is_checked_again(demo_path: Path) -> None:
    ahead = CheckAhead(demo_path)
    assert ahead.passed(demo_path)
    scribble_over_pages(demo_path)
    assert_refused(demo_path, CorruptWorkbook, ahead=ahead)


def test_a_check_ahead_counts_for_its_own_file_only(tmp_path: Path, demo_path: Path) -> None:
    other = tmp_path / "ander.oogst"
    create_workbook(other, "future-search", "Ander").close()
    data = other.read_bytes()
    other.write_bytes(data[: len(data) // 2 + 100])  # truncated
    ahead = CheckAhead(demo_path)
    assert not ahead.passed(other)
    assert_refused(other, CorruptWorkbook, ahead=ahead)
    secret = tmp_path / "logboek.oogst"
    create_workbook(secret, "logbook", "Caravan", passphrase="geheim").close()
    ahead = CheckAhead(secret)  # cannot read it without the passphrase: not used
    assert not ahead.passed(secret)
    with Workbook.open(secret, "geheim", ahead=ahead) as book:
        assert book.event().title == "Caravan"
