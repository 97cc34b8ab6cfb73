"""The workbook as data: XLSX (one sheet per entity), a CSV folder (UTF-8 with BOM and
``;``, what Dutch Excel opens), and an ICS calendar of action-plan deadlines and
follow-up dates. CSV/XLSX writing, formula-injection neutralising included, is
``exports.spreadsheet``'s; this module decides what goes in (through the privacy rule).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.storage import Workbook
from exports.harvest import Harvest, load, parse_when
from exports.spreadsheet import write_csv, write_xlsx

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CELL_LIMIT = 32000  # Excel holds at most 32,767 characters in a cell


@dataclass
class Sheet:
    key: str  # stable file name for the CSV folder
    title: str  # translated sheet title
    headers: list[str]
    rows: list[list[Any]]


def cell(value: Any) -> Any:
    """A value every spreadsheet accepts: no control characters, not too long."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
    return value


def sheets(h: Harvest) -> list[Sheet]:
    """Every entity as a table, personal data as the privacy rule allows."""
    t = h.t
    e = h.event
    out = [Sheet("event", t("Bijeenkomst"),
                 [t(x) for x in ("Titel", "Vraag", "Plaats", "Begindatum", "Einddatum", "Taal",
                                 "Participatieniveau", "Kader", "Projectpagina",
                                 "Terugkommoment", "Contact")],
                 [[e.title, e.question, e.venue, e.start_date, e.end_date, e.language,
                   e.participation_level, e.frame, e.public_url, e.follow_up, e.contact]])]
    day_no = {d.id: i for i, d in enumerate(h.days, start=1)}
    out.append(Sheet("agenda", t("Programma"),
                     [t(x) for x in ("Dag", "Datum", "Begin", "Minuten", "Onderdeel", "Fase",
                                     "Bord", "Werkvorm", "Opdracht")],
                     [[day_no.get(b.day_id, ""), _day_date(h, b.day_id), b.start, b.minutes,
                       b.title, b.phase, b.board, b.grouping, b.prompt]
                      for d in h.days for b in h.blocks_of(d.id)]))
    out.append(Sheet("stakeholder_groups", t("Groepen"),
                     ["id", t("Naam"), t("Kleur"), t("Beoogd aantal")],
                     [[g.id, g.name, g.colour, g.target_size] for g in h.groups]))
    out.append(_participants(h))
    out.append(Sheet("attendance", t("Aanwezigheid"),
                     [t("Deelnemer-id"), t("Naam"), t("Dag"), t("Status")],
                     [[a.participant_id, h.name(a.participant_id), day_no.get(a.day_id, ""),
                       a.status] for a in h.attendance if h.person(a.participant_id)]))
    out.append(Sheet("timeline_entries", t("Tijdlijn"),
                     ["id", t("Baan"), t("Jaar"), t("Alleen decennium"), t("Tekst"), t("Groep")],
                     [[x.id, x.lane, x.year, x.decade_only, x.text, h.group_name(x.group_id)]
                      for x in sorted(h.timeline, key=lambda x: (x.lane, x.year, x.position))]))
    out.append(Sheet("timeline_readings", t("Duidingen"),
                     [t("Baan"), t("Tafel"), t("Verhalen"), t("Betekenis voor ons werk")],
                     [[r.lane, r.table_no, r.stories, r.implications] for r in h.readings]))
    out.append(_trends(h))
    trend_text = {x.id: x.text for x in h.trends}
    out.append(Sheet("group_statements", t("Uitspraken"),
                     ["id", t("Groep"), t("Soort"), t("Tekst"), t("Trend")],
                     [[s.id, h.group_name(s.group_id), s.kind, s.text,
                       trend_text.get(s.trend_id, "")] for s in h.statements]))
    out.append(Sheet("scenarios", t("Toekomstbeelden"),
                     ["id", t("Tafel"), t("Titel"), t("Horizon"), t("Verhaal"), t("Kenmerken"),
                      t("Foto's")],
                     [[s.id, s.table_no, s.title, s.horizon, s.narrative, s.features,
                       len(h.photos(s.id))] for s in h.scenarios]))
    out.append(Sheet("common_ground", t("Gemeenschappelijke grond"),
                     ["id", t("Tekst"), t("Status"), t("Tafels")],
                     [[g.id, g.text, g.status, g.tables] for g in h.ground]))
    out.append(Sheet("action_plans", t("Actieplannen"),
                     ["id", t("Titel"), t("Doel"), t("Trekker"), t("Leden"),
                      t("Gemeenschappelijke grond"), t("Deadline"), t("Nodig"),
                      t("Terugkoppeling")],
                     [[p.id, p.title, p.goal, h.name(p.owner_id), ", ".join(h.plan_members(p.id)),
                       h.ground_text(p.common_ground_id), p.deadline, p.needs, p.follow_up]
                      for p in h.plans]))
    titles = {p.id: p.title for p in h.plans}
    out.append(Sheet("action_steps", t("Stappen"),
                     [t("Actieplan"), t("Wat"), t("Wie"), t("Wanneer")],
                     [[titles.get(s.plan_id, ""), s.what, s.who, s.due] for s in h.steps]))
    out.append(Sheet("commitments", t("Toezeggingen"),
                     ["id", t("Deelnemer"), t("Actieplan"), t("Toezegging"), t("Wanneer")],
                     [[c.id, h.name(c.participant_id), titles.get(c.plan_id, ""), c.text, c.due]
                      for c in h.commitments]))
    for sheet in out:
        sheet.rows = [[cell(v) for v in row] for row in sheet.rows]
        sheet.headers = [cell(x) for x in sheet.headers]
    return out


def _day_date(h: Harvest, day_id: str) -> str:
    return next((d.date for d in h.days if d.id == day_id), "")


def _participants(h: Harvest) -> Sheet:
    t = h.t
    cols = [("id", "id"), ("first_name", t("Voornaam")), ("last_name", t("Achternaam")),
            ("organisation", t("Organisatie")), ("group", t("Groep")), ("role", t("Rol")),
            ("consent_name", t("Naam noemen mag")), ("consent_photo", t("Foto mag")),
            ("consent_contact", t("Contact mag"))]
    if h.privacy.include_personal:
        cols += [("email", t("E-mail")), ("phone", t("Telefoon")), ("dietary", t("Dieetwensen")),
                 ("access_needs", t("Toegankelijkheid")), ("notes", t("Notities")),
                 ("checkin_code", t("Incheckcode"))]
    rows = []
    for p in h.participants:
        values = h.privacy.participant_row(p) | {"group": h.group_name(p.group_id)}
        rows.append([values.get(k, "") for k, _ in cols])
    return Sheet("participants", t("Deelnemers"), [title for _, title in cols], rows)


def _trends(h: Harvest) -> Sheet:
    ranked = h.ranked_trends()
    headers = ["id", h.t("Rang"), h.t("Trend"), h.t("Hoofdtrend"), h.t("Stippen")]
    headers += [g.name for g in h.groups]
    rows = [[r.trend.id, i, r.trend.text, r.parent.text if r.parent else "", r.total]
            + [r.per_group.get(g.id, 0) for g in h.groups] for i, r in enumerate(ranked, 1)]
    return Sheet("trends", h.t("Trends"), headers, rows)


def write_xlsx_export(book: Workbook, path: str | Path, include_personal: bool = False) -> Path:
    """One sheet per entity, header frozen, auto filter, column widths."""
    h = load(book, include_personal)
    return write_xlsx(path, {s.title: (s.headers, s.rows) for s in sheets(h)})


def write_csv_folder(book: Workbook, folder: str | Path,
                     include_personal: bool = False) -> list[Path]:
    """One ``<entity>.csv`` per entity in ``folder`` (created when missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    h = load(book, include_personal)
    return [write_csv(folder / f"{s.key}.csv", s.headers, s.rows) for s in sheets(h)]


def _one_line(text: str) -> str:
    """Single-line iCalendar values (names, summaries): line breaks become spaces."""
    return " ".join(cell(text).split())


def write_ics(book: Workbook, path: str | Path, include_personal: bool = False,
              now: dt.datetime | None = None) -> int:
    """Action-plan deadlines and follow-up dates as an iCalendar file; returns the count."""
    from icalendar import Calendar, Event

    h = load(book, include_personal)
    stamp = now or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//Oogst//Oogst//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _one_line(h.event.title or "Oogst"))
    items: list[tuple[str, str, str, str]] = []
    if h.event.follow_up:
        items.append((f"{h.event.id}-follow-up@oogst", h.event.follow_up,
                      h.t("Terugkommoment: {title}", title=h.event.title), h.event.question))
    for p in h.plans:
        owner = h.name(p.owner_id)
        about = "\n".join(x for x in (p.goal, h.t("Trekker: {name}", name=owner) if owner
                                      else "") if x)
        items.append((f"{p.id}-deadline@oogst", p.deadline,
                      h.t("Deadline actieplan: {title}", title=p.title), about))
        if p.follow_up and p.follow_up != h.event.follow_up:
            items.append((f"{p.id}-follow-up@oogst", p.follow_up,
                          h.t("Terugkoppeling actieplan: {title}", title=p.title), about))
    count = 0
    for uid, when, summary, description in items:
        start = parse_when(when)
        if start is None:
            continue
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", _one_line(summary))
        if isinstance(start, dt.datetime):
            ev.add("dtstart", start)
            ev.add("dtend", start + dt.timedelta(hours=2))
        else:
            ev.add("dtstart", start)
            ev.add("dtend", start + dt.timedelta(days=1))
        if description.strip():
            ev.add("description", cell(description))
        if h.event.venue.strip():
            ev.add("location", cell(h.event.venue))
        cal.add_component(ev)
        count += 1
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as out:
        out.write(cal.to_ical())
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return count
