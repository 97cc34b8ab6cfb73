"""The event report for the council and partners (A4 PDF, the workbook's language).

Cover, contents with page numbers, who was there, the agenda as held, every board in
agenda order, and an appendix (all milestones and trends, what this report contains).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import TopPadder
from reportlab.platypus.tableofcontents import TableOfContents

from app import __version__
from app.storage import Workbook
from exports import report_boards as boards
from exports.harvest import Harvest, load
from exports.pdf_kit import (
    ACCENT,
    DocInfo,
    OogstDoc,
    Styles,
    heading,
    hex_colour,
    image_flowable,
    markup,
    para,
    styles,
    table,
)
from sessions.boards import GROUPINGS

Target = str | Path | IO[bytes]


def write_report(book: Workbook, path: Target, include_personal: bool = False) -> int:
    """Write the event report to ``path``; returns the number of pages."""
    return render_report(load(book, include_personal), path)


def doc_info(h: Harvest, kind: str) -> DocInfo:
    author = h.event.contact.split(",")[0].strip() or "Oogst"
    return DocInfo(title=h.event.title or h.t("Bijeenkomst"), kind=kind, lang=h.lang,
                   privacy_note=h.privacy.short(), author=author,
                   subject=h.event.question or kind)


def render_report(h: Harvest, target: Target) -> int:
    s = styles()
    info = doc_info(h, h.t("Verslag"))
    info.plain_first_page = True
    doc = OogstDoc(target, info)
    w = doc.width
    story: list[Flowable] = cover(h, s, w)
    story += [PageBreak(), heading(h.t("Inhoud"), s.h1), contents(s), PageBreak()]
    n = 0

    def chapter(title: str) -> Paragraph:
        nonlocal n
        n += 1
        return heading(f"{n}  {title}", s.h1, level=0)

    story += [chapter(h.t("Wie er waren")), *who(h, s, w)]
    story += [PageBreak(), chapter(h.t("Het programma")), *agenda(h, s, w)]
    for kind in boards.board_order(h):
        title, section = boards.SECTIONS[kind]
        story += [PageBreak(), chapter(h.t(title)), *section(h, s, w)]
    story += [PageBreak(), chapter(h.t("Bijlage")), *appendix(h, s, w)]
    return doc.render(story, passes=True)


def contents(s: Styles) -> TableOfContents:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [s.body.clone("toc0", leading=17, fontSize=10.5)]
    return toc


def colour_stripes(h: Harvest, width: float, height: float = 4 * mm) -> Drawing:
    d = Drawing(width, height)
    colours = [g.colour for g in h.groups] or ["#1F4E79"]
    seg = width / len(colours)
    for i, c in enumerate(colours):
        d.add(Rect(i * seg, 0, seg, height, fillColor=hex_colour(c), strokeColor=None))
    return d


def cover(h: Harvest, s: Styles, w: float) -> list[Flowable]:
    e = h.event
    out: list[Flowable] = []
    logo = image_flowable(h.logo, 45 * mm, 22 * mm) if h.logo else None
    if logo is not None:
        logo.hAlign = "RIGHT"
        out.append(logo)
    else:
        out.append(Spacer(1, 22 * mm))
    out += [Spacer(1, 30 * mm), colour_stripes(h, w), Spacer(1, 8 * mm),
            para(h.t("Verslag").upper(), s.h3.clone("kicker", textColor=ACCENT, fontSize=9.5)),
            para(e.title or h.t("Bijeenkomst"), s.title, 200)]
    if e.question.strip():
        q = Table([[para(e.question, s.subtitle, 900)]], colWidths=[w])
        q.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, 0), 2.5, ACCENT),
                               ("LEFTPADDING", (0, 0), (0, 0), 10)]))
        out += [Spacer(1, 4 * mm), q]
    facts = [(h.t("Datum"), h.dates()), (h.t("Plaats"), e.venue),
             (h.t("Deelnemers"), h.t("{n} mensen uit {g} belanghebbendengroepen",
                                     n=len(h.attendees()), g=len(h.groups))),
             (h.t("Participatieniveau"), e.participation_level)]
    rows = [[para(k, s.cell_bold), para(v, s.body, 300)] for k, v in facts if v.strip()]
    if rows:
        t = Table(rows, colWidths=[40 * mm, w - 40 * mm], hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        out += [Spacer(1, 10 * mm), t]
    made = h.t("Gemaakt met Oogst {version} op {date}.", version=__version__,
               date=h.when(dt.date.today().isoformat()))
    notes = Table([[para(h.privacy.statement(), s.muted)], [para(made, s.muted)]],
                  colWidths=[w])
    notes.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.5, ACCENT)]))
    out.append(TopPadder(notes))
    return out


def who(h: Harvest, s: Styles, w: float) -> list[Flowable]:
    people = h.attendees()
    facilitators = [p for p in h.participants if p.role != "participant"]
    out: list[Flowable] = [para(h.t(
        "{n} deelnemers uit {g} belanghebbendengroepen, en {f} begeleiders en anderen.",
        n=len(people), g=len(h.groups), f=len(facilitators)), s.body)]
    if not h.participants:
        return out
    present = [h.present_ids(d.id) for d in h.days]
    head = ["", h.t("Groep"), h.t("Aangemeld")] + [
        h.t("Dag {n}", n=i + 1) for i in range(len(h.days))]
    rows: list[list[Any]] = [[para(x, s.cell_bold) for x in head]]
    groups = h.groups + [None]
    known = {g.id for g in h.groups}
    extra: list[tuple[Any, ...]] = []
    for g in groups:
        members = [p for p in people if (p.group_id == g.id if g else p.group_id not in known)]
        if g is None and not members:
            continue
        ids = {p.id for p in members}
        rows.append(["", para(g.name if g else h.t("Zonder groep"), s.cell, 80),
                     para(str(len(members)), s.cell)]
                    + [para(str(len(ids & day)), s.cell) for day in present])
        if g is not None:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1),
                          hex_colour(g.colour)))
    ids = {p.id for p in people}
    rows.append(["", para(h.t("Totaal"), s.cell_bold), para(str(len(people)), s.cell_bold)]
                + [para(str(len(ids & day)), s.cell_bold) for day in present])
    day_w = 18 * mm
    widths = [3 * mm, w - 3 * mm - 22 * mm - day_w * len(h.days), 22 * mm] + [day_w] * len(h.days)
    extra.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.8, ACCENT))
    out += [Spacer(1, 2 * mm), table(rows, widths, zebra=False, extra=extra)]
    out += [para(h.t("Namen"), s.h2)]
    named = h.named_people()
    if not h.privacy.include_personal:
        hidden = len(h.participants) - len(named)
        out.append(para(h.t("Alleen mensen die toestemming gaven worden genoemd; {n} mensen "
                            "blijven ongenoemd.", n=hidden), s.muted))
    for g in groups:
        names = [p for p in named if (p.group_id == g.id if g else p.group_id not in known)]
        if not names:
            continue
        label = markup(g.name if g else h.t("Begeleiding en overige"))
        listed = ", ".join(markup(_with_org(p.name, p.organisation), 160) for p in names)
        out.append(Paragraph(f"<b>{label}</b>: {listed}", s.body))
    return out


def _with_org(name: str, org: str) -> str:
    return f"{name} ({org})" if org.strip() else name


def agenda(h: Harvest, s: Styles, w: float) -> list[Flowable]:
    if not h.days:
        return [para(h.t("Er is geen programma vastgelegd."), s.muted)]
    out: list[Flowable] = []
    for i, day in enumerate(h.days, start=1):
        title = day.title or h.t("Dag {n}", n=i)
        if day.date:
            title += f" · {h.when(day.date)}"
        out.append(para(title, s.h2))
        rows: list[list[Any]] = [[para(h.t(x), s.cell_bold)
                                  for x in ("Tijd", "Onderdeel", "Werkvorm")]]
        for b in h.blocks_of(day.id):
            text = f"<b>{markup(b.title, 200)}</b>"
            if b.prompt.strip():
                text += f'<br/><font color="#5F6B76">{markup(b.prompt, 500)}</font>'
            rows.append([para(_span(b.start, b.minutes), s.cell), Paragraph(text, s.cell),
                         para(h.t(GROUPINGS.get(b.grouping, b.grouping or "—")), s.cell, 60)])
        out.append(table(rows, [24 * mm, w - 24 * mm - 48 * mm, 48 * mm]))
    return out


def _span(start: str, minutes: int) -> str:
    try:
        hh, mm_ = (int(x) for x in start.split(":"))
    except ValueError:
        return start
    end = hh * 60 + mm_ + max(0, minutes)
    return f"{start}–{end // 60 % 24:02d}:{end % 60:02d}"


def appendix(h: Harvest, s: Styles, w: float) -> list[Flowable]:
    out: list[Flowable] = [para(h.t("Over dit verslag"), s.h2), para(h.privacy.statement(), s.body)]
    counts = [(h.t("Mijlpalen op de tijdlijn"), len(h.timeline)),
              (h.t("Trends"), len(h.trends)), (h.t("Stippen"), len(h.dots)),
              (h.t("Uitspraken van groepen"), len(h.statements)),
              (h.t("Toekomstbeelden"), len(h.scenarios)),
              (h.t("Gemeenschappelijke grond"), len(h.ground)),
              (h.t("Actieplannen"), len(h.plans)), (h.t("Toezeggingen"), len(h.commitments))]
    rows = [[para(k, s.cell), para(str(v), s.cell)] for k, v in counts]
    head = [para(h.t("Wat vastgelegd is"), s.cell_bold), para(h.t("Aantal"), s.cell_bold)]
    out.append(table([head] + rows, [70 * mm, 25 * mm]))
    if h.timeline:
        out += [para(h.t("Alle mijlpalen"), s.h2), *boards.timeline_list(h, s, w)]
    ranked = h.ranked_trends()
    if len(ranked) > 15:
        out.append(para(h.t("Alle trends"), s.h2))
        rows = [[para("#", s.cell_bold), para(h.t("Trend"), s.cell_bold),
                 para(h.t("Stippen"), s.cell_bold)]]
        rows += [[para(str(i), s.cell), para(r.trend.text, s.cell, boards.CELL),
                  para(str(r.total), s.cell)] for i, r in enumerate(ranked, start=1)]
        out.append(table(rows, [10 * mm, w - 30 * mm, 20 * mm]))
    out.append(Spacer(1, 6 * mm))
    out.append(para(h.t("Kleuren van de belanghebbendengroepen"), s.h3))
    out.append(boards.legend(h, s, w))
    return out



