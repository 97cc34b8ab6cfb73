"""Seating edits as domain commands, and the plan as plain data for the board (no Qt).

A swap changes two ``Seat`` rows (their derived ids stay), so undo restores both; pins
and keep-apart pairs are ``SeatingRule`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.commands import AddRecords, Command, Compound, DeleteRecords, EditFields
from app.domain import Participant, Seat, SeatingRule, StakeholderGroup
from app.i18n import tr
from app.storage.workbook import Workbook
from sessions.seating_workbook import save_plan_command

Rounds = list[list[list[str]]]
Repeats = dict[tuple[int, str], list[str]]


@dataclass(frozen=True)
class SeatPersonInfo:
    name: str
    colour: str = "#9A9EA4"
    group: str = ""
    organisation: str = ""


@dataclass
class BoardData:
    """Everything the board shows, as plain data."""

    rounds: Rounds
    people: dict[str, SeatPersonInfo]
    pins: dict[str, int] = field(default_factory=dict)  # person -> table number
    apart: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # pid -> (rule, other)
    repeats: Repeats = field(default_factory=dict)  # (round index, pid) -> met again
    groups: list[StakeholderGroup] = field(default_factory=list)


def repeated_meetings(rounds: Sequence[Sequence[Sequence[str]]]) -> Repeats:
    """(round index, person) -> the people met there who were met in another round too."""
    seen: dict[frozenset[str], list[int]] = {}
    for r, rnd in enumerate(rounds):
        for table in rnd:
            for i, a in enumerate(table):
                for b in table[i + 1:]:
                    seen.setdefault(frozenset((a, b)), []).append(r)
    out: Repeats = {}
    for pair, where in seen.items():
        if len(where) > 1:
            a, b = tuple(pair)
            for r in where:
                out.setdefault((r, a), []).append(b)
                out.setdefault((r, b), []).append(a)
    return out


def board_data(book: Workbook) -> BoardData:
    """The stored plan (people no longer in the workbook left out), rules and repeats."""
    from sessions.seating_workbook import stored_rounds

    people = {p.id: p for p in book.all(Participant)}
    groups = book.all(StakeholderGroup)
    by_id = {g.id: g for g in groups}
    rounds = [[[pid for pid in table if pid in people] for table in rnd]
              for rnd in stored_rounds(book)]
    rounds = [[t for t in rnd if t] for rnd in rounds]
    info = {}
    for pid, person in people.items():
        group = by_id.get(person.group_id)
        info[pid] = SeatPersonInfo(person.name, group.colour if group else "#9A9EA4",
                                   group.name if group else "", person.organisation)
    pins: dict[str, int] = {}
    apart: dict[str, list[tuple[str, str]]] = {}
    for rule in book.all(SeatingRule):
        if rule.kind == "pin":
            pins[rule.participant_id] = rule.table_no
        elif rule.kind == "apart":
            apart.setdefault(rule.participant_id, []).append((rule.id, rule.other_id))
            apart.setdefault(rule.other_id, []).append((rule.id, rule.participant_id))
    return BoardData(rounds, info, pins, apart, repeated_meetings(rounds), groups)


def attendance_notice(book: Workbook, data: BoardData, day_id: str | None = None) -> str:
    """Who is in the last planned round but absent on the day, and who is present but
    unseated (``day_id``: the day whose attendance counts; the first day by default)."""
    from sessions.seating_workbook import seated_people

    if not data.rounds:
        return ""
    present = {p.id for p in seated_people(book, day_id)}
    planned = {pid for table in data.rounds[-1] for pid in table}
    gone = sorted(data.people[p].name for p in planned - present if p in data.people)
    new = sorted(data.people[p].name for p in present - planned if p in data.people)
    parts = []
    if gone:
        parts.append(tr("Ingedeeld maar afwezig: {names}.", names=", ".join(gone)))
    if new:
        parts.append(tr("Aanwezig maar niet ingedeeld: {names}.", names=", ".join(new)))
    if parts:
        parts.append(tr("Gebruik ‘Opnieuw indelen vanaf ronde…’ voor de rondes die nog komen."))
    return " ".join(parts)


def table_of(rounds: Rounds, round_no: int, pid: str) -> int | None:
    """The 1-based table of ``pid`` in 1-based ``round_no``."""
    if not 1 <= round_no <= len(rounds):
        return None
    return next((t for t, table in enumerate(rounds[round_no - 1], 1) if pid in table), None)


def swap_command(book: Workbook, rounds: Rounds, round_no: int, a: str,
                 b: str) -> Command | None:
    """Swap the seats of ``a`` and ``b`` in ``round_no``; None when they share a table."""
    table_a, table_b = table_of(rounds, round_no, a), table_of(rounds, round_no, b)
    if table_a is None or table_b is None or table_a == table_b:
        return None
    names = {p.id: p.name for p in book.all(Participant) if p.id in (a, b)}
    text = tr("{a} en {b} wisselen (ronde {n})", a=names.get(a, "?"), b=names.get(b, "?"),
              n=round_no)
    return Compound(text, [
        EditFields(text, Seat, Seat.key(round_no, a), {"table_no": table_b}),
        EditFields(text, Seat, Seat.key(round_no, b), {"table_no": table_a})])


def pin_command(book: Workbook, pid: str, table_no: int) -> Command:
    """Pin ``pid`` to 1-based ``table_no`` in every planned round (moves an existing pin)."""
    existing = [r for r in book.all(SeatingRule, kind="pin") if r.participant_id == pid]
    text = tr("Vastzetten aan tafel {n}", n=table_no)
    if existing:
        return EditFields(text, SeatingRule, existing[0].id, {"table_no": table_no})
    return AddRecords(text, [SeatingRule(kind="pin", participant_id=pid, table_no=table_no)])


def unpin_command(book: Workbook, pid: str) -> Command | None:
    ids = [r.id for r in book.all(SeatingRule, kind="pin") if r.participant_id == pid]
    return DeleteRecords(tr("Losmaken van tafel"), SeatingRule, ids) if ids else None


def apart_command(book: Workbook, a: str, b: str) -> Command | None:
    """Keep ``a`` and ``b`` apart; None when that rule exists already (or a is b)."""
    if a == b or any({r.participant_id, r.other_id} == {a, b}
                     for r in book.all(SeatingRule, kind="apart")):
        return None
    return AddRecords(tr("Uit elkaar houden"), [
        SeatingRule(kind="apart", participant_id=a, other_id=b)])


def remove_apart_command(rule_id: str) -> Command:
    return DeleteRecords(tr("Niet meer uit elkaar houden"), SeatingRule, [rule_id])


store_plan_command = save_plan_command
