"""Kill a writer with SIGKILL at random moments: every acknowledged edit survives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain import StakeholderGroup
from app.storage import Workbook
from sessions.setup import create_workbook

WRITER = r"""
import sys
from app.domain import Event, StakeholderGroup
from app.storage import Workbook
book = Workbook.open(sys.argv[1])
event_id = book.event().id
ack = open(sys.argv[2], "a", buffering=1)
start = int(sys.argv[3])
i = start
while True:
    group = StakeholderGroup(name=f"g{i}")
    book.insert(group)                              # one edit = one transaction
    ack.write(f"insert {group.id}\n")
    book.update(Event, event_id, notes=str(i))      # another, an update
    ack.write(f"notes {i}\n")
    i += 1
"""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.oogst"
    create_workbook(path, "future-search", "Crash").close()
    ack = tmp_path / "ack.txt"
    rng = random.Random(7)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    next_start = 0
    for kill in range(22):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(ack),
                                  str(next_start)], env=env)
        time.sleep(0.25 + rng.random() * 0.35)
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = ack.read_text().splitlines()
        inserted = {line.split()[1] for line in lines if line.startswith("insert ")}
        notes = [int(line.split()[1]) for line in lines if line.startswith("notes ")]
        with Workbook.open(path) as book:
            assert book.integrity() == "ok"
            present = {g.id for g in book.all(StakeholderGroup)}
            assert inserted <= present, f"kill {kill}: lost {len(inserted - present)} edits"
            if notes:
                assert int(book.event().notes or -1) >= max(notes)
            next_start = (max(notes) + 1) if notes else next_start
    assert len(inserted) > 100  # the writer really wrote between kills


GROWER = r"""
import os, sys
from app.domain import StakeholderGroup
from app.storage import Workbook
book = Workbook.open(sys.argv[1])
book._conn.execute("PRAGMA wal_autocheckpoint = 0")
book.insert_many([StakeholderGroup(name="x" * 500 + str(i)) for i in range(400)])
os._exit(0)                                     # like a kill: no checkpoint, the WAL stays hot
"""


def test_cut_off_checkpoint_still_opens(tmp_path: Path) -> None:
    """A kill during a checkpoint can leave page 1 claiming pages not yet written; the
    WAL still holds them, so the workbook must open, not be called truncated."""
    import struct

    path = tmp_path / "checkpoint.oogst"
    create_workbook(path, "future-search", "Checkpoint").close()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    subprocess.run([sys.executable, "-c", GROWER, str(path)], env=env, check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0
    data = bytearray(path.read_bytes())
    pages, = struct.unpack(">I", data[28:32])
    data[28:32] = struct.pack(">I", pages + 60)   # page 1 written, the file not yet grown
    path.write_bytes(bytes(data))
    with Workbook.open(path) as book:
        assert book.count(StakeholderGroup) >= 400
