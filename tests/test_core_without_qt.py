"""The core (app/ except the GUI entry, sessions/, exports/) runs without PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    names = []
    for package in ("app", "sessions", "exports"):
        names.append(package)
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if info.name not in ("app.gui", "app.__main__"):
                names.append(info.name)
    return names


def test_core_imports_with_pyside6_blocked(tmp_path: Path) -> None:
    modules = core_modules()
    assert "app.storage.workbook" in modules and "sessions.templates" in modules
    script = (
        "import sys\n"
        "for name in ('PySide6', 'PySide6.QtCore', 'PySide6.QtGui', 'PySide6.QtWidgets',"
        " 'shiboken6'):\n"
        "    sys.modules[name] = None\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "from sessions.demo import build_demo\n"
        f"build_demo({str(tmp_path / 'd.oogst')!r}).close()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
