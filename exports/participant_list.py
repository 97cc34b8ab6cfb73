"""The participant list as a spreadsheet (XLSX or CSV), through ``exports.spreadsheet``.

No Qt: :func:`participant_table` reads the workbook into plain headers and rows (in the
GUI thread), :func:`write_participant_list` writes them (anywhere, e.g. a worker).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain import AgendaDay, Attendance, Participant, StakeholderGroup
from app.i18n import tr
from app.storage import Workbook
from exports.spreadsheet import write_csv, write_xlsx

ROLE_WORDS = {"participant": "Deelnemer", "facilitator": "Begeleider", "speaker": "Spreker",
              "observer": "Waarnemer"}
STATUS_WORDS = {"present": "aanwezig", "absent": "afwezig", "left_early": "eerder weg"}


def participant_table(book: Workbook) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of every participant, sorted by last name, first name."""
    groups = {g.id: g.name for g in book.all(StakeholderGroup)}
    days = book.all(AgendaDay)
    status = {(a.participant_id, a.day_id): a.status for a in book.all(Attendance)}
    yes, no = tr("ja"), tr("nee")
    headers = [tr("Voornaam"), tr("Achternaam"), tr("Organisatie"), tr("Belanghebbendengroep"),
               tr("Rol"), tr("E-mail"), tr("Telefoon"), tr("Dieetwensen"),
               tr("Toegankelijkheid"), tr("Toestemming foto's"), tr("Toestemming contact"),
               tr("Naam in verslag"), tr("Opmerkingen")]
    headers += [tr("Aanwezig: {day}", day=d.title or d.date) for d in days]
    people = sorted(book.all(Participant),
                    key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))
    rows: list[list[Any]] = []
    for p in people:
        row: list[Any] = [
            p.first_name, p.last_name, p.organisation, groups.get(p.group_id, ""),
            tr(ROLE_WORDS.get(p.role, p.role)), p.email, p.phone, p.dietary, p.access_needs,
            yes if p.consent_photo else no, yes if p.consent_contact else no,
            yes if p.consent_name else no, p.notes]
        row += [tr(STATUS_WORDS[status.get((p.id, d.id), "present")]) for d in days]
        rows.append(row)
    return headers, rows


def write_participant_list(path: str | Path, headers: Sequence[str],
                           rows: Sequence[Sequence[Any]]) -> Path:
    """Write XLSX for a ``.xlsx`` path, else CSV (UTF-8 with BOM, ``;``)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return write_xlsx(path, {tr("Deelnemers"): (headers, rows)})
    return write_csv(path, headers, rows)
