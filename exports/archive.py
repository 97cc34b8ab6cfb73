"""The whole workbook as a documented JSON archive (see ``docs/archive-format.md``).

No Qt. Private data stays out unless ``include_personal``: e-mail, phone, diet,
access needs, notes, check-in codes, resident contact details, which person put
which dot, and the names (and organisations) of people who did not consent to
being named.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from app import __version__
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
from app.domain import (
    AgendaBlock,
    AgendaDay,
    Attendance,
    Participant,
    Seat,
    SeatingRule,
    StakeholderGroup,
)
from app.logbook_records import Concern, Partner, Referral, StatusChange, Theme
from app.storage.workbook import Workbook

ARCHIVE_FORMAT = "oogst-archive"
ARCHIVE_VERSION = 1
PERSONAL_FIELDS = ("email", "phone", "dietary", "access_needs", "notes", "checkin_code")
CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_email")


def write_archive(book: Workbook, path: str | Path, include_personal: bool = False) -> None:
    """Write the archive of ``book`` to ``path`` (UTF-8 JSON, replaced atomically)."""
    path = Path(path)
    data = build_archive(book, include_personal)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)


def build_archive(book: Workbook, include_personal: bool = False) -> dict[str, Any]:
    """The archive as a plain dict (what ``write_archive`` writes)."""
    groups = {g.id: g.name for g in book.all(StakeholderGroup)}
    people = {p.id: p for p in book.all(Participant)}
    named = {pid: (p.name if include_personal or p.consent_name else None)
             for pid, p in people.items()}
    hidden = [p.name for pid, p in people.items() if named[pid] is None and p.name]
    event = book.event().values()
    if not include_personal:
        event.pop("notes", None)
    return {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "generator": f"Oogst {__version__}",
        "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
        "workbook_id": book.workbook_id,
        "schema_version": book.schema_version(),
        "include_personal": include_personal,
        "event": event,
        "agenda": _agenda(book),
        "stakeholder_groups": [g.values() for g in book.all(StakeholderGroup)],
        "participants": [_participant(p, groups, include_personal) for p in people.values()],
        "attendance": [a.values() for a in book.all(Attendance)],
        "seats": [s.values() for s in book.all(Seat)],
        "seating_rules": [r.values() for r in book.all(SeatingRule)],
        **_boards(book, groups, named, hidden, include_personal),
        **_logbook(book, include_personal),
    }


def _agenda(book: Workbook) -> list[dict[str, Any]]:
    blocks = book.all(AgendaBlock)
    return [day.values() | {"blocks": [b.values() for b in blocks if b.day_id == day.id]}
            for day in book.all(AgendaDay)]


def _participant(person: Participant, groups: dict[str, str],
                 include_personal: bool) -> dict[str, Any]:
    values = person.values()
    out = {k: v for k, v in values.items() if k not in PERSONAL_FIELDS}
    out["name"] = person.name
    out["group"] = groups.get(person.group_id, "")
    if not include_personal and not person.consent_name:
        out.update(first_name=None, last_name=None, name=None, organisation=None)
    if include_personal:
        out.update({k: values[k] for k in PERSONAL_FIELDS})
    return out


def _scrub(text: str, hidden: list[str]) -> str:
    for name in hidden:
        text = re.sub(re.escape(name), "—", text, flags=re.IGNORECASE)
    return text


def _boards(book: Workbook, groups: dict[str, str], named: dict[str, str | None],
            hidden: list[str], include_personal: bool) -> dict[str, Any]:
    votes: dict[str, Counter[str]] = {}
    dots = book.all(Dot)
    for dot in dots:
        votes.setdefault(dot.target_id, Counter())[groups.get(dot.group_id, "")] += 1
    trends = []
    for trend in book.all(Trend):
        counted = votes.get(trend.id, Counter())
        trends.append(trend.values() | {"votes": {g: counted[g] for g in groups.values()
                                                  if counted[g]},
                                        "votes_total": sum(counted.values())})
    attachments = book.all(Attachment)
    scenarios = []
    for scenario in book.all(Scenario):
        scenarios.append(scenario.values() | {
            "features": [f.strip() for f in scenario.features.splitlines() if f.strip()],
            "attachments": [a.id for a in attachments if a.owner_id == scenario.id]})
    grounds = {c.id: c for c in book.all(CommonGround)}
    plans = []
    members = book.all(PlanMember)
    steps = book.all(ActionStep)
    for plan in book.all(ActionPlan):
        ground = grounds.get(plan.common_ground_id)
        plans.append(plan.values() | {
            "owner": named.get(plan.owner_id),
            "common_ground": ground.text if ground else None,
            "members": [{"id": m.id, "participant_id": m.participant_id,
                         "name": named.get(m.participant_id)}
                        for m in members if m.plan_id == plan.id],
            "steps": [s.values() | {"who": _scrub(s.who, hidden)}
                      for s in steps if s.plan_id == plan.id]})
    titles = {p["id"]: p["title"] for p in plans}
    return {
        "timeline_entries": [e.values() | {"group": groups.get(e.group_id)}
                             for e in sorted(book.all(TimelineEntry),
                                             key=lambda e: (e.lane, e.year, e.position))],
        "timeline_readings": [r.values() for r in book.all(TimelineReading)],
        "trends": trends,
        "trend_links": [link.values() for link in book.all(TrendLink)],
        "dots": [{"id": d.id, "target_id": d.target_id, "group_id": d.group_id,
                  "group": groups.get(d.group_id)}
                 | ({"participant_id": d.participant_id} if include_personal else {})
                 for d in dots],
        "group_statements": [s.values() | {"group": groups.get(s.group_id)}
                             for s in book.all(GroupStatement)],
        "scenarios": scenarios,
        "attachments": [a.values() | {"size": len(a.data),
                                      "data": base64.b64encode(a.data).decode("ascii")}
                        for a in attachments],
        "common_ground": [c.values() | {"tables_list": _tables(c.tables)}
                          for c in grounds.values()],
        "action_plans": plans,
        "commitments": [c.values() | {"participant": named.get(c.participant_id),
                                      "action_plan_id": c.plan_id,
                                      "action_plan": titles.get(c.plan_id)}
                        for c in book.all(Commitment)],
    }


def _tables(text: str) -> list[str]:
    return [t for t in re.split(r"[,;\s]+", text) if t]


def _logbook(book: Workbook, include_personal: bool) -> dict[str, Any]:
    concerns = []
    for concern in book.all(Concern):
        values = concern.values()
        if not include_personal:
            for name in CONTACT_FIELDS:
                values.pop(name, None)
        concerns.append(values)
    return {
        "themes": [t.values() for t in book.all(Theme)],
        "partners": [p.values() for p in book.all(Partner)],
        "concerns": concerns,
        "status_changes": [s.values() for s in book.all(StatusChange)],
        "referrals": [r.values() for r in book.all(Referral)],
    }
