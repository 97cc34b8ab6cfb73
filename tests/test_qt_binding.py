"""The Qt binding survives many calls of methods that return None.

PySide6 6.12.0 on Python < 3.12 aborts the process ("none_dealloc") after a few
thousand such calls; run the loop in a child process so an abort is a failing
return code instead of a dead test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QWidget

app = QApplication([])
label, widget, model = QLabel(), QWidget(), QStandardItemModel(10, 1)
for i in range(20_000):
    label.setText(str(i))
    widget.resize(100 + i % 50, 100)
    model.setItem(i % 10, 0, QStandardItem(str(i)))
print("survived", label.text())
"""


def test_none_returning_calls_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 19999" in result.stdout
