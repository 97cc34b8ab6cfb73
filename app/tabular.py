"""Read spreadsheet-like files (CSV, TSV, TXT, XLSX) into rows of plain text.

No Qt and no SQL: this module only turns a file into a :class:`Table` whose cells are
stripped strings, ready for a preview and a column mapping (see ``app.column_mapping``).
Everything that can go wrong with a user's file is raised as :class:`TableProblem`, whose
message is one Dutch sentence (translated through :func:`app.i18n.tr`) fit for a dialog.

CSV: the encoding is detected (BOM, UTF-8, else cp1252 as Dutch Excel writes it), the
delimiter is detected among ``;``, tab and ``,``, quotes and embedded newlines are
respected. XLSX/XLSM: read with openpyxl; merged header cells are filled across, whole
numbers become ``"12"``, dates ISO ``"2022-05-03"`` and times ``"15:15"``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings as pywarnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from app.i18n import tr

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
SUPPORTED_SUFFIXES = CSV_SUFFIXES | XLSX_SUFFIXES
XLSX_FULL_LOAD_LIMIT = 20_000_000  # below this size merged cells can be read (not read-only)
DELIMITERS = (";", "\t", ",")  # in order of preference when equally plausible

_SNIFF_ROWS = 50
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an xlsx protected by a password
_CONTROL = re.compile(r"[\x01-\x08\x0c\x0e-\x1f\x7f]")
_SEP_LINE = re.compile(r'"?sep=(.)"?[;,\t]*\Z', re.IGNORECASE)
# csv refuses fields over 128 KB by default; a long note must survive. This only ever
# raises the process-wide limit, to a value that is valid for a C long everywhere.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


class TableProblem(ValueError):
    """A file that cannot be read as a table; the message is one sentence for the user."""


@dataclass(frozen=True)
class Table:
    """A file read as a header row and data rows of stripped strings."""

    headers: tuple[str, ...]  # unique, never empty
    rows: tuple[tuple[str, ...], ...]  # every row has exactly len(headers) cells
    source: str  # file name
    encoding: str | None  # 'utf-8-sig', 'utf-8', 'cp1252' ('utf-16' with its BOM); None: XLSX
    delimiter: str | None  # ';', ',', '\t'; None for XLSX and for a single-column CSV
    skipped_empty: int  # fully empty rows between the header and the last data row
    warnings: tuple[str, ...]  # Dutch sentences (via tr) for the preview


def read_table(path: str | Path, max_bytes: int = 50_000_000, sheet: str | None = None) -> Table:
    """Read a CSV/TSV/TXT or XLSX/XLSM file; ``sheet`` picks a worksheet (default: first).

    Raises :class:`TableProblem` for a missing, unreadable, too big, empty, corrupt or
    unsupported file.
    """
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise TableProblem(tr(
            "Oude Excel-bestanden (.xls) kunnen niet worden gelezen. "
            "Sla het bestand in Excel op als .xlsx of als CSV."))
    if suffix not in SUPPORTED_SUFFIXES:
        raise TableProblem(tr(
            "Bestanden van het type '{suffix}' kunnen niet worden gelezen. "
            "Kies een CSV-bestand (.csv, .txt, .tsv) of een Excel-bestand (.xlsx, .xlsm).",
            suffix=suffix or name))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TableProblem(tr("Het bestand {name} bestaat niet.", name=name)) from None
    except OSError:
        raise TableProblem(tr("Het bestand {name} kan niet worden geopend.", name=name)) from None
    if path.is_dir():
        raise TableProblem(tr("{name} is een map en geen bestand.", name=name))
    if size > max_bytes:
        raise TableProblem(tr(
            "Het bestand {name} is te groot ({size} MB); het maximum is {limit} MB.",
            name=name, size=-(-size // 1_000_000), limit=max(1, max_bytes // 1_000_000)))
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            data = head + handle.read() if suffix in CSV_SUFFIXES else head
    except OSError:
        raise TableProblem(tr(
            "Het bestand {name} kan niet worden geopend. "
            "Is het misschien nog geopend in een ander programma?", name=name)) from None
    if head.startswith(_OLE_MAGIC):
        raise TableProblem(tr(
            "Het bestand {name} is beveiligd met een wachtwoord of is een oud Excel-bestand "
            "(.xls). Sla het in Excel op als .xlsx zonder wachtwoord, of als CSV.", name=name))
    if suffix in XLSX_SUFFIXES:
        if not head.startswith(_ZIP_MAGIC):
            raise TableProblem(tr("Het bestand {name} is geen geldig Excel-bestand.", name=name))
        return _read_xlsx(path, sheet, full=size < XLSX_FULL_LOAD_LIMIT)
    if head.startswith(_ZIP_MAGIC):  # an Excel workbook saved under a .csv/.txt name
        table = _read_xlsx(path, sheet, full=size < XLSX_FULL_LOAD_LIMIT)
        note = tr("Dit is een Excel-bestand met de extensie {suffix}; het is als Excel gelezen.",
                  suffix=suffix)
        return replace(table, warnings=(note, *table.warnings))
    prefer = ("\t", ";", ",") if suffix == ".tsv" else DELIMITERS
    return _read_csv(data, name, None, prefer)


def read_csv_bytes(data: bytes, source: str = "", *, delimiter: str | None = None) -> Table:
    """Read CSV ``data`` (any encoding Dutch users meet) into a :class:`Table`.

    ``source`` is the file name shown to the user; ``delimiter`` forces a delimiter
    instead of detecting one. Raises :class:`TableProblem` for empty or binary data.
    """
    return _read_csv(data, source, delimiter, DELIMITERS)


def _read_csv(data: bytes, source: str, delimiter: str | None, prefer: Sequence[str]) -> Table:
    notes: list[str] = []
    text, encoding = _decode(data, notes)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(tr("Het bestand bevatte {n} NUL-tekens; die zijn verwijderd.", n=nuls))
    if not text.strip():
        raise TableProblem(tr("Het bestand is leeg."))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    length = len(text)
    text, controls = _CONTROL.subn("", text)
    if controls * 20 > length:
        raise TableProblem(tr("Dit bestand lijkt geen CSV- of tekstbestand te zijn."))
    if controls:
        notes.append(tr("Het bestand bevatte {n} onzichtbare stuurtekens; die zijn verwijderd.",
                        n=controls))
    first_line, _, rest = text.partition("\n")
    sep = _SEP_LINE.match(first_line.strip(" "))
    if sep and sep.group(1) in DELIMITERS:  # Excel's "sep=;" hint line
        delimiter = delimiter or sep.group(1)
        text = rest
    if delimiter is None:
        delimiter = _sniff(text, prefer)
    if text.count('"') % 2:
        notes.append(tr(
            "Het bestand bevat een aanhalingsteken (\") dat niet wordt afgesloten; "
            "controleer of de laatste rijen goed zijn ingelezen."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or "\x1f",
                        skipinitialspace=True, strict=False)
    records = [[cell.strip() for cell in record] for record in reader]
    return _build_table(records, source=source, encoding=encoding, delimiter=delimiter,
                        notes=notes, empty=tr("Het bestand is leeg."))


# ---------------------------------------------------------------------------- CSV helpers

def _decode(data: bytes, notes: list[str]) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, "utf-16", notes), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, "utf-8-sig", notes), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode_as(data, "cp1252", notes), "cp1252"


def _decode_as(data: bytes, encoding: str, notes: list[str]) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        notes.append(tr("Sommige tekens konden niet worden gelezen; "
                        "ze zijn vervangen door \ufffd."))
        return data.decode(encoding, errors="replace")


def _sniff(text: str, prefer: Sequence[str]) -> str | None:
    """The delimiter giving the most consistent column count > 1, or None (one column)."""
    best: tuple[float, int] | None = None
    chosen = None
    for rank, delimiter in enumerate(prefer):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                            skipinitialspace=True, strict=False)
        widths = [len(r) for r in islice((r for r in reader if r), _SNIFF_ROWS)]
        if not widths:
            continue
        counts = Counter(widths)
        mode = max(counts, key=lambda w: (counts[w], w))
        if mode < 2:
            continue
        score = sum(1.0 if w == mode else 0.5 if 1 < w < mode else 0.0
                    for w in widths) / len(widths)
        key = (score, -rank)
        if score >= 0.5 and (best is None or key > best):
            best, chosen = key, delimiter
    return chosen


# ---------------------------------------------------------------------------- XLSX helpers

def _read_xlsx(path: Path, sheet: str | None, *, full: bool) -> Table:
    import openpyxl  # imported here: CSV users should not pay for it

    name = path.name
    corrupt = tr("Het bestand {name} is beschadigd of geen geldig Excel-bestand.", name=name)
    try:
        handle = path.open("rb")  # a file object: openpyxl refuses names not ending in .xlsx
    except OSError:
        raise TableProblem(tr("Het bestand {name} kan niet worden geopend.", name=name)) from None
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(handle, read_only=not full, data_only=True)
    except MemoryError:
        handle.close()
        raise TableProblem(tr("Het bestand {name} is te groot om te lezen.", name=name)) from None
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        handle.close()
        raise TableProblem(corrupt) from exc
    try:
        if sheet is None:
            if not workbook.worksheets:
                raise TableProblem(tr("Het bestand {name} bevat geen werkblad.", name=name))
            worksheet = workbook.worksheets[0]
        elif sheet in [w.title for w in workbook.worksheets]:
            worksheet = workbook[sheet]
        else:
            raise TableProblem(tr(
                "Het werkblad '{sheet}' bestaat niet in {name}. Beschikbare werkbladen: {sheets}.",
                sheet=sheet, name=name, sheets=", ".join(w.title for w in workbook.worksheets)))
        notes: list[str] = []
        if not full:
            worksheet.reset_dimensions()  # read-only: stated dimensions may be wrong
            notes.append(tr(
                "Het bestand is groot; samengevoegde cellen zijn niet over hun bereik ingevuld."))
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            rows = worksheet.iter_rows(values_only=True)
            records = [[_cell_text(value) for value in row] for row in rows]
        if full:
            _fill_merged(worksheet.merged_cells.ranges, records)
        empty = tr("Het werkblad '{sheet}' is leeg.", sheet=worksheet.title)
        return _build_table(records, source=name, encoding=None, delimiter=None, notes=notes,
                            empty=empty)
    except TableProblem:
        raise
    except MemoryError:
        raise TableProblem(tr("Het bestand {name} is te groot om te lezen.", name=name)) from None
    except Exception as exc:
        raise TableProblem(corrupt) from exc
    finally:
        workbook.close()
        handle.close()


def _cell_text(value: Any) -> str:
    """One spreadsheet value as the text a user would expect to see."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {_time_text(value.time())}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return _time_text(value)
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        sign, minutes = ("-", -minutes) if minutes < 0 else ("", minutes)
        return f"{sign}{minutes // 60}:{minutes % 60:02d}"
    return str(value).strip()


def _time_text(value: dt.time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _fill_merged(ranges: Iterable[Any], records: list[list[str]]) -> None:
    """Fill merged cells: across the header row, and down the first column of data."""
    header, _title = _header_index(records)
    if header is None:
        return
    for merged in ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        bottom, right = merged.max_row - 1, merged.max_col - 1
        if top >= len(records) or left >= len(records[top]) or not records[top][left]:
            continue
        value = records[top][left]
        if top <= header <= bottom:
            cells = [(header, col) for col in range(left, right + 1)]
        elif top > header:
            cells = [(row, left) for row in range(top, min(bottom, len(records) - 1) + 1)]
        else:
            continue
        for row, col in cells:
            record = records[row]
            if col >= len(record):
                record.extend([""] * (col + 1 - len(record)))
            if not record[col]:
                record[col] = value


# ---------------------------------------------------------------------------- common

def _filled(record: Sequence[str]) -> int:
    return sum(1 for cell in record if cell)


def _header_index(records: Sequence[Sequence[str]]) -> tuple[int | None, int | None]:
    """Index of the header row, and of a title row above it that must be skipped.

    The header is the first non-empty row, unless that row holds a single cell (a title
    such as "Deelnemerslijst") and the next non-empty row holds two or more.
    """
    found = (i for i, record in enumerate(records) if _filled(record))
    first = next(found, None)
    second = next(found, None)
    if (first is not None and second is not None and _filled(records[first]) == 1
            and _filled(records[second]) >= 2):
        return second, first
    return first, None


def _build_table(records: list[list[str]], *, source: str, encoding: str | None,
                 delimiter: str | None, notes: list[str], empty: str) -> Table:
    """Turn stripped records into a :class:`Table`: header, padded rows, warnings."""
    header_at, title_at = _header_index(records)
    if header_at is None:
        raise TableProblem(empty)
    if title_at is not None:
        title = next(cell for cell in records[title_at] if cell)
        title = title if len(title) <= 60 else title[:57] + "..."
        notes.append(tr("De regel '{title}' boven de kopregel lijkt een titel en is overgeslagen.",
                        title=title))
    header = records[header_at]
    named = len(header)
    while not header[named - 1]:
        named -= 1
    data: list[tuple[int, list[str], int]] = []  # (row number, cells, filled width)
    skipped = pending = 0
    for number, record in enumerate(records[header_at + 1:], header_at + 2):
        end = len(record)
        while end and not record[end - 1]:
            end -= 1
        if not end:
            pending += 1
            continue
        skipped, pending = skipped + pending, 0
        data.append((number, record, end))
    widest = max((end for _, _, end in data), default=0)
    width = max(named, min(widest, len(header)))
    headers = _unique_headers(header[:width], notes)
    too_wide = [number for number, _, end in data if end > width]
    if too_wide:
        notes.append(tr(
            "{n} rijen hebben meer cellen dan de kopregel kolommen heeft (bijvoorbeeld rij "
            "{row}); die extra cellen zijn niet ingelezen.", n=len(too_wide), row=too_wide[0]))
    pad = [""] * width
    rows = tuple(tuple(record[:width]) if len(record) >= width
                 else tuple(record + pad[len(record):])
                 for _, record, end in data if end <= width or any(record[:width]))
    if not rows:
        notes.append(tr("Het bestand bevat alleen een kopregel en geen gegevens."))
    return Table(headers=headers, rows=rows, source=source, encoding=encoding,
                 delimiter=delimiter, skipped_empty=skipped, warnings=tuple(notes))


def _unique_headers(raw: Sequence[str], notes: list[str]) -> tuple[str, ...]:
    """Collapse whitespace; name empty headers "Kolom 3"; number duplicates "Naam (2)"."""
    seen: set[str] = set()
    out: list[str] = []
    renamed: list[str] = []
    for position, text in enumerate(raw, 1):
        base = " ".join(text.split()) or tr("Kolom {n}", n=position)
        name, copy = base, 2
        while name.casefold() in seen:
            name, copy = f"{base} ({copy})", copy + 1
        if name != " ".join(text.split()):
            renamed.append(name)
        seen.add(name.casefold())
        out.append(name)
    if renamed:
        notes.append(tr("Kolommen zonder naam of met een dubbele naam heten nu: {names}.",
                        names=", ".join(renamed)))
    return tuple(out)

