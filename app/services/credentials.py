"""Database passwords: kept in the OS keyring only, never in settings, logs or messages."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.config import KEYRING_SERVICE, DatabaseSettings
from app.services.errors import Worded

NO_KEYRING_MESSAGE = (
    "Este equipo no tiene un llavero del sistema disponible: la contraseña no se guardará "
    "y se le pedirá cada vez que abra la consola."
)
_UNUSABLE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null")

# scheme://user:password@host  →  scheme://user:***@host
_URL_PASSWORD = re.compile(r"(?P<head>[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)(?P<pw>[^@\s]+)(?=@)")
# libpq key/value style: password=secret  or  password='se cret'
_KV_PASSWORD = re.compile(r"(?i)(?P<head>\bpassword\s*=\s*)(?P<pw>'(?:[^'\\]|\\.)*'|\S+)")
MASK = "***"


def redact(message: str, secrets: Iterable[str | None] = ()) -> str:
    """The message with passwords removed from URLs, conninfo strings and the given secrets."""
    result = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, message)
    result = _KV_PASSWORD.sub(lambda m: m.group("head") + MASK, result)
    for secret in secrets:
        if secret:
            result = result.replace(secret, MASK)
    return result


def explain_connection_error(detail: str) -> str:
    """The server's reason, without secrets, with a Spanish hint for the usual causes."""
    return connection_error_detail(detail).label


def connection_error_detail(detail: str) -> Worded:
    """The server's reason, without secrets, with a hint for the usual causes in Spanish and
    English (a param of the database errors; the server's own words stay as it wrote them)."""
    clean = redact(detail)
    lowered = clean.lower()
    if "ssl" in lowered or "tls" in lowered:
        return Worded(
            f"{clean} — la conexión cifrada (TLS) no está disponible en el servidor; "
            "revise «sslmode» en la configuración de la base de datos.",
            f"{clean} — the server does not offer an encrypted (TLS) connection; "
            "check “sslmode” in the database settings.",
        )
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return Worded(
            f"{clean} — usuario o contraseña incorrectos.", f"{clean} — wrong user or password."
        )
    return Worded(clean, clean)


@dataclass(frozen=True)
class StoreResult:
    stored: bool
    message: str  # Spanish, ready for the screen


def keyring_usable() -> bool:
    """True when a real keyring backend (not the fail/null placeholders) is configured."""
    backend = _backend()
    if backend is None:
        return False
    module = type(backend).__module__
    if module.startswith(_UNUSABLE_BACKENDS):
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:  # a backend whose priority check itself fails is not usable
        return False


def stored_password(db: DatabaseSettings) -> str | None:
    if not keyring_usable():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, db.keyring_key)
    except Exception:  # a locked or broken keyring behaves as "not stored"
        return None


def store_password(db: DatabaseSettings, password: str) -> StoreResult:
    """Save the password in the keyring; without a usable keyring say so and keep nothing."""
    if not keyring_usable():
        return StoreResult(False, NO_KEYRING_MESSAGE)
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, db.keyring_key, password)
    except Exception as error:
        detail = redact(str(error), [password]).splitlines()[0] if str(error) else ""
        return StoreResult(
            False,
            "No se pudo guardar la contraseña en el llavero del sistema"
            + (f" ({detail})" if detail else "")
            + "; se le pedirá cada vez.",
        )
    return StoreResult(True, "Contraseña guardada en el llavero del sistema.")


def forget_password(db: DatabaseSettings) -> None:
    if not keyring_usable():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, db.keyring_key)


def password_for(
    db: DatabaseSettings,
    ask: Callable[[str], str | None],
    notify: Callable[[str], None] | None = None,
) -> str | None:
    """The stored password, or ask once and store it; None when the user cancels.

    Without a usable keyring the user is told so (``notify``) and asked again next time.
    """
    if db.is_embedded:
        return None
    existing = stored_password(db)
    if existing:
        return existing
    password = ask(f"Contraseña de {db.user or 'su usuario'} en {db.host}:{db.port}/{db.database}")
    if not password:
        return None
    result = store_password(db, password)
    if notify is not None and not result.stored:
        notify(result.message)
    return password


def _backend() -> object | None:
    try:
        import keyring

        return keyring.get_keyring()
    except Exception:  # no backend at all
        return None
