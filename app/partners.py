"""The partners at a logbook's partner table (police, housing corporation, care, ...)."""

from __future__ import annotations

from app.commands import AddRecords, DeleteRecords, EditFields
from app.i18n import tr
from app.logbook_records import Partner, Referral
from app.storage import Workbook


def partners(book: Workbook) -> list[Partner]:
    return sorted(book.all(Partner), key=lambda p: (p.position, p.name.casefold()))


def _clean(book: Workbook, name: str, own_id: str = "") -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError(tr("Geef de partner een naam."))
    if any(p.name.casefold() == name.casefold() and p.id != own_id for p in book.all(Partner)):
        raise ValueError(tr("Er is al een partner ‘{name}’.", name=name))
    return name


def add_partner_command(book: Workbook, name: str, kind: str = "") -> AddRecords:
    position = max((p.position for p in book.all(Partner)), default=0.0) + 1
    partner = Partner(name=_clean(book, name), kind=kind.strip(), position=position)
    return AddRecords(tr("Partner toevoegen"), [partner])


def rename_partner_command(book: Workbook, partner_id: str, name: str) -> EditFields:
    return EditFields(tr("Partner hernoemen"), Partner, partner_id,
                      {"name": _clean(book, name, partner_id)})


def remove_partner_command(book: Workbook, partner_id: str) -> DeleteRecords:
    """Remove a partner that has no referrals (those keep their history)."""
    if book.all(Referral, partner_id=partner_id):
        raise ValueError(tr("Deze partner heeft doorverwijzingen; die blijven bewaard, dus de "
                            "partner blijft ook."))
    return DeleteRecords(tr("Partner verwijderen"), Partner, [partner_id])
