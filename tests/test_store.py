"""The store: what goes in comes out, tombstones, change log, transactions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.domain import (
    AgendaBlock,
    Attendance,
    Event,
    Participant,
    StakeholderGroup,
)
from app.entities import ENTITIES
from app.storage import Workbook, WorkbookError

LONG_NOTE = "Lange notitie 🚲 ë ü ı " * 5000  # ~110 KB


def sample(cls: type) -> object:
    """A record of ``cls`` with a non-default value in every field."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name == "id":
            continue
        kind = f.type
        if kind in ("bool", bool):
            values[f.name] = True
        elif kind in ("int", int):
            values[f.name] = 42
        elif kind in ("float", float):
            values[f.name] = 2.5
        elif kind in ("bytes", bytes):
            values[f.name] = b"\x89PNG\x00 foto"
        else:
            values[f.name] = f"{f.name} — Esmé Ümit 🙂"
    return cls(**values)


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.TABLE)
def test_every_entity_round_trips_through_the_file(tmp_path: Path, cls: type) -> None:
    path = tmp_path / "rt.oogst"
    record = sample(cls)
    with Workbook.create(path) as book:
        book.insert(record)
    with Workbook.open(path) as book:
        assert book.get(cls, record.id) == record


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.TABLE)
def test_records_compare_and_show_by_their_values(cls: type) -> None:
    record = sample(cls)
    twin = cls(**record.values())
    assert twin == record and not twin != record
    for f in dataclasses.fields(cls):  # any one field differing makes them differ
        other = dataclasses.replace(record, **{f.name: "anders"})
        assert other != record, f.name
    if cls is not Event:
        assert record != Event(id=record.id)  # another kind of record, same id
    with pytest.raises(TypeError):
        hash(record)  # mutable: not usable as a key
    shown = repr(record)
    assert shown.startswith(f"{cls.__name__}(id={record.id!r}, ")
    assert all(f"{f.name}=" in shown for f in dataclasses.fields(cls))


def test_long_notes_and_emoji_are_kept_whole(book: Workbook) -> None:
    person = Participant(first_name="Ümit", last_name="Yılmaz", notes=LONG_NOTE)
    book.insert(person)
    assert book.get(Participant, person.id).notes == LONG_NOTE


def test_update_returns_old_values_and_logs_a_change(book: Workbook) -> None:
    event = book.event()
    before = book.change_count()
    old = book.update(Event, event.id, title="Nieuwe titel", venue="Stadion")
    assert old == {"title": "Veilige binnenstad", "venue": ""}
    assert book.event().title == "Nieuwe titel"
    assert book.change_count() == before + 1


def test_delete_is_a_tombstone_that_can_be_restored(book: Workbook) -> None:
    group = book.all(StakeholderGroup)[0]
    book.delete(StakeholderGroup, group.id)
    assert group.id not in {g.id for g in book.all(StakeholderGroup)}
    assert book.get(StakeholderGroup, group.id) is None
    assert book.get(StakeholderGroup, group.id, include_deleted=True) is not None
    book.restore(StakeholderGroup, group.id)
    assert book.get(StakeholderGroup, group.id) == group


def test_count_counts_live_records_with_given_values(book: Workbook) -> None:
    before = book.count(Participant, role="participant")
    a = Participant(first_name="A")
    b = Participant(first_name="B", role="facilitator")
    book.insert(a)
    book.insert(b)
    assert book.count(Participant, role="participant") == before + 1
    assert book.count(Participant, role="facilitator", first_name="B") == 1
    book.delete(Participant, a.id)
    assert book.count(Participant, role="participant") == before


def test_a_failed_transaction_leaves_nothing(book: Workbook) -> None:
    count = book.count(Participant)
    with pytest.raises(RuntimeError):
        with book.transaction():
            book.insert(Participant(first_name="Half"))
            raise RuntimeError("boom")
    assert book.count(Participant) == count


def test_listeners_hear_once_per_transaction_what_changed(book: Workbook) -> None:
    heard = []
    book.subscribe(heard.append)
    a, b = Participant(first_name="A"), Participant(first_name="B")
    book.insert_many([a, b])
    assert len(heard) == 1
    assert heard[0].rows == {"participant": frozenset({a.id, b.id})}


def test_update_of_a_missing_record_says_so(book: Workbook) -> None:
    with pytest.raises(WorkbookError):
        book.update(Participant, "no-such-id", first_name="x")


def test_unknown_fields_are_refused(book: Workbook) -> None:
    with pytest.raises(ValueError):
        book.update(Event, book.event().id, colour="red")


def test_attendance_has_one_row_per_person_and_day(book: Workbook) -> None:
    person = Participant(first_name="Gijs")
    day_id = "day-1"
    book.insert(person)
    key = Attendance.key(person.id, day_id)
    book.insert(Attendance(id=key, participant_id=person.id, day_id=day_id, status="present"))
    book.insert(Attendance(id=key, participant_id=person.id, day_id=day_id, status="absent"))
    rows = book.all(Attendance, participant_id=person.id)
    assert [r.status for r in rows] == ["absent"]


def test_lists_come_in_position_order(book: Workbook) -> None:
    day = book.all(AgendaBlock)[0].day_id
    blocks = book.all(AgendaBlock, day_id=day)
    assert [b.position for b in blocks] == sorted(b.position for b in blocks)


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.oogst"
    path.write_bytes(b"keep me")
    with pytest.raises(WorkbookError):
        Workbook.create(path)
    assert path.read_bytes() == b"keep me"
