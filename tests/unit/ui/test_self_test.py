"""`imr-console --self-test` from the source tree, as its own process (it owns QApplication)."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPixmap

from app.data.engine import Database
from app.services.demo import load_demo_data
from tests.support import databases as dbs
from tests.support.self_test_run import EXPECTED_CHECKS, run_self_test
from ui.self_test import _blank_reason, process_start_time

SOURCE = [sys.executable, "-m", "app"]
RESOURCES = Path(__file__).resolve().parents[3] / "resources"


@pytest.mark.slow
def test_from_source_passes_every_check_on_a_temporary_demo_database(tmp_path: Path) -> None:
    run = run_self_test(SOURCE, tmp_path / "home")
    assert run.code == 0, run.stdout + run.stderr
    assert set(run.checks()) >= set(EXPECTED_CHECKS)
    assert "SQLite temporal con datos de demostración" in run.checks()["base de datos"]
    assert "código fuente" in run.checks()["plataforma"]
    assert 0 < run.first_paint_ms() < 120_000
    assert "Traceback" not in run.stderr
    # the temporary database is gone; nothing was written to the technician's data folder
    assert not list((tmp_path / "home").rglob("*.sqlite3"))


@pytest.mark.slow
def test_missing_icons_fail_with_a_spanish_reason(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(RESOURCES, broken)
    shutil.rmtree(broken / "icons")
    (broken / "icons").mkdir()
    run = run_self_test(SOURCE, tmp_path / "home", {"IMR_CONSOLE_RESOURCES": str(broken)})
    assert run.code == 1
    assert "FALLA  iconos: no hay iconos" in run.stdout
    assert "la prueba de arranque falló" in run.stderr
    assert "Traceback" not in run.stderr


def test_unreachable_explicit_database_fails_with_exit_5_and_no_fallback(tmp_path: Path) -> None:
    run = run_self_test(
        [*SOURCE, "--db", "postgresql://tecnico:secreto@127.0.0.1:1/imr"], tmp_path / "home"
    )
    assert run.code == 5, run.stdout + run.stderr
    assert "No se pudo abrir la base de datos" in run.stderr
    assert "secreto" not in run.stdout + run.stderr
    assert "temporal" not in run.stdout
    assert "Traceback" not in run.stderr


@pytest.mark.slow
@pytest.mark.pg
def test_configured_postgresql_database_is_checked_not_replaced(
    pg_url: str, tmp_path: Path
) -> None:
    url = dbs.create_pg_database("imr_selftest")
    try:
        db = Database(url)
        load_demo_data(db)
        db.dispose()
        run = run_self_test(SOURCE, tmp_path / "home", {"IMR_DB_URL": url})
    finally:
        dbs.drop_pg_database(url)
    assert run.code == 0, run.stdout + run.stderr
    assert run.checks()["base de datos"].startswith("PostgreSQL configurada")


def test_process_start_time_is_before_now_and_exact_on_linux() -> None:
    started, exact = process_start_time()
    assert started <= time.time()
    assert time.time() - started < 24 * 3600
    if sys.platform.startswith("linux"):
        assert exact


def test_blank_reason_tells_painted_from_empty_images(qapp: object) -> None:
    blank = QPixmap(200, 100)
    blank.fill(QColor("#ffffff"))
    assert "un solo color" in _blank_reason(blank)
    assert "vacía" in _blank_reason(QPixmap())
    painted = QPixmap(200, 100)
    painted.fill(QColor("#ffffff"))
    from PySide6.QtGui import QPainter

    painter = QPainter(painted)
    painter.fillRect(0, 0, 100, 50, QColor("#123456"))
    painter.fillRect(100, 50, 100, 50, QColor("#abcdef"))
    painter.end()
    assert _blank_reason(painted) == ""
