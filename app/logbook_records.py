"""Records of a caravan / wijkpunt logbook: concerns, themes, partners, referrals."""

from __future__ import annotations

from typing import ClassVar

from app.domain import Record, record

CONCERN_KINDS = ("melding", "vraag", "klacht", "idee", "signaal")
CONCERN_STATUSES = ("new", "referred", "in_progress", "done", "not_possible")


@record
class Theme(Record):
    """A theme or sub-theme (``parent_id``), shaped like an XLSForm choice (list, name, label)."""

    TABLE: ClassVar[str] = "theme"
    name: str = ""  # stable code, e.g. "drugs"
    label: str = ""
    parent_id: str = ""
    position: float = 0.0


@record
class Partner(Record):
    TABLE: ClassVar[str] = "partner"
    name: str = ""
    kind: str = ""  # police, housing, care, municipality, ...
    position: float = 0.0


@record
class Concern(Record):
    TABLE: ClassVar[str] = "concern"
    text: str = ""
    theme_id: str = ""
    subtheme_id: str = ""
    street: str = ""
    house_numbers: str = ""
    near: str = ""
    occurred_at: str = ""  # ISO date-time
    logged_at: str = ""
    kind: str = "melding"
    frequency: str = ""
    urgency: int = 0  # 0 normal, 1 soon, 2 urgent
    status: str = "new"
    consent_contact: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    share_with: str = ""  # partner ids the resident consented to share contact with, comma-sep
    retention_until: str = ""  # ISO date; contact details removed after it
    contact_removed_at: str = ""
    feedback: str = ""  # "you said, we did"


@record
class StatusChange(Record):
    """History of a concern's status (insert-only)."""

    TABLE: ClassVar[str] = "status_change"
    concern_id: str = ""
    status: str = ""
    reason: str = ""
    at: str = ""


@record
class Referral(Record):
    TABLE: ClassVar[str] = "referral"
    concern_id: str = ""
    partner_id: str = ""
    action: str = ""
    owner: str = ""
    due: str = ""
    status: str = "referred"


LOGBOOK_ENTITIES: tuple[type[Record], ...] = (Theme, Partner, Concern, StatusChange, Referral)
