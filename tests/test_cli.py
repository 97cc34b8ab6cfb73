"""The ``oogst`` command line: what it prints, what it stores, how it fails."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.cli import main
from app.storage import Workbook

ROOT = Path(__file__).resolve().parent.parent


def test_help_lists_the_commands() -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for command in ("open", "demo", "new", "check"):
        assert command in done.stdout


def test_new_then_check(tmp_path: Path, capsys) -> None:
    path = tmp_path / "sd.oogst"
    assert main(["new", str(path), "--method", "social-design", "--title", "Vraagstukken"]) == 0
    with Workbook.open(path) as book:
        assert (book.event().method, book.event().title) == ("social-design", "Vraagstukken")
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert report["healthy"] and report["integrity"] == "ok"


def test_demo_without_gui(tmp_path: Path) -> None:
    path = tmp_path / "demo.oogst"
    assert main(["demo", str(path), "--no-gui"]) == 0
    with Workbook.open(path) as book:
        assert book.event().title == "Veilige en leefbare binnenstad"
    assert main(["demo", str(path), "--no-gui"]) == 1  # refuses to replace without --force


def test_errors_are_one_sentence_on_stderr(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "kapot.oogst"
    bad.write_text("nope")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("oogst: ") and "kapot.oogst" in err and "\n" not in err
    assert main(["check", str(tmp_path / "missing.oogst")]) == 1


def test_encrypted_logbook_from_passphrase_file(tmp_path: Path, capsys) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("paardenstal correct\n")
    path = tmp_path / "caravan.oogst"
    assert main(["new", str(path), "--method", "logbook", "--title", "Caravan",
                 "--passphrase-file", str(secret)]) == 0
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert main(["check", str(path), "--passphrase-file", str(secret)]) == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("fout")
    assert main(["check", str(path), "--passphrase-file", str(wrong)]) == 1
    assert "wachtwoordzin" in capsys.readouterr().err
