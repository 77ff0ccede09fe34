"""Report periods: whole local days in the office time zone, as a half-open UTC range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HOME_TZ = "America/Panama"


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC, plus the local days it was built from (for titles)."""

    start: datetime
    end: datetime
    first_day: date
    last_day: date

    @classmethod
    def from_days(cls, first: date, last: date, tz: str = HOME_TZ) -> Period:
        if last < first:
            raise ValueError("la fecha final es anterior a la inicial")
        zone = ZoneInfo(tz)
        start = datetime.combine(first, time(0), zone).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
        return cls(start, end, first, last)

    @property
    def title(self) -> str:
        return f"{self.first_day:%d/%m/%Y} – {self.last_day:%d/%m/%Y}"


def percentile(values: list[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (PostgreSQL's percentile_cont)."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * fraction
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
