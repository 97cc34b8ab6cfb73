"""Opening days of a caravan / wijkpunt post: when and where it stood, and what it heard.

An opening day is an ``AgendaDay`` of the logbook (its date, and as title the place and
hours, e.g. "Redemptoristenpark, 14.00-17.00"), so it merges like every other row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.commands import AddRecords, DeleteRecords, EditFields
from app.domain import AgendaDay
from app.i18n import tr
from app.storage import Workbook


@dataclass(frozen=True)
class OpeningDay:
    id: str
    date: str
    place: str
    concerns: int  # logged on that date


def opening_days(book: Workbook, counts: dict[str, int] | None = None) -> list[OpeningDay]:
    """The post's opening days by date, each with the concerns logged that day
    (``counts``: ``logged_per_day(book)`` when the caller has it already)."""
    from app.storage.concern_queries import logged_per_day

    counts = logged_per_day(book) if counts is None else counts
    days = sorted(book.all(AgendaDay), key=lambda d: (d.date or "9999", d.position))
    return [OpeningDay(d.id, d.date, d.title, counts.get(d.date, 0)) for d in days]


def days_without_entry(book: Workbook, counts: dict[str, int] | None = None) -> list[str]:
    """Dates with concerns logged but no opening day (e.g. imported notes)."""
    from app.storage.concern_queries import logged_per_day

    counts = logged_per_day(book) if counts is None else counts
    listed = {d.date for d in book.all(AgendaDay)}
    return sorted(day for day in counts if day not in listed)


def check_date(text: str) -> str:
    """An ISO date from ``text`` (``2026-11-25`` or ``25-11-2026``); ValueError otherwise."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(tr("‘{value}’ is geen datum; schrijf bijvoorbeeld 2026-11-25.", value=text))


def add_day_command(book: Workbook, date: str, place: str = "") -> AddRecords:
    position = max((d.position for d in book.all(AgendaDay)), default=0.0) + 1
    day = AgendaDay(position=position, date=check_date(date), title=place.strip())
    return AddRecords(tr("Openingsdag toevoegen"), [day])


def edit_day_command(day_id: str, *, date: str | None = None,
                     place: str | None = None) -> EditFields:
    fields: dict[str, str] = {}
    if date is not None:
        fields["date"] = check_date(date)
    if place is not None:
        fields["title"] = place.strip()
    return EditFields(tr("Openingsdag wijzigen"), AgendaDay, day_id, fields)


def delete_days_command(day_ids: list[str]) -> DeleteRecords:
    return DeleteRecords(tr("Openingsdag verwijderen"), AgendaDay, day_ids)


def next_open_date(book: Workbook, today: dt.date | None = None) -> str:
    """Today, or the first date after it that is not listed yet."""
    today = today or dt.date.today()
    dates = {d.date for d in book.all(AgendaDay)}
    day = today
    while day.isoformat() in dates:
        day += dt.timedelta(days=1)
    return day.isoformat()
