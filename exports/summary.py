"""The one-page summary for participants and the neighbourhood (A4, always one page).

The question, the participation level and frame, the five most important outcomes, the
action plans with owners, what happens next and when, a contact, and two QR codes: the
event's public page and the follow-up meeting as a calendar event (no server needed).
The layout shrinks and trims step by step until everything fits on one page.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.storage import Workbook
from exports.harvest import Harvest, load, parse_when
from exports.pdf_kit import (
    ACCENT,
    RULE,
    OogstDoc,
    Styles,
    bullet,
    markup,
    para,
    qr_flowable,
    shrink_to,
    styles,
    table,
)
from exports.qr_calendar import vevent_text
from exports.report import colour_stripes, doc_info

Target = str | Path | IO[bytes]


@dataclass(frozen=True)
class Fit:
    scale: float
    text: int  # characters of long texts (question, frame)
    item: int  # characters of one outcome or plan title
    plans: int
    qr: float


LEVELS = (
    Fit(1.0, 700, 220, 12, 34 * mm), Fit(0.92, 600, 180, 12, 32 * mm),
    Fit(0.85, 450, 150, 10, 30 * mm), Fit(0.78, 350, 120, 8, 28 * mm),
    Fit(0.72, 250, 90, 6, 26 * mm),
)


def follow_up_calendar(h: Harvest, now: dt.datetime | None = None) -> str:
    """The follow-up meeting as iCalendar text (``""`` without a follow-up date)."""
    return vevent_text(f"{h.event.id}-follow-up@oogst", h.event.follow_up,
                       h.t("Terugkommoment: {title}", title=h.event.title),
                       location=h.event.venue, now=now)


def write_summary(book: Workbook, path: Target, include_personal: bool = False,
                  now: dt.datetime | None = None) -> int:
    """Write the one-page summary to ``path``; returns the page count (1)."""
    h = load(book, include_personal)
    now = now or dt.datetime.now(dt.UTC)
    for fit in LEVELS:
        buf = io.BytesIO()
        if _render(h, buf, fit, now, squeeze=False) == 1:
            break
    else:
        buf = io.BytesIO()
        _render(h, buf, LEVELS[-1], now, squeeze=True)
    data = buf.getvalue()
    if isinstance(path, (str, Path)):
        Path(path).write_bytes(data)
    else:
        path.write(data)
    return 1


def _render(h: Harvest, target: IO[bytes], fit: Fit, now: dt.datetime, squeeze: bool) -> int:
    info = doc_info(h, h.t("Samenvatting"))
    doc = OogstDoc(target, info, margins=(17 * mm, 16 * mm, 16 * mm, 16 * mm))
    s = styles(fit.scale)
    w = doc.width
    story = _content(h, s, w, fit) + [Spacer(1, 3 * mm), _qr_row(h, s, w, fit, now)]
    if squeeze:  # the last resort: scale the whole page down into the frame
        story = [shrink_to(w, doc.height, story)]
    return doc.render(story)


def _content(h: Harvest, s: Styles, w: float, fit: Fit) -> list[Flowable]:
    e = h.event
    small_h2 = s.h2.clone(f"sh2-{fit.scale}", spaceBefore=7 * fit.scale, spaceAfter=2.5 * fit.scale)
    out: list[Flowable] = [colour_stripes(h, w, 3 * mm), Spacer(1, 3 * mm),
                           para(e.title or h.t("Bijeenkomst"), s.title.clone(
                               f"st-{fit.scale}", fontSize=21 * fit.scale,
                               leading=25 * fit.scale, spaceAfter=2), 160)]
    where = " · ".join(x for x in (h.dates(), e.venue.strip()) if x)
    if where:
        out.append(para(where, s.muted))
    if e.question.strip():
        out += [para(h.t("De vraag"), small_h2), para(e.question, s.subtitle.clone(
            f"q-{fit.scale}", fontSize=11 * fit.scale, leading=15 * fit.scale), fit.text)]
    if e.participation_level.strip() or e.frame.strip():
        out.append(para(h.t("Wat u kon beïnvloeden"), small_h2))
        if e.participation_level.strip():
            out.append(Paragraph(f"<b>{markup(h.t('Participatieniveau'))}:</b> "
                                 f"{markup(e.participation_level, 80)}", s.body))
        if e.frame.strip():
            out.append(para(e.frame, s.body, fit.text))
    outcomes = h.outcomes(5)
    out.append(para(h.t("De vijf belangrijkste uitkomsten"), small_h2))
    if outcomes:
        out += [bullet(o, s.bullet, fit.item, mark=f"{i}.") for i, o in enumerate(outcomes, 1)]
    else:
        out.append(para(h.t("De uitkomsten worden nog uitgewerkt."), s.body))
    out += _plans(h, s, w, fit, small_h2)
    out += _next(h, s, small_h2)
    if e.contact.strip():
        out += [para(h.t("Contact"), small_h2), para(e.contact, s.body, 300)]
    return out


def _plans(h: Harvest, s: Styles, w: float, fit: Fit, head: Any) -> list[Flowable]:
    if not h.plans:
        return []
    rows: list[list[Any]] = [[para(h.t(x), s.cell_bold)
                              for x in ("Actieplan", "Trekker", "Deadline")]]
    for p in h.plans[: fit.plans]:
        rows.append([para(p.title, s.cell, fit.item), para(h.name(p.owner_id), s.cell, 60),
                     para(h.when(p.deadline, with_time=False), s.cell, 40)])
    out: list[Flowable] = [para(h.t("Actieplannen en trekkers"), head),
                           table(rows, [w - 95 * mm, 60 * mm, 35 * mm])]
    if len(h.plans) > fit.plans:
        out.append(para(h.t("… en nog {n} actieplannen.", n=len(h.plans) - fit.plans), s.muted))
    return out


def _next(h: Harvest, s: Styles, head: Any) -> list[Flowable]:
    items = []
    deadlines = sorted(d for p in h.plans if (d := parse_when(p.deadline)) is not None
                       and not isinstance(d, dt.datetime))
    if h.plans:
        first = h.t(", de eerste deadline is {date}", date=h.when(deadlines[0].isoformat())) \
            if deadlines else ""
        items.append(h.t("De trekkers zetten met hun groep de eerste stappen{first}.",
                         first=first))
    if h.event.follow_up.strip():
        items.append(h.t("Terugkommoment: {when}. Dan kijken we samen wat er is gebeurd en wat "
                         "(nog) niet lukte, en waarom.", when=h.when(h.event.follow_up)))
    if h.event.public_url.strip():
        items.append(h.t("Het verslag en het laatste nieuws staan op de projectpagina."))
    if not items:
        return []
    return [para(h.t("Hoe verder"), head)] + [bullet(i, s.bullet, 300) for i in items]


def _qr_row(h: Harvest, s: Styles, w: float, fit: Fit, now: dt.datetime) -> Flowable:
    cells: list[list[Any]] = []
    url = h.event.public_url.strip()
    if url:
        cells.append([qr_flowable(url, fit.qr), [
            para(h.t("Projectpagina"), s.h3), para(h.t("Scan voor het verslag en het nieuws."),
                                                   s.small), para(url, s.muted, 120)]])
    ics = follow_up_calendar(h, now)
    if ics:
        cells.append([qr_flowable(ics, fit.qr), [
            para(h.t("Zet het terugkommoment in uw agenda"), s.h3),
            para(h.when(h.event.follow_up), s.small), para(h.event.venue, s.muted, 120)]])
    if not cells:
        return Spacer(1, 1)
    flat: list[Any] = [x for c in cells for x in c]
    text_w = w / len(cells) - fit.qr - 2 * mm
    t = Table([flat], colWidths=[fit.qr + 2 * mm, text_w] * len(cells), hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 4),
                           ("LINEAFTER", (1, 0), (1, 0), 0.4, RULE if len(cells) > 1 else None)]))
    return t
