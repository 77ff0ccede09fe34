"""Benchmark: change propagation desk → desk over LISTEN/NOTIFY vs a 5-second polling desk,
and claim throughput with 20 contending desks (real PostgreSQL, IMR_TEST_PG_URL).

Each listening desk is its own OS process running what the console runs: a Qt event loop, the
``LiveFeed`` (QSocketNotifier on the LISTEN socket; the queue row comes in the NOTIFY payload and
is applied with no database round trip; leading-edge coalesced row reloads on the TaskRunner only
for payloads without a row) and a ``QueueModel``. A change counts as propagated when that desk's
QueueModel holds the ticket at its new version. Changes are real service calls (``reprioritise``:
ticket update plus action, one transaction) made at a paced rate — one every 20–50 ms by default,
i.e. ~29 changes/s, already far above a support centre's few per second — so the figure measures
propagation, not a queue of 500 changes on 2 CPUs. ``IMR_BENCH_LIVE_GAP_MS=min,max`` changes the
pacing; ``IMR_BENCH_LIVE_DESKS`` and ``IMR_BENCH_LIVE_CHANGES`` the counts (defaults 20 and 500).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, text

from app.data.engine import Database
from app.domain.priorities import Priority
from app.services.errors import Conflict, DatabaseUnavailable
from app.services.tickets import TicketService

DESKS = int(os.environ.get("IMR_BENCH_LIVE_DESKS", "20"))
CHANGES = int(os.environ.get("IMR_BENCH_LIVE_CHANGES", "500"))
POLL_SECONDS = 5.0


def _gap_ms() -> tuple[float, float]:
    raw = os.environ.get("IMR_BENCH_LIVE_GAP_MS", "20,50")
    low, _, high = raw.partition(",")
    return float(low), float(high or low)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


Key = tuple[int, int]  # ticket id, version


def _listening_desk(url: str, ready: Any, stop: Any, out: Any) -> None:
    """One desk process as the console runs it; notes (perf_counter is system-wide on Linux)
    when each change's notification arrived and when the QueueModel held the new row."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from ui.live_feed import LiveFeed
    from ui.queue_model import QueueModel
    from ui.tasks import TaskRunner

    app = QGuiApplication([])
    svc = TicketService(Database(url))
    desk = SimpleNamespace(tickets=svc, runner=TaskRunner())
    model = QueueModel()
    model.replace_all(svc.queue())
    feed = LiveFeed(desk)
    heard: dict[Key, float] = {}
    seen: dict[Key, float] = {}

    cpu_marks: list[float] = []  # process CPU at the first notification, at the last row

    def on_events(events: list[Any]) -> None:
        now = time.perf_counter()
        if not cpu_marks:
            cpu_marks.extend((time.process_time(), time.process_time()))
        for e in events:
            if e.table == "ticket" and e.ticket_id and e.version:
                heard.setdefault((e.ticket_id, e.version), now)

    def on_rows(rows: list[Any]) -> None:  # connected after model.apply_rows
        now = time.perf_counter()
        for row in rows:
            at = model.position(row.id)
            if at is not None and model.rows()[at].version == row.version:
                seen.setdefault((row.id, row.version), now)
        if cpu_marks:
            cpu_marks[1] = time.process_time()

    feed.events_received.connect(on_events)
    feed.rows_changed.connect(model.apply_rows)
    feed.rows_changed.connect(on_rows)
    feed.connection_changed.connect(lambda ok, _m: ready.set() if ok else None)
    watch = QTimer()
    watch.timeout.connect(lambda: app.quit() if stop.is_set() else None)
    watch.start(100)
    feed.start()
    app.exec()
    cpu = cpu_marks[1] - cpu_marks[0] if cpu_marks else 0.0  # idle seconds after: not counted
    feed.stop()
    desk.runner.wait_idle()
    svc.db.dispose()
    out.put((seen, heard, feed.reloads, feed.events_seen, cpu))


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
    time.sleep(2)  # let the desks' start-up settle before measuring
    writer = TicketService(Database(url))
    stamp: list[float] = [0.0]
    event.listen(
        writer.db.engine, "commit", lambda _conn: stamp.__setitem__(0, time.perf_counter())
    )
    committed: dict[Key, float] = {}
    by_id: dict[int, float] = {}
    low, high = _gap_ms()
    rng = random.Random(5)
    load_before = os.getloadavg()[0]
    started = next_at = time.perf_counter()
    for ticket_id in ids[:CHANGES]:
        time.sleep(max(0.0, next_at - time.perf_counter()))
        current = writer.rows([ticket_id])[0].priority
        new = Priority(1 + int(current) % 4)
        detail = writer.reprioritise(ticket_id, new, "Cambió el impacto", "desk00")
        committed[(ticket_id, detail.row.version)] = stamp[0]  # just before COMMIT: conservative
        by_id[ticket_id] = stamp[0]
        next_at += rng.uniform(low, high) / 1000
    elapsed = time.perf_counter() - started
    load_after = os.getloadavg()[0]
    deadline = time.monotonic() + POLL_SECONDS + 1
    while time.monotonic() < deadline and len(poll_seen) < CHANGES:
        time.sleep(0.1)
    stop.set()
    poll_stop.set()
    results = [out.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(30)
    poller.join(30)
    writer.db.dispose()
    live = [(r[0][k] - c) * 1000 for r in results for k, c in committed.items() if k in r[0]]
    notified = [(r[1][k] - c) * 1000 for r in results for k, c in committed.items() if k in r[1]]
    polled = [(poll_seen[t] - c) * 1000 for t, c in by_id.items() if t in poll_seen]
    return {
        "notified": notified,
        "live": live,
        "polled": polled,
        "missing": DESKS * CHANGES - len(live),
        "rate": CHANGES / elapsed,
        "reloads": sum(r[2] for r in results) / DESKS,
        "events": sum(r[3] for r in results) / DESKS,
        "desk_cpu_ms": 1000 * sum(r[4] for r in results) / DESKS / CHANGES,
        "load": (load_before, load_after),
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
        print(f"propagation measured ({prop['rate']:.1f} changes/s)", file=sys.stderr)
        try:
            with Database(url).engine.begin() as conn:
                conn.execute(text("UPDATE ticket SET assignee_id = NULL, status = 'new'"))
            claimed = claims(url, ids)
        except DatabaseUnavailable as error:  # e.g. the shared server restarted meanwhile
            print(f"claims not measured: {error}", file=sys.stderr)
            claimed = {"won": 0, "elapsed": float("nan"), "attempts": 0}
    finally:
        with contextlib.suppress(Exception):
            drop_pg_database(url)
    live, polled = prop["live"], prop["polled"]
    p50, p99 = _pct(live, 0.5), _pct(live, 0.99)
    poll50 = _pct(polled, 0.5) if polled else float("nan")
    poll99 = _pct(polled, 0.99) if polled else float("nan")
    rate = claimed["won"] / claimed["elapsed"]
    low, high = _gap_ms()
    where = f"{DESKS} Qt desks, {CHANGES} changes @ {prop['rate']:.0f}/s"
    return [
        {
            "name": f"change rate driven (one every {low:g}-{high:g} ms)",
            "value": prop["rate"],
            "unit": "changes/s",
            "target": "—",
            "ok": True,
        },
        {
            "name": "load average (1 min) before / after the changes",
            "value": prop["load"][0],
            "unit": f"/ {prop['load'][1]:.2f}",
            "target": "—",
            "ok": True,
        },
        {
            "name": f"live propagation p50 ({where})",
            "value": p50,
            "unit": "ms",
            "target": "—",
            "ok": True,
        },
        {
            "name": f"live propagation p99 ({where})",
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
            "name": "row reloads per desk (one per burst)",
            "value": prop["reloads"],
            "unit": f"/ {prop['events']:.0f} events",
            "target": "≤ events",
            "ok": prop["reloads"] <= prop["events"],
        },
        {
            "name": "CPU per change per desk (wake, drain, row, model)",
            "value": prop["desk_cpu_ms"],
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
            f"{row['name']:<64} {row['value']:>10.2f} {row['unit']:<14} {row['target']:<18} {mark}"
        )
