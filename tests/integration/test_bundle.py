"""The PyInstaller one-folder bundle builds from build/imr-console.spec and passes --self-test.

One build per test session, reused while its inputs are unchanged (build/bundle.py).
"""

from __future__ import annotations

import importlib.util
import os
import socket
import ssl
import subprocess
import sys
import threading
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


def _internal_files(bundle: ModuleType) -> dict[str, Path]:
    return {p.name: p for p in (bundle.BUNDLE / "_internal").rglob("*")}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle layout")
def test_linux_bundle_is_trimmed(bundle: ModuleType) -> None:
    files = _internal_files(bundle)
    # Qt's ICU data: only root, Spanish and English (build/icu_data.py), not the 31 MiB original
    icu = [p for n, p in files.items() if n.startswith("libicudata.so") and not p.is_symlink()]
    assert icu and all(p.stat().st_size < 8 * 2**20 for p in icu)
    # libraries Qt takes from the desktop, as PySide6's own wheel does
    assert not any(
        n.startswith(("libglib-2.0", "libX11.so", "libgcrypt", "libsystemd")) for n in files
    )
    # one OpenSSL: psycopg's renamed copies point at the one Python's ssl uses
    for name, path in files.items():
        if name.startswith(("libcrypto-", "libssl-")) and path.parent.name == "psycopg_binary.libs":
            assert path.is_symlink()
    # the Secret Service keyring (and cryptography) only on request
    assert "cryptography" not in files
    # pyqtgraph's QtOpenGL import is served by a placeholder (build/rthook_qtopengl.py); the
    # self-test's chart proves pyqtgraph loads and draws without the real binding
    assert not any(n.startswith("QtOpenGL.") for n in files)
    assert any(n.startswith("QtOpenGLWidgets.") for n in files)
    # numpy built without OpenBLAS (build/numpy_noblas.py, run by `make test`/`make bundle`)
    blas = sorted(n for n in files if "blas" in n.lower() or n.startswith("libgfortran"))
    assert not blas, f"{blas}: run `python build/numpy_noblas.py` before building the bundle"
    assert bundle.size_on_disk() < 120 * 10**6  # the target: under 120 MB


@pytest.mark.pg
def test_bundle_works_with_postgresql(bundle: ModuleType, tmp_path: Path) -> None:
    """psycopg's binary libpq (sharing the bundle's OpenSSL) migrates, loads and paints."""
    from tests.support.databases import create_pg_database, drop_pg_database

    url = create_pg_database("imr_bundle")
    try:
        env = {**os.environ, "IMR_CONSOLE_HOME": str(tmp_path / "home")}
        env.pop("IMR_DB_URL", None)
        for command in (["db", "upgrade"], ["demo-data"]):
            done = subprocess.run(
                [str(bundle.EXE), *command, "--db", url],
                capture_output=True, text=True, env=env, timeout=180, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stdout + done.stderr
        run = run_self_test([str(bundle.EXE), "--db", url], tmp_path / "home")
        assert run.code == 0, run.stdout + run.stderr
        assert run.checks()["base de datos"].startswith("PostgreSQL")
    finally:
        drop_pg_database(url)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle layout")
def test_bundle_speaks_tls_with_the_system_certificates(bundle: ModuleType, tmp_path: Path) -> None:
    """Python's ssl in the bundle loads OpenSSL and checks certificates: a self-signed server
    is refused as untrusted (not a missing library or a crash)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    alerts: list[str] = []

    def serve() -> None:
        connection, _ = server.accept()
        try:
            context.wrap_socket(connection, server_side=True).close()
        except ssl.SSLError as error:
            alerts.append(str(error))
        finally:
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    env = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")} | {
        "IMR_CONSOLE_HOME": str(tmp_path / "home"),
        "IMR_IMAP_PASSWORD": "x",
    }
    done = subprocess.run(
        [str(bundle.EXE), "intake", "imap", "--host", "localhost", "--port", str(port), "--ssl",
         "--user", "u", "--once", "--db", f"sqlite:///{tmp_path / 'intake.sqlite3'}"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    thread.join(10)
    server.close()
    assert done.returncode != 0
    assert "CERTIFICATE_VERIFY_FAILED" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert alerts  # the server saw the client refuse its certificate
