"""Leak watch: no test password may appear in any test's captured output or temp folders.

Every report of the run (captured stdout, stderr and log of every test, failure texts) is
scanned as it arrives; at the end the session's temporary folders (every IMR_CONSOLE_HOME)
are scanned too. A hit fails the run. `python -m tests.support.leak_scan` repeats the folder
scan after the run, for CI logs as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import leak_scan

_HITS: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    texts = [content for _name, content in report.sections]
    if report.longrepr is not None:
        texts.append(str(report.longrepr))
    for text in texts:
        _HITS.extend(f"{report.nodeid} ({report.when}): {p}" for p in leak_scan.find_in_text(text))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    factory = getattr(session.config, "_tmp_path_factory", None)
    base: Path | None = factory.getbasetemp() if factory is not None else None
    hits = list(_HITS) + (leak_scan.scan([base]) if base is not None and base.exists() else [])
    if hits:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for hit in hits:
            line = f"password leak: {hit}"
            if reporter is not None:
                reporter.write_line(line, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
