"""Outage: desks keep logging while their backends are killed and the server restarts.

Every action reported saved is stored exactly once; every other one is still pending in its
desk's journal and lands (once) on retry.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.data.engine import Database
from app.data.models import TicketAction
from app.live.journal import Journal
from app.services.tickets import TicketService
from tests.integration import live_desks
from tests.support import databases as dbs

pytestmark = [pytest.mark.pg, pytest.mark.slow]

DESKS = 4


def _cluster_version() -> str:
    versions = sorted(Path(p).name for p in glob.glob("/etc/postgresql/*"))
    if not versions:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("no local PostgreSQL cluster to restart")
        pytest.skip("no local PostgreSQL cluster to restart")
    return versions[-1]


def _wait_ready(timeout: float = 60) -> None:
    stop = time.monotonic() + timeout
    while time.monotonic() < stop:
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode == 0:
            return
        time.sleep(0.2)
    raise AssertionError("PostgreSQL did not come back after the restart")


@pytest.fixture
def outage_url(pg_url: str) -> Iterator[str]:
    url = dbs.create_pg_database("imr_live")
    yield url
    _wait_ready()
    dbs.drop_pg_database(url)


def _terminate_backends(url: str) -> int:
    admin = Database(url)
    try:
        with admin.engine.begin() as conn:
            return len(
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        admin.dispose()


def _wait_for_actions(url: str, count: int, timeout: float = 90) -> None:
    db = Database(url)
    try:
        stop = time.monotonic() + timeout
        while time.monotonic() < stop:
            with db.engine.connect() as conn:
                if conn.execute(text("SELECT count(*) FROM ticket_action")).scalar_one() >= count:
                    return
            time.sleep(0.2)
        raise AssertionError("the desks did not start saving")
    finally:
        db.dispose()


def test_no_action_is_lost_or_saved_twice_through_an_outage(
    outage_url: str, tmp_path: Path
) -> None:
    ticket_ids = live_desks.seed(outage_url, DESKS, 8)
    journals = [str(tmp_path / f"desk{n}.jsonl") for n in range(DESKS)]
    stop_file = tmp_path / "stop"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(DESKS) as pool:
        pending = pool.starmap_async(
            live_desks.log_through_journal,
            [
                (outage_url, live_desks.desk_login(n), ticket_ids, journals[n], str(stop_file))
                for n in range(DESKS)
            ],
        )
        _wait_for_actions(outage_url, DESKS * 5)  # every desk is up and saving
        killed = _terminate_backends(outage_url)
        time.sleep(0.5)
        subprocess.run(
            [
                "pg_ctlcluster",
                "--skip-systemctl-redirect",
                _cluster_version(),
                "main",
                "restart",
                "-m",
                "fast",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        _wait_ready()
        time.sleep(2)  # desks save again after the restart
        stop_file.touch()
        results = pending.get(timeout=120)

    assert killed >= 1
    saved = [u for r in results for u in r["saved"]]
    unsaved = [u for r in results for u in r["unsaved"]]
    assert saved and unsaved, "the outage should interrupt some saves, not all"

    db = Database(outage_url)
    try:

        def stored() -> Counter[str]:
            with db.sessions() as session:
                return Counter(session.scalars(select(TicketAction.uid)).all())

        counts = stored()
        assert all(counts[uid] == 1 for uid in saved)  # reported saved: exactly once
        for n, result in enumerate(results):
            pending_uids = Journal(Path(journals[n])).uids()
            assert set(result["unsaved"]) <= pending_uids  # not reported saved: still pending
            assert not pending_uids & set(result["saved"])

        svc = TicketService(db)
        for path in journals:  # retry: the desks' journals replayed once the server is back
            report = Journal(Path(path)).replay(svc)
            assert report.pending == [] and report.rejected == []
            assert Journal(Path(path)).entries() == []
        counts = stored()
        assert all(counts[uid] == 1 for uid in saved + unsaved)
    finally:
        db.dispose()
