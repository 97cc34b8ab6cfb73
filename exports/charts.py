"""Drawn charts for the documents (reportlab graphics, no Qt): the three-lane timeline
by decade, dot bars per stakeholder group and the trends-by-group dot matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from app.board_records import LANES, TimelineEntry
from app.domain import StakeholderGroup
from exports.pdf_kit import INK, MUTED, RULE, fit_text, fonts, hex_colour, light, one_line

LANE_COLOURS = {"personal": "#7A5C99", "world": "#2F7F8C", "topic": "#B5651D"}


def decade_of(entry: TimelineEntry) -> int:
    return (entry.year // 10) * 10


def timeline_chart(entries: Sequence[TimelineEntry], lane_names: dict[str, str], width: float,
                   lines_per_cell: int = 16, first_decade: int | None = None,
                   size: float = 6.4) -> Drawing | None:
    """Three lanes (personal, world, topic) by decade; each cell lists its entries, each
    wrapped to at most two lines, up to ``lines_per_cell`` lines (then "+ n")."""
    dated = [e for e in entries if e.year > 0 and e.lane in LANES]
    if not dated:
        return None
    regular, bold = fonts()
    decades = sorted({decade_of(e) for e in dated})
    lo = min(decades) if first_decade is None else min(first_decade, min(decades))
    decades = list(range(lo, max(decades) + 10, 10))[-6:]  # at most six columns
    label_w, head_h, gap = 62.0, 16.0, 2.0
    line_h = size + 1.8
    col_w = (width - label_w) / len(decades)
    cells: dict[tuple[str, int], list[list[str]]] = defaultdict(list)
    for e in sorted(dated, key=lambda e: (e.year, e.position)):
        year = f"’{e.year % 100:02d} " if not e.decade_only else ""
        lines = simpleSplit(year + one_line(e.text, 300), regular, size, col_w - 14)
        if len(lines) > 2:
            lines = [lines[0], fit_text(lines[1] + " " + lines[2], regular, size, col_w - 14)]
        cells[(e.lane, max(decade_of(e), decades[0]))].append(lines)
    shown: dict[tuple[str, int], tuple[list[list[str]], int]] = {}
    for key, items in cells.items():
        used, keep = 0, []
        for lines in items:
            if used + len(lines) > lines_per_cell - (1 if len(keep) < len(items) - 1 else 0):
                break
            keep.append(lines)
            used += len(lines)
        shown[key] = (keep, len(items) - len(keep))
    row_h = {}
    for lane in LANES:
        most = max([sum(map(len, k)) + (1 if rest else 0)
                    for (ln, _), (k, rest) in shown.items() if ln == lane] + [1])
        row_h[lane] = most * line_h + 8 + 2 * (most < 3) * line_h
    height = head_h + sum(row_h.values()) + gap * len(LANES)
    d = Drawing(width, height)
    for i, decade in enumerate(decades):
        x = label_w + i * col_w
        d.add(String(x + col_w / 2, height - 11, f"{decade}–{decade + 9}", fontName=bold,
                     fontSize=7.5, fillColor=INK, textAnchor="middle"))
    top = height - head_h
    for lane in LANES:
        h = row_h[lane]
        colour = hex_colour(LANE_COLOURS[lane])
        d.add(Rect(0, top - h, label_w - 4, h, fillColor=colour, strokeColor=None))
        name = fit_text(lane_names.get(lane, lane), bold, 8, label_w - 10)
        d.add(String(5, top - h / 2 - 3, name, fontName=bold, fontSize=8, fillColor=colors.white))
        for i, decade in enumerate(decades):
            x = label_w + i * col_w
            d.add(Rect(x + 1, top - h, col_w - 2, h, fillColor=light(colour, 0.88),
                       strokeColor=None))
            keep, rest = shown.get((lane, decade), ([], 0))
            y = top - 4 - size
            for lines in keep:
                for k, line in enumerate(lines):
                    d.add(String(x + 4 + (5 if k else 0), y, line, fontName=regular,
                                 fontSize=size, fillColor=INK))
                    y -= line_h
            if rest:
                d.add(String(x + 4, y, f"+ {rest}", fontName=bold, fontSize=size,
                             fillColor=MUTED))
        top -= h + gap
    return d


def dot_bar(per_group: dict[str, int], groups: Sequence[StakeholderGroup], scale_max: int,
            width: float, height: float = 9) -> Drawing:
    """A stacked bar of dots in stakeholder colours, length relative to ``scale_max``."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#F4F6F8"), strokeColor=None))
    total = sum(per_group.values())
    if total == 0 or scale_max <= 0:
        return d
    unit = width / scale_max
    x = 0.0
    order = [g.id for g in groups] + sorted(set(per_group) - {g.id for g in groups})
    colours = {g.id: g.colour for g in groups}
    for gid in order:
        n = per_group.get(gid, 0)
        if n <= 0:
            continue
        d.add(Rect(x, 0, n * unit, height, fillColor=hex_colour(colours.get(gid, "#8A96A3")),
                   strokeColor=colors.white, strokeWidth=0.6))
        x += n * unit
    return d


def dot_matrix(rows: Sequence[tuple[str, dict[str, int]]], groups: Sequence[StakeholderGroup],
               width: float) -> Drawing | None:
    """Trends (rows) × stakeholder groups (columns); circle area = that group's dots."""
    if not rows or not groups:
        return None
    regular, bold = fonts()
    label_w, head_h, row_h = width * 0.42, 84.0, 15.0
    col_w = (width - label_w) / len(groups)
    height = head_h + row_h * len(rows) + 4
    biggest = max([n for _, per in rows for n in per.values()] + [1])
    d = Drawing(width, height)
    for i, g in enumerate(groups):
        cx = label_w + (i + 0.5) * col_w
        name = fit_text(one_line(g.name), regular, 6.8, head_h - 6)
        s = String(0, 0, name, fontName=regular, fontSize=6.8, fillColor=INK)
        label = Group(s)
        label.transform = (0, 1, -1, 0, cx + 2.5, height - head_h + 3)  # rotated 90°
        d.add(label)
        d.add(Rect(cx - 3, height - head_h - 2.5, 6, 2.5, fillColor=hex_colour(g.colour),
                   strokeColor=None))
    for r, (text, per) in enumerate(rows):
        y = height - head_h - (r + 1) * row_h
        if r % 2 == 0:
            d.add(Rect(0, y, width, row_h, fillColor=colors.HexColor("#F6F8FA"), strokeColor=None))
        d.add(String(3, y + row_h / 2 - 2.6, fit_text(f"{r + 1}. {one_line(text, 300)}", regular,
                                                       7.4, label_w - 8),
                     fontName=regular, fontSize=7.4, fillColor=INK))
        for i, g in enumerate(groups):
            n = per.get(g.id, 0)
            if n <= 0:
                continue
            cx = label_w + (i + 0.5) * col_w
            radius = 1.6 + 4.6 * (n / biggest) ** 0.5
            d.add(Circle(cx, y + row_h / 2, radius, fillColor=hex_colour(g.colour),
                         strokeColor=None))
            if radius > 4.2:
                d.add(String(cx, y + row_h / 2 - 2.2, str(n), fontName=bold, fontSize=6,
                             fillColor=colors.white, textAnchor="middle"))
    d.add(Line(label_w, 2, width, 2, strokeColor=RULE, strokeWidth=0.5))
    return d
