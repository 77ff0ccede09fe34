"""`python -m app` is the same as `imr-console`."""

import sys

from app.cli import main

sys.exit(main())
