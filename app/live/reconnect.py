"""Reconnection policy: exponential backoff with jitter, pure and deterministic under a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays (seconds) between reconnection attempts: initial, ×factor each time, capped.

    Jitter spreads desks that lost the server at the same moment so they do not all knock
    at once when it comes back.
    """

    initial: float = 0.25
    factor: float = 2.0
    maximum: float = 10.0
    jitter: float = 0.2  # ± fraction of the delay
    rng: random.Random = field(default_factory=random.Random)
    attempts: int = 0

    def __post_init__(self) -> None:
        if self.initial <= 0 or self.factor < 1 or self.maximum < self.initial:
            raise ValueError("invalid backoff parameters")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter must be in [0, 1)")

    def base_delay(self, attempt: int) -> float:
        """The delay before attempt number ``attempt`` (0-based), without jitter."""
        return min(self.maximum, self.initial * self.factor ** min(attempt, 64))

    def next_delay(self) -> float:
        delay = self.base_delay(self.attempts)
        self.attempts += 1
        if self.jitter:
            delay *= 1 + self.rng.uniform(-self.jitter, self.jitter)
        return min(self.maximum, max(0.0, delay))

    def reset(self) -> None:
        """Call after a successful connection."""
        self.attempts = 0
