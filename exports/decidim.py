"""So the follow-up can go online: action plans as a Decidim accountability CSV, and
ideas/statements shaped like OpenStad resources (JSON or CSV). The mappings are
documented in ``docs/decidim-openstad.md``. No network: these are files to upload.
"""

from __future__ import annotations

import csv
import json
import os
from html import escape
from pathlib import Path
from typing import Any

from app.storage import Workbook
from exports.harvest import Harvest, load, parse_when
from exports.pdf_kit import clean, one_line
from exports.spreadsheet import safe_cell, write_csv

OPENSTAD_TITLE = (10, 50)  # OpenStad's default title length limits
OPENSTAD_SUMMARY = 140


def decidim_rows(h: Harvest) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the accountability results import (one result per plan)."""
    lang = h.lang
    headers = ["id", "parent/id", f"title/{lang}", f"description/{lang}", "start_date",
               "end_date", "status/id", "progress", "proposal_urls", "external_id"]
    start = h.event.end_date or h.event.start_date
    rows = []
    for p in h.plans:
        rows.append(["", "", one_line(p.title, 150), _plan_html(h, p.id), start,
                     p.deadline if _iso(p.deadline) else "", "", "0", "", f"oogst:{p.id}"])
    return headers, rows


def _iso(value: str) -> bool:
    return parse_when(value) is not None


def _plan_html(h: Harvest, plan_id: str) -> str:
    p = h.plan(plan_id)
    assert p is not None
    parts = []
    if p.goal.strip():
        parts.append(f"<p>{escape(clean(p.goal))}</p>")
    facts = [(h.t("Trekker"), h.name(p.owner_id)),
             (h.t("Leden"), ", ".join(h.plan_members(p.id))),
             (h.t("Gemeenschappelijke grond"), h.ground_text(p.common_ground_id)),
             (h.t("Nodig"), p.needs), (h.t("Terugkoppeling"), h.when(p.follow_up))]
    for label, value in facts:
        if str(value).strip():
            parts.append(f"<p><strong>{escape(label)}:</strong> {escape(clean(value))}</p>")
    steps = h.plan_steps(p.id)
    if steps:
        items = "".join(
            f"<li>{escape(clean(s.what))}"
            + (f" ({escape(clean(', '.join(x for x in (s.who, h.when(s.due)) if x.strip())))})"
               if s.who.strip() or s.due.strip() else "") + "</li>" for s in steps)
        parts.append(f"<p><strong>{escape(h.t('Eerste stappen'))}:</strong></p><ul>{items}</ul>")
    return "".join(parts)


def write_decidim(book: Workbook, path: str | Path, include_personal: bool = False,
                  delimiter: str = ";") -> Path:
    """The accountability CSV (UTF-8 without BOM, Decidim reads the first header as-is)."""
    h = load(book, include_personal)
    headers, rows = decidim_rows(h)
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([[safe_cell(v) for v in row] for row in rows])
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return path


def openstad_resources(h: Harvest) -> list[dict[str, Any]]:
    """Common ground, trends, group statements and scenarios as OpenStad resources."""
    states = {"agreed": h.t("Gedeeld"), "not_agreed": h.t("Niet gedeeld"),
              "unresolved": h.t("Nog open"), "project": h.t("Mogelijk project")}
    kinds = {"doing": h.t("Doen we nu"), "wanting": h.t("Willen we doen"),
             "proud": h.t("Trots"), "sorry": h.t("Spijt")}
    out = []
    for g in h.ground:
        out.append(_resource(h, g.text, "", [h.t("Gemeenschappelijke grond"),
                                             states.get(g.status, g.status)],
                             {"kind": "common_ground", "status": g.status, "tables": g.tables,
                              "oogstId": g.id}))
    for r in h.ranked_trends():
        out.append(_resource(h, r.trend.text, "", [h.t("Trend")], {
            "kind": "trend", "oogstId": r.trend.id, "votes": r.total,
            "votesPerGroup": {h.group_name(k): v for k, v in r.per_group.items()},
            "parentId": r.trend.parent_id or None}))
    for s in h.statements:
        out.append(_resource(h, s.text, "", [kinds.get(s.kind, s.kind), h.group_name(s.group_id)],
                             {"kind": "group_statement", "statementKind": s.kind,
                              "group": h.group_name(s.group_id), "oogstId": s.id}))
    for sc in h.scenarios:
        features = [f for f in sc.features.splitlines() if f.strip()]
        body = sc.narrative + ("\n" + "\n".join(f"- {f}" for f in features) if features else "")
        out.append(_resource(h, sc.title or h.t("Toekomstbeeld"), body,
                             [h.t("Toekomstbeeld")],
                             {"kind": "scenario", "table": sc.table_no, "horizon": sc.horizon,
                              "oogstId": sc.id}))
    return out


def _resource(h: Harvest, text: str, body: str, tags: list[str],
              extra: dict[str, Any]) -> dict[str, Any]:
    text = one_line(h.privacy.scrub(text))
    body = clean(h.privacy.scrub(body)) or text
    lo, hi = OPENSTAD_TITLE
    title = text if len(text) <= hi else text[: hi - 1].rstrip() + "…"
    if len(title) < lo:
        title = f"{tags[0]}: {title}"[:hi]
    summary = one_line(body, OPENSTAD_SUMMARY)
    description = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
    return {"title": title, "summary": summary, "description": description,
            "tags": [t for t in tags if t], "images": [], "location": None,
            "extraData": {"source": "oogst", **extra}}


def write_openstad(book: Workbook, path: str | Path, include_personal: bool = False) -> Path:
    """OpenStad-shaped resources: JSON, or CSV when ``path`` ends in ``.csv``."""
    h = load(book, include_personal)
    resources = openstad_resources(h)
    path = Path(path)
    if path.suffix.lower() == ".csv":
        headers = ["title", "summary", "description", "tags", "extraData"]
        rows = [[r["title"], r["summary"], r["description"], ", ".join(r["tags"]),
                 json.dumps(r["extraData"], ensure_ascii=False)] for r in resources]
        return write_csv(path, headers, rows)
    data = {"format": "openstad-resources", "generator": "Oogst",
            "project": {"title": h.event.title, "question": h.event.question,
                        "url": h.event.public_url},
            "resources": resources}
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return path
