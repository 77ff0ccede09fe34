"""Live updates for one desk: a QSocketNotifier on the LISTEN socket (no polling thread).

Coalescing is leading-edge: the first notification of a burst starts a reload of the changed rows
at once (on the TaskRunner); notifications that arrive while it is in flight are collected and
reloaded together, once, when it returns. So an isolated change costs one round of row reading,
never a fixed waiting window, and a storm costs at most one reload in flight per desk (spaced by at
least ``min_gap_ms``), never one reload per event. On SQLite a one-second timer polls instead.
A lost connection is announced, retried with backoff, and followed by a full refresh
(notifications sent while away are lost).

On PostgreSQL most notifications carry the ticket's queue row (migration 0004): those rows are
applied straight away, with no database round trip and no reload; only notifications without a
row (deletes, attachments, a row too long for NOTIFY) go through the reload above. A row never
replaces one the desk already has at a newer version.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    QTimer,
    Signal,
    Slot,
)

from app.live.feed import ChangeEvent, FeedLost, changed_ticket_ids, open_feed, policy_changed
from app.live.journal import Journal
from app.live.reconnect import Backoff
from app.services.errors import DatabaseUnavailable
from app.services.live_rows import row_from_payload
from app.services.snapshots import QueueRow
from ui.tasks import TaskRunner

MIN_GAP_MS = 10  # least spacing between two reload starts: caps a desk's reload rate in a storm
CONNECTED_MESSAGE = QT_TRANSLATE_NOOP(
    "LiveFeed", "Conectado: los cambios de otros escritorios se muestran al instante."
)
RESTORED_MESSAGE = QT_TRANSLATE_NOOP(
    "LiveFeed", "Conexión restablecida con la base de datos; cola actualizada."
)
LOST_MESSAGE = QT_TRANSLATE_NOOP(
    "LiveFeed", "se perdió la conexión con el servidor; los plazos siguen corriendo"
)


class LiveFeed(QObject):
    """``LiveFeed(ctx_or_services)``: anything with ``.tickets`` (and optionally ``.runner``)."""

    rows_changed = Signal(list)  # list[QueueRow], fresh from the database
    rows_removed = Signal(list)  # list[int]: ids that no longer exist
    full_refresh_needed = Signal()
    connection_changed = Signal(bool, str)  # ok, Spanish message for banner and status bar
    events_received = Signal(list)  # list[ChangeEvent], raw (for the watch panel and tests)
    policy_changed = Signal()  # a supervisor changed the SLA settings: reload the calendars

    def __init__(
        self,
        source: Any,
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        min_gap_ms: int = MIN_GAP_MS,
        backoff: Backoff | None = None,
        feed_factory: Callable[[], Any] | None = None,
        payload_rows: bool = True,
    ) -> None:
        super().__init__(parent)
        self._tickets = source.tickets
        self._runner = runner or getattr(source, "runner", None) or TaskRunner(self)
        self._feed = feed_factory() if feed_factory else open_feed(self._tickets.db)
        self._backoff = backoff or Backoff()
        self._notifier: QSocketNotifier | None = None
        self._pending: dict[int, None] = {}
        self._loading = False
        self._min_gap = min_gap_ms / 1000
        self._last_start = float("-inf")
        self._ok: bool | None = None
        self._running = False
        self._reconnecting = False
        self._payload_rows = payload_rows
        self._versions: dict[int, int] = {}  # newest version emitted per ticket
        self._direct_during_load: set[int] = set()  # rows applied from payloads while loading
        self.reloads = 0  # row reloads issued (one per burst)
        self.events_seen = 0
        self.payload_rows_applied = 0  # rows taken from notifications (no round trip)

        # Only used when a burst follows the previous reload start by less than ``min_gap_ms``.
        self.coalesce_timer = QTimer(self)
        self.coalesce_timer.setObjectName("live-coalesce")
        self.coalesce_timer.setSingleShot(True)
        self.coalesce_timer.timeout.connect(self._flush)

        self.poll_timer = QTimer(self)
        self.poll_timer.setObjectName("live-poll")
        interval = self._feed.poll_interval
        self.poll_timer.setInterval(int((interval or 1.0) * 1000))
        self.poll_timer.timeout.connect(self._on_readable)

        self.reconnect_timer = QTimer(self)
        self.reconnect_timer.setObjectName("live-reconnect")
        self.reconnect_timer.setSingleShot(True)
        self.reconnect_timer.timeout.connect(self._try_connect)

    # ------------------------------------------------------------ public
    @property
    def is_connected(self) -> bool:
        return bool(self._ok)

    @property
    def uses_listen(self) -> bool:
        return self._feed.poll_interval is None

    def start(self) -> None:
        """Connect off the GUI thread; ``connection_changed`` tells the outcome."""
        self._running = True
        self._try_connect()

    def stop(self) -> None:
        self._running = False
        for timer in (self.coalesce_timer, self.poll_timer, self.reconnect_timer):
            timer.stop()
        self._drop_notifier()
        self._feed.close()

    # ------------------------------------------------------------ connection
    @Slot()
    def _try_connect(self) -> None:
        if not self._running:
            return
        self._reconnecting = True
        self._runner.run(self._feed.connect, self._on_connected, self._on_connect_failed)

    def _on_connected(self, _result: object) -> None:
        self._reconnecting = False
        if not self._running:
            self._feed.close()
            return
        was_lost = self._ok is False
        self._backoff.reset()
        self._ok = True
        if self.uses_listen:
            fd = self._feed.fileno()
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_readable)
        else:
            self.poll_timer.start()
        message = RESTORED_MESSAGE if was_lost else CONNECTED_MESSAGE
        self.connection_changed.emit(True, QCoreApplication.translate("LiveFeed", message))
        if was_lost:
            self.full_refresh_needed.emit()
        self._on_readable()  # anything that arrived between LISTEN and the notifier

    def _on_connect_failed(self, error: BaseException) -> None:
        self._reconnecting = False
        if not isinstance(error, FeedLost | DatabaseUnavailable | OSError):
            raise error
        self._lost()

    def _lost(self) -> None:
        self._drop_notifier()
        self.poll_timer.stop()
        self._feed.close()
        if self._ok is not False:
            self._ok = False
            self.connection_changed.emit(
                False, QCoreApplication.translate("LiveFeed", LOST_MESSAGE)
            )
        if self._running and not self._reconnecting and not self.reconnect_timer.isActive():
            self.reconnect_timer.start(int(self._backoff.next_delay() * 1000))

    def _drop_notifier(self) -> None:
        notifier, self._notifier = self._notifier, None
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.activated.disconnect(self._on_readable)
            notifier.deleteLater()

    # ------------------------------------------------------------ events
    @Slot()
    def _on_readable(self) -> None:
        if not self._feed.connected:
            return
        try:
            events: list[ChangeEvent] = self._feed.drain()
        except FeedLost:
            self._lost()
            return
        if not events:
            return
        self.events_seen += len(events)
        self.events_received.emit(events)
        if policy_changed(events):
            self.policy_changed.emit()
        if not self._payload_rows:
            for ticket_id in changed_ticket_ids(events):
                self._pending[ticket_id] = None
            self._schedule()
            return
        carried: dict[int, QueueRow] = {}
        for event in events:
            if event.ticket_id is None:
                continue
            row = row_from_payload(event.row) if event.row is not None else None
            if row is None or row.id != event.ticket_id:
                self._pending[event.ticket_id] = None  # no row in the payload: reload it
                continue
            before = carried.get(row.id)
            if before is None or row.version >= before.version:
                carried[row.id] = row  # same version: the later one (e.g. after the action)
        if carried:
            fresh = self._fresh(list(carried.values()), direct=True)
            if fresh:
                self.payload_rows_applied += len(fresh)
                self.rows_changed.emit(fresh)
        self._schedule()

    def _fresh(self, rows: list[QueueRow], *, direct: bool) -> list[QueueRow]:
        """Rows not older than what this desk already shows. A reload's row at the same version
        as one applied from a payload meanwhile may predate it (an action without a version
        bump): the payload's wins."""
        fresh: list[QueueRow] = []
        for row in rows:
            known = self._versions.get(row.id)
            if known is not None:
                if row.version < known:
                    continue
                if not direct and row.version == known and row.id in self._direct_during_load:
                    continue
            self._versions[row.id] = row.version
            if direct and self._loading:
                self._direct_during_load.add(row.id)
            fresh.append(row)
        return fresh

    def _schedule(self) -> None:
        """Reload now unless one is in flight (its return picks the new ids up) or the last one
        started less than ``min_gap_ms`` ago (then reload when the gap is over)."""
        if not self._pending or self._loading or self.coalesce_timer.isActive():
            return
        wait = self._last_start + self._min_gap - time.monotonic()
        if wait > 0:
            self.coalesce_timer.start(max(1, round(wait * 1000)))
        else:
            self._flush()

    @Slot()
    def _flush(self) -> None:
        if self._loading or not self._pending:
            return
        ids = list(self._pending)
        self._pending.clear()
        self._loading = True
        self._direct_during_load.clear()
        self._last_start = time.monotonic()
        self.reloads += 1
        tickets = self._tickets
        self._runner.run(
            lambda: tickets.rows(ids),
            lambda rows: self._on_rows(ids, rows),
            lambda error: self._on_rows_failed(ids, error),
        )

    def _on_rows(self, ids: list[int], rows: list[QueueRow]) -> None:
        self._loading = False
        fresh = self._fresh(rows, direct=False)
        self._direct_during_load.clear()
        if fresh:
            self.rows_changed.emit(fresh)
        found = {row.id for row in rows}
        gone = [i for i in ids if i not in found]
        for ticket_id in gone:
            self._versions.pop(ticket_id, None)
        if gone:
            self.rows_removed.emit(gone)
        self._schedule()  # what arrived while loading: one more reload for all of it

    def _on_rows_failed(self, ids: list[int], error: BaseException) -> None:
        self._loading = False
        self._direct_during_load.clear()
        for ticket_id in ids:
            self._pending.setdefault(ticket_id, None)
        if isinstance(error, DatabaseUnavailable):
            self._lost()  # the full refresh after reconnecting covers these rows
            self._pending.clear()
            return
        raise error


def attach_live_feed(window: Any, ctx: Any) -> LiveFeed:
    """Wire a desk's feed to the main window (``apply_rows``, ``remove_ids``, ``refresh``,
    ``set_connection_state``); actions journalled during an outage are retried on reconnect."""
    feed = LiveFeed(ctx, window)
    feed.rows_changed.connect(window.apply_rows)
    feed.rows_removed.connect(window.remove_ids)
    feed.full_refresh_needed.connect(window.refresh)
    feed.connection_changed.connect(window.set_connection_state)
    reload_policy = getattr(window, "reload_policy", None)
    if reload_policy is not None:  # a window without countdowns has nothing to reload
        feed.policy_changed.connect(reload_policy)
    journal = getattr(ctx, "journal", None)
    if journal is None:
        journal = Journal()
    # ctx.journal is the one the dialogs write to: retried here once the connection is back
    runner = feed._runner

    def replay(ok: bool, _message: str) -> None:
        if ok and journal.entries():
            runner.run(lambda: journal.replay(ctx.tickets), lambda _report: window.refresh())

    feed.connection_changed.connect(replay)
    feed.start()
    return feed
