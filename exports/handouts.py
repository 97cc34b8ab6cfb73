"""Action-plan handouts: one A4 page per plan for the action group to take home.

Goal, owner, members, the common ground it serves, first steps with who and when,
deadline, needs, follow-up date, the group's commitments, and a QR code: the plan's
follow-up meeting as a calendar event (or the public page when there is no date).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.board_records import ActionPlan
from app.storage import Workbook
from exports.harvest import Harvest, load
from exports.pdf_kit import (
    ACCENT,
    ColourBand,
    OogstDoc,
    Styles,
    markup,
    para,
    qr_flowable,
    shrink_to,
    styles,
)
from exports.qr_calendar import vevent_text
from exports.report import doc_info
from exports.report_boards import plan_facts, plan_steps

Target = str | Path | IO[bytes]
QR_SIZE = 34 * mm


def plan_qr(h: Harvest, plan: ActionPlan, now: dt.datetime | None = None) -> tuple[str, str]:
    """(QR text, caption) for a plan: its follow-up as a calendar event, else the public page."""
    when = plan.follow_up or h.event.follow_up
    text = vevent_text(f"{plan.id}-follow-up@oogst", when,
                       h.t("Terugkoppeling actieplan: {title}", title=plan.title),
                       location=h.event.venue, now=now)
    if text:
        return text, h.t("Scan en zet de terugkoppeling ({when}) in uw agenda.",
                         when=h.when(when))
    if h.event.public_url.strip():
        return h.event.public_url.strip(), h.t("Scan voor de projectpagina.")
    return "", ""


def write_handouts(book: Workbook, path: Target, include_personal: bool = False,
                   now: dt.datetime | None = None) -> int:
    """Write one page per action plan to ``path``; returns the page count."""
    h = load(book, include_personal)
    s = styles(1.08)
    doc = OogstDoc(path, doc_info(h, h.t("Actieplannen")))
    w, height = doc.width, doc.height
    story: list[Flowable] = []
    if not h.plans:
        story.append(para(h.t("Er zijn (nog) geen actieplannen."), s.body))
    for i, plan in enumerate(h.plans, start=1):
        if i > 1:
            story.append(PageBreak())
        content = _page(h, s, w, plan, i, now)
        story.append(shrink_to(w, height - 2, content))
    return doc.render(story)


def _page(h: Harvest, s: Styles, w: float, plan: ActionPlan, i: int,
          now: dt.datetime | None) -> list[Flowable]:
    out: list[Flowable] = [
        ColourBand(ACCENT, 6 * mm, h.t("Actieplan {i} van {n}", i=i, n=len(h.plans))),
        Spacer(1, 4 * mm), para(plan.title or h.t("Actieplan"), s.title.clone(
            "ht", fontSize=21, leading=25), 200)]
    if plan.goal.strip():
        goal = Table([[para(plan.goal, s.subtitle, 800)]], colWidths=[w])
        goal.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, 0), 2.5, ACCENT),
                                  ("LEFTPADDING", (0, 0), (0, 0), 10)]))
        out += [goal, Spacer(1, 4 * mm)]
    out.append(plan_facts(h, s, plan.id, w, goal=False))
    steps = plan_steps(h, s, plan.id, w)
    if steps is not None:
        out += [Spacer(1, 5 * mm), steps]
    promises = h.commitments_of(plan.id)
    if promises:
        out.append(para(h.t("Toezeggingen"), s.h2))
        for c in promises[:14]:
            due = f' <font color="#5F6B76">({markup(h.when(c.due), 60)})</font>' \
                if c.due.strip() else ""
            out.append(Paragraph(f"<b>{markup(h.name(c.participant_id), 80)}</b>: "
                                 f"{markup(c.text, 300)}{due}", s.bullet, bulletText="•"))
        if len(promises) > 14:
            out.append(para(h.t("… en nog {n} meer.", n=len(promises) - 14), s.muted))
    qr, caption = plan_qr(h, plan, now)
    if qr:
        out += [Spacer(1, 6 * mm), _qr_block(h, s, w, qr, caption)]
    return out


def _qr_block(h: Harvest, s: Styles, w: float, qr: str, caption: str) -> Table:
    text: list[Any] = [para(h.t("Terugkoppeling"), s.h3), para(caption, s.small, 300)]
    if h.event.contact.strip():
        text.append(para(h.t("Contact: {contact}", contact=h.event.contact), s.muted, 200))
    t = Table([[qr_flowable(qr, QR_SIZE), text]], colWidths=[QR_SIZE + 4 * mm,
                                                          w - QR_SIZE - 4 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 5)]))
    return t
