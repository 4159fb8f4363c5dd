"""How much one phone may send: a token bucket per remote address (plain Python, no Qt).

Each address starts with ``burst`` tokens; a request takes one; tokens come back at ``per_second``
up to ``burst``. An empty bucket is a refusal with the seconds to wait (HTTP 429 + Retry-After).
The clock is handed in, so tests need not sleep.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What the attendee server allows. The defaults are the issue's: a burst of 20 requests
    per phone, then one a second; at most ``connections`` open at once; bodies up to 64 KB."""

    burst: int = 20
    per_second: float = 1.0
    connections: int = 100
    max_body: int = 64 * 1024


class RateLimiter:
    """Token buckets keyed by the client's address."""

    #: Buckets kept at most; the fullest (longest idle) are forgotten first when over.
    MAX_CLIENTS = 4096

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (tokens, at)

    def take(self, address: str) -> float:
        """Take one token for ``address``: 0.0 when allowed, else the seconds until one is due."""
        now = self.clock()
        burst, rate = float(self.limits.burst), self.limits.per_second
        tokens, at = self._buckets.get(address, (burst, now))
        tokens = min(burst, tokens + (now - at) * rate)
        if tokens >= 1.0:
            self._buckets[address] = (tokens - 1.0, now)
            self._forget_some()
            return 0.0
        self._buckets[address] = (tokens, now)
        return (1.0 - tokens) / rate if rate > 0 else math.inf

    def _forget_some(self) -> None:
        if len(self._buckets) > self.MAX_CLIENTS:
            now = self.clock()
            rate = self.limits.per_second
            full = [
                a
                for a, (t, at) in self._buckets.items()
                if t + (now - at) * rate >= self.limits.burst
            ]
            for address in full or list(self._buckets)[: len(self._buckets) // 2]:
                del self._buckets[address]
