"""Roles and grants: the database decides who may do what.

PostgreSQL group roles (cluster-wide, created idempotently, never dropped by a downgrade
because other databases on the same server may use them):

- ``imr_technician``: reads what a desk works with, opens tickets, logs actions, claims,
  releases, changes status and resolves; a trigger stops it from touching other people's claims;
- ``imr_supervisor``: also reassigns, edits calendars, SLA policy and the directory, reads
  reports and quarantined mail;
- ``imr_admin``: everything, and the only role granted DELETE;
- ``imr_intake``: the mail worker; inserts tickets, actions, attachments and quarantine
  records, and reads only the columns it needs to recognise a sender.

Every change to a ticket is written to ``ticket_audit`` by a trigger in the same transaction.
On SQLite only the (empty) ``ticket_audit`` table is created; the services' audit_log rows
remain the audit there.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GROUP_ROLES = ("imr_technician", "imr_supervisor", "imr_admin", "imr_intake")
APPEND_ONLY = ("ticket_action", "audit_log", "ticket_audit")
QUARANTINE = "mail_quarantine"

# Columns the mail worker may read to recognise a sender and compute a deadline.
INTAKE_COLUMNS = {
    "contact": ("id", "client_id", "name", "email", "is_key_user", "active"),
    "client": ("id", "name", "active"),
    "contract": ("id", "client_id", "number", "starts_on", "ends_on", "critical_line_24x7"),
    "technician": ("id", "login", "name", "role", "active"),
    "ticket": (
        "id",
        "status",
        "subject",
        "client_id",
        "contact_id",
        "merged_into_id",
        "received_at",
        "version",
        "assignee_id",
    ),
    "ticket_action": ("id", "uid", "ticket_id"),
    "attachment": ("id", "ticket_id", "action_id"),
}
INTAKE_READS = ("calendar_setting", "calendar_closure", "sla_assignment", "app_setting", "product")
INTAKE_INSERTS = ("ticket", "ticket_action", "attachment", "audit_log", "ticket_audit")
TECHNICIAN_INSERTS = ("ticket", "ticket_action", "attachment", "audit_log", "ticket_audit")
# Settings only supervisors and administrators change.
SUPERVISOR_ONLY_WRITES = (
    "calendar_setting",
    "calendar_closure",
    "sla_assignment",
    "app_setting",
    "client",
    "contact",
    "contract",
    "contract_product",
    "product",
)


def _is_pg() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade() -> None:
    op.create_table(
        "ticket_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("db_user", sa.String(length=63), nullable=False),
        sa.Column("actor", sa.String(length=63), nullable=True),
        sa.Column("before", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
        sa.Column("after", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_audit")),
    )
    op.create_index("ix_ticket_audit_ticket", "ticket_audit", ["ticket_id", "at"])
    if not _is_pg():
        return
    _create_roles()
    _audit_triggers()
    _claim_guard()
    _grants()


def downgrade() -> None:
    if _is_pg():
        _drop_contact_address_rows()
        _revoke_all()
        op.execute("DROP TRIGGER IF EXISTS ticket_claim_guard ON ticket")
        op.execute("DROP TRIGGER IF EXISTS ticket_audit_row ON ticket")
        op.execute("DROP TRIGGER IF EXISTS ticket_audit_append_only ON ticket_audit")
        op.execute("DROP TRIGGER IF EXISTS ticket_audit_stamp ON ticket_audit")
        op.execute("DROP FUNCTION IF EXISTS imr_guard_claim()")
        op.execute("DROP FUNCTION IF EXISTS imr_write_ticket_audit()")
        op.execute("DROP FUNCTION IF EXISTS imr_stamp_ticket_audit()")
        op.execute("DROP FUNCTION IF EXISTS imr_is_plain_technician()")
        op.execute("DROP FUNCTION IF EXISTS imr_intake_mail_reply(integer)")
    op.drop_index("ix_ticket_audit_ticket", table_name="ticket_audit")
    op.drop_table("ticket_audit")


# ---------------------------------------------------------------------- roles
def _create_roles() -> None:
    # Several databases on one server may migrate at the same moment: tolerate the race.
    for role in GROUP_ROLES:
        op.execute(
            f"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END $$;
            """
        )
    op.execute(
        """
        DO $$
        BEGIN
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO imr_technician, imr_supervisor, '
                           'imr_admin, imr_intake', current_database());
        END $$;
        """
    )


# ---------------------------------------------------------------------- audit
def _audit_triggers() -> None:
    op.execute(
        """
        CREATE OR REPLACE FUNCTION imr_write_ticket_audit() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            o jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
            n jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
            b jsonb;
            a jsonb;
            app_actor text := nullif(current_setting('imr.actor', true), '');
            row_id integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
        BEGIN
            SELECT jsonb_object_agg(k, o -> k) FILTER (WHERE o ? k),
                   jsonb_object_agg(k, n -> k) FILTER (WHERE n ? k)
              INTO b, a
              FROM (SELECT jsonb_object_keys(o) UNION SELECT jsonb_object_keys(n)) AS keys(k)
             WHERE (o -> k) IS DISTINCT FROM (n -> k);
            IF b IS NULL AND a IS NULL THEN
                RETURN NULL;
            END IF;
            IF app_actor IS NULL AND TG_OP <> 'DELETE' AND NEW.updated_by_id IS NOT NULL THEN
                SELECT login INTO app_actor FROM technician WHERE id = NEW.updated_by_id;
            END IF;
            INSERT INTO ticket_audit (ticket_id, at, operation, db_user, actor, before, after)
            VALUES (row_id, now(), TG_OP, current_user, app_actor, b, a);
            RETURN NULL;
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER ticket_audit_row AFTER INSERT OR UPDATE OR DELETE ON ticket "
        "FOR EACH ROW EXECUTE FUNCTION imr_write_ticket_audit()"
    )
    # Only the trigger above writes audit rows: a direct INSERT from a client is refused, and
    # who/when are stamped by the database whatever the client sends.
    op.execute(
        """
        CREATE OR REPLACE FUNCTION imr_stamp_ticket_audit() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_trigger_depth() < 2
               AND coalesce(current_setting('imr.maintenance', true), '') <> 'on' THEN
                RAISE EXCEPTION 'ticket_audit is written only by the database'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            NEW.db_user := current_user;
            NEW.at := now();
            RETURN NEW;
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER ticket_audit_stamp BEFORE INSERT ON ticket_audit "
        "FOR EACH ROW EXECUTE FUNCTION imr_stamp_ticket_audit()"
    )
    # imr_refuse_change() comes from 0001 (append-only unless imr.maintenance = 'on').
    op.execute(
        "CREATE TRIGGER ticket_audit_append_only BEFORE UPDATE OR DELETE ON ticket_audit "
        "FOR EACH ROW EXECUTE FUNCTION imr_refuse_change()"
    )


# ---------------------------------------------------------------------- claims
def _claim_guard() -> None:
    op.execute(
        """
        CREATE OR REPLACE FUNCTION imr_is_plain_technician() RETURNS boolean
        LANGUAGE sql STABLE AS $$
            SELECT NOT r.rolsuper
                   AND pg_has_role(current_user, 'imr_technician', 'MEMBER')
                   AND NOT pg_has_role(current_user, 'imr_supervisor', 'MEMBER')
                   AND NOT pg_has_role(current_user, 'imr_admin', 'MEMBER')
              FROM pg_roles r
             WHERE r.rolname = current_user
        $$;
        """
    )
    op.execute(
        """
        CREATE OR REPLACE FUNCTION imr_guard_claim() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            me integer;
        BEGIN
            IF NEW.assignee_id IS NOT DISTINCT FROM OLD.assignee_id THEN
                RETURN NEW;
            END IF;
            IF coalesce(imr_is_plain_technician(), false) THEN
                SELECT id INTO me FROM technician WHERE login = current_user::text;
                IF me IS NULL OR NOT (
                       (OLD.assignee_id IS NULL AND NEW.assignee_id = me)
                    OR (OLD.assignee_id = me AND NEW.assignee_id IS NULL)) THEN
                    RAISE EXCEPTION 'a technician may only claim an unassigned ticket '
                                    'for themselves or release their own claim'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            RETURN NEW;
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER ticket_claim_guard BEFORE UPDATE OF assignee_id ON ticket "
        "FOR EACH ROW EXECUTE FUNCTION imr_guard_claim()"
    )


# ---------------------------------------------------------------------- grants
def _grants() -> None:
    roles = ", ".join(GROUP_ROLES)
    op.execute(f"GRANT USAGE ON SCHEMA public TO {roles}")

    # Administrators: everything but rewriting history.
    op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO imr_admin")
    op.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO imr_admin")

    # Supervisors: read and write everything, delete nothing.
    op.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO imr_supervisor")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO imr_supervisor")

    # Technicians: read what they work with, write tickets and the action log.
    op.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO imr_technician")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO imr_technician")
    for table in TECHNICIAN_INSERTS:
        op.execute(f"GRANT INSERT ON {table} TO imr_technician")
    op.execute("GRANT UPDATE ON ticket TO imr_technician")
    _if_table_exists(QUARANTINE, f"REVOKE ALL ON {QUARANTINE} FROM imr_technician")

    # Nobody updates or deletes the action log or the audit tables.
    for table in APPEND_ONLY:
        op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {roles}")

    # Mail intake: create records, read only what recognising a sender needs.
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO imr_intake")
    for table, columns in INTAKE_COLUMNS.items():
        op.execute(f"GRANT SELECT ({', '.join(columns)}) ON {table} TO imr_intake")
    for table in INTAKE_READS:
        op.execute(f"GRANT SELECT ON {table} TO imr_intake")
    for table in INTAKE_INSERTS:
        op.execute(f"GRANT INSERT ON {table} TO imr_intake")
    _if_table_exists(QUARANTINE, f"GRANT INSERT ON {QUARANTINE} TO imr_intake")
    _if_table_exists(QUARANTINE, f"GRANT SELECT (id, sha256) ON {QUARANTINE} TO imr_intake")
    _if_table_exists("mail_message", "GRANT INSERT ON mail_message TO imr_intake")
    _if_table_exists(
        "mail_message",
        "GRANT SELECT (id, message_id, raw_sha256, direction, ticket_id, action_id, subject, "
        "from_addr, to_addr, internal_date, created_at) ON mail_message TO imr_intake",
    )
    # The worker checks the schema version before it starts, like every other client.
    op.execute("GRANT SELECT ON alembic_version TO imr_intake")
    _intake_mail_reply()
    _contact_address_rows()

    # Tables created by later migrations: readable by desks, writable by administrators.
    default = "ALTER DEFAULT PRIVILEGES IN SCHEMA public"
    op.execute(f"{default} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO imr_admin")
    op.execute(f"{default} GRANT SELECT ON TABLES TO imr_supervisor, imr_technician")
    op.execute(
        f"{default} GRANT USAGE, SELECT ON SEQUENCES TO imr_admin, imr_supervisor, imr_technician"
    )


def _intake_mail_reply() -> None:
    """A client's mail on a ticket: the worker may bump it and reopen it, and nothing else.

    The intake role holds no UPDATE on ``ticket``; this function (run with its owner's rights)
    is the one change it may make: a new version, and resolved/closed/waiting back to
    in progress. It returns the status the ticket had.
    """
    op.execute(
        """
        CREATE OR REPLACE FUNCTION imr_intake_mail_reply(ticket_id integer) RETURNS text
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            previous text;
        BEGIN
            SELECT status INTO previous FROM ticket WHERE id = ticket_id FOR UPDATE;
            IF previous IS NULL THEN
                RETURN NULL;
            END IF;
            IF previous IN ('resolved', 'closed', 'waiting_client') THEN
                UPDATE ticket SET status = 'in_progress', resolved_at = NULL, closed_at = NULL,
                                  updated_at = now(), updated_by_id = NULL,
                                  version = version + 1
                 WHERE id = ticket_id;
            ELSE
                UPDATE ticket SET updated_at = now(), version = version + 1 WHERE id = ticket_id;
            END IF;
            RETURN previous;
        END $$;
        """
    )
    op.execute("REVOKE ALL ON FUNCTION imr_intake_mail_reply(integer) FROM PUBLIC")
    op.execute(
        "GRANT EXECUTE ON FUNCTION imr_intake_mail_reply(integer) "
        "TO imr_intake, imr_technician, imr_supervisor, imr_admin"
    )


def _contact_address_rows() -> None:
    """Contacts' addresses: the mail worker sees the email rows only, never phone numbers."""
    table = "contact_address"
    _if_table_exists(
        table, f"GRANT SELECT (id, contact_id, kind, value, position) ON {table} TO imr_intake"
    )
    _if_table_exists(table, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    _if_table_exists(
        table,
        f"CREATE POLICY imr_desks_all_rows ON {table} FOR ALL "
        "TO imr_technician, imr_supervisor, imr_admin USING (true) WITH CHECK (true)",
    )
    _if_table_exists(
        table,
        f"CREATE POLICY imr_intake_email_rows ON {table} FOR SELECT TO imr_intake "
        "USING (kind = 'email')",
    )


def _drop_contact_address_rows() -> None:
    table = "contact_address"
    _if_table_exists(table, f"DROP POLICY IF EXISTS imr_intake_email_rows ON {table}")
    _if_table_exists(table, f"DROP POLICY IF EXISTS imr_desks_all_rows ON {table}")
    _if_table_exists(table, f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")


def _if_table_exists(table: str, statement: str) -> None:
    quoted = statement.replace("'", "''")
    op.execute(
        f"""
        DO $$
        BEGIN
            IF to_regclass('public.{table}') IS NOT NULL THEN
                EXECUTE '{quoted}';
            END IF;
        END $$;
        """
    )


def _revoke_all() -> None:
    roles = ", ".join(GROUP_ROLES)
    default = "ALTER DEFAULT PRIVILEGES IN SCHEMA public"
    op.execute(f"{default} REVOKE ALL ON TABLES FROM {roles}")
    op.execute(f"{default} REVOKE ALL ON SEQUENCES FROM {roles}")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {roles}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {roles}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {roles}")
    op.execute(
        """
        DO $$
        BEGIN
            EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM imr_technician, imr_supervisor, '
                           'imr_admin, imr_intake', current_database());
        END $$;
        """
    )
