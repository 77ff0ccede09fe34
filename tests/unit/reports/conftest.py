"""Report fixtures: a small desk built through the services, with known times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.services.directory import DirectoryService
from app.services.tickets import OpenTicketRequest, TicketService

PANAMA = ZoneInfo("America/Panama")


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PANAMA).astimezone(UTC)


@dataclass
class Desk:
    db: Database
    tickets: TicketService
    ids: dict[str, int]


def _desk(db: Database) -> tuple[TicketService, DirectoryService]:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("beto", "Beto Jaén")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    today = date.today()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=400),
        contract_until=today + timedelta(days=300),
        key_user_email="clave@vigente.pa",
        key_user_name="Karla Clave",
    )
    return TicketService(db), directory


def open_ticket(
    svc: TicketService, channel: Channel, priority: Priority, received: datetime, subject: str
) -> int:
    request = OpenTicketRequest(
        channel=channel,
        priority=priority,
        subject=subject,
        requester_address="clave@vigente.pa",
        received_at=received,
    )
    return svc.open(request, "ana").id


def contact(svc: TicketService, ticket_id: int, at: datetime) -> None:
    svc.log_action(
        ticket_id,
        "ana",
        ActionKind.CALL_OUT,
        "Llamada al usuario clave",
        is_contact=True,
        occurred_at=at,
    )


@pytest.fixture
def history(db: Database) -> Desk:
    """The week of Mon 19 – Fri 23 Oct 2026 (no holidays), every time known to the minute.

    T1 Línea Crítica, Muy alto (24×7), Mon 22:00 → contact +40 min: met (40 min).
    T2 Línea Crítica, Muy alto, Tue 10:00 → contact +90 min: met late (90 min).
    T3 correo, Muy alto (office), Fri 16:30 → due Mon 26 08:30, contact Mon 08:20: met (50 min).
    T4 correo, Muy alto, Wed 20:00 (outside hours) → no contact: breached.
    T5 correo, Alto, Tue 09:00 → one unanswered call at 10:00, no contact: breached.
    T6 central telefónica, Medio, Mon 08:00 → due Tue 11:00, contact Tue 14:00: met late (900 min).
    T7 WhatsApp, Bajo, Thu 10:00 → due Mon 26 16:00, no contact: breached.
    T8 correo, Bajo, Mon 26 09:00: outside the period.
    """
    svc, _ = _desk(db)
    ids = {
        "T1": open_ticket(
            svc, Channel.CRITICAL_LINE, Priority.MUY_ALTO, local(2026, 10, 19, 22), "Sistema caído"
        ),
        "T2": open_ticket(
            svc,
            Channel.CRITICAL_LINE,
            Priority.MUY_ALTO,
            local(2026, 10, 20, 10),
            "Servidor sin respuesta",
        ),
        "T3": open_ticket(
            svc, Channel.EMAIL, Priority.MUY_ALTO, local(2026, 10, 23, 16, 30), "No factura"
        ),
        "T4": open_ticket(
            svc, Channel.EMAIL, Priority.MUY_ALTO, local(2026, 10, 21, 20), "Caída total de noche"
        ),
        "T5": open_ticket(
            svc, Channel.EMAIL, Priority.ALTO, local(2026, 10, 20, 9), "Módulo de inventario"
        ),
        "T6": open_ticket(
            svc, Channel.PHONE, Priority.MEDIO, local(2026, 10, 19, 8), "Reporte lento"
        ),
        "T7": open_ticket(
            svc, Channel.WHATSAPP, Priority.BAJO, local(2026, 10, 22, 10), "Consulta de uso"
        ),
        "T8": open_ticket(
            svc, Channel.EMAIL, Priority.BAJO, local(2026, 10, 26, 9), "Fuera del periodo"
        ),
    }
    contact(svc, ids["T1"], local(2026, 10, 19, 22, 40))
    contact(svc, ids["T2"], local(2026, 10, 20, 11, 30))
    contact(svc, ids["T3"], local(2026, 10, 26, 8, 20))
    svc.log_action(
        ids["T5"],
        "ana",
        ActionKind.CALL_ATTEMPT,
        "No contesta",
        occurred_at=local(2026, 10, 20, 10),
    )
    contact(svc, ids["T6"], local(2026, 10, 20, 14))
    return Desk(db, svc, ids)


@pytest.fixture
def live(db: Database) -> Desk:
    """Tickets received in the last hours on the 24×7 critical line (times relative to now).

    R1 Alto, received 2 h 50 min ago (due in 10 min), claimed by Beto now.
    R2 Alto, received 2 h ago, raised now to Muy alto: its new deadline passed an hour ago.
    R3 Alto, received 30 min ago: due in 2 h 30 min.
    """
    svc, _ = _desk(db)
    now = datetime.now(UTC)
    ids = {
        "R1": open_ticket(
            svc,
            Channel.CRITICAL_LINE,
            Priority.ALTO,
            now - timedelta(hours=2, minutes=50),
            "Caja registradora",
        ),
        "R2": open_ticket(
            svc, Channel.CRITICAL_LINE, Priority.ALTO, now - timedelta(hours=2), "Impresora fiscal"
        ),
        "R3": open_ticket(
            svc,
            Channel.CRITICAL_LINE,
            Priority.ALTO,
            now - timedelta(minutes=30),
            "Lector de código",
        ),
    }
    svc.claim(ids["R1"], "beto")
    svc.reprioritise(ids["R2"], Priority.MUY_ALTO, "Toda la tienda sin facturar", "sup")
    return Desk(db, svc, ids)
