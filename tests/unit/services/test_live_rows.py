"""Queue rows from change notifications: the same QueueRow a reload gives, with no round trip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.live.feed import CHANNEL, libpq_conninfo
from app.services.live_rows import row_from_payload
from tests.unit.live.conftest import open_ticket, seeded


@pytest.fixture
def listener(pg_db: Database) -> Iterator[psycopg.Connection[Any]]:
    conn = psycopg.Connection.connect(libpq_conninfo(str(pg_db.url)), autocommit=True)
    conn.execute(f'LISTEN "{CHANNEL}"')
    yield conn
    conn.close()


def _payloads(conn: psycopg.Connection[Any]) -> list[dict[str, Any]]:
    """Every notification sent so far (they were committed before this is called)."""
    out: list[dict[str, Any]] = []

    def handler(note: psycopg.Notify) -> None:
        out.append(json.loads(note.payload))

    conn.add_notify_handler(handler)
    conn.execute("SELECT pg_sleep(0.2)")  # the server's sends have landed; read with the reply
    conn.remove_notify_handler(handler)
    return out


@pytest.mark.pg
def test_payload_row_equals_the_reloaded_row(
    pg_db: Database, listener: psycopg.Connection[Any]
) -> None:
    svc = seeded(pg_db)
    ticket_id = open_ticket(svc, subject="Impresora «fiscal» no responde — ñandú 🖨")
    svc.claim(ticket_id, "beto")
    svc.log_action(ticket_id, "beto", ActionKind.CALL_OUT, "Llamé al cliente", is_contact=True)
    svc.reprioritise(ticket_id, Priority.MUY_ALTO, "Caja detenida", "beto")
    payloads = _payloads(listener)
    assert payloads and all(p.get("row") for p in payloads if p["table"] != "attachment")
    rows = [row_from_payload(p["row"]) for p in payloads if p["ticket_id"] == ticket_id]
    last = rows[-1]
    expected = svc.rows([ticket_id])[0]
    assert last == expected
    assert last.received_at.tzinfo is UTC and last.deadline.tzinfo is UTC
    assert last.first_contact_at is not None and last.first_contact_at.tzinfo is UTC
    assert last.last_action_at == expected.last_action_at
    assert last.priority is Priority.MUY_ALTO and last.channel is Channel.EMAIL
    assert last.status is TicketStatus(expected.status) and last.assignee_login == "beto"
    assert last.last_action_kind is expected.last_action_kind
    versions = [r.version for r in rows if r is not None]
    assert versions == sorted(versions)  # in commit order, never going back


@pytest.mark.pg
def test_a_row_too_long_for_notify_is_left_out(
    pg_db: Database, listener: psycopg.Connection[Any]
) -> None:
    svc = seeded(pg_db)
    ticket_id = open_ticket(svc)
    # The columns' lengths keep real rows well under the limit: widen one for this test only.
    with pg_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE ticket ALTER COLUMN subject TYPE varchar(5000)"))
    try:
        with pg_db.engine.begin() as conn:
            conn.execute(
                text("UPDATE ticket SET subject = :s WHERE id = :id"),
                {"s": "ñ" * 4000, "id": ticket_id},  # 8000 bytes
            )
        updates = [p for p in _payloads(listener) if p["op"] == "update"]
        assert len(updates) == 1
        assert updates[0]["row_omitted"] is True and "row" not in updates[0]
        assert updates[0]["ticket_id"] == ticket_id and updates[0]["version"] is not None
        svc.reprioritise(ticket_id, Priority.BAJO, "Puede esperar", "beto")  # still notified
        assert any(p["ticket_id"] == ticket_id for p in _payloads(listener))
    finally:
        with pg_db.engine.begin() as conn:
            conn.execute(
                text("UPDATE ticket SET subject = 'Caso' WHERE id = :id"), {"id": ticket_id}
            )
            conn.execute(text("ALTER TABLE ticket ALTER COLUMN subject TYPE varchar(500)"))


def test_missing_or_malformed_rows_give_none() -> None:
    assert row_from_payload(None) is None
    assert row_from_payload({"id": 1}) is None
    good: dict[str, Any] = {
        "id": 7,
        "subject": "Caso",
        "client_name": None,
        "channel": "email",
        "priority": 2,
        "status": "new",
        "received_at": "2026-12-03T17:22:04.123456+00:00",
        "first_contact_due": "2026-12-03T20:22:04+00:00",
        "target_minutes": 180,
        "calendar_name": "office",
        "first_contact_at": None,
        "assignee_login": None,
        "assignee_name": None,
        "last_action_at": None,
        "last_action_kind": None,
        "needs_review": False,
        "version": 1,
        "requester_name": None,
    }
    row = row_from_payload(good)
    assert row is not None
    assert row.client_name == "(sin cliente)" and row.requester_name == ""
    assert row.received_at.tzinfo is UTC and row.received_at.microsecond == 123456
    assert row_from_payload({**good, "priority": 9}) is None
    assert row_from_payload({**good, "status": "perdido"}) is None
    assert row_from_payload({**good, "received_at": "ayer"}) is None
    assert row_from_payload({**good, "version": "1"}) is None
