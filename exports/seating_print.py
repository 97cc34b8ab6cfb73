"""Printed seating: table lists per round (A4), table cards (A5 landscape), "your tables" slips.

No Qt. :func:`seating_sheets` reads what to print from a workbook into plain data (do it in
the GUI thread); the ``write_*`` functions only draw that data with ReportLab, so they can
run in a worker. Names keep their accents (DejaVu Sans is embedded, see ``pdf_kit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.domain import Participant, StakeholderGroup
from app.i18n import language, translate
from app.storage import Workbook
from exports.pdf_kit import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    fit_size,
    fit_text,
    fonts,
    hex_colour,
    light,
    one_line,
)

NO_GROUP_COLOUR = "#9A9EA4"


@dataclass(frozen=True)
class PrintPerson:
    name: str
    organisation: str = ""
    group: str = ""
    colour: str = NO_GROUP_COLOUR
    sort_key: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class SeatingSheets:
    """What the seating documents show, as plain data."""

    title: str
    rounds: list[list[list[str]]]  # rounds of tables of participant ids
    people: dict[str, PrintPerson]
    groups: list[tuple[str, str]]  # (name, colour) for the legend
    lang: str = "nl"

    def t(self, text: str, **kwargs: object) -> str:
        return translate(text, self.lang, **kwargs)

    def person(self, pid: str) -> PrintPerson:
        return self.people.get(pid, PrintPerson("?"))


def seating_sheets(book: Workbook, lang: str | None = None) -> SeatingSheets:
    """The stored plan with names, organisations and group colours."""
    from sessions.seating_workbook import stored_rounds

    groups = {g.id: g for g in book.all(StakeholderGroup)}
    people: dict[str, PrintPerson] = {}
    for p in book.all(Participant):
        group = groups.get(p.group_id)
        people[p.id] = PrintPerson(p.name, p.organisation, group.name if group else "",
                                   group.colour if group else NO_GROUP_COLOUR,
                                   (p.last_name.casefold(), p.first_name.casefold()))
    rounds = [[[pid for pid in table if pid in people] for table in rnd]
              for rnd in stored_rounds(book)]
    rounds = [[t for t in rnd if t] for rnd in rounds]
    try:
        title = book.event().title
    except Exception:  # a workbook without an event still prints
        title = ""
    return SeatingSheets(title=title, rounds=rounds, people=people,
                         groups=[(g.name, g.colour) for g in groups.values()],
                         lang=lang or language())


def _canvas(path: Path, size: tuple[float, float], sheets: SeatingSheets, kind: str) -> Canvas:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=size, invariant=True)
    c.setTitle(f"{one_line(sheets.title)} — {kind}")
    c.setAuthor("Oogst")
    c.setCreator("Oogst")
    return c


def _swatch(c: Canvas, x: float, y: float, size: float, colour: str) -> None:
    c.setFillColor(hex_colour(colour, NO_GROUP_COLOUR))
    c.roundRect(x, y, size, size, size * 0.2, stroke=0, fill=1)


def _legend(c: Canvas, sheets: SeatingSheets, x: float, y: float, width: float) -> None:
    regular = fonts()[0]
    c.setFont(regular, 7.5)
    cx = x
    for name, colour in sheets.groups:
        text = one_line(name, 40)
        need = 4 * mm + c.stringWidth(text, regular, 7.5) + 5 * mm
        if cx + need > x + width:
            cx, y = x, y - 4.5 * mm
        _swatch(c, cx, y - 0.4 * mm, 2.6 * mm, colour)
        c.setFillColor(MUTED)
        c.drawString(cx + 3.6 * mm, y, text)
        cx += need


# -------------------------------------------------------------------- table lists
def write_table_lists(sheets: SeatingSheets, path: str | Path) -> Path:
    """A4 portrait: per round a grid of tables with everyone's name and organisation."""
    path = Path(path)
    regular, bold = fonts()
    width, height = A4
    margin = 16 * mm
    cols = 3
    gap = 5 * mm
    box_w = (width - 2 * margin - (cols - 1) * gap) / cols
    line = 7.2 * mm
    c = _canvas(path, A4, sheets, sheets.t("Tafellijsten"))

    def page_head(r: int, people: int, tables: int, more: bool) -> float:
        c.setFont(regular, 8)
        c.setFillColor(MUTED)
        c.drawString(margin, height - 11 * mm, fit_text(one_line(sheets.title), regular, 8,
                                                        width - 2 * margin))
        c.setFont(bold, 22)
        c.setFillColor(ACCENT)
        head = sheets.t("Ronde {n}", n=r) + (" " + sheets.t("(vervolg)") if more else "")
        c.drawString(margin, height - 22 * mm, head)
        c.setFont(regular, 9)
        c.setFillColor(MUTED)
        c.drawRightString(width - margin, height - 22 * mm, sheets.t(
            "{tables} tafels · {people} personen", tables=tables, people=people))
        c.setStrokeColor(RULE)
        c.line(margin, height - 25 * mm, width - margin, height - 25 * mm)
        _legend(c, sheets, margin, 10 * mm, width - 2 * margin)
        return height - 30 * mm

    for r, rnd in enumerate(sheets.rounds, start=1):
        people = sum(len(t) for t in rnd)
        top = page_head(r, people, len(rnd), False)
        for row_start in range(0, len(rnd), cols):
            row = rnd[row_start:row_start + cols]
            box_h = 10 * mm + max(len(t) for t in row) * line + 2 * mm
            if top - box_h < 18 * mm:
                c.showPage()
                top = page_head(r, people, len(rnd), True)
            for i, table in enumerate(row):
                x = margin + i * (box_w + gap)
                _table_box(c, sheets, x, top, box_w, box_h, row_start + i + 1, table, line)
            top -= box_h + gap
        c.showPage()
    if not sheets.rounds:
        c.setFont(regular, 12)
        c.drawString(margin, height - 30 * mm, sheets.t("Er is nog geen tafelindeling."))
        c.showPage()
    c.save()
    return path


def _table_box(c: Canvas, sheets: SeatingSheets, x: float, top: float, w: float, h: float,
               number: int, table: list[str], line: float) -> None:
    regular, bold = fonts()
    c.setStrokeColor(RULE)
    c.setFillColor(colors.white)
    c.roundRect(x, top - h, w, h, 2.5 * mm, stroke=1, fill=1)
    c.setFillColor(light(ACCENT, 0.88))
    c.roundRect(x, top - 9 * mm, w, 9 * mm, 2.5 * mm, stroke=0, fill=1)
    c.rect(x, top - 9 * mm, w, 3 * mm, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.setFont(bold, 12)
    c.drawString(x + 3 * mm, top - 6.5 * mm, sheets.t("Tafel {n}", n=number))
    c.setFont(regular, 8)
    c.setFillColor(MUTED)
    c.drawRightString(x + w - 3 * mm, top - 6.3 * mm, str(len(table)))
    y = top - 9 * mm - line + 1.5 * mm
    inner = w - 9 * mm
    for pid in table:
        person = sheets.person(pid)
        _swatch(c, x + 3 * mm, y + 1.9 * mm, 3 * mm, person.colour)
        c.setFillColor(INK)
        c.setFont(bold, 9)
        c.drawString(x + 7.5 * mm, y + 2.4 * mm, fit_text(one_line(person.name), bold, 9, inner))
        c.setFont(regular, 6.8)
        c.setFillColor(MUTED)
        detail = " · ".join(part for part in (person.group, person.organisation) if part)
        c.drawString(x + 7.5 * mm, y - 0.4 * mm, fit_text(one_line(detail), regular, 6.8, inner))
        y -= line


# -------------------------------------------------------------------- table cards
def write_table_cards(sheets: SeatingSheets, path: str | Path) -> Path:
    """A5 landscape, one card per table per round: a large table number and the names."""
    path = Path(path)
    regular, bold = fonts()
    size = landscape(A5)
    width, height = size
    margin = 12 * mm
    c = _canvas(path, size, sheets, sheets.t("Tafelkaarten"))
    for r, rnd in enumerate(sheets.rounds, start=1):
        for t, table in enumerate(rnd, start=1):
            split = width * 0.40
            c.setFillColor(light(ACCENT, 0.9))
            c.rect(0, 0, split, height, stroke=0, fill=1)
            c.setFillColor(ACCENT)
            c.setFont(bold, 20)
            c.drawCentredString(split / 2, height - 30 * mm, sheets.t("Tafel"))
            number = str(t)
            big = fit_size(number, bold, 150, split - 16 * mm, 60)
            c.setFont(bold, big)
            c.drawCentredString(split / 2, height / 2 - big * 0.36, number)
            c.setFont(regular, 14)
            c.setFillColor(INK)
            c.drawCentredString(split / 2, 22 * mm,
                                sheets.t("Tafel {n} · ronde {r}", n=t, r=r))
            c.setFont(regular, 7.5)
            c.setFillColor(MUTED)
            c.drawCentredString(split / 2, 10 * mm, fit_text(one_line(sheets.title), regular,
                                                             7.5, split - 10 * mm))
            x = split + 10 * mm
            avail = width - x - margin
            line = min(13 * mm, (height - 2 * margin - 8 * mm) / max(len(table), 1))
            font_size = min(18.0, line / mm * 1.6)
            y = height - margin - 4 * mm - font_size * 0.8
            for pid in table:
                person = sheets.person(pid)
                _swatch(c, x, y - 0.5 * mm, font_size * 0.7, person.colour)
                c.setFillColor(INK)
                c.setFont(bold, font_size)
                c.drawString(x + font_size, y, fit_text(one_line(person.name), bold, font_size,
                                                        avail - font_size))
                if person.group and line > 9 * mm:
                    c.setFont(regular, font_size * 0.5)
                    c.setFillColor(MUTED)
                    c.drawString(x + font_size, y - font_size * 0.62,
                                 fit_text(one_line(person.group), regular, font_size * 0.5,
                                          avail - font_size))
                y -= line
            c.showPage()
    if not sheets.rounds:
        c.setFont(regular, 12)
        c.drawString(margin, height - 30 * mm, sheets.t("Er is nog geen tafelindeling."))
        c.showPage()
    c.save()
    return path


# -------------------------------------------------------------------- slips
def write_slips(sheets: SeatingSheets, path: str | Path) -> Path:
    """A4 with ten cut-out slips: each participant's table in every round."""
    path = Path(path)
    regular, bold = fonts()
    width, height = A4
    cols, rows = 2, 5
    slip_w, slip_h = width / cols, height / rows
    tables: dict[str, list[int]] = {}
    for r, rnd in enumerate(sheets.rounds):
        for t, table in enumerate(rnd, start=1):
            for pid in table:
                tables.setdefault(pid, [0] * len(sheets.rounds))[r] = t
    order = sorted(tables, key=lambda pid: sheets.person(pid).sort_key)
    c = _canvas(path, A4, sheets, sheets.t("Jouw tafels"))
    for start in range(0, len(order), cols * rows):
        c.setStrokeColor(RULE)
        c.setDash(3, 3)
        for i in range(1, cols):
            c.line(i * slip_w, 0, i * slip_w, height)
        for j in range(1, rows):
            c.line(0, j * slip_h, width, j * slip_h)
        c.setDash()
        for k, pid in enumerate(order[start:start + cols * rows]):
            x = (k % cols) * slip_w + 9 * mm
            top = height - (k // cols) * slip_h - 9 * mm
            _slip(c, sheets, pid, tables[pid], x, top, slip_w - 18 * mm, slip_h - 13 * mm)
        c.showPage()
    if not order:
        c.setFont(regular, 12)
        c.drawString(20 * mm, height - 30 * mm, sheets.t("Er is nog geen tafelindeling."))
        c.showPage()
    c.save()
    return path


def _slip(c: Canvas, sheets: SeatingSheets, pid: str, numbers: list[int], x: float,
          top: float, w: float, h: float) -> None:
    regular, bold = fonts()
    person = sheets.person(pid)
    _swatch(c, x, top - 4.6 * mm, 4 * mm, person.colour)
    name_size = fit_size(one_line(person.name), bold, 13, w - 6 * mm, 8)
    c.setFont(bold, name_size)
    c.setFillColor(INK)
    c.drawString(x + 6 * mm, top - 4.2 * mm, fit_text(one_line(person.name), bold, name_size,
                                                      w - 6 * mm))
    c.setFont(regular, 7.5)
    c.setFillColor(MUTED)
    detail = " · ".join(p for p in (person.group, person.organisation) if p)
    c.drawString(x + 6 * mm, top - 8.6 * mm, fit_text(one_line(detail), regular, 7.5,
                                                      w - 6 * mm))
    c.setFont(bold, 8.5)
    c.setFillColor(ACCENT)
    c.drawString(x, top - 15 * mm, sheets.t("Jouw tafels"))
    per_col = max(1, len(numbers) if len(numbers) <= 5 else -(-len(numbers) // 2))
    col_w = w if len(numbers) <= 5 else w / 2
    step = min(5.2 * mm, (h - 24.5 * mm) / per_col)
    size = min(9.5, step / mm * 2.5)
    for r, table in enumerate(numbers):
        cx = x + (r // per_col) * col_w
        y = top - 20.5 * mm - (r % per_col) * step
        c.setFont(regular, size)
        c.setFillColor(INK)
        c.drawString(cx, y, sheets.t("Ronde {n}", n=r + 1))
        c.setFont(bold, size)
        text = sheets.t("Tafel {n}", n=table) if table else "—"
        c.drawString(cx + 20 * mm, y, text)
    c.setFont(regular, 6.5)
    c.setFillColor(MUTED)
    c.drawString(x, top - 20.5 * mm - per_col * step - 1 * mm,
                 fit_text(one_line(sheets.title), regular, 6.5, w))


def write_all(sheets: SeatingSheets, folder: str | Path) -> list[Path]:
    """All three documents into ``folder``; returns their paths."""
    folder = Path(folder)
    return [write_table_lists(sheets, folder / (sheets.t("tafellijsten") + ".pdf")),
            write_table_cards(sheets, folder / (sheets.t("tafelkaarten") + ".pdf")),
            write_slips(sheets, folder / (sheets.t("jouw-tafels") + ".pdf"))]
