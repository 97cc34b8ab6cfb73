"""Data exports (XLSX, CSV, ICS, Decidim, OpenStad, JSON archive), the privacy rule,
the job runner and ``oogst export``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import icalendar
import openpyxl
import pytest
from test_exports_fill import HIDDEN, HIDDEN_EMAIL, HIDDEN_PHONE, NAMED, fill_boards

from app.board_records import ActionPlan, CommonGround, GroupStatement
from app.cli import main
from app.domain import StakeholderGroup
from app.storage import Workbook
from exports.data import write_csv_folder, write_ics, write_xlsx_export
from exports.decidim import write_decidim, write_openstad
from exports.jobs import ExportJob, run_jobs

SHEETS = ["Bijeenkomst", "Programma", "Groepen", "Deelnemers", "Aanwezigheid", "Tijdlijn",
          "Duidingen", "Trends", "Uitspraken", "Toekomstbeelden", "Gemeenschappelijke grond",
          "Actieplannen", "Stappen", "Toezeggingen"]
HIDDEN_NAME = " ".join(HIDDEN)


@pytest.fixture
def filled(book: Workbook) -> Workbook:
    fill_boards(book)
    group = book.all(StakeholderGroup)[0]
    book.insert_many([GroupStatement(group_id=group.id, kind="doing",
                                     text="=HYPERLINK(\"http://evil\",\"klik\")"),
                      CommonGround(text="+31 6 12345678 bellen", status="agreed"),
                      CommonGround(text="@SUM(A1:A9)", status="project")])
    return book


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)


def test_xlsx_one_sheet_per_entity_frozen_filtered(filled: Workbook, tmp_path: Path) -> None:
    path = write_xlsx_export(filled, tmp_path / "data.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    people = wb["Deelnemers"]
    assert people.max_row == 1 + 8 * 4 and people.freeze_panes == "A2"
    assert people.auto_filter.ref.startswith("A1:")
    assert people.column_dimensions["A"].width >= 8
    assert wb["Actieplannen"].max_row == 1 + 4
    trends = wb["Trends"]
    headers = [c.value for c in trends[1]]
    assert headers[:5] == ["id", "Rang", "Trend", "Hoofdtrend", "Stippen"] and len(headers) == 13
    text = xlsx_text(path)
    assert NAMED[0] in text and HIDDEN[0] not in text and HIDDEN_EMAIL not in text
    assert "@example.org" not in text and HIDDEN_PHONE not in text


def test_xlsx_with_personal_data(filled: Workbook, tmp_path: Path) -> None:
    text = xlsx_text(write_xlsx_export(filled, tmp_path / "data.xlsx", include_personal=True))
    assert HIDDEN[0] in text and HIDDEN_EMAIL in text and HIDDEN_PHONE in text


def test_formula_injection_is_neutralised(filled: Workbook, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_xlsx_export(filled, tmp_path / "data.xlsx"))
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://evil\",\"klik\")" in cells
    assert "'+31 6 12345678 bellen" in cells and "'@SUM(A1:A9)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    folder = tmp_path / "csv"
    write_csv_folder(filled, folder)
    statements = (folder / "group_statements.csv").read_text(encoding="utf-8-sig")
    texts = [row[3] for row in csv.reader(statements.splitlines(), delimiter=";")]
    assert "'=HYPERLINK(\"http://evil\",\"klik\")" in texts
    decidim = tmp_path / "d.csv"
    filled.insert(ActionPlan(title="=1+1 kwaad", goal="x"))
    write_decidim(filled, decidim)
    assert "'=1+1 kwaad" in decidim.read_text(encoding="utf-8")


def test_csv_folder_dutch_excel(filled: Workbook, tmp_path: Path) -> None:
    files = write_csv_folder(filled, tmp_path / "csv")
    assert {f.name for f in files} >= {"participants.csv", "trends.csv", "action_plans.csv",
                                       "commitments.csv", "timeline_entries.csv"}
    raw = (tmp_path / "csv" / "participants.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["id", "Voornaam", "Achternaam"] and len(rows) == 33
    assert HIDDEN[0] not in raw.decode("utf-8-sig")


def test_ics_parses_with_deadlines_and_follow_ups(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "plans.ics"
    count = write_ics(filled, path)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = cal.walk("VEVENT")
    plans = filled.all(ActionPlan)
    # the follow-up meeting, a deadline per plan, a follow-up per plan (a date of its own)
    assert len(events) == count == 1 + len(plans) + len(plans)
    summaries = [str(e["summary"]) for e in events]
    assert any(s.startswith("Deadline actieplan: Actieplan 1") for s in summaries)
    assert len({str(e["uid"]) for e in events}) == count
    assert HIDDEN_NAME not in path.read_text(encoding="utf-8")


def test_decidim_accountability_csv(filled: Workbook, tmp_path: Path) -> None:
    path = write_decidim(filled, tmp_path / "results.csv")
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    assert len(rows) == 4
    first = rows[0]
    assert first["title/nl"] == "Actieplan 1: lichte looproutes"
    assert first["end_date"] == "2027-03-15" and first["progress"] == "0"
    assert "<p>Veilig naar huis</p>" in first["description/nl"]
    assert "Eerste stappen" in first["description/nl"]
    assert HIDDEN_NAME not in text and "een deelnemer (" in text


def test_openstad_resources(filled: Workbook, tmp_path: Path) -> None:
    data = json.loads(write_openstad(filled, tmp_path / "os.json").read_text(encoding="utf-8"))
    resources = data["resources"]
    kinds = {r["extraData"]["kind"] for r in resources}
    assert kinds == {"common_ground", "trend", "group_statement", "scenario"}
    assert all(10 <= len(r["title"]) <= 50 and len(r["summary"]) <= 140 for r in resources)
    trend = next(r for r in resources if r["extraData"]["kind"] == "trend")
    assert trend["extraData"]["votes"] == sum(trend["extraData"]["votesPerGroup"].values())
    rows = list(csv.DictReader(write_openstad(filled, tmp_path / "os.csv").read_text(
        encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == len(resources)


def test_json_archive_privacy(filled: Workbook, tmp_path: Path) -> None:
    archive = pytest.importorskip("exports.archive")
    plain, full = tmp_path / "a.json", tmp_path / "b.json"
    archive.write_archive(filled, plain)
    archive.write_archive(filled, full, include_personal=True)
    assert HIDDEN_EMAIL not in plain.read_text(encoding="utf-8")
    assert HIDDEN_NAME not in plain.read_text(encoding="utf-8")
    assert HIDDEN_EMAIL in full.read_text(encoding="utf-8")


def test_jobs_report_progress_and_stop_when_cancelled(filled: Workbook, tmp_path: Path) -> None:
    jobs = [ExportJob("summary", tmp_path / "s.pdf"), ExportJob("xlsx", tmp_path / "d.xlsx"),
            ExportJob("recap", tmp_path / "r.pdf", day=1)]
    seen: list[tuple[int, int, str]] = []
    report = run_jobs(filled, jobs, progress=lambda d, t, label: seen.append((d, t, label)))
    assert report.ok and [s[0] for s in seen] == [0, 1, 2, 3] and seen[-1][1] == 3
    assert all(j.path.exists() for j in jobs) and report.folders() == [tmp_path]
    assert not list(tmp_path.glob("*.part"))
    calls = iter([False, True])
    stopped = run_jobs(filled, jobs, cancelled=lambda: next(calls, True))
    assert stopped.cancelled and len(stopped.results) == 1 and not stopped.ok


def test_jobs_open_their_own_workbook_and_report_errors(filled: Workbook,
                                                        tmp_path: Path) -> None:
    path = filled.path
    jobs = [ExportJob("recap", tmp_path / "r.pdf", day=7), ExportJob("ics", tmp_path / "a.ics")]
    report = run_jobs(path, jobs)
    assert not report.ok and not report.results[0].ok and "Dag 7" in report.results[0].detail
    assert report.results[1].ok and (tmp_path / "a.ics").exists()
    assert not (tmp_path / "r.pdf").exists()


def test_cli_export_several_at_once(filled: Workbook, tmp_path: Path, capsys) -> None:
    filled.close()
    out = tmp_path / "out"
    args = ["export", str(filled.path), "--report", str(out / "r.pdf"), "--day", "2",
            "--recap", str(out / "d2.pdf"), "--action-plans", str(out / "ap.pdf"),
            "--summary", str(out / "s.pdf"), "--commitments", str(out / "c.pdf"),
            "--badges", str(out / "b.pdf"), "--xlsx", str(out / "d.xlsx"),
            "--csv", str(out / "csv"), "--ics", str(out / "d.ics"),
            "--decidim", str(out / "dec.csv"), "--openstad", str(out / "os.json")]
    assert main(args) == 0
    printed = capsys.readouterr().out
    for name in ("r.pdf", "d2.pdf", "ap.pdf", "s.pdf", "c.pdf", "b.pdf", "d.xlsx", "d.ics",
                 "dec.csv", "os.json"):
        assert (out / name).stat().st_size > 0, name
        assert name in printed
    assert (out / "csv" / "participants.csv").exists()
    assert main(["export", str(filled.path)]) == 1
    assert main(["export", str(filled.path), "--recap", str(out / "x.pdf")]) == 1
    assert "--day" in capsys.readouterr().err


def test_cli_export_json_with_personal_data(filled: Workbook, tmp_path: Path) -> None:
    pytest.importorskip("exports.archive")
    filled.close()
    out = tmp_path / "a.json"
    assert main(["export", str(filled.path), "--json", str(out),
                 "--include-personal-data"]) == 0
    assert HIDDEN_EMAIL in out.read_text(encoding="utf-8")
