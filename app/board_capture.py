"""Quick capture: one line of text becomes a record at the end of its list.

Also where records sit: ``SCOPE`` (the fields that say which column or list a
record is in), float positions and the midpoint rule, and small builders for
plan members, timeline readings and attached images. No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.board_records import (
    ActionPlan,
    ActionStep,
    Attachment,
    Commitment,
    CommonGround,
    GroupStatement,
    PlanMember,
    Scenario,
    TimelineEntry,
    TimelineReading,
    Trend,
)
from app.commands import AddRecords, Command, DeleteRecords, EditFields
from app.domain import Record
from app.i18n import tr
from app.storage.workbook import Workbook

SCOPE: dict[type[Record], tuple[str, ...]] = {
    TimelineEntry: ("lane",),
    GroupStatement: ("group_id", "kind"),
    CommonGround: ("status",),
    Trend: ("parent_id",),
    ActionStep: ("plan_id",),
    Attachment: ("owner_id",),
    Scenario: (),
    ActionPlan: (),
}
"""The fields that say which column or list a record sits in; order is per scope."""

TEXT_FIELD: dict[type[Record], str] = {
    TimelineEntry: "text", Trend: "text", GroupStatement: "text", CommonGround: "text",
    Scenario: "narrative", ActionPlan: "goal", Commitment: "text", ActionStep: "what",
}


def midpoint(before: float | None, after: float | None) -> float:
    """A position between two neighbours (either may be missing)."""
    if before is None and after is None:
        return 0.0
    if before is None:
        return after - 1.0  # type: ignore[operator]
    if after is None:
        return before + 1.0
    return (before + after) / 2.0


def siblings(book: Workbook, cls: type[Record], **scope: Any) -> list[Any]:
    """Records in one column or list, in order (timeline: by year, then position)."""
    rows = book.all(cls, **scope)
    if cls is TimelineEntry:
        rows.sort(key=lambda r: (r.year, r.position))
    return rows


def end_position(book: Workbook, cls: type[Record], **scope: Any) -> float:
    rows = book.all(cls, **scope)
    return midpoint(max((r.position for r in rows), default=None), None)



# ------------------------------------------------------------ quick capture
_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?P<s>'?s)?\b\s*[:.\-–—]?\s*")
_DECADE = re.compile(r"^\s*(?:de\s+)?jaren\s+'?(?P<dd>\d0)\b\s*[:.\-–—]?\s*",
                     re.IGNORECASE)
_SHORT = re.compile(r"^\s*'(?P<yy>\d\d)\b\s*[:.\-–—]?\s*")


def parse_year(text: str, default: int, now: int | None = None) -> tuple[int, bool, str]:
    """Read a leading year from quick-capture text: "1998: Muziekkwartier open",
    "'98 ...", "1990s ..." or "jaren 90 ..." (a decade). Returns (year, decade_only, rest)."""
    now = now or dt.date.today().year
    if m := _YEAR.match(text):
        year = int(m["year"])
        decade = bool(m["s"])
        return (year // 10 * 10 if decade else year), decade, text[m.end():].strip()
    if m := _DECADE.match(text):
        two = int(m["dd"])
        century = 2000 if 2000 + two <= now else 1900
        return century + two, True, text[m.end():].strip()
    if m := _SHORT.match(text):
        two = int(m["yy"])
        century = 2000 if 2000 + two <= now else 1900
        return century + two, False, text[m.end():].strip()
    return default, False, text.strip()


def capture(book: Workbook, cls: type[Record], text: str,
            **fields: Any) -> tuple[AddRecords, Any] | None:
    """A new record from one line of text at the end of its list (None for empty text).

    ``fields`` fill the rest (group, lane, kind, status, parent, plan...). On a
    timeline a leading year in the text sets the entry's year.
    """
    text = text.strip()
    if not text:
        return None
    values = dict(fields)
    if cls is TimelineEntry:
        year, decade, rest = parse_year(text, int(values.pop("year", 0) or 0))
        if not rest:
            return None
        values.update(year=year, decade_only=decade or values.get("decade_only", False))
        text = rest
    if cls is Scenario:
        values.setdefault("title", text)
    elif cls is ActionPlan:
        values.setdefault("title", text)
    elif cls in TEXT_FIELD:
        values[TEXT_FIELD[cls]] = text
    record = cls(**values)
    if "position" in cls.columns() and "position" not in values:
        scope = {k: getattr(record, k) for k in SCOPE.get(cls, ())}
        record.position = end_position(book, cls, **scope)  # type: ignore[attr-defined]
    return AddRecords(_capture_text(cls), [record]), record


def _capture_text(cls: type[Record]) -> str:
    return {
        TimelineEntry: tr("Mijlpaal toevoegen"), Trend: tr("Trend toevoegen"),
        GroupStatement: tr("Uitspraak toevoegen"), CommonGround: tr("Uitspraak toevoegen"),
        Scenario: tr("Toekomstbeeld toevoegen"), ActionPlan: tr("Actieplan toevoegen"),
        ActionStep: tr("Stap toevoegen"), Commitment: tr("Toezegging toevoegen"),
    }.get(cls, tr("Toevoegen"))


def add_member(book: Workbook, plan_id: str, participant_id: str) -> AddRecords | None:
    """Make a participant a member of a plan (None when they already are)."""
    key = PlanMember.key(plan_id, participant_id)
    if book.get(PlanMember, key) is not None:
        return None
    return AddRecords(tr("Lid toevoegen"),
                      [PlanMember(id=key, plan_id=plan_id, participant_id=participant_id)])


def remove_member(book: Workbook, plan_id: str, participant_id: str) -> DeleteRecords | None:
    key = PlanMember.key(plan_id, participant_id)
    if book.get(PlanMember, key) is None:
        return None
    return DeleteRecords(tr("Lid verwijderen"), PlanMember, [key])


def set_reading(book: Workbook, lane: str, table_no: int, stories: str,
                implications: str) -> Command | None:
    """A mixed table's interpretation of a lane: one record per lane and table."""
    for reading in book.all(TimelineReading, lane=lane, table_no=table_no):
        new = {k: v for k, v in (("stories", stories), ("implications", implications))
               if getattr(reading, k) != v}
        if not new:
            return None
        return EditFields(tr("Duiding wijzigen"), TimelineReading, reading.id, new)
    if not (stories.strip() or implications.strip()):
        return None
    return AddRecords(tr("Duiding toevoegen"), [TimelineReading(
        lane=lane, table_no=table_no, stories=stories, implications=implications)])


def attach_image(book: Workbook, owner_id: str, file_name: str, data: bytes, mime: str,
                 caption: str = "") -> AddRecords:
    """An image (flipchart photo, drawing) attached to a record, bytes kept in the workbook."""
    attachment = Attachment(owner_id=owner_id, file_name=file_name, mime=mime, caption=caption,
                            data=data, position=end_position(book, Attachment, owner_id=owner_id))
    return AddRecords(tr("Foto toevoegen"), [attachment])


def decades(end_year: int, span: int = 30) -> list[int]:
    """The decades a timeline shows: from ``span`` years before ``end_year`` to it."""
    first = (end_year - span) // 10 * 10
    return list(range(first, end_year // 10 * 10 + 1, 10))
