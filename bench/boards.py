"""Boards stay fluid with 2,000 items on one board: time to load each board widget
and to add one item (quick capture -> durable commit -> board refreshed), printed.

    QT_QPA_PLATFORM=offscreen python bench/boards.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.board_records import (  # noqa: E402
    CommonGround,
    GroupStatement,
    TimelineEntry,
    Trend,
)
from app.domain import Record, StakeholderGroup  # noqa: E402
from app.storage import Workbook  # noqa: E402
from sessions.setup import create_workbook  # noqa: E402
from widgets.boards import BOARD_WIDGETS  # noqa: E402
from widgets.style import apply_style  # noqa: E402

ITEMS = 2000
ADDS = 20


def fill(book: Workbook, kind: str) -> None:
    groups = book.all(StakeholderGroup)
    records: list[Record] = []
    for i in range(ITEMS):
        text = f"Item {i}: een uitspraak van een tafel over veiligheid en leefbaarheid"
        if kind == "timeline":
            records.append(TimelineEntry(lane=("personal", "world", "topic")[i % 3],
                                         year=1996 + i % 31, text=text, position=float(i)))
        elif kind == "mindmap":
            parent = records[i // 10 * 10 - 10].id if i >= 20 and i % 10 else ""
            records.append(Trend(text=text, parent_id=parent, position=float(i)))
        elif kind == "group_lists":
            records.append(GroupStatement(group_id=groups[i % 8].id,
                                          kind=("doing", "wanting")[i % 2], text=text,
                                          position=float(i)))
        else:
            records.append(CommonGround(text=text, status=("agreed", "not_agreed", "unresolved",
                                                           "project")[i % 4], position=float(i)))
    book.insert_many(records)


def bench(app: QApplication, kind: str, folder: Path) -> tuple[float, float, float]:
    book = create_workbook(folder / f"{kind}.oogst", "future-search", "Bench",
                           start_date="2026-11-25")
    fill(book, kind)
    start = time.perf_counter()
    board = BOARD_WIDGETS[kind](book, QUndoStack())
    board.resize(1920, 1000)
    board.show()
    app.processEvents()
    load = (time.perf_counter() - start) * 1000
    adds = []
    for i in range(ADDS):
        start = time.perf_counter()
        board.capture_bar.captured.emit(f"2020 Nieuw item {i}", board.capture_bar.fields())
        board.flush()
        app.processEvents()
        adds.append((time.perf_counter() - start) * 1000)
    board.close()
    board.deleteLater()
    app.processEvents()
    book.close()
    return load, statistics.median(adds), max(adds)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    apply_style(app)
    print(f"{ITEMS} items on one board; add = quick capture, durable commit, board refreshed")
    print(f"{'board':<16}{'load':>10}{'add p50':>10}{'add max':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("common_ground", "group_lists", "timeline", "mindmap"):
            load, p50, worst = bench(app, kind, Path(tmp))
            print(f"{kind:<16}{load:>8.0f}ms{p50:>8.0f}ms{worst:>8.0f}ms")


if __name__ == "__main__":
    main()
