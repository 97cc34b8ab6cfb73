"""Personal commitment slips: four per A4 (cut along the marks), one per participant.

Each slip holds that person's own commitments, the action plan each belongs to with its
owner's name (as the privacy rule allows), and a QR code with exactly the slip's text,
so people can keep it on their phone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import IO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.board_records import Commitment
from app.domain import Participant
from app.storage import Workbook
from exports.harvest import Harvest, load
from exports.pdf_kit import (
    ColourBand,
    clean,
    markup,
    one_line,
    para,
    qr_flowable,
    shrink_to,
    styles,
)
from exports.report import doc_info

Target = str | Path | IO[bytes]
PER_PAGE = 4
MARGIN = 12 * mm
QR_SIZE = 30 * mm
TEXT_LIMIT = 280


def slip_text(h: Harvest, person: Participant, items: list[Commitment]) -> str:
    """The slip as plain text: what is printed, and exactly what the QR code holds."""
    lines = [h.t("Mijn toezegging — {title}", title=one_line(h.event.title, 120)),
             h.t("Naam: {name}", name=one_line(h.name(person.id, own_copy=True), 80))]
    for c in items:
        plan = h.plan(c.plan_id)
        if plan is not None:
            owner = h.name(plan.owner_id)
            head = h.t("Actieplan: {plan}", plan=one_line(plan.title, 120))
            lines.append(head + (" " + h.t("(trekker: {owner})", owner=one_line(owner, 80))
                                 if owner else ""))
        lines.append(clean(c.text, TEXT_LIMIT))
        if c.due.strip():
            lines.append(h.t("Wanneer: {when}", when=one_line(h.when(c.due), 60)))
    return "\n".join(line for line in lines if line)


def write_commitments(book: Workbook, path: Target, include_personal: bool = False) -> int:
    """Write the slips to ``path``; returns the page count."""
    h = load(book, include_personal)
    s = styles()
    by_person: dict[str, list[Commitment]] = defaultdict(list)
    for c in h.commitments:
        if h.person(c.participant_id) is not None:
            by_person[c.participant_id].append(c)
    order = {g.id: i for i, g in enumerate(h.groups)}
    people = sorted((h.person(pid) for pid in by_person), key=lambda p: (
        order.get(p.group_id, 99), p.last_name.lower(), p.first_name.lower()))  # type: ignore
    info = doc_info(h, h.t("Toezeggingen"))
    target = str(path) if isinstance(path, Path) else path
    doc = BaseDocTemplate(target, pagesize=A4, title=one_line(info.title),
                          author=one_line(info.author), subject=one_line(info.kind),
                          creator="Oogst", lang=h.lang)
    page_w, page_h = A4
    slip_h = (page_h - 2 * MARGIN) / PER_PAGE
    frames = [Frame(MARGIN, page_h - MARGIN - (i + 1) * slip_h, page_w - 2 * MARGIN, slip_h,
                    leftPadding=8 * mm, rightPadding=8 * mm, topPadding=5 * mm,
                    bottomPadding=4 * mm, id=f"slip{i}") for i in range(PER_PAGE)]
    doc.addPageTemplates([PageTemplate(id="slips", frames=frames, onPage=_marks)])
    inner_w = page_w - 2 * MARGIN - 16 * mm
    inner_h = slip_h - 9 * mm
    story: list[Flowable] = []
    for i, person in enumerate(people):
        if i:
            story.append(FrameBreak())
        assert person is not None
        story.append(shrink_to(inner_w, inner_h - 2,
                               _slip(h, person, by_person[person.id], inner_w)))
    if not story:
        story.append(para(h.t("Er zijn (nog) geen toezeggingen."), s.body))
    doc.build(story)
    return doc.page


def _slip(h: Harvest, person: Participant, items: list[Commitment],
          width: float) -> list[Flowable]:
    st = styles()
    group = h.group(person.group_id)
    colour = group.colour if group else "#1F4E79"
    text = slip_text(h, person, items)
    lines: list[Flowable] = [para(h.name(person.id, own_copy=True), st.h1.clone(
        "slipname", spaceBefore=0, spaceAfter=3), 80)]
    for c in items:
        plan = h.plan(c.plan_id)
        if plan is not None:
            owner = h.name(plan.owner_id)
            who = markup(h.t("(trekker: {owner})", owner=owner), 120)
            extra = f' <font color="#5F6B76">{who}</font>' if owner else ""
            lines.append(Paragraph(f"<b>{markup(h.t('Actieplan: {plan}', plan=plan.title), 160)}"
                                   f"</b>{extra}", st.body))
        lines.append(para(c.text, st.subtitle.clone("sliptext", fontSize=11, leading=14.5,
                                                     spaceAfter=2), TEXT_LIMIT))
        if c.due.strip():
            lines.append(para(h.t("Wanneer: {when}", when=h.when(c.due)), st.muted))
        lines.append(Spacer(1, 2 * mm))
    if h.event.follow_up.strip():
        lines.append(para(h.t("Terugkommoment: {when}", when=h.when(h.event.follow_up)),
                          st.small))
    body = Table([[lines, qr_flowable(text, QR_SIZE)]],
                 colWidths=[width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    band = ColourBand(colour, 6 * mm, h.t("Mijn toezegging — {title}", title=h.event.title))
    return [band, Spacer(1, 3 * mm), body]


def _marks(c: Canvas, doc: BaseDocTemplate) -> None:
    """Cut lines between the slips (dashed) on every page."""
    page_w, page_h = A4
    slip_h = (page_h - 2 * MARGIN) / PER_PAGE
    c.saveState()
    c.setDash(3, 3)
    c.setLineWidth(0.4)
    c.setStrokeGray(0.55)
    for i in range(1, PER_PAGE):
        y = page_h - MARGIN - i * slip_h
        c.line(4 * mm, y, page_w - 4 * mm, y)
    c.restoreState()
