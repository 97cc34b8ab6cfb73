"""Greedy starting plans for :mod:`sessions.seating`: from scratch or from a previous plan.

The grid ("cyclic") start and the relabelling that spreads groups live in
:mod:`sessions.seating_grid`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sessions.seating_search import Model

Tab = list[list[int]]


# --------------------------------------------------------------------- greedy
class _Round:
    """One round being filled table by table under the size rule (floor/ceil, ``rem`` full)."""

    def __init__(self, model: Model) -> None:
        self.m = model
        T = model.T
        self.tab = [-1] * model.n
        self.size = [0] * T
        self.mask = [0] * T
        self.gc = [[0] * max(model.G, 1) for _ in range(T)]
        self.full = 0

    def fits(self, t: int) -> bool:
        s, m = self.size[t], self.m
        return s < m.floor or (s == m.floor and self.full < m.rem)

    def put(self, p: int, t: int) -> None:
        if self.size[t] == self.m.floor and self.m.rem:
            self.full += 1
        self.size[t] += 1
        self.mask[t] |= 1 << p
        self.tab[p] = t
        if self.m.grp[p] >= 0:
            self.gc[t][self.m.grp[p]] += 1

    def take(self, p: int) -> None:
        t = self.tab[p]
        self.size[t] -= 1
        if self.size[t] == self.m.floor and self.m.rem:
            self.full -= 1
        self.mask[t] &= ~(1 << p)
        self.tab[p] = -1
        if self.m.grp[p] >= 0:
            self.gc[t][self.m.grp[p]] -= 1

    def best_table(self, p: int, met: list[int], prev: list[int] | None,
                   rng: random.Random, spread_first: bool = True) -> int:
        """The allowed table for ``p``: apart rules first, then group spread and repeat
        meetings (spread first unless told otherwise: it is hard to repair later), then
        the previous seat, then the emptiest table."""
        m = self.m
        ap, mp, g = m.apart_mask[p], met[p], m.grp[p]
        pp = prev[p] if prev is not None else -1
        best: tuple[int, int, int, int, int, float] | None = None
        choice = -1
        for t in range(m.T):
            if not self.fits(t):
                continue
            mask = self.mask[t]
            same = self.gc[t][g] if g >= 0 else 0
            seen = (mp & mask).bit_count()
            key = ((ap & mask).bit_count() if ap else 0,
                   same if spread_first else seen,
                   seen if spread_first else same,
                   1 if pp >= 0 and pp != t else 0,
                   self.size[t], rng.random())
            if best is None or key < best:
                best, choice = key, t
        return choice

    def escape(self, p: int, here: int, met: list[int]) -> tuple[int, int]:
        """(people met, same group) at the best other table ``p`` could move to."""
        m = self.m
        g = m.grp[p]
        return min((((met[p] & self.mask[t]).bit_count(), self.gc[t][g] if g >= 0 else 0)
                    for t in range(m.T) if t != here and self.size[t] < m.ceil),
                   default=(m.n, m.n))


def group_order(model: Model, rng: random.Random, people: list[int]) -> list[int]:
    """People by group, largest group first, shuffled within a group; no group last."""
    by: dict[int, list[int]] = {}
    for p in people:
        by.setdefault(model.grp[p], []).append(p)
    keys = sorted(by, key=lambda g: (g < 0, -len(by[g]), g))
    out: list[int] = []
    for g in keys:
        members = by[g][:]
        rng.shuffle(members)
        out.extend(members)
    return out


def _met_masks(model: Model) -> list[int]:
    met = [0] * model.n
    for a, row in enumerate(model.H):
        for b, v in enumerate(row):
            if v:
                met[a] |= 1 << b
    return met


def later_meetings(model: Model, base: Tab) -> list[list[int]]:
    """Per round r, each person's meetings in rounds after r of ``base`` (bit masks)."""
    later = [0] * model.n
    ahead: list[list[int]] = [[] for _ in range(model.R)]
    for r in range(model.R - 1, -1, -1):
        ahead[r] = later[:]
        _add_round(later, [t if 0 <= t < model.T else -1 for t in base[r]], model.T)
    return ahead


def _add_round(met: list[int], tab: list[int], T: int) -> None:
    """Add one round's meetings to ``met`` (people at table -1 are not seated)."""
    masks = [0] * T
    for p, t in enumerate(tab):
        if t >= 0:
            masks[t] |= 1 << p
    for p, t in enumerate(tab):
        if t >= 0:
            met[p] |= masks[t] & ~(1 << p)


def greedy_start(model: Model, rng: random.Random, check: Callable[[], None]) -> Tab:
    """Round by round, each person to the allowed table with the fewest new conflicts."""
    m = model
    met = _met_masks(m)
    plan: Tab = []
    for r in range(m.R):
        check()
        rnd = _Round(m)
        for p in range(m.n):
            if m.pin[p] >= 0:
                rnd.put(p, m.pin[p])
        prev = m.prev[r] if m.prev is not None else None
        for p in group_order(m, rng, m.movable):
            rnd.put(p, rnd.best_table(p, met, prev, rng))
        plan.append(rnd.tab)
        _add_round(met, rnd.tab, m.T)
    return plan


def previous_start(model: Model, rng: random.Random, check: Callable[[], None],
                   seed: Tab | None = None) -> Tab:
    """Everyone at the table the previous plan (or ``seed``) gave them; only the overflow
    and people without such a table are seated anew, greedily."""
    m = model
    base = seed if seed is not None else m.prev
    assert base is not None
    met = _met_masks(m)
    # An evicted person should not land next to someone they will sit with again in a
    # later round (that repeat costs many moves to undo).
    ahead = later_meetings(m, base)
    plan: Tab = []
    for r in range(m.R):
        check()
        rnd = _Round(m)
        prev = base[r]
        seen = [a | b for a, b in zip(met, ahead[r])]
        for p in range(m.n):
            if m.pin[p] >= 0:
                rnd.put(p, m.pin[p])
        loose: list[int] = []
        for p in m.movable:
            t = prev[p]
            if 0 <= t < m.T:
                rnd.size[t] += 1  # provisional: sizes fixed below
                rnd.mask[t] |= 1 << p
                rnd.tab[p] = t
                if m.grp[p] >= 0:
                    rnd.gc[t][m.grp[p]] += 1
            else:
                loose.append(p)
        rnd.full = sum(1 for s in rnd.size if s > m.floor)
        evicted: list[int] = []
        # Evict from tables that are too full, then from surplus full tables.
        while True:
            loose_at = [0] * m.T
            for p in m.movable:
                if rnd.tab[p] >= 0:
                    loose_at[rnd.tab[p]] += 1
            over = [t for t in range(m.T) if loose_at[t] and (
                rnd.size[t] > m.ceil or (rnd.size[t] > m.floor and rnd.full > m.rem))]
            if not over:
                break
            top = max(rnd.size[t] for t in over)
            # Evict whoever has the best other table to go to (no one met, group absent).
            choice = min((rnd.escape(p, t, seen), rng.random(), p, t) for t in over
                          if rnd.size[t] == top for p in m.movable if rnd.tab[p] == t)
            p = choice[2]
            rnd.take(p)
            rnd.full = sum(1 for s in rnd.size if s > m.floor)
            evicted.append(p)
        rng.shuffle(evicted)
        for p in evicted + group_order(m, rng, loose):
            rnd.put(p, rnd.best_table(p, seen, prev, rng, spread_first=False))
        plan.append(rnd.tab)
        _add_round(met, rnd.tab, m.T)
    return plan
