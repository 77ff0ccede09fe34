"""Linux bundle: put a numpy built without OpenBLAS into the build environment.

    python build/numpy_noblas.py            # replace numpy's PyPI wheel by a no-BLAS build
    python build/numpy_noblas.py --check    # exit 0 when it already is one, 1 when not

numpy's PyPI wheels for Linux link OpenBLAS (24 MiB, plus gfortran and quadmath) into numpy's core
library, so it cannot be left out of a PyInstaller bundle. The console only uses numpy for the
supervisor charts (pyqtgraph draws with it); no linear algebra runs on a technician's desk. numpy's
own build has an option for exactly this: without a BLAS/LAPACK library it uses its bundled
reference routines (lapack_lite), slower for large matrix products but complete. This script
builds that variant of the *same numpy version* from its source distribution (about 4 minutes on
two cores; needs a C and C++ compiler and the Python headers), keeps the wheel in a cache folder
and installs it. Later runs reuse the cached wheel.

On Windows and macOS it does nothing: those bundles keep PyPI's numpy (see docs/packaging.md).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

BUILD_OPTIONS = (
    "-Csetup-args=-Dblas=none",
    "-Csetup-args=-Dlapack=none",
    "-Csetup-args=-Dallow-noblas=true",
)


def has_openblas() -> bool:
    """True when the installed numpy carries a BLAS library (PyPI's: numpy.libs/…openblas…)."""
    files = importlib.metadata.distribution("numpy").files or []
    return any("blas" in str(path).lower() and str(path).startswith("numpy.libs") for path in files)


def built_with() -> str:
    """The BLAS numpy says it was built with ("none": its fallback routines), in a new process."""
    probe = "import numpy; print(numpy.show_config('dicts')['Build Dependencies']['blas']['name'])"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def cache_folder() -> Path:
    base = os.environ.get("IMR_BUILD_CACHE")
    if base:
        return Path(base)
    from platformdirs import user_cache_path

    return user_cache_path("imr-console-build", appauthor=False)


def wheel_key(version: str) -> str:
    """Folder name for one numpy version, Python, platform and set of build options (so a
    cached wheel is never taken for another Python or other options; a numpy that is already
    without OpenBLAS is left as it is, whatever options built it)."""
    digest = hashlib.sha256(
        "\n".join((version, sys.version, sysconfig.get_platform(), *BUILD_OPTIONS)).encode()
    ).hexdigest()[:16]
    return f"numpy-{version}-noblas-{digest}"


def build_wheel(version: str, into: Path) -> Path:
    """Build numpy==version from source without BLAS; the wheel file, moved into `into`."""
    into.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="imr-numpy-") as scratch:
        command = [
            sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-binary", "numpy",
            "--no-cache-dir", "--wheel-dir", scratch, f"numpy=={version}", *BUILD_OPTIONS,
        ]  # fmt: skip
        print(f"numpy {version}: building without OpenBLAS (first time only, a few minutes)")
        subprocess.run(command, check=True)
        wheels = sorted(Path(scratch).glob("numpy-*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"expected one numpy wheel, found {[w.name for w in wheels]}")
        # copy under a temporary name, then rename: an interrupted copy never looks like a wheel
        target = into / wheels[0].name
        partial = into / (wheels[0].name + ".partial")
        shutil.copyfile(wheels[0], partial)
        os.replace(partial, target)
        return target


def ensure() -> Path | None:
    """Install the no-BLAS numpy when the current one has OpenBLAS; the wheel used, if any."""
    if not sys.platform.startswith("linux") or not has_openblas():
        return None
    version = importlib.metadata.version("numpy")
    folder = cache_folder() / wheel_key(version)
    wheels = sorted(folder.glob(f"numpy-{version}-*.whl"))
    wheel = wheels[0] if wheels else build_wheel(version, folder)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall",
         str(wheel)],
        check=True,
    )  # fmt: skip
    importlib.invalidate_caches()
    blas = built_with()
    if has_openblas() or blas != "none":
        raise RuntimeError(f"{wheel} was built with BLAS {blas!r}, not without one")
    print(f"numpy {version}: installed without OpenBLAS from {wheel}")
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    args = parser.parse_args(argv)
    try:
        if args.check:
            openblas = sys.platform.startswith("linux") and has_openblas()
            print("numpy with OpenBLAS" if openblas else "numpy without OpenBLAS (or not Linux)")
            return 1 if openblas else 0
        ensure()
    except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
        print(f"numpy_noblas: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
