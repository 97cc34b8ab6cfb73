"""Creating a workbook for a method: the event, its agenda and groups from the template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain import AgendaBlock, AgendaDay, Event, Record, StakeholderGroup
from app.storage import Workbook
from sessions.templates import MethodTemplate, template


def template_records(method: MethodTemplate, event: Event) -> list[Record]:
    """The agenda days, blocks and stakeholder groups a template gives an event."""
    lang = event.language
    start = dt.date.fromisoformat(event.start_date) if event.start_date else None
    records: list[Record] = []
    for d, day_t in enumerate(method.days):
        date = (start + dt.timedelta(days=d)).isoformat() if start else ""
        title = day_t.title_en if lang == "en" and day_t.title_en else day_t.title
        day = AgendaDay(position=float(d), date=date, title=title)
        records.append(day)
        for b, block_t in enumerate(day_t.blocks):
            block_title, prompt = block_t.localised(lang)
            records.append(AgendaBlock(
                day_id=day.id, position=float(b), start=block_t.start, minutes=block_t.minutes,
                title=block_title, phase=block_t.phase, board=block_t.board,
                grouping=block_t.grouping, prompt=prompt))
    for g, group_t in enumerate(method.stakeholder_groups):
        name = group_t.name_en if lang == "en" else group_t.name
        records.append(StakeholderGroup(position=float(g), name=name, colour=group_t.colour))
    return records


def create_workbook(path: str | Path, method: str, title: str, *, language: str = "nl",
                    start_date: str = "", passphrase: str | None = None,
                    exclusive: bool = False) -> Workbook:
    """A new workbook file holding one event laid out from its method's template
    (``exclusive``: claimed for this process until closed, as a window holds it)."""
    method_t = template(method)
    event = Event(title=title, method=method, language=language, start_date=start_date)
    book = Workbook.create(path, passphrase=passphrase, exclusive=exclusive)
    try:
        with book.transaction():
            book.insert(event)
            book.insert_many(template_records(method_t, event))
    except Exception:
        book.close()
        Path(path).unlink(missing_ok=True)
        raise
    return book
