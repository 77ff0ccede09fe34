"""The ticket queue as a Qt table model over frozen QueueRow snapshots, plus its filter proxy."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from app.domain.calendars import BusinessCalendar
from app.domain.formatting import format_duration, format_short
from app.domain.policy import SlaPolicy, default_policy
from app.domain.priorities import Priority
from app.domain.sla import ClockReading, ClockState, read_clock
from app.resources_path import icons_dir
from app.services.snapshots import QueueRow
from ui import i18n
from ui.clock_text import STATE_BACKGROUNDS, ClockText, clock_kind, describe

ICONS = icons_dir()

Index = QModelIndex | QPersistentModelIndex
TimerFactory = Callable[[QObject], QTimer]
Clock = Callable[[], datetime]

PRIORITY_COLOURS = {
    Priority.MUY_ALTO: "#c62828",
    Priority.ALTO: "#ef6c00",
    Priority.MEDIO: "#f9a825",
    Priority.BAJO: "#2e7d32",
}


class Column(IntEnum):
    TIME_LEFT = 0
    PRIORITY = 1
    NUMBER = 2
    CLIENT = 3
    SUBJECT = 4
    CHANNEL = 5
    STATUS = 6
    ASSIGNEE = 7
    AGE = 8
    LAST_ACTION = 9


HEADERS = {
    Column.TIME_LEFT: QT_TRANSLATE_NOOP("QueueModel", "Tiempo restante"),
    Column.PRIORITY: QT_TRANSLATE_NOOP("QueueModel", "Prioridad"),
    Column.NUMBER: QT_TRANSLATE_NOOP("QueueModel", "Tiquete"),
    Column.CLIENT: QT_TRANSLATE_NOOP("QueueModel", "Cliente"),
    Column.SUBJECT: QT_TRANSLATE_NOOP("QueueModel", "Asunto"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("QueueModel", "Canal"),
    Column.STATUS: QT_TRANSLATE_NOOP("QueueModel", "Estado"),
    Column.ASSIGNEE: QT_TRANSLATE_NOOP("QueueModel", "Técnico"),
    Column.AGE: QT_TRANSLATE_NOOP("QueueModel", "Antigüedad"),
    Column.LAST_ACTION: QT_TRANSLATE_NOOP("QueueModel", "Última acción"),
}

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow snapshot
CLOCK_ROLE = Qt.ItemDataRole.UserRole + 2  # ClockText of the row at the model's "now"
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value the proxy sorts on


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_timer_factory(parent: QObject) -> QTimer:
    """The countdown timer; tests pass a factory whose timer they fire by hand."""
    timer = QTimer(parent)
    timer.setObjectName("countdown")
    timer.setInterval(1000)
    timer.setTimerType(Qt.TimerType.CoarseTimer)
    return timer


def _sort_key(row: QueueRow) -> tuple[int, int, float, int]:
    """Priority level first, then least time left: running clocks by deadline, met ones last."""
    met = row.first_contact_at is not None
    return (int(row.priority), 1 if met else 0, row.deadline.timestamp(), row.id)


_icon_cache: dict[str, QIcon] = {}
_brush_cache: dict[str, QBrush] = {}


def brush(colour: str) -> QBrush:
    cached = _brush_cache.get(colour)
    if cached is None:
        cached = _brush_cache[colour] = QBrush(QColor(colour))
    return cached


def icon(name: str) -> QIcon:
    cached = _icon_cache.get(name)
    if cached is None:
        cached = _icon_cache[name] = QIcon(str(ICONS / name))
    return cached


class QueueModel(QAbstractTableModel):
    """Rows kept in default order (priority, then deadline); ``data()`` never touches the DB.

    One timer per model: each tick takes a new "now", drops the cached clock readings and emits
    ONE ``dataChanged`` for the countdown column of the visible rows (``visible_rows`` tells
    which source rows are on screen; by default all of them).
    """

    clock_state_changed = Signal(object, str, str)  # QueueRow, previous kind, new kind
    ticked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        policy: SlaPolicy | None = None,
        clock: Clock = utc_now,
        timer_factory: TimerFactory = default_timer_factory,
        only_open: bool = True,
    ) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._keys: list[tuple[int, int, float, int]] = []
        self._pos: dict[int, int] = {}
        self._policy = policy or default_policy()
        self._calendars: dict[str, BusinessCalendar] = {}
        self._clock = clock
        self._now = clock()
        self._readings: dict[int, ClockReading] = {}
        self._texts: dict[int, ClockText] = {}
        self._kinds: dict[int, str] = {}
        self.only_open = only_open
        self.visible_rows: Callable[[], tuple[int, int] | None] | None = None
        self.timer = timer_factory(self)
        self.timer.timeout.connect(self.tick)
        self._bold = QFont()
        self._bold.setBold(True)
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.Monospace)
        self._mono.setFixedPitch(True)

    # ------------------------------------------------------------------ setup
    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def set_policy(self, policy: SlaPolicy) -> None:
        self._policy = policy
        self._calendars.clear()
        self._invalidate_clocks()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    @property
    def now(self) -> datetime:
        return self._now

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("QueueModel", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(Column)):
            return None
        row = self._rows[r]
        if role == ROW_ROLE:
            return row
        col = Column(c)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == CLOCK_ROLE:
            return self.clock_text(row)
        if role == SORT_ROLE:
            return self._sort_value(row, col)
        if col is Column.TIME_LEFT:
            text = self.clock_text(row)
            if role == Qt.ItemDataRole.ForegroundRole:
                return brush(text.colour)
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(text.icon)
            if role == Qt.ItemDataRole.FontRole:
                return self._mono
            if role == Qt.ItemDataRole.ToolTipRole:
                reading = self.reading(row)
                return QCoreApplication.translate("QueueModel", "{0} — vence {1}").format(
                    text.state, format_short(reading.deadline, now=self._now)
                )
        if role == Qt.ItemDataRole.BackgroundRole:
            background = STATE_BACKGROUNDS.get(self.clock_text(row).kind)
            return brush(background) if background else None
        if col is Column.PRIORITY:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(f"priority-{int(row.priority)}.svg")
            if role == Qt.ItemDataRole.ForegroundRole:
                return brush(PRIORITY_COLOURS[row.priority])
            if role == Qt.ItemDataRole.FontRole and row.priority <= Priority.ALTO:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "QueueModel", "{0} — primer contacto en {1}"
                ).format(i18n.summary(row.priority), i18n.target_text(row.priority))
        if role == Qt.ItemDataRole.FontRole and col is Column.NUMBER:
            return self._mono
        if role == Qt.ItemDataRole.ToolTipRole and col is Column.SUBJECT:
            return row.subject
        if role == Qt.ItemDataRole.ToolTipRole and col is Column.CLIENT and row.needs_review:
            return QCoreApplication.translate(
                "QueueModel",
                "Marcado para revisión del supervisor (sin contrato vigente o "
                "contacto no registrado)",
            )
        return None

    def _display(self, row: QueueRow, col: Column) -> str:
        if col is Column.TIME_LEFT:
            return self.clock_text(row).cell
        if col is Column.PRIORITY:
            return i18n.label(row.priority)
        if col is Column.NUMBER:
            return row.number
        if col is Column.CLIENT:
            return f"⚑ {row.client_name}" if row.needs_review else row.client_name
        if col is Column.SUBJECT:
            return row.subject
        if col is Column.CHANNEL:
            return i18n.label(row.channel)
        if col is Column.STATUS:
            return i18n.label(row.status)
        if col is Column.ASSIGNEE:
            return row.assignee_name or "—"
        if col is Column.AGE:
            return format_duration(self._now - row.received_at)
        if row.last_action_at is None:
            return "—"
        kind = i18n.label(row.last_action_kind) if row.last_action_kind else ""
        return f"{kind} · {format_short(row.last_action_at, now=self._now)}".strip(" ·")

    def _sort_value(self, row: QueueRow, col: Column) -> Any:
        if col is Column.TIME_LEFT:
            return self._keys[self._pos[row.id]]
        if col is Column.PRIORITY:
            return int(row.priority)
        if col is Column.NUMBER:
            return row.id
        if col is Column.AGE:
            return row.received_at.timestamp()
        if col is Column.LAST_ACTION:
            return row.last_action_at.timestamp() if row.last_action_at else 0.0
        return self._display(row, col).lower()

    # ------------------------------------------------------------------ clocks
    def calendar(self, name: str) -> BusinessCalendar:
        cal = self._calendars.get(name)
        if cal is None:
            cal = self._policy.calendars.get(name) or default_policy().calendars["office"]
            self._calendars[name] = cal
        return cal

    def reading(self, row: QueueRow) -> ClockReading:
        reading = self._readings.get(row.id)
        if reading is None:
            reading = read_clock(
                self.calendar(row.calendar_name),
                deadline=row.deadline,
                target=row.target,
                now=self._now,
                first_contact_at=row.first_contact_at,
                at_risk_fraction=self._policy.at_risk_fraction,
            )
            self._readings[row.id] = reading
        return reading

    def clock_text(self, row: QueueRow) -> ClockText:
        text = self._texts.get(row.id)
        if text is None:
            text = self._texts[row.id] = describe(self.reading(row), now=self._now)
        return text

    def clock_kind(self, row: QueueRow) -> str:
        """Cheap state for filters: breached and met need no calendar arithmetic."""
        if row.first_contact_at is not None:
            return "met" if row.first_contact_at <= row.deadline else "met_late"
        if self._now >= row.deadline:
            return "breached"
        return clock_kind(self.reading(row))

    def _invalidate_clocks(self) -> None:
        self._readings.clear()
        self._texts.clear()

    def tick(self, now: datetime | None = None) -> None:
        """New "now"; one dataChanged for the countdown column of the visible rows."""
        self._now = now or self._clock()
        self._invalidate_clocks()
        if not self._rows:
            self.ticked.emit()
            return
        span = self.visible_rows() if self.visible_rows is not None else (0, len(self._rows) - 1)
        if span is not None:
            first, last = max(0, span[0]), min(len(self._rows) - 1, span[1])
            if first <= last:
                self._track_states(first, last)
                top = self.index(first, Column.TIME_LEFT)
                bottom = self.index(last, Column.TIME_LEFT)
                self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])
        self.ticked.emit()

    def _track_states(self, first: int, last: int) -> None:
        """Announce rows on screen whose clock turned at risk or breached (for the alerts)."""
        if last - first > 200:  # an unfiltered, unviewed model: not a desk's view, no alerts
            return
        for r in range(first, last + 1):
            row = self._rows[r]
            kind = self.clock_kind(row)
            before = self._kinds.get(row.id)
            self._kinds[row.id] = kind
            if before is not None and before != kind:
                self.clock_state_changed.emit(row, before, kind)

    # ------------------------------------------------------------------ rows
    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def row_at(self, source_row: int) -> QueueRow:
        return self._rows[source_row]

    def position(self, ticket_id: int) -> int | None:
        return self._pos.get(ticket_id)

    def _reindex(self, start: int = 0) -> None:
        for i in range(start, len(self._rows)):
            self._pos[self._rows[i].id] = i

    def _keep(self, row: QueueRow) -> bool:
        return not self.only_open or row.status.is_open

    def replace_all(self, rows: Iterable[QueueRow]) -> None:
        """A full refresh: the new rows, in default order."""
        kept = sorted((r for r in rows if self._keep(r)), key=_sort_key)
        self.beginResetModel()
        self._rows = kept
        self._keys = [_sort_key(r) for r in kept]
        self._pos = {}
        self._reindex()
        self._now = self._clock()
        self._invalidate_clocks()
        self._kinds = {k: v for k, v in self._kinds.items() if k in self._pos}
        self.endResetModel()

    def apply_rows(self, rows: Iterable[QueueRow]) -> list[QueueRow]:
        """Upsert by id; rows no longer open leave the queue. Returns the rows that arrived new."""
        arrived = []
        for row in rows:
            self._readings.pop(row.id, None)
            self._texts.pop(row.id, None)
            at = self._pos.get(row.id)
            if not self._keep(row):
                if at is not None:
                    self._remove_at(at)
                continue
            key = _sort_key(row)
            if at is not None and self._keys[at] == key:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))
                continue
            if at is not None:
                self._remove_at(at)
            else:
                arrived.append(row)
            pos = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, row)
            self._keys.insert(pos, key)
            self._reindex(pos)
            self.endInsertRows()
        return arrived

    def remove_ids(self, ticket_ids: Iterable[int]) -> None:
        for ticket_id in ticket_ids:
            at = self._pos.get(ticket_id)
            if at is not None:
                self._remove_at(at)

    def _remove_at(self, at: int) -> None:
        self.beginRemoveRows(QModelIndex(), at, at)
        row = self._rows.pop(at)
        self._keys.pop(at)
        del self._pos[row.id]
        self._kinds.pop(row.id, None)
        self._reindex(at)
        self.endRemoveRows()


class QueueFilter(IntEnum):
    MINE = 0
    UNASSIGNED = 1
    ALL_OPEN = 2
    AT_RISK = 3
    BREACHED = 4


class QueueProxy(QSortFilterProxyModel):
    """Filters: mine / unassigned / all open / at risk / breached, priority, channel, text.

    Without a sort column the proxy keeps the model's default order (priority, least time left).
    """

    def __init__(self, parent: QObject | None = None, *, actor: str = "") -> None:
        super().__init__(parent)
        self.actor = actor
        self.mode = QueueFilter.ALL_OPEN
        self.priority: Priority | None = None
        self.channel: Any = None
        self.text = ""
        self.setSortRole(SORT_ROLE)
        # Countdown ticks must not re-filter or re-sort thousands of rows every second.
        self.setDynamicSortFilter(False)

    def queue_model(self) -> QueueModel:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        return model

    def set_mode(self, mode: QueueFilter) -> None:
        self._begin()
        self.mode = mode
        self._end()

    def set_priority(self, priority: Priority | None) -> None:
        self._begin()
        self.priority = priority
        self._end()

    def set_channel(self, channel: Any) -> None:
        self._begin()
        self.channel = channel
        self._end()

    def set_text(self, text: str) -> None:
        self._begin()
        self.text = " ".join(text.lower().split())
        self._end()

    def _begin(self) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.10+
        if begin is not None:
            begin()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def refilter(self) -> None:
        """Re-run the filter (rows changed in place, or time moved a row across a state)."""
        self._begin()
        self._end()

    @property
    def time_based(self) -> bool:
        return self.mode in (QueueFilter.AT_RISK, QueueFilter.BREACHED)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.queue_model()
        row = model.row_at(source_row)
        if self.priority is not None and row.priority != self.priority:
            return False
        if self.channel is not None and row.channel != self.channel:
            return False
        if self.text:
            hay = f"{row.number} {row.client_name} {row.subject} {row.requester_name}".lower()
            if self.text not in hay:
                return False
        mode = self.mode
        if mode is QueueFilter.MINE:
            return row.assignee_login == self.actor
        if mode is QueueFilter.UNASSIGNED:
            return row.assignee_login is None
        if mode is QueueFilter.BREACHED:
            return model.clock_kind(row) == ClockState.BREACHED.value
        if mode is QueueFilter.AT_RISK:
            kind = model.clock_kind(row)
            return kind == ClockState.AT_RISK.value or (
                kind == "paused" and model.reading(row).state is ClockState.AT_RISK
            )
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def visible_source_span(self, first_proxy: int, last_proxy: int) -> tuple[int, int] | None:
        """The smallest source-row span covering the given proxy rows."""
        if self.rowCount() == 0 or last_proxy < first_proxy:
            return None
        rows = [
            self.mapToSource(self.index(r, 0)).row()
            for r in range(max(0, first_proxy), min(self.rowCount() - 1, last_proxy) + 1)
        ]
        return (min(rows), max(rows)) if rows else None
