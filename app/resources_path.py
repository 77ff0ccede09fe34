"""Where the console's resources live: the source tree or inside a PyInstaller bundle.

Pure Python (no Qt): the UI asks here for ``resources/`` (icons, style sheet, translations, sounds)
instead of computing paths from its own ``__file__``, so the same code works from a checkout, from
an installed wheel next to a checkout, and from the one-folder bundle (``sys._MEIPASS``).

``IMR_CONSOLE_RESOURCES`` overrides the folder (tests, packagers).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_OVERRIDE = "IMR_CONSOLE_RESOURCES"
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path | None:
    """The bundle's data folder (``_internal`` of the one-folder build), or None from source."""
    if not is_frozen():
        return None
    return Path(sys._MEIPASS)  # type: ignore[attr-defined]


def resources_dir() -> Path:
    """The ``resources/`` folder: override, then the bundle, then the source tree."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    root = bundle_root()
    if root is not None:
        return root / "resources"
    return _SOURCE_ROOT / "resources"


def resource(*parts: str) -> Path:
    """A path inside ``resources/`` (it may not exist; callers decide what a missing file means)."""
    return resources_dir().joinpath(*parts)


def icons_dir() -> Path:
    return resource("icons")


def icon_path(name: str) -> Path:
    """``icon_path("refresh")`` → ``resources/icons/refresh.svg``."""
    return icons_dir() / (name if name.endswith(".svg") else f"{name}.svg")


def translations_dir() -> Path:
    return resource("translations")


def translation_path(language: str) -> Path:
    """The compiled catalogue for a language: ``resources/translations/imr_<lang>.qm``."""
    return translations_dir() / f"imr_{language}.qm"


def style_path() -> Path:
    return resource("style.qss")


def sounds_dir() -> Path:
    return resource("sounds")


def migrations_dir() -> Path:
    """Alembic's script folder (the migration ``.py`` files are shipped as data in the bundle)."""
    root = bundle_root()
    if root is not None:
        return root / "app" / "data" / "migrations"
    return _SOURCE_ROOT / "app" / "data" / "migrations"
