"""`imr-console screenshot --out DIR`: render the console's windows to PNG files, offscreen."""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path
from typing import Any

from app.commands.common import add_db_option


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshot",
        help="genera capturas PNG de la consola con datos de demostración",
        description=(
            "Dibuja, sin pantalla, la ventana principal, el detalle de un tiquete, el registro de "
            "un tiquete nuevo y la configuración en archivos PNG."
        ),
    )
    parser.add_argument("--out", required=True, metavar="CARPETA", help="carpeta de salida")
    add_db_option(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded by name, like the console itself in app.cli: sub-commands never load Qt otherwise.
    ui_app = importlib.import_module("ui.app")
    for path in ui_app.render_screenshots(Path(args.out), args.db):
        print(path)
    return 0
