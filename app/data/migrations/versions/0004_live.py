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

# The payload stays tiny (well under NOTIFY's 8000-byte limit): desks reload the rows themselves.
NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION imr_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    rec record;
    what text;
    ver integer;
    tid integer;
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
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME, 'ticket_id', tid, 'version', ver,
        'op', lower(TG_OP), 'what', what)::text);
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
