"""IMAP worker for one mailbox: IDLE when offered, else poll; one worker per mailbox (lock);
a message is marked processed on the server only after the database commit that recorded it."""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import logging
import os
import re
import select
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.config import data_dir
from app.data.engine import Database
from app.intake.ack import secret
from app.intake.pipeline import IntakeCounts, IntakePipeline, IntakeResult
from app.services.errors import Conflict, DatabaseUnavailable, InvalidInput

log = logging.getLogger(__name__)
IMAP_PASSWORD_ENV = "IMR_IMAP_PASSWORD"
_INTERNALDATE_RE = re.compile(rb'INTERNALDATE "([^"]+)"')
_UID_RE = re.compile(rb"UID (\d+)")


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int = 993
    security: str = "ssl"  # "ssl", "starttls" or "none"
    user: str = ""
    mailbox: str = "INBOX"
    processed_folder: str | None = None  # None: mark \Seen and leave in place
    poll_seconds: float = 60.0
    idle_seconds: float = 600.0  # re-issue IDLE well under the 29-minute server limit
    timeout: float = 60.0
    verify_tls: bool = True

    @property
    def keyring_key(self) -> str:
        return f"imap:{self.user}@{self.host}:{self.port}"

    @property
    def lock_key(self) -> str:
        return f"{self.user.lower()}@{self.host.lower()}:{self.port}/{self.mailbox}"


# ------------------------------------------------------------------ one worker per mailbox
@contextlib.contextmanager
def mailbox_lock(db: Database, key: str) -> Iterator[None]:
    """PostgreSQL: a session advisory lock; SQLite: an OS lock on a file. Conflict when held."""
    if db.is_postgres:
        lock_id = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        conn = db.engine.connect()
        try:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_id}).scalar()
            conn.commit()
            if not got:
                raise Conflict(
                    "Otro proceso ya atiende el buzón {mailbox}.", params={"mailbox": key}
                )
            try:
                yield
            finally:
                with contextlib.suppress(Exception):
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_id})
                    conn.commit()
        finally:
            conn.close()
        return
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = Path(data_dir()) / f"intake-{name}.lock"
    handle = open(path, "a+b")  # noqa: SIM115
    try:
        try:
            _lock_file(handle)
        except OSError as error:
            raise Conflict(
                "Otro proceso ya atiende el buzón {mailbox}.", params={"mailbox": key}
            ) from error
        yield
    finally:
        handle.close()  # closing releases the OS lock, also when the process dies


def _lock_file(handle: object) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ the worker
class ImapWorker:
    def __init__(
        self,
        db: Database,
        settings: ImapSettings,
        pipeline: IntakePipeline,
        *,
        password: str | None = None,
        on_result: Callable[[IntakeResult], None] | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.pipeline = pipeline
        self.password = password
        self.on_result = on_result
        self.counts = IntakeCounts()
        self.stop_event = threading.Event()
        self._imap: imaplib.IMAP4 | None = None

    def _password(self) -> str:
        password = self.password or secret(self.settings.keyring_key, IMAP_PASSWORD_ENV)
        if not password:
            raise InvalidInput(
                "No hay contraseña IMAP para {user}: guárdela en el llavero del "
                "sistema o, para la cuenta de servicio, en la variable {variable}.",
                params={"user": self.settings.user, "variable": IMAP_PASSWORD_ENV},
            )
        return password

    def connect(self) -> imaplib.IMAP4:
        s = self.settings
        context = ssl.create_default_context()
        if not s.verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        try:
            if s.security == "ssl":
                imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    s.host, s.port, ssl_context=context, timeout=s.timeout
                )
            else:
                imap = imaplib.IMAP4(s.host, s.port, timeout=s.timeout)
                if s.security == "starttls":
                    imap.starttls(ssl_context=context)
            imap.login(s.user, self._password())
            typ, data = imap.select(_quote(s.mailbox))
            if typ != "OK":
                raise InvalidInput(
                    "No se pudo abrir el buzón {mailbox}: {answer}",
                    params={"mailbox": s.mailbox, "answer": repr(data)},
                )
            if s.processed_folder:
                imap.create(_quote(s.processed_folder))  # harmless when it exists
        except (OSError, imaplib.IMAP4.error) as error:
            raise DatabaseUnavailable(
                "No se pudo conectar al servidor IMAP {host}:{port}: {error}",
                params={"host": s.host, "port": s.port, "error": str(error)},
            ) from error
        self._imap = imap
        return imap

    def close(self) -> None:
        if self._imap is not None:
            with contextlib.suppress(Exception):
                self._imap.logout()
            self._imap = None

    def run(self, *, once: bool = False) -> IntakeCounts:
        """Process the mailbox until stopped (``once``: one batch, then return)."""
        with mailbox_lock(self.db, self.settings.lock_key):
            imap = self.connect()
            try:
                while not self.stop_event.is_set():
                    self.process_batch(imap)
                    if once:
                        break
                    self._wait(imap)
            finally:
                self.close()
        return self.counts

    def process_batch(self, imap: imaplib.IMAP4) -> int:
        typ, data = imap.uid("SEARCH", "UNSEEN")
        if typ != "OK":
            raise DatabaseUnavailable(
                "El servidor IMAP rechazó la búsqueda: {answer}", params={"answer": repr(data)}
            )
        uids = data[0].split() if data and data[0] else []
        done = 0
        for uid in uids:
            if self.stop_event.is_set():
                break
            self.process_uid(imap, uid.decode())
            done += 1
        return done

    def process_uid(self, imap: imaplib.IMAP4, uid: str) -> IntakeResult | None:
        typ, data = imap.uid("FETCH", uid, "(INTERNALDATE BODY.PEEK[])")
        if typ != "OK" or not data:
            return None
        raw, meta = b"", b""
        for item in data:
            if isinstance(item, tuple):
                meta, raw = item[0], item[1]
                break
        internal = _internal_date(meta)
        self.counts.received += 1
        try:
            result = self.pipeline.process(
                raw, internal_date=internal, source=f"imap:{self.settings.mailbox}/{uid}"
            )
        except DatabaseUnavailable:
            self.counts.received -= 1  # not recorded: left unseen, retried on the next pass
            raise
        self.counts.add(result.outcome)
        if result.acknowledged:
            self.counts.acknowledged += 1
        self._after_commit(result)
        self.mark_processed(imap, uid)
        return result

    def _after_commit(self, result: IntakeResult) -> None:
        if self.on_result is not None:
            self.on_result(result)

    def mark_processed(self, imap: imaplib.IMAP4, uid: str) -> None:
        folder = self.settings.processed_folder
        if folder:
            caps = {c.upper() for c in imap.capabilities}
            if "MOVE" in caps:
                typ, _ = imap.uid("MOVE", uid, _quote(folder))
                if typ == "OK":
                    return
            typ, _ = imap.uid("COPY", uid, _quote(folder))
            if typ == "OK":
                imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen \Deleted)")
                if "UIDPLUS" in caps:
                    imap.uid("EXPUNGE", uid)
                else:
                    imap.expunge()
                return
        imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen)")

    # ----------------------------------------------------------------- waiting
    def _wait(self, imap: imaplib.IMAP4) -> None:
        if "IDLE" in {c.upper() for c in imap.capabilities}:
            try:
                idle(imap, self.settings.idle_seconds, self.stop_event)
                return
            except (OSError, imaplib.IMAP4.error) as error:
                log.warning("IDLE failed, polling instead: %s", error)
        self.stop_event.wait(self.settings.poll_seconds)
        imap.noop()


def idle(imap: imaplib.IMAP4, timeout: float, stop: threading.Event | None = None) -> bool:
    """RFC 2177 IDLE by hand (imaplib has no idle() before 3.14). True when the mailbox changed."""
    tag = imap._new_tag()
    imap.send(tag + b" IDLE\r\n")
    line = imap.readline()
    if not line.startswith(b"+"):
        raise imaplib.IMAP4.error(f"IDLE refused: {line!r}")
    sock = imap.socket()
    changed = False
    deadline = time.monotonic() + timeout
    # select() instead of a socket timeout: a timed-out socket file cannot be read again.
    while time.monotonic() < deadline and not (stop is not None and stop.is_set()):
        pending = isinstance(sock, ssl.SSLSocket) and sock.pending() > 0
        if not pending:
            ready, _, _ = select.select([sock], [], [], min(1.0, deadline - time.monotonic()))
            if not ready:
                continue
        line = imap.readline()
        if not line:
            raise imaplib.IMAP4.abort("connection closed during IDLE")
        if b"EXISTS" in line or b"RECENT" in line:
            changed = True
            break
    imap.send(b"DONE\r\n")
    while True:
        line = imap.readline()
        if not line:
            raise imaplib.IMAP4.abort("connection closed after IDLE")
        if line.startswith(tag):
            break
    return changed


def _internal_date(meta: bytes) -> datetime | None:
    match = _INTERNALDATE_RE.search(meta)
    if not match:
        return None
    try:
        value = datetime.strptime(match.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None
    return value.astimezone(UTC)


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
