"""A workbook written by schema version 1 opens, is migrated, and keeps its data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.domain import Event, Seat
from app.storage import Workbook
from app.storage.backups import folder_for, list_backups, take_backup
from app.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def make_v1(path: Path) -> None:
    """A file exactly as Oogst with schema 1 wrote it."""
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:
        conn.execute(statement)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("format", "oogst-workbook"), ("workbook_id", "wb-1"), ("site_id", "site-1")])
    conn.execute("INSERT INTO event (id, title, method, _hlc, _site) VALUES "
                 "('ev-1', 'Oud werkboek', 'future-search', '018000000000000', 'site-1')")
    conn.execute("INSERT INTO changes VALUES ('c1', '018000000000000', 'site-1', 'event', "
                 "'ev-1', ?)", (json.dumps({"title": "Oud werkboek"}),))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_version_1_is_migrated_in_order_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.oogst"
    make_v1(path)
    seen = []
    with Workbook.open(path, before_migrate=lambda b: seen.append(b.schema_version())) as book:
        assert seen == [1]
        assert book.schema_version() == SCHEMA_VERSION
        assert book.event().title == "Oud werkboek"
        book.insert(Seat(round_no=1, participant_id="p", table_no=3))  # a version-2 table
        book.update(Event, "ev-1", title="Bijgewerkt")
    with Workbook.open(path) as book:
        assert book.event().title == "Bijgewerkt"
        assert len(book.all(Seat)) == 1


def test_a_backup_is_taken_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "v1.oogst"
    make_v1(path)
    with Workbook.open(path, before_migrate=lambda b: take_backup(b, "migrate")) as book:
        backups = list_backups(folder_for(book))
    assert [b.reason for b in backups] == ["migrate"]
    conn = sqlite3.connect(backups[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
