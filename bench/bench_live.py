"""Benchmark: change propagation desk → desk over LISTEN/NOTIFY vs a 5-second polling desk,
and claim throughput with 20 contending desks (real PostgreSQL, IMR_TEST_PG_URL)."""

from __future__ import annotations

import multiprocessing
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from app.data.engine import Database
from app.live.feed import PgListener
from app.services.errors import Conflict
from app.services.tickets import TicketService

DESKS = 20
CHANGES = 500
POLL_SECONDS = 5.0
GAP = 0.06  # seconds between changes: 20 desks on this one machine reload every change


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _listening_desk(url: str, ready: Any, stop: Any, out: Any) -> None:
    """One desk process: wake on the socket, reload the changed rows (as a desk does), note when
    the notification and the fresh rows arrived (perf_counter is system-wide on Linux)."""
    svc = TicketService(Database(url))
    feed = PgListener(url)
    feed.connect()
    svc.rows([0])
    seen: dict[int, float] = {}
    heard: dict[int, float] = {}
    ready.set()
    while not stop.is_set():
        events = feed.wait(0.2)
        arrived = time.perf_counter()
        for event in events:
            if event.ticket_id:
                heard.setdefault(event.ticket_id, arrived)
        ids = list({e.ticket_id for e in events if e.table == "ticket" and e.ticket_id})
        if ids:
            rows = svc.rows(ids)
            now = time.perf_counter()
            for row in rows:
                seen.setdefault(row.id, now)
    feed.close()
    svc.db.dispose()
    out.put((seen, heard))


def _polling_desk(url: str, stop: threading.Event, seen: dict[int, float]) -> None:
    """What most helpdesks do: reload what changed every five seconds."""
    svc = TicketService(Database(url))
    with svc.db.engine.connect() as conn:
        mark = conn.execute(text("SELECT max(updated_at) FROM ticket")).scalar()
    while not stop.wait(POLL_SECONDS):
        with svc.db.engine.connect() as conn:
            ids = list(
                conn.execute(
                    text("SELECT id FROM ticket WHERE updated_at > :m"), {"m": mark}
                ).scalars()
            )
            mark = conn.execute(text("SELECT max(updated_at) FROM ticket")).scalar()
        rows = svc.rows(ids)
        now = time.perf_counter()
        for row in rows:
            seen.setdefault(row.id, now)
    svc.db.dispose()


def propagation(url: str, ids: list[int]) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    readies = [ctx.Event() for _ in range(DESKS)]
    procs = [
        ctx.Process(target=_listening_desk, args=(url, readies[n], stop, out), daemon=True)
        for n in range(DESKS)
    ]
    for proc in procs:
        proc.start()
    poll_stop = threading.Event()
    poll_seen: dict[int, float] = {}
    poller = threading.Thread(target=_polling_desk, args=(url, poll_stop, poll_seen))
    poller.start()
    for ready in readies:
        ready.wait(300)
    writer = Database(url)
    committed: dict[int, float] = {}
    with writer.engine.connect() as conn:
        for ticket_id in ids[:CHANGES]:
            conn.execute(
                text(
                    "UPDATE ticket SET priority = 1 + priority % 4, version = version + 1, "
                    "updated_at = now() WHERE id = :id"
                ),
                {"id": ticket_id},
            )
            committed[ticket_id] = time.perf_counter()  # just before COMMIT: conservative
            conn.commit()
            time.sleep(GAP)
    deadline = time.monotonic() + POLL_SECONDS + 1
    while time.monotonic() < deadline and len(poll_seen) < CHANGES:
        time.sleep(0.1)
    stop.set()
    poll_stop.set()
    results = [out.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(30)
    poller.join(30)
    writer.dispose()
    desks = [r[0] for r in results]
    heard = [r[1] for r in results]
    live = [(d[t] - c) * 1000 for d in desks for t, c in committed.items() if t in d]
    polled = [(poll_seen[t] - c) * 1000 for t, c in committed.items() if t in poll_seen]
    notified = [(d[t] - c) * 1000 for d in heard for t, c in committed.items() if t in d]
    return {
        "notified": notified,
        "live": live,
        "polled": polled,
        "missing": DESKS * CHANGES - len(live),
    }


def _claimer(url: str, login: str, ids: list[int], seed: int, start_at: float) -> tuple[int, int]:
    svc = TicketService(Database(url))
    order = list(ids)
    random.Random(seed).shuffle(order)
    svc.rows(order[:1])
    time.sleep(max(0.0, start_at - time.time()))
    won = lost = 0
    for ticket_id in order:
        try:
            svc.claim(ticket_id, login)
            won += 1
        except Conflict:
            lost += 1
    svc.db.dispose()
    return won, lost


def claims(url: str, ids: list[int]) -> dict[str, float]:
    start_at = time.time() + 8
    with multiprocessing.get_context("spawn").Pool(DESKS) as pool:
        pending = pool.starmap_async(
            _claimer, [(url, f"desk{n:02d}", ids, n, start_at) for n in range(DESKS)]
        )
        results = pending.get(600)
        elapsed = time.time() - start_at
    won = sum(r[0] for r in results)
    attempts = sum(r[0] + r[1] for r in results)
    return {"won": won, "elapsed": elapsed, "attempts": attempts}


def run() -> list[dict]:
    from tests.integration.live_desks import seed
    from tests.support.databases import create_pg_database, drop_pg_database

    url = create_pg_database("imr_bench")
    try:
        ids = seed(url, DESKS, CHANGES)
        prop = propagation(url, ids)
        with Database(url).engine.begin() as conn:
            conn.execute(text("UPDATE ticket SET assignee_id = NULL, status = 'new'"))
        claimed = claims(url, ids)
    finally:
        drop_pg_database(url)
    live, polled = prop["live"], prop["polled"]
    p50, p99 = _pct(live, 0.5), _pct(live, 0.99)
    poll50 = _pct(polled, 0.5) if polled else float("nan")
    poll99 = _pct(polled, 0.99) if polled else float("nan")
    rate = claimed["won"] / claimed["elapsed"]
    return [
        {
            "name": f"live propagation p50 ({DESKS} desks, {CHANGES} changes)",
            "value": p50,
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": f"live propagation p99 ({DESKS} desks, {CHANGES} changes)",
            "value": p99,
            "unit": "ms",
            "target": "< 50 ms",
            "ok": p99 < 50 and prop["missing"] == 0,
        },
        {
            "name": "live propagation mean",
            "value": statistics.fmean(live),
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": "NOTIFY arrival only p50 (no row reload)",
            "value": _pct(prop["notified"], 0.5),
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": "NOTIFY arrival only p99 (no row reload)",
            "value": _pct(prop["notified"], 0.99),
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": "live notifications missed",
            "value": float(prop["missing"]),
            "unit": "rows",
            "target": "0",
            "ok": prop["missing"] == 0,
        },
        {
            "name": "5 s polling desk p50 (baseline)",
            "value": poll50,
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": "5 s polling desk p99 (baseline)",
            "value": poll99,
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": "polling / live ratio at p50",
            "value": poll50 / p50,
            "unit": "×",
            "target": "—",
            "ok": True,
        },
        {
            "name": "polling / live ratio at p99",
            "value": poll99 / p99,
            "unit": "×",
            "target": "—",
            "ok": True,
        },
        {
            "name": f"claim throughput ({DESKS} contending desks, {CHANGES} tickets)",
            "value": rate,
            "unit": "claims/s",
            "target": "every ticket once",
            "ok": claimed["won"] == CHANGES,
        },
        {
            "name": "claim attempts incl. conflicts",
            "value": claimed["attempts"] / claimed["elapsed"],
            "unit": "attempts/s",
            "target": "—",
            "ok": True,
        },
    ]


if __name__ == "__main__":
    for row in run():
        mark = "ok" if row["ok"] else "MISS"
        print(
            f"{row['name']:<58} {row['value']:>10.2f} {row['unit']:<11} {row['target']:<18} {mark}"
        )
