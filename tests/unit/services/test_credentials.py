"""Passwords live in the keyring only; without one the console says so and asks each time."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.config import KEYRING_SERVICE, DatabaseSettings, Settings, config_dir
from app.services.accounts import scram_verifier
from app.services.credentials import (
    NO_KEYRING_MESSAGE,
    explain_connection_error,
    forget_password,
    keyring_usable,
    password_for,
    redact,
    store_password,
    stored_password,
)
from tests.support import leak_scan

PASSWORD = leak_scan.KEYRING_PASSWORD


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _settings() -> Settings:
    return Settings(
        database=DatabaseSettings(host="db.imr.pa", user="ana", database="imr", sslmode="require"),
        technician="ana",
    )


def test_keyring_stores_password_and_settings_never_contain_it(
    memory_keyring: MemoryKeyring,
) -> None:
    settings = _settings()
    asked: list[str] = []
    got = password_for(settings.database, lambda prompt: asked.append(prompt) or PASSWORD)
    assert got == PASSWORD and len(asked) == 1
    assert memory_keyring.items == {(KEYRING_SERVICE, "ana@db.imr.pa:5432/imr"): PASSWORD}
    # Asked once: the next start finds it in the keyring.
    assert password_for(settings.database, lambda prompt: pytest.fail("asked twice")) == PASSWORD
    settings.save()
    saved = Settings.path().read_text(encoding="utf-8")
    assert PASSWORD not in saved and "sslmode" in saved
    assert not leak_scan.scan([config_dir()])
    assert Settings.load().database.sslmode == "require"
    forget_password(settings.database)
    forget_password(settings.database)  # twice is harmless
    assert stored_password(settings.database) is None


def test_without_keyring_the_console_says_so_and_asks_each_time(no_keyring: None) -> None:
    settings = _settings()
    assert not keyring_usable()
    notes: list[str] = []
    asked: list[str] = []
    for _ in range(2):
        got = password_for(
            settings.database, lambda p: asked.append(p) or PASSWORD, notify=notes.append
        )
        assert got == PASSWORD
    assert len(asked) == 2
    assert notes == [NO_KEYRING_MESSAGE, NO_KEYRING_MESSAGE]
    assert "llavero" in NO_KEYRING_MESSAGE
    result = store_password(settings.database, PASSWORD)
    assert not result.stored and PASSWORD not in result.message
    assert stored_password(settings.database) is None


def test_null_backend_is_not_usable() -> None:
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        assert not keyring_usable()
        assert not store_password(_settings().database, PASSWORD).stored
    finally:
        keyring.set_keyring(previous)


def test_cancelled_prompt_returns_none(no_keyring: None) -> None:
    assert password_for(_settings().database, lambda p: None) is None
    assert password_for(DatabaseSettings(), lambda p: pytest.fail("embedded asks")) is None


@pytest.mark.parametrize(
    "message",
    [
        f"could not connect to postgresql+psycopg://ana:{PASSWORD}@db.imr.pa:5432/imr",
        f"conninfo: host=db.imr.pa user=ana password={PASSWORD} sslmode=require",
        f"conninfo: host=db password='{PASSWORD}' dbname=imr",
        f"Password={PASSWORD}",
    ],
)
def test_redact_removes_passwords(message: str) -> None:
    clean = redact(message)
    assert PASSWORD not in clean and "***" in clean


def test_redact_removes_explicit_secrets_and_keeps_the_rest() -> None:
    assert redact(f"falló con {PASSWORD} al final", [PASSWORD, None]) == "falló con *** al final"
    assert redact("postgresql://ana@db/imr") == "postgresql://ana@db/imr"


def test_connection_errors_get_a_spanish_hint() -> None:
    tls = explain_connection_error("server does not support SSL, but SSL was required")
    assert "TLS" in tls and "sslmode" in tls
    assert "contraseña incorrectos" in explain_connection_error(
        'password authentication failed for user "ana"'
    )


def test_scram_verifier_matches_rfc_7677_exchange() -> None:
    """Verify the stored key as PostgreSQL does, with the RFC 7677 example exchange."""
    salt = base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ==")
    verifier = scram_verifier("pencil", salt=salt, iterations=4096)
    head, keys = verifier.split("$", 1)[1].split("$")
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    assert head == f"4096:{base64.b64encode(salt).decode()}"
    nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
    auth = (
        f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
        f"c=biws,r={nonce}"
    ).encode()
    proof = base64.b64decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    signature = hmac.new(stored_key, auth, "sha256").digest()
    client_key = bytes(a ^ b for a, b in zip(proof, signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key
    assert base64.b64encode(hmac.new(server_key, auth, "sha256").digest()).decode() == (
        "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    )
