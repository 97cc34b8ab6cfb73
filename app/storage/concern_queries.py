"""The SQL behind the caravan logbook: windows over concerns, search, counts, retention.

Everything here reads (or, for retention, scrubs) the ``concern`` table and its
neighbours and hands back plain values and dataclasses; the domain layer
(``app.logbook``) and the widgets never see a cursor. Lists are read as rowid
windows: first the rowids that match a filter (cheap, one column), then only
the rows the view shows, so 100,000 concerns scroll smoothly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.logbook_records import Concern
from app.storage.workbook import Workbook

CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_email")
_CONCERN_COLUMNS = Concern.columns()
_BOOLS = {"consent_contact"}
_INTS = {"urgency"}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ConcernFilter:
    """What the list shows: every field empty means "all concerns"."""

    theme_id: str = ""  # a theme, or a sub-theme
    status: str = ""
    partner_id: str = ""  # referred to this partner
    date_from: str = ""  # ISO date, inclusive (on occurred_at)
    date_to: str = ""  # ISO date, inclusive
    street: str = ""  # exact street
    query: str = ""  # full-text words, prefix-matched, diacritics folded

    def is_empty(self) -> bool:
        return not any(vars(self).values())


@dataclass(frozen=True)
class SearchHit:
    rowid: int
    concern_id: str
    snippet: str
    occurred_at: str
    theme_id: str
    street: str
    status: str


@dataclass(frozen=True)
class OpenReferral:
    referral_id: str
    partner_id: str
    concern_id: str
    action: str
    owner: str
    due: str
    status: str
    concern_text: str
    theme_id: str
    street: str
    occurred_at: str


def prepare(book: Workbook) -> None:
    """Make REPLACE (redo, merge) keep the full-text index in step on every SQLite build."""
    book._conn.execute("PRAGMA recursive_triggers = ON")


def fts_expression(text: str) -> str:
    """A safe FTS5 query: every word quoted and prefix-matched, all words required.

    >>> fts_expression('ideeen "park')
    '"ideeen"* "park"*'
    """
    words = _TOKEN.findall(text)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _where(flt: ConcernFilter) -> tuple[str, list[Any]]:
    clauses = ["c._deleted = 0"]
    params: list[Any] = []
    if flt.theme_id:
        clauses.append("(c.theme_id = ? OR c.subtheme_id = ?)")
        params += [flt.theme_id, flt.theme_id]
    if flt.status:
        clauses.append("c.status = ?")
        params.append(flt.status)
    if flt.partner_id:
        clauses.append("c.id IN (SELECT concern_id FROM referral "
                       "WHERE partner_id = ? AND _deleted = 0)")
        params.append(flt.partner_id)
    if flt.date_from:
        clauses.append("c.occurred_at >= ?")
        params.append(flt.date_from[:10])
    if flt.date_to:
        clauses.append("c.occurred_at < ?")
        params.append(flt.date_to[:10] + "U")  # after every time on that day
    if flt.street:
        clauses.append("c.street = ? COLLATE NOCASE")
        params.append(flt.street)
    expression = fts_expression(flt.query)
    if expression:
        clauses.append("c.rowid IN (SELECT rowid FROM concern_fts WHERE concern_fts MATCH ?)")
        params.append(expression)
    elif flt.query.strip():
        clauses.append("0")  # only punctuation: nothing can match
    return " AND ".join(clauses), params


def concern_rowids(book: Workbook, flt: ConcernFilter = ConcernFilter()) -> list[int]:
    """Rowids of the matching concerns, newest logged first: the list's full index."""
    where, params = _where(flt)
    sql = f"SELECT c.rowid FROM concern c WHERE {where} ORDER BY c.logged_at DESC, c.rowid DESC"
    return [r[0] for r in book._conn.execute(sql, params)]


def count_concerns(book: Workbook, flt: ConcernFilter = ConcernFilter()) -> int:
    where, params = _where(flt)
    return book._conn.execute(f"SELECT count(*) FROM concern c WHERE {where}", params).fetchone()[0]


def _concern(row: Sequence[Any]) -> Concern:
    values = {}
    for name, value in zip(_CONCERN_COLUMNS, row):
        if name in _BOOLS:
            value = bool(value)
        elif name in _INTS:
            value = int(value or 0)
        elif value is None:
            value = ""
        values[name] = value
    return Concern(**values)


def concerns_by_rowid(book: Workbook, rowids: Sequence[int]) -> dict[int, Concern]:
    """The concerns behind a window of rowids (deleted ones included: the caller decides)."""
    out: dict[int, Concern] = {}
    cols = ", ".join(_CONCERN_COLUMNS)
    for start in range(0, len(rowids), 500):
        chunk = list(rowids[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        for row in book._conn.execute(
                f"SELECT rowid, {cols} FROM concern WHERE rowid IN ({marks})", chunk):
            out[row[0]] = _concern(row[1:])
    return out


def concerns_where(book: Workbook, flt: ConcernFilter = ConcernFilter()) -> list[Concern]:
    """All matching concerns (for exports and reports), newest first."""
    where, params = _where(flt)
    cols = ", ".join(f"c.{n}" for n in _CONCERN_COLUMNS)
    rows = book._conn.execute(
        f"SELECT {cols} FROM concern c WHERE {where} ORDER BY c.logged_at DESC, c.rowid DESC",
        params)
    return [_concern(r) for r in rows]


def search(book: Workbook, text: str, limit: int = 20, window: int = 1000) -> list[SearchHit]:
    """Best full-text matches (bm25 rank), with a snippet that marks the words found.

    Ranked among the newest ``window`` matches: a word that occurs in nearly every
    concern ("de") would otherwise rank all 100,000 of them for each keystroke.
    """
    expression = fts_expression(text)
    if not expression:
        return []
    conn = book._conn
    row = conn.execute("SELECT rowid FROM concern_fts WHERE concern_fts MATCH ? "
                       "ORDER BY rowid DESC LIMIT 1 OFFSET ?", (expression, window - 1)).fetchone()
    sql = (
        "SELECT f.rowid, c.id, snippet(concern_fts, -1, '[', ']', '…', 12), c.occurred_at, "
        "c.theme_id, c.street, c.status FROM concern_fts f JOIN concern c ON c.rowid = f.rowid "
        "WHERE concern_fts MATCH ? AND f.rowid >= ? AND c._deleted = 0 "
        "ORDER BY f.rank LIMIT ?")
    return [SearchHit(*r) for r in conn.execute(sql, (expression, row[0] if row else 0, limit))]


def streets_used(book: Workbook, limit: int = 500) -> list[str]:
    """Streets of earlier concerns, most used first (for type-ahead)."""
    rows = book._conn.execute(  # the street index alone: fast, deleted ones count too
        "SELECT street FROM concern WHERE street != '' "
        "GROUP BY street ORDER BY count(*) DESC, street LIMIT ?", (limit,))
    seen: set[str] = set()
    out = []
    for (street,) in rows:
        if street.casefold() not in seen:
            seen.add(street.casefold())
            out.append(street)
    return out


def counts_per_theme_day(book: Workbook, date_from: str = "",
                         date_to: str = "") -> list[tuple[str, str, int]]:
    """(theme id, ISO date, count) of concerns that happened in the period.

    Days, not weeks: ISO weeks are computed in Python (older SQLite lacks ``%V``).
    """
    clauses, params = ["_deleted = 0", "occurred_at != ''"], []
    if date_from:
        clauses.append("occurred_at >= ?")
        params.append(date_from[:10])
    if date_to:
        clauses.append("occurred_at < ?")
        params.append(date_to[:10] + "U")
    rows = book._conn.execute(
        # "+theme_id": a plain scan; walking the theme index jumps all over the file
        f"SELECT +theme_id AS theme, substr(occurred_at, 1, 10) AS day, count(*) FROM concern "
        f"WHERE {' AND '.join(clauses)} GROUP BY theme, day ORDER BY day", params)
    return [(r[0], r[1], r[2]) for r in rows]


def open_referrals(book: Workbook, partner_id: str = "") -> list[OpenReferral]:
    """Referrals that are not done or impossible, oldest due date first, per partner."""
    sql = (
        "SELECT r.id, r.partner_id, r.concern_id, r.action, r.owner, r.due, r.status, "
        "c.text, c.theme_id, c.street, c.occurred_at FROM referral r "
        "JOIN concern c ON c.id = r.concern_id "
        "WHERE r._deleted = 0 AND c._deleted = 0 AND r.status NOT IN ('done', 'not_possible')")
    params: list[Any] = []
    if partner_id:
        sql += " AND r.partner_id = ?"
        params.append(partner_id)
    sql += " ORDER BY r.partner_id, r.due = '', r.due, c.occurred_at"
    return [OpenReferral(*row) for row in book._conn.execute(sql, params)]


def status_changes_since(book: Workbook, since: str) -> list[tuple[str, str, str, str]]:
    """(concern id, status, reason, at) of status history written since ``since``."""
    rows = book._conn.execute(
        "SELECT s.concern_id, s.status, s.reason, s.at FROM status_change s "
        "JOIN concern c ON c.id = s.concern_id "
        "WHERE s._deleted = 0 AND c._deleted = 0 AND s.at >= ? ORDER BY s.at", (since,))
    return [tuple(r) for r in rows]


def logged_since(book: Workbook, since: str) -> int:
    return book._conn.execute(
        "SELECT count(*) FROM concern WHERE _deleted = 0 AND logged_at >= ?",
        (since,)).fetchone()[0]


def existing_keys(book: Workbook) -> set[tuple[str, str, str]]:
    """(occurred_at, street, text) of every concern: how an import spots a repeat."""
    rows = book._conn.execute(
        "SELECT occurred_at, street, text FROM concern WHERE _deleted = 0")
    return {(r[0], r[1], r[2]) for r in rows}


def expired_contacts(book: Workbook, today: str) -> list[Concern]:
    """Concerns whose retention date has passed and that still hold contact details."""
    cols = ", ".join(_CONCERN_COLUMNS)
    rows = book._conn.execute(
        f"SELECT {cols} FROM concern WHERE retention_until != '' AND retention_until < ? "
        "AND contact_removed_at = '' "
        "AND (contact_name != '' OR contact_phone != '' OR contact_email != '')", (today[:10],))
    return [_concern(r) for r in rows]


def scrub_contact_history(book: Workbook, concern_ids: Iterable[str]) -> int:
    """Blank the contact details in the change log of these concerns; returns rows touched.

    The change log keeps every old value for merging; personal data past its
    retention date must not survive there either. Call inside the purge's
    transaction, after the fields themselves were cleared.
    """
    touched = 0
    book._conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed too
    for concern_id in concern_ids:
        rows = book._conn.execute(
            "SELECT id, data FROM changes WHERE tbl = 'concern' AND row_id = ?",
            (concern_id,)).fetchall()
        for change_id, data in rows:
            values = json.loads(data)
            if any(values.get(f) for f in CONTACT_FIELDS):
                for name in CONTACT_FIELDS:
                    if name in values:
                        values[name] = ""
                book._conn.execute("UPDATE changes SET data = ? WHERE id = ?",
                                   (json.dumps(values, ensure_ascii=False), change_id))
                touched += 1
    return touched


def contact_history_holds(book: Workbook, concern_id: str) -> bool:
    """Whether any old value of this concern's contact details is still in the change log."""
    for (data,) in book._conn.execute(
            "SELECT data FROM changes WHERE tbl = 'concern' AND row_id = ?", (concern_id,)):
        values = json.loads(data)
        if any(values.get(f) for f in CONTACT_FIELDS):
            return True
    return False


def checkpoint_idle(book: Workbook) -> None:
    """Copy the write-ahead log into the file now, while nobody waits (between two residents).

    Without it SQLite does this inside the commit of every ~100th intake, which
    then takes 5-8 ms instead of under 1 ms. PASSIVE never blocks a writer.
    """
    with book._lock:
        if not book.closed and not book._depth:
            book._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def row_states(book: Workbook, concern_ids: Iterable[str]) -> list[tuple[int, str, bool]]:
    """(rowid, logged_at, deleted) of some concerns: lets a list patch itself after an edit."""
    ids = list(concern_ids)
    out: list[tuple[int, str, bool]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        out += [(r[0], r[1], bool(r[2])) for r in book._conn.execute(
            f"SELECT rowid, logged_at, _deleted FROM concern WHERE id IN ({marks})", chunk)]
    return out


def logged_per_day(book: Workbook) -> dict[str, int]:
    """ISO date -> how many (live) concerns were logged that day."""
    rows = book._conn.execute(
        "SELECT substr(logged_at, 1, 10), count(*) FROM concern WHERE _deleted = 0 "
        "AND logged_at != '' GROUP BY 1")
    return {day: n for day, n in rows}
