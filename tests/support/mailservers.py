"""Real mail servers on loopback for the intake tests: a throwaway Dovecot IMAP server run as an
unprivileged user, and an aiosmtpd SMTP sink thread that captures what the console sends."""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
UNPRIVILEGED = "nobody"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dovecot_available() -> str | None:
    """None when a dovecot binary exists, else the reason."""
    if not Path(DOVECOT).exists():
        return "dovecot is not installed (apt-get install dovecot-imapd)"
    return None


@dataclass
class DovecotServer:
    """One Dovecot instance with passwd-file users in a temporary folder."""

    users: dict[str, str]
    root: Path = field(init=False)
    port: int = field(init=False)
    host: str = "127.0.0.1"
    _process: subprocess.Popen[bytes] | None = field(init=False, default=None)

    def start(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="imr-dovecot-"))
        self.port = free_port()
        run_as = _run_as_user()
        uid, gid = run_as.pw_uid, run_as.pw_gid
        for sub in ("run", "state", "home"):
            (self.root / sub).mkdir()
        passwd = "\n".join(f"{u}:{{PLAIN}}{p}::::::" for u, p in self.users.items()) + "\n"
        (self.root / "passwd").write_text(passwd)
        conf = f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
info_log_path = {self.root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {run_as.pw_name}
default_internal_user = {run_as.pw_name}
default_internal_group = {_group_name(gid)}
first_valid_uid = {min(uid, 500) if uid else 0}
last_valid_uid = 0
mail_location = maildir:~/Maildir
mail_fsync = never
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Procesados {{
    auto = create
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={self.root}/home/%u
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""
        (self.root / "dovecot.conf").write_text(conf)
        for path in [self.root, *self.root.rglob("*")]:
            os.chown(path, uid, gid)
        self.root.chmod(0o755)
        cmd = [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")]
        preexec = None
        if os.geteuid() == 0:

            def preexec() -> None:  # the daemon never runs as root
                os.setgid(gid)
                os.setgroups([])
                os.setuid(uid)

        self._process = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=preexec,
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                err = (
                    self._process.stderr.read().decode(errors="replace")
                    if self._process.stderr
                    else ""
                )
                raise RuntimeError(f"dovecot exited: {err} {self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(timeout=5)
        if self._process is not None and self._process.stderr:
            self._process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)

    # ----------------------------------------------------------------- helpers for tests
    def client(self, user: str) -> imaplib.IMAP4:
        imap = imaplib.IMAP4(self.host, self.port, timeout=30)
        imap.login(user, self.users[user])
        return imap

    def append(
        self, user: str, raw: bytes, *, when: datetime | None = None, mailbox: str = "INBOX"
    ) -> None:
        imap = self.client(user)
        try:
            date = imaplib.Time2Internaldate(when) if when else None
            typ, data = imap.append(mailbox, "", date, raw)
            if typ != "OK":
                raise RuntimeError(f"APPEND failed: {data!r}")
        finally:
            imap.logout()

    def count(self, user: str, mailbox: str, criteria: str = "ALL") -> int:
        imap = self.client(user)
        try:
            imap.select(f'"{mailbox}"')
            typ, data = imap.uid("SEARCH", criteria)
            return len(data[0].split()) if typ == "OK" and data and data[0] else 0
        finally:
            imap.logout()


def _run_as_user() -> pwd.struct_passwd:
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    return pwd.getpwnam(UNPRIVILEGED)


def _group_name(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


class SmtpSink:
    """aiosmtpd on a free loopback port; every accepted mail lands in ``messages``."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str], bytes]] = []
        self._lock = threading.Lock()
        sink = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                data = envelope.original_content or envelope.content
                raw = data if isinstance(data, bytes) else data.encode()
                with sink._lock:
                    sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), raw))
                    sink.messages.append(
                        message_from_bytes(raw, policy=policy.default)  # type: ignore[arg-type]
                    )
                return "250 OK"

        self.port = free_port()
        self.host = "127.0.0.1"
        self._controller = Controller(Handler(), hostname=self.host, port=self.port)

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def wait_for(self, count: int, timeout: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        with self._lock:
            return list(self.messages)
