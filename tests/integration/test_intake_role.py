"""The mail worker runs connected as an intake login: column grants are enough, nothing is lost."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.cli import main
from app.data.engine import Database
from app.services.accounts import create_user, drop_login
from app.services.directory import DirectoryService
from app.services.tickets import TicketService
from tests.support import leak_scan
from tests.support.mail_corpus import KEY_USER, ticket_mail

pytestmark = pytest.mark.pg


@pytest.fixture
def intake_url(pg_db: Database, pg_url: str) -> Iterator[str]:
    """A login of the mail-intake role on the private test database, dropped afterwards."""
    login = f"t{uuid.uuid4().hex[:8]}_buzon"
    create_user(pg_db, login, "Buzón de soporte", "intake", leak_scan.INTAKE_PASSWORD)
    today = date.today()
    DirectoryService(pg_db).add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email=KEY_USER,
        key_user_name="Karla Clave",
    )
    with pg_db.engine.begin() as conn:
        conn.execute(text("UPDATE contact SET phone = '+50760001111', whatsapp = '+50760002222'"))
    try:
        yield (
            make_url(pg_url)
            .set(username=login, password=leak_scan.INTAKE_PASSWORD)
            .render_as_string(hide_password=False)
        )
    finally:
        drop_login(pg_db, login)


def _write(folder: Path, name: str, raw: bytes) -> str:
    path = folder / name
    path.write_bytes(raw)
    return str(path)


def test_intake_eml_as_the_intake_login(
    intake_url: str, pg_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ticket_mail("El servidor no arranca", "Desde esta mañana.", msgid="<a1@cliente.com.pa>")
    files = [
        _write(tmp_path, "1.eml", first),
        _write(
            tmp_path,
            "2.eml",
            ticket_mail(
                "Re: El servidor no arranca",
                "Adjunto captura.",
                msgid="<a2@cliente.com.pa>",
                extra="In-Reply-To: <a1@cliente.com.pa>",
                attachment=b"\x89PNG\r\n\x1a\n" + b"0" * 64,
            ),
        ),
        _write(tmp_path, "3.eml", first),  # the same mail delivered twice
        _write(tmp_path, "4.eml", ticket_mail("Consulta", "Hola", sender="nadie@otro.pa")),
        _write(tmp_path, "5.eml", ticket_mail("Sin remitente", "¿?", sender="")),
        _write(tmp_path, "6.eml", b""),  # nothing to read: quarantined
    ]
    code = main(["intake", "eml", "--db", intake_url, *files])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip().splitlines()[-1] == (
        "received=6 new=3 threaded=1 duplicates=1 quarantined=1"
    )
    # The desks (full rights) see what the worker recorded.
    tickets = TicketService(pg_db)
    rows = {r.subject: r for r in tickets.queue()}
    assert set(rows) == {"El servidor no arranca", "Consulta", "Sin remitente"}
    detail = tickets.get(rows["El servidor no arranca"].id)
    assert detail.contact is not None and detail.contact.email == KEY_USER
    assert not detail.row.needs_review
    assert any(a.attachments for a in detail.actions)
    assert rows["Consulta"].needs_review
    assert any("remitente" in r for r in tickets.get(rows["Sin remitente"].id).review_reasons)

    # A client's reply to a resolved ticket reopens it, still as the intake login.
    with pg_db.engine.begin() as conn:
        conn.execute(
            text("UPDATE ticket SET status = 'resolved' WHERE id = :t"),
            {"t": rows["El servidor no arranca"].id},
        )
    reply = ticket_mail(
        f"Re: [IMR-{rows['El servidor no arranca'].id}] sigue fallando",
        "No funcionó.",
        msgid="<a3@cliente.com.pa>",
    )
    code = main(["intake", "eml", "--db", intake_url, _write(tmp_path, "7.eml", reply)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "threaded=1" in out
    assert tickets.get(rows["El servidor no arranca"].id).row.status.value == "in_progress"


def test_intake_login_cannot_read_phone_numbers(intake_url: str) -> None:
    engine = create_engine(intake_url)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
            conn.execute(text("SELECT phone FROM contact"))
        assert getattr(caught.value.orig, "sqlstate", None) == "42501"
    finally:
        engine.dispose()
