"""The max-mix seating planner: targets, invariants (hypothesis), evaluate, re-seat, cancel."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.seating import (
    SeatingCancelled,
    SeatingRequest,
    SeatPerson,
    evaluate,
    lower_bound_repeats,
    plan_seating,
    table_count,
)
from sessions.seating_grid import field_tables
from sessions.seating_shifts import SHIFTS, stored_shift


def people(sizes: list[int], prefix: str = "g") -> tuple[SeatPerson, ...]:
    return tuple(SeatPerson(f"{prefix}{g}-{i}", f"G{g}") for g, size in enumerate(sizes)
                 for i in range(size))


def group_counts(table: list[str], groups: dict[str, str | None]) -> dict[str, int]:
    out: dict[str, int] = {}
    for pid in table:
        g = groups[pid]
        if g is not None:
            out[g] = out.get(g, 0) + 1
    return out


# ------------------------------------------------------------------ targets
def test_eighty_people_five_rounds_is_perfect_and_fully_mixed() -> None:
    ppl = people([10] * 8)
    plan = plan_seating(SeatingRequest(ppl, 5, table_size=8))
    q = plan.quality
    assert q.repeat_pairs == 0 and q.perfect
    assert q.max_same_group_at_table == 1 and q.tables_with_duplicate_group == 0
    assert q.min_new_people_met == 35
    groups = {p.id: p.group for p in ppl}
    for rnd in plan.rounds:
        assert len(rnd) == 10
        for table in rnd:
            assert len(table) == 8 and len(set(groups[i] for i in table)) == 8
    assert plan.seconds < 1.0


def test_unequal_groups_no_repeats_at_most_two_of_a_group() -> None:
    plan = plan_seating(SeatingRequest(people([14, 12, 10, 10, 10, 8, 8, 8]), 5,
                                       table_size=8, time_limit=1.0))
    assert plan.quality.repeat_pairs == 0
    assert plan.quality.max_same_group_at_table <= 2


def test_impossible_case_reports_bound_and_is_not_perfect() -> None:
    plan = plan_seating(SeatingRequest(people([4] * 4), 7, table_size=4, time_limit=0.3))
    q = plan.quality
    assert not q.perfect
    assert q.lower_bound_repeat_pairs == 48 == lower_bound_repeats(16, 4, 7)
    assert q.repeat_pairs >= q.lower_bound_repeat_pairs


# ----------------------------------------------------------------- evaluate
def test_evaluate_counts_extra_meetings() -> None:
    rounds = [[["a", "b", "c"], ["d", "e"]],
              [["a", "b"], ["c", "d", "e"]],
              [["a", "b", "e"], ["c", "d"]]]
    groups = {"a": "x", "b": "x", "c": "y", "d": None, "e": "y"}
    q = evaluate(rounds, groups)
    # a-b meet 3 times (2 extra), d-e twice (1), c-d twice (1).
    assert q.max_meetings_per_pair == 3
    assert q.repeat_pairs == 4
    assert q.max_same_group_at_table == 2
    assert q.tables_with_duplicate_group == 4
    assert q.min_new_people_met == 2  # d meets only c and e
    assert not q.perfect


def test_evaluate_pair_meeting_three_times() -> None:
    rounds = [[["a", "b"], ["c"]], [["a", "b"], ["c"]], [["a", "b", "c"]]]
    q = evaluate(rounds, {"a": None, "b": None, "c": None})
    assert q.repeat_pairs == 2
    assert q.max_meetings_per_pair == 3
    assert q.min_new_people_met == 2


def test_table_count() -> None:
    assert table_count(80, 8, None) == 10
    assert table_count(81, 8, None) == 11
    assert table_count(70, None, 9) == 9
    with pytest.raises(ValueError):
        table_count(10, 8, 2)
    with pytest.raises(ValueError):
        table_count(10, 1, None)


# ------------------------------------------------------------------ re-seat
def test_reseat_keeps_held_rounds_and_moves_fewer_than_scratch() -> None:
    ppl = people([10] * 8)
    base = plan_seating(SeatingRequest(ppl, 5, table_size=8))
    held = tuple(tuple(tuple(t) for t in rnd) for rnd in base.rounds[:2])
    gone = {"g1-4", "g6-0"}
    present = tuple(p for p in ppl if p.id not in gone) + (SeatPerson("late", "G2"),)
    previous = tuple(tuple(tuple(i for i in t if i not in gone) for t in rnd)
                     for rnd in base.rounds[2:])
    plan = plan_seating(SeatingRequest(present, 3, table_size=8, fixed_rounds=held,
                                       previous=previous, time_limit=1.0))
    assert plan.rounds[:2] == [[list(t) for t in rnd] for rnd in held]
    assert plan.quality.repeat_pairs == 0
    scratch = plan_seating(SeatingRequest(present, 3, table_size=8, seed=1, time_limit=0.5))
    where = [{pid: t for t, table in enumerate(rnd) for pid in table} for rnd in previous]
    scratch_moved = sum(1 for r, rnd in enumerate(scratch.rounds)
                        for t, table in enumerate(rnd) for pid in table
                        if pid in where[r] and where[r][pid] != t)
    assert plan.moved < scratch_moved
    assert plan.moved <= 6
    seated = [sorted(i for t in rnd for i in t) for rnd in plan.rounds[2:]]
    assert all(s == sorted(p.id for p in present) for s in seated)


def test_more_rounds_after_held_ones_continue_without_repeats() -> None:
    ppl = people([10] * 8)
    first = plan_seating(SeatingRequest(ppl, 2, table_size=8))
    held = tuple(tuple(tuple(t) for t in rnd) for rnd in first.rounds)
    plan = plan_seating(SeatingRequest(ppl, 6, table_size=8, fixed_rounds=held))
    assert plan.rounds[:2] == first.rounds
    assert plan.quality.repeat_pairs == 0
    assert plan.quality.max_same_group_at_table == 1
    assert plan.seconds < 1.0


# ------------------------------------------------------- cancel and progress
def test_cancel_raises() -> None:
    with pytest.raises(SeatingCancelled):
        plan_seating(SeatingRequest(people([10] * 8), 8, table_size=8),
                     cancelled=lambda: True)


def test_progress_runs_from_zero_to_one() -> None:
    seen: list[float] = []
    plan_seating(SeatingRequest(people([5] * 4), 3, table_size=4, time_limit=0.2),
                 progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)


def test_same_seed_same_plan() -> None:
    req = SeatingRequest(people([7, 6, 5, 3]), 4, table_size=5, seed=3, max_iterations=300,
                         time_limit=30.0)
    assert plan_seating(req).rounds == plan_seating(req).rounds


# ---------------------------------------------------------------- rules
def test_apart_pairs_never_share_a_table() -> None:
    ppl = people([6] * 4)
    apart = (("g0-0", "g1-0"), ("g0-0", "g2-0"), ("g3-1", "g3-2"))
    plan = plan_seating(SeatingRequest(ppl, 4, table_size=4, apart=apart, time_limit=0.5))
    assert plan.quality.apart_violations == 0
    for rnd in plan.rounds:
        for table in rnd:
            for a, b in apart:
                assert not (a in table and b in table)


@pytest.mark.parametrize("kwargs, message", [
    ({"rounds": 0, "table_size": 4}, "round"),
    ({"rounds": 2, "table_size": 1}, "at least 2"),
    ({"rounds": 2, "table_size": 4, "tables": 3}, "exactly one"),
    ({"rounds": 2, "table_size": 4, "pins": {"g0-0": 5}}, "pinned to table index 5"),
    ({"rounds": 2, "table_size": 4, "pins": {f"g0-{i}": 1 for i in range(5)}}, "pinned"),
    ({"rounds": 2, "table_size": 4, "pins": {"g0-0": 1, "g0-1": 1},
      "apart": (("g0-0", "g0-1"),)}, "apart"),
])
def test_clear_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        plan_seating(SeatingRequest(people([6, 4]), **kwargs))


def test_no_people_is_an_error() -> None:
    with pytest.raises(ValueError, match="nobody"):
        plan_seating(SeatingRequest((), 2, table_size=4))


# -------------------------------------------------------------- algebra
@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_field_tables_are_fields(q: int) -> None:
    tables = field_tables(q)
    assert tables is not None
    add, mul = tables
    for a in range(1, q):
        assert sorted(mul[a]) == list(range(q))
        assert sorted(add[a]) == list(range(q))


def test_stored_shift_lookup_fits_or_transposes() -> None:
    A = stored_shift(10, 8, 8)
    assert A is not None and len(A) >= 8 and len(A[0]) >= 8
    B = stored_shift(10, 5, 9)  # only the transpose of the 9 x 5 matrix fits
    assert B is not None and len(B) >= 5 and len(B[0]) >= 9
    assert stored_shift(10, 10, 5) is None
    assert stored_shift(7, 3, 3) is None  # prime: the field does it


def test_stored_shift_matrices_are_valid() -> None:
    for T, matrices in SHIFTS.items():
        for A in matrices:
            for r1, r2 in itertools.combinations(A, 2):
                diffs = [(a - b) % T for a, b in zip(r1, r2)]
                assert len(set(diffs)) == len(diffs), (T, len(A), len(A[0]))


# ------------------------------------------------------ property (hypothesis)
@st.composite
def requests(draw: st.DrawFn) -> tuple[SeatingRequest, set[str]]:
    n_all = draw(st.integers(1, 40))
    n_groups = draw(st.integers(0, 5))
    everyone = [SeatPerson(f"p{i}", f"G{draw(st.integers(0, n_groups))}"
                           if n_groups and draw(st.booleans()) else None)
                for i in range(n_all)]
    absent = {p.id for p in everyone if draw(st.integers(0, 9)) == 0}
    present = tuple(p for p in everyone if p.id not in absent)
    if not present:
        present = (everyone[0],)
        absent.discard(everyone[0].id)
    n = len(present)
    if draw(st.booleans()):
        size, tables = draw(st.integers(2, 9)), None
    else:
        size, tables = None, draw(st.integers(1, 8))
    T = table_count(n, size, tables)
    floor, rem = divmod(n, T)
    ceil = floor + (1 if rem else 0)
    pins: dict[str, int] = {}
    per: dict[int, int] = {}
    for p in everyone:
        if draw(st.integers(0, 5)) == 0:
            t = draw(st.integers(0, T - 1))
            limit = ceil if (not rem or sum(1 for c in per.values() if c == ceil) < rem
                             or per.get(t, 0) < floor) else floor
            if per.get(t, 0) < limit:
                pins[p.id] = t
                if p.id not in absent:
                    per[t] = per.get(t, 0) + 1
    fixed_n = draw(st.integers(0, 2))
    ids = [p.id for p in everyone]
    fixed = tuple(tuple(tuple(ids[k::3]) for k in range(3)) for _ in range(fixed_n))
    previous: tuple = ()
    if draw(st.booleans()):
        previous = tuple(tuple(tuple(i for i in ids[k::T] if i not in absent)
                               for k in range(T)) for _ in range(2))
    apart: list[tuple[str, str]] = []
    if T > 1 and n > 1:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
            if a != b and not (a in pins and pins.get(b) == pins[a]):
                apart.append((a, b))
    req = SeatingRequest(present, draw(st.integers(1, 4)), table_size=size, tables=tables,
                         pins=pins, apart=tuple(apart), fixed_rounds=fixed, previous=previous,
                         seed=draw(st.integers(0, 99)), time_limit=0.05)
    return req, absent


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_plans_keep_every_rule(case: tuple[SeatingRequest, set[str]]) -> None:
    req, absent = case
    plan = plan_seating(req)
    held = [[list(t) for t in rnd] for rnd in req.fixed_rounds]
    assert plan.rounds[:len(held)] == held
    planned = plan.rounds[len(held):]
    assert len(planned) == req.rounds
    ids = sorted(p.id for p in req.people)
    T = table_count(len(ids), req.table_size, req.tables)
    for rnd in planned:
        assert len(rnd) == T
        assert sorted(i for t in rnd for i in t) == ids
        sizes = [len(t) for t in rnd]
        assert max(sizes) - min(sizes) <= 1
        assert not absent & {i for t in rnd for i in t}
        for pid, t in req.pins.items():
            if pid not in absent:
                assert pid in rnd[t]
    q = plan.quality
    assert 0 <= q.lower_bound_repeat_pairs <= q.repeat_pairs
    assert q.perfect == (q.repeat_pairs == 0)


def test_reseat_after_two_leave_moves_a_few_not_dozens() -> None:
    """Two people who shared a table leave: that table is short in one round. A tight
    plan (64 people, perfect spread) leaves little room, yet the repair moves a handful,
    never the dozens a long search wandered into before, and adds no repeat."""
    crowd = tuple(SeatPerson(f"g{g}-{i}", f"G{g}") for g in range(8) for i in range(8))
    base = plan_seating(SeatingRequest(crowd, 4, table_size=8, seed=1))
    held = tuple(tuple(tuple(t) for t in rnd) for rnd in base.rounds[:1])
    for k in (0, 5):
        gone = set(base.rounds[1][k][:2])
        present = tuple(p for p in crowd if p.id not in gone)
        previous = tuple(tuple(tuple(i for i in t if i not in gone) for t in rnd)
                         for rnd in base.rounds[1:])
        plan = plan_seating(SeatingRequest(present, 3, table_size=8, fixed_rounds=held,
                                           previous=previous, time_limit=30))
        assert plan.seconds < 10  # ends when the search stalls, not by the clock
        assert plan.rounds[:1] == [list(map(list, rnd)) for rnd in held]
        assert not gone & {pid for rnd in plan.rounds[1:] for t in rnd for pid in t}
        assert plan.quality.repeat_pairs == 0
        assert 1 <= plan.moved <= 5
