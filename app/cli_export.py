"""``oogst export FILE --report PDF --summary PDF --xlsx XLSX ...``: several at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import CliError, open_book
from app.i18n import tr

# option (dest) -> export kind, in the order the exports run
OPTIONS = (
    ("report", "report", "PDF", "het verslag van de bijeenkomst"),
    ("recap", "recap", "PDF", "terugblik op dag N (met --day N)"),
    ("action_plans", "action_plans", "PDF", "één pagina per actieplan"),
    ("summary", "summary", "PDF", "samenvatting op één A4 met QR-codes"),
    ("commitments", "commitments", "PDF", "toezeggingen per deelnemer"),
    ("badges", "badges", "PDF", "naambadges, 8 per A4"),
    ("xlsx", "xlsx", "XLSX", "alle gegevens als Excel-bestand"),
    ("csv", "csv", "DIR", "alle gegevens als CSV-bestanden in een map"),
    ("ics", "ics", "ICS", "deadlines en terugkommomenten als agenda"),
    ("json", "json", "JSON", "het hele werkboek als JSON-archief"),
    ("decidim", "decidim", "CSV", "actieplannen voor Decidim (verantwoording)"),
    ("openstad", "openstad", "JSON", "uitspraken en ideeën voor OpenStad (JSON of .csv)"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=tr("maak documenten en gegevensbestanden"))
    p.add_argument("file")
    for dest, _kind, metavar, help_text in OPTIONS:
        p.add_argument("--" + dest.replace("_", "-"), dest=dest, metavar=metavar,
                       help=tr(help_text))
    p.add_argument("--day", type=int, metavar="N", help=tr("de dag voor --recap (1, 2, ...)"))
    p.add_argument("--include-personal-data", action="store_true",
                   help=tr("neem e-mail, telefoon en alle namen op (standaard niet)"))
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from exports.jobs import ExportJob, run_jobs

    if args.recap and args.day is None:
        raise CliError(tr("Geef met --day aan van welke dag de terugblik is."))
    if args.day is not None and not args.recap:
        raise CliError(tr("--day hoort bij --recap: geef ook een PDF-bestand op met --recap."))
    jobs = [ExportJob(kind, Path(getattr(args, dest)), args.day if kind == "recap" else None)
            for dest, kind, _m, _h in OPTIONS if getattr(args, dest)]
    if not jobs:
        raise CliError(tr("Geef minstens één uitvoer op, bijvoorbeeld --report verslag.pdf."))
    source = Path(args.file)
    if not source.exists():
        raise CliError(tr("Het bestand {name} bestaat niet.", name=source))
    with open_book(args, source) as book:
        report = run_jobs(book, jobs, include_personal=args.include_personal_data)
    for result in report.results:
        if result.ok:
            extra = f" ({result.detail})" if result.detail else ""
            print(f"{result.job.label}: {result.job.path}{extra}")
        else:
            print(tr("{label} mislukt: {error}", label=result.job.label, error=result.detail),
                  file=sys.stderr)
    if args.include_personal_data:
        print(tr("Let op: deze bestanden bevatten persoonsgegevens."), file=sys.stderr)
    return 0 if report.ok else 1
