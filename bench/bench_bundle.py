"""Bundle figures: size of the one-folder bundle on disk, and launch → first painted window.

Builds build/dist/imr-console with PyInstaller first when it is missing or stale (a few minutes),
then runs ``imr-console --self-test`` on it offscreen: once on a fresh temporary demo database
(what a new install does) and once against an existing SQLite database (a normal start).
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 120.0  # the target, in MB (10**6 bytes)
PAINT_TARGET_MS = 5000.0
RUNS = 3


def _bundle_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("imr_bundle", ROOT / "build" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _self_test(exe: Path, home: Path, extra: list[str]) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    from tests.support.self_test_run import run_self_test

    launched = time.perf_counter()
    run = run_self_test([str(exe), *extra], home)
    wall_ms = (time.perf_counter() - launched) * 1000
    if "primer pintado" not in run.checks():
        raise RuntimeError(f"self-test did not paint ({run.code}):\n{run.stdout}{run.stderr}")
    if run.code != 0:  # the figure is still meaningful; say why the run was not clean
        print(f"bench_bundle: self-test exit {run.code}: {run.stderr.strip()}", file=sys.stderr)
    return run.first_paint_ms(), wall_ms


def run() -> list[dict]:
    bundle = _bundle_module()
    folder = bundle.build()
    size = bundle.size_on_disk(folder)
    rows: list[dict] = [
        {
            "name": "bundle size on disk (Linux one-folder)",
            "value": round(size / 10**6, 1),
            "unit": "MB",
            "target": f"< {SIZE_TARGET_MB:.0f}",
            "ok": size / 10**6 < SIZE_TARGET_MB,
        },
        {
            "name": "bundle size on disk (Linux one-folder), binary units",
            "value": round(size / 2**20, 1),
            "unit": "MiB",
            "target": "informative",
            "ok": True,
        },
    ]
    with tempfile.TemporaryDirectory(prefix="imr-bench-bundle-") as temp:
        home = Path(temp) / "home"
        fresh = [_self_test(bundle.EXE, home, []) for _ in range(RUNS)]
        # a normal start: an existing, migrated database with the demo data in it
        db = Path(temp) / "existing.sqlite3"
        existing_url = f"sqlite:///{db}"
        sys.path.insert(0, str(ROOT))
        from app.services.bootstrap import open_services

        open_services(existing_url, demo_if_empty=True).close()
        warm = [_self_test(bundle.EXE, home, ["--db", existing_url]) for _ in range(RUNS)]
    for label, runs in (("new install, temporary demo database", fresh),
                        ("existing database", warm)):  # fmt: skip
        paint = sorted(p for p, _ in runs)[len(runs) // 2]
        wall = sorted(w for _, w in runs)[len(runs) // 2]
        rows.append(
            {
                "name": f"launch to first painted window ({label}), median of {RUNS}",
                "value": round(paint),
                "unit": "ms",
                "target": f"< {PAINT_TARGET_MS:.0f}",
                "ok": paint < PAINT_TARGET_MS,
            }
        )
        rows.append(
            {
                "name": f"whole self-test run ({label}), median of {RUNS}",
                "value": round(wall),
                "unit": "ms",
                "target": "informative",
                "ok": True,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        mark = "ok " if row["ok"] else "NO "
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']})")
