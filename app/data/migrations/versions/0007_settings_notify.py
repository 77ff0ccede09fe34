"""Change feed: announce SLA settings changes (PostgreSQL only).

Every change a supervisor makes to calendars, closures, assignments or the at-risk fraction bumps
the ``policy_version`` setting in the same transaction (app/services/sla_settings.py). This trigger
turns that bump into a notification on the desks' channel, so every open desk reloads its calendars
and its countdowns follow the new settings at once, not at the next restart. SQLite desks see the
stamp change in their poll (app/live/feed.py).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION imr_notify_settings() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_notify('imr_changes', json_build_object(
        'table', 'app_setting',
        'ticket_id', NULL,
        'version', CASE WHEN json_typeof(NEW.value) = 'number'
                        THEN (NEW.value #>> '{}')::numeric::bigint END,
        'op', lower(TG_OP),
        'what', 'policy'
    )::text);
    RETURN NULL;
END;
$$;
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(
        "CREATE TRIGGER app_setting_policy_notify AFTER INSERT OR UPDATE ON app_setting "
        "FOR EACH ROW WHEN (NEW.key = 'policy_version') EXECUTE FUNCTION imr_notify_settings()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS app_setting_policy_notify ON app_setting")
    op.execute("DROP FUNCTION IF EXISTS imr_notify_settings()")
