"""A change made by desk A (another OS process) appears in desk B's queue model."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.services.tickets import TicketService
from tests.integration import live_desks
from tests.support import databases as dbs
from ui.live_feed import LiveFeed
from ui.queue_model import QueueModel
from ui.tasks import TaskRunner

pytestmark = pytest.mark.pg


@dataclass
class _Desk:
    tickets: TicketService
    runner: TaskRunner


@pytest.fixture
def shared_url(pg_url: str) -> Iterator[str]:
    url = dbs.create_pg_database("imr_live")
    yield url
    dbs.drop_pg_database(url)


@pytest.mark.parametrize("payload_rows", [True, False], ids=["row-in-payload", "reload"])
def test_claim_on_desk_a_shows_on_desk_b(shared_url: str, qtbot: QtBot, payload_rows: bool) -> None:
    """With the row in the NOTIFY payload desk B touches no database at all (zero reloads);
    without it (``payload_rows=False``, as for deletes and attachments) one reload per burst."""
    [ticket_id, other_id] = live_desks.seed(shared_url, 2, 2)
    db = Database(shared_url)
    desk_b = _Desk(tickets=TicketService(db), runner=TaskRunner())
    model = QueueModel()
    model.replace_all(desk_b.tickets.queue())
    feed = LiveFeed(desk_b, payload_rows=payload_rows)
    feed.rows_changed.connect(model.apply_rows)
    with qtbot.waitSignal(feed.connection_changed, timeout=10_000):
        feed.start()
    ctx = multiprocessing.get_context("spawn")
    try:
        with ctx.Pool(1) as pool:
            pending = pool.apply_async(
                live_desks.change_later, (shared_url, ticket_id, "desk01", 0.5)
            )
            with qtbot.waitSignal(feed.rows_changed, timeout=30_000) as changed:
                pass
            pending.get(timeout=30)
        assert [r.id for r in changed.args[0]] == [ticket_id]
        row = model.rows()[model.position(ticket_id)]  # type: ignore[index]
        assert row.assignee_login == "desk01"
        assert model.rows()[model.position(other_id)].assignee_login is None  # type: ignore[index]
        assert row == desk_b.tickets.rows([ticket_id])[0]  # exactly what a reload gives
        if payload_rows:
            assert feed.reloads == 0 and feed.payload_rows_applied >= 1
        else:
            assert feed.reloads == 1  # ticket update + assignment action: one reload
    finally:
        feed.stop()
        desk_b.runner.wait_idle()
        db.dispose()
