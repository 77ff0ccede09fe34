"""Build the one-folder bundle only when its inputs changed; used by the bundle test and benchmark.

    python build/bundle.py            # build (or reuse) build/dist/imr-console, print its path
    python build/bundle.py --force    # always rebuild

The inputs are hashed (application code, resources, migrations, the spec, the dependency pins,
which numpy build is installed);
the hash is stored beside the bundle in ``build/dist/imr-console.stamp``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "imr-console.spec"
WORK = ROOT / "build" / "work"
DIST = ROOT / "build" / "dist"
BUNDLE = DIST / "imr-console"
STAMP = DIST / "imr-console.stamp"
EXE = BUNDLE / ("imr-console.exe" if sys.platform == "win32" else "imr-console")

_INPUT_DIRS = ("app", "ui", "resources")
_INPUT_FILES = (
    "build/imr-console.spec",
    "build/entry.py",
    "build/icu_data.py",
    "build/rthook_qtopengl.py",
    "build/numpy_noblas.py",
    "pyproject.toml",
    "constraints.txt",
)


def inputs_digest() -> str:
    digest = hashlib.sha256()
    files = [ROOT / name for name in _INPUT_FILES]
    for folder in _INPUT_DIRS:
        files += [
            p
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".ts")
        ]
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    # which numpy build is installed (PyPI's with OpenBLAS, or build/numpy_noblas.py's)
    digest.update((importlib.metadata.distribution("numpy").read_text("RECORD") or "").encode())
    return digest.hexdigest()


def is_up_to_date() -> bool:
    return EXE.is_file() and STAMP.is_file() and STAMP.read_text().strip() == inputs_digest()


def build(force: bool = False, quiet: bool = True) -> Path:
    """The bundle folder, built with PyInstaller when missing or stale."""
    if not force and is_up_to_date():
        return BUNDLE
    digest = inputs_digest()
    STAMP.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--workpath", str(WORK), "--distpath", str(DIST), str(SPEC),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=ROOT, capture_output=quiet, text=True, env={**os.environ}, check=False
    )
    if result.returncode != 0 or not EXE.is_file():
        tail = (result.stderr or "")[-4000:] if quiet else ""
        raise RuntimeError(f"PyInstaller failed ({result.returncode}):\n{tail}")
    STAMP.write_text(digest + "\n")
    return BUNDLE


def size_on_disk(folder: Path = BUNDLE) -> int:
    """Bytes of every file in the folder (symbolic links count as nothing)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    args = parser.parse_args()
    folder = build(force=args.force, quiet=False)
    print(f"{folder} ({size_on_disk(folder) / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
