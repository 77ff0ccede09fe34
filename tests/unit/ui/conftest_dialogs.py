"""Fixtures for the ticket dialogs: a real SQLite database, services and a desk context."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from ui.context import AppContext
from ui.tasks import TaskRunner


@dataclass
class Desk:
    ctx: AppContext
    tickets: TicketService
    directory: DirectoryService
    vigente_id: int
    vencido_id: int

    def open_email_ticket(self, subject: str = "No imprime facturas", **kw: object) -> int:
        fields: dict[str, object] = {
            "channel": Channel.EMAIL,
            "priority": Priority.ALTO,
            "subject": subject,
            "requester_address": "clave@vigente.pa",
        }
        fields.update(kw)
        return self.tickets.open(OpenTicketRequest(**fields), "ana").id  # type: ignore[arg-type]


@pytest.fixture
def desk(sqlite_db: Database, qtbot: QtBot) -> Iterator[Desk]:
    directory = DirectoryService(sqlite_db)
    ana = directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("beto", "Beto Jaén")
    today = date.today()
    vigente = directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email="clave@vigente.pa",
        key_user_name="Karla Clave",
    )
    vencido = directory.add_client(
        "Cliente Vencido",
        contract_from=today - timedelta(days=400),
        contract_until=today - timedelta(days=35),
        key_user_email="clave@vencido.pa",
        key_user_name="Víctor Vencido",
    )
    directory.add_contact(vigente.id, "Pedro Operador", phone="+5076000000")
    policy = PolicyCache(sqlite_db)
    tickets = TicketService(sqlite_db, policy)
    runner = TaskRunner()
    ctx = AppContext(
        tickets=tickets, directory=directory, policy=policy, technician=ana, runner=runner
    )
    yield Desk(ctx, tickets, directory, vigente.id, vencido.id)
    runner.wait_idle()
    qtbot.wait(10)  # let queued callbacks land before the widgets go away


def wait_idle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Until every job handed to the runner has called back on the GUI thread."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)


WaitIdle = Callable[[QtBot, TaskRunner], None]
