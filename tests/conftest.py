"""Fixtures: real SQLite and PostgreSQL databases, an isolated settings folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.data.engine import Database
from tests.support import databases as dbs

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, data folder and keyring never touch the real user profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("IMR_CONSOLE_HOME", str(home))
    monkeypatch.delenv("IMR_DB_URL", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A private, migrated PostgreSQL database for this test session.

    With CI=true an unreachable server fails the run; elsewhere the test is skipped.
    """
    reason = dbs.pg_reachable()
    if reason is not None:
        message = f"PostgreSQL unreachable at {dbs.PG_ADMIN_URL}: {reason}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    url = dbs.create_pg_database()
    yield url
    dbs.drop_pg_database(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dbs.create_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = Database(pg_url)
    dbs.reset_pg(db)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    db = Database(dbs.sqlite_copy(sqlite_template, tmp_path))
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db(request: pytest.FixtureRequest) -> Database:
    """Every service test runs on both storage engines."""
    name = "sqlite_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(name)
