"""The caravan logbook without Qt: intake, retention, partner exports, encryption, search."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from app.cli import main
from app.commands import UndoStack
from app.logbook import (
    CONTACT_REMOVED,
    IntakeDraft,
    LogbookError,
    ThemeIndex,
    ensure_seeded,
    history,
    intake_command,
    partner_named,
    partner_rows,
    purge_expired_contacts,
    referral_command,
    status_command,
    week_counts,
)
from app.logbook_import import (
    export_themes_xlsform,
    import_concerns,
    read_xlsform_choices,
    theme_import_command,
)
from app.logbook_records import Concern, Partner, Referral, StatusChange, Theme
from app.storage import EncryptedWorkbook, Workbook, WrongPassphrase
from app.storage import concern_queries as q
from app.storage.backups import take_backup
from app.storage.rekey import change_passphrase
from exports.logbook_pdf import gather_partner_list, write_partner_list_pdf
from exports.spreadsheet import write_csv, write_xlsx
from sessions.setup import create_workbook

SECRET = "paardenstal correct batterij"
CARAVAN_CSV = Path("/work/shared/data/meldingen_caravan.csv")
ROOT = Path(__file__).resolve().parent.parent
if not CARAVAN_CSV.exists():  # the shared example also lives next to the repository
    CARAVAN_CSV = ROOT.parent / "shared" / "data" / "meldingen_caravan.csv"


@pytest.fixture
def logbook(tmp_path: Path) -> Workbook:
    book = create_workbook(tmp_path / "caravan.oogst", "logbook", "Caravan", passphrase=SECRET)
    ensure_seeded(book)
    yield book
    book.close()


def theme(book: Workbook, text: str) -> str:
    found = ThemeIndex.of(book).resolve(text)
    assert found is not None
    return found[0]


def add(book: Workbook, text: str, **fields: object) -> Concern:
    draft = IntakeDraft(text=text, theme_id=fields.pop("theme_id", theme(book, "overig")),
                        **fields)  # type: ignore[arg-type]
    command = intake_command(draft)
    command.apply(book)
    return book.get(Concern, command.records[0].id)  # type: ignore[return-value]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seeding_themes_and_partners_once(logbook: Workbook) -> None:
    themes = ThemeIndex.of(logbook)
    assert [t.name for t in themes.top][:3] == ["drugsoverlast", "verlichting", "woningtoewijzing"]
    assert len(themes.top) == 8 and all(themes.children(t.id) for t in themes.top)
    assert [p.name for p in logbook.all(Partner)] == [
        "Politie", "Woningcorporatie Domijn", "RIBW", "Gemeente", "Tactus"]
    assert not ensure_seeded(logbook)
    assert themes.resolve("dru") == (themes.by_name("drugsoverlast").id, "")
    sub = themes.resolve("Drugsoverlast › Dealen")
    assert sub and themes.label(sub[1]) == "Dealen"


def test_intake_stores_anonymous_by_default(logbook: Workbook) -> None:
    concern = add(logbook, "  Er wordt gedeald bij het speeltuintje ", street="Heurne",
                  contact_name="Jan", contact_phone="0612345678")
    assert concern.text == "Er wordt gedeald bij het speeltuintje"
    assert concern.status == "new" and concern.logged_at and concern.occurred_at
    assert (concern.contact_name, concern.contact_phone, concern.retention_until) == ("", "", "")
    with_consent = add(logbook, "Bel me terug", consent_contact=True, contact_name="Jan")
    expected = (dt.date.today() + dt.timedelta(days=88)).isoformat()
    assert with_consent.contact_name == "Jan" and with_consent.retention_until > expected
    with pytest.raises(LogbookError):
        intake_command(IntakeDraft(text="   "))
    assert [s.status for s in history(logbook, concern.id)] == ["new"]


def test_retention_purge_removes_contact_data_and_records_it(logbook: Workbook) -> None:
    old = add(logbook, "Lamp kapot", consent_contact=True, contact_name="Jan Pijs",
              contact_phone="0612345678", contact_email="jan@example.org",
              retention_until="2020-01-01")
    fresh = add(logbook, "Lamp kapot", consent_contact=True, contact_name="Kim",
                retention_until="2999-01-01")
    assert q.contact_history_holds(logbook, old.id)
    report = purge_expired_contacts(logbook)
    assert report.removed == 1 and report.history_rows >= 1
    gone = logbook.get(Concern, old.id)
    assert (gone.contact_name, gone.contact_phone, gone.contact_email) == ("", "", "")
    assert gone.contact_removed_at and gone.text == "Lamp kapot"
    note = [s for s in logbook.all(StatusChange, concern_id=old.id) if s.status == CONTACT_REMOVED]
    assert len(note) == 1 and "2020-01-01" in note[0].reason
    assert not q.contact_history_holds(logbook, old.id)  # not in the change log either
    assert logbook.get(Concern, fresh.id).contact_name == "Kim"
    assert purge_expired_contacts(logbook).removed == 0  # recorded once, not again


def _referred(book: Workbook) -> tuple[Partner, Partner]:
    police = partner_named(book, "politie")
    domijn = partner_named(book, "Woningcorporatie")
    shared = add(book, "Dealen bij de flat", consent_contact=True, contact_name="Alice Deel",
                 contact_phone="0611111111", share_with=[police.id])
    other = add(book, "Portiek vies", consent_contact=True, contact_name="Bob Domijnman",
                share_with=[domijn.id])
    anonymous = add(book, "Scooters 's nachts", consent_contact=False, contact_name="Carla Geen")
    for concern in (shared, other, anonymous):
        referral_command(book, concern.id, [police.id, domijn.id], "Kijken", "wijkagent",
                         "2026-12-01").apply(book)
    return police, domijn


def test_partner_export_without_personal_data_unless_consented(logbook: Workbook,
                                                               tmp_path: Path) -> None:
    police, domijn = _referred(logbook)
    headers, rows = partner_rows(logbook, police.id)
    assert len(rows) == 3
    flat = json.dumps(rows, ensure_ascii=False)
    assert "Alice Deel" in flat and "0611111111" in flat
    assert "Bob Domijnman" not in flat and "Carla Geen" not in flat
    _, rows = partner_rows(logbook, domijn.id)
    flat = json.dumps(rows, ensure_ascii=False)
    assert "Bob Domijnman" in flat and "Alice Deel" not in flat and "Carla" not in flat
    write_csv(tmp_path / "p.csv", headers, partner_rows(logbook, police.id)[1])
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "Alice Deel" in text and "Bob" not in text
    pypdf = pytest.importorskip("pypdf")
    write_partner_list_pdf(tmp_path / "d.pdf", gather_partner_list(logbook, domijn.id))
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "d.pdf").pages)
    assert "Bob Domijnman" in pdf_text and "Alice" not in pdf_text and "Carla" not in pdf_text


def test_partner_agenda_has_no_personal_data(logbook: Workbook, tmp_path: Path) -> None:
    from exports.logbook_pdf import gather_partner_table, write_partner_table_pdf

    _referred(logbook)
    data = gather_partner_table(logbook, dt.date.today() - dt.timedelta(days=42))
    assert sum(len(v) for v in data.open_by_partner.values()) == 6
    assert "Alice" not in repr(data)
    write_partner_table_pdf(tmp_path / "agenda.pdf", data)
    assert (tmp_path / "agenda.pdf").read_bytes().startswith(b"%PDF")


def test_wrong_passphrase_refused_and_file_untouched(logbook: Workbook, tmp_path: Path) -> None:
    add(logbook, "Iets")
    path = logbook.path
    logbook.close()
    before = digest(path)
    with pytest.raises(WrongPassphrase) as caught:
        Workbook.open(path, "niet dit")
    assert path.name in str(caught.value) and "\n" not in str(caught.value)
    assert digest(path) == before
    with Workbook.open(path, SECRET) as again:
        assert again.count(Concern) == 1


def test_file_and_backup_are_encrypted(logbook: Workbook) -> None:
    add(logbook, "Geheim verhaal", consent_contact=True, contact_name="Zeldzame Naam")
    assert not logbook.path.read_bytes()[:16].startswith(b"SQLite format 3")
    backup = take_backup(logbook, "test")
    raw = backup.read_bytes()
    assert not raw[:16].startswith(b"SQLite format 3")
    assert b"Zeldzame" not in raw and b"Geheim verhaal" not in raw
    for suffix in ("", "-wal"):
        part = Path(str(logbook.path) + suffix)
        if part.exists():
            assert b"Zeldzame" not in part.read_bytes()
    with Workbook.open(backup, SECRET) as copy:
        assert copy.count(Concern) == 1
    with pytest.raises(EncryptedWorkbook):
        Workbook.open(backup)


def test_change_passphrase(logbook: Workbook) -> None:
    add(logbook, "Iets")
    change_passphrase(logbook, "een nieuwe wachtwoordzin")
    add(logbook, "Nog iets")
    path = logbook.path
    logbook.close()
    with pytest.raises(WrongPassphrase):
        Workbook.open(path, SECRET)
    with Workbook.open(path, "een nieuwe wachtwoordzin") as book:
        assert book.count(Concern) == 2


def test_full_text_search_folds_diacritics(logbook: Workbook) -> None:
    idea = add(logbook, "Ideeën voor de speeltuin bij het café")
    add(logbook, "Lantaarnpaal kapot")
    for query in ("ideeen", "ideeën", "IDEE", "cafe", "speel tuin"[:5]):
        hits = q.search(logbook, query)
        assert [h.concern_id for h in hits] == [idea.id], query
    assert "[Ideeën]" in q.search(logbook, "ideeen")[0].snippet
    assert q.count_concerns(logbook, q.ConcernFilter(query="ideeen")) == 1
    assert q.search(logbook, '"; DROP TABLE concern; --') == []
    UndoStack(logbook).push(intake_command(IntakeDraft(text="ideeën twee")))
    assert q.count_concerns(logbook, q.ConcernFilter(query="ideeen")) == 2


def test_undo_redo_keeps_search_in_step(logbook: Workbook) -> None:
    stack = UndoStack(logbook)
    stack.push(intake_command(IntakeDraft(text="Ideeën voor het plein")))
    assert stack.undo() and q.search(logbook, "ideeen") == []
    assert stack.redo() and len(q.search(logbook, "ideeen")) == 1
    logbook._conn.execute("INSERT INTO concern_fts (concern_fts) VALUES ('integrity-check')")


def test_status_and_referral_history(logbook: Workbook) -> None:
    concern = add(logbook, "Woning leeg")
    with pytest.raises(LogbookError):
        status_command(logbook, concern.id, "not_possible")
    stack = UndoStack(logbook)
    stack.push(referral_command(logbook, concern.id, [partner_named(logbook, "Gemeente").id],
                                "Uitzoeken", "Ilonka", "2026-12-01"))
    assert logbook.get(Concern, concern.id).status == "referred"
    stack.push(status_command(logbook, concern.id, "not_possible", "Valt onder landelijke regels"))
    assert [s.status for s in history(logbook, concern.id)] == ["new", "referred",
                                                                "not_possible"]
    stack.undo()
    assert logbook.get(Concern, concern.id).status == "referred"
    assert len(logbook.all(Referral, concern_id=concern.id)) == 1


def test_import_caravan_csv_with_counts_and_reasons(logbook: Workbook, tmp_path: Path) -> None:
    report = import_concerns(logbook, CARAVAN_CSV)
    assert (report.rows, report.imported, report.skipped) == (60, 60, [])
    assert report.new_themes == ["Groen en openbare ruimte"] and report.new_partners == ["Welzijn"]
    assert report.mapping["text"] == "Melding"
    assert report.mapping["referred_to"] == "Doorverwezen naar"
    with CARAVAN_CSV.open(encoding="utf-8-sig") as fh:
        referred = sum(1 for row in csv.DictReader(fh, delimiter=";") if row["Doorverwezen naar"])
    assert len(logbook.all(Referral)) == referred
    assert logbook.count(Concern) == 60
    again = import_concerns(logbook, CARAVAN_CSV)
    assert again.imported == 0 and len(again.skipped) == 60
    assert {why for _, why in again.skipped} == {"staat al in het logboek"}

    messy = tmp_path / "oud.csv"
    messy.write_text("Datum;Thema;Omschrijving;Naam;Contact mag\n"
                     "03-05-2022;Verlichting;Lamp kapot;Jan;nee\n"
                     ";Jongeren;Zonder datum;;\n"
                     "31-02-2022;Jongeren;Rare datum;;\n"
                     "04-05-2022;Jongeren;;;\n"
                     "05-05-2022;Onbekend thema;Nieuw thema erbij;Kim;ja\n", encoding="utf-8")
    report = import_concerns(logbook, messy)
    assert report.imported == 2
    assert report.skipped == [(3, "geen datum"), (4, "datum '31-02-2022' onleesbaar"),
                              (5, "geen melding ingevuld")]
    assert report.new_themes == ["Onbekend thema"] and report.notes  # Jan: no consent
    names = {c.contact_name for c in q.concerns_where(logbook)}
    assert "Jan" not in names and "Kim" in names


def test_import_refuses_unusable_files_and_imports_nothing(logbook: Workbook,
                                                            tmp_path: Path) -> None:
    wrong = tmp_path / "lijst.csv"
    wrong.write_text("Naam;Adres\nJan;Kerkstraat 1\n", encoding="utf-8")
    with pytest.raises(LogbookError, match="Melding"):
        import_concerns(logbook, wrong)
    with pytest.raises(LogbookError):
        import_concerns(logbook, tmp_path / "bestaat-niet.xlsx")
    assert logbook.count(Concern) == 0 and logbook.count(Theme) > 0


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rows = [["=HYPERLINK(\"http://x\")", "+31 6 1234", "-2+3", "@SUM(A1)", -5, 3.5, "gewoon"]]
    headers = ["a", "b", "c", "d", "e", "f", "g"]
    write_csv(tmp_path / "x.csv", headers, rows)
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw
    cells = next(iter(csv.reader(raw.decode("utf-8-sig").splitlines()[1:], delimiter=";")))
    assert cells[:4] == ["'=HYPERLINK(\"http://x\")", "'+31 6 1234", "'-2+3", "'@SUM(A1)"]
    assert cells[4:] == ["-5", "3.5", "gewoon"]
    write_xlsx(tmp_path / "x.xlsx", {"Blad": (headers, rows)})
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    values = [c.value for c in sheet[2]]
    assert values[:4] == cells[:4] and values[4:] == [-5, 3.5, "gewoon"]
    assert all(c.data_type != "f" for c in sheet[2])
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G2"


def test_week_counts_per_iso_week(logbook: Workbook) -> None:
    drugs = theme(logbook, "drugs")
    for day in ("2022-05-02T10:00", "2022-05-08T22:00", "2022-05-09T09:00"):
        add(logbook, "Dealen", theme_id=drugs, occurred_at=day)
    counts = week_counts(logbook, dt.date(2022, 5, 1), dt.date(2022, 5, 15))
    assert counts.weeks == ["2022-W17", "2022-W18", "2022-W19"]
    assert counts.counts[counts.theme_ids.index(drugs)] == [0, 2, 1]


def test_xlsform_theme_roundtrip(logbook: Workbook, tmp_path: Path) -> None:
    path = export_themes_xlsform(logbook, tmp_path / "themes.xlsx")
    choices = read_xlsform_choices(path)
    assert {c.list_name for c in choices} == {"thema", "subthema"}
    assert theme_import_command(logbook, choices)[0] is None  # nothing new
    other = create_workbook(tmp_path / "leeg.oogst", "logbook", "Leeg")
    try:
        command, changes = theme_import_command(other, choices)
        command.apply(other)
        assert len(other.all(Theme)) == len(logbook.all(Theme)) and changes
    finally:
        other.close()


def test_cli_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("OOGST_PASSPHRASE", SECRET)
    path = tmp_path / "cli.oogst"
    assert main(["new", str(path), "--method", "logbook", "--title", "Caravan"]) == 0
    assert main(["concerns", "add", str(path), "--text", "Ideeën voor het park",
                 "--theme", "jong", "--street", "Kerkstraat", "--kind", "idee"]) == 0
    assert main(["concerns", "import", str(path), str(CARAVAN_CSV), "--json"]) == 0
    capsys.readouterr()
    assert main(["concerns", "import", str(path), str(CARAVAN_CSV), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 0 and report["skipped"][0]["reason"] == "staat al in het logboek"
    assert main(["concerns", "search", str(path), "ideeen", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1 and hits[0]["street"] == "Kerkstraat"
    for flag, name in (("--csv", "p.csv"), ("--xlsx", "p.xlsx"), ("--pdf", "p.pdf")):
        assert main(["concerns", "export", str(path), "--partner", "Politie", flag,
                     str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert main(["concerns", "export", str(path), "--partner", "Brandweer", "--csv",
                 str(tmp_path / "x.csv")]) == 1
    assert "Brandweer" in capsys.readouterr().err
    monkeypatch.setenv("OOGST_PASSPHRASE", "fout")
    before = digest(path)
    assert main(["concerns", "search", str(path), "park"]) == 1
    assert "wachtwoordzin klopt niet" in capsys.readouterr().err and digest(path) == before
