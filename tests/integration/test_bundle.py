"""The PyInstaller one-folder bundle builds from build/imr-console.spec and passes --self-test.

One build per test session, reused while its inputs are unchanged (build/bundle.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.self_test_run import EXPECTED_CHECKS, run_self_test

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _bundle_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("imr_bundle", ROOT / "build" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle() -> ModuleType:
    module = _bundle_module()
    module.build()
    return module


def test_bundle_passes_the_self_test(bundle: ModuleType, tmp_path: Path) -> None:
    run = run_self_test([str(bundle.EXE)], tmp_path / "home")
    assert run.code == 0, run.stdout + run.stderr
    assert set(run.checks()) >= set(EXPECTED_CHECKS)
    assert "paquete" in run.checks()["plataforma"]
    assert "Traceback" not in run.stderr
    # the migrations were found inside the bundle and brought the temporary database to head
    assert run.checks()["migraciones"].startswith("esquema al día")


def test_bundle_leaves_out_what_the_console_does_not_use(bundle: ModuleType) -> None:
    internal = bundle.BUNDLE / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert not any("Qt6Quick" in n or "Qt6Qml" in n or "WebEngine" in n for n in names)
    assert not any(n.startswith(("tkinter", "_tkinter", "pytest", "hypothesis")) for n in names)
    # what it does need: the SVG plugins, the migrations as files, the resources
    assert any(n.startswith(("libqsvg", "qsvg")) for n in names)
    assert (internal / "app" / "data" / "migrations" / "env.py").is_file()
    assert (
        internal / "app" / "data" / "migrations" / "versions" / "0001_initial_schema.py"
    ).is_file()
    assert (internal / "resources" / "style.qss").is_file()
    assert bundle.size_on_disk() > 0


def test_unreachable_database_fails_cleanly_in_the_bundle(
    bundle: ModuleType, tmp_path: Path
) -> None:
    run = run_self_test(
        [str(bundle.EXE), "--db", "postgresql://tecnico:secreto@127.0.0.1:1/imr"], tmp_path / "home"
    )
    assert run.code == 5
    assert "No se pudo abrir la base de datos" in run.stderr
    assert "secreto" not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
