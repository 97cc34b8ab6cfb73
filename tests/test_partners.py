"""Partners at the partner table: added, renamed and removed, never losing referrals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from app.logbook import IntakeDraft, ensure_seeded, intake_command, referral_command
from app.logbook_records import Concern, Partner
from app.partners import add_partner_command, remove_partner_command, rename_partner_command
from app.storage import Workbook
from sessions.setup import create_workbook
from widgets.partners_dialog import PartnersDialog


@pytest.fixture
def logbook(tmp_path: Path):
    book = create_workbook(tmp_path / "post.oogst", "logbook", "Caravan")
    ensure_seeded(book)
    yield book
    book.close()


def names(book: Workbook) -> list[str]:
    return sorted(p.name for p in book.all(Partner))


def test_add_rename_and_refusals(logbook: Workbook) -> None:
    before = len(logbook.all(Partner))
    add_partner_command(logbook, "  Buurtbemiddeling   Oost ").apply(logbook)
    assert "Buurtbemiddeling Oost" in names(logbook)
    assert len(logbook.all(Partner)) == before + 1
    with pytest.raises(ValueError, match="al een partner"):
        add_partner_command(logbook, "buurtbemiddeling oost")
    with pytest.raises(ValueError, match="naam"):
        add_partner_command(logbook, "   ")
    new = next(p for p in logbook.all(Partner) if p.name == "Buurtbemiddeling Oost")
    rename_partner_command(logbook, new.id, "Buurtbemiddeling").apply(logbook)
    assert logbook.get(Partner, new.id).name == "Buurtbemiddeling"


def test_a_partner_with_referrals_stays(logbook: Workbook) -> None:
    intake_command(IntakeDraft(text="Overlast bij de flat")).apply(logbook)
    concern = logbook.all(Concern)[0]
    partner = logbook.all(Partner)[0]
    referral_command(logbook, concern.id, [partner.id], action="Surveilleren").apply(logbook)
    with pytest.raises(ValueError, match="doorverwijzingen"):
        remove_partner_command(logbook, partner.id)
    spare = logbook.all(Partner)[1]
    remove_partner_command(logbook, spare.id).apply(logbook)
    assert logbook.get(Partner, spare.id) is None


def test_dialog_adds_renames_and_undo_restores(qtbot, logbook: Workbook, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    stack = QUndoStack()
    dialog = PartnersDialog(logbook, stack)
    qtbot.addWidget(dialog)
    count = dialog.list.count()
    dialog.name_edit.setText("Jongerenwerk")
    dialog.add_button.click()
    assert dialog.list.count() == count + 1 and "Jongerenwerk" in names(logbook)
    assert dialog.name_edit.text() == ""
    item = next(dialog.list.item(i) for i in range(dialog.list.count())
                if dialog.list.item(i).text() == "Jongerenwerk")
    item.setText("Jongerenwerk Oost")  # as an edit in place ends
    assert "Jongerenwerk Oost" in names(logbook)
    assert not dialog.add("Jongerenwerk Oost") and "al een partner" in warnings[-1]
    stack.undo()
    assert "Jongerenwerk" in names(logbook)
    stack.undo()
    assert "Jongerenwerk" not in names(logbook)
    assert dialog.list.count() == count  # the list follows undo
