"""`imr-console report sla` prints the compliance table by priority as JSON or CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.unit.reports.conftest import Desk

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

KEYS = {
    "priority",
    "tickets",
    "met",
    "met_late",
    "open_breached",
    "open_on_time",
    "compliance_pct",
    "median_minutes",
    "p90_minutes",
}


def test_json_has_one_object_per_priority(
    history: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "report",
            "sla",
            "--from",
            "2026-10-19",
            "--to",
            "2026-10-23",
            "--format",
            "json",
            "--db",
            history.db.url,
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["priority"] for d in data] == [1, 2, 3, 4]
    assert all(set(d) == KEYS for d in data)
    assert data[0] == {
        "priority": 1,
        "tickets": 4,
        "met": 2,
        "met_late": 1,
        "open_breached": 1,
        "open_on_time": 0,
        "compliance_pct": 50.0,
        "median_minutes": 50.0,
        "p90_minutes": 82.0,
    }
    assert data[2]["median_minutes"] == 900.0


def test_csv_and_bad_dates(history: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["report", "sla", "--from", "2026-10-19", "--to", "2026-10-23", "--db", history.db.url]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("priority,tickets,met,met_late")
    assert lines[1] == "1,4,2,1,1,0,50.0,50.0,82.0"
    assert (
        main(
            ["report", "sla", "--from", "2026-10-23", "--to", "2026-10-19", "--db", history.db.url]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Periodo inválido" in err and "Traceback" not in err


def test_pdf_needs_an_output_and_writes_pages(
    history: Desk, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = [
        "report",
        "sla",
        "--from",
        "2026-10-19",
        "--to",
        "2026-10-23",
        "--format",
        "pdf",
        "--db",
        history.db.url,
    ]
    assert main(base) == 2
    assert "--output" in capsys.readouterr().err
    target = tmp_path / "informe.pdf"
    assert main([*base, "--output", str(target)]) == 0
    assert "páginas" in capsys.readouterr().out
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
