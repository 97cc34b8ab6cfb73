"""Local search behind :mod:`sessions.seating` (stdlib only, no Qt, no storage).

The state is one table index per planned round and person. A move either swaps two
people of one round between their tables or, when table sizes differ by one, moves one
person from a full table to a short one; sizes therefore stay balanced at all times.

Everything needed to price a move is kept up to date so that a move costs O(1) big-int
operations per candidate: per person a bitmask of everyone met at least once and of
everyone met at least twice, and per table a bitmask of who sits there. The cost is a
weighted sum that ranks the goals strictly: apart pairs, repeat meetings, group spread,
moved seats (re-seat), and the deficit of "new people met" caused by short tables.
The search is a tabu search focused on people in conflict, restarting from the best plan
with a small shake-up when it stalls or strays too far uphill.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from time import perf_counter

W_APART = 10**12
W_REP = 10**9
W_GRP = 10**6
W_MOVE = 10**3
# Re-seating in place: moving a person weighs more than a better group spread (the
# facilitator asked to move as few people as possible), still far less than a repeat.
W_MOVE_RESEAT = 10**7
W_NEW = 1
DRIFT = 3 * W_REP  # give up a walk that strays this far above the best plan


class Cancelled(Exception):
    """Raised inside the search when the caller's ``cancelled()`` returns True."""


class Model:
    """The fixed data of one planning problem, with people as indices ``0..n-1``."""

    def __init__(self, n: int, tables: int, rounds: int, groups: list[int], group_count: int,
                 pins: list[int], apart: list[tuple[int, int]], history: list[list[int]],
                 previous: list[list[int]] | None, history_deficit: list[int],
                 held: list[list[int]] | None = None) -> None:
        self.n = n
        self.held = held or []  # per held round: each person's table there, or -1
        self.T = tables
        self.R = rounds
        self.grp = groups
        self.G = group_count
        self.pin = pins
        self.apart = apart
        self.apart_mask = [0] * n
        for a, b in apart:
            self.apart_mask[a] |= 1 << b
            self.apart_mask[b] |= 1 << a
        self.H = history
        self.prev = previous
        self.hist_def = history_deficit
        self.floor, self.rem = divmod(n, tables)
        self.ceil = self.floor + (1 if self.rem else 0)
        self.movable = [p for p in range(n) if pins[p] < 0]
        sizes = [0] * max(group_count, 1)
        for g in groups:
            if g >= 0:
                sizes[g] += 1
        # Fewest same-group pairs one round can have for each group (even spread).
        self.grp_lb = []
        for m in sizes:
            q, r = divmod(m, tables)
            self.grp_lb.append(r * (q + 1) * q // 2 + (tables - r) * q * (q - 1) // 2)

    def same_pin(self, a: int, b: int) -> bool:
        return self.pin[a] >= 0 and self.pin[a] == self.pin[b]


def popcount(x: int) -> int:
    return x.bit_count()


class Engine:
    """Mutable plan state with incremental costs and the tabu search over it."""

    def __init__(self, model: Model, rng: random.Random) -> None:
        self.m = model
        self.rng = rng
        self.track_new = model.rem > 0
        self.w_move = W_MOVE if model.prev is None else W_MOVE_RESEAT

    # ------------------------------------------------------------------ state
    def load(self, tab: list[list[int]]) -> None:
        """Take ``tab[r][p]`` (table of person p in planned round r) as the current plan."""
        m = self.m
        n, T, R, G = m.n, m.T, m.R, max(m.G, 1)
        self.tab = [row[:] for row in tab]
        self.mem = [[[] for _ in range(T)] for _ in range(R)]
        self.mask = [[0] * T for _ in range(R)]
        self.gc = [[[0] * G for _ in range(T)] for _ in range(R)]
        for r in range(R):
            mem, mask, gc = self.mem[r], self.mask[r], self.gc[r]
            for p, t in enumerate(self.tab[r]):
                mem[t].append(p)
                mask[t] |= 1 << p
                if m.grp[p] >= 0:
                    gc[t][m.grp[p]] += 1
        M = [row[:] for row in m.H]
        for r in range(R):
            for members in self.mem[r]:
                for i, a in enumerate(members):
                    Ma = M[a]
                    for b in members[i + 1:]:
                        Ma[b] += 1
                        M[b][a] += 1
        self.M = M
        self.met1 = [0] * n
        self.met2 = [0] * n
        self.rep = 0
        self.conf: list[int] = []
        self.conf_pos: dict[int, int] = {}
        H = m.H
        for a in range(n):
            Ma, Ha = M[a], H[a]
            b1 = b2 = 0
            for b in range(n):
                v = Ma[b]
                if v:
                    b1 |= 1 << b
                    if v >= 2:
                        b2 |= 1 << b
                        if a < b:
                            self.rep += v - 1
                            if v > Ha[b] and not m.same_pin(a, b):
                                self._conf_add(a * n + b)
            self.met1[a], self.met2[a] = b1, b2
        self.pen_rg = [[0] * G for _ in range(R)]
        self.grp_pen = 0
        for r in range(R):
            for t in range(T):
                for g, c in enumerate(self.gc[r][t]):
                    v = c * (c - 1) // 2
                    self.pen_rg[r][g] += v
                    self.grp_pen += v
        self.apart_v = 0
        for a, b in m.apart:
            for r in range(R):
                if self.tab[r][a] == self.tab[r][b]:
                    self.apart_v += 1
        self.moved = 0
        if m.prev is not None:
            for r in range(R):
                pr, tr = m.prev[r], self.tab[r]
                for p in range(n):
                    if pr[p] >= 0 and pr[p] != tr[p]:
                        self.moved += 1
        self.e = m.hist_def[:]
        self.new_pen = 0
        if self.track_new:
            for r in range(R):
                for members in self.mem[r]:
                    short = m.ceil - len(members)
                    for p in members:
                        self.e[p] += short
        self.new_pen = sum(x * x for x in self.e)

    def cost(self) -> int:
        return (W_APART * self.apart_v + W_REP * self.rep + W_GRP * self.grp_pen
                + self.w_move * self.moved + W_NEW * self.new_pen)

    def _conf_add(self, key: int) -> None:
        if key not in self.conf_pos:
            self.conf_pos[key] = len(self.conf)
            self.conf.append(key)

    def _conf_del(self, key: int) -> None:
        i = self.conf_pos.pop(key, None)
        if i is not None:
            last = self.conf.pop()
            if i < len(self.conf):
                self.conf[i] = last
                self.conf_pos[last] = i

    def _inc(self, a: int, b: int) -> None:
        M = self.M
        v = M[a][b] + 1
        M[a][b] = v
        M[b][a] = v
        if v == 1:
            self.met1[a] |= 1 << b
            self.met1[b] |= 1 << a
        else:
            if v == 2:
                self.met2[a] |= 1 << b
                self.met2[b] |= 1 << a
            self.rep += 1
            if v > self.m.H[a][b] and not self.m.same_pin(a, b):
                self._conf_add(a * self.m.n + b if a < b else b * self.m.n + a)

    def _dec(self, a: int, b: int) -> None:
        M = self.M
        v = M[a][b] - 1
        M[a][b] = v
        M[b][a] = v
        if v == 0:
            self.met1[a] &= ~(1 << b)
            self.met1[b] &= ~(1 << a)
        else:
            if v == 1:
                self.met2[a] &= ~(1 << b)
                self.met2[b] &= ~(1 << a)
            self.rep -= 1
            if v < 2 or v <= self.m.H[a][b]:
                self._conf_del(a * self.m.n + b if a < b else b * self.m.n + a)

    def move(self, r: int, p: int, B: int) -> None:
        """Move person ``p`` to table ``B`` in planned round ``r`` (sizes not checked)."""
        m = self.m
        A = self.tab[r][p]
        memA, memB = self.mem[r][A], self.mem[r][B]
        memA.remove(p)
        bit = 1 << p
        self.mask[r][A] &= ~bit
        for x in memA:
            self._dec(p, x)
        for y in memB:
            self._inc(p, y)
        ap = m.apart_mask[p]
        if ap:
            self.apart_v += popcount(ap & self.mask[r][B]) - popcount(ap & self.mask[r][A])
        if self.track_new:
            e = self.e
            sA, sB = len(memA), len(memB)
            np_ = self.new_pen
            for x in memA:
                np_ += 2 * e[x] + 1
                e[x] += 1
            for y in memB:
                np_ += -2 * e[y] + 1
                e[y] -= 1
            d = (sA + 1) - (sB + 1)
            np_ += 2 * d * e[p] + d * d
            e[p] += d
            self.new_pen = np_
        memB.append(p)
        self.mask[r][B] |= bit
        self.tab[r][p] = B
        g = m.grp[p]
        if g >= 0:
            gcA, gcB = self.gc[r][A], self.gc[r][B]
            gcA[g] -= 1
            gcB[g] += 1
            d = gcB[g] - 1 - gcA[g]
            self.pen_rg[r][g] += d
            self.grp_pen += d
        if m.prev is not None:
            pp = m.prev[r][p]
            if pp >= 0:
                self.moved += (B != pp) - (A != pp)

    def swap(self, r: int, p: int, q: int) -> None:
        A, B = self.tab[r][p], self.tab[r][q]
        self.move(r, p, B)
        self.move(r, q, A)

    # ------------------------------------------------------------- pricing
    def neighbourhood(self, r: int, p: int, it: int, tabu: list[int], aspire: int,
                      freeze: bool = False) -> tuple[int | None, list[tuple[int, int]]]:
        """Best priced moves of ``p`` in round ``r``: (delta, [(q or -1, table)]).

        With ``freeze``, moves that worsen the group spread are left out.
        """
        m = self.m
        n, T = m.n, m.T
        tab_r, mem_r, mask_r, gc_r = self.tab[r], self.mem[r], self.mask[r], self.gc[r]
        A = tab_r[p]
        mA = mask_r[A]
        sA = len(mem_r[A])
        met1, met2, Mp = self.met1, self.met2, self.M[p]
        m1p, m2p = met1[p], met2[p]
        apm = m.apart_mask
        app = apm[p]
        grp = m.grp
        gp = grp[p]
        gcA = gc_r[A]
        prev_r = m.prev[r] if m.prev is not None else None
        pp = prev_r[p] if prev_r is not None else -1
        track_new = self.track_new
        wm = self.w_move
        e = self.e
        pin = m.pin
        base_tabu = (r * n) * T
        lossP = W_REP * popcount(m2p & mA)
        apA = popcount(app & mA) if app else 0
        best: int | None = None
        cands: list[tuple[int, int]] = []
        for B in range(T):
            if B == A:
                continue
            memB = mem_r[B]
            mB = mask_r[B]
            sB = len(memB)
            gcB = gc_r[B]
            p_tabu = tabu[base_tabu + p * T + B] > it
            gainPB = W_REP * popcount(m1p & mB) - lossP
            dpB = W_APART * (popcount(app & mB) - apA) if app else 0
            dmp = wm * ((B != pp) - (A != pp)) if pp >= 0 else 0
            if sA == sB + 1:
                # Relocate p alone to the shorter table.
                d = gainPB + dpB + dmp
                if gp >= 0:
                    dg = gcB[gp] - gcA[gp] + 1
                    if freeze and dg > 0:
                        continue
                    d += W_GRP * dg
                if track_new:
                    for x in mem_r[A]:
                        if x != p:
                            d += W_NEW * (2 * e[x] + 1)
                    for y in memB:
                        d += W_NEW * (1 - 2 * e[y])
                if not p_tabu or d < aspire:
                    if best is None or d < best:
                        best = d
                        cands = [(-1, B)]
                    elif d == best:
                        cands.append((-1, B))
            for q in memB:
                if pin[q] >= 0:
                    continue
                gq = grp[q]
                if gq != gp:
                    dg = 0
                    if gp >= 0:
                        dg = gcB[gp] - gcA[gp] + 1
                    if gq >= 0:
                        dg += gcA[gq] - gcB[gq] + 1
                    if freeze and dg > 0:
                        continue
                    d = W_GRP * dg
                else:
                    d = 0
                d += (gainPB + dpB + dmp
                      + W_REP * (popcount(met1[q] & mA) - popcount(met2[q] & mB)
                                 - (2 if Mp[q] else 0)))
                aq = apm[q]
                if aq:
                    d += W_APART * (popcount(aq & mA) - popcount(aq & mB))
                    if (aq >> p) & 1:
                        d -= 2 * W_APART
                if prev_r is not None:
                    pq = prev_r[q]
                    if pq >= 0:
                        d += wm * ((A != pq) - (B != pq))
                if track_new and sA != sB:
                    dd = sA - sB
                    d += W_NEW * (2 * dd * (e[p] - e[q]) + 2 * dd * dd)
                if (p_tabu or tabu[base_tabu + q * T + A] > it) and d >= aspire:
                    continue
                if best is None or d < best:
                    best = d
                    cands = [(q, B)]
                elif d == best:
                    cands.append((q, B))
        return best, cands

    # ---------------------------------------------------------------- focus
    def _moved_focus(self) -> list[tuple[int, int]]:
        """One person (drawn at random) seated away from their previous table."""
        m, tab = self.m, self.tab
        assert m.prev is not None
        away = [(r, p) for r in range(m.R) for p in m.movable
                if 0 <= m.prev[r][p] != tab[r][p]]
        return [away[self.rng.randrange(len(away))]] if away else []

    def _foci(self, k: int) -> list[tuple[int, int]]:
        """People (round, person) whose moves are priced this iteration: those in the
        worst kind of conflict present, up to about ``k`` of them."""
        m = self.m
        rng = self.rng
        n, R = m.n, m.R
        tab = self.tab
        out: list[tuple[int, int]] = []
        if self.apart_v:
            for a, b in m.apart:
                for r in range(R):
                    if tab[r][a] == tab[r][b]:
                        out.extend((r, x) for x in (a, b) if m.pin[x] < 0)
            if out:
                return out
        conf = self.conf
        if conf:
            keys = conf if len(conf) <= k else [conf[rng.randrange(len(conf))] for _ in range(k)]
            for key in keys:
                a, b = divmod(key, n)
                for r in range(R):
                    if tab[r][a] == tab[r][b]:
                        if m.pin[a] < 0:
                            out.append((r, a))
                        if m.pin[b] < 0:
                            out.append((r, b))
            if rng.random() < 0.05 and m.movable:
                out.append((rng.randrange(R), m.movable[rng.randrange(len(m.movable))]))
            if out:
                return out
        choice = rng.random()
        if m.prev is not None and self.moved and choice < 0.6:
            focus = self._moved_focus()  # re-seat: moved seats rank above the spread
            if focus:
                return focus
            choice = rng.random() * 0.6
        if choice < 0.6:
            bad = [(r, g) for r in range(R) for g in range(m.G)
                   if self.pen_rg[r][g] > m.grp_lb[g]]
            if bad:
                r, g = bad[rng.randrange(len(bad))]
                gc = self.gc[r]
                out = [(r, p) for p in m.movable if m.grp[p] == g and gc[tab[r][p]][g] > 1]
                if out:
                    return out
        if m.prev is not None and choice < 0.85 and self.moved:
            focus = self._moved_focus()
            if focus:
                return focus
        if not m.movable:
            return []
        return [(rng.randrange(R), m.movable[rng.randrange(len(m.movable))])]

    # --------------------------------------------------------------- search
    def search(self, target: int, deadline: float, max_iter: int | None,
               tick: Callable[[], None], stop_stall: int, freeze: bool = False,
               width: int = 8) -> list[list[int]]:
        """Tabu search from the loaded plan; returns the best plan found (``tab``).

        Each step prices every move of up to ``width`` conflicts and makes the best one
        that is not tabu (or that beats the best plan so far). With ``freeze`` no move
        may worsen the group spread.
        """
        m = self.m
        rng = self.rng
        n, T, R = m.n, m.T, m.R
        tabu = [0] * (R * n * T)
        cur = self.cost()
        best = cur
        best_tab = [row[:] for row in self.tab]
        if not m.movable or T < 2:
            return best_tab
        it = 0
        last_imp = 0
        since_restart = 0
        stall = max(400, 12 * n)
        tmin, tmax = 10, 100
        rep_floor = target // W_REP  # repeats at their bound (and no apart violations)
        grp_floor = target // W_MOVE  # ... and the group spread at its bound too
        quick_stall = max(300, 4 * n)
        while cur > target:
            it += 1
            since_restart += 1
            if it & 15 == 0:
                tick()
                if perf_counter() >= deadline:
                    break
            if max_iter is not None and it > max_iter:
                break
            # Stop once repeats are at their bound and nothing improves any more.
            if best // W_REP <= rep_floor and it - last_imp > (
                    quick_stall if best // W_MOVE <= grp_floor else stop_stall):
                break
            foci = self._foci(width)
            if not foci:
                break
            top: int | None = None
            moves: list[tuple[int, int, int, int]] = []
            for r, p in foci:
                delta, cands = self.neighbourhood(r, p, it, tabu, best - cur, freeze)
                if delta is None:
                    continue
                if top is None or delta < top:
                    top = delta
                    moves = [(r, p, q, B) for q, B in cands]
                elif delta == top:
                    moves.extend((r, p, q, B) for q, B in cands)
            if top is None:
                continue
            r, p, q, B = moves[rng.randrange(len(moves))]
            A = self.tab[r][p]
            if q < 0:
                self.move(r, p, B)
            else:
                self.swap(r, p, q)
                tabu[(r * n + q) * T + B] = it + rng.randint(tmin, tmax)
            tabu[(r * n + p) * T + A] = it + rng.randint(tmin, tmax)
            cur += top
            if cur < best:
                best = cur
                best_tab = [row[:] for row in self.tab]
                last_imp = it
                since_restart = 0
            elif since_restart > stall or cur > best + DRIFT:
                since_restart = 0
                self.load(best_tab)
                self._shake(max(2, (n * R) // 40))
                cur = self.cost()
                tabu = [0] * (R * n * T)
        return best_tab

    def _shake(self, k: int) -> None:
        m = self.m
        rng = self.rng
        if len(m.movable) < 2:
            return
        for _ in range(k):
            r = rng.randrange(m.R)
            p = m.movable[rng.randrange(len(m.movable))]
            q = m.movable[rng.randrange(len(m.movable))]
            if self.tab[r][p] != self.tab[r][q] and (m.grp[p] == m.grp[q] or rng.random() < 0.2):
                self.swap(r, p, q)
