"""Change feed: PostgreSQL LISTEN on ``imr_changes``; SQLite polls ``PRAGMA data_version``.

Besides ticket changes, the feed announces SLA settings changes (``table="app_setting"``,
``what="policy"``) so desks reload their calendars: see :func:`policy_changed`.

Both expose the same small interface (``connect``, ``fileno``, ``drain``, ``close``) so a desk, the
``watch`` command and the benchmarks treat them alike. ``drain`` never blocks.
"""

from __future__ import annotations

import contextlib
import json
import select
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

import psycopg
from psycopg import pq
from sqlalchemy.engine import make_url

CHANNEL = "imr_changes"
POLICY_EVENT = ("app_setting", "policy")  # (table, what) of an SLA settings change
_POLICY_STAMP_SQL = "SELECT value FROM app_setting WHERE key = 'policy_version'"
LOST_MESSAGE = (
    "Se perdió la conexión con la base de datos; los cambios de otros escritorios no se "
    "muestran. Reintentando…"
)


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One row change: which table, which ticket, the ticket's new version when known."""

    table: str
    ticket_id: int | None
    version: int | None
    op: str
    what: str
    #: the ticket's queue row as the trigger sent it (PostgreSQL; see app.services.live_rows)
    row: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_payload(cls, payload: str) -> ChangeEvent | None:
        try:
            raw = json.loads(payload)
            ticket_id = raw.get("ticket_id")
            version = raw.get("version")
            return cls(
                table=str(raw.get("table", "")),
                ticket_id=int(ticket_id) if ticket_id is not None else None,
                version=int(version) if version is not None else None,
                op=str(raw.get("op", "")),
                what=str(raw.get("what", "")),
                row=row if isinstance(row := raw.get("row"), dict) else None,
            )
        except (ValueError, TypeError, AttributeError):
            return None  # a foreign NOTIFY on our channel: ignore it

    def to_json(self) -> str:
        plain = {
            "table": self.table,
            "ticket_id": self.ticket_id,
            "version": self.version,
            "op": self.op,
            "what": self.what,
        }
        return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


class FeedLost(Exception):
    """The feed's connection is gone: reconnect, LISTEN again, then refresh fully."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(LOST_MESSAGE if not detail else f"{LOST_MESSAGE} ({detail})")
        self.detail = detail


class ChangeFeed(Protocol):
    #: seconds between polls for polling feeds; None when the socket tells us (LISTEN)
    poll_interval: float | None

    def connect(self) -> None: ...
    def fileno(self) -> int | None: ...
    def drain(self) -> list[ChangeEvent]: ...
    def close(self) -> None: ...

    @property
    def connected(self) -> bool: ...


def _url_of(target: Any) -> str:
    url = getattr(target, "url", target)
    if not isinstance(url, str):
        url = str(url)
    return url


def is_postgres_url(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def libpq_conninfo(url: str) -> str:
    """A SQLAlchemy URL (any driver) as a libpq URI."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PgListener:
    """One dedicated autocommit connection that LISTENs; its socket says when to ``drain``."""

    poll_interval: float | None = None

    def __init__(self, url: str, channel: str = CHANNEL, connect_timeout: int = 5) -> None:
        self.url = url
        self.channel = channel
        self.connect_timeout = connect_timeout
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and self._conn.pgconn.status == pq.ConnStatus.OK

    def connect(self) -> None:
        self.close()
        try:
            conn = psycopg.Connection.connect(
                libpq_conninfo(self.url),
                autocommit=True,
                connect_timeout=self.connect_timeout,
                application_name="imr-console-live",
                # A silently dead network shows up as a socket error within ~10 s.
                keepalives=1,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=3,
            )
            conn.execute(f'LISTEN "{self.channel}"')
        except psycopg.Error as error:
            raise FeedLost(str(error).strip().splitlines()[0] if str(error) else "") from error
        self._conn = conn

    def fileno(self) -> int | None:
        return self._conn.pgconn.socket if self._conn is not None else None

    def drain(self) -> list[ChangeEvent]:
        """Every notification already received; never waits. Raises FeedLost."""
        if self._conn is None:
            raise FeedLost("sin conexión")
        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.Error as error:
            self.close()
            raise FeedLost(str(error).strip().splitlines()[0] if str(error) else "") from error
        events: list[ChangeEvent] = []
        while (note := pgconn.notifies()) is not None:
            event = ChangeEvent.from_payload(note.extra.decode("utf-8", "replace"))
            if event is not None:
                events.append(event)
        if pgconn.status != pq.ConnStatus.OK:
            self.close()
            raise FeedLost("el servidor cerró la conexión")
        return events

    def wait(self, timeout: float) -> list[ChangeEvent]:
        """Block up to ``timeout`` seconds for notifications (command line and benchmarks)."""
        fd = self.fileno()
        if fd is None:
            raise FeedLost("sin conexión")
        ready, _, _ = select.select([fd], [], [], timeout)
        return self.drain() if ready else []

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error):  # already broken: nothing to close cleanly
                conn.close()


class SqlitePoller:
    """Polls ``PRAGMA data_version`` (changes when another connection commits); only then runs a
    cheap query for tickets updated since the last mark and actions/attachments past the last id.
    """

    def __init__(self, url: str, interval: float = 1.0) -> None:
        self.url = url
        self.poll_interval: float | None = interval
        self._conn: sqlite3.Connection | None = None
        self._data_version = -1
        self._mark = ""
        self._at_mark: set[tuple[int, int]] = set()
        self._last_action = 0
        self._last_attachment = 0
        self._policy_stamp: object = None

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def connect(self) -> None:
        self.close()
        path = make_url(self.url).database or ""
        try:
            conn = sqlite3.connect(path, timeout=10, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=10000")
            self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]
            mark = conn.execute("SELECT max(updated_at) FROM ticket").fetchone()[0]
            self._mark = str(mark) if mark is not None else ""
            self._at_mark = {
                (r[0], r[1])
                for r in conn.execute(
                    "SELECT id, version FROM ticket WHERE updated_at = ?", (self._mark,)
                )
            }
            self._last_action = conn.execute(
                "SELECT coalesce(max(id), 0) FROM ticket_action"
            ).fetchone()[0]
            self._last_attachment = conn.execute(
                "SELECT coalesce(max(id), 0) FROM attachment"
            ).fetchone()[0]
            self._policy_stamp = self._read_policy_stamp(conn)
        except sqlite3.Error as error:
            raise FeedLost(str(error)) from error
        self._conn = conn

    def fileno(self) -> int | None:
        return None

    def drain(self) -> list[ChangeEvent]:
        if self._conn is None:
            raise FeedLost("sin conexión")
        try:
            return self._poll(self._conn)
        except sqlite3.Error as error:
            self.close()
            raise FeedLost(str(error)) from error

    def _poll(self, conn: sqlite3.Connection) -> list[ChangeEvent]:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._data_version:
            return []
        self._data_version = version
        events: list[ChangeEvent] = []
        rows = conn.execute(
            "SELECT id, version, updated_at FROM ticket WHERE updated_at >= ? "
            "ORDER BY updated_at, id",
            (self._mark,),
        ).fetchall()
        new_mark, at_mark = self._mark, set(self._at_mark)
        for ticket_id, ticket_version, updated in rows:
            if (ticket_id, ticket_version) in self._at_mark:
                continue
            events.append(ChangeEvent("ticket", ticket_id, ticket_version, "update", "ticket"))
            updated = str(updated)
            if updated > new_mark:
                new_mark, at_mark = updated, set()
            if updated == new_mark:
                at_mark.add((ticket_id, ticket_version))
        self._mark, self._at_mark = new_mark, at_mark
        for action_id, ticket_id, kind in conn.execute(
            "SELECT id, ticket_id, kind FROM ticket_action WHERE id > ? ORDER BY id",
            (self._last_action,),
        ):
            events.append(ChangeEvent("ticket_action", ticket_id, None, "insert", kind))
            self._last_action = action_id
        for attachment_id, ticket_id in conn.execute(
            "SELECT id, ticket_id FROM attachment WHERE id > ? ORDER BY id",
            (self._last_attachment,),
        ):
            events.append(ChangeEvent("attachment", ticket_id, None, "insert", "attachment"))
            self._last_attachment = attachment_id
        stamp = self._read_policy_stamp(conn)
        if stamp != self._policy_stamp:
            self._policy_stamp = stamp
            try:
                bumped: int | None = int(str(stamp))
            except ValueError:
                bumped = None
            events.append(ChangeEvent(POLICY_EVENT[0], None, bumped, "update", POLICY_EVENT[1]))
        return events

    @staticmethod
    def _read_policy_stamp(conn: sqlite3.Connection) -> object:
        row = conn.execute(_POLICY_STAMP_SQL).fetchone()
        return row[0] if row is not None else None

    def wait(self, timeout: float) -> list[ChangeEvent]:
        deadline = time.monotonic() + timeout
        while True:
            events = self.drain()
            left = deadline - time.monotonic()
            if events or left <= 0:
                return events
            time.sleep(min(left, self.poll_interval or 1.0))

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


def open_feed(target: Any, *, poll_interval: float = 1.0) -> PgListener | SqlitePoller:
    """A feed (not yet connected) for a Database, a Services-like object or a URL."""
    db = getattr(target, "db", target)
    url = _url_of(db)
    if is_postgres_url(url):
        return PgListener(url)
    return SqlitePoller(url, interval=poll_interval)


def policy_changed(events: list[ChangeEvent]) -> bool:
    """True when the events include an SLA settings change (calendars, assignments, at-risk)."""
    return any((event.table, event.what) == POLICY_EVENT for event in events)


def changed_ticket_ids(events: list[ChangeEvent]) -> list[int]:
    """Distinct ticket ids, in first-seen order."""
    seen: dict[int, None] = {}
    for event in events:
        if event.ticket_id is not None:
            seen.setdefault(event.ticket_id, None)
    return list(seen)
