"""Every kind of record a workbook holds, by table name."""

from __future__ import annotations

from app.board_records import BOARD_ENTITIES
from app.domain import CORE_ENTITIES, Record
from app.logbook_records import LOGBOOK_ENTITIES

ENTITIES: tuple[type[Record], ...] = CORE_ENTITIES + BOARD_ENTITIES + LOGBOOK_ENTITIES
BY_TABLE: dict[str, type[Record]] = {cls.TABLE: cls for cls in ENTITIES}
