"""Tables to CSV and XLSX files that open cleanly in (Dutch) Excel. Generic, no Qt, no SQL.

Use it for any export that is "a header row and rows of values"::

    write_csv(path, ["Datum", "Thema"], [["2022-05-03", "Drugsoverlast"]])
    write_xlsx(path, {"Meldingen": (headers, rows), "Thema's": (headers2, rows2)})

- CSV is UTF-8 with a byte-order mark and ``;`` as separator: what Excel with
  Dutch regional settings opens without an import wizard.
- XLSX has a bold, frozen header row, an auto filter and column widths that fit
  the content (capped), one sheet per entry of ``sheets`` in the given order.
- Both neutralise formula injection: a text cell that starts with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return is prefixed with ``'`` so a spreadsheet
  shows it as text instead of running it (OWASP "CSV injection"). Numbers, dates
  and booleans are written as values and are never touched.
- Files are written to a ``.part`` neighbour and renamed into place, so a failed
  export never leaves half a file under the real name.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 8
MAX_SHEET_TITLE = 31

Rows = Iterable[Sequence[Any]]


def safe_cell(value: Any) -> Any:
    """``value`` made harmless for a spreadsheet: text starting like a formula gets a ``'``."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def _text(value: Any) -> str:
    value = safe_cell(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value)


def _replace_into_place(tmp: Path, path: Path) -> None:
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    tmp.replace(path)


def write_csv(path: str | Path, headers: Sequence[str], rows: Rows,
              delimiter: str = ";") -> Path:
    """Write a CSV file (UTF-8 with BOM, ``;``-separated, CRLF line ends); returns the path."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
            writer.writerow([_text(h) for h in headers])
            for row in rows:
                writer.writerow([_text(v) for v in row])
        _replace_into_place(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def sheet_title(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique worksheet title (no ``[]:*?/\\``, at most 31 characters)."""
    clean = "".join("_" if ch in '[]:*?/\\' else ch for ch in name).strip("'") or "Blad"
    clean = clean[:MAX_SHEET_TITLE]
    existing = {t.casefold() for t in taken}
    title, n = clean, 2
    while title.casefold() in existing:
        suffix = f" ({n})"
        title = clean[:MAX_SHEET_TITLE - len(suffix)] + suffix
        n += 1
    return title


def _width(value: Any) -> int:
    text = _text(value)
    return max((len(line) for line in text.splitlines()), default=0)


def write_xlsx(path: str | Path,
               sheets: Mapping[str, tuple[Sequence[str], Rows]]) -> Path:
    """Write an XLSX workbook with one sheet per ``{title: (headers, rows)}``; returns the path."""
    from openpyxl import Workbook as XlsxBook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = XlsxBook()
    book.remove(book.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="EFEDE7")
    wrap = Alignment(vertical="top", wrap_text=True)
    titles: list[str] = []
    for name, (headers, rows) in sheets.items():
        title = sheet_title(name, titles)
        titles.append(title)
        sheet = book.create_sheet(title)
        sheet.append([_text(h) for h in headers])
        widths = [_width(h) for h in headers]
        for row in rows:
            values = [safe_cell(v) for v in row]
            sheet.append(values)
            for i, value in enumerate(values[:len(widths)]):
                widths[i] = max(widths[i], _width(value))
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = fill
        for i, width in enumerate(widths, start=1):
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = max(MIN_COLUMN_WIDTH,
                                                        min(MAX_COLUMN_WIDTH, width + 2))
            if width > MAX_COLUMN_WIDTH:
                for cell in sheet[letter][1:]:
                    cell.alignment = wrap
        sheet.freeze_panes = "A2"
        if headers:
            last = get_column_letter(len(headers))
            sheet.auto_filter.ref = f"A1:{last}{max(1, sheet.max_row)}"
    if not titles:
        book.create_sheet("Blad")
    tmp = path.with_name(path.name + ".part")
    try:
        book.save(tmp)
        _replace_into_place(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
