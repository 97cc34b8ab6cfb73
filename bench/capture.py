"""Edit-to-durable latency: 2,000 edits on the demo workbook, each one committed
(WAL, synchronous=FULL) before the call returns. Prints p50/p99; target p99 <= 4 ms."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.commands import AddRecords, EditFields, UndoStack  # noqa: E402
from app.domain import Event, Participant  # noqa: E402
from sessions.demo import build_demo  # noqa: E402

EDITS = 2000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = build_demo(Path(tmp) / "demo.oogst")
        stack = UndoStack(book)
        event_id = book.event().id
        times = []
        for i in range(EDITS):
            command = (EditFields("titel", Event, event_id, {"title": f"Titel {i}"}) if i % 2
                       else AddRecords("deelnemer", [Participant(first_name=f"P{i}")]))
            start = time.perf_counter()
            stack.push(command)
            times.append((time.perf_counter() - start) * 1000)
        book.close()
    times.sort()
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(f"edits: {EDITS}")
    print(f"edit-to-durable p50: {p50:.2f} ms")
    print(f"edit-to-durable p99: {p99:.2f} ms  (target <= 4 ms: {'ok' if p99 <= 4 else 'MISSED'})")
    print(f"max: {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()
