"""``python -m toolkit``: the command line (see :mod:`toolkit.cli`)."""

import sys

from toolkit.cli import main

sys.exit(main())
