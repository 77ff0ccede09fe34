"""The change feed: triggers + LISTEN on PostgreSQL, data_version polling on SQLite."""

from __future__ import annotations

import time

import pytest

from app.data.engine import Database
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.live.feed import ChangeEvent, FeedLost, changed_ticket_ids, open_feed
from app.services.tickets import TicketService
from tests.unit.live.conftest import open_ticket


def _collect(feed: object, until: float = 2.0, want: int = 1) -> list[ChangeEvent]:
    events: list[ChangeEvent] = []
    stop = time.monotonic() + until
    while time.monotonic() < stop and len(events) < want:
        events += feed.wait(0.05)  # type: ignore[attr-defined]
    return events


def test_payload_round_trip_and_foreign_payloads_are_ignored() -> None:
    event = ChangeEvent("ticket", 7, 3, "update", "status")
    assert ChangeEvent.from_payload(event.to_json()) == event
    assert ChangeEvent.from_payload("not json") is None
    assert ChangeEvent.from_payload('{"ticket_id": "x"}') is None
    events = [
        event,
        ChangeEvent("ticket_action", 7, None, "insert", "note"),
        ChangeEvent("ticket", 2, 1, "insert", "created"),
    ]
    assert changed_ticket_ids(events) == [7, 2]


def test_feed_reports_claims_actions_and_edits(db: Database, svc: TicketService) -> None:
    ticket_id = open_ticket(svc)
    feed = open_feed(db, poll_interval=0.05)
    feed.connect()
    try:
        assert _collect(feed, until=0.2) == []  # nothing happened since connecting
        svc.claim(ticket_id, "beto")
        claimed = _collect(feed, want=2)
        assert {e.table for e in claimed} == {"ticket", "ticket_action"}
        ticket_event = next(e for e in claimed if e.table == "ticket")
        assert ticket_event.ticket_id == ticket_id
        assert ticket_event.version == svc.get(ticket_id).row.version
        svc.log_action(ticket_id, "beto", ActionKind.NOTE, "Revisando")
        noted = _collect(feed)
        assert [(e.table, e.ticket_id, e.what) for e in noted] == [
            ("ticket_action", ticket_id, "note")
        ]
        svc.reprioritise(ticket_id, Priority.MUY_ALTO, "Sistema caído", "beto")
        edited = _collect(feed, want=2)
        assert ticket_id in changed_ticket_ids(edited)
        if db.is_postgres:
            assert any(e.what == "priority" for e in edited)
    finally:
        feed.close()


@pytest.mark.pg
def test_payload_is_tiny_even_for_long_texts(pg_db: Database) -> None:
    from tests.unit.live.conftest import seeded

    svc = seeded(pg_db)
    ticket_id = open_ticket(svc, subject="x" * 480)
    feed = open_feed(pg_db)
    feed.connect()
    try:
        svc.log_action(ticket_id, "ana", ActionKind.NOTE, "y" * 50_000)
        [event] = _collect(feed)
        assert len(event.to_json()) < 120
    finally:
        feed.close()


@pytest.mark.pg
def test_terminated_backend_raises_feed_lost_then_reconnects(pg_db: Database) -> None:
    from sqlalchemy import text

    feed = open_feed(pg_db)
    feed.connect()
    with pg_db.engine.begin() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'imr-console-live' AND datname = current_database()"
            )
        )
    with pytest.raises(FeedLost, match="Se perdió la conexión"):
        for _ in range(40):
            feed.wait(0.05)
    assert not feed.connected
    feed.connect()
    with pg_db.engine.begin() as conn:
        conn.execute(
            text("SELECT pg_notify('imr_changes', :p)"), {"p": '{"table":"ticket","ticket_id":1}'}
        )
    assert [e.ticket_id for e in _collect(feed)] == [1]
    feed.close()


def test_drain_before_connect_is_a_feed_lost(db: Database) -> None:
    feed = open_feed(db)
    with pytest.raises(FeedLost):
        feed.drain()


def test_feed_announces_sla_settings_changes(db: Database, svc: TicketService) -> None:
    from app.live.feed import policy_changed
    from app.services.directory import DirectoryService
    from app.services.sla_admin import SlaAdminService
    from app.services.sla_settings import PolicyCache

    DirectoryService(db).add_technician("sup", "Sara Supervisora", role="supervisor")
    admin = SlaAdminService(db, PolicyCache(db))
    feed = open_feed(db, poll_interval=0.05)
    feed.connect()
    try:
        open_ticket(svc)
        assert not policy_changed(_collect(feed, want=2))  # tickets are not settings
        admin.set_at_risk_fraction(0.3, "sup")
        events = _collect(feed)
        assert policy_changed(events)
        [event] = [e for e in events if e.table == "app_setting"]
        assert (event.ticket_id, event.what) == (None, "policy")
        assert event.version is not None and event.version >= 1
        admin.set_weekly_hours("office", [[["07:00", "16:00"]]] * 5 + [[], []], "sup")
        bumped = [e for e in _collect(feed) if e.table == "app_setting"]
        assert [e.version for e in bumped] == [event.version + 1]
    finally:
        feed.close()
