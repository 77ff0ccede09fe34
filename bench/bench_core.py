"""Core figures: the open-ticket queue query on PostgreSQL with 200,000 tickets and 1,000,000
actions, of which 5,000 tickets are open (target under 200 ms)."""

from __future__ import annotations

import statistics
import time

ALL_TICKETS = 200_000
OPEN_TICKETS = 5_000
ACTIONS_PER_TICKET = 5


def _fill(url: str) -> None:
    from sqlalchemy import text

    from bench.seed import seed_directory

    db = seed_directory(url, technicians=6, clients=30)
    with db.engine.begin() as conn:
        conn.execute(
            text("""
            INSERT INTO ticket (subject, description, client_id, requester_name,
                requester_address, channel, priority, status, received_at, created_at,
                calendar_name, target_minutes, first_contact_due, first_contact_at,
                assignee_id, solution, needs_review, review_reasons, updated_at, version)
            SELECT 'Caso ' || g, 'Descripción ' || g, (SELECT min(id) FROM client) + g % 30,
                   'Usuario ' || g % 97, 'u' || g % 97 || '@cliente.pa',
                   (ARRAY['email','phone','whatsapp','critical-line'])[1 + g % 4], 1 + g % 4,
                   CASE WHEN g % 40 = 0 THEN (ARRAY['new','assigned','in_progress',
                        'waiting_client'])[1 + (g / 40) % 4] ELSE 'closed' END,
                   r, r, 'office', 60, r + interval '1 hour',
                   CASE WHEN g % 3 = 0 THEN r + interval '20 minutes' END,
                   CASE WHEN g % 2 = 0 THEN (SELECT min(id) FROM technician) + g % 6 END,
                   '', false, '', r, 1
            FROM (SELECT g, now() - make_interval(mins => g * 2) AS r
                  FROM generate_series(1, :n) AS g) AS s
        """),
            {"n": ALL_TICKETS},
        )
        conn.execute(
            text("""
            INSERT INTO ticket_action (uid, ticket_id, kind, author_id, occurred_at, created_at,
                                       text, is_contact, details)
            SELECT md5(t.id || '-' || k), t.id,
                   (ARRAY['note','call_attempt','call_out','diagnosis','email_out'])[k],
                   NULL, t.received_at + make_interval(mins => k * 7),
                   t.received_at + make_interval(mins => k * 7), 'Acción ' || k, k = 3, '{}'
            FROM ticket t CROSS JOIN generate_series(1, :k) AS k
        """),
            {"k": ACTIONS_PER_TICKET},
        )
        conn.execute(text("ANALYZE"))
    db.dispose()


def run() -> list[dict]:
    from app.services.bootstrap import open_services
    from tests.support.databases import create_pg_database, drop_pg_database, pg_reachable

    name = "open-ticket queue query, PostgreSQL, 200k tickets / 1M actions (5,000 open), median"
    if pg_reachable() is not None:
        return [
            {"name": name, "value": float("nan"), "unit": "ms", "target": "< 200 ms", "ok": False}
        ]
    url = create_pg_database("imr_bench_core")
    try:
        _fill(url)
        services = open_services(url)
        services.tickets.queue()  # warm the connection pool and the plan cache
        timings = []
        for _ in range(7):
            started = time.perf_counter()
            rows = services.tickets.queue()
            timings.append((time.perf_counter() - started) * 1000)
        assert len(rows) == OPEN_TICKETS, len(rows)
        services.close()
    finally:
        drop_pg_database(url)
    median = statistics.median(timings)
    return [
        {
            "name": name,
            "value": round(median, 1),
            "unit": "ms",
            "target": "< 200 ms",
            "ok": median < 200,
        },
        {
            "name": "  same, slowest of 7 runs",
            "value": round(max(timings), 1),
            "unit": "ms",
            "target": "info",
            "ok": True,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']} {row['unit']} (target {row['target']})")
