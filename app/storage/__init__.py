"""The only package that speaks SQL. Everything else gets dataclasses."""

from app.storage.errors import (
    CorruptWorkbook,
    EncryptedWorkbook,
    NewerWorkbook,
    NotAWorkbook,
    WorkbookError,
    WrongPassphrase,
)
from app.storage.in_use import WorkbookInUse
from app.storage.workbook import Workbook

__all__ = [
    "CorruptWorkbook",
    "EncryptedWorkbook",
    "NewerWorkbook",
    "NotAWorkbook",
    "Workbook",
    "WorkbookError",
    "WorkbookInUse",
    "WrongPassphrase",
]
