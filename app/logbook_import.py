"""Bringing earlier notes (CSV/XLSX) and theme lists (XLSForm choices) into a logbook.

No Qt, no SQL. An import is planned first (every row checked, a report of what
will be imported and what is skipped and why) and then applied as one command,
in one transaction: a file that cannot be read imports nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.column_mapping import CONCERN_FIELDS, guess_mapping, normalise_header, parse_yes_no
from app.commands import AddRecords, Command, Compound, EditFields
from app.domain import Record
from app.i18n import tr
from app.logbook import (
    OTHER_THEME,
    RETENTION_MONTHS,
    LogbookError,
    ThemeIndex,
    add_months,
    resolve_partner,
)
from app.logbook_records import CONCERN_KINDS, Concern, Partner, Referral, StatusChange, Theme
from app.storage import concern_queries as q
from app.storage.workbook import Workbook
from app.tabular import Table, TableProblem, read_table

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y", "%d/%m/%y",
                 "%Y/%m/%d")
_TIME = re.compile(r"^(\d{1,2})[:.u](\d{2})")
_SPLIT_PARTNERS = re.compile(r"\s*(?:[,;/+&]|\ben\b|\band\b)\s*", re.IGNORECASE)
_STATUS_WORDS = {
    "new": ("nieuw", "new", "open"),
    "referred": ("doorverwezen", "referred", "verwezen"),
    "in_progress": ("in behandeling", "in progress", "bezig", "loopt"),
    "done": ("afgehandeld", "klaar", "gedaan", "opgelost", "done", "closed", "gesloten"),
    "not_possible": ("niet mogelijk", "not possible", "kan niet", "afgewezen"),
}


@dataclass
class ImportReport:
    """What an import did (or would do): counts, skipped rows with reasons, new names."""

    source: str
    rows: int = 0
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row in file, reason)
    new_themes: list[str] = field(default_factory=list)
    new_partners: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # field -> header
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["skipped"] = [{"row": r, "reason": why} for r, why in self.skipped]
        return out


def parse_date(text: str) -> dt.date | None:
    text = text.strip()[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_time(text: str) -> str | None:
    """"15:15", "9.05", "14u30" -> "HH:MM"; "" -> "" (unknown); nonsense -> None."""
    text = text.strip()
    if not text:
        return ""
    m = _TIME.match(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _status(text: str) -> str | None:
    want = normalise_header(text)
    if not want:
        return ""
    for key, words in _STATUS_WORDS.items():
        if any(want == w or want.startswith(w) for w in words):
            return key
    return None


def _kind(text: str) -> str | None:
    want = normalise_header(text)
    if not want:
        return "melding"
    return next((k for k in CONCERN_KINDS if want.startswith(k) or k.startswith(want)), None)


def _slug(label: str) -> str:
    return normalise_header(label).replace(" ", "_") or "thema"


def read_notes(path: str | Path) -> Table:
    """Read a CSV/XLSX file of notes (no workbook needed: fine in a worker thread)."""
    try:
        return read_table(path)
    except TableProblem as exc:
        raise LogbookError(str(exc)) from exc


def plan_concern_import(book: Workbook, path: str | Path, today: dt.date | None = None,
                        table: Table | None = None) -> tuple[Command | None, ImportReport]:
    """Plan the import of earlier notes (``table``: already read); LogbookError when unusable."""
    path = Path(path)
    table = table or read_notes(path)
    mapping = guess_mapping(table.headers, CONCERN_FIELDS)
    report = ImportReport(source=path.name, rows=len(table.rows),
                          mapping={k: table.headers[i] for k, i in mapping.fields.items()},
                          ignored=list(mapping.ignored), notes=list(table.warnings))
    if "text" not in mapping.fields:
        raise LogbookError(tr("In {name} staat geen kolom met de melding (bijvoorbeeld "
                              "'Melding' of 'Omschrijving'); er is niets geïmporteerd.",
                              name=path.name))
    if "date" not in mapping.fields:
        raise LogbookError(tr("In {name} staat geen kolom 'Datum'; er is niets geïmporteerd.",
                              name=path.name))
    today = today or dt.date.today()
    themes = ThemeIndex.of(book)
    partners = book.all(Partner)
    new_records: list[Record] = []
    seen = q.existing_keys(book)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    dropped_contact = 0
    for n, row in enumerate(table.rows, start=2):
        def cell(key: str, row: Sequence[str] = row) -> str:
            return mapping.value(row, key).strip()

        text = cell("text")
        if not text:
            report.skipped.append((n, tr("geen melding ingevuld")))
            continue
        day = parse_date(cell("date"))
        if day is None:
            reason = (tr("datum '{value}' onleesbaar", value=cell("date")) if cell("date")
                      else tr("geen datum"))
            report.skipped.append((n, reason))
            continue
        clock = parse_time(cell("time"))
        if clock is None:
            report.skipped.append((n, tr("tijd '{value}' onleesbaar", value=cell("time"))))
            continue
        status, kind = _status(cell("status")), _kind(cell("kind"))
        if status is None:
            report.skipped.append((n, tr("status '{value}' onbekend", value=cell("status"))))
            continue
        if kind is None:
            report.skipped.append((n, tr("soort '{value}' onbekend", value=cell("kind"))))
            continue
        occurred = f"{day.isoformat()}T{clock}" if clock else day.isoformat()
        street = cell("street")
        key = (occurred, street, text)
        if key in seen:
            report.skipped.append((n, tr("staat al in het logboek")))
            continue
        seen.add(key)
        theme_id, sub_id = _theme_for(cell("theme"), themes, new_records, report)
        consent = parse_yes_no(cell("consent_contact")) is True
        contact = [cell("name"), cell("phone"), cell("email")]
        if any(contact) and not consent:
            dropped_contact += 1
            contact = ["", "", ""]
        retention = ""
        if any(contact):
            retention = max(add_months(day, RETENTION_MONTHS), today).isoformat()
        partner_ids = [_partner_for(name, partners, new_records, report)
                       for name in _SPLIT_PARTNERS.split(cell("referred_to")) if name]
        status = status or ("referred" if partner_ids else "new")
        concern = Concern(text=text, theme_id=theme_id, subtheme_id=sub_id, street=street,
                          occurred_at=occurred, logged_at=occurred, kind=kind, status=status,
                          consent_contact=consent, contact_name=contact[0],
                          contact_phone=contact[1], contact_email=contact[2],
                          retention_until=retention)
        new_records.append(concern)
        new_records.append(StatusChange(concern_id=concern.id, status=status, at=stamp,
                                        reason=tr("geïmporteerd uit {name}", name=path.name)))
        new_records += [Referral(concern_id=concern.id, partner_id=p,
                                 status="referred" if status in ("new", "referred") else status)
                        for p in dict.fromkeys(partner_ids)]
        report.imported += 1
    if dropped_contact:
        report.notes.append(tr("Bij {n} regels stonden contactgegevens zonder toestemming; die "
                               "zijn niet overgenomen.", n=dropped_contact))
    if not report.imported:
        return None, report
    return AddRecords(tr("Meldingen importeren uit {name}", name=path.name), new_records), report


def _theme_for(label: str, themes: ThemeIndex, new: list[Record],
               report: ImportReport) -> tuple[str, str]:
    found = themes.resolve(label) if label else None
    if found:
        return found
    if not label:
        other = themes.by_name(OTHER_THEME)
        return (other.id if other else ""), ""
    theme = Theme(name=_slug(label), label=label, position=float(len(themes.top)))
    themes.themes.append(theme)
    themes.by_id[theme.id] = theme
    themes.top.append(theme)
    new.append(theme)
    report.new_themes.append(label)
    return theme.id, ""


def _partner_for(name: str, partners: list[Partner], new: list[Record],
                 report: ImportReport) -> str:
    found = resolve_partner(partners, name)
    if found:
        return found.id
    partner = Partner(name=name, position=float(len(partners)))
    partners.append(partner)
    new.append(partner)
    report.new_partners.append(name)
    return partner.id


def import_concerns(book: Workbook, path: str | Path,
                    today: dt.date | None = None) -> ImportReport:
    """Plan and apply an import in one transaction (the CLI's way; the GUI pushes the command)."""
    command, report = plan_concern_import(book, path, today)
    if command is not None:
        command.apply(book)
    return report


# ------------------------------------------------------------ XLSForm theme lists
@dataclass(frozen=True)
class Choice:
    """One row of an XLSForm ``choices`` sheet."""

    list_name: str
    name: str
    label: str
    parent: str = ""  # the parent choice's name (for sub-themes)


THEME_LIST, SUBTHEME_LIST = "thema", "subthema"


def theme_choices(book: Workbook) -> list[Choice]:
    index = ThemeIndex.of(book)
    out = [Choice(THEME_LIST, t.name, t.label) for t in index.top]
    for top in index.top:
        out += [Choice(SUBTHEME_LIST, s.name, s.label, top.name) for s in index.children(top.id)]
    return out


def export_themes_xlsform(book: Workbook, path: str | Path) -> Path:
    """The theme list as an XLSForm (survey, choices, settings) that KoBo/ODK can read."""
    from exports.spreadsheet import write_xlsx

    survey = [["select_one " + THEME_LIST, "thema", tr("Thema"), ""],
              ["select_one " + SUBTHEME_LIST, "subthema", tr("Subthema"),
               "parent=${thema}"]]
    choices = [[c.list_name, c.name, c.label, c.parent] for c in theme_choices(book)]
    return write_xlsx(path, {
        "survey": (["type", "name", "label", "choice_filter"], survey),
        "choices": (["list_name", "name", "label", "parent"], choices),
        "settings": (["form_title", "form_id"], [[tr("Thema's logboek"), "oogst_themas"]]),
    })


def read_xlsform_choices(path: str | Path) -> list[Choice]:
    """The choices of an XLSForm file (sheet ``choices``; a CSV is read as that sheet)."""
    path = Path(path)
    try:
        table = read_table(path, sheet=None if path.suffix.lower() == ".csv" else "choices")
    except TableProblem as exc:
        raise LogbookError(str(exc)) from exc
    heads = [h.strip().lower() for h in table.headers]

    def column(*names: str) -> int | None:
        for name in names:
            for i, h in enumerate(heads):
                if h == name or h.startswith(name + "::"):
                    return i
        return None

    cols = column("list_name"), column("name"), column("label"), column("parent")
    if None in cols[:3]:
        raise LogbookError(tr("{name} heeft geen XLSForm-keuzelijst (kolommen list_name, name, "
                              "label).", name=path.name))
    out = []
    for row in table.rows:
        values = [row[i] if i is not None else "" for i in cols]
        if values[0] and values[1]:
            out.append(Choice(*values))
    return out


def theme_import_command(book: Workbook, choices: Sequence[Choice]) -> tuple[Command | None,
                                                                                list[str]]:
    """Merge XLSForm choices into the themes (by code): new ones added, labels updated."""
    index = ThemeIndex.of(book)
    tops = {t.name: t for t in index.top}
    commands: list[Command] = []
    added: list[Record] = []
    changes: list[str] = []
    for c in (c for c in choices if not c.parent):
        theme = tops.get(c.name)
        if theme is None:
            theme = Theme(name=c.name, label=c.label or c.name, position=float(len(tops)))
            tops[c.name] = theme
            added.append(theme)
            changes.append(tr("nieuw thema: {label}", label=theme.label))
        elif c.label and c.label != theme.label:
            commands.append(EditFields("label", Theme, theme.id, {"label": c.label}))
            changes.append(tr("naam gewijzigd: {old} → {new}", old=theme.label, new=c.label))
    for c in (c for c in choices if c.parent):
        parent = tops.get(c.parent)
        if parent is None:
            changes.append(tr("overgeslagen: {label} (hoofdthema '{parent}' ontbreekt)",
                              label=c.label, parent=c.parent))
            continue
        subs = {s.name: s for s in index.children(parent.id)}
        sub = subs.get(c.name)
        if sub is None:
            added.append(Theme(name=c.name, label=c.label or c.name, parent_id=parent.id,
                               position=float(len(subs) + len(added))))
            changes.append(tr("nieuw subthema: {parent} › {label}", parent=parent.label,
                              label=c.label))
        elif c.label and c.label != sub.label:
            commands.append(EditFields("label", Theme, sub.id, {"label": c.label}))
            changes.append(tr("naam gewijzigd: {old} → {new}", old=sub.label, new=c.label))
    if added:
        commands.insert(0, AddRecords("themes", added))
    if not commands:
        return None, changes
    return Compound(tr("Thema's importeren"), commands), changes
