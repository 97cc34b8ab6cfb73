"""The ``oogst`` command: GUI by default, sub-commands for scripting.

Errors go to stderr as one clear sentence with a non-zero exit code.
This module imports no Qt; the GUI is imported only when a command needs it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__
from app.domain import METHODS
from app.i18n import set_language, tr
from app.settings import Settings, demo_path
from app.storage import EncryptedWorkbook, Workbook, WorkbookError

EXIT_ERROR = 1
EXIT_USAGE = 2
Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A user-facing failure; the message is printed as is."""


def read_passphrase(args: argparse.Namespace, path: Path | None = None,
                    confirm: bool = False) -> str | None:
    """From --passphrase-file, then OOGST_PASSPHRASE, then a prompt (when interactive)."""
    source = getattr(args, "passphrase_file", None)
    if source:
        try:
            text = Path(source).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(tr("Kan het wachtwoordbestand niet lezen: {error}", error=exc)) from exc
        if not text:
            raise CliError(tr("Het wachtwoordbestand is leeg."))
        return text
    if os.environ.get("OOGST_PASSPHRASE"):
        return os.environ["OOGST_PASSPHRASE"]
    if path is not None and sys.stdin is not None and sys.stdin.isatty():
        text = getpass.getpass(tr("Wachtwoordzin voor {path}: ", path=path.name))
        if confirm and getpass.getpass(tr("Nog eens: ")) != text:
            raise CliError(tr("De wachtwoordzinnen zijn niet gelijk."))
        return text
    return None


def open_book(args: argparse.Namespace, path: str | Path, exclusive: bool = False) -> Workbook:
    """Open a workbook for a command, asking for a passphrase when it is encrypted.

    ``exclusive`` for a command that writes: refused while a window (another Oogst)
    has the workbook open, which would not show the change and could undo over it.
    """
    path = Path(path)
    try:
        return Workbook.open(path, read_passphrase(args), exclusive=exclusive)
    except EncryptedWorkbook:
        passphrase = read_passphrase(args, path)
        if passphrase is None:
            raise
        return Workbook.open(path, passphrase, exclusive=exclusive)


def _cmd_gui(args: argparse.Namespace) -> int:
    from app.gui import run_gui

    return run_gui(getattr(args, "file", None))


def _cmd_demo(args: argparse.Namespace) -> int:
    from sessions.demo import rebuild_demo

    path = Path(args.file) if args.file else demo_path()
    if path.exists() and args.file and not args.force:
        raise CliError(tr("{path} bestaat al; gebruik --force om het te vervangen.",
                          path=path))
    rebuild_demo(path).close()
    print(tr("Demo-werkboek gemaakt: {path}", path=path))
    if args.no_gui:
        return 0
    from app.gui import run_gui

    return run_gui(str(path))


def _cmd_new(args: argparse.Namespace) -> int:
    from sessions.setup import create_workbook

    path = Path(args.file)
    passphrase = read_passphrase(args, path, confirm=True) if args.encrypt or \
        args.passphrase_file else None
    if args.method == "logbook" and passphrase is None:
        passphrase = read_passphrase(args, path, confirm=True)
        if passphrase is None:
            raise CliError(tr("Een logboek wordt versleuteld: geef een wachtwoordzin met "
                              "--passphrase-file of OOGST_PASSPHRASE."))
    book = create_workbook(path, args.method, args.title, language=args.language,
                           start_date=args.start_date or "", passphrase=passphrase)
    book.close()
    print(tr("Werkboek gemaakt: {path}", path=path))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from app.storage.check import check_file

    path = Path(args.file)
    try:
        report = check_file(path, read_passphrase(args))
    except EncryptedWorkbook:
        passphrase = read_passphrase(args, path)
        if passphrase is None:
            raise
        report = check_file(path, passphrase)
    if args.json:
        print(json.dumps({**report.__dict__, "healthy": report.healthy}, indent=1))
    else:
        print(tr("Werkboek: {path}", path=path))
        print(tr("Schemaversie: {found} (deze Oogst: {known})",
                 found=report.schema_version, known=report.current_version))
        print(tr("Versleuteld: {value}", value=tr("ja") if report.encrypted else tr("nee")))
        print(tr("Integriteit: {value}", value=report.integrity))
        for table, count in report.counts.items():
            print(f"  {table}: {count}")
        print(tr("Gezond.") if report.healthy else tr("Niet gezond."))
    return 0 if report.healthy else EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oogst", description=tr("Oogst: de oogst van participatiebijeenkomsten, offline."))
    parser.add_argument("--version", action="version", version=f"Oogst {__version__}")
    parser.set_defaults(handler=_cmd_gui)
    sub = parser.add_subparsers(title=tr("opdrachten"), metavar="COMMAND")

    p = sub.add_parser("open", help=tr("open een werkboek in het venster"))
    p.add_argument("file")
    p.set_defaults(handler=_cmd_gui)

    p = sub.add_parser("demo", help=tr("maak het demo-werkboek en open het"))
    p.add_argument("file", nargs="?")
    p.add_argument("--no-gui", action="store_true", help=tr("alleen maken, niet openen"))
    p.add_argument("--force", action="store_true", help=tr("vervang een bestaand bestand"))
    p.set_defaults(handler=_cmd_demo)

    p = sub.add_parser("new", help=tr("maak een nieuw werkboek"))
    p.add_argument("file")
    p.add_argument("--method", required=True, choices=METHODS)
    p.add_argument("--title", required=True)
    p.add_argument("--language", default="nl", choices=("nl", "en"))
    p.add_argument("--start-date", help="YYYY-MM-DD")
    p.add_argument("--encrypt", action="store_true", help=tr("versleutel het werkboek"))
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_new)

    p = sub.add_parser("check", help=tr("controleer integriteit en schemaversie"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--passphrase-file")
    p.set_defaults(handler=_cmd_check)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Sub-commands that live in their own modules (participants, seating, export...)."""
    found = []
    for name in ("app.cli_participants", "app.cli_seating", "app.cli_export", "app.cli_concerns"):
        try:
            module = __import__(name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.append(module.register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    set_language(Settings().get("language"))
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (WorkbookError, CliError) as exc:
        print(f"oogst: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head, less...
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
