"""The database itself refuses what a role may not do (real PostgreSQL, per-person logins)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.accounts import create_user, drop_login
from app.services.directory import DirectoryService
from app.services.errors import Conflict, InvalidInput, PermissionDenied
from app.services.tickets import OpenTicketRequest, TicketService
from tests.support import leak_scan

pytestmark = pytest.mark.pg


@dataclass
class People:
    admin_db: Database
    url: str
    tech: str
    other: str
    sup: str
    intake: str
    engines: list[Engine]

    def login_url(self, login: str, password: str) -> str:
        return (
            make_url(self.url)
            .set(username=login, password=password)
            .render_as_string(hide_password=False)
        )

    def engine(self, login: str) -> Engine:
        engine = create_engine(self.login_url(login, leak_scan.TECHNICIAN_PASSWORD))
        self.engines.append(engine)
        return engine

    def database(self, login: str) -> Database:
        db = Database(self.login_url(login, leak_scan.TECHNICIAN_PASSWORD))
        self.engines.append(db.engine)
        return db


@pytest.fixture
def people(pg_db: Database, pg_url: str) -> Iterator[People]:
    """Two technicians, a supervisor and the intake account, each with a unique login."""
    suffix = uuid.uuid4().hex[:8]
    logins = {
        "tech": (f"t{suffix}_ana", "technician", leak_scan.TECHNICIAN_PASSWORD),
        "other": (f"t{suffix}_beto", "technician", leak_scan.TECHNICIAN_PASSWORD),
        "sup": (f"t{suffix}_sara", "supervisor", leak_scan.SUPERVISOR_PASSWORD),
        "intake": (f"t{suffix}_buzon", "intake", leak_scan.INTAKE_PASSWORD),
    }
    created: list[str] = []
    engines: list[Engine] = []
    try:
        for key, (login, role, password) in logins.items():
            create_user(pg_db, login, f"Persona {key}", role, password)
            created.append(login)
        today = date.today()
        DirectoryService(pg_db).add_client(
            "Cliente Vigente",
            contract_from=today - timedelta(days=30),
            contract_until=today + timedelta(days=300),
            key_user_email="clave@vigente.pa",
            key_user_name="Karla Clave",
        )
        with pg_db.engine.begin() as conn:
            conn.execute(
                text("UPDATE contact SET phone = '+50760001111', whatsapp = '+50760002222'")
            )
        yield People(
            pg_db,
            pg_url,
            logins["tech"][0],
            logins["other"][0],
            logins["sup"][0],
            logins["intake"][0],
            engines,
        )
    finally:
        for engine in engines:
            engine.dispose()
        for login in created:
            drop_login(pg_db, login)


def _open(db: Database, actor: str | None) -> int:
    request = OpenTicketRequest(
        channel=Channel.EMAIL,
        priority=Priority.ALTO,
        subject="No imprime",
        requester_address="clave@vigente.pa",
    )
    return TicketService(db).open(request, actor).id


def _ids(people: People) -> dict[str, int]:
    with people.admin_db.engine.connect() as conn:
        rows = conn.execute(text("SELECT login, id FROM technician")).all()
    return {login: tid for login, tid in rows}


def _refused(engine: Engine, sql: str, **params: object) -> None:
    with engine.connect() as conn:
        with pytest.raises(DBAPIError) as caught:
            conn.execute(text(sql), params)
        conn.rollback()
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value.orig


# ----------------------------------------------------------------- technicians
FORBIDDEN_FOR_TECHNICIANS = {
    "update an action": "UPDATE ticket_action SET text = 'borrado'",
    "delete an action": "DELETE FROM ticket_action",
    "truncate the action log": "TRUNCATE ticket_action",
    "delete a ticket": "DELETE FROM ticket",
    "change a calendar": "UPDATE calendar_setting SET label = 'x'",
    "add a closure day": "INSERT INTO calendar_closure (calendar_id, day, reason) "
    "VALUES (1, DATE '2030-01-02', 'x')",
    "change the SLA policy": "UPDATE sla_assignment SET calendar_id = 2",
    "edit a contract": "UPDATE contract SET ends_on = DATE '2099-12-31'",
    "delete a contract": "DELETE FROM contract",
    "edit a contact": "UPDATE contact SET email = 'yo@ejemplo.com'",
    "change app settings": "UPDATE app_setting SET value = '1'",
    "edit the audit log": "UPDATE audit_log SET actor = 'nadie'",
    "delete the audit log": "DELETE FROM audit_log",
    "forge a ticket audit row": "INSERT INTO ticket_audit (ticket_id, at, operation, db_user) "
    "VALUES (1, now(), 'UPDATE', 'nadie')",
    "delete the ticket audit": "DELETE FROM ticket_audit",
    "create a technician": "INSERT INTO technician (login, name, role, active, on_shift, "
    "created_at) VALUES ('x', 'x', 'admin', true, true, now())",
    "read quarantined mail": "SELECT * FROM mail_quarantine",
}


@pytest.mark.parametrize(
    "sql", FORBIDDEN_FOR_TECHNICIANS.values(), ids=FORBIDDEN_FOR_TECHNICIANS.keys()
)
def test_technician_forbidden_statement_is_refused(people: People, sql: str) -> None:
    _open(people.admin_db, people.other)
    _refused(people.engine(people.tech), sql)


def test_maintenance_setting_does_not_help_a_technician(people: People) -> None:
    _open(people.admin_db, people.other)
    with people.engine(people.tech).connect() as conn:
        conn.execute(text("SET imr.maintenance = 'on'"))
        with pytest.raises(DBAPIError) as caught:
            conn.execute(text("UPDATE ticket_action SET text = 'x'"))
    assert caught.value.orig is not None
    assert getattr(caught.value.orig, "sqlstate", None) == "42501"


def test_technician_cannot_steal_release_or_hand_out_claims(people: People) -> None:
    ids = _ids(people)
    claimed = _open(people.admin_db, people.other)
    TicketService(people.admin_db).claim(claimed, people.other)
    free = _open(people.admin_db, people.other)
    engine = people.engine(people.tech)
    steal = "UPDATE ticket SET assignee_id = :me WHERE id = :t"
    _refused(engine, steal, me=ids[people.tech], t=claimed)
    _refused(engine, "UPDATE ticket SET assignee_id = NULL WHERE id = :t", t=claimed)
    _refused(
        engine, "UPDATE ticket SET assignee_id = :o WHERE id = :t", o=ids[people.other], t=free
    )
    # ...while claiming a free ticket and releasing one's own works in plain SQL.
    with engine.begin() as conn:
        conn.execute(text(steal), {"me": ids[people.tech], "t": free})
        conn.execute(text("UPDATE ticket SET assignee_id = NULL WHERE id = :t"), {"t": free})


def test_technician_works_a_ticket_through_the_services(people: People) -> None:
    svc = TicketService(people.database(people.tech))
    ticket_id = _open(svc.db, people.tech)
    svc.claim(ticket_id, people.tech)
    svc.log_action(
        ticket_id, people.tech, ActionKind.EMAIL_OUT, "Respondimos al cliente", is_contact=True
    )
    svc.set_status(ticket_id, TicketStatus.WAITING_CLIENT, people.tech)
    done = svc.resolve(ticket_id, "Se reinstaló el controlador", people.tech)
    assert done.row.status is TicketStatus.RESOLVED
    assert done.row.first_contact_at is not None
    released = svc.release(ticket_id, people.tech)
    assert released.row.assignee_login is None


def test_database_refuses_what_a_fooled_service_would_allow(people: People) -> None:
    """Even if the technician row claims 'supervisor', the PostgreSQL role decides."""
    ticket_id = _open(people.admin_db, people.other)
    TicketService(people.admin_db).claim(ticket_id, people.other)
    with people.admin_db.engine.begin() as conn:
        conn.execute(
            text("UPDATE technician SET role = 'supervisor' WHERE login = :l"), {"l": people.tech}
        )
    svc = TicketService(people.database(people.tech))
    with pytest.raises(PermissionDenied, match="no permite"):
        svc.reassign(ticket_id, people.tech, people.tech)
    with pytest.raises(PermissionDenied):
        svc.release(ticket_id, people.tech)
    assert svc.get(ticket_id).row.assignee_login == people.other


# ----------------------------------------------------------------- supervisors
def test_supervisor_reassigns_and_edits_calendars_but_deletes_nothing(people: People) -> None:
    ticket_id = _open(people.admin_db, people.other)
    TicketService(people.admin_db).claim(ticket_id, people.other)
    svc = TicketService(people.database(people.sup))
    assert svc.reassign(ticket_id, people.tech, people.sup).row.assignee_login == people.tech
    engine = people.engine(people.sup)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE calendar_setting SET label = 'Horario de oficina IMR' WHERE name = 'office'"
            )
        )
        conn.execute(
            text(
                "INSERT INTO calendar_closure (calendar_id, day, reason) "
                "VALUES (1, DATE '2030-01-02', 'Inventario')"
            )
        )
        conn.execute(text("UPDATE sla_assignment SET calendar_id = 2 WHERE priority = 1"))
        conn.execute(text("SELECT count(*) FROM mail_quarantine"))
    _refused(engine, "DELETE FROM calendar_closure")
    _refused(engine, "DELETE FROM ticket")
    _refused(engine, "UPDATE ticket_action SET text = 'x'")


# ----------------------------------------------------------------- intake
def test_intake_reads_only_what_it_needs(people: People) -> None:
    engine = people.engine(people.intake)
    for sql in (
        "SELECT phone FROM contact",
        "SELECT whatsapp FROM contact",
        "SELECT * FROM contact",
        "SELECT email FROM technician",
        "SELECT * FROM technician",
        "SELECT tax_id FROM client",
        "SELECT description FROM ticket",
        "SELECT raw FROM mail_quarantine",
        "UPDATE ticket SET status = 'closed'",
        "DELETE FROM ticket",
        "UPDATE contact SET email = 'x'",
    ):
        _refused(engine, sql)
    with engine.begin() as conn:
        emails = conn.execute(text("SELECT id, client_id, email FROM contact")).all()
        assert [e[2] for e in emails] == ["clave@vigente.pa"]
        assert conn.execute(text("SELECT id, login FROM technician")).all()
        assert conn.execute(text("SELECT starts_on, ends_on FROM contract")).all()
        if conn.execute(text("SELECT to_regclass('public.contact_address')")).scalar():
            kinds = set(conn.execute(text("SELECT kind FROM contact_address")).scalars())
            assert kinds <= {"email"}


def test_intake_creates_tickets_actions_and_quarantine_records(people: People) -> None:
    engine = people.engine(people.intake)
    with engine.begin() as conn:
        ticket_id = conn.execute(
            text(
                "INSERT INTO ticket (subject, description, requester_name, requester_address, "
                "channel, priority, status, received_at, created_at, calendar_name, "
                "target_minutes, "
                "first_contact_due, solution, needs_review, review_reasons, updated_at, version) "
                "VALUES ('Correo', '', '', 'x@y.pa', 'email', 3, 'new', now(), now(), 'office', "
                "720, now(), '', true, '', now(), 1) RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO ticket_action (uid, ticket_id, kind, occurred_at, created_at, text, "
                "is_contact, details) "
                "VALUES (:u, :t, 'email_in', now(), now(), 'hola', false, '{}')"
            ),
            {"u": uuid.uuid4().hex, "t": ticket_id},
        )
        conn.execute(
            text(
                "INSERT INTO mail_quarantine (received_at, reason, source, raw, sha256) "
                "VALUES (now(), 'ilegible', 'INBOX', '\\x00'::bytea, :h)"
            ),
            {"h": uuid.uuid4().hex},
        )


# ----------------------------------------------------------------- audit
def test_every_ticket_change_is_audited_in_the_same_transaction(people: People) -> None:
    svc = TicketService(people.database(people.tech))
    ticket_id = _open(svc.db, people.tech)
    svc.claim(ticket_id, people.tech)
    engine = people.engine(people.tech)
    with engine.connect() as conn:
        conn.execute(text("SET LOCAL imr.actor = 'escritorio-7'"))
        conn.execute(text("UPDATE ticket SET priority = 1 WHERE id = :t"), {"t": ticket_id})
        conn.rollback()  # the change and its audit row vanish together
    with people.admin_db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT operation, db_user, actor, before, after FROM ticket_audit "
                "WHERE ticket_id = :t ORDER BY id"
            ),
            {"t": ticket_id},
        ).all()
    assert [r.operation for r in rows] == ["INSERT", "UPDATE"]
    claim = rows[1]
    assert claim.db_user == people.tech and claim.actor == people.tech
    assert claim.before["assignee_id"] is None
    assert claim.after["assignee_id"] == _ids(people)[people.tech]
    assert claim.before["status"] == "new" and claim.after["status"] == "assigned"
    assert "subject" not in claim.after  # only the changed columns
    with people.admin_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL imr.actor = 'escritorio-7'"))
        conn.execute(text("UPDATE ticket SET priority = 1 WHERE id = :t"), {"t": ticket_id})
        last = conn.execute(
            text("SELECT actor, before, after FROM ticket_audit ORDER BY id DESC LIMIT 1")
        ).one()
    assert last.actor == "escritorio-7"
    assert last.before == {"priority": 2} and last.after == {"priority": 1}


def test_audit_rows_refuse_change_even_for_the_owner(people: People) -> None:
    _open(people.admin_db, None)
    with people.admin_db.engine.connect() as conn:
        for sql in (
            "UPDATE ticket_audit SET actor = 'x'",
            "DELETE FROM ticket_audit",
            "INSERT INTO ticket_audit (ticket_id, at, operation, db_user) "
            "VALUES (1, now(), 'UPDATE', 'x')",
        ):
            with pytest.raises(DBAPIError, match="ticket_audit"):
                conn.execute(text(sql))
            conn.rollback()
        conn.execute(text("SET imr.maintenance = 'on'"))
        assert conn.execute(text("DELETE FROM ticket_audit")).rowcount >= 1  # type: ignore[attr-defined]
        conn.rollback()


# ----------------------------------------------------------------- accounts
def test_create_user_errors_are_typed(people: People) -> None:
    with pytest.raises(Conflict):
        create_user(
            people.admin_db, people.tech, "Otra", "technician", leak_scan.TECHNICIAN_PASSWORD
        )
    with pytest.raises(InvalidInput):
        create_user(people.admin_db, "Robert'); DROP TABLE ticket;--", "x", "technician", "p")
    with pytest.raises(InvalidInput):
        create_user(people.admin_db, "imr_admin", "x", "admin", "p")
    with pytest.raises(InvalidInput):
        create_user(people.admin_db, "nuevo", "x", "dios", "p")
    with pytest.raises(PermissionDenied):
        create_user(
            people.database(people.tech),
            f"{people.tech}x",
            "x",
            "technician",
            leak_scan.TECHNICIAN_PASSWORD,
        )
    with people.admin_db.engine.connect() as conn:
        member = conn.execute(
            text(
                "SELECT pg_has_role(:l, 'imr_technician', 'MEMBER'), "
                "(SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = :l)"
            ),
            {"l": people.tech},
        ).one()
    assert member[0] is True and member[1] is False
