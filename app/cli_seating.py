"""``oogst seat``: mixed tables for every round, printed or as JSON, stored in the workbook."""

from __future__ import annotations

import argparse
import json

from app.cli import CliError, open_book
from app.domain import Participant
from app.i18n import tr


def _cmd_seat(args: argparse.Namespace) -> int:
    from sessions.seating import plan_seating
    from sessions.seating_workbook import build_request, save_plan_command

    if (args.table_size is None) == (args.tables is None):
        raise CliError(tr("Geef --table-size of --tables (één van beide)."))
    with open_book(args, args.file, exclusive=True) as book:
        try:
            request = build_request(book, args.rounds, table_size=args.table_size,
                                    tables=args.tables, keep=args.keep, seed=args.seed,
                                    time_limit=args.time_limit)
            plan = plan_seating(request)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        if not args.dry_run:
            save_plan_command(book, plan).apply(book)
        names = {p.id: p.name for p in book.all(Participant)}
    q = plan.quality
    if args.json:
        print(json.dumps({
            "rounds": len(plan.rounds), "tables": len(plan.rounds[0]) if plan.rounds else 0,
            "people": len(request.people), "repeat_pairs": q.repeat_pairs,
            "max_meetings_per_pair": q.max_meetings_per_pair,
            "max_same_group_at_table": q.max_same_group_at_table,
            "min_new_people_met": q.min_new_people_met,
            "lower_bound_repeat_pairs": q.lower_bound_repeat_pairs, "perfect": q.perfect,
            "moved": plan.moved, "seconds": round(plan.seconds, 4), "plan": plan.rounds,
        }, indent=1))
        return 0
    for r, rnd in enumerate(plan.rounds, start=1):
        print(tr("Ronde {n}", n=r))
        for t, table in enumerate(rnd, start=1):
            print(f"  {tr('Tafel')} {t}: " + ", ".join(names.get(i, i) for i in table))
    print(tr("Dubbele ontmoetingen: {n} (ondergrens {lb}); hoogstens {m} van één groep aan "
             "een tafel; iedereen ontmoet minstens {k} nieuwe mensen; {s:.2f} s",
             n=q.repeat_pairs, lb=q.lower_bound_repeat_pairs, m=q.max_same_group_at_table,
             k=q.min_new_people_met, s=plan.seconds))
    if not q.perfect:
        print(tr("Een indeling zonder dubbele ontmoetingen is hier niet mogelijk of niet "
                 "gevonden; het aantal is zo klein mogelijk gehouden."))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("seat", help=tr("maak gemengde tafels (max-mix) voor elke ronde"))
    p.add_argument("file")
    p.add_argument("--rounds", type=int, required=True)
    p.add_argument("--table-size", type=int)
    p.add_argument("--tables", type=int)
    p.add_argument("--keep", type=int, default=0,
                   help=tr("houd de eerste N opgeslagen rondes (al gehouden) zoals ze zijn"))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--time-limit", type=float, default=2.0)
    p.add_argument("--dry-run", action="store_true", help=tr("niet opslaan"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_seat)
