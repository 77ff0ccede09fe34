"""Settings and folders (platformdirs); passwords never live here, only in the OS keyring."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

APP_NAME = "imr-console"
APP_AUTHOR = "IMR"
KEYRING_SERVICE = "imr-console"


def _home_override() -> Path | None:
    value = os.environ.get("IMR_CONSOLE_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    override = _home_override()
    path = (
        override / "config"
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    override = _home_override()
    path = override / "data" if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_sqlite_url() -> str:
    return f"sqlite:///{data_dir() / 'imr-console.sqlite3'}"


@dataclass
class DatabaseSettings:
    """A shared PostgreSQL server; empty host means the embedded SQLite database."""

    host: str = ""
    port: int = 5432
    database: str = "imr"
    user: str = ""
    sslmode: str = "prefer"

    @property
    def is_embedded(self) -> bool:
        return not self.host

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        if self.is_embedded:
            return default_sqlite_url()
        url = URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": self.sslmode} if self.sslmode else {},
        )
        return url.render_as_string(hide_password=False)


@dataclass
class MailSettings:
    """Outgoing mail (SMTP) for replies from the console; empty host: replying is off.

    The password lives in the OS keyring under ``smtp:<user>@<host>:<port>``.
    """

    host: str = ""
    port: int = 587
    security: str = "starttls"  # "none", "ssl" or "starttls"
    user: str = ""
    from_addr: str = "soporte@imr.com.pa"

    @property
    def configured(self) -> bool:
        return bool(self.host.strip())

    @property
    def keyring_key(self) -> str:
        return f"smtp:{self.user}@{self.host}:{self.port}"


@dataclass
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    technician: str = ""
    language: str = "es"
    alerts_sound: bool = True
    mail: MailSettings = field(default_factory=MailSettings)

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        db = DatabaseSettings(
            **{
                k: v
                for k, v in raw.get("database", {}).items()
                if k in DatabaseSettings.__dataclass_fields__
            }
        )
        mail_raw = raw.get("mail", {})
        mail = MailSettings(
            **{
                k: v
                for k, v in (mail_raw if isinstance(mail_raw, dict) else {}).items()
                if k in MailSettings.__dataclass_fields__
            }
        )
        return cls(
            database=db,
            technician=str(raw.get("technician", "")),
            language=str(raw.get("language", "es")),
            alerts_sound=bool(raw.get("alerts_sound", True)),
            mail=mail,
        )

    def save(self) -> None:
        path = self.path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def resolve_db_url(
    explicit: str | None = None, settings: Settings | None = None, password: str | None = None
) -> str:
    """--db URL, then IMR_DB_URL, then the settings file, else the embedded SQLite database."""
    if explicit:
        return explicit
    env = os.environ.get("IMR_DB_URL")
    if env:
        return env
    settings = settings or Settings.load()
    if not settings.database.is_embedded and password is None:
        password = get_password(settings.database)
    return settings.database.url(password)


def url_is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def get_password(db: DatabaseSettings) -> str | None:
    """The database password from the OS keyring; None when absent or no keyring exists."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, db.keyring_key)
        except KeyringError:
            return None
    except Exception:  # a broken keyring backend must not stop start-up
        return None
