"""Benchmark: the console's queue — countdown tick cost, start-up on PostgreSQL, memory."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OPEN_TICKETS = 5_000
ALL_TICKETS = 200_000
TICKS = 300


def _rows(n: int) -> list:
    from app.domain.channels import Channel
    from app.domain.priorities import Priority
    from app.domain.tickets import TicketStatus
    from app.services.snapshots import QueueRow

    now = datetime.now(UTC)
    channels = list(Channel)
    rows = []
    for i in range(1, n + 1):
        priority = Priority(1 + i % 4)
        received = now - timedelta(minutes=i % 900)
        rows.append(
            QueueRow(
                id=i,
                subject=f"Caso de prueba {i}",
                client_name=f"Cliente {i % 300}",
                channel=channels[i % 4],
                priority=priority,
                status=TicketStatus.NEW if i % 3 else TicketStatus.ASSIGNED,
                received_at=received,
                deadline=received + priority.target,
                target=priority.target,
                calendar_name="24x7" if i % 4 == 0 else "office",
                first_contact_at=None,
                assignee_login=None,
                assignee_name=None,
                last_action_at=None,
                last_action_kind=None,
                needs_review=False,
                version=1,
            )
        )
    return rows


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_tick() -> list[dict]:
    """GUI-thread cost of one tick: new "now", one dataChanged, the view repainting its rows."""
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.queue_model import QueueModel, QueueProxy

    app = QApplication.instance() or QApplication([])
    model = QueueModel()
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1400, 800)
    view.show()
    model.replace_all(_rows(OPEN_TICKETS))

    def visible() -> tuple[int, int] | None:
        first = max(0, view.rowAt(0))
        last = view.rowAt(view.viewport().height() - 1)
        return proxy.visible_source_span(first, last if last >= 0 else proxy.rowCount() - 1)

    model.visible_rows = visible
    app.processEvents()
    costs, painted = [], []
    for _ in range(TICKS):
        start = time.perf_counter()
        model.tick()  # new "now", one dataChanged through the proxy, the view marks cells dirty
        middle = time.perf_counter()
        app.processEvents()  # the repaint of the countdown cells that the tick scheduled
        end = time.perf_counter()
        costs.append((middle - start) * 1000)
        painted.append((end - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    median, p99 = statistics.median(costs), _percentile(costs, 0.99)
    return [
        {
            "name": "queue tick, 5,000 open tickets (median)",
            "value": round(median, 3),
            "unit": "ms",
            "target": "< 2 ms",
            "ok": median < 2.0,
        },
        {
            "name": "queue tick, 5,000 open tickets (p99)",
            "value": round(p99, 3),
            "unit": "ms",
            "target": "info",
            "ok": True,
        },
        {
            "name": "queue tick + repaint of the visible countdown cells, offscreen (median)",
            "value": round(statistics.median(painted), 3),
            "unit": "ms",
            "target": "info",
            "ok": True,
        },
        {
            "name": "queue tick + repaint of the visible countdown cells, offscreen (p99)",
            "value": round(_percentile(painted, 0.99), 3),
            "unit": "ms",
            "target": "info",
            "ok": True,
        },
    ]


def _fill_pg(url: str) -> None:
    """200,000 tickets, 5,000 of them open, by INSERT … SELECT generate_series."""
    from sqlalchemy import text

    from bench.seed import seed_directory

    db = seed_directory(url, technicians=5, clients=40)
    with db.engine.begin() as conn:
        conn.execute(
            text("""
            INSERT INTO ticket (subject, description, client_id, requester_name,
                requester_address, channel, priority, status, received_at, created_at,
                calendar_name, target_minutes, first_contact_due, first_contact_at, resolved_at,
                closed_at, solution, needs_review, review_reasons, updated_at, version)
            SELECT 'Caso ' || g, 'Descripción del caso ' || g,
                   (SELECT min(id) FROM client) + (g % 40), 'Usuario ' || (g % 97),
                   'usuario' || (g % 97) || '@cliente.pa',
                   (ARRAY['email','phone','whatsapp','critical-line'])[1 + g % 4],
                   1 + g % 4,
                   CASE WHEN g <= :open THEN (ARRAY['new','assigned','in_progress',
                        'waiting_client'])[1 + g % 4] ELSE 'closed' END,
                   r, r, CASE WHEN g % 4 = 3 THEN '24x7' ELSE 'office' END,
                   (ARRAY[60, 180, 720, 1440])[1 + g % 4],
                   r + make_interval(mins => (ARRAY[60, 180, 720, 1440])[1 + g % 4]),
                   CASE WHEN g > :open OR g % 4 = 2 THEN r + interval '20 minutes' END,
                   CASE WHEN g > :open THEN r + interval '2 hours' END,
                   CASE WHEN g > :open THEN r + interval '3 days' END,
                   '', false, '', r, 1
            FROM (SELECT g, now() - make_interval(mins => CASE WHEN g <= :open THEN g % 2000
                         ELSE g * 3 END) AS r
                  FROM generate_series(1, :n) AS g) AS s
        """),
            {"open": OPEN_TICKETS, "n": ALL_TICKETS},
        )
        conn.execute(text("ANALYZE ticket"))
    db.dispose()


def bench_pg_start() -> list[dict]:
    from PySide6.QtWidgets import QApplication, QTableView

    from app.services.bootstrap import open_services
    from tests.support.databases import create_pg_database, drop_pg_database, pg_reachable
    from ui.queue_model import QueueModel, QueueProxy

    reason = pg_reachable()
    if reason is not None:
        return [
            {
                "name": "queue start-up on PostgreSQL, 200,000 tickets",
                "value": float("nan"),
                "unit": "s",
                "target": "< 1.5 s",
                "ok": False,
            }
        ]
    url = create_pg_database("imr_bench_queue")
    try:
        _fill_pg(url)
        app = QApplication.instance() or QApplication([])
        start = time.perf_counter()
        services = open_services(url)
        policy = services.policy.get()
        connected = time.perf_counter()
        rows = services.tickets.queue()
        queried = time.perf_counter()
        model = QueueModel(policy=policy)
        proxy = QueueProxy()
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.resize(1400, 800)
        model.replace_all(rows)
        view.show()
        app.processEvents()
        elapsed = time.perf_counter() - start
        view.close()
        view.deleteLater()
        app.processEvents()
        services.close()
        assert len(rows) == OPEN_TICKETS, len(rows)
    finally:
        drop_pg_database(url)
    phases = (
        ("connect + SLA policy", connected - start),
        ("queue query (5,000 rows)", queried - connected),
        ("model fill + first paint", elapsed - (queried - start)),
    )
    return [
        {
            "name": "queue start-up on PostgreSQL, 200,000 tickets (5,000 open)",
            "value": round(elapsed, 3),
            "unit": "s",
            "target": "< 1.5 s",
            "ok": elapsed < 1.5,
        }
    ] + [
        {
            "name": f"  of which {name}",
            "value": round(value, 3),
            "unit": "s",
            "target": "info",
            "ok": True,
        }
        for name, value in phases
    ]


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> list[dict]:
    rows = bench_tick()
    rows += bench_pg_start()
    rss = _rss_mb()
    rows.append(
        {
            "name": "resident memory after the queue benchmarks",
            "value": round(rss, 1),
            "unit": "MB",
            "target": "info",
            "ok": True,
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        mark = "ok " if row["ok"] else "NO "
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']})")
