"""Max-mix table plans for Future Search and similar conferences (pure Python, no Qt).

People from several stakeholder groups are seated at mixed tables, reshuffled every
round. :func:`plan_seating` ranks its goals strictly:

1. hard rules: everyone present seated once per round, table sizes differing by at most
   one, pins (same table every planned round) and apart pairs;
2. as few repeat meetings as possible (no two people at one table twice), counting the
   rounds already held;
3. every stakeholder group spread as evenly as possible over the tables of each round
   (ideally one person of each group per table);
4. with a previous plan (re-seat after late arrivals or no-shows): as few moved seats;
5. the fewest new people anyone meets as high as possible.

It starts from an algebraic plan (perfect for many sizes), a greedy plan, or the previous
plan, and improves it by tabu search (``sessions.seating_search``) until it reaches the
lower bounds or the time limit.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from time import perf_counter

from sessions.seating_bounds import lower_bound_repeats, new_bound, repeat_bound
from sessions.seating_build import greedy_start, group_order, previous_start
from sessions.seating_grid import cyclic_start, history_start, spread_by_relabel
from sessions.seating_repair import repaired_start
from sessions.seating_search import W_GRP, W_NEW, W_REP, Cancelled, Engine, Model

__all__ = [
    "SeatPerson", "SeatingRequest", "SeatingQuality", "SeatingPlan", "SeatingCancelled",
    "plan_seating", "evaluate", "table_count", "lower_bound_repeats",
]


@dataclass(frozen=True)
class SeatPerson:
    """One person present: ``group`` is a stakeholder group id, None for no group."""

    id: str
    group: str | None


@dataclass(frozen=True)
class SeatingRequest:
    """What to plan. Give exactly one of ``table_size`` and ``tables``.

    ``rounds`` is the number of new rounds; ``fixed_rounds`` (rounds already held) are
    kept as they are and count as history; ``previous`` is an earlier plan for the rounds
    to come, from which as few people as possible should move. ``pins`` maps a person id
    to a 0-based table index used in every planned round; ``apart`` pairs never share a
    table. Ids in ``pins``/``apart``/``previous`` of people not in ``people`` are ignored.
    """

    people: tuple[SeatPerson, ...]
    rounds: int
    table_size: int | None = None
    tables: int | None = None
    pins: Mapping[str, int] = field(default_factory=dict)
    apart: tuple[tuple[str, str], ...] = ()
    fixed_rounds: tuple[tuple[tuple[str, ...], ...], ...] = ()
    previous: tuple[tuple[tuple[str, ...], ...], ...] = ()
    seed: int = 0
    time_limit: float = 2.0
    max_iterations: int | None = None  # optional search budget (fully deterministic runs)


@dataclass
class SeatingQuality:
    """Figures of a plan; see :func:`evaluate`."""

    repeat_pairs: int
    max_meetings_per_pair: int
    max_same_group_at_table: int
    min_new_people_met: int
    tables_with_duplicate_group: int
    lower_bound_repeat_pairs: int
    perfect: bool
    apart_violations: int = 0


@dataclass
class SeatingPlan:
    """All rounds (held ones first), their quality, the time taken and moved seats."""

    rounds: list[list[list[str]]]
    quality: SeatingQuality
    seconds: float
    moved: int = 0


class SeatingCancelled(Exception):
    """The caller's ``cancelled()`` returned True while planning."""


Rounds = Sequence[Sequence[Sequence[str]]]


def table_count(people: int, table_size: int | None, tables: int | None) -> int:
    """Number of tables: ``ceil(people / table_size)``, or ``tables`` when given instead."""
    if (table_size is None) == (tables is None):
        raise ValueError("Give exactly one of table_size and tables.")
    if people < 0:
        raise ValueError("The number of people cannot be negative.")
    if tables is not None:
        if tables < 1:
            raise ValueError("There must be at least one table.")
        return tables
    assert table_size is not None
    if table_size < 2:
        raise ValueError("A table must seat at least 2 people.")
    return -(-people // table_size)


def _pairs_bound(degrees: list[int], total: int, others: int) -> int:
    """Repeats are at least half the sum of each person's meetings beyond ``others``."""
    excess = sum(max(0, d - others) for d in degrees)
    return max(-(-excess // 2), total - others * (others + 1) // 2, 0)


def evaluate(rounds: Rounds, groups: Mapping[str, str | None],
             apart: Sequence[tuple[str, str]] = ()) -> SeatingQuality:
    """Quality figures of ``rounds`` (each a list of tables, each a list of person ids).

    ``repeat_pairs`` counts every extra meeting of a pair (a pair meeting 3 times counts
    2). Group figures use ``groups`` (id -> group, None or missing = no group).
    ``min_new_people_met`` is the fewest distinct others met, over the people in
    ``groups`` (or over everyone seated when ``groups`` is empty). The lower bound is a
    counting bound for the same table sizes: nobody can meet more than everyone else.
    """
    meet: Counter[tuple[str, str]] = Counter()
    degree: Counter[str] = Counter()
    max_same = dup_tables = 0
    for rnd in rounds:
        for table in rnd:
            ids = list(dict.fromkeys(table))
            for i, a in enumerate(ids):
                degree[a] += len(ids) - 1
                for b in ids[i + 1:]:
                    meet[(a, b) if a < b else (b, a)] += 1
            counts = Counter(g for g in (groups.get(i) for i in ids) if g is not None)
            top = max(counts.values(), default=0)
            max_same = max(max_same, top)
            dup_tables += top > 1
    repeats = sum(c - 1 for c in meet.values() if c > 1)
    met: dict[str, set[str]] = {}
    for a, b in meet:
        met.setdefault(a, set()).add(b)
        met.setdefault(b, set()).add(a)
    population = list(groups) if groups else list(degree)
    min_new = min((len(met.get(p, ())) for p in population), default=0)
    seated = len(degree)
    lower = _pairs_bound(list(degree.values()), sum(meet.values()), max(seated - 1, 0))
    apart_set = {(a, b) if a < b else (b, a) for a, b in apart}
    violations = sum(meet[p] for p in apart_set)
    return SeatingQuality(
        repeat_pairs=repeats, max_meetings_per_pair=max(meet.values(), default=0),
        max_same_group_at_table=max_same, min_new_people_met=min_new,
        tables_with_duplicate_group=dup_tables, lower_bound_repeat_pairs=min(lower, repeats),
        perfect=repeats == 0, apart_violations=violations)


# ----------------------------------------------------------------- planning
def _validate(request: SeatingRequest) -> tuple[list[SeatPerson], int]:
    if request.rounds < 1:
        raise ValueError("Plan at least 1 round.")
    people = list(request.people)
    if not people:
        raise ValueError("There is nobody to seat.")
    ids = [p.id for p in people]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"Person {dup!r} is listed more than once.")
    if request.time_limit < 0:
        raise ValueError("The time limit cannot be negative.")
    T = table_count(len(people), request.table_size, request.tables)
    n = len(people)
    floor, rem = divmod(n, T)
    ceil = floor + (1 if rem else 0)
    present = set(ids)
    per_table: Counter[int] = Counter()
    for pid, t in request.pins.items():
        if pid not in present:
            continue
        if not isinstance(t, int) or not 0 <= t < T:
            raise ValueError(f"{pid!r} is pinned to table index {t}, but there are only {T} "
                             f"tables (indices 0 to {T - 1}).")
        per_table[t] += 1
    for t, c in per_table.items():
        if c > ceil:
            raise ValueError(f"{c} people are pinned to table index {t}, but a table seats at "
                             f"most {ceil} of the {n} people at {T} tables.")
    if rem and sum(1 for c in per_table.values() if c == ceil) > rem:
        raise ValueError(f"Too many tables are filled by pins: only {rem} of the {T} tables "
                         f"can seat {ceil} people.")
    for a, b in request.apart:
        if a in present and b in present and a != b:
            if T == 1:
                raise ValueError(f"{a!r} and {b!r} must sit apart, but there is only one table.")
            pa, pb = request.pins.get(a), request.pins.get(b)
            if pa is not None and pa == pb:
                raise ValueError(f"{a!r} and {b!r} must sit apart but are pinned to the same "
                                 f"table index {pa}.")
    return people, T


def _model(request: SeatingRequest, people: list[SeatPerson], T: int) -> Model:
    n, R = len(people), request.rounds
    index = {p.id: i for i, p in enumerate(people)}
    group_ids: dict[str, int] = {}
    for p in people:
        if p.group is not None:
            group_ids.setdefault(p.group, len(group_ids))
    grp = [group_ids[p.group] if p.group is not None else -1 for p in people]
    pins = [-1] * n
    for pid, t in request.pins.items():
        if pid in index:
            pins[index[pid]] = t
    apart = sorted({(min(index[a], index[b]), max(index[a], index[b]))
                    for a, b in request.apart if a in index and b in index and a != b})
    H = [[0] * n for _ in range(n)]
    for rnd in request.fixed_rounds:
        for table in rnd:
            members = sorted({index[i] for i in table if i in index})
            for k, a in enumerate(members):
                for b in members[k + 1:]:
                    H[a][b] += 1
                    H[b][a] += 1
    held = [[-1] * n for _ in request.fixed_rounds]
    for r, rnd in enumerate(request.fixed_rounds):
        for t, table in enumerate(rnd):
            for pid in table:
                if pid in index:
                    held[r][index[pid]] = t
    distinct = [sum(1 for v in row if v) for row in H]
    top = max(distinct)
    hist_def = [top - d for d in distinct]
    prev = None
    if request.previous:
        prev = [[-1] * n for _ in range(R)]
        for r, rnd in enumerate(request.previous[:R]):
            for t, table in enumerate(rnd):
                for pid in table:
                    if pid in index and t < T:
                        prev[r][index[pid]] = t
    return Model(n, T, R, grp, len(group_ids), pins, apart, H, prev, hist_def, held)


def plan_seating(request: SeatingRequest, progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SeatingPlan:
    """Plan ``request.rounds`` new rounds after ``request.fixed_rounds``.

    Raises ValueError for impossible requests (no people, fewer than 1 round, bad table
    size, pins that do not fit) and :class:`SeatingCancelled` when ``cancelled()``
    returns True. ``progress(fraction)`` is called now and then with 0.0 ... 1.0. The
    result depends only on the request (seed included) as long as the search ends by
    reaching its bounds or ``max_iterations`` (per search stage) rather than by the time
    limit.
    """
    start = perf_counter()
    people, T = _validate(request)
    deadline = start + request.time_limit
    rng = random.Random(request.seed)
    last_tick = [start]

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def tick() -> None:
        check()
        now = perf_counter()
        if progress is not None and now - last_tick[0] > 0.05:
            last_tick[0] = now
            span = max(request.time_limit, 1e-9)
            progress(min(0.99, (now - start) / span))

    try:
        if progress is not None:
            progress(0.0)
        check()
        model = _model(request, people, T)
        rep_lb = repeat_bound(model)
        target = (W_REP * rep_lb + W_GRP * model.R * sum(model.grp_lb[: model.G])
                  + W_NEW * new_bound(model))
        engine = Engine(model, rng)
        # Candidate starts, each with whether relabelling may still spread its groups
        # (not for the grid plan, already spread over more rounds, nor when seats should
        # stay where the previous plan had them).
        starts: list[tuple[list[list[int]], bool]] = []
        if model.prev is not None:
            starts.append((previous_start(model, rng, tick), False))
        if model.held:
            fitted = history_start(model, rng, tick)
            if fitted is not None:
                starts.append((fitted, model.prev is None))
        elif model.prev is None:
            budget = start + min(0.4 * request.time_limit, 1.5)
            order = group_order(model, rng, model.movable)
            starts.append((cyclic_start(model, order, rng, budget, tick), False))
        if model.prev is None:
            starts.append((greedy_start(model, rng, tick), True))
        best_cost: int | None = None
        best_tab, relabel = starts[0]
        for tab, may_relabel in starts:
            engine.load(tab)
            c = engine.cost()
            if best_cost is None or c < best_cost:
                best_cost, best_tab, relabel = c, tab, may_relabel
        if relabel:
            best_tab = spread_by_relabel(model, best_tab, rng, 40 * model.n * model.R, tick)
        stall = max(2000, 30 * model.n)
        if model.prev is not None:
            tab = _reseat(model, engine, rng, best_tab, target, deadline, request, tick, stall)
            return _finish(request, people, T, model, tab, rep_lb, start, progress)
        engine.load(best_tab)
        # Stage 1 keeps the group spread from getting worse; if repeats remain, stage 2
        # may trade spread for fewer repeats (repeats rank first).
        now = perf_counter()
        tab = engine.search(target, now + 0.6 * max(0.0, deadline - now),
                            request.max_iterations, tick, stall, freeze=True)
        engine.load(tab)
        if engine.apart_v or engine.rep > rep_lb:
            tab = engine.search(target, deadline, request.max_iterations, tick, stall)
    except Cancelled:
        raise SeatingCancelled("Seating was cancelled.") from None
    return _finish(request, people, T, model, tab, rep_lb, start, progress)


def _reseat(model: Model, engine: Engine, rng: random.Random, first: list[list[int]],
            target: int, deadline: float, request: SeatingRequest,
            tick: Callable[[], None], stall: int, attempts: int = 6) -> list[list[int]]:
    """Re-seat in place: several short searches, each from the previous plan with the
    displaced people seated anew (in a different random order), keeping the plan with the
    fewest repeats, then the fewest moved seats. One long search tends to wander off,
    moving many people to undo one repeat; short restarts keep close to the old plan."""
    best_tab = first
    best_cost: int | None = None
    for k in range(attempts):
        start_tab = (repaired_start(model, tick) if k == 0 else first if k == 1
                     else previous_start(model, rng, tick))
        engine.load(start_tab)
        now = perf_counter()
        slot = now + max(0.0, deadline - now) / (attempts - k)
        tab = engine.search(target, slot, request.max_iterations, tick, stall // 4)
        engine.load(tab)
        cost = engine.cost()
        if best_cost is None or cost < best_cost:
            best_cost, best_tab = cost, tab
        if engine.moved == 0 and cost <= target:
            break
    return best_tab


def _finish(request: SeatingRequest, people: list[SeatPerson], T: int, model: Model,
            tab: list[list[int]], rep_lb: int, start: float,
            progress: Callable[[float], None] | None) -> SeatingPlan:
    planned: list[list[list[str]]] = []
    for r in range(model.R):
        tables: list[list[str]] = [[] for _ in range(T)]
        for p, t in enumerate(tab[r]):
            tables[t].append(people[p].id)
        planned.append(tables)
    held = [[list(table) for table in rnd] for rnd in request.fixed_rounds]
    rounds = held + planned
    groups = {p.id: p.group for p in people}
    quality = evaluate(rounds, groups, request.apart)
    # Repeats involving people no longer present are fixed history.
    present = set(groups)
    gone: Counter[tuple[str, str]] = Counter()
    for rnd in request.fixed_rounds:
        for table in rnd:
            ids = sorted(set(table))
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if a not in present or b not in present:
                        gone[a, b] += 1
    fixed_gone = sum(c - 1 for c in gone.values() if c > 1)
    quality.lower_bound_repeat_pairs = min(quality.repeat_pairs, rep_lb + fixed_gone)
    moved = 0
    if model.prev is not None:
        for r in range(model.R):
            moved += sum(1 for p in range(model.n)
                         if model.prev[r][p] >= 0 and model.prev[r][p] != tab[r][p])
    if progress is not None:
        progress(1.0)
    return SeatingPlan(rounds=rounds, quality=quality, seconds=perf_counter() - start,
                       moved=moved)
