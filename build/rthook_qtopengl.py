"""PyInstaller runtime hook (Linux bundle): a placeholder for the PySide6.QtOpenGL binding.

pyqtgraph 0.14 imports PySide6.QtOpenGL when it loads, but only touches it to paint with OpenGL
(``useOpenGL``), which the console never turns on. The 8.5 MiB binding is left out of the Linux
bundle (see build/imr-console.spec and docs/packaging.md); this module stands in for it and fails
with a clear message if anything ever asks it for a class.
"""

import sys
import types


def _install() -> None:
    placeholder = types.ModuleType("PySide6.QtOpenGL", "Placeholder: QtOpenGL is not bundled.")

    def __getattr__(name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"PySide6.QtOpenGL.{name}: the Qt OpenGL binding is not in this bundle "
            "(pyqtgraph's OpenGL painting is not used by the console)"
        )

    placeholder.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules.setdefault("PySide6.QtOpenGL", placeholder)


_install()
