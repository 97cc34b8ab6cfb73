"""Hybrid logical clock: timestamps that order edits across laptops.

A timestamp is a fixed-width hex string ``<48-bit ms><16-bit counter>`` so that
string order is time order. Together with the site id of the laptop that made
an edit, it gives every change a total order that all copies agree on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

_MAX_COUNTER = 0xFFFF


def encode(ms: int, counter: int) -> str:
    return f"{ms:012x}{counter:04x}"


def decode(stamp: str) -> tuple[int, int]:
    return int(stamp[:12], 16), int(stamp[12:], 16)


class HybridClock:
    """Monotonic clock: never goes backwards, even when the wall clock does."""

    def __init__(self, last: str | None = None, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._ms, self._counter = decode(last) if last else (0, 0)

    def tick(self) -> str:
        """A new timestamp, later than every one seen before."""
        wall = int(self._now() * 1000)
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        elif self._counter < _MAX_COUNTER:
            self._counter += 1
        else:
            self._ms, self._counter = self._ms + 1, 0
        return encode(self._ms, self._counter)

    def observe(self, stamp: str) -> None:
        """Take in a timestamp made elsewhere so that later ticks come after it."""
        ms, counter = decode(stamp)
        if (ms, counter) > (self._ms, self._counter):
            self._ms, self._counter = ms, counter
