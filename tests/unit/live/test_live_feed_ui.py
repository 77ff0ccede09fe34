"""The desk-side LiveFeed: coalesced row reloads, queue model updates, lost connection handling."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.tickets import ActionKind
from app.live.reconnect import Backoff
from app.services.snapshots import QueueRow
from app.services.tickets import TicketService
from tests.unit.live.conftest import open_ticket
from ui.live_feed import LiveFeed
from ui.queue_model import QueueModel
from ui.tasks import TaskRunner


@dataclass
class _Desk:
    tickets: TicketService
    runner: TaskRunner


@pytest.fixture
def desk(svc: TicketService, qtbot: QtBot) -> _Desk:
    return _Desk(tickets=TicketService(svc.db), runner=TaskRunner())


def _started(desk: _Desk, qtbot: QtBot, **kw: object) -> LiveFeed:
    feed = LiveFeed(desk, backoff=Backoff(initial=0.05, maximum=0.2, jitter=0), **kw)  # type: ignore[arg-type]
    if not feed.uses_listen:
        feed.poll_timer.setInterval(50)
    with qtbot.waitSignal(feed.connection_changed, timeout=5000) as blocker:
        feed.start()
    assert blocker.args[0] is True
    return feed


def test_change_on_another_desk_updates_the_queue_model(
    db: Database, svc: TicketService, desk: _Desk, qtbot: QtBot
) -> None:
    ticket_id = open_ticket(svc)
    model = QueueModel()
    model.replace_all(desk.tickets.queue())
    feed = _started(desk, qtbot)
    feed.rows_changed.connect(model.apply_rows)
    try:
        with qtbot.waitSignal(feed.rows_changed, timeout=5000):
            svc.claim(ticket_id, "beto")  # "desk A": another service on its own engine
        qtbot.waitUntil(lambda: model.rows()[0].assignee_login == "beto", timeout=2000)
        new_id = open_ticket(svc, subject="Otro caso")
        qtbot.waitUntil(lambda: model.position(new_id) is not None, timeout=5000)
    finally:
        feed.stop()
        desk.runner.wait_idle()


class _SlowRows:
    """The desk's ticket service whose first ``rows`` waits for ``release``: a burst lands while
    that reload is out."""

    def __init__(self, inner: TicketService) -> None:
        self.db = inner.db
        self._inner = inner
        self.release = threading.Event()
        self.calls: list[list[int]] = []

    def rows(self, ids: list[int]) -> list[QueueRow]:
        self.calls.append(list(ids))
        self.release.wait(20)
        return self._inner.rows(ids)


def test_first_notification_reloads_at_once(
    db: Database, svc: TicketService, desk: _Desk, qtbot: QtBot
) -> None:
    ticket_id = open_ticket(svc)
    feed = _started(desk, qtbot, payload_rows=False)  # the reload path (rows not in payloads)
    try:
        svc.claim(ticket_id, "beto")
        qtbot.waitUntil(lambda: feed.events_seen > 0, timeout=5000)
        # Same slot, no waiting window: the reload was started when the events were drained.
        assert feed.reloads == 1 and not feed.coalesce_timer.isActive()
        qtbot.waitUntil(lambda: not feed._loading, timeout=5000)
    finally:
        feed.stop()
        desk.runner.wait_idle()


def test_a_burst_during_a_reload_becomes_one_more_reload(
    db: Database, svc: TicketService, qtbot: QtBot
) -> None:
    ids = [open_ticket(svc, subject=f"Caso {n}") for n in range(5)]
    slow = _SlowRows(TicketService(svc.db))
    desk = _Desk(tickets=slow, runner=TaskRunner())  # type: ignore[arg-type]
    feed = _started(desk, qtbot, payload_rows=False)  # the reload path (rows not in payloads)
    seen: set[int] = set()
    feed.rows_changed.connect(lambda rows: seen.update(r.id for r in rows))
    try:
        svc.log_action(ids[0], "ana", ActionKind.NOTE, "Primera")
        qtbot.waitUntil(lambda: feed.reloads == 1, timeout=5000)  # leading edge, now in flight
        for ticket_id in ids:
            for n in range(4):
                svc.log_action(ticket_id, "ana", ActionKind.NOTE, f"Nota {n}")
        qtbot.waitUntil(lambda: feed.events_seen >= 21, timeout=10_000)
        assert feed.reloads == 1  # collected, not reloaded, while the first one is out
        slow.release.set()
        qtbot.waitUntil(lambda: seen == set(ids), timeout=10_000)
        assert feed.events_seen >= 21
        # 21 notifications: the first reload, then ONE for everything that came during it.
        assert feed.reloads == 2, slow.calls
        assert slow.calls[0] == [ids[0]] and sorted(slow.calls[1]) == ids
    finally:
        slow.release.set()
        feed.stop()
        desk.runner.wait_idle()


@pytest.mark.pg
def test_lost_connection_is_announced_then_restored_with_full_refresh(
    pg_db: Database, qtbot: QtBot
) -> None:
    from sqlalchemy import text

    from tests.unit.live.conftest import seeded

    svc = seeded(pg_db)
    desk = _Desk(tickets=TicketService(pg_db), runner=TaskRunner())
    feed = _started(desk, qtbot)
    try:
        with (
            qtbot.waitSignal(feed.connection_changed, timeout=5000) as lost,
            pg_db.engine.begin() as conn,
        ):
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'imr-console-live' "
                    "AND datname = current_database()"
                )
            )
        assert lost.args[0] is False and "se perdió la conexión" in lost.args[1]
        with qtbot.waitSignals([feed.connection_changed, feed.full_refresh_needed], timeout=5000):
            pass
        assert feed.is_connected
        ticket_id = open_ticket(svc)
        with qtbot.waitSignal(feed.rows_changed, timeout=5000) as changed:
            svc.claim(ticket_id, "beto")
        assert changed.args[0][0].id == ticket_id
    finally:
        feed.stop()
        desk.runner.wait_idle()


@pytest.mark.pg
def test_rows_carried_by_notifications_need_no_reload(pg_db: Database, qtbot: QtBot) -> None:
    from tests.unit.live.conftest import seeded

    svc = seeded(pg_db)
    ticket_id = open_ticket(svc)
    desk = _Desk(tickets=TicketService(pg_db), runner=TaskRunner())
    model = QueueModel()
    model.replace_all(desk.tickets.queue())
    feed = _started(desk, qtbot)
    feed.rows_changed.connect(model.apply_rows)
    try:
        svc.claim(ticket_id, "beto")
        svc.log_action(ticket_id, "beto", ActionKind.NOTE, "Revisando")
        qtbot.waitUntil(lambda: model.rows()[0].last_action_kind is ActionKind.NOTE, timeout=5000)
        assert model.rows()[0] == svc.rows([ticket_id])[0]
        assert feed.reloads == 0 and feed.payload_rows_applied >= 1  # a burst may come as one row
    finally:
        feed.stop()
        desk.runner.wait_idle()


@pytest.mark.pg
def test_an_older_row_never_replaces_a_newer_one(pg_db: Database, qtbot: QtBot) -> None:
    from tests.unit.live.conftest import seeded

    svc = seeded(pg_db)
    ticket_id = open_ticket(svc)
    old = svc.rows([ticket_id])[0]
    desk = _Desk(tickets=TicketService(pg_db), runner=TaskRunner())
    feed = _started(desk, qtbot)
    seen: list[QueueRow] = []
    feed.rows_changed.connect(seen.extend)
    try:
        with qtbot.waitSignal(feed.rows_changed, timeout=5000):
            svc.claim(ticket_id, "beto")
        newest = seen[-1]
        assert newest.version > old.version
        # A reload that read the ticket before the claim returns late: it is dropped.
        feed._on_rows([ticket_id], [old])
        assert seen[-1] is newest
    finally:
        feed.stop()
        desk.runner.wait_idle()


@dataclass
class _OpenDesk:
    window: Any  # ui.main_window.MainWindow
    feed: LiveFeed
    ticket_id: int
    supervisor: Any  # app.services.sla_admin.SlaAdminService, on its own policy cache


# Wednesday 2 December 2026, 16:30 in Panama: open until 17:00 with the default office hours
LATE_AFTERNOON = datetime(2026, 12, 2, 21, 30, tzinfo=UTC)
EARLY_WEEK = [[["07:00", "16:00"]]] * 5 + [[], []]


@pytest.fixture
def open_desk(db: Database, svc: TicketService, qtbot: QtBot) -> Iterator[_OpenDesk]:
    """A technician's desk showing the queue with its live feed connected, and a supervisor
    working elsewhere with the SLA settings editor."""
    from app.services.directory import DirectoryService
    from app.services.sla_admin import SlaAdminService
    from app.services.sla_settings import PolicyCache
    from ui.context import AppContext
    from ui.live_feed import attach_live_feed
    from ui.main_window import MainWindow

    directory = DirectoryService(db)
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    ticket_id = open_ticket(svc)
    policy = PolicyCache(db)
    ctx = AppContext(
        tickets=TicketService(db, policy),
        directory=directory,
        policy=policy,
        technician=next(t for t in directory.technicians() if t.login == "ana"),
        runner=TaskRunner(),
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=15000):
        window.start()
    feed = attach_live_feed(window, ctx)
    feed.poll_timer.setInterval(50)
    try:
        qtbot.waitUntil(lambda: feed.is_connected, timeout=5000)
        assert window.model.calendar("office").is_open(LATE_AFTERNOON)
        yield _OpenDesk(window, feed, ticket_id, SlaAdminService(db, PolicyCache(db)))
    finally:
        feed.stop()
        for dialog in list(window.open_dialogs):
            dialog.close()
        window.close()
        ctx.runner.wait_idle()


def test_sla_settings_changed_elsewhere_reach_an_open_desk(
    open_desk: _OpenDesk, qtbot: QtBot
) -> None:
    """A supervisor shortens office hours on another desk: this desk's queue, already open with
    its warm calendars, gets the new ones through the feed, with no restart."""
    window = open_desk.window
    window.open_ticket(open_desk.ticket_id)  # an open ticket dialog with its own ticking clock
    dialog = window.open_dialogs[-1]
    qtbot.waitUntil(lambda: dialog._calendar is not None, timeout=5000)
    assert dialog._calendar.is_open(LATE_AFTERNOON)
    shown = dialog.detail
    with qtbot.waitSignal(window.policy_reloaded, timeout=5000):
        open_desk.supervisor.set_weekly_hours("office", EARLY_WEEK, "sup")
    assert not window.model.calendar("office").is_open(LATE_AFTERNOON)
    assert "SLA" in window.statusBar().currentMessage()
    assert not window.ctx.policy.get().calendars["office"].is_open(LATE_AFTERNOON)
    qtbot.waitUntil(lambda: not dialog._calendar.is_open(LATE_AFTERNOON), timeout=5000)
    # only the calendar was taken again: the ticket on screen (and a save that could be in
    # progress) is left alone
    assert dialog.detail is shown


def test_sla_settings_changed_during_an_outage_reach_the_desk_on_reconnect(
    open_desk: _OpenDesk, qtbot: QtBot
) -> None:
    """Notifications sent while a desk is cut off are lost: the full refresh after reconnecting
    checks the settings stamp itself."""
    window, feed = open_desk.window, open_desk.feed
    feed._lost()  # the desk's connection drops
    assert not feed.is_connected
    open_desk.supervisor.set_weekly_hours("office", EARLY_WEEK, "sup")
    qtbot.waitUntil(lambda: feed.is_connected, timeout=10000)
    qtbot.waitUntil(
        lambda: not window.model.calendar("office").is_open(LATE_AFTERNOON), timeout=10000
    )
