"""Grid ("cyclic") plans for :mod:`sessions.seating`, and spreading groups by relabelling.

The algebraic ("cyclic") start lays the people out on a grid of ``K`` rows of ``T``
columns (``T`` = number of tables), sorted by group so that a row holds one group where
sizes allow. In round ``r`` the person in row ``k``, column ``c`` sits at table
``c + a[k][r]``. Two people of different rows meet in round ``r`` exactly when the
difference of their columns equals ``a[k2][r] - a[k1][r]``; if for every pair of rows
these differences are distinct over the rounds, nobody meets twice, and people of one
row never meet. When ``T`` is a prime power, ``a[k][r] = k * r`` in the field GF(T)
does this for up to ``T`` rounds; otherwise the matrix ``a`` over the integers modulo
``T`` comes from a small table of precomputed ones (``sessions.seating_shifts``) or,
when none fits, from a small tabu search.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from time import perf_counter

from sessions.seating_build import Tab, group_order, previous_start
from sessions.seating_search import Model
from sessions.seating_shifts import shift_options, stored_shift

HORIZON = 8  # grid plans are spread for at least this many rounds, for later re-plans


# --------------------------------------------------------------------- fields
def _prime_power(q: int) -> tuple[int, int] | None:
    for p in range(2, q + 1):
        if q % p == 0:
            m = 0
            while q % p == 0:
                q //= p
                m += 1
            return (p, m) if q == 1 else None
    return None


def field_tables(q: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of GF(q), or None when q is no (small) prime power."""
    pm = _prime_power(q)
    if pm is None or q > 64:
        return None
    p, m = pm
    digits = [[(x // p**i) % p for i in range(m)] for x in range(q)]

    def enc(ds: list[int]) -> int:
        return sum(d * p**i for i, d in enumerate(ds))

    add = [[enc([(a + b) % p for a, b in zip(digits[x], digits[y])]) for y in range(q)]
           for x in range(q)]
    if m == 1:
        return add, [[(x * y) % p for y in range(q)] for x in range(q)]
    for low in range(p**m):  # monic modulus x^m + low; keep the first that gives a field
        mod = digits[low] if low < q else [0] * m

        def mul(x: int, y: int, mod: list[int] = mod) -> int:
            prod = [0] * (2 * m - 1)
            for i, a in enumerate(digits[x]):
                for j, b in enumerate(digits[y]):
                    prod[i + j] = (prod[i + j] + a * b) % p
            for k in range(2 * m - 2, m - 1, -1):  # x^k = x^(k-m) * (-mod)
                c = prod[k]
                if c:
                    prod[k] = 0
                    for i in range(m):
                        prod[k - m + i] = (prod[k - m + i] - c * mod[i]) % p
            return enc(prod[:m])

        table = [[mul(x, y) for y in range(q)] for x in range(q)]
        if all(table[x][y] for x in range(1, q) for y in range(1, q)):
            return add, table
    return None


def shift_matrix(T: int, K: int, R: int, rng: random.Random, deadline: float,
                 check: Callable[[], None]) -> list[list[int]]:
    """A K x R matrix over Z_T whose row differences repeat as little as possible."""
    A = [[0] * R for _ in range(K)]
    for k in range(1, K):
        for r in range(1, R):
            A[k][r] = rng.randrange(T)
    cnt = {}
    for j in range(K):
        for k in range(K):
            if j != k:
                c = [0] * T
                for r in range(R):
                    c[(A[k][r] - A[j][r]) % T] += 1
                cnt[j, k] = c
    cur = sum(max(0, x - 1) for j in range(K) for k in range(j + 1, K) for x in cnt[j, k])
    best, best_a = cur, [row[:] for row in A]
    free = [(k, r) for k in range(1, K) for r in range(1, R)]
    tabu: dict[tuple[int, int, int], int] = {}
    it = 0
    while cur > 0:
        it += 1
        if it % 50 == 0:
            check()
            if perf_counter() > deadline:
                break
        moves: list[tuple[int, int, int]] = []
        bd = None
        for k, r in free:
            v = A[k][r]
            others = [(cnt[j, k], A[j][r]) for j in range(K) if j != k]
            base = -sum(1 for c, a in others if c[(v - a) % T] >= 2)
            if not base:
                continue
            for v2 in range(T):
                if v2 == v:
                    continue
                d = base + sum(1 for c, a in others if c[(v2 - a) % T])
                if tabu.get((k, r, v2), 0) > it and cur + d >= best:
                    continue
                if bd is None or d < bd:
                    bd, moves = d, [(k, r, v2)]
                elif d == bd:
                    moves.append((k, r, v2))
        if not moves or bd is None:
            break
        k, r, v2 = moves[rng.randrange(len(moves))]
        v = A[k][r]
        for j in range(K):
            if j != k:
                a = A[j][r]
                c = cnt[j, k]
                c[(v - a) % T] -= 1
                c[(v2 - a) % T] += 1
                c = cnt[k, j]
                c[(a - v) % T] -= 1
                c[(a - v2) % T] += 1
        A[k][r] = v2
        cur += bd
        tabu[k, r, v] = it + rng.randint(2, 10)
        if cur < best:
            best, best_a = cur, [row[:] for row in A]
    return best_a


def cyclic_start(model: Model, order: list[int], rng: random.Random, deadline: float,
                 check: Callable[[], None]) -> Tab:
    """The grid plan described in the module docstring (pins and sizes always hold).

    ``order`` lists the unpinned people in the order they fill the grid (by group).
    Pinned people take row 0 (whose shift is always 0), one per table; further people
    pinned to an already used table are placed like the others and then swapped onto
    their table in each round (the search repairs what that costs).
    """
    m = model
    n, T, R = m.n, m.T, m.R
    K = -(-n // T)
    cells: list[tuple[int, int]] = [(0, 0)] * n
    taken: set[int] = set()
    extra: list[int] = []
    for p in range(n):
        if m.pin[p] >= 0:
            if m.pin[p] in taken:
                extra.append(p)
            else:
                taken.add(m.pin[p])
                cells[p] = (0, m.pin[p])
    free = [(k, c) for k in range(K) for c in range(T) if k or c not in taken]
    ghosts = K * T - n  # empty seats, moved around like people (see spread_by_relabel)
    cells += [(0, 0)] * ghosts
    for p, cell in zip(extra + order + list(range(n, n + ghosts)), free):
        cells[p] = cell
    field = field_tables(T)
    if field is not None and K <= T and R <= T:
        add, mul = field
        horizon = min(T, max(R, HORIZON))
        tab = [[add[c][mul[k][r]] for k, c in cells] for r in range(horizon)]
    else:
        shifts = [[0] * R] if K == 1 else stored_shift(T, K, R)
        if shifts is None:
            shifts = shift_matrix(T, K, R, rng, deadline, check)
        horizon = min(len(shifts[0]), max(R, HORIZON))
        tab = [[(c + shifts[k][r]) % T for k, c in cells] for r in range(horizon)]
    # Spread the groups over the planned rounds first, then over later rounds this same
    # grid could continue with (see history_start).
    tab = spread_by_relabel(m, tab, rng, min(40000, 40 * n * horizon), check, first=R,
                            ghosts=ghosts)
    tab = [row[:n] for row in tab[:R]]
    for p in extra:
        g = m.grp[p]
        for r in range(R):
            t = tab[r][p]
            if t != m.pin[p]:
                there = [q for q in m.movable if tab[r][q] == m.pin[p]]
                if there:
                    q = min(there, key=lambda q: (m.grp[q] != g, q))
                    tab[r][p], tab[r][q] = m.pin[p], t
    if extra or not all(_balanced(m, row) for row in tab):
        return previous_start(m, rng, check, tab)  # makes sure every pin and size holds
    return tab


def _balanced(m: Model, row: list[int]) -> bool:
    sizes = [0] * m.T
    for t in row:
        sizes[t] += 1
    return max(sizes) - min(sizes) <= 1


def history_start(model: Model, rng: random.Random, check: Callable[[], None]) -> Tab | None:
    """Continue the grid plan that the held rounds may have come from.

    A grid plan for held + planned rounds is built with all ``T`` rows; each person
    whose tables in the held rounds equal those of a grid cell takes that cell, so a
    plan made earlier by this module continues without repeats. Everyone else (late
    arrivals, hand-made history) is seated greedily around them.
    """
    m = model
    H, T = len(m.held), m.T
    total = H + m.R
    field = field_tables(T)
    layouts: list[Callable[[int, int, int], int]] = []
    sizes: list[int] = []
    if field is not None and total <= T:
        add, mul = field
        layouts.append(lambda k, c, r: add[c][mul[k][r]])
        sizes.append(T)
    for A in shift_options(T):
        if len(A[0]) >= total:
            layouts.append(lambda k, c, r, A=A: (c + A[k][r]) % T)
            sizes.append(len(A))
    best: tuple[int, Tab] | None = None
    for cell_table, rows in zip(layouts, sizes):
        check()
        found = _fit(m, cell_table, rows, rng)
        if best is None or found[0] > best[0]:
            best = found
    if best is None or best[0] < m.n // 2:
        return None
    return previous_start(m, rng, check, best[1])


def _fit(m: Model, cell_table: Callable[[int, int, int], int], rows: int,
         rng: random.Random) -> tuple[int, Tab]:
    """(people matched, seed plan) for one grid layout; unmatched people get -1."""
    H, T = len(m.held), m.T
    bucket: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for k in range(rows):
        for c in range(T):
            bucket.setdefault(tuple(cell_table(k, c, r) for r in range(H)), []).append((k, c))
    seed: Tab = [[-1] * m.n for _ in range(m.R)]
    # When cells share held tables (one held round), hand out rows in group order, as
    # the grid was filled, so that a row keeps holding one group.
    matched = 0
    for p in group_order(m, rng, list(range(m.n))):
        cells = bucket.get(tuple(m.held[r][p] for r in range(H)))
        if cells:
            k, c = cells.pop(0)
            matched += 1
            for r in range(m.R):
                seed[r][p] = cell_table(k, c, H + r)
    return matched, seed


# ------------------------------------------------------------------ relabel
def spread_by_relabel(model: Model, tab: Tab, rng: random.Random, iterations: int,
                      check: Callable[[], None], first: int | None = None,
                      ghosts: int = 0) -> Tab:
    """Even out the groups (and keep apart pairs apart) by swapping two people's seats
    in *every* round of ``tab``.

    Such a swap only renames who sits in which seat sequence, so the number of repeat
    meetings stays exactly the same, provided both people sat at the same tables in all
    held rounds (always true without history). Pinned people keep their seats. ``tab``
    may hold more rounds than are planned: rounds from ``first`` on count ten times less.
    ``ghosts`` extra columns of ``tab`` are empty seats; they are kept apart from each
    other, so that table sizes stay balanced (also in the later rounds, for re-plans).
    """
    m = model
    G = max(m.G, 1)
    N = m.n + ghosts
    grp = m.grp + [-1] * ghosts
    movable = m.movable + list(range(m.n, N))
    apart = list(m.apart) + [(a, b) for a in range(m.n, N) for b in range(a + 1, N)]
    hist = {p: tuple(h[p] if p < m.n else -1 for h in m.held) for p in movable}
    peers: dict[tuple[int, ...], list[int]] = {}
    for p in movable:
        peers.setdefault(hist[p], []).append(p)
    free = [p for p in movable if len(peers[hist[p]]) > 1]
    if len(free) < 2 or (m.G < 2 and not apart):
        return tab
    partners: list[list[int]] = [[] for _ in range(N)]
    for a, b in apart:
        partners[a].append(b)
        partners[b].append(a)
    tab = [row[:] for row in tab]
    rounds = len(tab)
    cut = m.R if first is None else first
    weight = [10 if r < cut else 1 for r in range(rounds)]
    apart_w = 10**6 * sum(weight)  # apart pairs (and empty seats) outrank any spread
    gc: list[list[list[int]]] = []

    def count() -> int:
        gc[:] = [[[0] * G for _ in range(m.T)] for _ in range(rounds)]
        for r in range(rounds):
            for p, t in enumerate(tab[r]):
                if grp[p] >= 0:
                    gc[r][t][grp[p]] += 1
        return (sum(weight[r] * c * (c - 1) // 2
                    for r in range(rounds) for table in gc[r] for c in table)
                + apart_w * sum(weight[r] for a, b in apart for r in range(rounds)
                                if tab[r][a] == tab[r][b]))

    pen = count()
    target = sum(weight) * sum(m.grp_lb[: m.G])

    def apart_meetings(p: int, seat_of: int, skip: int) -> int:
        return sum(weight[r] for a in partners[p] if a != skip for r in range(rounds)
                   if tab[r][a] == tab[r][seat_of])

    best_pen, best_tab = pen, [row[:] for row in tab]
    heat = 0.5 * max(weight)  # annealing: early on, accept small steps uphill ...
    cool = max(1, iterations * 3 // 5)  # ... then only downhill, from the best found
    for attempt in range(3):  # anneal, then descend; again from the best if needed
        if attempt:
            if best_pen <= target:
                break
            tab[:] = [row[:] for row in best_tab]
            pen = count()
        for it in range(iterations):
            if pen <= target:
                break
            if it % 2048 == 0:
                check()
            if it == cool and pen > best_pen:
                tab[:] = [row[:] for row in best_tab]
                pen = count()
            p = free[rng.randrange(len(free))]
            mates = peers[hist[p]]
            q = mates[rng.randrange(len(mates))]
            gp, gq = grp[p], grp[q]
            if p == q or (gp == gq and not partners[p] and not partners[q]):
                continue
            d = 0
            if gp != gq:
                for r in range(rounds):
                    A, B = tab[r][p], tab[r][q]
                    if A != B:
                        cA, cB = gc[r][A], gc[r][B]
                        if gp >= 0:
                            d += weight[r] * (cB[gp] - cA[gp] + 1)
                        if gq >= 0:
                            d += weight[r] * (cA[gq] - cB[gq] + 1)
            if partners[p] or partners[q]:
                d += apart_w * (apart_meetings(p, q, q) + apart_meetings(q, p, p)
                                - apart_meetings(p, p, q) - apart_meetings(q, q, p))
            temp = heat * (1 - it / cool)
            if d <= 0 or (temp > 0.1 and rng.random() < math.exp(-d / temp)):
                for r in range(rounds):
                    A, B = tab[r][p], tab[r][q]
                    if A != B:
                        cA, cB = gc[r][A], gc[r][B]
                        if gp >= 0:
                            cA[gp] -= 1
                            cB[gp] += 1
                        if gq >= 0:
                            cB[gq] -= 1
                            cA[gq] += 1
                        tab[r][p], tab[r][q] = B, A
                pen += d
                if pen < best_pen:
                    best_pen, best_tab = pen, [row[:] for row in tab]
    return best_tab
