"""Importing participants from a read table: a plan first, then one undoable edit.

``plan_import`` never writes: it says what would be added, which rows are skipped
and why, and which groups are unknown. ``ImportPlan.command()`` is one
:class:`~app.commands.AddRecords`, so an import is a single transaction and a single
undo step; cancelling before it imports nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.column_mapping import ColumnMapping, normalise_header, parse_yes_no
from app.commands import AddRecords
from app.domain import ROLES, Participant, Record, StakeholderGroup
from app.i18n import tr
from app.tabular import Table

GROUP_COLOURS = ("#2E7D32", "#EF6C00", "#1565C0", "#6A1B9A", "#00838F", "#AD1457", "#F9A825",
                 "#5D4037", "#C62828", "#283593", "#558B2F", "#4E342E")
_ROLE_WORDS = {
    "participant": ("deelnemer", "participant", ""),
    "facilitator": ("begeleider", "facilitator", "gespreksleider", "tafelleider"),
    "speaker": ("spreker", "speaker", "inleider"),
    "observer": ("waarnemer", "observer", "toehoorder"),
}


@dataclass(frozen=True)
class Skipped:
    row: int  # 1-based data row number, as a spreadsheet user counts (header = row 1)
    reason: str


@dataclass
class ImportPlan:
    participants: list[Participant] = field(default_factory=list)
    new_groups: list[StakeholderGroup] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unknown_groups: dict[str, int] = field(default_factory=dict)  # spelling -> rows
    used_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def command(self) -> AddRecords:
        records: list[Record] = [*self.new_groups, *self.participants]
        return AddRecords(tr("{n} deelnemers importeren", n=len(self.participants)), records)

    def summary(self) -> dict[str, object]:
        reasons: dict[str, int] = {}
        for skip in self.skipped:
            reasons[skip.reason] = reasons.get(skip.reason, 0) + 1
        return {
            "imported": len(self.participants),
            "groups_created": [g.name for g in self.new_groups],
            "skipped": len(self.skipped),
            "skipped_reasons": reasons,
            "skipped_rows": [{"row": s.row, "reason": s.reason} for s in self.skipped],
            "columns_used": self.used_columns,
            "columns_ignored": self.ignored_columns,
        }


def group_key(name: str) -> str:
    """How group spellings are compared: "Bewoners", "bewoner ", "BEWONERS" are one group."""
    key = normalise_header(name)
    for plural in ("en", "s"):
        if key.endswith(plural) and len(key) > 4:
            return key[: -len(plural)]
    return key


def match_group(name: str, groups: Iterable[StakeholderGroup]) -> StakeholderGroup | None:
    """The existing group a spelling means: same key, or one key starting with the other."""
    key = group_key(name)
    if not key:
        return None
    candidates = list(groups)
    for group in candidates:
        if group_key(group.name) == key:
            return group
    prefixed = [g for g in candidates
                if (gk := group_key(g.name)) and (gk.startswith(key) or key.startswith(gk))]
    return prefixed[0] if len(prefixed) == 1 else None


def _role(text: str) -> str:
    key = normalise_header(text)
    for role, words in _ROLE_WORDS.items():
        if key in words:
            return role
    return "participant"


def _split_name(full: str) -> tuple[str, str]:
    parts = full.split()
    if len(parts) < 2:
        return full.strip(), ""
    return parts[0], " ".join(parts[1:])


def plan_import(table: Table, mapping: ColumnMapping, existing: Iterable[Participant],
                groups: Iterable[StakeholderGroup], *, create_groups: bool = True,
                group_choices: Mapping[str, str | None] | None = None) -> ImportPlan:
    """What importing ``table`` would do. Writes nothing.

    ``group_choices`` maps an unknown group spelling to an existing group id (or None
    to leave people without a group) — what the user answered in the dialog.
    """
    plan = ImportPlan()
    plan.used_columns = [table.headers[i] for i in sorted(mapping.fields.values())]
    plan.ignored_columns = list(mapping.ignored)
    known_groups = list(groups)
    seen = {(normalise_header(p.name), p.email.casefold()) for p in existing}
    choices = dict(group_choices or {})
    for number, row in enumerate(table.rows, start=2):
        def value(key: str, row: tuple[str, ...] = row) -> str:
            return mapping.value(row, key).strip()

        first, last = value("first_name"), value("last_name")
        if not (first or last) and value("full_name"):
            first, last = _split_name(value("full_name"))
        if not any(cell.strip() for cell in row):
            plan.skipped.append(Skipped(number, tr("lege rij")))
            continue
        if not (first or last):
            plan.skipped.append(Skipped(number, tr("geen naam")))
            continue
        person = Participant(
            first_name=first, last_name=last, organisation=value("organisation"),
            role=_role(value("role")), email=value("email"), phone=value("phone"),
            dietary=value("dietary"), access_needs=value("access_needs"),
            consent_photo=bool(parse_yes_no(value("consent_photo"))),
            consent_contact=bool(parse_yes_no(value("consent_contact"))),
            consent_name=bool(parse_yes_no(value("consent_name"))), notes=value("notes"))
        key = (normalise_header(person.name), person.email.casefold())
        if key in seen:
            plan.skipped.append(Skipped(number, tr("dubbel (zelfde naam en e-mail)")))
            continue
        seen.add(key)
        spelling = value("group")
        if spelling:
            group = match_group(spelling, known_groups)
            if group is None and spelling in choices:
                person.group_id = choices[spelling] or ""
            elif group is None:
                plan.unknown_groups[spelling] = plan.unknown_groups.get(spelling, 0) + 1
                if create_groups:
                    group = StakeholderGroup(
                        name=spelling, position=float(len(known_groups)),
                        colour=GROUP_COLOURS[len(known_groups) % len(GROUP_COLOURS)])
                    known_groups.append(group)
                    plan.new_groups.append(group)
            if group is not None:
                person.group_id = group.id
        plan.participants.append(person)
    assert all(p.role in ROLES for p in plan.participants)
    return plan
