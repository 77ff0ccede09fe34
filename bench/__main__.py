"""`python -m bench`: run every bench/bench_*.py, print one table, write bench-results.json."""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def discover() -> list[str]:
    return sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("only", nargs="*", help="bench modules to run (default: all)")
    args = parser.parse_args(argv)
    names = args.only or discover()
    sys.path.insert(0, str(ROOT))
    rows: list[dict[str, object]] = []
    failures = 0
    for name in names:
        module_name = name if name.startswith("bench_") else f"bench_{name}"
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{module_name}")
            results = module.run()
        except Exception as error:  # one broken bench must not hide the others
            failures += 1
            traceback.print_exc()
            results = [
                {
                    "name": f"{module_name}: FAILED ({error})",
                    "value": float("nan"),
                    "unit": "",
                    "target": "",
                    "ok": False,
                }
            ]
        for row in results:
            rows.append({"module": module_name, **row})
        print(f"[{module_name}: {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    width = max((len(str(r["name"])) for r in rows), default=10)
    print(f"{'benchmark':<{width}}  {'value':>12}  {'unit':<6}  {'target':<14}  ok")
    print("-" * (width + 44))
    for r in rows:
        value = r["value"]
        shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
        print(
            f"{r['name']!s:<{width}}  {shown:>12}  {r['unit']!s:<6}  {r['target']!s:<14}  "
            f"{'yes' if r['ok'] else 'NO'}"
        )
    out = ROOT / "bench-results.json"
    out.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(),
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "results": rows,
            },
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"\nwritten: {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
