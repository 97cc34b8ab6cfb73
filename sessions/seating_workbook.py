"""Seating between the workbook and the planner: who is present, pins, and the stored plan.

The planner (``sessions.seating``) works on plain ids; this module reads what it
needs from a workbook and turns a plan into one undoable edit of ``Seat`` records
(one row per round and person, with a derived id, so re-planning overwrites).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.commands import AddRecords, Command, Compound, DeleteRecords, EditFields
from app.domain import AgendaDay, Attendance, Participant, Seat, SeatingRule
from app.i18n import tr
from app.storage import Workbook
from sessions.seating import SeatingPlan, SeatingRequest, SeatPerson

Rounds = list[list[list[str]]]


def seated_people(book: Workbook, day_id: str | None = None) -> list[Participant]:
    """Participants to seat: everyone with role participant who is not absent that day."""
    days = book.all(AgendaDay)
    day = day_id or (days[0].id if days else "")
    away = {a.participant_id for a in book.all(Attendance, day_id=day)
            if a.status in ("absent", "left_early")}
    return [p for p in book.all(Participant) if p.role == "participant" and p.id not in away]


def stored_rounds(book: Workbook) -> Rounds:
    """The stored plan: rounds (1-based round_no in order) of tables of participant ids."""
    by_round: dict[int, dict[int, list[str]]] = {}
    for seat in book.all(Seat):
        by_round.setdefault(seat.round_no, {}).setdefault(seat.table_no, []).append(
            seat.participant_id)
    return [[tables[t] for t in sorted(tables)] for _, tables in sorted(by_round.items())]


def build_request(book: Workbook, rounds: int, *, table_size: int | None = None,
                  tables: int | None = None, keep: int = 0, day_id: str | None = None,
                  seed: int = 0, time_limit: float = 2.0) -> SeatingRequest:
    """A planner request: ``keep`` rounds already held stay as they are; the rest is
    planned anew for the people present, moving as few as possible from the stored plan."""
    people = seated_people(book, day_id)
    present = {p.id for p in people}
    stored = stored_rounds(book)
    if keep > len(stored):
        raise ValueError(tr("Er zijn maar {n} rondes opgeslagen.", n=len(stored)))
    rules = book.all(SeatingRule)
    pins = {r.participant_id: r.table_no - 1 for r in rules  # stored 1-based, planner 0-based
            if r.kind == "pin" and r.participant_id in present}
    apart = tuple((r.participant_id, r.other_id) for r in rules
                  if r.kind == "apart" and {r.participant_id, r.other_id} <= present)
    fixed = tuple(tuple(tuple(t) for t in rnd) for rnd in stored[:keep])
    previous = tuple(tuple(tuple(i for i in t if i in present) for t in rnd)
                     for rnd in stored[keep:keep + rounds])
    return SeatingRequest(
        people=tuple(SeatPerson(p.id, p.group_id or None) for p in people), rounds=rounds,
        table_size=table_size, tables=tables, pins=pins, apart=apart, fixed_rounds=fixed,
        previous=previous, seed=seed, time_limit=time_limit)


def save_plan_command(book: Workbook, plan: SeatingPlan | Sequence[Sequence[Sequence[str]]]
                      ) -> Compound:
    """One edit that stores ``plan`` (all rounds) and that undo turns back exactly.

    Seats that exist already are edited (undo restores their table), new seats are added
    (undo removes them) and seats of the old plan not in the new one are deleted (undo
    brings them back). Storing the same plan again changes nothing.
    """
    rounds = plan.rounds if isinstance(plan, SeatingPlan) else plan
    live = {s.id: s for s in book.all(Seat)}
    added: list[Seat] = []
    commands: list[Command] = []
    keep: set[str] = set()
    for r, rnd in enumerate(rounds, start=1):
        for t, table in enumerate(rnd, start=1):
            for pid in table:
                key = Seat.key(r, pid)
                keep.add(key)
                old = live.get(key)
                if old is None:
                    added.append(Seat(id=key, round_no=r, participant_id=pid, table_no=t))
                elif old.table_no != t:
                    commands.append(EditFields(tr("tafelindeling"), Seat, key, {"table_no": t}))
    if added:
        commands.append(AddRecords(tr("tafelindeling"), added))
    stale = [key for key in live if key not in keep]
    if stale:
        commands.append(DeleteRecords(tr("oude plaatsen"), Seat, stale))
    return Compound(tr("Tafelindeling opslaan"), commands)
