"""One Oogst at a time writes a workbook: a second window or a writing command is refused
with one sentence, the file untouched; reading commands still work; a crash frees it."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli import main
from app.domain import Participant
from app.storage import Workbook, WorkbookInUse
from app.storage.in_use import claim_path
from sessions.demo import rebuild_demo
from sessions.setup import create_workbook

ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    made = tmp_path / "binnenstad.oogst"
    create_workbook(made, "future-search", "Veilige binnenstad").close()
    return made


def test_a_second_window_is_refused_and_the_file_left_as_it_was(path: Path) -> None:
    with Workbook.open(path, exclusive=True) as first:
        before = digest(path)
        with pytest.raises(WorkbookInUse, match=r"binnenstad\.oogst is al geopend in een "
                                                r"ander Oogst-venster op deze computer "
                                                r"\(sinds \d\d:\d\d\)"):
            Workbook.open(path, exclusive=True)
        assert digest(path) == before
        first.insert(Participant(first_name="Ayşe", last_name="Kaya"))  # the first goes on
        with Workbook.open(path) as reader:  # check, list and export only read: allowed
            assert [p.first_name for p in reader.all(Participant)] == ["Ayşe"]
    assert not claim_path(path).exists()  # closed: claim and its file gone
    with Workbook.open(path, exclusive=True) as again:
        assert again.claim is not None and again.claim.held


def test_a_new_workbook_is_claimed_until_closed(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.oogst"
    book = create_workbook(path, "social-design", "Vraagstukken", exclusive=True)
    with pytest.raises(WorkbookInUse):
        Workbook.open(path, exclusive=True)
    book.close()
    Workbook.open(path, exclusive=True).close()


def test_a_crashed_holder_leaves_no_claim_behind(path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from app.storage import Workbook
            book = Workbook.open({str(path)!r}, exclusive=True)
            print("open", flush=True)
            time.sleep(60)
        """)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WorkbookInUse):
            Workbook.open(path, exclusive=True)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert claim_path(path).exists()  # no one removed it: the lock is what counted
    with Workbook.open(path, exclusive=True) as book:
        assert book.integrity() == "ok"
        assert json.loads(claim_path(path).read_text())["pid"] == os.getpid()  # not the dead


def test_the_demo_is_not_rebuilt_under_another_window(tmp_path: Path) -> None:
    path = tmp_path / "demo.oogst"
    with rebuild_demo(path) as first:
        first.insert(Participant(first_name="Extra", last_name="Gast"))
        before = digest(path)
        with pytest.raises(WorkbookInUse):
            rebuild_demo(path)
        assert digest(path) == before
        assert first.get(Participant, first.all(Participant)[-1].id) is not None
    with rebuild_demo(path) as rebuilt:  # closed: rebuilt afresh
        assert "Extra" not in {p.first_name for p in rebuilt.all(Participant)}


def test_a_writing_command_is_refused_while_a_window_has_it(path: Path, tmp_path: Path,
                                                            capsys) -> None:
    source = tmp_path / "deelnemers.csv"
    source.write_bytes("Voornaam;Achternaam\r\nFleur;Brink\r\n".encode("cp1252"))
    with Workbook.open(path, exclusive=True):
        assert main(["participants", "import", str(path), str(source)]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("oogst: ") and "al geopend" in err and "\n" not in err
        assert main(["participants", "import", str(path), str(source), "--dry-run"]) == 0
        assert main(["check", str(path)]) == 0
    with Workbook.open(path) as book:
        assert book.all(Participant) == []  # nothing was imported while it was open
    assert main(["participants", "import", str(path), str(source)]) == 0
