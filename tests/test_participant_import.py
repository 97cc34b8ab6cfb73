"""Importing participants: what is stored, what is skipped and why, never half an import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.column_mapping import PARTICIPANT_FIELDS, guess_mapping
from app.domain import Participant, StakeholderGroup
from app.participant_import import match_group, plan_import
from app.storage import Workbook
from app.tabular import read_csv_bytes
from sessions.setup import create_workbook

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "deelnemers_binnenstad.csv"


def plan_for(book: Workbook, text: str, encoding: str = "utf-8", **kw):
    table = read_csv_bytes(text.encode(encoding), "t.csv")
    mapping = guess_mapping(table.headers, PARTICIPANT_FIELDS)
    return plan_import(table, mapping, book.all(Participant), book.all(StakeholderGroup), **kw)


def test_dutch_excel_export_imports_with_accents_and_groups(book: Workbook) -> None:
    text = ("Voornaam;Achternaam;Organisatie;Groep;E-mail;Toestemming foto's\r\n"
            "Esmé;Çelik;Wijkraad;bewoners;e@example.org;Ja\r\n"
            "Ümit;Yılmaz;;Ondernemer;u@example.org;nee\r\n"
            ";;;;;\r\n"
            "Esmé;Çelik;Wijkraad;Bewoners;e@example.org;Ja\r\n")
    plan = plan_for(book, text)
    assert [p.name for p in plan.participants] == ["Esmé Çelik", "Ümit Yılmaz"]
    groups = {g.id: g.name for g in book.all(StakeholderGroup)}
    assert [groups[p.group_id] for p in plan.participants] == ["Bewoners", "Ondernemers"]
    assert plan.participants[0].consent_photo and not plan.participants[1].consent_photo
    assert [s.reason for s in plan.skipped] == ["dubbel (zelfde naam en e-mail)"]
    plan.command().apply(book)
    assert {p.name for p in book.all(Participant)} == {"Esmé Çelik", "Ümit Yılmaz"}


def test_cp1252_names_survive(book: Workbook) -> None:
    plan = plan_for(book, "Naam;Groep\r\nEsmé de Wit;Jongeren\r\nZoë Ümit;Jongeren\r\n",
                    "cp1252")
    assert [(p.first_name, p.last_name) for p in plan.participants] == [
        ("Esmé", "de Wit"), ("Zoë", "Ümit")]


def test_forty_spellings_of_groups_do_not_make_forty_groups(book: Workbook) -> None:
    spellings = ["Bewoners", "bewoners", "BEWONERS", " Bewoner", "bewoner.", "Ondernemers",
                 "ondernemer", "Jongeren", "jongere", "JONGEREN "]
    rows = "".join(f"P{i};Achter{i};{spellings[i % len(spellings)]}\r\n" for i in range(40))
    plan = plan_for(book, "Voornaam;Achternaam;Groep\r\n" + rows)
    assert plan.new_groups == [] and len(plan.participants) == 40


def test_unknown_group_is_created_or_left_to_the_user(book: Workbook) -> None:
    text = "Voornaam;Achternaam;Groep\r\nA;B;Woningcorporaties\r\n"
    assert [g.name for g in plan_for(book, text).new_groups] == ["Woningcorporaties"]
    plan = plan_for(book, text, create_groups=False)
    assert plan.new_groups == [] and plan.unknown_groups == {"Woningcorporaties": 1}
    assert plan.participants[0].group_id == ""


def test_import_is_one_undoable_transaction(book: Workbook) -> None:
    plan = plan_for(book, "Voornaam;Achternaam;Groep\r\nA;B;Nieuw\r\nC;D;Nieuw\r\n")
    command = plan.command()
    command.apply(book)
    assert book.count(Participant) == 2
    command.revert(book)
    assert book.count(Participant) == 0
    assert "Nieuw" not in {g.name for g in book.all(StakeholderGroup)}


def test_match_group_is_not_greedy() -> None:
    groups = [StakeholderGroup(name="Politie en brandweer"), StakeholderGroup(name="Gemeente")]
    assert match_group("politie", groups) is groups[0]
    assert match_group("Raad", groups) is None


@pytest.mark.skipif(not SHARED.exists(), reason="shared data not present")
def test_cli_imports_the_shared_file_and_reports(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fs.oogst"
    create_workbook(path, "future-search", "Binnenstad").close()
    assert main(["participants", "import", str(path), str(SHARED), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 72 and report["encoding"] == "cp1252"
    assert "Voornaam" in report["columns_used"] and report["columns_ignored"] == []
    assert main(["participants", "import", str(path), str(SHARED), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["imported"] == 0 and again["skipped_reasons"] == {
        "dubbel (zelfde naam en e-mail)": 72}
    assert main(["participants", "list", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 72 and {"name", "group", "email"} <= set(listed[0])


def test_cli_refuses_bad_files_and_imports_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fs.oogst"
    create_workbook(path, "future-search", "Binnenstad").close()
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    assert main(["participants", "import", str(path), str(empty)]) == 1
    nameless = tmp_path / "geen_namen.csv"
    nameless.write_text("Kleur;Getal\nrood;1\n")
    assert main(["participants", "import", str(path), str(nameless)]) == 1
    err = capsys.readouterr().err
    assert err.count("oogst: ") == 2
    with Workbook.open(path) as book:
        assert book.count(Participant) == 0
