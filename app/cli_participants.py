"""``oogst participants import|list``."""

from __future__ import annotations

import argparse
import json

from app.cli import CliError, open_book
from app.column_mapping import PARTICIPANT_FIELDS, guess_mapping
from app.domain import AgendaDay, Attendance, Participant, StakeholderGroup
from app.i18n import tr
from app.participant_import import plan_import
from app.tabular import TableProblem, read_table


def _cmd_import(args: argparse.Namespace) -> int:
    try:
        table = read_table(args.source)
    except TableProblem as exc:
        raise CliError(str(exc)) from exc
    mapping = guess_mapping(table.headers, PARTICIPANT_FIELDS)
    if not ({"first_name", "last_name", "full_name"} & set(mapping.fields)):
        raise CliError(tr("Geen kolom met namen gevonden (verwacht: Voornaam/Achternaam of "
                          "Naam); er is niets geïmporteerd."))
    with open_book(args, args.file, exclusive=not args.dry_run) as book:
        plan = plan_import(table, mapping, book.all(Participant), book.all(StakeholderGroup),
                           create_groups=not args.skip_unknown_groups)
        if not args.dry_run and plan.participants:
            plan.command().apply(book)
    summary = plan.summary() | {"source": table.source, "encoding": table.encoding,
                                "delimiter": table.delimiter, "warnings": list(table.warnings),
                                "dry_run": args.dry_run}
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
        return 0
    print(tr("Kolommen gebruikt: {cols}", cols=", ".join(plan.used_columns) or "—"))
    print(tr("Kolommen genegeerd: {cols}", cols=", ".join(plan.ignored_columns) or "—"))
    for warning in table.warnings:
        print(tr("Let op: {warning}", warning=warning))
    print(tr("Geïmporteerd: {n}", n=len(plan.participants)))
    if plan.new_groups:
        print(tr("Nieuwe groepen: {names}", names=", ".join(g.name for g in plan.new_groups)))
    print(tr("Overgeslagen: {n}", n=len(plan.skipped)))
    for reason, count in summary["skipped_reasons"].items():
        print(f"  {reason}: {count}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    with open_book(args, args.file) as book:
        groups = {g.id: g.name for g in book.all(StakeholderGroup)}
        days = {d.id: d.date or d.title for d in book.all(AgendaDay)}
        attendance: dict[str, dict[str, str]] = {}
        for row in book.all(Attendance):
            attendance.setdefault(row.participant_id, {})[days.get(row.day_id, row.day_id)] = \
                row.status
        people = book.all(Participant)
    if args.json:
        out = [p.values() | {"name": p.name, "group": groups.get(p.group_id, ""),
                             "attendance": attendance.get(p.id, {})} for p in people]
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    for p in people:
        print(f"{p.name:30.30} {p.organisation:30.30} {groups.get(p.group_id, ''):25.25} {p.role}")
    print(tr("{n} deelnemers", n=len(people)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("participants", help=tr("deelnemers importeren en tonen"))
    inner = parser.add_subparsers(metavar="ACTION", required=True)
    p = inner.add_parser("import", help=tr("importeer deelnemers uit CSV of XLSX"))
    p.add_argument("file")
    p.add_argument("source")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dry-run", action="store_true", help=tr("laat zien wat er zou gebeuren"))
    p.add_argument("--skip-unknown-groups", action="store_true",
                   help=tr("maak geen nieuwe groepen; mensen blijven zonder groep"))
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_import)
    p = inner.add_parser("list", help=tr("toon de deelnemers"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_list)
