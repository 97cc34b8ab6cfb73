"""A large workbook opens at once; its page check runs after and warns on damage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage import Workbook
from widgets.integrity_watch import watch_integrity


def test_damage_found_after_opening_is_reported(qtbot, demo_path: Path, monkeypatch) -> None:
    data = bytearray(demo_path.read_bytes())
    for offset in range(4096 * 3, 4096 * 6):
        data[offset] = 0xA5
    demo_path.write_bytes(bytes(data))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    window = QWidget()
    qtbot.addWidget(window)
    book = Workbook.open(demo_path, check=False)  # as a file past CHECK_ON_OPEN_BYTES opens
    try:
        assert book.check_pending
        watch = watch_integrity(window, book)
        assert watch is not None
        qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
        assert demo_path.name in warnings[0] and "Herstellen uit back-up" in warnings[0]
        assert not book.check_pending
    finally:
        book.close()


def test_healthy_or_checked_workbooks_start_no_watch(qtbot, demo_path: Path,
                                                     monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    window = QWidget()
    qtbot.addWidget(window)
    with Workbook.open(demo_path) as book:  # small: checked before it opened
        assert watch_integrity(window, book) is None
    with Workbook.open(demo_path, check=False) as book:
        watch = watch_integrity(window, book)
        qtbot.waitUntil(lambda: not book.check_pending, timeout=10_000)  # report() ran
        assert watch.result == "ok" and not warnings
