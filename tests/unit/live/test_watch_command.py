"""`imr-console watch`: one JSON line per change event."""

from __future__ import annotations

import json
import threading
import time

import pytest

from app.cli import main
from app.data.engine import Database
from app.services.tickets import TicketService
from tests.unit.live.conftest import open_ticket


def test_watch_prints_one_json_line_per_event(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.live.conftest import seeded

    svc: TicketService = seeded(sqlite_db)
    ticket_id = open_ticket(svc)
    later = threading.Timer(1.0, lambda: svc.claim(ticket_id, "beto"))
    later.start()
    started = time.monotonic()
    code = main(["watch", "--db", sqlite_db.url, "--count", "2", "--seconds", "10"])
    later.join()
    assert code == 0 and time.monotonic() - started < 10
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(e["table"], e["ticket_id"]) for e in lines} == {
        ("ticket", ticket_id),
        ("ticket_action", ticket_id),
    }
    assert all({"version", "op", "what", "at"} <= set(e) for e in lines)
