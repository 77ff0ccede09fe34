"""The directory every data-heavy benchmark starts from: technicians and clients under contract,
added through the directory service before the bulk SQL fills in the tickets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any


def seed_directory(
    url: str,
    *,
    technicians: int,
    clients: int,
    technician_digits: int = 1,
    client_digits: int = 2,
    contract_since_days: int = 300,
) -> Any:
    """``tec0…`` ("Técnico 0…") and "Cliente 00…" with a contract running from
    ``contract_since_days`` ago until 300 days ahead; returns the app.data Database."""
    from app.data.engine import Database
    from app.services.directory import DirectoryService

    db = Database(url)
    directory = DirectoryService(db)
    for i in range(technicians):
        directory.add_technician(f"tec{i}", f"Técnico {i:0{technician_digits}d}")
    today = datetime.now(UTC).date()
    for i in range(clients):
        directory.add_client(
            f"Cliente {i:0{client_digits}d}",
            contract_from=today - timedelta(days=contract_since_days),
            contract_until=today + timedelta(days=300),
        )
    return db
