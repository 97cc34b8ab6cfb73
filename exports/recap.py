"""Day recap: what day N produced, two to four landscape pages for the projector the
next morning, in large type.

Page 1: the day in figures, its programme and today's programme. Then the day's boards,
at most three pages: one board per page, or two sharing a page when the day had more
than three. Every page's content shrinks to fit, so the page count is fixed.
"""

from __future__ import annotations

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

from app.storage import Workbook
from exports import report_boards as boards
from exports.charts import timeline_chart
from exports.harvest import Harvest, load
from exports.pdf_kit import (
    ColourBand,
    OogstDoc,
    Styles,
    bullet,
    markup,
    para,
    shrink_to,
    styles,
    table,
)
from exports.report import _span, colour_stripes, doc_info
from sessions.boards import GROUPINGS

Target = str | Path | IO[bytes]
BOARD_PAGES = 3
SCALE = 1.25
ITEMS = 5


class NoSuchDay(ValueError):
    """The workbook has no day with that number."""


def write_recap(book: Workbook, day: int, path: Target, include_personal: bool = False) -> int:
    """Write the recap of day ``day`` (1-based) to ``path``; returns the page count."""
    h = load(book, include_personal)
    if not 1 <= day <= len(h.days):
        raise NoSuchDay(h.t("Dag {n} bestaat niet; dit werkboek heeft {count} dagen.",
                            n=day, count=len(h.days)))
    d = h.days[day - 1]
    doc = OogstDoc(path, doc_info(h, h.t("Terugblik dag {n}", n=day)), landscape_pages=True)
    s = styles(SCALE)
    w, height = doc.width, doc.height - 2
    first = _overview(h, s, day, w)
    kinds = boards.board_order(h, d.id)
    if "group_lists" in kinds and "prouds_sorries" in kinds:  # one page per group, all four
        kinds[kinds.index("group_lists")] = "groups"
        kinds.remove("prouds_sorries")
    if not kinds and day < len(h.days):  # nothing on the boards: today's programme on page 2
        story: list[Flowable] = [shrink_to(w, height, first), PageBreak(),
                                 shrink_to(w, height, _today(h, s, day, w))]
        return doc.render(story)
    first += _today(h, s, day, w)
    story = [shrink_to(w, height, first)]
    for page in _pages(kinds):
        story.append(PageBreak())
        slot = (height - 4 * mm * (len(page) - 1)) / len(page)
        for i, kind in enumerate(page):
            if i:
                story.append(Spacer(1, 4 * mm))
            story.append(shrink_to(w, slot, _board(h, s, kind, w)))
    return doc.render(story)


def _pages(kinds: list[str]) -> list[list[str]]:
    """Boards spread over at most three pages, in order, the first pages fuller."""
    pages = min(BOARD_PAGES, len(kinds))
    out, start = [], 0
    for p in range(pages):
        n = len(kinds) // pages + (1 if p < len(kinds) % pages else 0)
        out.append(kinds[start:start + n])
        start += n
    return out


def _overview(h: Harvest, s: Styles, n: int, w: float) -> list[Flowable]:
    day = h.days[n - 1]
    out: list[Flowable] = [colour_stripes(h, w, 3 * mm), Spacer(1, 4 * mm),
                           para(h.t("Terugblik dag {n}", n=n).upper(), s.h3),
                           para(day.title or h.t("Dag {n}", n=n), s.title, 160)]
    if day.date:
        out.append(para(h.when(day.date), s.subtitle))
    present = len(h.present_ids(day.id))
    counts = {"timeline": len(h.timeline), "mindmap": len(h.trends),
              "group_lists": len([x for x in h.statements if x.kind in ("doing", "wanting")]),
              "prouds_sorries": len([x for x in h.statements if x.kind in ("proud", "sorry")]),
              "scenarios": len(h.scenarios), "common_ground": len(h.ground),
              "action_plans": len(h.plans), "commitments": len(h.commitments)}
    parts = [f"{h.t(boards.SECTIONS[k][0])}: {counts[k]}" for k in boards.board_order(h, day.id)]
    text = h.t("{n} mensen waren er.", n=present)
    if parts:
        text += " " + h.t("Samen maakten we: {parts}.", parts="; ".join(parts))
    out += [Spacer(1, 3 * mm), Paragraph(markup(text), s.subtitle)]
    return out + _program(h, s, day.id, w, h.t("Zo verliep de dag"))


def _today(h: Harvest, s: Styles, n: int, w: float) -> list[Flowable]:
    if n >= len(h.days):
        return []
    nxt = h.days[n]
    return _program(h, s, nxt.id, w, h.t("Vandaag: {title}", title=nxt.title
                                         or h.t("Dag {n}", n=n + 1)))


def _program(h: Harvest, s: Styles, day_id: str, w: float, title: str) -> list[Flowable]:
    blocks = h.blocks_of(day_id)
    if not blocks:
        return []
    rows: list[list[Any]] = [[para(h.t(x), s.cell_bold) for x in ("Tijd", "Onderdeel",
                                                                   "Werkvorm")]]
    for b in blocks:
        rows.append([para(_span(b.start, b.minutes), s.cell), para(b.title, s.cell, 160),
                     para(h.t(GROUPINGS.get(b.grouping, b.grouping or "—")), s.cell, 60)])
    return [para(title, s.h2), table(rows, [40 * mm, w - 40 * mm - 80 * mm, 80 * mm])]


def _board(h: Harvest, s: Styles, kind: str, w: float) -> list[Flowable]:
    if kind == "groups":
        return [para(h.t("Per groep"), s.h1),
                _group_grid(h, s, w, ("doing", "wanting", "proud", "sorry"),
                            (h.t("Doen nu"), h.t("Willen"), h.t("Trots"), h.t("Spijt")), 2)]
    title, section = boards.SECTIONS[kind]
    head = para(h.t(title), s.h1)
    if kind == "group_lists":
        return [head, _group_grid(h, s, w, ("doing", "wanting"),
                                  (h.t("Doen nu"), h.t("Willen")))]
    if kind == "prouds_sorries":
        return [head, _group_grid(h, s, w, ("proud", "sorry"), (h.t("Trots"), h.t("Spijt")))]
    if kind == "scenarios":
        return [head, _scenario_grid(h, s, w)]
    if kind == "common_ground":
        return [head, _ground_columns(h, s, w)]
    if kind == "action_plans":
        return [head, _plan_table(h, s, w)]
    if kind == "commitments":
        return [head, _commitment_table(h, s, w)]
    if kind == "timeline":
        return [head, *_timeline(h, s, w)]
    return [head, *section(h, s, w, 10 if kind == "mindmap" else ITEMS)]


def _grid(cells: list[list[Flowable]], w: float, columns: int = 4) -> Table:
    rows = [cells[i:i + columns] + [[]] * (columns - len(cells[i:i + columns]))
            for i in range(0, len(cells), columns)] or [[[]]]
    t = Table(rows, colWidths=[w / columns] * columns, hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 3),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return t


def _group_grid(h: Harvest, s: Styles, w: float, kinds: tuple[str, ...],
                heads: tuple[str, ...], per_kind: int = 3) -> Flowable:
    cells = []
    for g in h.groups:
        cell: list[Flowable] = [ColourBand(g.colour, 6 * mm, g.name)]
        for kind, head in zip(kinds, heads):
            items = h.statements_of(g.id, kind)[:per_kind]
            if items:
                cell.append(para(head, s.h3))
                cell += [bullet(x.text, s.cell, 140) for x in items]
        cells.append(cell)
    if not any(len(c) > 1 for c in cells):
        return boards.empty(h, s)
    return _grid(cells, w)


def _scenario_grid(h: Harvest, s: Styles, w: float) -> Flowable:
    cells = []
    for sc in h.scenarios[:8]:
        head = sc.title or h.t("Toekomstbeeld")
        if sc.table_no:
            head = h.t("Tafel {n}: {title}", n=sc.table_no, title=head)
        cell: list[Flowable] = [para(head + (f" ({sc.horizon})" if sc.horizon else ""), s.h3,
                                     120)]
        cell += [bullet(f, s.cell, 100) for f in sc.features.splitlines()[:3] if f.strip()]
        if len(cell) == 1 and sc.narrative.strip():
            cell.append(para(sc.narrative, s.cell, 220))
        cells.append(cell)
    return _grid(cells, w) if cells else boards.empty(h, s)


def _ground_columns(h: Harvest, s: Styles, w: float) -> Flowable:
    names = boards.state_names(h)
    cells = []
    for state in ("agreed", "project", "unresolved", "not_agreed"):
        items = h.ground_in(state)
        cell: list[Flowable] = [ColourBand(boards.STATE_COLOURS[state], 6 * mm,
                                           f"{names[state]} ({len(items)})")]
        cell += [bullet(g.text, s.cell, 140) for g in items[:8]]
        if len(items) > 8:
            cell += boards.more(h, s, len(items) - 8)
        cells.append(cell)
    return _grid(cells, w) if h.ground else boards.empty(h, s)


def _plan_table(h: Harvest, s: Styles, w: float) -> Flowable:
    if not h.plans:
        return boards.empty(h, s)
    rows: list[list[Any]] = [[para(h.t(x), s.cell_bold)
                              for x in ("Actieplan", "Trekker", "Eerste stap", "Deadline")]]
    for p in h.plans[:12]:
        steps = h.plan_steps(p.id)
        rows.append([para(p.title, s.cell, 100), para(h.name(p.owner_id), s.cell, 60),
                     para(steps[0].what if steps else "", s.cell, 120),
                     para(h.when(p.deadline, with_time=False), s.cell, 40)])
    return table(rows, [w * 0.3, w * 0.22, w * 0.32, w * 0.16])


def _timeline(h: Harvest, s: Styles, w: float) -> list[Flowable]:
    chart = timeline_chart(h.timeline, boards.lane_names(h), w, lines_per_cell=7, size=8)
    out: list[Flowable] = [chart] if chart is not None else []
    names = boards.lane_names(h)
    cells = []
    for r in h.readings[:8]:
        text = r.implications.strip() or r.stories.strip()
        if text:
            cells.append([para(h.t("{lane} — tafel {n}", lane=names.get(r.lane, r.lane),
                                   n=r.table_no), s.h3), para(text, s.cell, 160)])
    if cells:
        out += [Spacer(1, 3 * mm), _grid(cells, w)]
    return out or [boards.empty(h, s)]


def _commitment_table(h: Harvest, s: Styles, w: float) -> Flowable:
    if not h.commitments:
        return boards.empty(h, s)
    rows: list[list[Any]] = [[para(h.t(x), s.cell_bold)
                              for x in ("Actieplan", "Toezeggingen", "Van")]]
    for p in h.plans:
        items = h.commitments_of(p.id)
        if not items:
            continue
        names = [h.name(c.participant_id) for c in items]
        shown = ", ".join(names[:5]) + (f" +{len(names) - 5}" if len(names) > 5 else "")
        rows.append([para(p.title, s.cell, 100), para(str(len(items)), s.cell),
                     para(shown, s.cell, 300)])
    return table(rows, [w * 0.34, w * 0.14, w * 0.52])
