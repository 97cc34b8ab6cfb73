"""The workbook's records as plain dataclasses (no Qt, no SQL).

Every record has a UUID ``id``; the storage layer adds the bookkeeping columns
(clock stamp, site, tombstone) that make workbooks mergeable. ``TABLE`` names
the table a record lives in; the dataclass fields are its columns.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar, dataclass_transform

R = TypeVar("R", bound="Record")
METHODS = ("future-search", "social-design", "network-meeting", "logbook")
ROLES = ("participant", "facilitator", "speaker", "observer")
ATTENDANCE = ("present", "absent", "left_early")


# uuid and secrets load on first use: opening a workbook to look at it needs neither,
# and importing them (with hashlib, hmac and platform) is a measurable part of start-up.
def new_id() -> str:
    import uuid

    return str(uuid.uuid4())


def derived_id(*parts: str) -> str:
    """A UUID that every laptop computes alike for the same parts.

    Used for records that are one-per-combination (attendance of a person on a
    day): two laptops that set it independently write the same row, and the
    later edit wins, instead of two rows fighting a uniqueness rule.
    """
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, "oogst:" + "/".join(parts)))


def new_checkin_code() -> str:
    """A random code for badges: carries no personal data."""
    import secrets

    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


@dataclass(eq=False, repr=False)
class Record:
    """One row of a workbook table: a UUID key and the columns its dataclass fields name.

    Equality and ``repr`` are written once here, as a dataclass would make them, for every
    record class (see ``record``).
    """

    TABLE: ClassVar[str] = ""
    id: str = field(default_factory=new_id)

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.values() == other.values()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.values().items())
        return f"{self.__class__.__qualname__}({shown})"

    def values(self) -> dict[str, Any]:
        """The column values of this record, ``id`` included."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[R]) -> type[R]:
    """Make a Record subclass a dataclass that takes ``==`` and ``repr`` from Record.

    ``@dataclass`` compiles an ``__init__``, ``__eq__`` and ``__repr__`` for each class;
    sharing the last two spares two of the three compiles, which made up most of the
    time this module took to import.
    """
    return dataclass(eq=False, repr=False)(cls)


@record
class Event(Record):
    """The event (or logbook) itself: one per workbook."""

    TABLE: ClassVar[str] = "event"
    title: str = ""
    method: str = "future-search"
    question: str = ""
    venue: str = ""
    start_date: str = ""  # ISO date
    end_date: str = ""
    language: str = "nl"
    public_url: str = ""
    follow_up: str = ""  # ISO date-time of the follow-up meeting
    participation_level: str = ""
    frame: str = ""  # what participants can and cannot influence
    contact: str = ""
    notes: str = ""


@record
class AgendaDay(Record):
    """A day of the agenda, in ``position`` order."""

    TABLE: ClassVar[str] = "agenda_day"
    position: float = 0.0
    date: str = ""
    title: str = ""


@record
class AgendaBlock(Record):
    """A block of a day: start, minutes, title, and the board and grouping it uses."""

    TABLE: ClassVar[str] = "agenda_block"
    day_id: str = ""
    position: float = 0.0
    start: str = ""  # "HH:MM"
    minutes: int = 0
    title: str = ""
    phase: str = ""
    board: str = ""
    grouping: str = ""
    prompt: str = ""


@record
class StakeholderGroup(Record):
    """A stakeholder group, with its colour and the size aimed for."""

    TABLE: ClassVar[str] = "stakeholder_group"
    position: float = 0.0
    name: str = ""
    colour: str = "#888888"
    target_size: int = 0


@record
class Participant(Record):
    """A person taking part (or facilitating), with consents and a check-in code."""

    TABLE: ClassVar[str] = "participant"
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    group_id: str = ""
    role: str = "participant"
    email: str = ""
    phone: str = ""
    dietary: str = ""
    access_needs: str = ""
    consent_photo: bool = False
    consent_contact: bool = False
    consent_name: bool = False
    notes: str = ""
    checkin_code: str = field(default_factory=new_checkin_code)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@record
class Attendance(Record):
    """Whether a participant was there on a day (one row per person and day)."""

    TABLE: ClassVar[str] = "attendance"
    participant_id: str = ""
    day_id: str = ""
    status: str = "present"

    @staticmethod
    def key(participant_id: str, day_id: str) -> str:
        return derived_id("attendance", participant_id, day_id)


@record
class Seat(Record):
    """Where a participant sits in one seating round (one row per round and person)."""

    TABLE: ClassVar[str] = "seat"
    round_no: int = 0
    participant_id: str = ""
    table_no: int = 0

    @staticmethod
    def key(round_no: int, participant_id: str) -> str:
        return derived_id("seat", str(round_no), participant_id)


@record
class SeatingRule(Record):
    """A pin (person at a fixed table) or a keep-apart rule between two people."""

    TABLE: ClassVar[str] = "seating_rule"
    kind: str = "pin"  # pin | apart
    participant_id: str = ""
    other_id: str = ""
    table_no: int = 0


CORE_ENTITIES: tuple[type[Record], ...] = (
    Event, AgendaDay, AgendaBlock, StakeholderGroup, Participant, Attendance, Seat, SeatingRule,
)
