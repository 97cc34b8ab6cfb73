"""Methods are data: every template loads, and a workbook keeps its own copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import sessions.templates as templates
from app.domain import AgendaBlock, AgendaDay, StakeholderGroup
from app.storage import Workbook
from sessions.boards import BOARD_KINDS
from sessions.setup import create_workbook
from sessions.templates import TemplateError, all_templates, parse_template


def test_every_template_loads() -> None:
    found = all_templates()
    assert set(found) == {"future-search", "social-design", "network-meeting", "logbook"}
    for method in found.values():
        for day in method.days:
            for block in day.blocks:
                assert block.board in BOARD_KINDS and block.minutes > 0


def test_future_search_has_five_half_day_phases_over_three_days() -> None:
    method = all_templates()["future-search"]
    assert len(method.days) == 3 and len(method.stakeholder_groups) == 8
    phases = {b.phase for d in method.days for b in d.blocks}
    assert {"past", "present", "present_groups", "future", "common_ground", "action"} <= phases


def test_bad_templates_are_refused_with_a_reason() -> None:
    with pytest.raises(TemplateError, match="board kind"):
        parse_template('key="x"\nname="X"\n[[days]]\ntitle="d"\n[[days.blocks]]\n'
                       'start="09:00"\nminutes=10\ntitle="t"\nboard="whiteboard"\n')
    with pytest.raises(TemplateError):
        parse_template("key = ")


def test_workbook_keeps_its_copy_when_the_template_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fs.oogst"
    create_workbook(path, "future-search", "FS", start_date="2026-11-25").close()
    changed = parse_template(
        (templates.TEMPLATE_DIR / "future_search.toml").read_text(encoding="utf-8")
        .replace("minutes = 90", "minutes = 5"))
    monkeypatch.setattr(templates, "all_templates", lambda: {"future-search": changed})
    with Workbook.open(path) as book:
        assert 5 not in {b.minutes for b in book.all(AgendaBlock)}
        assert [d.date for d in book.all(AgendaDay)] == ["2026-11-25", "2026-11-26", "2026-11-27"]


def test_english_workbook_gets_english_agenda(tmp_path: Path) -> None:
    with create_workbook(tmp_path / "en.oogst", "future-search", "FS", language="en") as book:
        assert "Residents" in {g.name for g in book.all(StakeholderGroup)}
        assert any("Timelines" in b.title for b in book.all(AgendaBlock))
