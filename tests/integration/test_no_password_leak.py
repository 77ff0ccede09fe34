"""No password in output, logs, settings, exception messages; TLS failures explained in Spanish."""

from __future__ import annotations

import io
import logging
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.cli import main
from app.data.engine import Database
from app.services.accounts import drop_login
from app.services.bootstrap import open_services
from app.services.errors import DatabaseUnavailable
from tests.support import leak_scan

pytestmark = pytest.mark.pg


def _cli(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_create_user_command_leaks_no_password(
    pg_db: Database,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    login = f"t{uuid.uuid4().hex[:8]}_cli"
    password = leak_scan.ADMIN_PASSWORD
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    try:
        base = ["db", "create-user", login, "--role", "admin", "--db", pg_url]
        code = _cli(
            [*base, "--name", "Ada  Admin", "--password-stdin"], password + "\n", monkeypatch
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        assert f"Usuario «{login}» creado (administrador)" in out
        assert "CREATE ROLE" in caplog.text  # statements were logged...
        assert "SCRAM-SHA-256$" in caplog.text  # ...with the verifier only
        again = _cli([*base, "--password-stdin"], password + "\n", monkeypatch)
        out, err = capsys.readouterr()
        assert again == 3
        assert err.count("\n") == 1 and err.startswith("imr-console: Ya existe")
        no_tty = _cli(base, "", monkeypatch)
        out2, err2 = capsys.readouterr()
        assert no_tty == 2 and "--password-stdin" in err2
        for text in (out, err, out2, err2, caplog.text):
            assert not leak_scan.find_in_text(text)
    finally:
        drop_login(pg_db, login)


def test_create_user_rejects_bad_role_with_one_line(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        _cli(["db", "create-user", "nuevo", "--role", "dios", "--db", pg_url], "", monkeypatch)
    assert "dios" in capsys.readouterr().err


def _tls_url(pg_url: str) -> str:
    url = make_url(pg_url).set(password=leak_scan.URL_PASSWORD)
    return url.update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)


def _server_has_ssl(pg_url: str) -> bool:
    from sqlalchemy import text

    db = Database(pg_url)
    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SHOW ssl")).scalar() == "on"
    finally:
        db.dispose()


def test_sslmode_require_is_explained_without_the_password(pg_url: str) -> None:
    url = _tls_url(pg_url)
    if _server_has_ssl(pg_url):  # a TLS-enabled server simply works
        services = open_services(url, migrate=False)
        try:
            assert services.tickets.queue() is not None
        finally:
            services.close()
        return
    with pytest.raises(DatabaseUnavailable) as opened:
        open_services(url, migrate=True)
    services = open_services(url)  # PostgreSQL is not migrated on open: fails on first use
    try:
        with pytest.raises(DatabaseUnavailable) as used:
            services.tickets.queue()
    finally:
        services.close()
    for error in (opened.value, used.value):
        assert "sslmode" in error.message and "TLS" in error.message
        assert not leak_scan.find_in_text(error.message)
        assert not leak_scan.find_in_text(str(error))
        assert "***" in error.message


def test_settings_logs_and_home_folders_hold_no_test_password(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Everything this session wrote so far under pytest's temp root (all IMR_CONSOLE_HOMEs)."""
    home = Path(os.environ["IMR_CONSOLE_HOME"])
    assert not leak_scan.scan([home])
    assert not leak_scan.scan([tmp_path_factory.getbasetemp()])
