"""Many desks, one PostgreSQL database: claim races and concurrent edits in separate processes."""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.data.engine import Database
from app.data.models import Ticket, TicketAction
from app.domain.tickets import ActionKind
from tests.integration import live_desks
from tests.support import databases as dbs

# Full scale as the issue asks; on a loaded 2-CPU box these take minutes, hence `slow`.
pytestmark = [pytest.mark.pg, pytest.mark.slow]

DESKS = 20
TICKETS = 500


@pytest.fixture
def race_url(pg_url: str) -> Iterator[str]:
    """A database of its own: desks in other processes connect to it by URL."""
    url = dbs.create_pg_database("imr_live")
    yield url
    dbs.drop_pg_database(url)


def _pool(n: int) -> multiprocessing.pool.Pool:
    return multiprocessing.get_context("spawn").Pool(n)


def test_twenty_desks_race_for_the_same_500_tickets(race_url: str) -> None:
    ids = live_desks.seed(race_url, DESKS, TICKETS)
    start_at = time.time() + 4
    with _pool(DESKS) as pool:
        results = pool.starmap(
            live_desks.claim_all,
            [(race_url, live_desks.desk_login(n), ids, n, start_at) for n in range(DESKS)],
        )
    errors = [e for r in results for e in r["errors"]]
    assert errors == []
    wins = Counter(t for r in results for t in r["won"])
    assert sorted(wins) == ids
    assert set(wins.values()) == {1}  # every ticket claimed exactly once
    assert sum(r["conflicts"] for r in results) == DESKS * TICKETS - TICKETS
    assert sum(1 for r in results if r["won"]) > 1  # it was a real race
    db = Database(race_url)
    with db.sessions() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Ticket).where(Ticket.assignee_id.is_(None))
            )
            == 0
        )
        per_ticket = session.execute(
            select(TicketAction.ticket_id, func.count())
            .where(TicketAction.kind == ActionKind.ASSIGNMENT.value)
            .group_by(TicketAction.ticket_id)
        ).all()
    db.dispose()
    assert len(per_ticket) == TICKETS and {c for _, c in per_ticket} == {1}


def test_twenty_desks_take_next_until_the_queue_is_empty(race_url: str) -> None:
    ids = live_desks.seed(race_url, DESKS, 200)
    start_at = time.time() + 4
    with _pool(DESKS) as pool:
        results = pool.starmap(
            live_desks.take_until_empty,
            [(race_url, live_desks.desk_login(n), start_at) for n in range(DESKS)],
        )
    assert [e for r in results for e in r["errors"]] == []
    wins = Counter(t for r in results for t in r["won"])
    assert sorted(wins) == ids and set(wins.values()) == {1}


def test_two_desks_editing_one_ticket_never_overwrite_silently(race_url: str) -> None:
    from app.services.tickets import TicketService

    [ticket_id] = live_desks.seed(race_url, 2, 1)
    db = Database(race_url)
    svc = TicketService(db)
    svc.log_action(ticket_id, "desk00", ActionKind.CALL_OUT, "Atendido", is_contact=True)
    before = svc.get(ticket_id)
    baseline_actions = len(before.actions)
    start_at = time.time() + 3
    with _pool(2) as pool:
        results = pool.starmap(
            live_desks.edit_race,
            [(race_url, live_desks.desk_login(n), ticket_id, 500, start_at) for n in range(2)],
        )
    assert [e for r in results for e in r["errors"]] == []
    successes = [t for r in results for t in r["successes"]]
    conflicts = sum(r["conflicts"] for r in results)
    assert len(successes) + conflicts == 1000
    assert conflicts > 0  # the desks really collided
    after = svc.get(ticket_id)
    db.dispose()
    # Each success bumped the version exactly once: nothing was applied on a stale read.
    assert after.row.version == before.row.version + len(successes)
    logged = [a.text for a in after.actions[baseline_actions:]]
    tokens = [_token(text) for text in logged]
    assert sorted(tokens) == sorted(successes)  # every success is in the log, once
    for result in results:  # …and in the order each desk made them
        mine = [t for t in tokens if t in set(result["successes"])]
        assert mine == result["successes"]


def _token(text: str) -> str:
    return text.rsplit("Motivo: ", 1)[-1] if "Motivo: " in text else text.rsplit(". ", 1)[-1]
