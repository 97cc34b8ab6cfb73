"""Backups from the window: taken on open, by the timer, on close; restored to a new file."""

from __future__ import annotations

from pathlib import Path

from app.domain import Event, Participant
from app.settings import Settings
from app.storage import Workbook
from app.storage.backups import folder_for, list_backups
from sessions.setup import create_workbook
from widgets.backup_dialog import BACKUP_ROLE, BackupDialog, restored_path
from widgets.main_window import MainWindow


def make(tmp_path: Path, name: str = "binnenstad") -> Path:
    path = tmp_path / f"{name}.oogst"
    create_workbook(path, "future-search", "Veilige binnenstad").close()
    return path


def test_backup_on_open_is_listed(qtbot, tmp_path: Path) -> None:
    window = MainWindow(Workbook.open(make(tmp_path)), Settings())
    qtbot.addWidget(window)
    window.backups.wait()  # the open backup runs off the GUI thread
    with qtbot.waitSignal(window.backups.finished, timeout=100, raising=False):
        pass
    assert window.backup_label.text().startswith("Back-up om")
    dialog = BackupDialog(window, book=window.book)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    item = dialog.tree.topLevelItem(0)
    assert item.text(1) == "bij openen"
    assert item.text(2) == "binnenstad"


def test_timer_and_close_backups_only_after_edits(qtbot, tmp_path: Path) -> None:
    window = MainWindow(Workbook.open(make(tmp_path)), Settings())
    book = window.book
    folder = folder_for(book)
    window.backups.wait()
    window._on_backup_timer_timeout()
    window.backups.wait()
    assert [b.reason for b in list_backups(folder)] == ["open"]
    book.insert(Participant(first_name="Sem"))
    window._on_backup_timer_timeout()
    window.backups.wait()
    assert [b.reason for b in list_backups(folder)] == ["timer", "open"]
    book.update(Event, book.event().id, venue="Stadhuis")
    window.close()
    assert [b.reason for b in list_backups(folder)] == ["close", "timer", "open"]


def test_all_workbooks_newest_first(qtbot, tmp_path: Path) -> None:
    for name in ("eerste", "tweede"):
        window = MainWindow(Workbook.open(make(tmp_path, name)), Settings())
        window.close()
    dialog = BackupDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.all_check.isChecked()  # nothing to filter on: show everything
    times = [dialog.tree.topLevelItem(i).data(0, BACKUP_ROLE)[0].taken
             for i in range(dialog.tree.topLevelItemCount())]
    assert len(times) == 2 and times == sorted(times, reverse=True)


def test_restore_makes_a_new_file_and_leaves_the_original(qtbot, tmp_path: Path) -> None:
    path = make(tmp_path)
    window = MainWindow(Workbook.open(path), Settings())
    site = window.book.site_id
    window.close()
    original = path.read_bytes()
    dialog = BackupDialog(None, original=path)  # as offered when a file does not open
    qtbot.addWidget(dialog)
    backup = dialog.tree.topLevelItem(0).data(0, BACKUP_ROLE)[0]
    backup_bytes = backup.path.read_bytes()
    restored = dialog.restore_selected()
    assert restored is not None and restored == dialog.restored_path
    assert restored.parent == tmp_path
    assert restored.name.startswith("binnenstad (hersteld ") and restored.suffix == ".oogst"
    assert path.read_bytes() == original
    assert backup.path.read_bytes() == backup_bytes
    with Workbook.open(restored) as copy:
        assert copy.event().title == "Veilige binnenstad"
        assert copy.site_id != site
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, restored.name])
    again = dialog.restore_selected()  # same backup twice: a second new name
    assert again != restored and again.exists()


def test_restored_name_never_exists(tmp_path: Path) -> None:
    import datetime as dt

    when = dt.datetime(2026, 11, 25, 14, 3)
    first = restored_path(tmp_path, "x", when)
    assert first.name == "x (hersteld 2026-11-25 14.03).oogst"
    first.write_bytes(b"")
    assert restored_path(tmp_path, "x", when).name == "x (hersteld 2026-11-25 14.03) 2.oogst"
