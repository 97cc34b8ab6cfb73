"""Copies edited on two laptops merge to the same result, in any order, idempotently."""

from __future__ import annotations

import time
from pathlib import Path

from app.board_records import Attachment
from app.domain import Event, Participant, StakeholderGroup
from app.storage import Workbook
from sessions.setup import create_workbook


def snapshot(book: Workbook) -> tuple:
    return (book.event(), sorted(p.id for p in book.all(Participant)),
            sorted((g.id, g.name) for g in book.all(StakeholderGroup)))


def test_two_laptops_converge(tmp_path: Path) -> None:
    origin = create_workbook(tmp_path / "a.oogst", "future-search", "Binnenstad")
    origin.save_copy(tmp_path / "b.oogst")
    a, b = origin, Workbook.open(tmp_path / "b.oogst")
    assert a.site_id != b.site_id and a.workbook_id == b.workbook_id
    event_id = a.event().id
    group = a.all(StakeholderGroup)[0]
    a.update(Event, event_id, venue="Stadion")
    b.update(Event, event_id, question="Hoe veilig?")
    a.insert(Participant(first_name="Anouk"))
    b.insert(Participant(first_name="Bram"))
    b.delete(StakeholderGroup, group.id)
    a.update(Event, event_id, title="Laatste titel A")
    # Later on the wall clock wins. Within one clock tick the two laptops' edits are
    # concurrent and the clock's counter and site decide (same result on both sides).
    time.sleep(0.01)
    b.update(Event, event_id, title="Laatste titel B")  # later: wins everywhere

    assert a.merge_from(b) > 0
    assert b.merge_from(a) > 0
    assert snapshot(a) == snapshot(b)
    merged = a.event()
    assert (merged.venue, merged.question, merged.title) == (
        "Stadion", "Hoe veilig?", "Laatste titel B")
    assert len(a.all(Participant)) == 2
    assert group.id not in {g.id for g in a.all(StakeholderGroup)}

    photo = Attachment(owner_id="x", file_name="flap.jpg", data=b"\xff\xd8 jpeg bytes")
    a.insert(photo)
    b.merge_from(a)
    assert b.get(Attachment, photo.id) == photo

    before = snapshot(a)
    assert a.merge_from(b) == 0  # idempotent
    assert snapshot(a) == before
    a.close()
    b.close()
