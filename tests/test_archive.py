"""The JSON archive (exports.archive): complete, documented, nothing private by default."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from app.board_records import GROUND_STATES, LANES, STATEMENT_KINDS
from app.domain import Participant, StakeholderGroup
from app.storage import Workbook
from exports.archive import ARCHIVE_FORMAT, ARCHIVE_VERSION, write_archive

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo(demo_path: Path) -> Workbook:
    book = Workbook.open(demo_path)
    yield book
    book.close()


def _archive(book: Workbook, tmp_path: Path, **kwargs: Any) -> tuple[dict[str, Any], str]:
    out = tmp_path / "archief.json"
    write_archive(book, out, **kwargs)
    assert not list(tmp_path.glob("*.part"))
    text = out.read_text(encoding="utf-8")
    return json.loads(text), text


def _ids(value: Any) -> list[str]:
    """Every ``id`` anywhere in the archive."""
    found = []
    if isinstance(value, dict):
        if "id" in value:
            found.append(value["id"])
        for item in value.values():
            found += _ids(item)
    elif isinstance(value, list):
        for item in value:
            found += _ids(item)
    return found


def test_demo_archive_holds_every_board(demo: Workbook, tmp_path: Path) -> None:
    data, _ = _archive(demo, tmp_path)
    assert (data["format"], data["version"]) == (ARCHIVE_FORMAT, ARCHIVE_VERSION)
    assert data["event"]["title"] == "Veilige en leefbare binnenstad"
    assert len(data["stakeholder_groups"]) == 8
    assert sum(len(day["blocks"]) for day in data["agenda"]) == 11
    assert len(data["timeline_entries"]) == 60
    assert {e["lane"] for e in data["timeline_entries"]} == set(LANES)
    assert all(isinstance(e["year"], int) and e["text"] for e in data["timeline_entries"])
    assert len(data["trends"]) >= 25
    group_names = {g["name"] for g in data["stakeholder_groups"]}
    voters = {name for t in data["trends"] for name in t["votes"]}
    assert voters == group_names
    assert sum(t["votes_total"] for t in data["trends"]) == 40
    statements = data["group_statements"]
    assert {s["kind"] for s in statements} == set(STATEMENT_KINDS)
    for kind in ("proud", "sorry"):
        assert {s["group"] for s in statements if s["kind"] == kind} == group_names
    assert len(data["scenarios"]) == 8
    assert all(s["horizon"] == 2036 and s["features"] for s in data["scenarios"])
    with_photo = [s for s in data["scenarios"] if s["attachments"]]
    photo = next(a for a in data["attachments"] if a["id"] == with_photo[0]["attachments"][0])
    assert base64.b64decode(photo["data"]).startswith(b"\x89PNG")
    assert {c["status"] for c in data["common_ground"]} == set(GROUND_STATES)
    assert len(data["common_ground"]) == 20
    assert len(data["action_plans"]) == 10
    for plan in data["action_plans"]:
        assert plan["deadline"] and plan["owner_id"] and plan["members"]
        assert 2 <= len(plan["steps"]) <= 4
        assert all(s["what"] and s["due"] for s in plan["steps"])
    assert len(data["commitments"]) == 40
    plan_titles = {p["title"] for p in data["action_plans"]}
    assert all(c["action_plan"] in plan_titles and c["text"] for c in data["commitments"])
    ids = _ids(data)
    assert all(uuid.UUID(i) for i in ids)
    assert len(ids) == len(set(ids))


def test_archive_leaves_out_private_data(demo: Workbook, tmp_path: Path) -> None:
    data, text = _archive(demo, tmp_path)
    people = demo.all(Participant)
    for person in people:
        if person.email:
            assert person.email not in text
        if person.phone:
            assert person.phone not in text
        assert person.checkin_code not in text
    named = {p.name for p in people if p.consent_name}
    hidden = [p for p in people if not p.consent_name and p.name not in named]
    assert hidden, "the demo has people who did not consent to being named"
    for person in hidden:
        assert person.name not in text
    rows = {p["id"]: p for p in data["participants"]}
    assert rows[hidden[0].id]["name"] is None
    assert "email" not in rows[hidden[0].id]
    owners = {p["owner_id"]: p["owner"] for p in data["action_plans"]}
    for owner_id, owner in owners.items():
        person = next(p for p in people if p.id == owner_id)
        assert owner == (person.name if person.consent_name else None)
    assert all("participant_id" not in d for d in data["dots"])


def test_archive_with_personal_data(demo: Workbook, tmp_path: Path) -> None:
    data, text = _archive(demo, tmp_path, include_personal=True)
    people = demo.all(Participant)
    hidden = next(p for p in people if not p.consent_name)
    assert hidden.name in text and hidden.email in text
    row = next(p for p in data["participants"] if p["id"] == hidden.id)
    assert row["phone"] == hidden.phone
    assert data["include_personal"] is True


def test_empty_workbook_and_votes_by_group_name(book: Workbook, tmp_path: Path) -> None:
    from app import board_ops as ops
    from app.board_records import Trend
    from app.commands import UndoStack

    data, _ = _archive(book, tmp_path)
    assert data["trends"] == [] and data["commitments"] == []
    stack = UndoStack(book)
    command, trend = ops.capture(book, Trend, "Leegstand")
    stack.push(command)
    group = book.all(StakeholderGroup)[1]
    stack.push(ops.add_dot(book, trend.id, group.id))
    stack.push(ops.add_dot(book, trend.id, group.id))
    data, _ = _archive(book, tmp_path)
    assert data["trends"][0]["votes"] == {group.name: 2}


def test_format_is_documented() -> None:
    doc = (ROOT / "docs" / "archive-format.md").read_text(encoding="utf-8")
    for key in ("timeline_entries", "trends", "votes", "group_statements", "scenarios",
                "common_ground", "action_plans", "commitments", "participants",
                "include_personal", ARCHIVE_FORMAT):
        assert f"`{key}`" in doc
