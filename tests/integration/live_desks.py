"""Desk processes for the live/concurrency integration tests (spawn-safe, module-level)."""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.data.engine import Database
from app.data.models import Ticket
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.directory import DirectoryService
from app.services.errors import Conflict, DatabaseUnavailable
from app.services.tickets import TicketService


def desk_login(n: int) -> str:
    return f"desk{n:02d}"


def seed(url: str, desks: int, tickets: int) -> list[int]:
    """Technicians desk00…, one client, ``tickets`` new unassigned tickets; returns their ids."""
    db = Database(url)
    try:
        directory = DirectoryService(db)
        for n in range(desks):
            directory.add_technician(desk_login(n), f"Escritorio {n}")
        today = date.today()
        directory.add_client(
            "Cliente Vigente",
            contract_from=today - timedelta(days=30),
            contract_until=today + timedelta(days=300),
            key_user_email="clave@vigente.pa",
        )
        now = datetime.now(UTC)
        rows = [
            {
                "subject": f"Caso {i}",
                "channel": "email",
                "priority": 1 + i % 4,
                "status": "new",
                "received_at": now,
                "calendar_name": "office",
                "target_minutes": 180,
                "first_contact_due": now + timedelta(hours=3 + i % 7),
            }
            for i in range(tickets)
        ]
        with db.engine.begin() as conn:
            ids = list(conn.execute(insert(Ticket).returning(Ticket.id), rows).scalars())
        return sorted(ids)
    finally:
        db.dispose()


def _wait_until(start_at: float) -> None:
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)


def claim_all(url: str, login: str, ids: list[int], seed_: int, start_at: float) -> dict[str, Any]:
    """Try to claim every ticket, in a shuffled order; count wins, conflicts, other errors."""
    db = Database(url)
    svc = TicketService(db)
    order = list(ids)
    random.Random(seed_).shuffle(order)
    won: list[int] = []
    conflicts = 0
    errors: list[str] = []
    svc.rows(order[:1])  # warm the pool and the policy cache before the race
    _wait_until(start_at)
    t0 = time.perf_counter()
    for ticket_id in order:
        try:
            svc.claim(ticket_id, login)
            won.append(ticket_id)
        except Conflict:
            conflicts += 1
        except Exception as error:  # counted: the test demands zero
            errors.append(f"{type(error).__name__}: {error}")
    elapsed = time.perf_counter() - t0
    db.dispose()
    return {"won": won, "conflicts": conflicts, "errors": errors, "elapsed": elapsed}


def take_until_empty(url: str, login: str, start_at: float) -> dict[str, Any]:
    db = Database(url)
    svc = TicketService(db)
    won: list[int] = []
    errors: list[str] = []
    svc.rows([0])
    _wait_until(start_at)
    t0 = time.perf_counter()
    while True:
        try:
            detail = svc.take_next(login)
        except Conflict:
            continue
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
            break
        if detail is None:
            break
        won.append(detail.id)
    elapsed = time.perf_counter() - t0
    db.dispose()
    return {"won": won, "errors": errors, "elapsed": elapsed}


def edit_race(
    url: str, login: str, ticket_id: int, attempts: int, start_at: float
) -> dict[str, Any]:
    """Read the row, then reprioritise or toggle the status with expected_version."""
    db = Database(url)
    svc = TicketService(db)
    rng = random.Random(login)
    successes: list[str] = []
    conflicts = 0
    errors: list[str] = []
    svc.rows([ticket_id])
    _wait_until(start_at)
    for n in range(attempts):
        token = f"{login}#{n}"
        try:
            [row] = svc.rows([ticket_id])
            if rng.random() < 0.5:
                target = rng.choice([p for p in Priority if p != row.priority])
                svc.reprioritise(ticket_id, target, token, login, expected_version=row.version)
            else:
                status = (
                    TicketStatus.WAITING_CLIENT
                    if row.status is TicketStatus.IN_PROGRESS
                    else TicketStatus.IN_PROGRESS
                )
                svc.set_status(ticket_id, status, login, expected_version=row.version, note=token)
            successes.append(token)
        except Conflict:
            conflicts += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
    db.dispose()
    return {"successes": successes, "conflicts": conflicts, "errors": errors}


def log_through_journal(
    url: str, login: str, ticket_ids: list[int], journal_path: str, stop_file: str
) -> dict[str, Any]:
    """Log actions until ``stop_file`` exists; report which uids were confirmed saved."""
    from app.live.journal import Journal, new_uid

    db = Database(url)
    svc = TicketService(db)
    journal = Journal(Path(journal_path))
    saved: list[str] = []
    unsaved: list[str] = []
    errors: list[str] = []
    n = 0
    while not Path(stop_file).exists():
        uid = new_uid()
        ticket_id = ticket_ids[n % len(ticket_ids)]
        n += 1
        try:
            journal.log_action(svc, ticket_id, login, ActionKind.NOTE, f"Nota {uid}", uid=uid)
            saved.append(uid)
        except DatabaseUnavailable:
            unsaved.append(uid)
            time.sleep(0.05)
        except Exception as error:
            unsaved.append(uid)
            errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
            time.sleep(0.05)
    db.dispose()
    return {"saved": saved, "unsaved": unsaved, "errors": errors}


def change_later(url: str, ticket_id: int, login: str, delay: float) -> str:
    """Desk A: claim a ticket after ``delay`` seconds; returns the ISO time of the commit."""
    db = Database(url)
    svc = TicketService(db)
    svc.rows([ticket_id])
    time.sleep(delay)
    svc.claim(ticket_id, login)
    db.dispose()
    return json.dumps({"done": datetime.now(UTC).isoformat()})
