"""Demo data: realistic coverage of priorities, channels, states and contracts; refuses reuse."""

from __future__ import annotations

from collections import Counter

import pytest

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus
from app.services.audit_trail import AuditQuery, AuditTrailService
from app.services.demo import load_demo_data
from app.services.directory import DirectoryService
from app.services.errors import Conflict
from app.services.tickets import TicketService


def test_demo_data_covers_every_priority_channel_and_state(db: Database) -> None:
    counts = load_demo_data(db, tickets=300)
    assert counts["clients"] == 30 and counts["tickets"] == 300
    rows = TicketService(db).queue(include_closed=True)
    assert len(rows) == 300
    assert set(Counter(r.priority for r in rows)) == set(Priority)
    assert set(Counter(r.channel for r in rows)) == set(Channel)
    assert set(Counter(r.status for r in rows)) == set(TicketStatus)
    clients = DirectoryService(db).clients()
    assert any(c.contract_in_force is None for c in clients)
    assert all(any(contact.is_key_user for contact in c.contacts) for c in clients)
    technicians = DirectoryService(db).technicians()
    assert Counter(t.role for t in technicians) == {"technician": 6, "supervisor": 1}


def test_demo_data_refuses_a_database_with_data(db: Database) -> None:
    load_demo_data(db, tickets=5)
    with pytest.raises(Conflict):
        load_demo_data(db, tickets=5)


def test_demo_data_has_a_supervisors_audited_edits(db: Database) -> None:
    counts = load_demo_data(db, tickets=40)
    trail = AuditTrailService(db)
    rows = trail.search("lsamaniego").rows
    assert counts["audited_changes"] == len(rows) == 7
    assert {r.actor_name for r in rows} == {"Lorena Samaniego"}
    assert {r.entity for r in rows} == {
        "client",
        "contract",
        "contact",
        "product",
        "ticket",
        "calendar",
    }
    assert all(r.changes() for r in rows)
    reprioritised = next(r for r in rows if r.entity == "ticket")
    assert reprioritised.reason and reprioritised.action == "reprioritise"
    closures = trail.search("lsamaniego", AuditQuery(kind="sla")).rows
    assert [r.action for r in closures] == ["add_closure", "add_closure"]
