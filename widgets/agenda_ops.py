"""Agenda edits as domain commands (no Qt): add, delete and move days and blocks.

Order is a float ``position``; moving puts an item at the midpoint between its
new neighbours, so one move changes one record's position. Moving a block
also swaps the two blocks' times, so the day still reads top to bottom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.commands import AddRecords, Command, Compound, DeleteRecords, EditFields
from app.domain import AgendaBlock, AgendaDay
from app.i18n import tr
from widgets.formatting import hhmm, parse_hhmm


@dataclass
class DayPlan:
    """One day with its blocks, in order, as read from the workbook."""

    day: AgendaDay
    blocks: list[AgendaBlock] = field(default_factory=list)

    def total_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)


def midpoint(before: float | None, after: float | None) -> float:
    if before is None and after is None:
        return 0.0
    if before is None:
        return after - 1.0  # type: ignore[operator]
    if after is None:
        return before + 1.0
    return (before + after) / 2.0


def end_of(block: AgendaBlock) -> int | None:
    start = parse_hhmm(block.start)
    return None if start is None else start + block.minutes


def add_day(plan: Sequence[DayPlan]) -> tuple[AddRecords, AgendaDay]:
    last = plan[-1].day if plan else None
    date = ""
    if last is not None and last.date:
        try:
            date = (dt.date.fromisoformat(last.date) + dt.timedelta(days=1)).isoformat()
        except ValueError:
            date = ""
    day = AgendaDay(position=midpoint(last.position if last else None, None), date=date,
                    title=tr("Dag {n}", n=len(plan) + 1))
    return AddRecords(tr("Dag toevoegen"), [day]), day


def add_block(day: DayPlan, after_id: str | None = None) -> tuple[AddRecords, AgendaBlock]:
    """A new block after ``after_id`` (or at the end of the day), starting when that one ends."""
    blocks = day.blocks
    index = next((i for i, b in enumerate(blocks) if b.id == after_id), len(blocks) - 1)
    before = blocks[index] if blocks else None
    after = blocks[index + 1] if before is not None and index + 1 < len(blocks) else None
    start = end_of(before) if before is not None else None
    block = AgendaBlock(
        day_id=day.day.id,
        position=midpoint(before.position if before else None,
                          after.position if after else None),
        start=hhmm(start) if start is not None else "09:00", minutes=30,
        title=tr("Nieuw onderdeel"), board="none", grouping="plenary")
    return AddRecords(tr("Onderdeel toevoegen"), [block]), block


def delete_items(plan: Sequence[DayPlan], day_ids: Sequence[str],
                 block_ids: Sequence[str]) -> Command | None:
    """Tombstone days (with their blocks) and blocks, as one undo step."""
    doomed_days = [d for d in plan if d.day.id in set(day_ids)]
    blocks = list(dict.fromkeys(
        [*block_ids, *(b.id for d in doomed_days for b in d.blocks)]))
    if doomed_days:
        text = tr("Dag verwijderen") if len(doomed_days) == 1 else tr("Dagen verwijderen")
    else:
        text = tr("Onderdeel verwijderen") if len(blocks) == 1 else tr("Onderdelen verwijderen")
    if not doomed_days:
        return DeleteRecords(text, AgendaBlock, blocks) if blocks else None
    commands: list[Command] = []
    if blocks:
        commands.append(DeleteRecords(text, AgendaBlock, blocks))
    commands.append(DeleteRecords(text, AgendaDay, [d.day.id for d in doomed_days]))
    return Compound(text, commands)


def _swap_times(first: AgendaBlock, second: AgendaBlock) -> tuple[str, str] | None:
    """New starts when ``second`` moves in front of ``first`` (keeps the gap between them)."""
    a, b = parse_hhmm(first.start), parse_hhmm(second.start)
    if a is None or b is None:
        return None
    gap = max(0, b - (a + first.minutes))
    return hhmm(a), hhmm(a + second.minutes + gap)


def move_block(plan: Sequence[DayPlan], block_id: str, delta: int) -> Command | None:
    """Move a block one place up (-1) or down (+1); at a day's edge it crosses to the next day."""
    found = [(d, day) for d, day in enumerate(plan) if any(b.id == block_id for b in day.blocks)]
    if not found:
        return None
    d, day = found[0]
    i = [b.id for b in day.blocks].index(block_id)
    block = day.blocks[i]
    blocks = day.blocks
    text = tr("Onderdeel omhoog") if delta < 0 else tr("Onderdeel omlaag")
    j = i + (-1 if delta < 0 else 1)
    if 0 <= j < len(blocks):
        other = blocks[j]
        if delta < 0:
            beyond = blocks[j - 1].position if j - 1 >= 0 else None
            position = midpoint(beyond, other.position)
            times = _swap_times(other, block)
            new_block, new_other = (times if times else (block.start, other.start))
        else:
            beyond = blocks[j + 1].position if j + 1 < len(blocks) else None
            position = midpoint(other.position, beyond)
            times = _swap_times(block, other)
            new_other, new_block = (times if times else (other.start, block.start))
        return Compound(text, [
            EditFields(text, AgendaBlock, block.id, {"position": position, "start": new_block}),
            EditFields(text, AgendaBlock, other.id, {"start": new_other}),
        ])
    k = d + (-1 if delta < 0 else 1)
    if not 0 <= k < len(plan):
        return None
    target = plan[k]
    if delta < 0:  # to the end of the previous day
        last = target.blocks[-1] if target.blocks else None
        end = end_of(last) if last is not None else None
        fields = {"day_id": target.day.id,
                  "position": midpoint(last.position if last else None, None),
                  "start": hhmm(end) if end is not None else block.start}
    else:  # to the start of the next day
        first = target.blocks[0] if target.blocks else None
        start = parse_hhmm(first.start) if first is not None else None
        fields = {"day_id": target.day.id,
                  "position": midpoint(None, first.position if first else None),
                  "start": hhmm(max(0, start - block.minutes)) if start is not None
                  else block.start}
    return EditFields(text, AgendaBlock, block.id, fields)


def move_day(plan: Sequence[DayPlan], day_id: str, delta: int) -> Command | None:
    """Move a day one place; the two days swap dates, so the calendar stays in order."""
    ids = [d.day.id for d in plan]
    if day_id not in ids:
        return None
    i = ids.index(day_id)
    j = i + (-1 if delta < 0 else 1)
    if not 0 <= j < len(plan):
        return None
    day, other = plan[i].day, plan[j].day
    if delta < 0:
        beyond = plan[j - 1].day.position if j - 1 >= 0 else None
        position = midpoint(beyond, other.position)
    else:
        beyond = plan[j + 1].day.position if j + 1 < len(plan) else None
        position = midpoint(other.position, beyond)
    text = tr("Dag omhoog") if delta < 0 else tr("Dag omlaag")
    return Compound(text, [
        EditFields(text, AgendaDay, day.id, {"position": position, "date": other.date}),
        EditFields(text, AgendaDay, other.id, {"date": day.date}),
    ])
