"""Name badges, 8 per A4 with cut marks, and the card layout that table cards reuse.

A badge shows the name large, the organisation, a band in the stakeholder group's
colour, and a QR code holding only the participant's random check-in code (never
personal data). :func:`draw_card` draws one card anywhere on a canvas;
:func:`write_cards` lays cards out in a grid with cut marks, so the seating export can
print table cards (``Card(title="Tafel 3", lines=[names...])``, ``tent=True``) with the
same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.storage import Workbook
from exports.harvest import load
from exports.pdf_kit import (
    INK,
    MUTED,
    DocInfo,
    fit_size,
    fit_text,
    fonts,
    hex_colour,
    one_line,
    qr_reader,
    text_on,
)
from exports.report import doc_info

Target = str | Path | IO[bytes]
BADGE_SIZE = (90 * mm, 65 * mm)


@dataclass
class Card:
    """What one card shows; every field is optional except the title."""

    title: str
    subtitle: str = ""
    detail: str = ""
    colour: str = "#1F4E79"
    band: str = ""
    qr: str = ""
    qr_caption: str = ""
    lines: Sequence[str] = field(default_factory=tuple)
    footer: str = ""


def draw_card(c: Canvas, x: float, y: float, w: float, h: float, card: Card,
              rotate: bool = False, border: bool = True) -> None:
    """Draw ``card`` with its lower-left corner at (x, y); ``rotate`` turns it 180°."""
    regular, bold = fonts()
    c.saveState()
    if rotate:
        c.translate(x + w, y + h)
        c.rotate(180)
    else:
        c.translate(x, y)
    pad = 5 * mm
    band_h = min(11 * mm, h * 0.18)
    colour = hex_colour(card.colour)
    c.setFillColor(colour)
    c.rect(0, h - band_h, w, band_h, stroke=0, fill=1)
    if card.band:
        c.setFillColor(text_on(colour))
        c.setFont(bold, 9)
        c.drawString(pad, h - band_h / 2 - 3.2, fit_text(one_line(card.band), bold, 9,
                                                         w - 2 * pad))
    qr_size = min(24 * mm, h * 0.38) if card.qr else 0
    text_w = w - 2 * pad - (qr_size + 2 * mm if card.qr else 0)
    top = h - band_h - 5 * mm
    title = one_line(card.title, 80)
    size = fit_size(title, bold, 26, w - 2 * pad, smallest=11)
    c.setFillColor(INK)
    c.setFont(bold, size)
    c.drawString(pad, top - size * 0.8, fit_text(title, bold, size, w - 2 * pad))
    top -= size * 0.8 + 5 * mm
    if card.subtitle:
        sub = one_line(card.subtitle, 80)
        sub_size = fit_size(sub, regular, 14, w - 2 * pad, smallest=8)
        c.setFont(regular, sub_size)
        c.drawString(pad, top - sub_size * 0.8, fit_text(sub, regular, sub_size, w - 2 * pad))
        top -= sub_size * 0.8 + 4 * mm
    c.setFillColor(MUTED)
    if card.detail:
        c.setFont(regular, 9)
        for line in _wrap(one_line(card.detail, 200), regular, 9, text_w)[:2]:
            c.drawString(pad, top - 8, line)
            top -= 11
    c.setFillColor(INK)
    for line in card.lines:
        if top < pad + 10:
            break
        c.setFont(regular, 10)
        c.drawString(pad, top - 10, fit_text(one_line(line, 120), regular, 10, text_w))
        top -= 13
    if card.qr:
        c.drawImage(qr_reader(card.qr), w - pad - qr_size + 2 * mm, pad - 1 * mm + 7,
                    qr_size, qr_size)
        if card.qr_caption:
            c.setFont(regular, 6.5)
            c.setFillColor(MUTED)
            c.drawCentredString(w - pad - qr_size / 2 + 2 * mm, pad - 1 * mm + 1,
                                one_line(card.qr_caption, 40))
    if card.footer:
        c.setFont(regular, 6.5)
        c.setFillColor(MUTED)
        c.drawString(pad, pad - 1 * mm + 1, fit_text(one_line(card.footer, 120), regular, 6.5,
                                                      text_w))
    if border:
        c.setStrokeColor(colors.HexColor("#D5DAE0"))
        c.setLineWidth(0.3)
        c.rect(0, 0, w, h, stroke=1, fill=0)
    c.restoreState()


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return simpleSplit(text, font, size, width)


def cut_marks(c: Canvas, xs: Sequence[float], ys: Sequence[float], length: float = 5 * mm,
              gap: float = 2 * mm) -> None:
    """Short lines in the margins where the guillotine must cut."""
    c.saveState()
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.4)
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    for x in xs:
        c.line(x, top + gap, x, top + gap + length)
        c.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        c.line(left - gap, y, left - gap - length, y)
        c.line(right + gap, y, right + gap + length, y)
    c.restoreState()


def card_origin(columns: int, rows: int, cell: tuple[float, float]) -> tuple[float, float]:
    """Where the grid of cards starts on A4: (left, bottom) in points, centred."""
    page_w, page_h = A4
    return (page_w - columns * cell[0]) / 2, (page_h - rows * cell[1]) / 2


def card_boxes(columns: int = 2, rows: int = 4,
               cell: tuple[float, float] = BADGE_SIZE) -> list[tuple[float, float, float, float]]:
    """Each card's (left, top, right, bottom) on a page, in points from the top left.

    In page order: the k-th card of a page lies in the k-th box.
    """
    x0, y0 = card_origin(columns, rows, cell)
    return [(x0 + col * cell[0], y0 + row * cell[1], x0 + (col + 1) * cell[0],
             y0 + (row + 1) * cell[1]) for row in range(rows) for col in range(columns)]


def write_cards(target: Target, cards: Sequence[Card], info: DocInfo, columns: int = 2,
                rows: int = 4, size: tuple[float, float] = BADGE_SIZE,
                tent: bool = False) -> int:
    """Cards in a grid on A4 pages with cut marks; returns the page count.

    ``tent``: each card is drawn twice, the upper copy upside down, for a folded table
    card (then ``size`` is one face and a cell is twice as high).
    """
    cell_w, face_h = size
    cell_h = face_h * (2 if tent else 1)
    page_h = A4[1]
    x0, y0 = card_origin(columns, rows, (cell_w, cell_h))
    boxes = card_boxes(columns, rows, (cell_w, cell_h))
    c = Canvas(target if not isinstance(target, Path) else str(target), pagesize=A4)
    c.setTitle(one_line(info.title))
    c.setAuthor(one_line(info.author))
    c.setSubject(one_line(info.subject or info.kind))
    c.setCreator("Oogst")
    per_page = columns * rows
    pages = 0
    for start in range(0, max(len(cards), 1), per_page):
        pages += 1
        for (x, _top, _right, bottom), card in zip(boxes, cards[start:start + per_page]):
            y = page_h - bottom  # the canvas counts from the bottom
            draw_card(c, x, y, cell_w, face_h, card)
            if tent:
                draw_card(c, x, y + face_h, cell_w, face_h, card, rotate=True)
        ys = [y0 + r * cell_h for r in range(rows + 1)]
        if tent:
            ys += [y0 + r * cell_h + face_h for r in range(rows)]
        cut_marks(c, [x0 + i * cell_w for i in range(columns + 1)], sorted(ys))
        c.showPage()
    c.save()
    return pages


def write_badges(book: Workbook, path: Target, include_personal: bool = False) -> int:
    """Badges for everyone in the workbook (by group, then name); returns the page count."""
    h = load(book, include_personal)
    order = {g.id: i for i, g in enumerate(h.groups)}
    people = sorted(h.participants, key=lambda p: (p.role != "participant",
                                                   order.get(p.group_id, 99),
                                                   p.last_name.lower(), p.first_name.lower()))
    cards = []
    for p in people:
        group = h.group(p.group_id)
        band = group.name if group else (h.t("Begeleiding") if p.role == "facilitator" else "")
        cards.append(Card(title=p.first_name or p.last_name or "—",
                          subtitle=p.last_name if p.first_name else "",
                          detail=p.organisation, colour=group.colour if group else "#1F4E79",
                          band=band, qr=p.checkin_code, qr_caption=p.checkin_code,
                          footer=h.event.title))
    return write_cards(path, cards, doc_info(h, h.t("Naambadges")))
