"""app.resources_path: the source tree, a PyInstaller bundle (sys._MEIPASS) and the override."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import resources_path as rp

ROOT = Path(__file__).resolve().parents[2]


def test_from_source_points_at_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(rp.ENV_OVERRIDE, raising=False)
    assert not rp.is_frozen()
    assert rp.resources_dir() == ROOT / "resources"
    assert rp.icon_path("refresh") == ROOT / "resources" / "icons" / "refresh.svg"
    assert rp.icon_path("refresh.svg") == rp.icon_path("refresh")
    assert rp.translation_path("en").name == "imr_en.qm"
    assert rp.style_path().is_file()
    assert (rp.migrations_dir() / "env.py").is_file()


def test_inside_a_bundle_everything_is_under_meipass(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(rp.ENV_OVERRIDE, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert rp.is_frozen()
    assert rp.bundle_root() == tmp_path
    assert rp.resources_dir() == tmp_path / "resources"
    assert rp.sounds_dir() == tmp_path / "resources" / "sounds"
    assert rp.migrations_dir() == tmp_path / "app" / "data" / "migrations"


def test_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(rp.ENV_OVERRIDE, str(tmp_path))
    assert rp.resources_dir() == tmp_path
    assert rp.icons_dir() == tmp_path / "icons"
