"""The Windows installer script (build/windows/imr-console.iss), compiled by Inno Setup's own
compiler and run under Wine: per-user install without administrator rights, Start-menu entry,
uninstaller registered, upgrade in place that removes what the old version shipped and keeps the
user's settings and database, uninstall that leaves them.

The program inside is a stand-in folder shaped like the PyInstaller bundle (a Windows bundle cannot
be built on Linux); the Windows workflow installs the real one. Needs Wine (32-bit too, for
Inno Setup), xvfb-run and ISCC.exe (`.ci/innosetup` fetches Inno Setup 6.3.1 from the npm
registry). With CI=true a missing tool fails the test instead of skipping it.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "build" / "windows" / "imr-console.iss"
APP_ID = "{6AAED0A5-EED0-454B-9F31-2F3D839917AE}_is1"
UNINSTALL_KEY = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
DEFAULT_ISCC = (
    Path.home() / ".cache/imr-console-build/innosetup/node_modules/innosetup-compiler/bin/ISCC.exe"
)


def _iscc() -> Path | None:
    path = Path(os.environ.get("IMR_ISCC", DEFAULT_ISCC))
    return path if path.is_file() else None


def _missing() -> list[str]:
    missing = [tool for tool in ("wine", "wineserver", "xvfb-run") if shutil.which(tool) is None]
    if _iscc() is None:
        missing.append(f"ISCC.exe ({DEFAULT_ISCC}; run .ci/innosetup)")
    return missing


def _win(path: Path) -> str:
    """Wine maps the Unix root to drive Z:."""
    return "Z:" + str(path).replace("/", "\\")


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            # no Mono/Gecko download prompts while the prefix is created, and no menu entries
            # for the installed program on this machine's own desktop
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
            "XDG_DATA_HOME": str(prefix.parent / "xdg-data"),
            "XDG_CONFIG_HOME": str(prefix.parent / "xdg-config"),
        }
        user = getpass.getuser()
        self.home = prefix / "drive_c" / "users" / user
        self.local = self.home / "AppData" / "Local"
        self.app = self.local / "Programs" / "IMR Console"
        self.start_menu = self.home / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
        self.user_data = self.local / "IMR" / "imr-console"

    def run(self, *args: str, display: bool = False, timeout: float = 180) -> str:
        command = ["wine", *args]
        if display:
            # Setup creates (hidden) windows even when silent: give it an X server, and keep
            # that server until every Wine process ended (the uninstaller re-launches itself
            # from a temporary copy and returns at once)
            command = ["xvfb-run", "-a", "sh", "-c", 'wine "$@" && wineserver -w', "sh", *args]
        result = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )
        assert result.returncode == 0, f"{args[0]} exited {result.returncode}: {result.stderr}"
        return result.stdout

    def registry(self, key: str, value: str) -> str | None:
        result = subprocess.run(
            ["wine", "reg", "query", key, "/v", value],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        for line in result.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == value:
                return parts[2].strip()
        return None


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    missing = _missing()
    if missing:
        message = "Windows installer test needs: " + ", ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    env = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    env.run("wineboot", "--init", timeout=300)
    try:
        yield env
    finally:
        subprocess.run(["wineserver", "-k"], env=env.env, capture_output=True, check=False)
        shutil.rmtree(env.prefix, ignore_errors=True)  # a Wine prefix is over 1 GB


def _bundle(folder: Path, version: str, *extra: str) -> Path:
    """A stand-in for build/dist/imr-console: the executable and an _internal folder."""
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    (folder / "imr-console.exe").write_bytes(b"MZ stand-in " + version.encode())
    (internal / "version.txt").write_text(version)
    for name in extra:
        (internal / name).write_text(f"shipped by {version}")
    return folder


def _installer(wine: Wine, version: str, bundle: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    wine.run(
        str(_iscc()),
        "/Q",
        f"/DAppVersion={version}",
        f"/DBundleDir={_win(bundle)}",
        f"/O{_win(out)}",
        _win(SCRIPT),
    )
    setup = out / f"imr-console-{version}-setup.exe"
    assert setup.is_file()
    return setup


def _install(wine: Wine, setup: Path, log: Path) -> str:
    wine.run(
        _win(setup),
        "/VERYSILENT",
        "/CURRENTUSER",
        "/SUPPRESSMSGBOXES",
        "/NORESTART",
        f"/LOG={_win(log)}",
        display=True,
    )
    text = log.read_text(encoding="utf-8-sig", errors="replace")
    assert "Installation process succeeded." in text, text[-2000:]
    return text


def test_install_upgrade_in_place_and_uninstall(wine: Wine, tmp_path: Path) -> None:
    first = _installer(
        wine, "0.1.0", _bundle(tmp_path / "b1", "0.1.0", "dropped-later.txt"), tmp_path / "o1"
    )
    log = _install(wine, first, tmp_path / "install-0.1.0.log")

    # per user, no administrator rights: the current user's registry hive and local folder
    assert "Administrative install mode: No" in log
    assert r"Install mode root key: HKEY_CURRENT_USER" in log
    assert (wine.app / "imr-console.exe").read_bytes().endswith(b"0.1.0")
    assert (wine.app / "_internal" / "dropped-later.txt").is_file()
    assert (wine.start_menu / "Consola IMR.lnk").is_file()
    assert not (wine.home / "Desktop" / "Consola IMR.lnk").exists()  # optional task, unticked
    assert wine.registry(UNINSTALL_KEY, "DisplayName") == "Consola IMR"
    assert wine.registry(UNINSTALL_KEY, "DisplayVersion") == "0.1.0"
    uninstaller = wine.app / "unins000.exe"
    assert uninstaller.is_file()

    # what the technician's console wrote meanwhile: settings and the embedded database
    wine.user_data.mkdir(parents=True)
    settings = wine.user_data / "settings.json"
    settings.write_text('{"language": "es", "db_host": "bd.imr.local"}', encoding="utf-8")
    database = wine.user_data / "imr-console.sqlite3"
    database.write_bytes(b"SQLite format 3\x00" + b"\x01" * 64)

    # upgrade in place: new files, nothing left from the old bundle, settings untouched
    newer = _bundle(tmp_path / "b2", "0.2.0", "new.txt")
    second = _installer(wine, "0.2.0", newer, tmp_path / "o2")
    _install(wine, second, tmp_path / "install-0.2.0.log")
    assert (wine.app / "imr-console.exe").read_bytes().endswith(b"0.2.0")
    assert (wine.app / "_internal" / "version.txt").read_text() == "0.2.0"
    assert (wine.app / "_internal" / "new.txt").is_file()
    assert not (wine.app / "_internal" / "dropped-later.txt").exists()
    assert wine.registry(UNINSTALL_KEY, "DisplayVersion") == "0.2.0"
    assert sorted(p.name for p in wine.app.glob("unins*.exe")) == ["unins000.exe"]  # one entry
    assert settings.read_text(encoding="utf-8") == '{"language": "es", "db_host": "bd.imr.local"}'
    assert database.read_bytes().startswith(b"SQLite format 3")

    # uninstall: the program, its Start-menu entry and its registration go; the user's data stays
    wine.run(_win(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", display=True)
    assert not (wine.app / "imr-console.exe").exists()
    assert not (wine.app / "_internal").exists()
    assert not (wine.start_menu / "Consola IMR.lnk").exists()
    assert wine.registry(UNINSTALL_KEY, "DisplayVersion") is None
    assert settings.is_file() and database.is_file()
