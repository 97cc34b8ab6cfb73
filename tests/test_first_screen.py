"""The first window opens without building Qt's namespace enums (see widgets/roles.py),
nor types that only Python code run for every cell would need.

The first use of any ``Qt.…`` value costs about 30 ms on Python 3.11, a sixth of a
bare window's start-up (bench/startup.py). These tests run the start-up in a fresh
process, the only place where "not built yet" can be seen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from widgets import roles

ROOT = Path(__file__).resolve().parent.parent

OPEN_DEMO = """
import sys
from app import gui
app = gui.make_application()
controller = gui.start(sys.argv[1])
window = controller.windows[0]
app.processEvents()  # shown and painted
from PySide6 import {module} as module
built = "{name}" in module.__dict__  # a lazily built type enters its module once built
{extra}
print("BUILT", built, "{name}" in module.__dict__)
"""


def first_screen(demo: Path, home: Path, extra: str = "", module: str = "QtCore",
                 name: str = "Qt") -> tuple[bool, bool]:
    """Whether PySide6 built the type ``module.name`` while opening ``demo``, and after
    ``extra`` ran, in a fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OOGST_HOME=str(home),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    code = OPEN_DEMO.format(extra=extra, module=module, name=name)
    done = subprocess.run([sys.executable, "-c", code, str(demo)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("BUILT"):
            _, during, after = line.split()
            return during == "True", after == "True"
    raise AssertionError(f"the child did not report (exit {done.returncode}):\n{done.stderr}")


def test_the_demo_opens_on_the_agenda_without_qt_namespace_enums(
        demo_path: Path, tmp_path: Path) -> None:
    # The check can fail: reading a shortcut's context (a Qt enum) builds them.
    extra = "window.page('agenda').delete_shortcut.context()"
    during, after = first_screen(demo_path, tmp_path / "home", extra)
    assert not during
    assert after


@pytest.mark.parametrize("module, name", [
    # A delegate method written in Python (sizeHint, paint) gets a QStyleOptionViewItem
    # from Qt: that type and its enums cost ~2 ms. The agenda's rows take their height
    # from the style sheet instead.
    ("QtWidgets", "QStyleOptionViewItem"),
    # QLocale.toString(QDate) builds QDateTime for its overloads (with two enum types):
    # the header's dates are written by app.dates.
    ("QtCore", "QDateTime"),
    # Shortcuts are given as text through Qt's property system (widgets/shortcuts.py).
    ("QtGui", "QKeySequence"),
])
def test_the_first_window_builds_no_type_it_does_without(
        module: str, name: str, demo_path: Path, tmp_path: Path) -> None:
    # The check can fail: the type is built when asked for.
    extra = f"from PySide6.{module} import {name}"
    during, after = first_screen(demo_path, tmp_path / "home", extra, module, name)
    assert not during
    assert after


OPEN_START_SCREEN = """
from app import gui
app = gui.make_application()
controller = gui.start(None)
app.processEvents()  # shown and painted
import sys
from PySide6 import QtCore, QtWidgets
print("BUILT", "Qt" in QtCore.__dict__, "QStyle" in QtWidgets.__dict__, "tomllib" in sys.modules)
"""


def test_the_start_screen_opens_without_qt_namespace_enums(tmp_path: Path) -> None:
    # What `oogst` without a file shows. It used the Qt namespace (alignments, item
    # flags, a focus policy: ~30 ms) and styled its method cards through style(), which
    # builds all of QStyle's enum types. It parsed every method template (tomllib, a
    # dozen dataclasses) to name the methods, which their first lines say.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OOGST_HOME=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", OPEN_START_SCREEN], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["BUILT", "False", "False", "False"]


def test_role_numbers_are_qts_own() -> None:
    role = Qt.ItemDataRole
    assert (roles.DISPLAY, roles.EDIT, roles.TOOLTIP, roles.FONT, roles.BACKGROUND,
            roles.FOREGROUND, roles.USER) == (
        role.DisplayRole.value, role.EditRole.value, role.ToolTipRole.value,
        role.FontRole.value, role.BackgroundRole.value, role.ForegroundRole.value,
        role.UserRole.value)
