"""Figures for the max-mix seating planner (``sessions.seating``); not a test.

    python bench/seating.py [--seed 0] [--time-limit 2.0]

Each case prints repeats (and the lower bound), the group spread, the fewest new people
anyone meets, moved seats where relevant, and the time taken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sessions.seating import (  # noqa: E402
    SeatingPlan,
    SeatingRequest,
    SeatPerson,
    plan_seating,
)


def people(sizes: list[int]) -> tuple[SeatPerson, ...]:
    """Group ``g`` has ``sizes[g]`` members, ids ``g<g>-<i>``."""
    return tuple(SeatPerson(f"g{g}-{i}", f"G{g}") for g, size in enumerate(sizes)
                 for i in range(size))


def show(name: str, plan: SeatingPlan, goal: str, moved: bool = False) -> None:
    q = plan.quality
    extra = f"  moved={plan.moved}" if moved else ""
    print(f"{name}\n    repeats={q.repeat_pairs} (lower bound {q.lower_bound_repeat_pairs})  "
          f"perfect={q.perfect}  max_meetings={q.max_meetings_per_pair}  "
          f"max_same_group={q.max_same_group_at_table}  "
          f"tables_with_dup_group={q.tables_with_duplicate_group}  "
          f"min_new_met={q.min_new_people_met}{extra}  time={plan.seconds:.3f}s\n"
          f"    goal: {goal}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--time-limit", type=float, default=2.0)
    args = ap.parse_args()
    kw = {"seed": args.seed, "time_limit": args.time_limit}

    eighty = people([10] * 8)
    plan1 = plan_seating(SeatingRequest(eighty, 5, table_size=8, **kw))
    show("1. 80 people, 8 groups of 10, tables of 8, 5 rounds", plan1,
         "0 repeats, one of each group per table (max_same_group=1), < 0.2 s")

    plan2 = plan_seating(SeatingRequest(eighty, 8, table_size=8, **kw))
    show("2. same, 8 rounds", plan2, "0 repeats, < 2 s")

    plan3 = plan_seating(SeatingRequest(people([14, 12, 10, 10, 10, 8, 8, 8]), 5,
                                        table_size=8, **kw))
    show("3. unequal groups 14,12,10,10,10,8,8,8, tables of 8, 5 rounds", plan3,
         "0 repeats, max_same_group <= 2")

    plan4 = plan_seating(SeatingRequest(people([25] * 8), 6, tables=25, **kw))
    show("4. 200 people (8 groups of 25), 25 tables, 6 rounds", plan4, "< 2 s")

    plan5 = plan_seating(SeatingRequest(people([4] * 4), 7, table_size=4, **kw))
    show("5. impossible: 16 people (4 groups of 4), tables of 4, 7 rounds", plan5,
         "not perfect; repeats as low as possible, next to the lower bound")

    held = tuple(tuple(tuple(t) for t in rnd) for rnd in plan1.rounds[:2])
    gone = {"g0-0", "g5-3"}
    newcomer = SeatPerson("late-1", "G3")
    present = tuple(p for p in eighty if p.id not in gone) + (newcomer,)
    previous = tuple(tuple(tuple(i for i in t if i not in gone) for t in rnd)
                     for rnd in plan1.rounds[2:])
    plan6 = plan_seating(SeatingRequest(present, 3, table_size=8, fixed_rounds=held,
                                        previous=previous, **kw))
    assert [list(map(list, r)) for r in held] == plan6.rounds[:2]
    scratch = plan_seating(SeatingRequest(present, 3, table_size=8, seed=args.seed + 1,
                                          time_limit=args.time_limit))
    scratch_moves = _moves(scratch.rounds, previous)
    show("6. re-seat case 1 after round 2: 2 people left, 1 late arrival, re-plan rounds 3-5",
         plan6, f"0 repeats, few moves (a fresh 3-round plan would move {scratch_moves})",
         moved=True)
    cont = plan_seating(SeatingRequest(present, 3, table_size=8, fixed_rounds=held, **kw))
    show("6b. same re-plan without the previous plan (continues the held rounds' grid)", cont,
         "0 repeats", moved=False)
    _reseat_unequal(kw)
    return 0


def _reseat_unequal(kw: dict) -> None:
    """Case 7: 68 people in unequal groups at 9 tables; two leave after round 2, several
    times over. Tables that were full make the gap hard to fill without a repeat."""
    import random

    crowd = people([11, 10, 9, 9, 8, 8, 7, 6])
    base = plan_seating(SeatingRequest(crowd, 4, table_size=8, **kw))
    held = tuple(tuple(tuple(t) for t in rnd) for rnd in base.rounds[:2])
    rng = random.Random(5)
    moves: list[int] = []
    worst = 0.0
    repeats = 0
    for _ in range(8):
        gone = set(rng.sample([p.id for p in crowd], 2))
        present = tuple(p for p in crowd if p.id not in gone)
        previous = tuple(tuple(tuple(i for i in t if i not in gone) for t in rnd)
                         for rnd in base.rounds[2:])
        plan = plan_seating(SeatingRequest(present, 2, table_size=8, fixed_rounds=held,
                                           previous=previous, **kw))
        moves.append(_moves(plan.rounds[2:], previous))
        worst = max(worst, plan.seconds)
        repeats += plan.quality.repeat_pairs
    print("7. re-seat, 68 people in unequal groups, 9 tables: 2 leave after round 2 (8 times)\n"
          f"    moved per re-seat={moves}  repeats in all={repeats}  slowest={worst:.3f}s\n"
          "    goal: 0 repeats, a handful of moves (a fresh plan moves ~100)")


def _moves(rounds: list[list[list[str]]], previous: tuple) -> int:
    count = 0
    for rnd, prev in zip(rounds, previous):
        where = {pid: t for t, table in enumerate(prev) for pid in table}
        count += sum(1 for t, table in enumerate(rnd) for pid in table
                     if pid in where and where[pid] != t)
    return count


if __name__ == "__main__":
    raise SystemExit(main())
