"""Shared fixtures: every test gets its own Oogst home (settings, backups)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage import Workbook
from sessions.setup import create_workbook


@pytest.fixture(autouse=True)
def oogst_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("OOGST_HOME", str(home))
    return home


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Workbook]:
    wb = create_workbook(tmp_path / "event.oogst", "future-search", "Veilige binnenstad")
    yield wb
    wb.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from sessions.demo import build_demo

    path = tmp_path / "demo.oogst"
    build_demo(path).close()
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Workbook]:
    """The demo workbook, open."""
    book = Workbook.open(demo_path)
    yield book
    book.close()


@pytest.fixture
def checks_before_opening(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each check a workbook gets before it opens: (thread name, pages checked too?)."""
    import threading

    from app.storage import connection

    checks: list[tuple[str, bool]] = []
    verify = connection.verify_readable

    def spy(conn, path, passphrase, quick_check=True):  # noqa: ANN001, ANN202
        checks.append((threading.current_thread().name, quick_check))
        return verify(conn, path, passphrase, quick_check)

    monkeypatch.setattr(connection, "verify_readable", spy)
    return checks


@pytest.fixture
def styled(qapp):
    """The app as users see it: Oogst's stylesheet, palette and font (sizes grow)."""
    from widgets.style import apply_style

    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
