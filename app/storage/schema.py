"""The workbook schema and its migrations, in order.

Rules that keep workbooks mergeable and readable forever:
- every table has a UUID text key and the bookkeeping columns ``_hlc`` (hybrid
  clock stamp of the last change), ``_site`` (laptop that made it) and
  ``_deleted`` (tombstone: rows are never physically deleted);
- every change is also kept, insert-only, in ``changes``: merging two
  workbooks is the union of their changes, replayed in clock order;
- no uniqueness rule besides the UUID keys;
- a migration only ever adds; old versions stay readable by newer code.
"""

from __future__ import annotations

APPLICATION_ID = 0x4F4F4753  # "OOGS", in the SQLite header at offset 68
SCHEMA_VERSION = 3

_BOOK = "_hlc TEXT NOT NULL DEFAULT '', _site TEXT NOT NULL DEFAULT '', " \
        "_deleted INTEGER NOT NULL DEFAULT 0"



def _table(name: str, columns: str) -> str:
    """A record table: UUID key, the given columns, and the bookkeeping columns."""
    return f"CREATE TABLE {name} (id TEXT PRIMARY KEY, {columns}, {_BOOK})"


_T = "TEXT NOT NULL DEFAULT ''"
_I = "INTEGER NOT NULL DEFAULT 0"
_R = "REAL NOT NULL DEFAULT 0"

MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE changes (
            id TEXT PRIMARY KEY, hlc TEXT NOT NULL, site TEXT NOT NULL,
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX changes_row ON changes (tbl, row_id)",
        "CREATE INDEX changes_hlc ON changes (hlc)",
        f"""CREATE TABLE event (
            id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', method TEXT NOT NULL DEFAULT '',
            question TEXT NOT NULL DEFAULT '', venue TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL DEFAULT '', end_date TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'nl', public_url TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '', participation_level TEXT NOT NULL DEFAULT '',
            frame TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '', {_BOOK})""",
        f"""CREATE TABLE agenda_day (
            id TEXT PRIMARY KEY, position REAL NOT NULL DEFAULT 0, date TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '', {_BOOK})""",
        f"""CREATE TABLE agenda_block (
            id TEXT PRIMARY KEY, day_id TEXT NOT NULL DEFAULT '', position REAL NOT NULL DEFAULT 0,
            start TEXT NOT NULL DEFAULT '', minutes INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '', phase TEXT NOT NULL DEFAULT '',
            board TEXT NOT NULL DEFAULT '', grouping TEXT NOT NULL DEFAULT '',
            prompt TEXT NOT NULL DEFAULT '', {_BOOK})""",
        f"""CREATE TABLE stakeholder_group (
            id TEXT PRIMARY KEY, position REAL NOT NULL DEFAULT 0, name TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '#888888', target_size INTEGER NOT NULL DEFAULT 0,
            {_BOOK})""",
        f"""CREATE TABLE participant (
            id TEXT PRIMARY KEY, first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '',
            group_id TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'participant',
            email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
            dietary TEXT NOT NULL DEFAULT '', access_needs TEXT NOT NULL DEFAULT '',
            consent_photo INTEGER NOT NULL DEFAULT 0, consent_contact INTEGER NOT NULL DEFAULT 0,
            consent_name INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '',
            checkin_code TEXT NOT NULL DEFAULT '', {_BOOK})""",
        f"""CREATE TABLE attendance (
            id TEXT PRIMARY KEY, participant_id TEXT NOT NULL DEFAULT '',
            day_id TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'present', {_BOOK})""",
        "CREATE INDEX participant_group ON participant (group_id)",
        "CREATE INDEX block_day ON agenda_block (day_id)",
        "CREATE INDEX attendance_participant ON attendance (participant_id)",
    ],
    2: [
        f"""CREATE TABLE seat (
            id TEXT PRIMARY KEY, round_no INTEGER NOT NULL DEFAULT 0,
            participant_id TEXT NOT NULL DEFAULT '', table_no INTEGER NOT NULL DEFAULT 0,
            {_BOOK})""",
        f"""CREATE TABLE seating_rule (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'pin',
            participant_id TEXT NOT NULL DEFAULT '', other_id TEXT NOT NULL DEFAULT '',
            table_no INTEGER NOT NULL DEFAULT 0, {_BOOK})""",
        "CREATE INDEX seat_round ON seat (round_no)",
    ],
    3: [  # boards (Future Search and friends) and the caravan logbook
        _table("timeline_entry", f"lane {_T}, year {_I}, decade_only {_I}, text {_T}, "
                                 f"group_id {_T}, position {_R}"),
        _table("timeline_reading", f"lane {_T}, table_no {_I}, stories {_T}, "
                                   f"implications {_T}"),
        _table("trend", f"parent_id {_T}, text {_T}, x {_R}, y {_R}, placed {_I}, "
                        f"position {_R}"),
        _table("trend_link", f"from_id {_T}, to_id {_T}"),
        _table("dot", f"target_id {_T}, group_id {_T}, participant_id {_T}"),
        _table("group_statement", f"group_id {_T}, kind {_T}, text {_T}, trend_id {_T}, "
                                  f"position {_R}"),
        _table("scenario", f"table_no {_I}, title {_T}, horizon {_I}, narrative {_T}, "
                           f"features {_T}, position {_R}"),
        _table("attachment", f"owner_id {_T}, file_name {_T}, mime {_T}, caption {_T}, "
                             f"data BLOB NOT NULL DEFAULT x'', position {_R}"),
        _table("common_ground", f"text {_T}, status {_T}, tables {_T}, position {_R}"),
        _table("action_plan", f"title {_T}, common_ground_id {_T}, goal {_T}, "
                              f"owner_id {_T}, deadline {_T}, needs {_T}, follow_up {_T}, "
                              f"position {_R}"),
        _table("plan_member", f"plan_id {_T}, participant_id {_T}"),
        _table("action_step", f"plan_id {_T}, what {_T}, who {_T}, due {_T}, "
                              f"position {_R}"),
        _table("commitment", f"participant_id {_T}, plan_id {_T}, text {_T}, due {_T}"),
        _table("theme", f"name {_T}, label {_T}, parent_id {_T}, position {_R}"),
        _table("partner", f"name {_T}, kind {_T}, position {_R}"),
        _table("concern", f"text {_T}, theme_id {_T}, subtheme_id {_T}, street {_T}, "
                          f"house_numbers {_T}, near {_T}, occurred_at {_T}, "
                          f"logged_at {_T}, kind {_T}, frequency {_T}, urgency {_I}, "
                          f"status {_T}, consent_contact {_I}, contact_name {_T}, "
                          f"contact_phone {_T}, contact_email {_T}, share_with {_T}, "
                          f"retention_until {_T}, contact_removed_at {_T}, feedback {_T}"),
        _table("status_change", f"concern_id {_T}, status {_T}, reason {_T}, at {_T}"),
        _table("referral", f"concern_id {_T}, partner_id {_T}, action {_T}, owner {_T}, "
                           f"due {_T}, status {_T}"),
        "CREATE INDEX timeline_lane ON timeline_entry (lane, year)",
        "CREATE INDEX trend_parent ON trend (parent_id)",
        "CREATE INDEX dot_target ON dot (target_id)",
        "CREATE INDEX statement_group ON group_statement (group_id, kind)",
        "CREATE INDEX attachment_owner ON attachment (owner_id)",
        "CREATE INDEX step_plan ON action_step (plan_id)",
        "CREATE INDEX member_plan ON plan_member (plan_id)",
        "CREATE INDEX commitment_plan ON commitment (plan_id)",
        "CREATE INDEX commitment_person ON commitment (participant_id)",
        "CREATE INDEX concern_logged ON concern (logged_at)",
        "CREATE INDEX concern_theme ON concern (theme_id)",
        "CREATE INDEX concern_status ON concern (status)",
        "CREATE INDEX concern_street ON concern (street)",
        "CREATE INDEX referral_concern ON referral (concern_id)",
        "CREATE INDEX referral_partner ON referral (partner_id)",
        "CREATE INDEX status_concern ON status_change (concern_id)",
        # full-text search over concerns; diacritics folded ("ideeen" finds "ideeën")
        "CREATE VIRTUAL TABLE concern_fts USING fts5(text, street, near, feedback, "
        "content='concern', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER concern_fts_ai AFTER INSERT ON concern BEGIN "
        "INSERT INTO concern_fts (rowid, text, street, near, feedback) "
        "VALUES (new.rowid, new.text, new.street, new.near, new.feedback); END",
        "CREATE TRIGGER concern_fts_ad AFTER DELETE ON concern BEGIN "
        "INSERT INTO concern_fts (concern_fts, rowid, text, street, near, feedback) "
        "VALUES ('delete', old.rowid, old.text, old.street, old.near, old.feedback); END",
        "CREATE TRIGGER concern_fts_au AFTER UPDATE ON concern BEGIN "
        "INSERT INTO concern_fts (concern_fts, rowid, text, street, near, feedback) "
        "VALUES ('delete', old.rowid, old.text, old.street, old.near, old.feedback); "
        "INSERT INTO concern_fts (rowid, text, street, near, feedback) "
        "VALUES (new.rowid, new.text, new.street, new.near, new.feedback); END",
    ],
}
