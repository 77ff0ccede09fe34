"""Spanish (Panama) dates and durations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.formatting import (
    format_countdown,
    format_datetime,
    format_day,
    format_duration,
    format_short,
)

PANAMA = ZoneInfo("America/Panama")


def test_format_datetime() -> None:
    dt = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
    assert format_datetime(dt) == "lun 7 dic 2026, 10:30"
    assert format_datetime(dt, with_year=False) == "lun 7 dic, 10:30"
    assert format_datetime(dt, tz="Europe/Madrid") == "lun 7 dic 2026, 16:30 (Europe/Madrid)"
    assert format_datetime(dt, lang="en") == "Mon 7 Dec 2026, 10:30"
    assert format_day(date(2026, 9, 19)) == "sáb 19 sep"
    with pytest.raises(ValueError):
        format_datetime(datetime(2026, 12, 7, 10, 30))


def test_format_short() -> None:
    now = datetime(2026, 12, 7, 10, 0, tzinfo=PANAMA)  # Monday
    assert format_short(datetime(2026, 12, 7, 10, 30, tzinfo=PANAMA), now=now) == "hoy 10:30"
    assert format_short(datetime(2026, 12, 8, 8, 0, tzinfo=PANAMA), now=now) == "mañana 08:00"
    assert format_short(datetime(2026, 12, 6, 16, 0, tzinfo=PANAMA), now=now) == "ayer 16:00"
    assert format_short(datetime(2026, 12, 11, 8, 0, tzinfo=PANAMA), now=now) == "vie 08:00"
    assert format_short(datetime(2026, 12, 14, 8, 0, tzinfo=PANAMA), now=now) == (
        "lun 14 dic, 08:00"
    )
    assert format_short(datetime(2027, 1, 4, 8, 0, tzinfo=PANAMA), now=now) == (
        "lun 4 ene 2027, 08:00"
    )
    assert format_short(datetime(2026, 12, 8, 8, 0, tzinfo=PANAMA), now=now, lang="en") == (
        "tomorrow 08:00"
    )


def test_format_duration() -> None:
    assert format_duration(timedelta(seconds=45)) == "45 s"
    assert format_duration(timedelta(0)) == "0 s"
    assert format_duration(timedelta(minutes=12, seconds=59)) == "12 min"
    assert format_duration(timedelta(hours=2, minutes=5)) == "2 h 05 min"
    assert format_duration(timedelta(hours=9)) == "9 h"
    assert format_duration(timedelta(days=3, hours=4, minutes=30)) == "3 d 4 h"
    assert format_duration(timedelta(days=2)) == "2 d"
    assert format_duration(-timedelta(minutes=12)) == "-12 min"


def test_format_countdown() -> None:
    assert format_countdown(timedelta(hours=1, minutes=59, seconds=7, microseconds=900)) == (
        "01:59:07"
    )
    assert format_countdown(timedelta(days=2, hours=3, minutes=10)) == "2 d 03:10:00"
    assert format_countdown(timedelta(0)) == "00:00:00"
    assert format_countdown(-timedelta(minutes=12, seconds=30)) == "-00:12:30"


def test_display_language_applies_when_a_call_names_none() -> None:
    from datetime import UTC, datetime

    from app.domain.formatting import format_datetime, set_display_language

    moment = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)  # Monday 10:30 in Panama
    try:
        set_display_language("en")
        english = format_datetime(moment)
    finally:
        set_display_language("es")
    assert english != format_datetime(moment)
    assert format_datetime(moment) == "lun 7 dic 2026, 10:30"
    assert format_datetime(moment, lang="en") == english
