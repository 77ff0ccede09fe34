"""The command line end to end on SQLite and PostgreSQL: outputs, exit codes, stderr lines."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.cli import main
from app.data.engine import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def onboarded(db: Database, capsys: pytest.CaptureFixture[str]) -> str:
    url = db.url
    today = date.today()
    assert run(capsys, "technician", "add", "ana", "--name", "Ana Ríos", "--db", url)[0] == 0
    assert run(capsys, "technician", "add", "beto", "--name", "Beto Jaén", "--db", url)[0] == 0
    code, out, _ = run(
        capsys,
        "client",
        "add",
        "Farmacias El Canal",
        "--contract-from",
        str(today - timedelta(days=10)),
        "--contract-until",
        str(today + timedelta(days=100)),
        "--key-user",
        "lider@farmacias.pa",
        "--db",
        url,
    )
    assert code == 0 and "Contrato vigente" in out
    return url


def test_ticket_workflow_and_exit_codes(onboarded: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = onboarded
    code, out, err = run(
        capsys,
        "ticket",
        "open",
        "--client",
        "Farmacias El Canal",
        "--channel",
        "whatsapp",
        "--priority",
        "Alto",
        "--subject",
        "No imprime",
        "--contact",
        "LIDER@farmacias.pa",
        "--as",
        "ana",
        "--db",
        url,
    )
    assert code == 0, err
    number = out.splitlines()[0]
    assert number.startswith("IMR-")

    assert run(capsys, "ticket", "claim", number, "--as", "ana", "--db", url)[0] == 0
    code, _, err = run(capsys, "ticket", "claim", number, "--as", "beto", "--db", url)
    assert code == 3 and err.count("\n") == 1 and "Ana Ríos" in err

    code, _, err = run(
        capsys,
        "ticket",
        "log",
        number,
        "--kind",
        "call_out",
        "--text",
        "Hablé con el líder",
        "--contact",
        "--as",
        "ana",
        "--db",
        url,
    )
    assert code == 0, err
    code, _, _ = run(
        capsys,
        "ticket",
        "reprioritise",
        number,
        "--priority",
        "1",
        "--reason",
        "todo caído",
        "--as",
        "ana",
        "--db",
        url,
    )
    assert code == 0
    code, _, _ = run(
        capsys,
        "ticket",
        "resolve",
        number,
        "--solution",
        "Driver reinstalado",
        "--as",
        "ana",
        "--db",
        url,
    )
    assert code == 0

    code, out, _ = run(capsys, "ticket", "show", number, "--format", "json", "--db", url)
    record = json.loads(out)
    assert record["status"] == "resolved"
    assert record["priority"] == 1
    assert record["clock_state"] in ("met", "met_late")
    assert record["key_user"] is True
    kinds = [a["kind"] for a in record["actions"]]
    assert "call_out" in kinds and "reprioritised" in kinds and "resolution" in kinds

    code, out, _ = run(capsys, "export", "tickets", "--format", "json", "--db", url)
    assert code == 0 and [r["number"] for r in json.loads(out)] == [number]
    code, out, _ = run(capsys, "export", "tickets", "--format", "csv", "--db", url)
    assert out.splitlines()[0].startswith("number,") and number in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["ticket", "show", "IMR-999999"], 4),
        (["ticket", "show", "ABC"], 2),
        (["ticket", "claim", "IMR-1", "--as", "nobody"], 4),
        (
            [
                "ticket",
                "open",
                "--client",
                "Nadie S.A.",
                "--channel",
                "phone",
                "--priority",
                "2",
                "--subject",
                "x",
                "--as",
                "ana",
            ],
            4,
        ),
        (
            [
                "ticket",
                "open",
                "--client",
                "Farmacias El Canal",
                "--channel",
                "phone",
                "--priority",
                "urgentísimo",
                "--subject",
                "x",
                "--as",
                "ana",
            ],
            2,
        ),
        (
            [
                "ticket",
                "open",
                "--client",
                "Farmacias El Canal",
                "--channel",
                "phone",
                "--priority",
                "2",
                "--subject",
                "x",
                "--received",
                "2099-01-01T00:00",
                "--as",
                "ana",
            ],
            2,
        ),
        (["client", "add", "Farmacias El Canal"], 3),
        (
            [
                "client",
                "add",
                "Otro",
                "--contract-from",
                "2026-05-01",
                "--contract-until",
                "2026-01-01",
            ],
            2,
        ),
    ],
)
def test_bad_input_gives_one_stderr_line_and_exit_code(
    onboarded: str, capsys: pytest.CaptureFixture[str], argv: list[str], expected: int
) -> None:
    code, _, err = run(capsys, *argv, "--db", onboarded)
    assert code == expected
    assert err.count("\n") == 1 and err.startswith("imr-console: ")
    assert "Traceback" not in err


def test_unreachable_database_exits_5(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "ticket", "show", "IMR-1", "--db", "postgresql://imr:secreto@127.0.0.1:1/imr"
    )
    assert code == 5
    assert err.count("\n") == 1 and "secreto" not in err


def test_sla_due_prints_iso_deadline_then_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "sla",
        "due",
        "--priority",
        "1",
        "--channel",
        "email",
        "--received",
        "2026-12-04T20:00:00-05:00",
    )
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "2026-12-07T09:00:00-05:00"  # Friday night mail: Monday 08:00 + 1 h
    assert any("Fin de semana" in line for line in lines[1:])


def test_sla_due_critical_line_runs_24x7(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "sla",
        "due",
        "--priority",
        "2",
        "--channel",
        "critical-line",
        "--received",
        "2026-12-05T23:30:00-05:00",
    )
    assert code == 0 and out.splitlines()[0] == "2026-12-06T02:30:00-05:00"
