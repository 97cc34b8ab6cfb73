"""Re-seat in place by the cheapest chains of moves (a start for :mod:`sessions.seating`).

When someone leaves, arrives late or is pinned, the previous plan no longer fits: a
table is short, another too full, a newcomer has no seat. This module repairs each
round with as few moved people as possible: every imbalance is fixed along the cheapest
path of moves between tables ("A goes from table 3 to 5, so B moves from 5 to 1"),
where a move costs one moved seat, a person met before costs far more and a second
member of one's group a little. A path over T tables is found with Dijkstra on the
T × T table graph, so a repair costs milliseconds even for 200 people.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from sessions.seating_build import Tab, _add_round, _met_masks, later_meetings
from sessions.seating_search import Model

C_REPEAT = 1000  # sitting again with someone met before
C_AHEAD = 100  # sitting with someone one meets in a later round (that round can still move)
C_MOVE = 10  # leaving the table of the previous plan
C_GROUP = 1  # each member of one's own group already at the table

POOL = -1


def repaired_start(model: Model, check: Callable[[], None]) -> Tab:
    """Each round of ``model.prev`` made valid (sizes, pins, newcomers) by cheap chains."""
    m = model
    assert m.prev is not None
    met = _met_masks(m)
    ahead = later_meetings(m, m.prev)
    plan: Tab = []
    for r in range(m.R):
        check()
        tab = _repair_round(m, m.prev[r], met, ahead[r])
        plan.append(tab)
        _add_round(met, tab, m.T)
    return plan


class _Tables:
    def __init__(self, m: Model, prev: list[int], met: list[int], ahead: list[int]) -> None:
        self.m, self.prev, self.met, self.ahead = m, prev, met, ahead
        self.tab = [-1] * m.n
        self.members: list[set[int]] = [set() for _ in range(m.T)]
        self.mask = [0] * m.T
        self.gc = [[0] * max(m.G, 1) for _ in range(m.T)]

    def put(self, p: int, t: int) -> None:
        self.tab[p] = t
        self.members[t].add(p)
        self.mask[t] |= 1 << p
        if self.m.grp[p] >= 0:
            self.gc[t][self.m.grp[p]] += 1

    def take(self, p: int) -> None:
        t = self.tab[p]
        self.members[t].discard(p)
        self.mask[t] &= ~(1 << p)
        if self.m.grp[p] >= 0:
            self.gc[t][self.m.grp[p]] -= 1
        self.tab[p] = -1

    def cost(self, p: int, t: int) -> int:
        g = self.m.grp[p]
        others = self.mask[t] & ~(1 << p)
        c = C_REPEAT * (self.met[p] & others).bit_count()
        c += C_AHEAD * (self.ahead[p] & others).bit_count()
        c += C_GROUP * (self.gc[t][g] if g >= 0 else 0)
        if self.prev[p] >= 0 and self.prev[p] != t:
            c += C_MOVE
        return c

    def cheapest(self, source: list[int], t: int) -> tuple[int, int]:
        """(cost, person) of the cheapest movable person from ``source`` into ``t``."""
        best = (1 << 60, -1)
        for p in source:
            if self.m.pin[p] < 0:
                c = self.cost(p, t)
                if c < best[0]:
                    best = (c, p)
        return best


def _repair_round(m: Model, prev: list[int], met: list[int], ahead: list[int]) -> list[int]:
    st = _Tables(m, prev, met, ahead)
    pool: list[int] = []
    for p in range(m.n):
        if m.pin[p] >= 0:
            st.put(p, m.pin[p])
        elif 0 <= prev[p] < m.T:
            st.put(p, prev[p])
        else:
            pool.append(p)
    # Whoever would sit again with someone met before gets a new seat too (the earlier
    # rounds may have changed in this repair).
    for t in range(m.T):
        for p in sorted(st.members[t]):
            if m.pin[p] < 0 and st.met[p] & st.mask[t] & ~(1 << p):
                st.take(p)
                pool.append(p)
    floor, ceil = m.floor, m.ceil
    while True:
        sizes = [len(s) for s in st.members]
        under = [t for t in range(m.T) if sizes[t] < floor]
        over = [t for t in range(m.T) if sizes[t] > ceil]
        if pool:
            donors, receivers = [POOL], [t for t in range(m.T) if sizes[t] < ceil]
        elif over:
            donors, receivers = over, [t for t in range(m.T) if sizes[t] < ceil]
        elif under:
            donors, receivers = [t for t in range(m.T) if sizes[t] > floor], under
        else:
            return st.tab
        if not receivers or not donors:
            return st.tab  # cannot happen with valid sizes; the search copes if it does
        path = _cheapest_path(st, pool, donors, set(receivers))
        if path is None:
            return st.tab
        # Move along the path from its end back to the donor, so each table keeps its
        # size except the donor (one fewer) and the receiver (one more).
        for person, _src, dst in reversed(path):
            if st.tab[person] >= 0:
                st.take(person)
            else:
                pool.remove(person)
            st.put(person, dst)


def _cheapest_path(st: _Tables, pool: list[int], donors: list[int],
                   receivers: set[int]) -> list[tuple[int, int, int]] | None:
    """Dijkstra over tables from the donors: [(person, from, to), ...] to a receiver."""
    m = st.m
    dist = {d: 0 for d in donors}
    back: dict[int, tuple[int, int, int]] = {}
    heap: list[tuple[int, int]] = [(0, d) for d in donors]
    done: set[int] = set()
    end: int | None = None
    while heap:
        c, a = heapq.heappop(heap)
        if a in done or c > dist.get(a, 1 << 60):
            continue
        done.add(a)
        if a in receivers:
            end = a
            break
        source = pool if a == POOL else list(st.members[a])
        for b in range(m.T):
            if b == a or b in done:
                continue
            step, person = st.cheapest(source, b)
            if person < 0:
                continue
            nc = c + step
            if nc < dist.get(b, 1 << 60):
                dist[b] = nc
                back[b] = (person, a, b)
                heapq.heappush(heap, (nc, b))
    if end is None:
        return None
    path: list[tuple[int, int, int]] = []
    node = end
    while node in back:
        step = back[node]
        path.append(step)
        node = step[1]
    path.reverse()
    return path
