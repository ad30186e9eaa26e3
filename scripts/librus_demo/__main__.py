"""`python scripts/librus_demo ...` (or `python -m librus_demo` with scripts/ on the path)."""

import sys
from pathlib import Path

if not __package__:  # run as a directory: import the package, not its modules one by one
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from librus_demo.cli import main

sys.exit(main())
