"""Benchmark: first-contact deadlines for 100,000 tickets on the default calendars."""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.calendars import always_open_calendar, office_hours_calendar

TICKETS = 100_000
TARGET_HOURS = (1, 3, 12, 24)


def _workload(seed: int = 20261207) -> list[tuple[int, datetime, timedelta]]:
    """(calendar index, received at, target) over two years; three in four on office hours."""
    rng = random.Random(seed)
    origin = datetime(2025, 1, 1, tzinfo=UTC)
    span = int(timedelta(days=730).total_seconds())
    targets = [timedelta(hours=h) for h in TARGET_HOURS]
    return [
        (
            0 if rng.random() < 0.75 else 1,
            origin + timedelta(seconds=rng.randrange(span)),
            rng.choice(targets),
        )
        for _ in range(TICKETS)
    ]


def run() -> list[dict]:
    """Time the deadline computation (fresh calendars, so table building is included)."""
    work = _workload()
    calendars = (office_hours_calendar(), always_open_calendar())
    started = time.perf_counter()
    deadlines = [calendars[c].add_business_time(received, target) for c, received, target in work]
    deadlines_s = time.perf_counter() - started

    started = time.perf_counter()
    for (c, received, _), deadline in zip(work, deadlines, strict=True):
        calendars[c].business_seconds_between(received, deadline)
    between_s = time.perf_counter() - started

    probe = datetime(2026, 6, 1, tzinfo=UTC)
    started = time.perf_counter()
    for (c, _, _), deadline in zip(work, deadlines, strict=True):
        calendars[c].business_time_between(probe, deadline)
    remaining_s = time.perf_counter() - started

    return [
        {
            "name": "deadlines for 100,000 tickets on mixed calendars",
            "value": round(deadlines_s, 3),
            "unit": "s",
            "target": "< 1 s",
            "ok": deadlines_s < 1.0,
        },
        {
            "name": "  business time between, 100,000 pairs",
            "value": round(between_s, 3),
            "unit": "s",
            "target": "info",
            "ok": True,
        },
        {
            "name": "  time remaining, 100,000 clocks",
            "value": round(remaining_s, 3),
            "unit": "s",
            "target": "info",
            "ok": True,
        },
        {
            "name": "  per deadline",
            "value": round(deadlines_s / TICKETS * 1e6, 2),
            "unit": "µs",
            "target": "info",
            "ok": True,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']} {row['unit']} (target {row['target']})")
