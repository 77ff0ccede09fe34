"""UI test fixtures: hand-driven countdown timers, a settable clock, services on real databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, QTimer

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus
from app.services.bootstrap import Services
from app.services.demo import load_demo_data
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.snapshots import QueueRow
from app.services.tickets import TicketService
from ui.context import AppContext
from ui.tasks import TaskRunner

# Wednesday 2 December 2026, 10:00 in Panama: office hours.
OFFICE_NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = OFFICE_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


class HandTimers:
    """A timer factory whose timers never start by themselves; tests fire them."""

    def __init__(self) -> None:
        self.timers: list[QTimer] = []

    def __call__(self, parent: QObject) -> QTimer:
        timer = QTimer(parent)
        timer.setInterval(3_600_000)
        self.timers.append(timer)
        return timer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def hand_timers() -> HandTimers:
    return HandTimers()


def make_row(
    ticket_id: int,
    *,
    priority: Priority = Priority.MEDIO,
    deadline: datetime | None = None,
    received_at: datetime | None = None,
    channel: Channel = Channel.EMAIL,
    status: TicketStatus = TicketStatus.NEW,
    assignee: str | None = None,
    client: str = "Cliente Demo",
    subject: str = "Consulta",
    first_contact_at: datetime | None = None,
    calendar: str = "office",
) -> QueueRow:
    received = received_at or OFFICE_NOW - timedelta(minutes=30)
    return QueueRow(
        id=ticket_id,
        subject=subject,
        client_name=client,
        channel=channel,
        priority=priority,
        status=status,
        received_at=received,
        deadline=deadline or OFFICE_NOW + priority.target,
        target=priority.target,
        calendar_name=calendar,
        first_contact_at=first_contact_at,
        assignee_login=assignee,
        assignee_name=assignee.title() if assignee else None,
        last_action_at=None,
        last_action_kind=None,
        needs_review=False,
        version=1,
    )


@pytest.fixture
def demo_services(sqlite_db: Database) -> Iterator[Services]:
    """Real SQLite with the demo data set."""
    load_demo_data(sqlite_db, tickets=120)
    policy = PolicyCache(sqlite_db)
    yield Services(
        db=sqlite_db,
        tickets=TicketService(sqlite_db, policy),
        directory=DirectoryService(sqlite_db),
        policy=policy,
    )


@pytest.fixture
def demo_ctx(demo_services: Services, qapp: object) -> Iterator[AppContext]:
    runner = TaskRunner()
    technician = next(t for t in demo_services.directory.technicians() if t.active)
    yield AppContext(
        tickets=demo_services.tickets,
        directory=demo_services.directory,
        policy=demo_services.policy,
        technician=technician,
        runner=runner,
        database_label=demo_services.database_label,
    )
    runner.wait_idle()
