"""PDFs of the logbook: partner-table agenda, per-partner list, neighbourhood feedback sheet.

Two steps, so the GUI thread never waits: ``gather_*`` reads the workbook and
returns plain, frozen data (quick; call it where the workbook lives), and
``write_*`` renders that data with reportlab (slow; run it in a worker). Personal
data appears only in the per-partner list, and only for residents who consented
to share it with that partner (``app.logbook.shares_contact_with``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain import Event
from app.i18n import tr
from app.logbook import (
    ThemeIndex,
    WeekCounts,
    shares_contact_with,
    status_label,
    week_counts,
)
from app.logbook_records import Concern, Partner, Referral, StatusChange
from app.storage import concern_queries as q
from app.storage.errors import WorkbookError
from app.storage.workbook import Workbook

Progress = Callable[[int], None]
PALETTE = ("#2E6B4F", "#C8553D", "#3A6EA5", "#E0A100", "#7D5BA6", "#5B8C5A", "#B0413E",
           "#8A8D91", "#4BA3A3", "#A8744F")


@dataclass(frozen=True)
class ReferralLine:
    theme: str
    street: str
    text: str
    action: str
    owner: str
    due: str
    status: str
    contact: str = ""  # only filled for consented sharing with this partner


@dataclass(frozen=True)
class PartnerTableData:
    title: str
    since: str
    until: str
    weeks: WeekCounts
    open_by_partner: dict[str, list[ReferralLine]]
    new_by_theme: list[tuple[str, int]]
    changes: list[str]


@dataclass(frozen=True)
class PartnerListData:
    title: str
    partner: str
    lines: list[ReferralLine]


@dataclass(frozen=True)
class FeedbackData:
    title: str
    period: str
    heard: list[tuple[str, int]]
    did: list[tuple[str, str]]  # (theme, what we did)
    not_possible: list[tuple[str, str]]  # (what was asked, why not)
    url: str


def _event(book: Workbook) -> Event | None:
    try:
        return book.event()
    except WorkbookError:
        return None


def _title(book: Workbook) -> str:
    event = _event(book)
    return (event.title if event else "") or tr("Logboek")


def _day_text(iso: str) -> str:
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return iso


# ------------------------------------------------------------------------ gathering
def gather_partner_table(book: Workbook, since: dt.date, until: dt.date | None = None,
                         weeks: int = 8) -> PartnerTableData:
    until = until or dt.date.today()
    counts = week_counts(book, min(since, until - dt.timedelta(weeks=weeks - 1)), until)
    themes = ThemeIndex.of(book)
    partners = {p.id: p.name for p in book.all(Partner)}
    by_partner: dict[str, list[ReferralLine]] = {}
    for r in q.open_referrals(book):
        by_partner.setdefault(partners.get(r.partner_id, "?"), []).append(ReferralLine(
            themes.label(r.theme_id), r.street, r.concern_text, r.action, r.owner, r.due,
            status_label(r.status)))
    new = q.concerns_where(book, q.ConcernFilter(date_from=since.isoformat(),
                                                 date_to=until.isoformat()))
    new_by_theme = Counter(themes.label(c.theme_id) or tr("Zonder thema") for c in new)
    changes = []
    for cid, status, reason, at in q.status_changes_since(book, since.isoformat()):
        concern = book.get(Concern, cid)
        if status in ("done", "not_possible", "in_progress") and concern is not None:
            what = " ".join(concern.text.split())
            what = what if len(what) <= 70 else what[:69] + "…"
            line = (f"{_day_text(at)}: {status_label(status)} — "
                    f"{themes.label(concern.theme_id) or tr('Zonder thema')}: {what}")
            changes.append(f"{line} ({reason})" if reason else line)
    return PartnerTableData(_title(book), since.isoformat(), until.isoformat(), counts,
                            dict(sorted(by_partner.items())), new_by_theme.most_common(),
                            changes)


def gather_partner_list(book: Workbook, partner_id: str) -> PartnerListData:
    partner = book.get(Partner, partner_id)
    if partner is None:
        raise ValueError(partner_id)
    themes = ThemeIndex.of(book)
    referrals = {r.concern_id: r for r in book.all(Referral, partner_id=partner_id)}
    lines = []
    for c in q.concerns_where(book, q.ConcernFilter(partner_id=partner_id)):
        r = referrals.get(c.id)
        contact = ""
        if shares_contact_with(c, partner_id):
            contact = ", ".join(v for v in (c.contact_name, c.contact_phone, c.contact_email)
                                if v)
        lines.append(ReferralLine(
            themes.path_label(c.theme_id, c.subtheme_id), " ".join(
                v for v in (c.street, c.house_numbers, c.near) if v), c.text,
            r.action if r else "", r.owner if r else "", r.due if r else "",
            status_label(c.status), contact))
    return PartnerListData(_title(book), partner.name, lines)


def gather_feedback(book: Workbook, date_from: dt.date, date_to: dt.date) -> FeedbackData:
    themes = ThemeIndex.of(book)
    concerns = q.concerns_where(book, q.ConcernFilter(date_from=date_from.isoformat(),
                                                      date_to=date_to.isoformat()))
    heard = Counter(themes.label(c.theme_id) or tr("Overig") for c in concerns)
    did = sorted({(themes.label(c.theme_id), c.feedback) for c in concerns if c.feedback})
    not_possible = []
    for c in (c for c in concerns if c.status == "not_possible"):
        reasons = [s.reason for s in book.all(StatusChange, concern_id=c.id)
                   if s.status == "not_possible" and s.reason]
        not_possible.append((c.text, reasons[-1] if reasons else ""))
    event = _event(book)
    return FeedbackData(_title(book), f"{_day_text(date_from.isoformat())} – "
                        f"{_day_text(date_to.isoformat())}", heard.most_common(), did,
                        sorted(set(not_possible)), event.public_url if event else "")


# ------------------------------------------------------------------------ rendering
# Built with the shared building blocks of ``exports.pdf_kit`` (embedded fonts, tables,
# QR codes, running header and footer), so these PDFs look like Oogst's other reports.
def _rows(headers: list[str], rows: list[list[str]]) -> list[list[object]]:
    from exports.pdf_kit import para, styles

    st = styles()
    return ([[para(h, st.cell_bold) for h in headers]]
            + [[para(v, st.cell, 600) for v in row] for row in rows])


def _fit_widths(headers: list[str], rows: list[list[str]], total: float,
                flexible: dict[int, float], cap: float = 60 * 2.835) -> list[float]:
    """Column widths in points: no column breaks inside a word; the rest of the width is
    shared by the ``flexible`` columns ({column: share})."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.pdf_kit import fonts, styles

    regular, bold = fonts()
    size, pad = styles().cell.fontSize, 9.0
    widths = []
    for col, head in enumerate(headers):
        longest = max((stringWidth(w, bold, size) for w in head.split()), default=0)
        for row in rows:
            words = str(row[col]).split()
            longest = max([longest] + [stringWidth(w, regular, size) for w in words])
        widths.append(min(cap, longest + pad))
    for col in flexible:
        widths[col] = 0
    rest = max(total * 0.3, total - sum(widths))
    for col, share in flexible.items():
        widths[col] = rest * share
    scale = min(1.0, total / sum(widths))
    return [w * scale for w in widths]


def week_chart(counts: WeekCounts, width: float, height: float) -> object:
    """Stacked bars per week, one colour per theme, with a legend (a reportlab Drawing)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    from exports.pdf_kit import fonts, one_line

    regular = fonts()[0]
    drawing = Drawing(width, height)
    legend_w, left, bottom = 130, 4, 26
    plot_w, plot_h = width - left - legend_w - 12, height - bottom - 12
    totals = [sum(col) for col in zip(*counts.counts)] or [0] * len(counts.weeks)
    top = max(totals + [1])
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.grey))
    slot = plot_w / max(1, len(counts.weeks))
    for w, week in enumerate(counts.weeks):
        y, x = bottom, left + w * slot + slot * 0.15
        for t, row in enumerate(counts.counts):
            h = plot_h * row[w] / top
            if h:
                drawing.add(Rect(x, y, slot * 0.7, h, strokeWidth=0,
                                 fillColor=colors.HexColor(PALETTE[t % len(PALETTE)])))
                y += h
        if totals[w]:
            drawing.add(String(x + slot * 0.35, y + 2, str(totals[w]), fontSize=7,
                               fontName=regular, textAnchor="middle"))
        drawing.add(String(x + slot * 0.35, bottom - 10, week.split("-W")[-1], fontSize=7,
                           fontName=regular, textAnchor="middle", fillColor=colors.grey))
    drawing.add(String(left + plot_w / 2, bottom - 21, tr("week"), fontSize=7,
                       fontName=regular, textAnchor="middle", fillColor=colors.grey))
    shown = [(t, label) for t, label in enumerate(counts.labels) if sum(counts.counts[t])]
    for n, (t, label) in enumerate(shown):
        y = height - 10 - n * 12
        drawing.add(Rect(width - legend_w, y, 8, 8, strokeWidth=0,
                         fillColor=colors.HexColor(PALETTE[t % len(PALETTE)])))
        drawing.add(String(width - legend_w + 12, y + 1, one_line(label, 28), fontSize=7.5,
                           fontName=regular))
    return drawing


def _render(path: str | Path, story: list[object], title: str, kind: str, privacy: str,
            landscape_pages: bool = False) -> Path:
    from app.i18n import language
    from exports.pdf_kit import DocInfo, OogstDoc

    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        OogstDoc(tmp, DocInfo(title=title, kind=kind, lang=language(), privacy_note=privacy),
                 landscape_pages=landscape_pages).render(story)  # type: ignore[arg-type]
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _action_text(line: ReferralLine) -> str:
    who = ", ".join(v for v in (line.owner, _day_text(line.due) if line.due else "") if v)
    return f"{line.action} ({who})" if who and line.action else line.action or who


def _noop(_: int) -> None:
    pass


def write_partner_table_pdf(path: str | Path, data: PartnerTableData,
                            progress: Progress = _noop) -> Path:
    """The partner-table agenda: counts per theme per week, news, open referrals. No names."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from exports.pdf_kit import bullet, para, styles, table

    st = styles()
    progress(5)
    story: list[object] = [
        para(tr("Partnertafel"), st.title),
        para(tr("Agenda · van {since} tot {until} (sinds de vorige partnertafel)",
                since=_day_text(data.since), until=_day_text(data.until)), st.subtitle),
        para(tr("1. Meldingen per thema per week"), st.h2),
        week_chart(data.weeks, 174 * mm, 60 * mm), Spacer(1, 3 * mm),
    ]
    weeks = data.weeks.weeks[-10:]
    rows = [[label, *[str(v) for v in row[-10:]], str(sum(row))]
            for label, row in zip(data.weeks.labels, data.weeks.counts) if sum(row)]
    if rows:
        story.append(table(_rows([tr("Thema"), *[w.split("-W")[-1] for w in weeks],
                                  tr("Totaal")], rows),
                           [44 * mm] + [11.5 * mm] * len(weeks) + [14 * mm]))
    progress(30)
    story.append(para(tr("2. Nieuw sinds de vorige partnertafel"), st.h2))
    if data.new_by_theme:
        story.append(table(_rows([tr("Thema"), tr("Aantal")],
                                 [[t, str(n)] for t, n in data.new_by_theme]),
                           [80 * mm, 20 * mm]))
    else:
        story.append(para(tr("Geen nieuwe meldingen."), st.muted))
    story.append(para(tr("3. Wat er veranderde"), st.h2))
    for line in data.changes[:40] or [tr("Geen statuswijzigingen.")]:
        story.append(bullet(line, st.bullet))
    if len(data.changes) > 40:
        story.append(para(tr("… en nog {n}.", n=len(data.changes) - 40), st.muted))
    progress(50)
    story.append(para(tr("4. Openstaande doorverwijzingen per partner"), st.h2))
    if not data.open_by_partner:
        story.append(para(tr("Geen openstaande doorverwijzingen."), st.muted))
    for i, (partner, lines) in enumerate(data.open_by_partner.items()):
        story.append(para(f"{partner} ({len(lines)})", st.h3))
        headers = [tr("Thema"), tr("Straat"), tr("Melding"), tr("Actie (wie, uiterlijk)"),
                   tr("Status")]
        rows = [[x.theme, x.street, x.text, _action_text(x), x.status] for x in lines]
        story.append(table(_rows(headers, rows),
                           _fit_widths(headers, rows, 174 * mm, {2: 0.6, 3: 0.4},
                                       cap=40 * mm)))
        progress(50 + 40 * (i + 1) // len(data.open_by_partner))
    story += [para(tr("5. Afspraken en rondvraag"), st.h2), Spacer(1, 30 * mm)]
    out = _render(path, story, data.title, tr("Agenda partnertafel"),
                  tr("Zonder persoonsgegevens van bewoners"))
    progress(100)
    return out


def write_partner_list_pdf(path: str | Path, data: PartnerListData,
                           progress: Progress = _noop) -> Path:
    """The list for one partner; contact details only where the resident consented."""
    from reportlab.lib.units import mm

    from exports.pdf_kit import para, styles, table

    st = styles()
    progress(10)
    with_contact = any(x.contact for x in data.lines)
    headers = [tr("Thema"), tr("Waar"), tr("Melding"), tr("Actie"), tr("Eigenaar"),
               tr("Uiterlijk"), tr("Status")]
    if with_contact:
        headers.append(tr("Contact (met toestemming)"))
    rows = [[x.theme, x.street, x.text, x.action, x.owner, _day_text(x.due) if x.due else "",
             x.status] + ([x.contact] if with_contact else []) for x in data.lines]
    widths = _fit_widths(headers, rows, 261 * mm, flexible={2: 0.65, 3: 0.35})
    story: list[object] = [
        para(tr("Meldingen voor {partner}", partner=data.partner), st.h1),
        para(tr("{n} doorverwezen meldingen. Contactgegevens staan er alleen bij als de bewoner "
                "toestemming gaf om ze met {partner} te delen.", n=len(rows),
                partner=data.partner), st.muted),
    ]
    if rows:
        story.append(table(_rows(headers, rows), widths))
    progress(60)
    privacy = (tr("Vertrouwelijk: bevat contactgegevens, alleen voor {partner}",
                  partner=data.partner) if with_contact
               else tr("Zonder persoonsgegevens van bewoners"))
    out = _render(path, story, data.title, tr("Lijst voor {partner}", partner=data.partner),
                  privacy, landscape_pages=True)
    progress(100)
    return out


def write_feedback_pdf(path: str | Path, data: FeedbackData, progress: Progress = _noop) -> Path:
    """"Jullie zeiden, wij deden": what we heard, what we did, what was not possible and why."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    from exports.pdf_kit import bullet, para, qr_flowable, styles, table

    st = styles()
    progress(10)
    story: list[object] = [
        para(tr("Jullie zeiden, wij deden"), st.title),
        para(tr("{title} · {period}", title=data.title, period=data.period), st.subtitle),
        para(tr("Wat we hoorden"), st.h2),
    ]
    if data.heard:
        story.append(table(_rows([tr("Thema"), tr("Keer genoemd")],
                                 [[t, str(n)] for t, n in data.heard]), [90 * mm, 30 * mm]))
    else:
        story.append(para(tr("In deze periode is niets genoteerd."), st.muted))
    story.append(para(tr("Wat we deden"), st.h2))
    for theme, text in data.did or [("", tr("Nog niets om te melden."))]:
        story.append(bullet(f"{theme}: {text}" if theme else text, st.bullet))
    story.append(para(tr("Wat niet kon, en waarom"), st.h2))
    if not data.not_possible:
        story.append(para(tr("Alles wat gevraagd werd, is opgepakt."), st.muted))
    for asked, why in data.not_possible:
        story.append(bullet(f"{asked} — {why or tr('reden volgt')}", st.bullet))
    progress(60)
    if data.url:
        note = para(tr("Meer lezen of reageren? Scan de code of ga naar {url}", url=data.url),
                    st.body)
        story += [para(tr("Verder praten"), st.h2),
                  Table([[qr_flowable(data.url, 32 * mm), note]],
                        colWidths=[38 * mm, 130 * mm], hAlign="LEFT",
                        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])]
    out = _render(path, story, data.title, tr("Terugkoppeling aan de buurt"),
                  tr("Zonder persoonsgegevens van bewoners"))
    progress(100)
    return out
