"""Backoff policy: grows, caps, jitters within bounds, resets."""

from __future__ import annotations

import random

import pytest

from app.live.reconnect import Backoff


def test_delays_double_then_cap_without_jitter() -> None:
    backoff = Backoff(initial=0.5, factor=2, maximum=5, jitter=0)
    assert [backoff.next_delay() for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]
    assert backoff.attempts == 6


def test_reset_starts_over() -> None:
    backoff = Backoff(initial=0.25, jitter=0)
    backoff.next_delay()
    backoff.next_delay()
    backoff.reset()
    assert backoff.next_delay() == 0.25


def test_jitter_stays_within_bounds_and_under_the_cap() -> None:
    backoff = Backoff(initial=1, factor=3, maximum=8, jitter=0.2, rng=random.Random(7))
    for attempt in range(30):
        base = backoff.base_delay(attempt)
        delay = backoff.next_delay()
        assert base * 0.8 <= delay <= min(8, base * 1.2)


def test_huge_attempt_counts_do_not_overflow() -> None:
    backoff = Backoff(initial=1, maximum=10, jitter=0)
    backoff.attempts = 10_000
    assert backoff.next_delay() == 10


@pytest.mark.parametrize(
    "kwargs", [{"initial": 0}, {"factor": 0.5}, {"maximum": 0.1}, {"jitter": 1.0}]
)
def test_invalid_parameters_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)  # type: ignore[arg-type]
