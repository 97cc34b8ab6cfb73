"""Board logic (app.board_ops): ranking, dots, merge, move, search, capture — no Qt."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app import board_ops as ops
from app.board_records import (
    ActionPlan,
    ActionStep,
    Attachment,
    Commitment,
    CommonGround,
    Dot,
    GroupStatement,
    PlanMember,
    Scenario,
    TimelineEntry,
    TimelineReading,
    Trend,
    TrendLink,
)
from app.commands import UndoStack
from app.domain import Participant, StakeholderGroup
from app.storage import Workbook


def _trends(book: Workbook, *texts: str) -> list[Trend]:
    stack = UndoStack(book)
    out = []
    for text in texts:
        command, trend = ops.capture(book, Trend, text)
        stack.push(command)
        out.append(trend)
    return out


def _dot(book: Workbook, stack: UndoStack, target: str, group: str, n: int = 1) -> None:
    for _ in range(n):
        command = ops.add_dot(book, target, group)
        assert command is not None
        stack.push(command)


def test_ranking_overall_and_per_group(book: Workbook) -> None:
    a, b, c = _trends(book, "Drugsoverlast", "Leegstand", "Meer studenten")
    g1, g2 = book.all(StakeholderGroup)[:2]
    stack = UndoStack(book)
    _dot(book, stack, b.id, g1.id, 3)
    _dot(book, stack, c.id, g2.id, 2)
    _dot(book, stack, a.id, g2.id, 1)
    overall = ops.trend_ranking(book)
    assert [i.record.id for i in overall] == [b.id, c.id, a.id]
    assert [i.total for i in overall] == [3, 2, 1]
    assert overall[1].by_group[g2.id] == 2
    mine = ops.trend_ranking(book, g2.id)
    assert [i.record.id for i in mine] == [c.id, a.id, b.id]
    assert [i.total for i in mine] == [2, 1, 0]


def test_dots_left_and_limit(book: Workbook) -> None:
    (a,) = _trends(book, "Cameratoezicht")
    group = book.all(StakeholderGroup)[0]
    stack = UndoStack(book)
    assert ops.dots_left(book)[group.id] == ops.DOTS_PER_GROUP == 5
    _dot(book, stack, a.id, group.id, 5)
    assert ops.dots_left(book)[group.id] == 0
    assert ops.add_dot(book, a.id, group.id) is None
    assert ops.add_dot(book, a.id, group.id, per_group=6) is not None
    stack.push(ops.remove_dot(book, a.id, group.id))
    assert ops.dots_left(book)[group.id] == 1
    stack.undo()
    assert ops.dots_left(book)[group.id] == 0
    assert ops.remove_dot(book, a.id, book.all(StakeholderGroup)[1].id) is None
    # deleting a trend gives its dots back
    stack.push(ops.delete_items(book, Trend, [a.id]))
    assert ops.dots_left(book)[group.id] == 5


def test_merge_trends_moves_dots_children_and_links(book: Workbook) -> None:
    keep, dup, other = _trends(book, "Drugsoverlast", "drugs op straat", "Verlichting")
    stack = UndoStack(book)
    g = book.all(StakeholderGroup)
    _dot(book, stack, keep.id, g[0].id)
    _dot(book, stack, dup.id, g[1].id, 2)
    child = ops.capture(book, Trend, "Dealen bij de Irenepromenade", parent_id=dup.id)
    stack.push(child[0])
    stack.push(ops.link_trends(book, dup.id, other.id))
    stack.push(ops.link_trends(book, keep.id, dup.id))
    statement = ops.capture(book, GroupStatement, "Wij lopen extra rondes", group_id=g[0].id,
                            kind="doing", trend_id=dup.id)
    stack.push(statement[0])
    dots_before = book.count(Dot)

    stack.push(ops.merge_duplicates(book, Trend, [keep.id, dup.id]))
    merged = book.get(Trend, keep.id)
    assert merged.text == "Drugsoverlast\ndrugs op straat"
    assert book.get(Trend, dup.id) is None
    assert ops.trend_ranking(book)[0].record.id == keep.id
    assert ops.trend_ranking(book)[0].total == 3
    assert book.count(Dot) == dots_before
    assert book.get(Trend, child[1].id).parent_id == keep.id
    assert book.get(GroupStatement, statement[1].id).trend_id == keep.id
    links = book.all(TrendLink)
    assert [(lk.from_id, lk.to_id) for lk in links] == [(keep.id, other.id)]

    stack.undo()  # one undo step brings everything back
    assert book.get(Trend, dup.id).text == "drugs op straat"
    assert book.get(Trend, keep.id).text == "Drugsoverlast"
    assert book.get(Trend, child[1].id).parent_id == dup.id
    assert len(book.all(TrendLink)) == 2
    assert sum(1 for d in book.all(Dot) if d.target_id == dup.id) == 2


def test_merge_common_ground_unions_tables_and_skips_same_text(book: Workbook) -> None:
    stack = UndoStack(book)
    a = ops.capture(book, CommonGround, "Korte lijnen", tables="3, 5")[1]
    b = ops.capture(book, CommonGround, "korte lijnen", tables="5, 8")[1]
    stack.push(ops.AddRecords("x", [a, b]))
    stack.push(ops.merge_duplicates(book, CommonGround, [a.id, b.id]))
    merged = book.get(CommonGround, a.id)
    assert merged.text == "Korte lijnen"
    assert merged.tables == "3, 5, 8"
    assert ops.merge_duplicates(book, CommonGround, [a.id]) is None


def test_merge_action_plans_moves_steps_members_commitments(book: Workbook) -> None:
    stack = UndoStack(book)
    p1 = ops.capture(book, ActionPlan, "Wijkpunt aan de Heurne")
    p2 = ops.capture(book, ActionPlan, "Vast wijkpunt")
    stack.push(p1[0])
    stack.push(p2[0])
    alice, bob = Participant(first_name="Alice"), Participant(first_name="Bob")
    book.insert_many([alice, bob])
    stack.push(ops.add_member(book, p1[1].id, alice.id))
    stack.push(ops.add_member(book, p2[1].id, alice.id))
    stack.push(ops.add_member(book, p2[1].id, bob.id))
    assert ops.add_member(book, p2[1].id, bob.id) is None
    stack.push(ops.capture(book, ActionStep, "Locatie zoeken", plan_id=p2[1].id)[0])
    stack.push(ops.capture(book, Commitment, "Ik regel de sleutel", plan_id=p2[1].id,
                           participant_id=bob.id)[0])
    stack.push(ops.merge_duplicates(book, ActionPlan, [p1[1].id, p2[1].id]))
    keep = p1[1].id
    assert {m.participant_id for m in book.all(PlanMember, plan_id=keep)} == {alice.id, bob.id}
    assert not book.all(PlanMember, plan_id=p2[1].id)
    assert [s.what for s in book.all(ActionStep, plan_id=keep)] == ["Locatie zoeken"]
    assert book.all(Commitment)[0].plan_id == keep
    stack.undo()
    assert {m.participant_id for m in book.all(PlanMember, plan_id=p2[1].id)} == {
        alice.id, bob.id}


def test_move_and_regroup_common_ground(book: Workbook) -> None:
    stack = UndoStack(book)
    items = []
    for text in ("een", "twee", "drie"):
        command, record = ops.capture(book, CommonGround, text, status="unresolved")
        stack.push(command)
        items.append(record)
    stack.push(ops.move_item(book, CommonGround, items[2].id, 0))
    assert [r.text for r in book.all(CommonGround, status="unresolved")] == [
        "drie", "een", "twee"]
    assert ops.move_item(book, CommonGround, items[2].id, 0) is None  # already there
    stack.push(ops.move_item(book, CommonGround, items[1].id, 0, status="agreed"))
    assert [r.text for r in book.all(CommonGround, status="agreed")] == ["twee"]
    stack.push(ops.regroup(book, CommonGround, [items[0].id, items[2].id], status="project"))
    assert [r.text for r in book.all(CommonGround, status="project")] == ["een", "drie"]
    stack.undo()
    stack.undo()
    assert [r.text for r in book.all(CommonGround, status="unresolved")] == [
        "drie", "een", "twee"]


def test_move_statement_to_other_group_and_kind(book: Workbook) -> None:
    g1, g2 = book.all(StakeholderGroup)[:2]
    stack = UndoStack(book)
    command, s = ops.capture(book, GroupStatement, "Wij zijn trots op het wijkpunt",
                             group_id=g1.id, kind="doing")
    stack.push(command)
    stack.push(ops.move_item(book, GroupStatement, s.id, None, group_id=g2.id, kind="proud"))
    moved = book.get(GroupStatement, s.id)
    assert (moved.group_id, moved.kind) == (g2.id, "proud")


def test_trend_cannot_hang_under_its_own_child(book: Workbook) -> None:
    (a,) = _trends(book, "Veiligheid")
    stack = UndoStack(book)
    command, child = ops.capture(book, Trend, "Camera's", parent_id=a.id)
    stack.push(command)
    assert ops.move_item(book, Trend, a.id, parent_id=child.id) is None
    assert ops.regroup(book, Trend, [a.id], parent_id=child.id) is None
    stack.push(ops.place_trend(child.id, 120.0, -40.0))
    assert book.get(Trend, child.id).placed
    stack.push(ops.delete_items(book, Trend, [a.id]))
    assert book.count(Trend) == 0  # the sub-trend goes with it
    stack.undo()
    assert book.count(Trend) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=25))
def test_moves_keep_a_permutation(tmp_path_factory, moves: list[int]) -> None:
    from sessions.setup import create_workbook

    path = tmp_path_factory.mktemp("moves") / "m.oogst"
    with create_workbook(path, "future-search", "x") as wb:
        stack = UndoStack(wb)
        ids = []
        for i in range(5):
            command, record = ops.capture(wb, CommonGround, f"item {i}")
            stack.push(command)
            ids.append(record.id)
        expected = list(ids)
        for n, target in enumerate(moves):
            row = expected[n % len(expected)]
            command = ops.move_item(wb, CommonGround, row, target)
            if command is not None:
                stack.push(command)
            expected.remove(row)
            expected.insert(min(target, len(expected)), row)
            assert [r.id for r in wb.all(CommonGround)] == expected


def test_search_is_case_and_accent_insensitive(book: Workbook) -> None:
    stack = UndoStack(book)
    g = book.all(StakeholderGroup)[0]
    stack.push(ops.capture(book, TimelineEntry, "2019: Ideeën voor de Oude Markt",
                           lane="topic")[0])
    stack.push(ops.capture(book, Trend, "Meer IDEEEN van bewoners")[0])
    stack.push(ops.capture(book, GroupStatement, "Trots op de ideeën-avond", group_id=g.id,
                           kind="proud")[0])
    plan = ops.capture(book, ActionPlan, "Fietsparkeren")
    stack.push(plan[0])
    stack.push(ops.capture(book, ActionStep, "Ideeën ophalen bij studenten",
                           plan_id=plan[1].id)[0])
    hits = ops.search(book, "ideeen")
    kinds = [h.kind for h in hits]
    assert kinds == ["timeline", "mindmap", "prouds_sorries", "action_plans"]
    assert hits[3].id == plan[1].id
    kind, row_id, text = hits[0]
    assert text == "Ideeën voor de Oude Markt"
    assert ops.search(book, "  ") == []
    assert ops.search(book, "oude ideeen") == [hits[0]]


def test_capture_timeline_reads_years() -> None:
    assert ops.parse_year("1998: Muziekkwartier open", 2000) == (
        1998, False, "Muziekkwartier open")
    assert ops.parse_year("jaren 90 opkomst mobiel", 2000, now=2026) == (
        1990, True, "opkomst mobiel")
    assert ops.parse_year("2010s smartphones", 2000) == (2010, True, "smartphones")
    assert ops.parse_year("'05 Nieuwe stadsbus", 2000, now=2026) == (
        2005, False, "Nieuwe stadsbus")
    assert ops.parse_year("Koningsdag druk", 2022) == (2022, False, "Koningsdag druk")


def test_capture_builders(book: Workbook) -> None:
    stack = UndoStack(book)
    assert ops.capture(book, Trend, "   ") is None
    assert ops.capture(book, TimelineEntry, "2001:", lane="world") is None
    command, entry = ops.capture(book, TimelineEntry, "2001 11 september", lane="world",
                                 year=1990)
    stack.push(command)
    assert (entry.year, entry.text, entry.lane) == (2001, "11 september", "world")
    command, second = ops.capture(book, CommonGround, "b")
    first = ops.capture(book, CommonGround, "a")[1]
    assert first.position == second.position  # both computed before either was added
    stack.push(command)
    assert ops.capture(book, CommonGround, "c")[1].position > second.position
    command, scenario = ops.capture(book, Scenario, "Binnenstad 2036", table_no=3, horizon=2036)
    stack.push(command)
    assert book.get(Scenario, scenario.id).title == "Binnenstad 2036"
    stack.push(ops.attach_image(book, scenario.id, "flap.png", b"\x89PNG", "image/png"))
    assert book.all(Attachment, owner_id=scenario.id)[0].data == b"\x89PNG"
    stack.push(ops.set_reading(book, "world", 2, "Crises", "Samen sterker"))
    stack.push(ops.set_reading(book, "world", 2, "Crises en corona", "Samen sterker"))
    assert ops.set_reading(book, "world", 2, "Crises en corona", "Samen sterker") is None
    readings = book.all(TimelineReading)
    assert len(readings) == 1 and readings[0].stories == "Crises en corona"
    assert ops.decades(2026, 30) == [1990, 2000, 2010, 2020]


def test_delete_plan_takes_steps_members_and_commitments(book: Workbook) -> None:
    stack = UndoStack(book)
    command, plan = ops.capture(book, ActionPlan, "Verlichting Stationsplein")
    stack.push(command)
    person = Participant(first_name="Sem")
    book.insert(person)
    stack.push(ops.add_member(book, plan.id, person.id))
    stack.push(ops.capture(book, ActionStep, "Schouw", plan_id=plan.id)[0])
    stack.push(ops.capture(book, Commitment, "Ik loop mee", plan_id=plan.id,
                           participant_id=person.id)[0])
    stack.push(ops.delete_items(book, ActionPlan, [plan.id]))
    assert (book.count(ActionPlan), book.count(ActionStep), book.count(PlanMember),
            book.count(Commitment)) == (0, 0, 0, 0)
    stack.undo()
    assert (book.count(ActionPlan), book.count(ActionStep), book.count(PlanMember),
            book.count(Commitment)) == (1, 1, 1, 1)
    stack.push(ops.remove_member(book, plan.id, person.id))
    assert book.count(PlanMember) == 0


def test_move_many_keeps_their_order_between_neighbours(book: Workbook) -> None:
    stack = UndoStack(book)
    ids = []
    for text in "abcde":
        command, record = ops.capture(book, CommonGround, text)
        stack.push(command)
        ids.append(record.id)
    stack.push(ops.move_many(book, CommonGround, [ids[4], ids[0]], 1, status="unresolved"))
    assert [r.text for r in book.all(CommonGround)] == ["b", "e", "a", "c", "d"]
    stack.push(ops.move_many(book, CommonGround, [ids[1], ids[2]], 0, status="agreed"))
    assert [r.text for r in book.all(CommonGround, status="agreed")] == ["b", "c"]
    stack.undo()
    assert [r.text for r in book.all(CommonGround, status="unresolved")] == [
        "b", "e", "a", "c", "d"]
    assert ops.move_many(book, CommonGround, []) is None
