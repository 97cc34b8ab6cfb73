"""Export times on the demo workbook (built fresh in a temporary folder).

Targets: the event report <= 1.0 s, 200 badges <= 1.0 s. Each figure is the best of
three runs (the first run also registers the fonts, shown separately).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 3


def timed(label: str, run: Callable[[], object], target: float | None = None) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    verdict = "" if target is None else \
        f"  (target <= {target:.1f} s: {'ok' if best <= target else 'MISSED'})"
    print(f"{label:<28} {best:6.3f} s{verdict}")
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("OOGST_HOME", tmp)
        from app.domain import Participant, StakeholderGroup
        from exports.badges import write_badges
        from exports.commitments import write_commitments
        from exports.data import write_csv_folder, write_ics, write_xlsx_export
        from exports.handouts import write_handouts
        from exports.pdf_kit import fonts
        from exports.recap import write_recap
        from exports.report import write_report
        from exports.summary import write_summary
        from sessions.demo import build_demo

        start = time.perf_counter()
        fonts()
        print(f"{'font registration (once)':<28} {time.perf_counter() - start:6.3f} s")
        book = build_demo(Path(tmp) / "demo.oogst")
        out = Path(tmp)
        timed("event report", lambda: write_report(book, io.BytesIO()), 1.0)
        timed("day recap (day 2)", lambda: write_recap(book, 2, io.BytesIO()))
        timed("action-plan handouts", lambda: write_handouts(book, io.BytesIO()))
        timed("one-page summary", lambda: write_summary(book, io.BytesIO()))
        timed("commitment slips", lambda: write_commitments(book, io.BytesIO()))
        timed("XLSX", lambda: write_xlsx_export(book, out / "d.xlsx"))
        timed("CSV folder", lambda: write_csv_folder(book, out / "csv"))
        timed("ICS", lambda: write_ics(book, out / "d.ics"))
        groups = book.all(StakeholderGroup)
        have = book.count(Participant)
        book.insert_many([Participant(first_name=f"Naam{i}", last_name="Achternaam",
                                      organisation="Organisatie", group_id=groups[i % 8].id)
                          for i in range(200 - have)])
        timed(f"badges ({book.count(Participant)})", lambda: write_badges(book, io.BytesIO()),
              1.0)
        book.close()


if __name__ == "__main__":
    main()
