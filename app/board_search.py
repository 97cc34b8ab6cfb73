"""Search across all boards: case- and diacritics-insensitive, no Qt, no SQL."""

from __future__ import annotations

import unicodedata
from typing import Any, NamedTuple

from app.board_records import (
    ActionPlan,
    ActionStep,
    Commitment,
    CommonGround,
    GroupStatement,
    Scenario,
    TimelineEntry,
    TimelineReading,
    Trend,
)
from app.storage.workbook import Workbook


def normalise(text: str) -> str:
    """Case- and diacritics-insensitive form of ``text`` ("Ideeën" -> "ideeen")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))



class Hit(NamedTuple):
    kind: str  # board kind: timeline, mindmap, group_lists, ...
    id: str  # the record to show (an action step finds its plan)
    text: str


def _statement_kind(s: GroupStatement) -> str:
    return "prouds_sorries" if s.kind in ("proud", "sorry") else "group_lists"


def search(book: Workbook, query: str, limit: int = 200) -> list[Hit]:
    """Every board item whose text holds all words of ``query`` (case and accents ignored)."""
    words = normalise(query).split()
    if not words:
        return []
    sources: list[tuple[str, Any, str]] = []
    sources += [("timeline", r, r.text) for r in book.all(TimelineEntry)]
    sources += [("timeline", r, f"{r.stories}\n{r.implications}")
                for r in book.all(TimelineReading)]
    sources += [("mindmap", r, r.text) for r in book.all(Trend)]
    sources += [(_statement_kind(r), r, r.text) for r in book.all(GroupStatement)]
    sources += [("scenarios", r, f"{r.title}\n{r.narrative}\n{r.features}")
                for r in book.all(Scenario)]
    sources += [("common_ground", r, r.text) for r in book.all(CommonGround)]
    sources += [("action_plans", r, f"{r.title}\n{r.goal}\n{r.needs}")
                for r in book.all(ActionPlan)]
    hits: list[Hit] = []
    for kind, record, text in sources:
        folded = normalise(text)
        if all(w in folded for w in words):
            hits.append(Hit(kind, record.id, _first_line(text)))
    for step in book.all(ActionStep):
        if all(w in normalise(f"{step.what} {step.who}") for w in words):
            hits.append(Hit("action_plans", step.plan_id, step.what))
    for commitment in book.all(Commitment):
        if all(w in normalise(commitment.text) for w in words):
            hits.append(Hit("commitments", commitment.id, commitment.text))
    return hits[:limit]


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
