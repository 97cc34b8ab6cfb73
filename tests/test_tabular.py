"""Tests for app.tabular (reading CSV/XLSX into rows) and app.column_mapping. No Qt."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import tabular
from app.column_mapping import (
    CONCERN_FIELDS,
    PARTICIPANT_FIELDS,
    ColumnMapping,
    guess_mapping,
    normalise_header,
    parse_yes_no,
)
from app.tabular import Table, TableProblem, read_csv_bytes, read_table

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
ROOT = Path(__file__).resolve().parents[1]


def shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared test data {path} is not available in this checkout")
    return path


def assert_well_formed(table: Table) -> None:
    assert table.headers and all(table.headers)
    assert len({h.casefold() for h in table.headers}) == len(table.headers)
    for row in table.rows:
        assert len(row) == len(table.headers)
        assert all(cell == cell.strip() for cell in row)
        assert any(row)


# ------------------------------------------------------------------ the shared real files

def test_shared_participants_export() -> None:
    table = read_table(shared("deelnemers_binnenstad.csv"))
    assert table.encoding == "cp1252"
    assert table.delimiter == ";"
    assert table.source == "deelnemers_binnenstad.csv"
    assert table.headers == ("Voornaam", "Achternaam", "Organisatie", "Belanghebbendengroep",
                             "E-mail", "Dieetwensen", "Toestemming foto's")
    assert len(table.rows) == 72
    assert table.rows[0] == ("Priya", "de Vries", "", "Bewoners", "priya.devries@example.org",
                             "halal", "Ja")
    assert table.rows[1][1] == "Y?lmaz"  # Excel already lost the dotless i: keep what is there
    cells = {cell for row in table.rows for cell in row}
    assert {"Björn", "Hüseyin", "Aäron", "Schröder", "Ümit", "Renée", "Öztürk", "Zoë"} <= cells
    assert "Gemeente — Stadsdeel Centrum" in cells
    assert "Stedelijk College, klas 3" in cells
    assert table.warnings == ()
    assert table.skipped_empty == 0
    assert_well_formed(table)


def test_shared_concerns_log() -> None:
    table = read_table(shared("meldingen_caravan.csv"))
    assert table.delimiter == ";"
    assert table.encoding == "utf-8"
    assert table.headers == ("Datum", "Tijd", "Thema", "Straat", "Melding", "Doorverwezen naar",
                             "Contact mag")
    assert len(table.rows) == 60
    assert table.rows[0] == ("2022-05-03", "15:15", "Drugsoverlast", "Irenepromenade",
                             "Auto's met Duitse kentekens die kort stoppen, elke avond.",
                             "RIBW", "nee")
    assert table.warnings == ()
    mapping = guess_mapping(table.headers, CONCERN_FIELDS)
    assert mapping.fields == {"date": 0, "time": 1, "theme": 2, "street": 3, "text": 4,
                              "referred_to": 5, "consent_contact": 6}
    assert mapping.ignored == ()


def test_shared_participants_mapping() -> None:
    table = read_table(shared("deelnemers_binnenstad.csv"))
    mapping = guess_mapping(table.headers, PARTICIPANT_FIELDS)
    assert mapping.fields == {"first_name": 0, "last_name": 1, "organisation": 2, "group": 3,
                              "email": 4, "dietary": 5, "consent_photo": 6}
    assert mapping.ignored == ()
    assert mapping.value(table.rows[0], "email") == "priya.devries@example.org"
    assert mapping.value(table.rows[0], "phone") == ""
    assert parse_yes_no(mapping.value(table.rows[0], "consent_photo")) is True


def test_excel_style_export_without_shared_files() -> None:
    """The same shape as the shared export, built inline so it also runs in a clean clone."""
    text = ("Voornaam;Achternaam;Organisatie;E-mail\r\n"
            "Esmé;Çelik;Gemeente — Veiligheid;esme@example.org\r\n"
            "Ümit;Y?lmaz;Stedelijk College, klas 3;umit@example.org\r\n")
    table = read_csv_bytes(text.encode("cp1252"), "x.csv")
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.rows == (("Esmé", "Çelik", "Gemeente — Veiligheid", "esme@example.org"),
                          ("Ümit", "Y?lmaz", "Stedelijk College, klas 3", "umit@example.org"))


# ------------------------------------------------------------------ delimiters and encodings

@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters(delimiter: str) -> None:
    rows = [["Naam", "Groep", "Opmerking"], ["Esmé", "Bewoners", "a; b, c"], ["Jan", "", "x"]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    table = read_csv_bytes(buffer.getvalue().encode("utf-8"))
    assert table.delimiter == delimiter
    assert table.headers == ("Naam", "Groep", "Opmerking")
    assert table.rows == (("Esmé", "Bewoners", "a; b, c"), ("Jan", "", "x"))


def test_utf8_with_and_without_bom() -> None:
    text = "Naam;Plaats\nEsmé;Enschede\nÇelik;Hengelo\n"
    plain = read_csv_bytes(text.encode("utf-8"))
    bom = read_csv_bytes(text.encode("utf-8-sig"))
    assert plain.encoding == "utf-8"
    assert bom.encoding == "utf-8-sig"
    assert plain.headers == bom.headers == ("Naam", "Plaats")  # no BOM glued to "Naam"
    assert plain.rows == bom.rows == (("Esmé", "Enschede"), ("Çelik", "Hengelo"))


def test_cp1252_accents() -> None:
    data = "Naam;Achternaam\r\nEsmé;Çelik\r\nÜmit;Y?lmaz\r\n".encode("cp1252")
    table = read_csv_bytes(data)
    assert table.encoding == "cp1252"
    assert table.rows == (("Esmé", "Çelik"), ("Ümit", "Y?lmaz"))
    assert table.warnings == ()


def test_cp1252_undefined_bytes_do_not_crash() -> None:
    data = b"Naam;Notitie\r\nEsm\xe9;a\x81b\x8d\x8f\x90\x9dc\r\n"
    table = read_csv_bytes(data)
    assert table.encoding == "cp1252"
    assert table.rows[0][0] == "Esmé"
    assert table.rows[0][1] == "a\ufffdb\ufffd\ufffd\ufffd\ufffdc"
    assert len(table.warnings) == 1


def test_utf16_with_bom() -> None:
    table = read_csv_bytes("Naam\tGroep\r\nZoë\tJongeren\r\n".encode("utf-16"))
    assert table.encoding == "utf-16"
    assert table.delimiter == "\t"
    assert table.rows == (("Zoë", "Jongeren"),)


def test_emoji_survives() -> None:
    table = read_csv_bytes("Naam;Notitie\nZoë;Top avond 🎉👍🏽\n".encode())
    assert table.rows == (("Zoë", "Top avond 🎉👍🏽"),)


def test_single_column_file() -> None:
    table = read_csv_bytes(b"Naam\r\nJan de Vries\r\nPiet, Jansen\r\n")
    assert table.delimiter is None
    assert table.headers == ("Naam",)
    assert table.rows == (("Jan de Vries",), ("Piet, Jansen",))


def test_excel_sep_hint_line() -> None:
    table = read_csv_bytes(b"sep=,\r\nNaam;Groep,Rol\r\nJan;A,B\r\n")
    assert table.delimiter == ","
    assert table.headers == ("Naam;Groep", "Rol")


# ------------------------------------------------------------------ structure

def test_empty_file_is_a_problem() -> None:
    for data in (b"", b"\r\n\r\n", b"  \t \n", b"\xef\xbb\xbf", b";;;\r\n;;\r\n"):
        with pytest.raises(TableProblem):
            read_csv_bytes(data)


def test_header_only_gives_zero_rows_and_a_warning() -> None:
    table = read_csv_bytes(b"Voornaam;Achternaam;E-mail\r\n")
    assert table.headers == ("Voornaam", "Achternaam", "E-mail")
    assert table.rows == ()
    assert len(table.warnings) == 1


def test_quoted_newlines_and_delimiters() -> None:
    data = b'Naam;Notitie;Groep\r\nJan;"regel 1\r\nregel 2; met ""quote""";Bewoners\r\nPiet;x;y\r\n'
    table = read_csv_bytes(data)
    assert table.rows == (("Jan", 'regel 1\nregel 2; met "quote"', "Bewoners"),
                          ("Piet", "x", "y"))


def test_long_cell_survives_intact() -> None:
    note = ("Lange notitie met ; en , en \"quotes\" en\neen nieuwe regel. " * 2000)[:100_000]
    note = note.strip()
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([["Naam", "Notitie"], ["Jan", note], ["Piet", ""]])
    table = read_csv_bytes(buffer.getvalue().encode("cp1252"))
    assert len(note) == 100_000 - 1 or len(note) == 100_000
    assert table.rows[0][1] == note
    assert table.rows[1] == ("Piet", "")


def test_nul_bytes_are_stripped_with_a_warning() -> None:
    table = read_csv_bytes(b"Naam;Gr\x00oep\r\nJan\x00;A\r\n")
    assert table.headers == ("Naam", "Groep")
    assert table.rows == (("Jan", "A"),)
    assert len(table.warnings) == 1


def test_duplicate_and_empty_headers_are_made_unique() -> None:
    table = read_csv_bytes(b"Naam;;Naam;naam;Kolom 2\r\n1;2;3;4;5\r\n")
    assert table.headers == ("Naam", "Kolom 2", "Naam (2)", "naam (3)", "Kolom 2 (2)")
    assert table.rows == (("1", "2", "3", "4", "5"),)
    assert len(table.warnings) == 1


def test_trailing_empty_columns_and_short_rows() -> None:
    data = b"Naam;Groep;;;\r\nJan;A;;;\r\nPiet\r\n;;;;\r\n\r\nKees;B;;extra;\r\n;;;\r\n"
    table = read_csv_bytes(data)
    # column 4 has a value in one row, so it stays (named); the empty fifth one is dropped
    assert table.headers == ("Naam", "Groep", "Kolom 3", "Kolom 4")
    assert table.rows == (("Jan", "A", "", ""), ("Piet", "", "", ""), ("Kees", "B", "", "extra"))
    assert table.skipped_empty == 2  # the two empty rows between Piet and Kees


def test_cells_beyond_the_header_are_reported() -> None:
    table = read_csv_bytes(b"Naam;Groep\r\nJan;A\r\nPiet;B;oeps\r\n")
    assert table.headers == ("Naam", "Groep")
    assert table.rows == (("Jan", "A"), ("Piet", "B"))
    assert len(table.warnings) == 1


def test_title_row_above_the_header_is_skipped() -> None:
    table = read_csv_bytes(b"Deelnemerslijst 2022;;\r\n;;\r\nNaam;Groep;Rol\r\nJan;A;B\r\n")
    assert table.headers == ("Naam", "Groep", "Rol")
    assert table.rows == (("Jan", "A", "B"),)
    assert len(table.warnings) == 1


def test_mac_and_mixed_line_endings() -> None:
    table = read_csv_bytes(b"Naam;Groep\rJan;A\nPiet;B\r\n")
    assert table.rows == (("Jan", "A"), ("Piet", "B"))


def test_binary_junk_is_a_problem() -> None:
    data = random.Random(7).randbytes(4000)
    with pytest.raises(TableProblem):
        read_csv_bytes(data)


def test_five_megabytes_reads_fast() -> None:
    line = "Voornaam{0};de Achternaam;Organisatie — {0};Bewoners;naam{0}@example.org;halal;Ja\r\n"
    text = "Voornaam;Achternaam;Organisatie;Groep;E-mail;Dieet;Foto\r\n"
    text += "".join(line.format(i) for i in range(60_000))
    data = text.encode("cp1252")
    assert len(data) > 5_000_000
    start = time.perf_counter()
    table = read_csv_bytes(data)
    elapsed = time.perf_counter() - start
    assert len(table.rows) == 60_000
    assert elapsed < 2.0, f"reading 5 MB took {elapsed:.2f} s"  # ~0.3 s on a laptop


# ------------------------------------------------------------------ read_table on files

def test_read_table_file_problems(tmp_path: Path) -> None:
    with pytest.raises(TableProblem):
        read_table(tmp_path / "bestaat-niet.csv")
    (tmp_path / "notes.docx").write_bytes(b"x")
    with pytest.raises(TableProblem):
        read_table(tmp_path / "notes.docx")
    (tmp_path / "oud.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(TableProblem):
        read_table(tmp_path / "oud.xls")
    (tmp_path / "map.csv").mkdir()
    with pytest.raises(TableProblem):
        read_table(tmp_path / "map.csv")
    big = tmp_path / "groot.csv"
    big.write_bytes(b"Naam\r\n" + b"x\r\n" * 1000)
    with pytest.raises(TableProblem):
        read_table(big, max_bytes=1000)
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    with pytest.raises(TableProblem):
        read_table(empty)


def test_read_table_tsv_and_txt(tmp_path: Path) -> None:
    path = tmp_path / "lijst.tsv"
    path.write_bytes(b"Naam\tRol\r\nJan\tvoorzitter\r\n")
    table = read_table(path)
    assert (table.delimiter, table.rows) == ("\t", (("Jan", "voorzitter"),))
    txt = tmp_path / "lijst.TXT"
    txt.write_bytes(b"Naam;Rol\r\nJan;lid\r\n")
    assert read_table(str(txt)).rows == (("Jan", "lid"),)


def make_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Deelnemers"
    sheet.append(["Naam", "Contact", None, "Datum", "Aantal", "Tijd", "Groep", "Prijs"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Esmé", "esme@example.org", "0612345678", dt.datetime(2022, 5, 3), 12.0,
                  dt.time(15, 15), "Bewoners", 2.5])
    sheet.append([" Ümit ", None, 612345678, dt.date(2022, 11, 26), 3, None, None, True])
    sheet.merge_cells("G2:G3")  # a group label merged down over two participants
    sheet.append([None] * 8)
    sheet.append(["Çelik", "c@example.org", None, dt.datetime(2022, 5, 3, 9, 30), None,
                  None, "Jongeren", None])
    other = workbook.create_sheet("Meldingen")
    other.append(["Datum", "Melding"])
    other.append([dt.date(2022, 6, 20), "Er is ingebroken in de schuurtjes."])
    workbook.save(path)


def test_xlsx_merged_header_dates_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "deelnemers.xlsx"
    make_workbook(path)
    table = read_table(path)
    assert table.encoding is None and table.delimiter is None
    assert table.headers == ("Naam", "Contact", "Contact (2)", "Datum", "Aantal", "Tijd",
                             "Groep", "Prijs")
    assert table.rows == (
        ("Esmé", "esme@example.org", "0612345678", "2022-05-03", "12", "15:15", "Bewoners",
         "2.5"),
        ("Ümit", "", "612345678", "2022-11-26", "3", "", "Bewoners", "ja"),
        ("Çelik", "c@example.org", "", "2022-05-03 09:30", "", "", "Jongeren", ""),
    )
    assert table.skipped_empty == 1
    assert_well_formed(table)


def test_xlsx_other_sheet_and_missing_sheet(tmp_path: Path) -> None:
    path = tmp_path / "werkboek.xlsm"
    make_workbook(path)
    table = read_table(path, sheet="Meldingen")
    assert table.rows == (("2022-06-20", "Er is ingebroken in de schuurtjes."),)
    with pytest.raises(TableProblem):
        read_table(path, sheet="Bestaat niet")


def test_xlsx_large_file_mode_reads_without_merges(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "deelnemers.xlsx"
    make_workbook(path)
    monkeypatch.setattr(tabular, "XLSX_FULL_LOAD_LIMIT", 0)
    table = read_table(path)
    assert table.headers[:3] == ("Naam", "Contact", "Kolom 3")
    assert table.rows[0][3:6] == ("2022-05-03", "12", "15:15")
    assert len(table.rows) == 3
    assert table.warnings


def test_xlsx_title_row_and_empty_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Deelnemers Future Search binnenstad"
    sheet.merge_cells("A1:C1")
    sheet.append(["Voornaam", "Achternaam", "Groep"])
    sheet.append(["Jan", "Jansen", "Bewoners"])
    workbook.create_sheet("Leeg")
    path = tmp_path / "titel.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.headers == ("Voornaam", "Achternaam", "Groep")
    assert table.rows == (("Jan", "Jansen", "Bewoners"),)
    assert len(table.warnings) == 1
    with pytest.raises(TableProblem):
        read_table(path, sheet="Leeg")


def test_corrupt_xlsx_is_a_problem(tmp_path: Path) -> None:
    rng = random.Random(3)
    junk = tmp_path / "kapot.xlsx"
    junk.write_bytes(rng.randbytes(5000))
    with pytest.raises(TableProblem):
        read_table(junk)
    fake_zip = tmp_path / "nep.xlsx"
    with zipfile.ZipFile(fake_zip, "w") as archive:
        archive.writestr("hallo.txt", "geen Excel")
    with pytest.raises(TableProblem):
        read_table(fake_zip)
    real = tmp_path / "echt.xlsx"
    make_workbook(real)
    truncated = tmp_path / "afgebroken.xlsx"
    truncated.write_bytes(real.read_bytes()[:3000])
    with pytest.raises(TableProblem):
        read_table(truncated)
    csv_as_xlsx = tmp_path / "eigenlijk.xlsx"
    csv_as_xlsx.write_bytes(b"Naam;Groep\r\nJan;A\r\n")
    with pytest.raises(TableProblem):
        read_table(csv_as_xlsx)


def test_xlsx_saved_as_csv_is_read_as_excel(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    make_workbook(path)  # openpyxl writes a zip whatever the name
    table = read_table(path)
    assert table.headers[:3] == ("Naam", "Contact", "Contact (2)")
    assert len(table.warnings) == 2  # read as Excel; "Contact (2)" renamed


# ------------------------------------------------------------------ property tests

@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_only_raise_table_problem(data: bytes) -> None:
    try:
        table = read_csv_bytes(data, "random.csv")
    except TableProblem as problem:
        assert str(problem)
    else:
        assert_well_formed(table)


_CSVISH = st.text(alphabet=st.sampled_from(list('ab é;,\t"\r\n\x00ı🎉')), max_size=300)


@settings(max_examples=300, deadline=None)
@given(_CSVISH, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_csv_like_text_only_raises_table_problem(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    try:
        table = read_csv_bytes(data)
    except TableProblem:
        return
    assert_well_formed(table)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_xlsx_only_raises_table_problem(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.xlsx"
        path.write_bytes(b"PK\x03\x04" + data)
        with pytest.raises(TableProblem):
            read_table(path)


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                       blacklist_characters="\ufeff\x85"),
                max_size=20).map(str.strip)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=5).flatmap(
    lambda width: st.tuples(
        st.lists(_CELL.filter(bool), min_size=width, max_size=width,
                 unique_by=str.casefold).filter(lambda h: " ".join(h[0].split()) == h[0]),
        st.lists(st.lists(_CELL, min_size=width, max_size=width).filter(any), max_size=8))))
def test_round_trip_through_csv_writer(table_data: tuple[list[str], list[list[str]]]) -> None:
    headers, rows = table_data
    if any(" ".join(h.split()) != h or h.lower().startswith("sep=") for h in headers):
        return  # headers are normalised on purpose; not what this test is about
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([headers, *rows])
    table = read_csv_bytes(buffer.getvalue().encode("utf-8"))
    assert table.headers == tuple(headers)
    assert table.rows == tuple(tuple(row) for row in rows)


# ------------------------------------------------------------------ column mapping

def test_english_headers_map() -> None:
    mapping = guess_mapping(["First name", "Last name", "Email", "Group", "Dietary needs",
                             "Photo consent", "Phone", "Notes"], PARTICIPANT_FIELDS)
    assert mapping.fields == {"first_name": 0, "last_name": 1, "email": 2, "group": 3,
                              "dietary": 4, "consent_photo": 5, "phone": 6, "notes": 7}
    assert mapping.ignored == ()


def test_mapping_prefers_first_and_last_name_over_full_name() -> None:
    mapping = guess_mapping(["Naam", "Voornaam", "Achternaam"], PARTICIPANT_FIELDS)
    assert mapping.fields == {"first_name": 1, "last_name": 2}
    assert mapping.ignored == ("Naam",)
    assert guess_mapping(["Naam", "E-mail"], PARTICIPANT_FIELDS).fields == {
        "full_name": 0, "email": 1}
    # Flemish style: "Naam" next to "Voornaam" is the family name
    assert guess_mapping(["Naam", "Voornaam"], PARTICIPANT_FIELDS).fields == {
        "last_name": 0, "first_name": 1}


def test_mapping_partial_names_and_each_column_once() -> None:
    headers = ["Deelnemer nr", "Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres",
               "Telefoonnr.", "Mobiel", "Naam organisatie", "Mag uw naam in het verslag?",
               "Toestemming foto's (ja/nee)", "Opmerkingen"]
    mapping = guess_mapping(headers, PARTICIPANT_FIELDS)
    assert mapping.fields == {"first_name": 1, "last_name": 3, "email": 4, "phone": 5,
                              "organisation": 7, "consent_name": 8, "consent_photo": 9,
                              "notes": 10}
    assert mapping.ignored == ("Deelnemer nr", "Tussenvoegsel", "Mobiel")
    assert len(set(mapping.fields.values())) == len(mapping.fields)


def test_concern_mapping_variants() -> None:
    mapping = guess_mapping(["ID", "Datum melding", "Soort melding", "Omschrijving", "Locatie",
                             "Naam", "Telefoon", "Status"], CONCERN_FIELDS)
    assert mapping.fields == {"date": 1, "kind": 2, "text": 3, "street": 4, "name": 5,
                              "phone": 6, "status": 7}
    assert mapping.ignored == ("ID",)
    assert isinstance(mapping, ColumnMapping)
    assert [spec.key for spec in CONCERN_FIELDS if spec.required] == ["text"]


def test_field_keys_are_the_agreed_ones() -> None:
    assert [s.key for s in PARTICIPANT_FIELDS] == [
        "first_name", "last_name", "full_name", "organisation", "group", "role", "email",
        "phone", "dietary", "access_needs", "consent_photo", "consent_contact", "consent_name",
        "notes"]
    assert [s.key for s in CONCERN_FIELDS] == [
        "date", "time", "theme", "street", "text", "referred_to", "consent_contact", "kind",
        "status", "name", "phone", "email"]
    for spec in (*PARTICIPANT_FIELDS, *CONCERN_FIELDS):
        assert all(normalise_header(s) == s for s in spec.synonyms)


def test_normalise_header() -> None:
    assert normalise_header("E-mail") == "e mail"
    assert normalise_header("Toestemming foto's") == "toestemming fotos"
    assert normalise_header("  Toestemming   foto’s?  ") == "toestemming fotos"
    assert normalise_header("Allergieën / dieet") == "allergieen dieet"
    assert normalise_header("Yılmaz_ÉÇ") == "yilmaz ec"
    assert normalise_header("") == ""


@pytest.mark.parametrize("text, expected", [
    ("ja", True), ("Ja", True), (" JA ", True), ("j", True), ("yes", True), ("Y", True),
    ("true", True), ("WAAR", True), ("1", True), ("x", True), ("X", True), ("✓", True),
    ("nee", False), ("Nee.", False), ("n", False), ("no", False), ("FALSE", False),
    ("ONWAAR", False), ("0", False), ("nee, liever niet", False),
    ("", None), ("   ", None), ("misschien", None), ("ja, maar niet online", None),
])
def test_parse_yes_no(text: str, expected: bool | None) -> None:
    assert parse_yes_no(text) is expected


def test_translations_exist_for_dutch_messages() -> None:
    catalogue = json.loads((ROOT / "assets" / "translations" / "en.json").read_text("utf-8"))
    for spec in (*PARTICIPANT_FIELDS, *CONCERN_FIELDS):
        assert spec.label in catalogue
    for message in ("Het bestand is leeg.", "Kolom {n}",
                    "Het bestand bevat alleen een kopregel en geen gegevens."):
        assert message in catalogue
