"""Run `imr-console --self-test` as a separate process and parse what it printed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Every line a passing self-test prints, by check name.
EXPECTED_CHECKS = (
    "plataforma",
    "hoja de estilo",
    "traducciones",
    "iconos",
    "gráficos",
    "base de datos",
    "migraciones",
    "ventana principal",
    "primer pintado",
    "diálogo de tiquete",
)


@dataclass
class SelfTestRun:
    code: int
    stdout: str
    stderr: str

    def checks(self, status: str = "ok") -> dict[str, str]:
        """{check: detail} for the lines with the given status ("ok", "FALLA", "aviso")."""
        found = {}
        for line in self.stdout.splitlines():
            head, _, rest = line.partition(" ")
            if head == status and ":" in rest:
                name, _, detail = rest.strip().partition(":")
                found[name] = detail.strip()
        return found

    def first_paint_ms(self) -> float:
        detail = self.checks()["primer pintado"]
        return float(detail.split(" ms", 1)[0])


def run_self_test(
    command: Sequence[str],
    home: Path,
    extra_env: dict[str, str] | None = None,
    timeout: float = 240,
) -> SelfTestRun:
    env = {
        **{k: v for k, v in os.environ.items() if k != "IMR_DB_URL"},
        "QT_QPA_PLATFORM": "offscreen",
        "IMR_CONSOLE_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        **(extra_env or {}),
    }
    result = subprocess.run(
        [*command, "--self-test"], env=env, capture_output=True, text=True, timeout=timeout,
        encoding="utf-8", check=False,
    )  # fmt: skip
    return SelfTestRun(result.returncode, result.stdout, result.stderr)
