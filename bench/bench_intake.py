"""Benchmark: messages per second through `imr-console intake eml` into PostgreSQL (1,000 mails
with attachments, a tenth of them replies that thread into earlier tickets).

`intake eml` records 50 mails per transaction and parses in a pool of processes while the main
process writes; the machine's load average is reported with the figure, since other work on
the same cores changes it a lot."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MESSAGES = 1_000
TARGET = 100.0


def _mails(folder: Path, count: int) -> list[str]:
    rnd = os.urandom
    paths = []
    for i in range(count):
        msg = EmailMessage()
        msg["From"] = f"Usuario {i % 40} <usuario{i % 40}@cliente{i % 7}.com.pa>"
        msg["To"] = "soporte@imr.com.pa"
        subject = f"Falla {i} en facturación"
        if i % 10 == 9:
            subject = f"Re: [IMR-{max(1, i // 2)}] más detalles"
        msg["Subject"] = subject
        msg["Message-ID"] = make_msgid(domain="cliente.com.pa")
        msg["Received"] = "from mx by mx.imr.com.pa; Mon, 30 Nov 2026 10:31:00 -0500"
        msg.set_content("El sistema muestra un error al emitir la factura.\n" * 5)
        msg.add_attachment(rnd(20_000), maintype="image", subtype="png", filename="captura.png")
        path = folder / f"{i:05d}.eml"
        path.write_bytes(msg.as_bytes())
        paths.append(str(path))
    return paths


def run() -> list[dict]:
    from app.cli import main
    from app.data.engine import Database
    from app.services.directory import DirectoryService
    from tests.support import databases as dbs

    reason = dbs.pg_reachable()
    if reason is not None:
        return [
            {
                "name": "intake eml → PostgreSQL",
                "value": 0.0,
                "unit": "msg/s",
                "target": f"≥ {TARGET:g}",
                "ok": False,
                "note": f"PostgreSQL: {reason}",
            }
        ]
    url = dbs.create_pg_database("imr_bench")
    home = tempfile.mkdtemp(prefix="imr-bench-intake-")
    os.environ.setdefault("IMR_CONSOLE_HOME", home)
    try:
        db = Database(url)
        directory = DirectoryService(db)
        today = date.today()
        for c in range(7):
            directory.add_client(
                f"Cliente {c}",
                contract_from=today - timedelta(days=10),
                contract_until=today + timedelta(days=300),
                key_user_email=f"usuario{c}@cliente{c}.com.pa",
            )
        db.dispose()
        folder = Path(home) / "eml"
        folder.mkdir()
        files = _mails(folder, MESSAGES)
        out = io.StringIO()
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = main(["intake", "eml", "--db", url, *files])
        elapsed = time.perf_counter() - started
        load_after = os.getloadavg()[0]
        summary = out.getvalue().strip().splitlines()[-1]
    finally:
        dbs.drop_pg_database(url)
    rate = MESSAGES / elapsed
    return [
        {
            "name": "intake eml → PostgreSQL (1,000 mails, 20 KB attachment each)",
            "value": round(rate, 1),
            "unit": "msg/s",
            "target": f"≥ {TARGET:g}",
            "ok": code == 0 and rate >= TARGET,
            "note": f"{summary}; load average {load_before:.1f} → {load_after:.1f}",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
