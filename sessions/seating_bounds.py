"""Lower bounds used by :mod:`sessions.seating` (repeat meetings, short-table deficits)."""

from __future__ import annotations

import heapq

from sessions.seating_search import Model


def repeat_bound(m: Model) -> int:
    """Lower bound on repeats among present people over history plus planned rounds."""
    n, R = m.n, m.R
    forced = 0
    for a in range(n):
        for b in range(a + 1, n):
            h = m.H[a][b] + (R if m.same_pin(a, b) else 0)
            forced += max(0, h - 1)
    if n < 2:
        return forced
    hist_deg = [sum(row) for row in m.H]
    planned_total = R * (m.rem * m.ceil * (m.ceil - 1) + (m.T - m.rem) * m.floor
                         * (m.floor - 1)) // 2
    base = [d + R * max(0, m.floor - 1) for d in hist_deg]
    total = sum(hist_deg) // 2 + planned_total
    others = n - 1
    excess = sum(max(0, d - others) for d in base)
    extra = R * m.rem * m.ceil if m.floor else 0  # one more meeting at each full table
    slack = sum(max(0, others - d) for d in base)
    excess += max(0, extra - slack)
    return max(forced, -(-excess // 2), total - n * (n - 1) // 2, pigeonhole_bound(m))


def pigeonhole_bound(m: Model) -> int:
    """With more people at a table than there are tables, some of them must meet again.

    Between two planned rounds, the people of a table of ``s`` spread over ``T`` tables,
    so at least ``rem * C(q + 1, 2) + (T - rem) * C(q, 2)`` pairs (q, rem = divmod(s, T))
    sit together again. A pair meeting ``k <= R`` times in the planned rounds accounts
    for ``C(k, 2) <= (k - 1) * R / 2`` of those coincidences and ``k - 1`` repeats.
    """
    R, T = m.R, m.T
    if R < 2:
        return 0

    def spread(s: int) -> int:
        q, rem = divmod(s, T)
        return rem * (q + 1) * q // 2 + (T - rem) * q * (q - 1) // 2

    per_pair = m.rem * spread(m.ceil) + (T - m.rem) * spread(m.floor)
    together = R * (R - 1) // 2 * per_pair
    return -(-2 * together // R)


def new_bound(m: Model) -> int:
    """Least possible sum of squared "short table" deficits (water-filling)."""
    if not m.rem:
        return sum(x * x for x in m.hist_def)
    units = m.R * (m.T - m.rem) * m.floor
    level = sorted(m.hist_def)
    taken = [0] * len(level)
    heap = [(v, i) for i, v in enumerate(level)]
    heapq.heapify(heap)
    while units > 0 and heap:
        v, i = heapq.heappop(heap)
        level[i] = v + 1
        taken[i] += 1
        units -= 1
        if taken[i] < m.R:
            heapq.heappush(heap, (v + 1, i))
    return sum(x * x for x in level)


def lower_bound_repeats(people: int, tables: int, rounds: int) -> int:
    """Counting bound on repeat pairs for ``people`` at ``tables`` over ``rounds`` rounds."""
    m = Model(people, tables, rounds, [-1] * people, 0, [-1] * people, [],
              [[0] * people for _ in range(people)], None, [0] * people)
    return repeat_bound(m)

