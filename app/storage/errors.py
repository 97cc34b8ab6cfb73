"""What can go wrong when opening a workbook, each with one clear sentence."""

from __future__ import annotations


class WorkbookError(Exception):
    """A problem a user must be told about; ``str()`` is the sentence to show."""


class NotAWorkbook(WorkbookError):
    pass


class CorruptWorkbook(WorkbookError):
    pass


class NewerWorkbook(WorkbookError):
    pass


class EncryptedWorkbook(WorkbookError):
    """The file is encrypted and no passphrase was given."""


class WrongPassphrase(WorkbookError):
    pass
