"""``oogst concerns ...``: the caravan logbook from the command line.

add, import, search, export (per partner, CSV/XLSX/PDF), purge and themes.
Every command opens the logbook with its passphrase (``--passphrase-file``,
``OOGST_PASSPHRASE`` or a prompt), seeds default themes and partners when the
logbook has none, and first removes contact details past their retention date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import CliError, open_book
from app.i18n import tr
from app.logbook import (
    IntakeDraft,
    ThemeIndex,
    ensure_seeded,
    intake_command,
    partner_named,
    purge_expired_contacts,
    status_label,
)
from app.logbook_records import CONCERN_KINDS
from app.storage import concern_queries as q
from app.storage.workbook import Workbook


def _open(args: argparse.Namespace) -> Workbook:
    book = open_book(args, args.file, exclusive=True)  # seeds and purges: it writes
    try:
        ensure_seeded(book)
        report = purge_expired_contacts(book)
    except Exception:
        book.close()
        raise
    if report.removed:
        print(tr("Contactgegevens van {n} meldingen verwijderd (bewaartermijn verlopen).",
                 n=report.removed), file=sys.stderr)
    return book


def _cmd_add(args: argparse.Namespace) -> int:
    with _open(args) as book:
        themes = ThemeIndex.of(book)
        found = themes.resolve(args.theme)
        if found is None:
            raise CliError(tr("Onbekend thema: {theme}. Bekend: {names}.", theme=args.theme,
                              names=", ".join(t.label for t in themes.top)))
        draft = IntakeDraft(text=args.text, theme_id=found[0], subtheme_id=found[1],
                            street=args.street or "", house_numbers=args.house_numbers or "",
                            near=args.near or "", kind=args.kind, urgency=args.urgency,
                            occurred_at=args.at or "")
        command = intake_command(draft)
        command.apply(book)
        concern = command.records[0]
        print(tr("Melding vastgelegd ({theme}): {id}", theme=themes.path_label(*found),
                 id=concern.id))
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from app.logbook_import import import_concerns

    with _open(args) as book:
        report = import_concerns(book, args.source)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        return 0
    print(tr("{imported} van {rows} regels geïmporteerd uit {name}.", imported=report.imported,
             rows=report.rows, name=report.source))
    for header in report.ignored:
        print(tr("  kolom niet gebruikt: {name}", name=header))
    for name in report.new_themes:
        print(tr("  nieuw thema: {name}", name=name))
    for name in report.new_partners:
        print(tr("  nieuwe partner: {name}", name=name))
    for row, reason in report.skipped:
        print(tr("  regel {row} overgeslagen: {reason}", row=row, reason=reason))
    for note in report.notes:
        print("  " + note)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as book:
        hits = q.search(book, args.query, limit=args.limit)
        themes = ThemeIndex.of(book)
        rows = [{"id": h.concern_id, "occurred_at": h.occurred_at,
                 "theme": themes.label(h.theme_id), "street": h.street,
                 "status": h.status, "snippet": h.snippet} for h in hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(tr("Niets gevonden voor '{query}'.", query=args.query))
    for row in rows:
        print(f"{row['occurred_at'].replace('T', ' '):16}  {row['theme']:20.20}  "
              f"{row['street']:18.18}  {status_label(row['status']):14.14}  {row['snippet']}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from app.logbook import partner_rows

    with _open(args) as book:
        partner = partner_named(book, args.partner)
        if args.pdf:
            from exports.logbook_pdf import gather_partner_list, write_partner_list_pdf

            data = gather_partner_list(book, partner.id)
            out, count = write_partner_list_pdf(args.pdf, data), len(data.lines)
        else:
            from exports.spreadsheet import write_csv, write_xlsx

            headers, rows = partner_rows(book, partner.id)
            count = len(rows)
            out = (write_csv(args.csv, headers, rows) if args.csv
                   else write_xlsx(args.xlsx, {partner.name: (headers, rows)}))
    print(tr("{n} meldingen voor {partner} geschreven naar {path}.", n=count,
             partner=partner.name, path=out))
    return 0


def _cmd_purge(args: argparse.Namespace) -> int:
    with open_book(args, args.file, exclusive=True) as book:
        report = purge_expired_contacts(book)
    print(tr("Contactgegevens van {n} meldingen verwijderd.", n=report.removed))
    return 0


def _cmd_themes(args: argparse.Namespace) -> int:
    from app.logbook_import import (
        export_themes_xlsform,
        read_xlsform_choices,
        theme_import_command,
    )

    with _open(args) as book:
        if args.export:
            print(tr("Thema's geschreven naar {path}.", path=export_themes_xlsform(
                book, args.export)))
            return 0
        if args.import_from:
            command, changes = theme_import_command(book, read_xlsform_choices(args.import_from))
            if command is not None:
                command.apply(book)
            for line in changes or [tr("Geen wijzigingen.")]:
                print(line)
            return 0
        themes = ThemeIndex.of(book)
        for top in themes.top:
            print(f"{top.name}: {top.label}")
            for sub in themes.children(top.id):
                print(f"  {sub.name}: {sub.label}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``oogst concerns ...`` to the command line."""
    parser = sub.add_parser("concerns", help=tr("meldingen in een logboek (caravan, wijkpunt)"))
    parser.set_defaults(handler=lambda _args: parser.print_help() or 2)
    verbs = parser.add_subparsers(title=tr("opdrachten"), metavar="COMMAND")

    def verb(name: str, help_text: str, handler: object) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help_text)
        p.add_argument("file", type=Path)
        p.add_argument("--passphrase-file")
        p.set_defaults(handler=handler)
        return p

    p = verb("add", tr("leg een melding vast"), _cmd_add)
    p.add_argument("--text", required=True)
    p.add_argument("--theme", required=True, help=tr("code of naam, ook 'Thema › Subthema'"))
    p.add_argument("--street")
    p.add_argument("--house-numbers")
    p.add_argument("--near")
    p.add_argument("--kind", choices=CONCERN_KINDS, default="melding")
    p.add_argument("--urgency", type=int, choices=(0, 1, 2), default=0)
    p.add_argument("--at", help="YYYY-MM-DDTHH:MM")

    p = verb("import", tr("importeer eerdere notities (CSV of XLSX)"), _cmd_import)
    p.add_argument("source", type=Path)
    p.add_argument("--json", action="store_true")

    p = verb("search", tr("zoek in de meldingen"), _cmd_search)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")

    p = verb("export", tr("lijst voor één partner (zonder persoonsgegevens, tenzij "
                          "toestemming)"), _cmd_export)
    p.add_argument("--partner", required=True)
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--csv", type=Path)
    out.add_argument("--xlsx", type=Path)
    out.add_argument("--pdf", type=Path)

    verb("purge", tr("verwijder verlopen contactgegevens"), _cmd_purge)

    p = verb("themes", tr("toon, exporteer of importeer de thema's (XLSForm)"), _cmd_themes)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--export", type=Path)
    group.add_argument("--import", dest="import_from", type=Path)
