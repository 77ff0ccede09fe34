"""Passwords the test suite uses, and a scanner that proves none of them leaked anywhere.

Run after the suite (CI): ``python -m tests.support.leak_scan [PATH ...]`` scans the
pytest temporary folders (every IMR_CONSOLE_HOME of the session) and any log files given.
"""

from __future__ import annotations

import getpass
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

TECHNICIAN_PASSWORD = "Prueba-Tecnico-9fQ2-secreto"
SUPERVISOR_PASSWORD = "Prueba-Supervisor-7hK4-secreto"
ADMIN_PASSWORD = "Prueba-Admin-3mW8-secreto"
INTAKE_PASSWORD = "Prueba-Buzon-5tR1-secreto"
KEYRING_PASSWORD = "Prueba-Llavero-2vN6-secreto"
URL_PASSWORD = "Prueba-URL-8pZ3-secreto"
ALL = (
    TECHNICIAN_PASSWORD,
    SUPERVISOR_PASSWORD,
    ADMIN_PASSWORD,
    INTAKE_PASSWORD,
    KEYRING_PASSWORD,
    URL_PASSWORD,
)


def label(password: str) -> str:
    """How a report names a leaked password without printing it again."""
    names = {v: k for k, v in globals().items() if k.endswith("_PASSWORD")}
    return names.get(password, "a test password")


def find_in_text(text: str, passwords: Iterable[str] = ALL) -> list[str]:
    """Labels (never the values) of the test passwords found in ``text``."""
    return [label(p) for p in passwords if p in text]


def scan(paths: Iterable[Path], passwords: Iterable[str] = ALL) -> list[str]:
    """'path: password' for every file under ``paths`` that contains a test password."""
    needles = [(p, p.encode("utf-8")) for p in passwords]
    hits: list[str] = []
    for root in paths:
        files = [root] if root.is_file() else (f for f in root.rglob("*") if f.is_file())
        for file in files:
            if file.is_symlink():
                continue
            try:
                data = file.read_bytes()
            except OSError:
                continue
            hits.extend(f"{file}: {label(text)}" for text, raw in needles if raw in data)
    return hits


def pytest_temp_root() -> Path:
    return Path(tempfile.gettempdir()) / f"pytest-of-{getpass.getuser()}"


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [pytest_temp_root()]
    hits = scan(p for p in paths if p.exists())
    for hit in hits:
        print(f"password leak: {hit}", file=sys.stderr)
    print(f"{len(hits)} leak(s) in {', '.join(map(str, paths))}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
