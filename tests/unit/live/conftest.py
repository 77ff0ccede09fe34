"""Shared set-up for live-feed tests: a technician and a client on either storage engine."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.tickets import OpenTicketRequest, TicketService


@pytest.fixture
def svc(db: Database) -> TicketService:
    return seeded(db)


def seeded(db: Database) -> TicketService:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("beto", "Beto Jaén")
    today = date.today()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email="clave@vigente.pa",
        key_user_name="Karla Clave",
    )
    return TicketService(db)


def open_ticket(svc: TicketService, subject: str = "No imprime facturas") -> int:
    request = OpenTicketRequest(
        channel=Channel.EMAIL,
        priority=Priority.ALTO,
        subject=subject,
        requester_address="clave@vigente.pa",
    )
    return svc.open(request, "ana").id
