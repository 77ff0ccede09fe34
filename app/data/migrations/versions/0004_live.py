"""Change feed: NOTIFY triggers on tickets, actions and attachments (PostgreSQL only).

SQLite has no NOTIFY: desks there poll ``PRAGMA data_version`` instead (app/live/feed.py).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHANNEL = "imr_changes"
WATCHED = ("ticket", "ticket_action", "attachment")

# The payload is small ({table, ticket_id, version, op, what}) and, for ticket inserts/updates
# and new actions, also carries the ticket's whole queue row ("row": the columns
# TicketService.rows() reads, timestamps as UTC ISO 8601), so desks update their queue without a
# round trip. NOTIFY refuses payloads over 8000 bytes: past ROW_LIMIT bytes the row is left out
# ("row_omitted": true) and desks reload the ticket as they do for deletes and attachments.
ROW_LIMIT = 7500

NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION imr_utc_text(ts timestamptz) RETURNS text
LANGUAGE sql STABLE AS $f$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
$f$;

CREATE OR REPLACE FUNCTION imr_notify_change() RETURNS trigger
-- Runs with the owner's rights: the queue row is announced whoever made the change (the
-- mail-intake role, for one, may not read technicians or every ticket column itself).
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    rec record;
    what text;
    ver integer;
    tid integer;
    queue_row json;
    small text;
    payload text;
BEGIN
    IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;
    IF TG_TABLE_NAME = 'ticket' THEN
        tid := rec.id;
        ver := rec.version;
        IF TG_OP = 'INSERT' THEN
            what := 'created';
        ELSIF TG_OP = 'DELETE' THEN
            what := 'deleted';
        ELSE
            what := concat_ws(',',
                CASE WHEN NEW.status IS DISTINCT FROM OLD.status THEN 'status' END,
                CASE WHEN NEW.assignee_id IS DISTINCT FROM OLD.assignee_id THEN 'assignee' END,
                CASE WHEN NEW.priority IS DISTINCT FROM OLD.priority THEN 'priority' END,
                CASE WHEN NEW.first_contact_at IS DISTINCT FROM OLD.first_contact_at
                     THEN 'first_contact' END);
            IF what = '' THEN what := 'fields'; END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'ticket_action' THEN
        tid := rec.ticket_id;
        what := rec.kind;
    ELSE
        tid := rec.ticket_id;
        what := 'attachment';
    END IF;
    small := json_build_object(
        'table', TG_TABLE_NAME, 'ticket_id', tid, 'version', ver,
        'op', lower(TG_OP), 'what', what)::text;
    IF TG_OP <> 'DELETE' AND TG_TABLE_NAME IN ('ticket', 'ticket_action') THEN
        -- The queue row as the desks show it (same columns as TicketService.rows()).
        SELECT json_build_object(
            'id', t.id, 'subject', t.subject, 'client_name', c.name,
            'channel', t.channel, 'priority', t.priority, 'status', t.status,
            'received_at', imr_utc_text(t.received_at),
            'first_contact_due', imr_utc_text(t.first_contact_due),
            'target_minutes', t.target_minutes, 'calendar_name', t.calendar_name,
            'first_contact_at', imr_utc_text(t.first_contact_at),
            'assignee_login', a.login, 'assignee_name', a.name,
            'last_action_at', imr_utc_text(la.occurred_at), 'last_action_kind', la.kind,
            'needs_review', t.needs_review, 'version', t.version,
            'requester_name', t.requester_name)
        INTO queue_row
        FROM ticket t
        LEFT JOIN client c ON c.id = t.client_id
        LEFT JOIN technician a ON a.id = t.assignee_id
        LEFT JOIN LATERAL (
            SELECT x.occurred_at, x.kind FROM ticket_action x
            WHERE x.ticket_id = t.id
            ORDER BY x.occurred_at DESC, x.id DESC LIMIT 1) la ON true
        WHERE t.id = tid;
    END IF;
    payload := small;
    IF queue_row IS NOT NULL THEN
        -- small is a JSON object: splice the row in before its closing brace
        payload := left(small, -1) || ', "row" : ' || queue_row::text || '}}';
        IF octet_length(payload) > {ROW_LIMIT} THEN
            payload := left(small, -1) || ', "row_omitted" : true}}';
        END IF;
    END IF;
    PERFORM pg_notify('{CHANNEL}', payload);
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(NOTIFY_FUNCTION)
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION imr_notify_change()"
        )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for table in WATCHED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
    op.execute("DROP FUNCTION IF EXISTS imr_notify_change()")
    op.execute("DROP FUNCTION IF EXISTS imr_utc_text(timestamptz)")
