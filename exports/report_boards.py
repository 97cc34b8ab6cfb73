"""The boards as document sections: each function returns flowables for one board kind.

Shared by the event report (everything) and the day recap (``limit`` items per list).
Every section copes with an empty board.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.board_records import LANES
from exports.charts import dot_bar, dot_matrix, timeline_chart
from exports.harvest import Harvest
from exports.pdf_kit import (
    ColourBand,
    Styles,
    bullet,
    image_flowable,
    markup,
    para,
    table,
)

CELL = 700  # characters in one table cell: a cell never outgrows a page
STATE_COLOURS = {"agreed": "#2E7D32", "not_agreed": "#B23A3A", "unresolved": "#C98A0B",
                 "project": "#1F4E79"}


def lane_names(h: Harvest) -> dict[str, str]:
    return {"personal": h.t("Persoonlijk"), "world": h.t("Wereld"), "topic": h.t("Onderwerp")}


def state_names(h: Harvest) -> dict[str, str]:
    return {"agreed": h.t("Gedeeld"), "not_agreed": h.t("Niet gedeeld"),
            "unresolved": h.t("Nog open"), "project": h.t("Mogelijke projecten")}


def empty(h: Harvest, s: Styles) -> Paragraph:
    return para(h.t("Op dit bord is niets vastgelegd."), s.muted)


def more(h: Harvest, s: Styles, n: int) -> list[Flowable]:
    return [para(h.t("… en nog {n} meer (zie het verslag).", n=n), s.muted)] if n > 0 else []


def legend(h: Harvest, s: Styles, width: float) -> Table:
    cells = [Paragraph(f'<font color="{g.colour if g.colour.startswith("#") else "#888888"}">'
                       f'■</font> {markup(g.name, 60)}', s.small) for g in h.groups]
    per_row = 4
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row]))
            for i in range(0, len(cells), per_row)] or [[""]]
    t = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


# ----------------------------------------------------------------------- timeline
def timeline(h: Harvest, s: Styles, width: float, limit: int | None = None) -> list[Flowable]:
    out: list[Flowable] = []
    if not h.timeline and not h.readings:
        return [empty(h, s)]
    out.append(para(h.t("{n} mijlpalen op drie tijdlijnen, per decennium.",
                        n=len(h.timeline)), s.body))
    chart = timeline_chart(h.timeline, lane_names(h), width, lines_per_cell=8 if limit else 18)
    if chart is not None:
        out += [chart, Spacer(1, 4 * mm)]
    names = lane_names(h)
    readings = sorted(h.readings, key=lambda r: (LANES.index(r.lane) if r.lane in LANES else 9,
                                                 r.table_no))
    if readings:
        out.append(para(h.t("Wat de tafels erin lazen"), s.h2))
    shown = readings[:limit] if limit else readings
    for r in shown:
        title = h.t("{lane} — tafel {n}", lane=names.get(r.lane, r.lane), n=r.table_no)
        block: list[Flowable] = [para(title, s.h3)]
        if r.stories.strip():
            block.append(Paragraph(f"<b>{markup(h.t('Verhalen'))}:</b> "
                                   f"{markup(r.stories, 3000 if limit else None)}", s.body))
        if r.implications.strip():
            block.append(Paragraph(f"<b>{markup(h.t('Betekenis voor ons werk'))}:</b> "
                                   f"{markup(r.implications, 3000 if limit else None)}", s.body))
        out.append(KeepTogether(block))
    out += more(h, s, len(readings) - len(shown))
    return out


def timeline_list(h: Harvest, s: Styles, width: float) -> list[Flowable]:
    """Every timeline entry per lane (the appendix: the chart shows only the first ones)."""
    out: list[Flowable] = []
    names = lane_names(h)
    for lane in LANES:
        entries = sorted((e for e in h.timeline if e.lane == lane),
                         key=lambda e: (e.year, e.position))
        if not entries:
            continue
        out.append(para(names[lane], s.h3))
        grouped = any(h.group_name(e.group_id) for e in entries)
        rows = [[para(h.t("Jaar"), s.cell_bold), para(h.t("Mijlpaal"), s.cell_bold)]
                + ([para(h.t("Groep"), s.cell_bold)] if grouped else [])]
        for e in entries:
            year = f"{e.year}s" if e.decade_only else str(e.year or "")
            rows.append([para(year, s.cell), para(e.text, s.cell, CELL)]
                        + ([para(h.group_name(e.group_id), s.cell, 80)] if grouped else []))
        group_w = 42 * mm if grouped else 0
        out.append(table(rows, [18 * mm, width - 18 * mm - group_w] + ([group_w] if grouped
                                                                        else [])))
    return out


# ------------------------------------------------------------------------- trends
def trends(h: Harvest, s: Styles, width: float, limit: int | None = None) -> list[Flowable]:
    if not h.trends:
        return [empty(h, s)]
    ranked = h.ranked_trends()
    voters = {d.group_id for d in h.dots}
    out: list[Flowable] = [para(h.t(
        "{n} trends op de kaart; {dots} stippen van {groups} belanghebbendengroepen.",
        n=len(h.trends), dots=len(h.dots), groups=len(voters)), s.body)]
    if h.dots:
        out += [legend(h, s, width), Spacer(1, 2 * mm)]
    top = ranked[: limit or 15]
    scale = max([r.total for r in top] + [1])
    bar_w = 52 * mm
    rows: list[list[Any]] = [[para("#", s.cell_bold), para(h.t("Trend"), s.cell_bold),
                              para(h.t("Stippen per groep"), s.cell_bold),
                              para(h.t("Totaal"), s.cell_bold)]]
    for i, r in enumerate(top, start=1):
        text = markup(r.trend.text, CELL)
        if r.parent is not None:
            under = markup(h.t("onder: {parent}", parent=r.parent.text), 120)
            text += f' <font color="#5F6B76">({under})</font>'
        rows.append([para(str(i), s.cell), Paragraph(text, s.cell),
                     dot_bar(r.per_group, h.groups, scale, bar_w), para(str(r.total), s.cell)])
    out.append(table(rows, [9 * mm, width - 9 * mm - bar_w - 8 * mm - 18 * mm, bar_w + 8 * mm,
                            18 * mm]))
    out += more(h, s, len(ranked) - len(top)) if limit else []
    if h.dots and not limit:
        matrix = dot_matrix([(r.trend.text, r.per_group) for r in ranked[:12] if r.total],
                            h.groups, width)
        if matrix is not None:
            out += [para(h.t("Welke groep koos welke trend"), s.h2), matrix]
    return out


# --------------------------------------------------------------- lists per group
def _group_pairs(h: Harvest, s: Styles, width: float, left: str, right: str,
                 heads: tuple[str, str], limit: int | None) -> list[Flowable]:
    out: list[Flowable] = []
    total = 0
    for g in h.groups + [None]:  # None: statements without (a known) group
        gid = g.id if g else ""
        if g is None:
            known = {x.id for x in h.groups}
            a = [x for x in h.statements if x.kind == left and x.group_id not in known]
            b = [x for x in h.statements if x.kind == right and x.group_id not in known]
        else:
            a, b = h.statements_of(gid, left), h.statements_of(gid, right)
        if not a and not b:
            continue
        total += len(a) + len(b)
        if limit:
            a, b = a[:limit], b[:limit]
        rows: list[list[Any]] = [[para(heads[0], s.cell_bold), para(heads[1], s.cell_bold)]]
        for i in range(max(len(a), len(b))):
            rows.append([bullet(a[i].text, s.cell, CELL) if i < len(a) else "",
                         bullet(b[i].text, s.cell, CELL) if i < len(b) else ""])
        name = g.name if g else h.t("Zonder groep")
        colour = g.colour if g else "#8A96A3"
        band = ColourBand(colour, 5.5 * mm, name)
        tbl = table(rows, [width / 2] * 2, zebra=False)
        out.append(KeepTogether([band, Spacer(1, 1), tbl]) if len(rows) < 12 else band)
        if len(rows) >= 12:
            out.append(tbl)
        out.append(Spacer(1, 3 * mm))
    return out if total else [empty(h, s)]


def group_lists(h: Harvest, s: Styles, width: float, limit: int | None = None) -> list[Flowable]:
    return _group_pairs(h, s, width, "doing", "wanting",
                        (h.t("Wat wij nu doen"), h.t("Wat wij willen doen")), limit)


def prouds_sorries(h: Harvest, s: Styles, width: float,
                   limit: int | None = None) -> list[Flowable]:
    return _group_pairs(h, s, width, "proud", "sorry", (h.t("Trots"), h.t("Spijt")), limit)


# ---------------------------------------------------------------------- scenarios
def scenarios(h: Harvest, s: Styles, width: float, limit: int | None = None,
              photos: bool = True) -> list[Flowable]:
    if not h.scenarios:
        return [empty(h, s)]
    out: list[Flowable] = []
    shown = h.scenarios[:limit] if limit else h.scenarios
    for sc in shown:
        title = sc.title.strip() or h.t("Toekomstbeeld")
        head = h.t("Tafel {n}: {title}", n=sc.table_no, title=title) if sc.table_no else title
        if sc.horizon:
            head += f" ({sc.horizon})"
        block: list[Flowable] = [para(head, s.h2)]
        if sc.narrative.strip():
            block.append(para(sc.narrative, s.body, 1500 if limit else None))
        features = [f for f in sc.features.splitlines() if f.strip()]
        if features:
            block.append(para(h.t("Kenmerken"), s.h3))
            block += [bullet(f, s.bullet, 400) for f in features[: limit or None]]
        if sum(len(x.getPlainText()) for x in block if isinstance(x, Paragraph)) < 2500:
            out.append(KeepTogether(block))
        else:
            out += block
        if photos:
            out += _photos(h, s, sc.id, width)
    out += more(h, s, len(h.scenarios) - len(shown))
    return out


def _photos(h: Harvest, s: Styles, owner_id: str, width: float) -> list[Flowable]:
    cells: list[Any] = []
    for a in h.photos(owner_id):
        img = image_flowable(a.data, width / 2 - 6 * mm, 70 * mm)
        if img is not None:
            cells.append([img, para(a.caption or a.file_name, s.centre, 160)])
    if not cells:
        return []
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    t = Table(rows, colWidths=[width / 2] * 2, hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return [Spacer(1, 2 * mm), t]


# ------------------------------------------------------------------ common ground
def common_ground(h: Harvest, s: Styles, width: float,
                  limit: int | None = None) -> list[Flowable]:
    if not h.ground:
        return [empty(h, s)]
    out: list[Flowable] = []
    names = state_names(h)
    for state in ("agreed", "project", "unresolved", "not_agreed"):
        items = h.ground_in(state)
        if not items:
            continue
        out.append(KeepTogether([
            ColourBand(STATE_COLOURS[state], 5.5 * mm, f"{names[state]} ({len(items)})"),
            Spacer(1, 2)]))
        shown = items[:limit] if limit else items
        for g in shown:
            text = markup(g.text, CELL)
            if g.tables.strip():
                text += (f' <font color="#5F6B76" size="7.5">('
                         f'{markup(h.t("tafels {tables}", tables=g.tables), 80)})</font>')
            out.append(Paragraph(text, s.bullet, bulletText="•"))
        out += more(h, s, len(items) - len(shown))
        out.append(Spacer(1, 2 * mm))
    return out


# ------------------------------------------------------------------- action plans
def plan_facts(h: Harvest, s: Styles, plan_id: str, width: float, goal: bool = True) -> Table:
    """Goal, owner, members, common ground, deadline, needs, follow-up of one plan."""
    p = h.plan(plan_id)
    assert p is not None
    members = h.plan_members(plan_id)
    facts = [(h.t("Doel"), p.goal if goal else ""), (h.t("Trekker"), h.name(p.owner_id)),
             (h.t("Leden"), ", ".join(members)),
             (h.t("Gemeenschappelijke grond"), h.ground_text(p.common_ground_id)),
             (h.t("Deadline"), h.when(p.deadline)), (h.t("Nodig"), p.needs),
             (h.t("Terugkoppeling"), h.when(p.follow_up or h.event.follow_up))]
    rows = [[para(k, s.cell_bold), para(v, s.cell, CELL)] for k, v in facts if str(v).strip()]
    rows = rows or [[para(h.t("Doel"), s.cell_bold), para("—", s.cell)]]
    label_w = 50 * mm * s.cell_bold.fontSize / 8.4
    return table(rows, [label_w, width - label_w], header=False, zebra=False)


def plan_steps(h: Harvest, s: Styles, plan_id: str, width: float) -> Table | None:
    steps = h.plan_steps(plan_id)
    if not steps:
        return None
    rows: list[list[Any]] = [[para(h.t("Eerste stappen"), s.cell_bold),
                              para(h.t("Wie"), s.cell_bold), para(h.t("Wanneer"), s.cell_bold)]]
    for st in steps:
        rows.append([para(st.what, s.cell, CELL), para(st.who, s.cell, 200),
                     para(h.when(st.due), s.cell, 80)])
    return table(rows, [width - 45 * mm - 34 * mm, 45 * mm, 34 * mm])


def action_plans(h: Harvest, s: Styles, width: float, limit: int | None = None) -> list[Flowable]:
    if not h.plans:
        return [empty(h, s)]
    out: list[Flowable] = []
    shown = h.plans[:limit] if limit else h.plans
    for i, p in enumerate(shown, start=1):
        block: list[Flowable] = [para(f"{i}. {p.title or h.t('Actieplan')}", s.h2),
                                 plan_facts(h, s, p.id, width)]
        steps = plan_steps(h, s, p.id, width)
        if steps is not None and not limit:
            block += [Spacer(1, 2 * mm), steps]
        out += [KeepTogether(block), Spacer(1, 3 * mm)]
    out += more(h, s, len(h.plans) - len(shown))
    return out


def commitments(h: Harvest, s: Styles, width: float, limit: int | None = None) -> list[Flowable]:
    if not h.commitments:
        return [empty(h, s)]
    out: list[Flowable] = [para(h.t("{n} toezeggingen van {people} mensen.",
                                    n=len(h.commitments),
                                    people=len({c.participant_id for c in h.commitments})),
                                s.body)]
    plan_ids = [p.id for p in h.plans] + [""]
    known = set(plan_ids)
    for plan_id in plan_ids:
        items = [c for c in h.commitments if c.plan_id == plan_id
                 or (plan_id == "" and c.plan_id not in known)]
        if not items:
            continue
        plan = h.plan(plan_id)
        out.append(para(plan.title if plan else h.t("Zonder actieplan"), s.h3))
        for c in items[:limit] if limit else items:
            due = f' <font color="#5F6B76">({markup(h.when(c.due), 60)})</font>' \
                if c.due.strip() else ""
            text = f"<b>{markup(h.name(c.participant_id), 80)}</b>: {markup(c.text, CELL)}{due}"
            out.append(Paragraph(text, s.bullet, bulletText="•"))
    return out


SECTIONS = {
    "timeline": ("Tijdlijn", timeline),
    "mindmap": ("Trendkaart", trends),
    "group_lists": ("Wat groepen doen en willen", group_lists),
    "prouds_sorries": ("Trots & spijt", prouds_sorries),
    "scenarios": ("Toekomstbeelden", scenarios),
    "common_ground": ("Gemeenschappelijke grond", common_ground),
    "action_plans": ("Actieplannen", action_plans),
    "commitments": ("Toezeggingen", commitments),
}


def board_order(h: Harvest, day_id: str | None = None) -> list[str]:
    """Board kinds in agenda order (of one day), then boards with data the agenda lacks."""
    kinds: list[str] = []
    for day in h.days:
        for b in h.blocks_of(day.id):
            if (day_id is None or b.day_id == day_id) and b.board in SECTIONS \
                    and b.board not in kinds:
                kinds.append(b.board)
    if day_id is None:
        kinds += [k for k in SECTIONS if k not in kinds]
    return kinds

