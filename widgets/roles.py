"""Qt's item data roles as plain ints, for the models of the first screen.

The first use of any ``Qt.…`` value makes PySide6 build every Python enum type of Qt's
namespace (93 types, about 30 ms on Python 3.11: a sixth of a bare window's start-up).
The window that opens a workbook avoids that until the user does something that needs
it, so its models name roles by these values. They are Qt's own, fixed by its ABI;
tests/test_first_screen.py checks them against ``Qt.ItemDataRole``.
"""

from __future__ import annotations

DISPLAY = 0
EDIT = 2
TOOLTIP = 3
FONT = 6
BACKGROUND = 8
FOREGROUND = 9
USER = 0x100

# The value an editor starts from, for models that keep it apart from the text shown
# (a QStandardItem stores EditRole as DisplayRole). Delegates fall back to EditRole.
EDIT_VALUE = USER + 0x40
