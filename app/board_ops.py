"""Board logic without Qt or SQL: reads through the Workbook, edits as commands.

Ranking and dots (each stakeholder group has ``per_group`` dots to place),
merging duplicates, moving and regrouping with float positions (one move
changes one record) and deleting with what hangs under a record. The one
entry point for the board widgets: quick capture and positions (from
``app.board_capture``) and search across all boards (``app.board_search``)
are re-exported here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.board_capture import (  # noqa: F401 (re-exported: board_ops is the one entry point)
    SCOPE,
    TEXT_FIELD,
    add_member,
    attach_image,
    capture,
    decades,
    end_position,
    midpoint,
    parse_year,
    remove_member,
    set_reading,
    siblings,
)
from app.board_records import (
    ActionPlan,
    ActionStep,
    Attachment,
    Commitment,
    CommonGround,
    Dot,
    GroupStatement,
    PlanMember,
    Scenario,
    TimelineEntry,
    Trend,
    TrendLink,
)
from app.board_search import Hit, normalise, search  # noqa: F401 (re-exported)
from app.commands import AddRecords, Command, Compound, DeleteRecords, EditFields
from app.domain import Record
from app.i18n import tr
from app.storage.workbook import Workbook

DOTS_PER_GROUP = 5
"""Dots each stakeholder group gets on a board unless the facilitator sets another number."""

def move_item(book: Workbook, cls: type[Record], row_id: str, index: int | None = None,
              **scope: Any) -> EditFields | None:
    """Move a record to ``index`` in its list (end when None); ``scope`` regroups it.

    E.g. ``move_item(book, CommonGround, cg, 0, status="agreed")`` puts a statement
    on top of the agreed column. Returns None when nothing would change.
    """
    record = book.get(cls, row_id)
    if record is None:
        return None
    names = SCOPE.get(cls, ())
    unknown = set(scope) - set(names) - ({"year", "decade_only"} if cls is TimelineEntry else set())
    if unknown:
        raise ValueError(f"{cls.TABLE} cannot be regrouped by {sorted(unknown)}")
    if cls is Trend and "parent_id" in scope and _would_cycle(book, row_id, scope["parent_id"]):
        return None
    target = {n: scope.get(n, getattr(record, n)) for n in names}
    rows = [r for r in siblings(book, cls, **target) if r.id != row_id]
    if cls is TimelineEntry:
        year = scope.get("year", record.year)
        rows = [r for r in rows if r.year == year]
    index = len(rows) if index is None else max(0, min(index, len(rows)))
    position = midpoint(rows[index - 1].position if index > 0 else None,
                        rows[index].position if index < len(rows) else None)
    new = {k: v for k, v in scope.items() if getattr(record, k) != v}
    if not new:
        current = [r.id for r in siblings(book, cls, **target)
                   if cls is not TimelineEntry or r.year == record.year]
        if row_id in current and current.index(row_id) == index:
            return None
    new["position"] = position
    return EditFields(tr("Verplaatsen"), cls, row_id, new)


def move_many(book: Workbook, cls: type[Record], ids: Sequence[str], index: int | None = None,
              per_record: dict[str, dict[str, Any]] | None = None,
              **scope: Any) -> Command | None:
    """Move several records, in the given order, to ``index`` of one list (one undo step).

    ``scope`` regroups them all; ``per_record`` adds fields for single records
    (a timeline entry keeps its own year).
    """
    ids = [i for i in dict.fromkeys(ids) if book.get(cls, i) is not None]
    if len(ids) <= 1:
        extra = (per_record or {}).get(ids[0], {}) if ids else {}
        return move_item(book, cls, ids[0], index, **{**scope, **extra}) if ids else None
    first = book.get(cls, ids[0])
    target = {n: scope.get(n, getattr(first, n)) for n in SCOPE.get(cls, ())}
    rows = [r for r in siblings(book, cls, **target) if r.id not in set(ids)]
    index = len(rows) if index is None else max(0, min(index, len(rows)))
    low = rows[index - 1].position if index > 0 else None
    high = rows[index].position if index < len(rows) else None
    n = len(ids)
    commands: list[Command] = []
    for i, row_id in enumerate(ids):
        if low is None and high is None:
            position = float(i)
        elif low is None:
            position = high - (n - i)  # type: ignore[operator]
        elif high is None:
            position = low + 1 + i
        else:
            position = low + (high - low) * (i + 1) / (n + 1)
        record = book.get(cls, row_id)
        fields = {**scope, **(per_record or {}).get(row_id, {})}
        new = {k: v for k, v in fields.items() if getattr(record, k) != v}
        commands.append(EditFields(tr("Verplaatsen"), cls, row_id, {**new, "position": position}))
    return Compound(tr("Verplaatsen"), commands)


def regroup(book: Workbook, cls: type[Record], ids: Sequence[str], **scope: Any) -> Command | None:
    """Move several records to the end of another column or list, as one undo step."""
    commands: list[Command] = []
    names = SCOPE.get(cls, ())
    base = end_position(book, cls, **{k: v for k, v in scope.items() if k in names})
    for offset, row_id in enumerate(ids):
        record = book.get(cls, row_id)
        if record is None:
            continue
        if cls is Trend and "parent_id" in scope and _would_cycle(book, row_id,
                                                                   scope["parent_id"]):
            continue
        commands.append(EditFields(tr("Verplaatsen"), cls, row_id,
                                   {**scope, "position": base + offset}))
    if not commands:
        return None
    return commands[0] if len(commands) == 1 else Compound(tr("Verplaatsen"), commands)


def _would_cycle(book: Workbook, trend_id: str, parent_id: str) -> bool:
    """True when hanging ``trend_id`` under ``parent_id`` would make a loop."""
    seen = set()
    current = parent_id
    while current and current not in seen:
        if current == trend_id:
            return True
        seen.add(current)
        parent = book.get(Trend, current)
        current = parent.parent_id if parent else ""
    return False


def place_trend(trend_id: str, x: float, y: float) -> EditFields:
    """A trend moved by hand on the map: the automatic layout leaves it there."""
    return EditFields(tr("Trend verplaatsen"), Trend, trend_id, {"x": x, "y": y, "placed": True})


# --------------------------------------------------------------------- dots
@dataclass
class RankedItem:
    record: Any
    total: int
    by_group: Counter[str] = field(default_factory=Counter)


def dot_counts(book: Workbook) -> dict[str, Counter[str]]:
    """Target id -> dots per stakeholder group id (live dots only)."""
    counts: dict[str, Counter[str]] = {}
    for dot in book.all(Dot):
        counts.setdefault(dot.target_id, Counter())[dot.group_id] += 1
    return counts


def ranking(book: Workbook, cls: type[Record] = Trend,
            group_id: str | None = None) -> list[RankedItem]:
    """Items by dots, most first (overall, or of one group); ties keep board order."""
    counts = dot_counts(book)
    items = []
    for record in book.all(cls):
        by_group = counts.get(record.id, Counter())
        total = by_group[group_id] if group_id else sum(by_group.values())
        items.append(RankedItem(record, total, by_group))
    items.sort(key=lambda item: -item.total)
    return items


def trend_ranking(book: Workbook, group_id: str | None = None) -> list[RankedItem]:
    return ranking(book, Trend, group_id)


def dots_used(book: Workbook, cls: type[Record] = Trend) -> Counter[str]:
    """Dots placed per group on live records of ``cls`` (dots on deleted items come back)."""
    live = {r.id for r in book.all(cls)}
    return Counter(d.group_id for d in book.all(Dot) if d.target_id in live)


def dots_left(book: Workbook, per_group: int = DOTS_PER_GROUP,
              cls: type[Record] = Trend) -> dict[str, int]:
    """Stakeholder group id -> dots it still has to place."""
    from app.domain import StakeholderGroup

    used = dots_used(book, cls)
    return {g.id: max(0, per_group - used[g.id]) for g in book.all(StakeholderGroup)}


def add_dot(book: Workbook, target_id: str, group_id: str, per_group: int = DOTS_PER_GROUP,
            participant_id: str = "", cls: type[Record] = Trend) -> AddRecords | None:
    """One dot of ``group_id`` on ``target_id``; None when the group has none left."""
    if book.get(cls, target_id) is None or dots_used(book, cls)[group_id] >= per_group:
        return None
    dot = Dot(target_id=target_id, group_id=group_id, participant_id=participant_id)
    return AddRecords(tr("Stip plakken"), [dot])


def remove_dot(book: Workbook, target_id: str, group_id: str) -> DeleteRecords | None:
    """Take one dot of ``group_id`` off ``target_id`` (the newest); None when it has none."""
    dots = [d for d in book.all(Dot, target_id=target_id) if d.group_id == group_id]
    if not dots:
        return None
    return DeleteRecords(tr("Stip weghalen"), Dot, [dots[-1].id])


# -------------------------------------------------------------------- merge
def _merged_text(texts: Iterable[str], sep: str = "\n") -> str:
    out: list[str] = []
    for text in texts:
        text = text.strip()
        if text and not any(normalise(text) in normalise(kept) for kept in out):
            out.append(text)
    return sep.join(out)


def _merged_tables(values: Iterable[str]) -> str:
    parts = {p.strip() for v in values for p in re.split(r"[,;\s]+", v) if p.strip()}
    return ", ".join(sorted(parts, key=lambda p: (not p.isdigit(), int(p) if p.isdigit() else 0,
                                                  p)))


def merge_duplicates(book: Workbook, cls: type[Record], ids: Sequence[str]) -> Compound | None:
    """Merge records into the first: its text gains the others', their dots, children,
    links, steps, members and commitments move to it, and the others are tombstoned."""
    records = [r for r in (book.get(cls, i) for i in dict.fromkeys(ids)) if r is not None]
    if len(records) < 2:
        return None
    keep, others = records[0], records[1:]
    text = tr("Dubbele samenvoegen")
    new: dict[str, Any] = {}
    if cls is Scenario:
        new["narrative"] = _merged_text((r.narrative for r in records), "\n\n")
        new["features"] = _merged_text(line for r in records for line in r.features.splitlines())
    elif cls is ActionPlan:
        new["goal"] = _merged_text(r.goal for r in records)
        new["needs"] = _merged_text(r.needs for r in records)
    elif cls in TEXT_FIELD:
        name = TEXT_FIELD[cls]
        new[name] = _merged_text(getattr(r, name) for r in records)
    if cls is CommonGround:
        new["tables"] = _merged_tables(r.tables for r in records)
    new = {k: v for k, v in new.items() if getattr(keep, k) != v}
    commands: list[Command] = []
    if new:
        commands.append(EditFields(text, cls, keep.id, new))
    gone = {r.id for r in others}
    # dots are insert-only: the others' dots are taken off and placed again on the kept one
    dots = [d for d in book.all(Dot) if d.target_id in gone]
    if dots:
        commands.append(DeleteRecords(text, Dot, [d.id for d in dots]))
        commands.append(AddRecords(text, [Dot(target_id=keep.id, group_id=d.group_id,
                                              participant_id=d.participant_id) for d in dots]))
    for child_cls, column in (*_CHILDREN.get(cls, ()), (Attachment, "owner_id")):
        for child in book.all(child_cls):
            if getattr(child, column) in gone:
                commands.append(EditFields(text, child_cls, child.id, {column: keep.id}))
    if cls is Trend:
        commands += _relink(book, keep.id, gone, text)
    if cls is ActionPlan:
        commands += _move_members(book, keep.id, gone, text)
    commands.append(DeleteRecords(text, cls, [r.id for r in others]))
    return Compound(text, commands)


_CHILDREN: dict[type[Record], tuple[tuple[type[Record], str], ...]] = {
    Trend: ((Trend, "parent_id"), (GroupStatement, "trend_id")),
    CommonGround: ((ActionPlan, "common_ground_id"),),
    ActionPlan: ((ActionStep, "plan_id"), (Commitment, "plan_id")),
}


def _relink(book: Workbook, keep: str, gone: set[str], text: str) -> list[Command]:
    commands: list[Command] = []
    seen = set()
    doomed = []
    for link in book.all(TrendLink):
        ends = (keep if link.from_id in gone else link.from_id,
                keep if link.to_id in gone else link.to_id)
        key = frozenset(ends)
        if ends[0] == ends[1] or key in seen:
            doomed.append(link.id)
            continue
        seen.add(key)
        if ends != (link.from_id, link.to_id):
            commands.append(EditFields(text, TrendLink, link.id,
                                       {"from_id": ends[0], "to_id": ends[1]}))
    if doomed:
        commands.append(DeleteRecords(text, TrendLink, doomed))
    return commands


def _move_members(book: Workbook, keep: str, gone: set[str], text: str) -> list[Command]:
    """Plan members have one row per plan and person: re-add them under the kept plan."""
    have = {m.participant_id for m in book.all(PlanMember, plan_id=keep)}
    old = [m for m in book.all(PlanMember) if m.plan_id in gone]
    commands: list[Command] = []
    if old:
        commands.append(DeleteRecords(text, PlanMember, [m.id for m in old]))
    fresh = []
    for member in old:
        if member.participant_id not in have:
            have.add(member.participant_id)
            fresh.append(PlanMember(id=PlanMember.key(keep, member.participant_id),
                                    plan_id=keep, participant_id=member.participant_id))
    if fresh:
        commands.append(AddRecords(text, fresh))
    return commands


# ------------------------------------------------------------------- delete
def delete_items(book: Workbook, cls: type[Record], ids: Sequence[str]) -> Command | None:
    """Tombstone records with what only makes sense under them, as one undo step:
    a trend's sub-trends and links, an action plan's steps, members and commitments."""
    ids = [i for i in dict.fromkeys(ids) if book.get(cls, i) is not None]
    if not ids:
        return None
    text = tr("Verwijderen")
    commands: list[Command] = []
    if cls is Trend:
        doomed = set(ids)
        grew = True
        while grew:
            below = {t.id for t in book.all(Trend) if t.parent_id in doomed} - doomed
            grew = bool(below)
            doomed |= below
        ids = [*ids, *sorted(doomed - set(ids))]
        links = [lk.id for lk in book.all(TrendLink) if {lk.from_id, lk.to_id} & doomed]
        if links:
            commands.append(DeleteRecords(text, TrendLink, links))
    if cls is ActionPlan:
        for child in (ActionStep, PlanMember, Commitment):
            rows = [r.id for r in book.all(child) if r.plan_id in set(ids)]
            if rows:
                commands.append(DeleteRecords(text, child, rows))
    photos = [a.id for a in book.all(Attachment) if a.owner_id in set(ids)]
    if photos:
        commands.append(DeleteRecords(text, Attachment, photos))
    commands.append(DeleteRecords(text, cls, ids))
    return commands[0] if len(commands) == 1 else Compound(text, commands)


def link_trends(book: Workbook, from_id: str, to_id: str) -> AddRecords | None:
    """A link between two trends; None for a self-link or one that exists already."""
    if from_id == to_id:
        return None
    for link in book.all(TrendLink):
        if {link.from_id, link.to_id} == {from_id, to_id}:
            return None
    return AddRecords(tr("Trends verbinden"), [TrendLink(from_id=from_id, to_id=to_id)])
