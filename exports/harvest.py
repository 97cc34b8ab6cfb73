"""Everything an export needs from a workbook, read once into plain Python.

Exports never write to the workbook: they load a :class:`Harvest` and lay it out.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

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
    TimelineReading,
    Trend,
    TrendLink,
)
from app.dates import MONTHS
from app.domain import AgendaBlock, AgendaDay, Attendance, Event, Participant, StakeholderGroup
from app.i18n import translate
from app.storage import Workbook
from exports.privacy import Privacy

IMAGE_MIMES = ("image/png", "image/jpeg", "image/jpg", "image/gif")


def parse_when(value: str) -> dt.datetime | dt.date | None:
    """An ISO date or date-time from the workbook; ``None`` when it is free text."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if "T" in value or " " in value.strip():
            return dt.datetime.fromisoformat(value.replace(" ", "T", 1))
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def format_when(value: str, lang: str, with_time: bool = True) -> str:
    """'9 juni 2027, 19:30' / '9 June 2027, 19:30'; free text is returned as it is."""
    when = parse_when(value)
    if when is None:
        return (value or "").strip()
    months = MONTHS.get(lang, MONTHS["nl"])
    text = f"{when.day} {months[when.month - 1]} {when.year}"
    if with_time and isinstance(when, dt.datetime) and (when.hour or when.minute):
        text += f", {when:%H:%M}"
    return text


@dataclass
class RankedTrend:
    trend: Trend
    total: int
    per_group: dict[str, int]
    parent: Trend | None = None


@dataclass
class Harvest:
    event: Event
    privacy: Privacy
    days: list[AgendaDay]
    blocks: list[AgendaBlock]
    groups: list[StakeholderGroup]
    participants: list[Participant]
    attendance: list[Attendance]
    timeline: list[TimelineEntry]
    readings: list[TimelineReading]
    trends: list[Trend]
    links: list[TrendLink]
    dots: list[Dot]
    statements: list[GroupStatement]
    scenarios: list[Scenario]
    attachments: list[Attachment]
    ground: list[CommonGround]
    plans: list[ActionPlan]
    members: list[PlanMember]
    steps: list[ActionStep]
    commitments: list[Commitment]
    logo: bytes = b""
    _people: dict[str, Participant] = field(default_factory=dict)
    _groups: dict[str, StakeholderGroup] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._people = {p.id: p for p in self.participants}
        self._groups = {g.id: g for g in self.groups}

    # ----------------------------------------------------------------- basics
    @property
    def lang(self) -> str:
        return self.event.language if self.event.language in ("nl", "en") else "nl"

    def t(self, text: str, /, **kwargs: object) -> str:
        return translate(text, self.lang, **kwargs)

    def when(self, value: str, with_time: bool = True) -> str:
        return format_when(value, self.lang, with_time)

    def dates(self) -> str:
        start, end = self.event.start_date, self.event.end_date
        a, b = parse_when(start), parse_when(end)
        if a is not None and b is not None and (a.year, a.month) == (b.year, b.month) \
                and a.day != b.day:
            return f"{a.day}–{self.when(end)}"
        if start and end and end != start:
            return f"{self.when(start)} – {self.when(end)}"
        return self.when(start or end)

    def group(self, group_id: str) -> StakeholderGroup | None:
        return self._groups.get(group_id)

    def group_name(self, group_id: str) -> str:
        group = self._groups.get(group_id)
        return group.name if group else ""

    def group_colour(self, group_id: str) -> str:
        group = self._groups.get(group_id)
        return group.colour if group else "#8A96A3"

    def person(self, person_id: str) -> Participant | None:
        return self._people.get(person_id)

    def name(self, person_id: str, own_copy: bool = False) -> str:
        person = self._people.get(person_id)
        return self.privacy.name(person, self.group_name(person.group_id) if person else "",
                                 own_copy)

    # ------------------------------------------------------------------ people
    def attendees(self) -> list[Participant]:
        return [p for p in self.participants if p.role == "participant"]

    def present_ids(self, day_id: str) -> set[str]:
        return {a.participant_id for a in self.attendance
                if a.day_id == day_id and a.status in ("present", "left_early")}

    def named_people(self) -> list[Participant]:
        """People who may be named, sorted by last name."""
        named = [p for p in self.participants if self.privacy.may_name(p) and p.name]
        return sorted(named, key=lambda p: (p.last_name.lower(), p.first_name.lower()))

    # ------------------------------------------------------------------ boards
    def blocks_of(self, day_id: str) -> list[AgendaBlock]:
        return [b for b in self.blocks if b.day_id == day_id]

    def photos(self, owner_id: str) -> list[Attachment]:
        return [a for a in self.attachments if a.owner_id == owner_id and a.data
                and (a.mime.lower() in IMAGE_MIMES or not a.mime)]

    def ranked_trends(self) -> list[RankedTrend]:
        """Trends by the number of dots they got (most first), sub-trends included."""
        by_trend: dict[str, Counter[str]] = defaultdict(Counter)
        for d in self.dots:
            by_trend[d.target_id][d.group_id] += 1
        parents = {t.id: t for t in self.trends}
        ranked = [RankedTrend(t, sum(by_trend[t.id].values()), dict(by_trend[t.id]),
                              parents.get(t.parent_id)) for t in self.trends]
        order = {t.id: i for i, t in enumerate(self.trends)}
        ranked.sort(key=lambda r: (-r.total, order[r.trend.id]))
        return ranked

    def statements_of(self, group_id: str, kind: str) -> list[GroupStatement]:
        return [s for s in self.statements if s.group_id == group_id and s.kind == kind]

    def ground_in(self, status: str) -> list[CommonGround]:
        return [g for g in self.ground if g.status == status]

    def ground_text(self, ground_id: str) -> str:
        for g in self.ground:
            if g.id == ground_id:
                return g.text
        return ""

    def plan_members(self, plan_id: str) -> list[str]:
        """Names (as the privacy rule allows) of a plan's members, owner excluded."""
        plan = next((p for p in self.plans if p.id == plan_id), None)
        owner = plan.owner_id if plan else ""
        return [self.name(m.participant_id) for m in self.members
                if m.plan_id == plan_id and m.participant_id != owner
                and m.participant_id in self._people]

    def plan_steps(self, plan_id: str) -> list[ActionStep]:
        return [s for s in self.steps if s.plan_id == plan_id]

    def commitments_of(self, plan_id: str) -> list[Commitment]:
        return [c for c in self.commitments if c.plan_id == plan_id]

    def plan(self, plan_id: str) -> ActionPlan | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def outcomes(self, n: int = 5) -> list[str]:
        """The most important outcomes: agreed common ground, then projects, then top trends."""
        found = [g.text for g in self.ground_in("agreed") if g.text.strip()]
        found += [g.text for g in self.ground_in("project") if g.text.strip()]
        for r in self.ranked_trends():
            if len(found) >= n or r.total == 0:
                break
            found.append(self.t("Trend: {trend} ({n} stippen)", trend=r.trend.text, n=r.total))
        return found[:n]

    def has_boards(self) -> bool:
        return any((self.timeline, self.trends, self.statements, self.scenarios, self.ground,
                    self.plans, self.commitments))


def _logo(book: Workbook, event: Event, attachments: list[Attachment]) -> bytes:
    """The logo: meta key ``logo`` (base64 image) or an image attached to the event itself."""
    encoded = book.meta().get("logo", "")
    if encoded:
        try:
            return base64.b64decode(encoded, validate=True)
        except (ValueError, binascii.Error):
            pass
    own = [a for a in attachments if a.owner_id == event.id and a.data]
    own.sort(key=lambda a: "logo" not in (a.file_name + a.caption).lower())
    return own[0].data if own else b""


def load(book: Workbook, include_personal: bool = False) -> Harvest:
    """Read everything the exports use from an open workbook (read-only)."""
    event = book.event()
    people = book.all(Participant)
    privacy = Privacy.for_people(people, include_personal,
                                 event.language if event.language in ("nl", "en") else "nl")
    attachments = book.all(Attachment)
    steps = book.all(ActionStep)
    for step in steps:
        step.who = privacy.scrub(step.who)
    return Harvest(
        event=event, privacy=privacy,
        days=book.all(AgendaDay), blocks=book.all(AgendaBlock),
        groups=book.all(StakeholderGroup), participants=people,
        attendance=book.all(Attendance), timeline=book.all(TimelineEntry),
        readings=book.all(TimelineReading), trends=book.all(Trend), links=book.all(TrendLink),
        dots=book.all(Dot), statements=book.all(GroupStatement), scenarios=book.all(Scenario),
        attachments=attachments, logo=_logo(book, event, attachments),
        ground=book.all(CommonGround),
        plans=book.all(ActionPlan), members=book.all(PlanMember), steps=steps,
        commitments=book.all(Commitment),
    )
