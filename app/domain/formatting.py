"""Dates, times and durations as the console shows them: Spanish (Panama), 24-hour clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "HOME_TIMEZONE",
    "display_language",
    "format_countdown",
    "format_datetime",
    "format_day",
    "format_duration",
    "format_short",
    "format_time",
    "set_display_language",
]

HOME_TIMEZONE = "America/Panama"

_DAYS = {
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = {
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_RELATIVE = {
    "es": {-1: "ayer", 0: "hoy", 1: "mañana"},
    "en": {-1: "yesterday", 0: "today", 1: "tomorrow"},
}


def _zone(tz: str | tzinfo) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def _zone_name(tz: str | tzinfo) -> str:
    return tz if isinstance(tz, str) else str(getattr(tz, "key", tz))


def _local(dt: datetime, tz: str | tzinfo) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware, got naive {dt!r}")
    return dt.astimezone(_zone(tz))


_display_language = "es"


def set_display_language(lang: str) -> None:
    """The language dates are written in when a call does not name one (the console's choice)."""
    global _display_language
    _display_language = _lang(lang)


def display_language(lang: str | None = None) -> str:
    """``lang`` checked ("es" or "en"), or the console's choice when None."""
    return _lang(lang)


def _lang(lang: str | None) -> str:
    if lang is None:
        return _display_language
    if lang not in _DAYS:
        raise ValueError(f"unsupported language {lang!r} (use 'es' or 'en')")
    return lang


def _suffix(tz: str | tzinfo) -> str:
    name = _zone_name(tz)
    return "" if name == HOME_TIMEZONE else f" ({name})"


def format_time(dt: datetime, *, tz: str | tzinfo = HOME_TIMEZONE) -> str:
    """Local wall-clock time, "10:30"."""
    return f"{_local(dt, tz):%H:%M}"


def format_day(day: date, *, with_year: bool = False, lang: str | None = None) -> str:
    """A calendar date, "lun 7 dic" (or "lun 7 dic 2026")."""
    lang = _lang(lang)
    text = f"{_DAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_datetime(
    dt: datetime,
    *,
    tz: str | tzinfo = HOME_TIMEZONE,
    with_year: bool = True,
    lang: str | None = None,
) -> str:
    """ "lun 7 dic 2026, 10:30"; the zone name is appended when it is not America/Panama."""
    lang = _lang(lang)
    local = _local(dt, tz)
    day = format_day(local.date(), with_year=with_year, lang=lang)
    return f"{day}, {local:%H:%M}{_suffix(tz)}"


def format_short(
    dt: datetime, *, now: datetime, tz: str | tzinfo = HOME_TIMEZONE, lang: str | None = None
) -> str:
    """Compact form for queues: "hoy 10:30", "mañana 08:00", "lun 08:00" within the coming week,
    otherwise "lun 7 dic, 10:30" (with the year when it differs from now's)."""
    lang = _lang(lang)
    local = _local(dt, tz)
    today = _local(now, tz).date()
    delta_days = (local.date() - today).days
    clock = f"{local:%H:%M}"
    if delta_days in _RELATIVE[lang]:
        return f"{_RELATIVE[lang][delta_days]} {clock}{_suffix(tz)}"
    if 1 < delta_days < 7:
        return f"{_DAYS[lang][local.weekday()]} {clock}{_suffix(tz)}"
    return format_datetime(dt, tz=tz, with_year=local.year != today.year, lang=lang)


def _split(td: timedelta) -> tuple[str, int]:
    total = td // timedelta(seconds=1) if td >= timedelta(0) else -(-td // timedelta(seconds=1))
    sign = "-" if total < 0 else ""
    return sign, abs(total)


def format_duration(td: timedelta) -> str:
    """Human duration, truncated to the unit shown: "45 s", "12 min", "2 h 05 min", "3 d 4 h"."""
    sign, total = _split(td)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        text = f"{days} d {hours} h" if hours else f"{days} d"
    elif hours:
        text = f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    elif minutes:
        text = f"{minutes} min"
    else:
        text = f"{seconds} s"
    return sign + text


def format_countdown(td: timedelta) -> str:
    """Clock-style duration, "01:59:07"; from a day on, "2 d 03:10:00". Whole seconds, truncated."""
    sign, total = _split(td)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{days} d {clock}" if days else sign + clock
