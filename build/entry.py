"""PyInstaller entry point of the bundled console: the same `imr-console` command line."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
