"""Business calendars: which instants count towards an SLA clock, and fast arithmetic over them."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.formatting import display_language

__all__ = [
    "BusinessCalendar",
    "WeeklyHours",
    "always_open_calendar",
    "office_hours_calendar",
]

DAY_SECONDS = 86_400
_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_DATE = date(1970, 1, 1)
_MICRO = 1_000_000
# Offsets never reach a full day, so a margin of one day keeps every local date of a year inside
# the UTC window we consider for it.
_MARGIN = DAY_SECONDS
# The zone's UTC offset is sampled at this step and bisected where it changes; two transitions
# closer than this would be missed (no zone in current tzdata does that).
_SAMPLE_STEP = 3 * 3600
# A calendar that adds no open time for this many years past its last closure never opens.
_NEVER_OPEN_YEARS = 3

_WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_WEEKDAYS_EN = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
#: why a whole day is off, in the console's two languages
_CLOSED_TEXTS = {
    "es": {
        "holiday": "Feriado: {name}",
        "closure": "Cierre: {reason}",
        "closure_day": "Día de cierre",
        "weekend": "Fin de semana",
        "no_hours": "Sin horario los {weekday}",
    },
    "en": {
        "holiday": "Public holiday: {name}",
        "closure": "Closed: {reason}",
        "closure_day": "Closure day",
        "weekend": "Weekend",
        "no_hours": "No office hours on {weekday}",
    },
}
#: the holidays package's language codes for the console's languages
_HOLIDAY_LANGUAGES = {"es": "es", "en": "en_US"}

Span = tuple[time, time]


def _span_seconds(span: Span) -> tuple[int, int]:
    """Seconds from local midnight; an end of 00:00 means 24:00 (end of the day)."""
    start, end = span
    s = start.hour * 3600 + start.minute * 60 + start.second
    e = end.hour * 3600 + end.minute * 60 + end.second
    return s, (e or DAY_SECONDS)


def _format_clock(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def _parse_clock(text: str) -> time:
    parts = [int(p) for p in str(text).strip().split(":")]
    if not 2 <= len(parts) <= 3:
        raise ValueError(f"hora no válida: {text!r} (use HH:MM)")
    h, m, s = (*parts, 0)[:3]
    if (h, m, s) == (24, 0, 0):
        return time(0)
    return time(h, m, s)


def _check_aware(dt: datetime, what: str = "datetime") -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {dt!r}")


def _to_us(dt: datetime) -> int:
    return (dt - _EPOCH) // _US


def _from_us(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


@dataclass(frozen=True)
class WeeklyHours:
    """Open hours per weekday, Monday first.

    ``days`` holds 7 tuples of ``(start, end)`` spans in local wall-clock time, half-open
    ``[start, end)``. Because ``time`` cannot say 24:00, an ``end`` of ``time(0, 0)`` means the end
    of the day (24:00); any other end must be later than its start. Spans are sorted on creation and
    must not overlap (touching spans such as 08:00–12:00 and 12:00–17:00 are fine). Times carry no
    time zone and no microseconds; seconds are allowed.
    """

    days: tuple[tuple[Span, ...], ...]

    def __post_init__(self) -> None:
        days = tuple(tuple((s, e) for s, e in day) for day in self.days)
        if len(days) != 7:
            raise ValueError(f"weekly hours need 7 days (Monday..Sunday), got {len(days)}")
        normalized = []
        for index, day in enumerate(days):
            for pair in day:
                for t in pair:
                    if not isinstance(t, time) or t.tzinfo is not None or t.microsecond:
                        raise ValueError(f"invalid time {t!r} in weekly hours")
            ordered = tuple(sorted(day, key=_span_seconds))
            prev_end = 0
            for span in ordered:
                lo, hi = _span_seconds(span)
                if lo >= hi:
                    raise ValueError(
                        f"{_WEEKDAYS_ES[index]}: el inicio {_format_clock(lo)} debe ser anterior "
                        f"al fin {_format_clock(hi)}"
                    )
                if lo < prev_end:
                    raise ValueError(f"{_WEEKDAYS_ES[index]}: los tramos de horario se solapan")
                prev_end = hi
            normalized.append(ordered)
        object.__setattr__(self, "days", tuple(normalized))

    @classmethod
    def office(
        cls, start: time = time(8), end: time = time(17), weekdays: Iterable[int] = range(5)
    ) -> WeeklyHours:
        chosen = set(weekdays)
        return cls(tuple(((start, end),) if d in chosen else () for d in range(7)))

    @classmethod
    def always(cls) -> WeeklyHours:
        """Every day 00:00–24:00 (unlike ``weekly=None``, holidays and closures still apply)."""
        return cls(tuple(((time(0), time(0)),) for _ in range(7)))

    def seconds(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Spans as seconds from local midnight, 24:00 as 86400."""
        return tuple(tuple(_span_seconds(span) for span in day) for day in self.days)

    @property
    def is_empty(self) -> bool:
        return not any(self.days)

    def weekly_open(self) -> timedelta:
        return timedelta(seconds=sum(e - s for day in self.seconds() for s, e in day))

    def to_json(self) -> list[list[list[str]]]:
        """JSON-safe: per weekday a list of ``["08:00", "17:00"]`` pairs, end of day as "24:00"."""
        return [[[_format_clock(s), _format_clock(e)] for s, e in day] for day in self.seconds()]

    @classmethod
    def from_json(cls, data: Sequence[Sequence[Sequence[str]]]) -> WeeklyHours:
        days = []
        for day in data:
            spans = []
            for pair in day:
                if len(pair) != 2:
                    raise ValueError(f"tramo de horario no válido: {pair!r}")
                spans.append((_parse_clock(pair[0]), _parse_clock(pair[1])))
            days.append(tuple(spans))
        return cls(tuple(days))

    def describe(self) -> str:
        """Spanish summary such as "lun–vie 08:00–17:00"."""
        short = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
        groups: list[tuple[int, int, str]] = []
        for index, day in enumerate(self.seconds()):
            if not day:
                continue
            text = ", ".join(
                f"{_format_clock(s)}–{'24:00' if e == DAY_SECONDS else _format_clock(e)}"
                for s, e in day
            )
            if groups and groups[-1][1] == index - 1 and groups[-1][2] == text:
                groups[-1] = (groups[-1][0], index, text)
            else:
                groups.append((index, index, text))
        if not groups:
            return "sin horario"
        parts = []
        for first, last, text in groups:
            days = short[first] if first == last else f"{short[first]}–{short[last]}"
            parts.append(f"{days} {text}")
        return "; ".join(parts)


@lru_cache(maxsize=256)
def _holidays_for(country: str, year: int, lang: str = "es") -> Mapping[date, str]:
    """Public holidays (observed days included), named in ``lang`` when the package has it."""
    import holidays

    try:
        table = holidays.country_holidays(
            country, years=year, language=_HOLIDAY_LANGUAGES.get(lang, lang)
        )
    except NotImplementedError:
        table = holidays.country_holidays(country, years=year)
    return MappingProxyType({day: str(name) for day, name in table.items() if day.year == year})


def _offset_at(zone: ZoneInfo, epoch_seconds: int) -> int:
    offset = (_EPOCH + timedelta(seconds=epoch_seconds)).astimezone(zone).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def _zone_pieces(zone: ZoneInfo, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """Offset changes in [lo, hi) as (cuts, offsets): offsets[k] applies before cuts[k]."""
    cuts: list[int] = []
    offsets = [_offset_at(zone, lo)]
    t = lo
    while t < hi:
        nxt = min(t + _SAMPLE_STEP, hi)
        off = _offset_at(zone, nxt)
        if off != offsets[-1]:
            a, b = t, nxt  # offset(a) == offsets[-1], offset(b) differs
            while b - a > 1:
                mid = (a + b) // 2
                if _offset_at(zone, mid) == offsets[-1]:
                    a = mid
                else:
                    b = mid
            cuts.append(b)
            offsets.append(off)
        t = nxt
    return cuts, offsets


@dataclass(frozen=True)
class _Table:
    """Open intervals for a run of whole local years, as epoch microseconds, with prefix sums."""

    first_year: int
    last_year: int
    starts: list[int]
    ends: list[int]
    cum: list[int]  # open microseconds before interval i
    cum_end: list[int]  # open microseconds up to the end of interval i
    safe_lo: int  # instants in [safe_lo, safe_hi) are fully described by this table
    safe_hi: int


_EMPTY_TABLE = _Table(0, -1, [], [], [], [], 0, 0)


@dataclass(frozen=True)
class BusinessCalendar:
    """A named calendar of open hours in one time zone, minus holidays and closure days.

    An instant is open when, in the calendar's zone, its local date is neither a holiday nor a
    closure day and its wall-clock time falls in one of that weekday's spans. ``weekly=None`` means
    open all day every day (24×7; with no holidays and closures this takes a fast path).

    All inputs must be timezone-aware; computed datetimes are returned in UTC (compare instants, and
    convert for display with ``app.domain.formatting``). Open-interval tables are built lazily,
    one local year at a time, and shared safely between threads.
    """

    name: str
    weekly: WeeklyHours | None
    timezone: str = "America/Panama"
    holiday_country: str | None = "PA"
    closures: frozenset[date] = frozenset()
    label: str = ""
    closure_reasons: Mapping[date, str] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, hash=False
    )
    _state: _State = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"zona horaria desconocida: {self.timezone!r}") from exc
        reasons = MappingProxyType(dict(self.closure_reasons))
        object.__setattr__(self, "closure_reasons", reasons)
        object.__setattr__(self, "closures", frozenset(self.closures) | frozenset(reasons))
        if self.holiday_country is not None:
            try:
                _holidays_for(self.holiday_country, 2000)  # fail early on an unknown country
            except NotImplementedError as exc:
                raise ValueError(f"país de feriados desconocido: {self.holiday_country!r}") from exc
        object.__setattr__(self, "_state", _State(self, zone))

    # -- basic facts ------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return self._state.zone

    @property
    def display_name(self) -> str:
        return self.label or self.name

    @property
    def is_always_open(self) -> bool:
        """True for a plain 24×7 calendar (no weekly hours, holidays or closures)."""
        return self._state.always

    def holiday_name(self, day: date, lang: str | None = None) -> str | None:
        """The public holiday on that local date, else None; named in ``lang`` (default: the
        console's language) when the holidays package has that language, else in its own."""
        if self.holiday_country is None:
            return None
        name = _holidays_for(self.holiday_country, day.year).get(day)
        if name is None:
            return None
        return _holidays_for(self.holiday_country, day.year, display_language(lang)).get(day, name)

    def is_closed_day(self, day: date) -> bool:
        """Whole local date off: holiday, closure day, or a weekday without hours."""
        if day in self.closures or self.holiday_name(day) is not None:
            return True
        return self.weekly is not None and not self.weekly.days[day.weekday()]

    def closed_day_reason(self, day: date, lang: str | None = None) -> tuple[str, str] | None:
        """Why a whole local date is off, as (kind, text in ``lang``, default the console's
        language); None when it has open hours. kind is "holiday", "closure" or "weekend" (a
        weekday without hours). A closure's reason is shown as the supervisor typed it.
        """
        lang = display_language(lang)
        texts = _CLOSED_TEXTS[lang]
        name = self.holiday_name(day, lang)
        if name is not None:
            return "holiday", texts["holiday"].format(name=name)
        if day in self.closures:
            reason = self.closure_reasons.get(day)
            return "closure", texts["closure"].format(reason=reason) if reason else texts[
                "closure_day"
            ]
        if self.weekly is not None and not self.weekly.days[day.weekday()]:
            if day.weekday() >= 5:
                return "weekend", texts["weekend"]
            weekday = (_WEEKDAYS_ES if lang == "es" else _WEEKDAYS_EN)[day.weekday()]
            return "weekend", texts["no_hours"].format(weekday=weekday)
        return None

    # -- arithmetic -------------------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        _check_aware(at, "at")
        st = self._state
        if st.always:
            return True
        us = _to_us(at)
        tb = st.table_for(us)
        i = bisect_right(tb.starts, us) - 1
        return i >= 0 and us < tb.ends[i]

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Open time in [start, end); negative when end is before start."""
        _check_aware(start, "start")
        _check_aware(end, "end")
        st = self._state
        if st.always:
            return _to_us_delta(start, end)
        a, b = _to_us(start), _to_us(end)
        tb = st.table_covering(a, b)
        return timedelta(microseconds=_cum(tb, b) - _cum(tb, a))

    def business_seconds_between(self, start: datetime, end: datetime) -> float:
        """Open seconds in [start, end); negative when end is before start."""
        return self.business_time_between(start, end).total_seconds()

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant by which ``amount`` of open time has elapsed since ``start``.

        A start outside hours begins counting at the next opening, and a result that lands exactly
        on a closing time stays there. A zero amount returns ``start`` (in UTC).
        """
        if start.tzinfo is None or start.utcoffset() is None:
            raise ValueError(f"start must be timezone-aware, got naive {start!r}")
        st = self._state
        if st.always:
            if amount < timedelta(0):
                raise ValueError("amount must not be negative")
            return start.astimezone(UTC) + amount
        us = _to_us(start)
        need = amount // _US
        if need <= 0:
            if need < 0:
                raise ValueError("amount must not be negative")
            return _from_us(us)
        tb = st.table
        if not tb.safe_lo <= us < tb.safe_hi:
            tb = st.table_for(us)
        starts = tb.starts
        i = bisect_right(starts, us) - 1
        if i >= 0:
            end_i = tb.ends[i]
            target = tb.cum[i] + (us if us < end_i else end_i) - starts[i] + need
        else:
            target = need
        cum_end = tb.cum_end
        j = bisect_left(cum_end, target)
        if j == len(cum_end):
            tb, target = st.extend_until(us, need)
            j = bisect_left(tb.cum_end, target)
        return _EPOCH + timedelta(microseconds=tb.starts[j] + target - tb.cum[j])

    def next_opening(self, at: datetime) -> datetime | None:
        """``at`` itself when open, else the next opening (UTC); None if it never opens."""
        _check_aware(at, "at")
        st = self._state
        if st.always:
            return at
        us = _to_us(at)
        tb = st.table_for(us)
        i = bisect_right(tb.starts, us)
        if i > 0 and us < tb.ends[i - 1]:
            return at
        if i == len(tb.starts):
            found = st.next_start_after(tb, us)
            return None if found is None else _from_us(found)
        return _from_us(tb.starts[i])

    def open_intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """Open intervals clipped to [start, end), in order, as UTC datetimes."""
        _check_aware(start, "start")
        _check_aware(end, "end")
        a, b = _to_us(start), _to_us(end)
        if b <= a:
            return []
        st = self._state
        if st.always:
            return [(_from_us(a), _from_us(b))]
        tb = st.table_covering(a, b)
        out = []
        i = max(bisect_right(tb.starts, a) - 1, 0)
        while i < len(tb.starts) and tb.starts[i] < b:
            lo, hi = max(tb.starts[i], a), min(tb.ends[i], b)
            if lo < hi:
                out.append((_from_us(lo), _from_us(hi)))
            i += 1
        return out

    def local_day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """UTC instants where the local date ``day`` begins and the next one begins."""
        zone = self.zone
        first = datetime.combine(day, time(0), zone).astimezone(UTC)
        nxt = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
        return first, nxt

    # -- storage ----------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "timezone": self.timezone,
            "weekly": None if self.weekly is None else self.weekly.to_json(),
            "holiday_country": self.holiday_country,
            "closures": [d.isoformat() for d in sorted(self.closures)],
            "closure_reasons": {d.isoformat(): r for d, r in sorted(self.closure_reasons.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BusinessCalendar:
        weekly = data.get("weekly")
        return cls(
            name=data["name"],
            weekly=None if weekly is None else WeeklyHours.from_json(weekly),
            timezone=data.get("timezone", "America/Panama"),
            holiday_country=data.get("holiday_country"),
            closures=frozenset(date.fromisoformat(d) for d in data.get("closures", ())),
            label=data.get("label", ""),
            closure_reasons={
                date.fromisoformat(d): r for d, r in (data.get("closure_reasons") or {}).items()
            },
        )


def _to_us_delta(start: datetime, end: datetime) -> timedelta:
    return timedelta(microseconds=_to_us(end) - _to_us(start))


def _cum(tb: _Table, us: int) -> int:
    """Open microseconds from the table's beginning up to ``us``."""
    i = bisect_right(tb.starts, us) - 1
    if i < 0:
        return 0
    end = tb.ends[i]
    return tb.cum[i] + (us if us < end else end) - tb.starts[i]


class _State:
    """Mutable cache behind a frozen calendar: the open-interval table and how to grow it."""

    def __init__(self, cal: BusinessCalendar, zone: ZoneInfo) -> None:
        self.zone = zone
        self.always = cal.weekly is None and cal.holiday_country is None and not cal.closures
        self.spans = WeeklyHours.always().seconds() if cal.weekly is None else cal.weekly.seconds()
        self.never = not any(self.spans)
        self.holiday_country = cal.holiday_country
        self.closures = cal.closures
        self.last_closure_year = max((d.year for d in cal.closures), default=1)
        self.lock = threading.Lock()
        self.years: dict[int, tuple[list[int], list[int]]] = {}
        self.table = _EMPTY_TABLE

    # Readers take ``self.table`` once and use that snapshot; writers swap in a new table under
    # the lock, so a reader never sees half-built arrays.

    def table_for(self, us: int) -> _Table:
        tb = self.table
        if tb.safe_lo <= us < tb.safe_hi:
            return tb
        return self._grow(_year_of(us - _MARGIN * _MICRO), _year_of(us + _MARGIN * _MICRO))

    def table_covering(self, a: int, b: int) -> _Table:
        lo, hi = min(a, b), max(a, b)
        tb = self.table
        if tb.safe_lo <= lo and hi < tb.safe_hi:
            return tb
        return self._grow(_year_of(lo - _MARGIN * _MICRO), _year_of(hi + _MARGIN * _MICRO))

    def extend_until(self, us: int, need: int) -> tuple[_Table, int]:
        """Grow forward until ``need`` open microseconds after ``us`` fit in the table."""
        if self.never:
            raise ValueError("el calendario no tiene horario: nunca abre")
        tb = self.table
        year = tb.last_year
        previous_gap = -1
        while True:
            year += 1
            if year > 9998:
                raise ValueError("el vencimiento cae fuera del rango de fechas")
            tb = self._grow(tb.first_year, year)
            # Recompute from the new snapshot: another thread may have grown it backwards too.
            target = _cum(tb, us) + need
            available = tb.cum_end[-1] if tb.cum_end else 0
            if available >= target:
                return tb, target
            gap = target - available
            if gap == previous_gap and year > self.last_closure_year + _NEVER_OPEN_YEARS:
                raise ValueError("el calendario nunca vuelve a abrir")
            previous_gap = gap

    def next_start_after(self, tb: _Table, us: int) -> int | None:
        if self.never:
            return None
        year = tb.last_year
        while True:
            year += 1
            if year > 9998:
                return None
            tb = self._grow(tb.first_year, year)
            i = bisect_right(tb.starts, us)
            if i < len(tb.starts):
                return tb.starts[i]
            if year > max(self.last_closure_year, _year_of(us)) + _NEVER_OPEN_YEARS:
                return None

    def _grow(self, first: int, last: int) -> _Table:
        first = max(first, 1)
        last = min(last, 9998)
        with self.lock:
            tb = self.table
            if tb.last_year >= tb.first_year:
                first, last = min(first, tb.first_year), max(last, tb.last_year)
                if first == tb.first_year and last == tb.last_year:
                    return tb
            starts: list[int] = []
            ends: list[int] = []
            for year in range(first, last + 1):
                ys = self.years.get(year)
                if ys is None:
                    ys = self.years[year] = self._build_year(year)
                y_starts, y_ends = ys
                if starts and y_starts and y_starts[0] == ends[-1]:
                    ends[-1] = y_ends[0]
                    starts.extend(y_starts[1:])
                    ends.extend(y_ends[1:])
                else:
                    starts.extend(y_starts)
                    ends.extend(y_ends)
            cum: list[int] = []
            cum_end: list[int] = []
            total = 0
            for s, e in zip(starts, ends, strict=True):
                cum.append(total)
                total += e - s
                cum_end.append(total)
            safe_lo = _year_start_us(first) + _MARGIN * _MICRO if first > 1 else -(2**62)
            safe_hi = _year_start_us(last + 1) - _MARGIN * _MICRO
            tb = _Table(first, last, starts, ends, cum, cum_end, safe_lo, safe_hi)
            self.table = tb
            return tb

    def _build_year(self, year: int) -> tuple[list[int], list[int]]:
        """Open intervals (epoch microseconds) for every local date of ``year``."""
        first_day = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - first_day).days if year < 9999 else 365
        d0 = (first_day - _EPOCH_DATE).days * DAY_SECONDS
        cuts, offsets = _zone_pieces(self.zone, d0 - 2 * DAY_SECONDS, d0 + 368 * DAY_SECONDS)
        holidays = _holidays_for(self.holiday_country, year) if self.holiday_country else {}
        closures = self.closures
        spans = self.spans
        starts: list[int] = []
        ends: list[int] = []
        inf = 2**62
        for n in range(days):
            day = first_day + timedelta(days=n)
            day_spans = spans[day.weekday()]
            if not day_spans or day in holidays or day in closures:
                continue
            local0 = d0 + n * DAY_SECONDS  # local midnight read as if it were UTC
            lo_w, hi_w = local0 - _MARGIN, local0 + 2 * _MARGIN
            k = bisect_right(cuts, lo_w)
            a = lo_w
            while a < hi_w:
                b = cuts[k] if k < len(cuts) else inf
                off = offsets[k]
                for s, e in day_spans:
                    lo = max(a, local0 + s - off)
                    hi = min(b, local0 + e - off)
                    if lo < hi:
                        if ends and ends[-1] == lo * _MICRO:
                            ends[-1] = hi * _MICRO
                        else:
                            starts.append(lo * _MICRO)
                            ends.append(hi * _MICRO)
                a = b
                k += 1
        return starts, ends


def _year_start_us(year: int) -> int:
    return (date(year, 1, 1) - _EPOCH_DATE).days * DAY_SECONDS * _MICRO


_FIRST_DAY = (date(1, 1, 1) - _EPOCH_DATE).days
_LAST_DAY = (date(9999, 12, 31) - _EPOCH_DATE).days


def _year_of(us: int) -> int:
    days = min(max(us // (DAY_SECONDS * _MICRO), _FIRST_DAY), _LAST_DAY)
    return (_EPOCH_DATE + timedelta(days=days)).year


def office_hours_calendar(**kw: Any) -> BusinessCalendar:
    """Monday–Friday 08:00–17:00, America/Panama, minus Panama's public holidays."""
    params: dict[str, Any] = {
        "name": "office",
        "weekly": WeeklyHours.office(),
        "timezone": "America/Panama",
        "holiday_country": "PA",
        "label": "Horario de oficina",
    }
    params.update(kw)
    return BusinessCalendar(**params)


def always_open_calendar() -> BusinessCalendar:
    """Open around the clock, every day: the critical line's calendar."""
    return BusinessCalendar(name="24x7", weekly=None, holiday_country=None, label="24×7")
