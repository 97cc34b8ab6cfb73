"""The participants page: model, filters, edits with undo, groups, import and export,
and its columns as the user leaves them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from app.domain import AgendaDay, Attendance, Participant, StakeholderGroup
from app.storage import Workbook
from app.tabular import read_table
from widgets.column_layout import arranged
from widgets.groups_panel import NO_GROUP
from widgets.import_dialog import ImportDialog
from widgets.participants_model import ParticipantsModel
from widgets.participants_view import ParticipantsPage

HORIZONTAL = Qt.Orientation.Horizontal
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def open_page(qtbot, book: Workbook) -> ParticipantsPage:
    stack = QUndoStack()
    widget = ParticipantsPage(book, stack)
    widget._test_stack = stack  # keep the stack alive as long as the page
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def page(qtbot, demo: Workbook) -> ParticipantsPage:
    return open_page(qtbot, demo)


def row_of(model: ParticipantsModel, name: str) -> int:
    return next(r for r, p in enumerate(model.people) if p.name == name)


def test_model_passes_the_model_tester(qtmodeltester, demo: Workbook) -> None:
    model = ParticipantsModel(demo, lambda command: False)
    assert model.rowCount() == 72
    assert model.columnCount() == 13 + len(demo.all(AgendaDay))
    qtmodeltester.check(model, force_py=True)


def test_search_filters_name_organisation_and_email(page: ParticipantsPage) -> None:
    assert page.proxy.rowCount() == 72
    page.search_edit.setText("marloes")
    assert page.proxy.rowCount() == 1
    page.search_edit.setText("example.org gemeente participatie")
    names = {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())}
    assert "Marloes" in names and "Jurgen" in names
    page.search_edit.setText("")
    assert page.proxy.rowCount() == 72
    assert "72" in page.count_label.text()


def test_group_filter_and_absent_filter(page: ParticipantsPage, demo: Workbook) -> None:
    group = demo.all(StakeholderGroup)[0]
    page.group_filter.setCurrentIndex(page.group_filter.findData(group.id))
    assert page.proxy.rowCount() == sum(1 for p in demo.all(Participant)
                                        if p.group_id == group.id)
    page.group_filter.setCurrentIndex(0)
    absent = {a.participant_id for a in demo.all(Attendance) if a.status == "absent"}
    page.absent_check.setChecked(False)
    assert page.proxy.rowCount() == 72 - len(absent)


def test_consent_edit_is_stored_and_undone(page: ParticipantsPage, demo: Workbook) -> None:
    model = page.model
    row = row_of(model, "Marloes Ter Haar")
    person = model.people[row]
    index = model.index(row, model.column_of("consent_photo"))
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert demo.get(Participant, person.id).consent_photo is True
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.undo_stack.undo()
    assert demo.get(Participant, person.id).consent_photo is False
    assert model.index(row, index.column()).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_attendance_edit_is_stored_and_undone(page: ParticipantsPage, demo: Workbook) -> None:
    model = page.model
    day = demo.all(AgendaDay)[1]
    row = row_of(model, "Jurgen Pot")
    person = model.people[row]
    key = Attendance.key(person.id, day.id)
    index = model.index(row, model.column_of(day.id))
    assert index.data() == "aanwezig"
    assert model.setData(index, "left_early")
    assert demo.get(Attendance, key).status == "left_early"
    assert model.index(row, index.column()).data() == "eerder weg"
    page.undo_stack.undo()
    assert demo.get(Attendance, key).status == "present"
    page.undo_stack.redo()
    assert demo.get(Attendance, key).status == "left_early"


def test_attendance_for_a_new_person_creates_the_record(page: ParticipantsPage,
                                                         demo: Workbook) -> None:
    person = page.add_participant("Esmé", "Çelik", "Wijkraad")
    assert person is not None
    model = page.model
    day = demo.all(AgendaDay)[0]
    row = row_of(model, "Esmé Çelik")
    assert model.setData(model.index(row, model.column_of(day.id)), "absent")
    assert demo.get(Attendance, Attendance.key(person.id, day.id)).status == "absent"
    page.undo_stack.undo()
    assert demo.get(Attendance, Attendance.key(person.id, day.id)) is None


def test_group_column_assigns_a_group_with_undo(page: ParticipantsPage, demo: Workbook) -> None:
    model = page.model
    row = row_of(model, "Marloes Ter Haar")
    person = model.people[row]
    group = demo.all(StakeholderGroup)[2]
    index = model.index(row, model.column_of("group_id"))
    assert model.setData(index, group.id)
    assert demo.get(Participant, person.id).group_id == group.id
    assert model.index(row, index.column()).data() == group.name
    counts = page.groups_panel.model.counts
    assert counts[group.id] == sum(1 for p in demo.all(Participant)
                                   if p.group_id == group.id and p.role == "participant")
    page.undo_stack.undo()
    assert demo.get(Participant, person.id).group_id == ""


def test_dropping_rows_on_a_group_assigns_them_in_one_step(page: ParticipantsPage,
                                                            demo: Workbook) -> None:
    model = page.model
    rows = [row_of(model, "Marloes Ter Haar"), row_of(model, "Jurgen Pot")]
    mime = model.mimeData([model.index(r, 0) for r in rows])
    groups = page.groups_panel.model
    target = groups.index(4, 0)
    assert groups.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert groups.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    group_id = demo.all(StakeholderGroup)[4].id
    assert {demo.get(Participant, model.people[r].id).group_id for r in rows} == {group_id}
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    assert {demo.get(Participant, model.people[r].id).group_id for r in rows} == {""}


def test_groups_panel_add_rename_target_and_delete(page: ParticipantsPage,
                                                   demo: Workbook) -> None:
    panel = page.groups_panel
    group = panel.add_group("Kunstenaars")
    assert group is not None and panel.model.rowCount() == 9
    assert page.group_filter.findData(group.id) >= 0
    row = panel.model.rowCount() - 1
    assert panel.model.setData(panel.model.index(row, 0), "Kunst en cultuur")
    assert panel.model.setData(panel.model.index(row, 1), 6)
    assert demo.get(StakeholderGroup, group.id).target_size == 6
    first = demo.all(StakeholderGroup)[0]
    members = [p.id for p in demo.all(Participant) if p.group_id == first.id]
    assert panel.delete_group(first)
    assert demo.get(StakeholderGroup, first.id) is None
    assert all(demo.get(Participant, pid).group_id == "" for pid in members)
    page.undo_stack.undo()
    assert demo.get(StakeholderGroup, first.id) is not None
    assert all(demo.get(Participant, pid).group_id == first.id for pid in members)


def test_add_and_delete_participant(page: ParticipantsPage, demo: Workbook) -> None:
    person = page.add_participant("Noor", "Haverkamp")
    assert person is not None and demo.count(Participant) == 73
    page.select(person.id)
    assert page.selected_ids() == [person.id]
    page.delete_selected()
    assert demo.count(Participant) == 72
    page.undo_stack.undo()
    assert demo.count(Participant) == 73


# ------------------------------------------------------------------------ import

CSV_TEXT = ("Voornaam;Achternaam;Organisatie;Belanghebbendengroep;E-mail;Toestemming foto's\r\n"
            "Esmé;Çelik;Wijkraad;Bewoners;esme@example.org;Ja\r\n"
            "Ümit;Özdemir;;Kunstenaars;umit@example.org;nee\r\n"
            ";;;;;\r\n"
            "Renée;Bakker;Café De Kater;Ondernemers;renee@example.org;ja\r\n"
            "Esmé;Çelik;Wijkraad;Bewoners;esme@example.org;Ja\r\n")


@pytest.fixture
def cp1252_csv(tmp_path: Path) -> Path:
    path = tmp_path / "deelnemers.csv"
    path.write_bytes(CSV_TEXT.encode("cp1252"))
    return path


def open_dialog(qtbot, book: Workbook, path: Path) -> tuple[ImportDialog, QUndoStack]:
    stack = QUndoStack()
    page = ParticipantsPage(book, stack)
    qtbot.addWidget(page)
    dialog = ImportDialog(book, page.push, page)
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.load(path)
    return dialog, stack


def test_import_dialog_previews_and_imports_in_one_step(qtbot, book: Workbook,
                                                         cp1252_csv: Path) -> None:
    dialog, stack = open_dialog(qtbot, book, cp1252_csv)
    assert dialog.table.encoding == "cp1252" and dialog.table.delimiter == ";"
    assert "cp1252" in dialog.format_label.text()
    assert dialog.preview.rowCount() == 4
    assert dialog.preview.item(0, 0).text() == "Esmé"
    assert dialog.fields()["group"] == 3
    assert dialog.groups_table.rowCount() == 1
    assert dialog.groups_table.item(0, 0).text() == "Kunstenaars"
    summary = dialog.summary_label.text()
    assert "3 worden geïmporteerd" in summary and "1 overgeslagen" in summary
    assert "Kunstenaars" in summary
    assert dialog.ok_button.isEnabled()
    groups_before = book.count(StakeholderGroup)
    dialog.accept()
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert {p.name for p in book.all(Participant)} == {"Esmé Çelik", "Ümit Özdemir",
                                                        "Renée Bakker"}
    assert book.count(StakeholderGroup) == groups_before + 1
    assert stack.count() == 1
    stack.undo()
    assert book.count(Participant) == 0 and book.count(StakeholderGroup) == groups_before


def test_unknown_group_can_be_left_without_group(qtbot, book: Workbook,
                                                 cp1252_csv: Path) -> None:
    dialog, _stack = open_dialog(qtbot, book, cp1252_csv)
    with qtbot.waitSignal(dialog.plan_ready):
        dialog.set_group_choice("Kunstenaars", NO_GROUP)
    assert not dialog.plan.new_groups
    dialog.accept()
    umit = next(p for p in book.all(Participant) if p.first_name == "Ümit")
    assert umit.group_id == ""
    assert book.count(StakeholderGroup) == 8


def test_cancel_imports_nothing(qtbot, book: Workbook, cp1252_csv: Path) -> None:
    dialog, stack = open_dialog(qtbot, book, cp1252_csv)
    dialog.reject()
    assert book.count(Participant) == 0 and stack.count() == 0
    assert book.count(StakeholderGroup) == 8


def test_header_only_file_shows_a_message_and_imports_nothing(qtbot, book: Workbook,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes("Voornaam;Achternaam;E-mail\r\n".encode("cp1252"))
    dialog, stack = open_dialog(qtbot, book, path)
    assert "alleen een kopregel" in dialog.message_label.text()
    assert not dialog.message_label.isHidden()
    assert not dialog.ok_button.isEnabled()
    assert "0 worden geïmporteerd" in dialog.summary_label.text()
    dialog.accept()
    assert book.count(Participant) == 0 and stack.count() == 0


@pytest.mark.parametrize(("name", "data", "words"), [
    ("leeg.csv", b"", "leeg"),
    ("oud.xls", b"\xd0\xcf\x11\xe0", ".xls"),
    ("kapot.xlsx", b"PK\x03\x04 kapot", "beschadigd"),
])
def test_unreadable_files_are_a_message_not_a_crash(qtbot, book: Workbook, tmp_path: Path,
                                                     name: str, data: bytes,
                                                     words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    dialog = ImportDialog(book, lambda command: False)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.load_failed, timeout=10_000) as blocker:
        dialog.load(path)
    assert words in blocker.args[0]
    assert words in dialog.message_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert book.count(Participant) == 0


def test_the_mapping_is_remembered_for_the_same_headers(qtbot, book: Workbook,
                                                        cp1252_csv: Path) -> None:
    dialog, _stack = open_dialog(qtbot, book, cp1252_csv)
    with qtbot.waitSignal(dialog.plan_ready):
        dialog.set_field(2, "notes")  # organisation column into the notes
    dialog.accept()
    assert next(p for p in book.all(Participant) if p.first_name == "Esmé").notes == "Wijkraad"
    again, _ = open_dialog(qtbot, book, cp1252_csv)
    assert again.fields()["notes"] == 2 and "organisation" not in again.fields()
    assert "0 worden geïmporteerd" in again.summary_label.text()  # all duplicates now


def test_the_shared_dutch_excel_export_imports(qtbot, book: Workbook) -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "deelnemers_binnenstad.csv"
    if not shared.exists():
        pytest.skip("shared data not present")
    dialog, stack = open_dialog(qtbot, book, shared)
    assert dialog.preview.rowCount() == min(50, len(dialog.table.rows))
    dialog.accept()
    assert book.count(Participant) == len(dialog.plan.participants) > 50
    assert stack.count() == 1


# ------------------------------------------------------------------------ export

@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_a_list_that_reads_back(qtbot, page: ParticipantsPage, tmp_path: Path,
                                              suffix: str) -> None:
    target = tmp_path / f"deelnemers{suffix}"
    task = page.export_to(target)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    table = read_table(target)
    assert len(table.rows) == 72
    assert table.headers[:2] == ("Voornaam", "Achternaam")
    if suffix == ".csv":
        raw = target.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]


def test_groups_model_passes_the_model_tester(qtmodeltester, demo: Workbook) -> None:
    from widgets.groups_panel import GroupsModel

    qtmodeltester.check(GroupsModel(demo, lambda command: False), force_py=True)


def test_a_big_file_is_planned_in_a_worker(qtbot, book: Workbook, tmp_path: Path) -> None:
    lines = ["Naam;Organisatie;Groep;E-mail"]
    lines += [f"Persoon {i};Org {i % 30};Groep {i % 40};p{i}@example.org" for i in range(3000)]
    path = tmp_path / "groot.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    dialog, stack = open_dialog(qtbot, book, path)
    assert dialog.preview.rowCount() == 50
    assert "3000 worden geïmporteerd" in dialog.summary_label.text()
    assert dialog.groups_table.rowCount() >= 10  # many spellings, one choice each
    dialog.accept()
    assert book.count(Participant) == 3000 and stack.count() == 1


def test_xlsx_with_merged_header_cells(qtbot, book: Workbook, tmp_path: Path) -> None:
    from openpyxl import Workbook as XlsxBook

    xlsx = XlsxBook()
    sheet = xlsx.active
    sheet.append(["Deelnemerslijst binnenstad"])
    sheet.append(["Naam", None, "Organisatie", "Groep"])
    sheet.merge_cells("A2:B2")
    sheet.append(["Esmé", "Çelik", "Wijkraad", "Bewoners"])
    sheet.append(["Ümit", "Yılmaz", "", "Ondernemers"])
    path = tmp_path / "lijst.xlsx"
    xlsx.save(path)
    dialog, _stack = open_dialog(qtbot, book, path)
    assert dialog.table.encoding is None and "Excel" in dialog.format_label.text()
    assert dialog.preview.rowCount() == 2
    assert "titel" in dialog.message_label.text()
    assert "2 worden geïmporteerd" in dialog.summary_label.text()


def test_delete_key_deletes_selected_people_but_not_while_a_cell_is_edited(
        qtbot, page: ParticipantsPage, demo: Workbook) -> None:
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    proxy = page.proxy
    page.search_edit.setText("Marloes")
    assert proxy.rowCount() == 1
    person_id = page.model.people[proxy.mapToSource(proxy.index(0, 0)).row()].id
    # an open editor, a text field or a choice list: Delete stays in it, the person stays
    for column, kind in (("organisation", QLineEdit), ("group_id", QComboBox)):
        page.table.setFocus()
        page.table.edit(proxy.index(0, page.model.column_of(column)))
        qtbot.waitUntil(lambda kind=kind: isinstance(QApplication.focusWidget(), kind))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
        assert demo.get(Participant, person_id) is not None
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    # the table itself focused: Delete removes the selected person, undoably
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo.get(Participant, person_id) is None
    page.undo_stack.undo()
    assert demo.get(Participant, person_id) is not None


# ------------------------------------------------ columns: hidden, moved, kept
def shown_titles(page: ParticipantsPage) -> list[str]:
    """The column titles left to right as the table shows them."""
    header = page.table.horizontalHeader()
    model = page.table.model()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    return [model.headerData(i, HORIZONTAL) for i in logical if not header.isSectionHidden(i)]


def tick(page: ParticipantsPage, title: str) -> None:
    menu = page.column_layout.menu()
    action = next(a for a in menu.actions() if a.text() == title)
    assert action.isEnabled()
    action.trigger()


def test_arranged_keeps_new_keys_in_place_and_follows_the_saved_order() -> None:
    assert arranged(["a", "b", "c", "d"], ["c", "a"]) == ["c", "b", "a", "d"]
    assert arranged(["a", "b", "new"], ["b", "gone", "a", "b"]) == ["b", "a", "new"]
    assert arranged(["a", "b"], []) == ["a", "b"]


def test_a_column_hidden_from_the_header_menu_stays_hidden_next_time(qtbot,
                                                                      demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    assert "E-mail" in shown_titles(page)
    tick(page, "E-mail")
    tick(page, "Telefoon")
    assert "E-mail" not in shown_titles(page) and "Telefoon" not in shown_titles(page)
    menu = page.column_layout.menu()
    assert not next(a for a in menu.actions() if a.text() == "E-mail").isChecked()

    again = open_page(qtbot, demo)  # another window, or the next start
    assert "E-mail" not in shown_titles(again) and "Telefoon" not in shown_titles(again)
    assert shown_titles(again)[:4] == ["Voornaam", "Achternaam", "Organisatie", "Groep"]
    tick(again, "E-mail")
    assert "E-mail" in shown_titles(again)


def test_a_moved_column_keeps_its_place_next_time(qtbot, demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    day = demo.all(AgendaDay)[0]
    header = page.table.horizontalHeader()
    day_title = page.table.model().headerData(page.model.column_of(day.id), HORIZONTAL)
    header.moveSection(header.visualIndex(page.model.column_of(day.id)), 2)  # a drag
    assert shown_titles(page)[:3] == ["Voornaam", "Achternaam", day_title]
    again = open_page(qtbot, demo)
    assert shown_titles(again)[:3] == ["Voornaam", "Achternaam", day_title]


def test_the_last_column_shown_cannot_be_hidden_and_default_brings_all_back(
        qtbot, demo: Workbook) -> None:
    page = open_page(qtbot, demo)
    all_titles = shown_titles(page)
    for title in all_titles[1:]:
        tick(page, title)
    assert shown_titles(page) == ["Voornaam"]
    menu = page.column_layout.menu()
    assert not next(a for a in menu.actions() if a.text() == "Voornaam").isEnabled()
    page.column_layout.set_shown("first_name", False)
    assert shown_titles(page) == ["Voornaam"]
    next(a for a in menu.actions() if a.text() == "Standaardkolommen").trigger()
    assert shown_titles(page) == all_titles
    assert shown_titles(open_page(qtbot, demo)) == all_titles


def test_a_day_removed_in_between_does_not_hide_the_next_day(qtbot, demo: Workbook) -> None:
    days = demo.all(AgendaDay)
    page = open_page(qtbot, demo)
    model = page.table.model()
    titles = {d.id: model.headerData(page.model.column_of(d.id), HORIZONTAL) for d in days}
    page.column_layout.set_shown(days[0].id, False)
    demo.delete(AgendaDay, days[0].id)  # the columns of days 2 and 3 move one place left
    assert titles[days[0].id] not in shown_titles(page)
    assert titles[days[1].id] in shown_titles(page) and titles[days[2].id] in shown_titles(page)
    assert page.column_layout.hidden() == []


def test_an_unreadable_stored_layout_counts_as_none(qtbot, demo: Workbook) -> None:
    from widgets.window_state import window_settings

    stored = window_settings()
    stored.setValue("columns/participants/hidden", "{not json")
    stored.setValue("columns/participants/order", "[1, 2")
    stored.sync()
    page = open_page(qtbot, demo)
    assert len(shown_titles(page)) == page.model.columnCount()
