"""Benchmark: supervisor reports on PostgreSQL with 200,000 tickets and 1,000,000 actions."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICKETS = 200_000
ACTIONS_PER_TICKET = 5  # 1,000,000 actions
TECHNICIANS = 20
CLIENTS = 200
REPEATS = 5

_TICKETS_SQL = """
INSERT INTO ticket (subject, description, client_id, requester_name, requester_address,
    channel, priority, status, received_at, created_at, assignee_id, calendar_name,
    target_minutes, first_contact_due, first_contact_at, resolved_at, closed_at, solution,
    needs_review, review_reasons, updated_at, version)
SELECT 'Caso ' || g, '', :client0 + g % :clients, 'Usuario ' || (g % 97),
       'usuario' || (g % 97) || '@cliente.pa', ch, p,
       CASE WHEN r > now() - interval '2 days' OR (fc IS NULL AND r > now() - interval '20 days')
            THEN (ARRAY['new','assigned','in_progress','waiting_client'])[1 + g % 4]
            ELSE 'closed' END,
       r, r, CASE WHEN g % 10 < 7 THEN :tech0 + g % :techs END,
       CASE WHEN ch = 'critical-line' AND p <= 2 THEN '24x7' ELSE 'office' END,
       t, due, CASE WHEN fc <= now() THEN fc END, NULL, NULL, '', false, '', r, 1
FROM (
    SELECT g, r, ch, p, t,
           r + make_interval(mins => CASE WHEN ch = 'critical-line' AND p <= 2 THEN t
                                          ELSE t * 2 END) AS due,
           CASE WHEN g % 100 < 85
                THEN r + make_interval(secs => (abs(hashint4(g)) % (t * 120)) * 1.0) END AS fc
    FROM (
        SELECT g,
               now() - make_interval(mins => (:n - g) * 5) AS r,
               (ARRAY['email','phone','whatsapp','critical-line'])[1 + (g * 7) % 4] AS ch,
               1 + (g * 13) % 4 AS p,
               (ARRAY[60, 180, 720, 1440])[1 + (g * 13) % 4] AS t
        FROM generate_series(1, :n) AS g
    ) AS base
) AS s
"""

_ACTIONS_SQL = """
INSERT INTO ticket_action (uid, ticket_id, kind, author_id, occurred_at, created_at, text,
    is_contact, duration_minutes, details)
SELECT md5(a::text), t.id, k.kind,
       CASE WHEN k.n > 0 THEN :tech0 + t.id % :techs END,
       t.received_at + make_interval(mins => k.n * 7),
       t.received_at + make_interval(mins => k.n * 7),
       '', k.kind = 'call_out', CASE WHEN k.kind = 'call_out' THEN 10 + t.id % 40 END, '{}'
FROM ticket t
CROSS JOIN (VALUES (0, 'status_change'), (1, 'assignment'), (2, 'call_attempt'),
                   (3, 'call_out'), (4, 'note')) AS k(n, kind)
CROSS JOIN LATERAL (SELECT (t.id - 1) * 5 + k.n AS a) AS x
"""


def _fill(url: str) -> dict[str, int]:
    from sqlalchemy import text

    from bench.seed import seed_directory

    db = seed_directory(
        url,
        technicians=TECHNICIANS,
        clients=CLIENTS,
        technician_digits=2,
        client_digits=3,
        contract_since_days=900,
    )
    with db.engine.begin() as conn:
        superuser = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar_one()
        if superuser:  # bulk load without the NOTIFY/audit triggers
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        tech0 = conn.execute(text("SELECT min(id) FROM technician")).scalar_one()
        client0 = conn.execute(text("SELECT min(id) FROM client")).scalar_one()
        conn.execute(
            text(_TICKETS_SQL),
            {
                "n": TICKETS,
                "clients": CLIENTS,
                "client0": client0,
                "techs": TECHNICIANS,
                "tech0": tech0,
            },
        )
        conn.execute(text("UPDATE technician SET on_shift = (id % 3 <> 0)"))
        conn.execute(text(_ACTIONS_SQL), {"tech0": tech0, "techs": TECHNICIANS})
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE ticket"))
        conn.execute(text("VACUUM ANALYZE ticket_action"))
        counts = {
            "tickets": conn.execute(text("SELECT count(*) FROM ticket")).scalar_one(),
            "actions": conn.execute(text("SELECT count(*) FROM ticket_action")).scalar_one(),
            "open": conn.execute(
                text("SELECT count(*) FROM ticket WHERE status <> 'closed'")
            ).scalar_one(),
        }
    db.dispose()
    return counts


def _time(fn: Callable[[], Any]) -> tuple[float, Any]:
    fn()  # warm: connection pool, calendar tables, PostgreSQL buffers
    costs = []
    result = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn()
        costs.append(time.perf_counter() - start)
    return statistics.median(costs), result


def _row(name: str, seconds: float, limit: float, unit: str = "s") -> dict[str, Any]:
    value = seconds if unit == "s" else seconds * 1000
    target = f"< {limit:g} {unit}"
    return {
        "name": name,
        "value": round(value, 4 if unit == "s" else 2),
        "unit": unit,
        "target": target,
        "ok": value < limit,
    }


def run() -> list[dict[str, Any]]:
    from app.data.engine import Database
    from app.reports.compliance import Dimension
    from app.reports.period import Period
    from app.services.reports import ReportService
    from tests.support.databases import create_pg_database, drop_pg_database, pg_reachable

    reason = pg_reachable()
    if reason is not None:
        return [
            {
                "name": f"reports on PostgreSQL (unreachable: {reason})",
                "value": float("nan"),
                "unit": "s",
                "target": "< 1 s",
                "ok": False,
            }
        ]
    url = create_pg_database("imr_bench_reports")
    try:
        started = time.perf_counter()
        counts = _fill(url)
        fill_s = time.perf_counter() - started
        db = Database(url)
        service = ReportService(db)
        today = datetime.now(UTC).astimezone(ZoneInfo("America/Panama")).date()
        month = Period.from_days(today - timedelta(days=30), today)
        quarter = Period.from_days(today - timedelta(days=91), today)
        year = Period.from_days(today - timedelta(days=365), today)
        rows: list[dict[str, Any]] = [
            {
                "name": "data: tickets / actions / open",
                "unit": "rows",
                "target": "info",
                "value": float(counts["tickets"]),
                "ok": counts["tickets"] == TICKETS
                and counts["actions"] == TICKETS * ACTIONS_PER_TICKET,
                "detail": f"{counts['tickets']} / {counts['actions']} / {counts['open']}, "
                f"built in {fill_s:.1f} s",
            },
        ]
        for label, period in (("30 days", month), ("91 days", quarter), ("365 days", year)):
            seconds, report = _time(
                lambda p=period: service.compliance(p, dimensions=(Dimension.PRIORITY,))
            )
            n = report.total.tickets
            rows.append(
                _row(f"compliance by priority + median/p90, {label} ({n:,} tickets)", seconds, 1.0)
            )
        seconds, _ = _time(lambda: service.compliance(month))
        rows.append(_row("full period report (4 dimensions, charts data), 30 days", seconds, 1.0))
        seconds, _ = _time(lambda: service.compliance(quarter))
        rows.append(_row("full period report (4 dimensions, charts data), 91 days", seconds, 1.0))
        seconds, _ = _time(lambda: service.compliance(year))
        rows.append(_row("full period report (4 dimensions, charts data), 365 days", seconds, 1.0))
        for label, period in (("30 days", month), ("91 days", quarter), ("365 days", year)):
            seconds, causes = _time(lambda p=period: service.causes(p))
            rows.append(
                _row(f"breach causes, {label} ({len(causes.breaches):,} breaches)", seconds, 1.0)
            )
        seconds, fc = _time(service.forecast)
        rows.append(_row(f"forecast ({len(fc.rows):,} waiting tickets)", seconds, 1.0))
        seconds, board = _time(service.board)
        rows.append(_row(f"breach board refresh ({len(board.rows):,} rows)", seconds, 100, "ms"))
        db.dispose()
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        rows.append(
            {
                "name": "machine load average (1 min) during the run",
                "value": load,
                "unit": "",
                "target": "info",
                "ok": True,
            }
        )
        return rows
    finally:
        drop_pg_database(url)


if __name__ == "__main__":
    for row in run():
        extra = f"  ({row['detail']})" if "detail" in row else ""
        status = "ok" if row["ok"] else "SLOW"
        print(f"{row['name']}: {row['value']} {row['unit']} [{row['target']}] {status}{extra}")
