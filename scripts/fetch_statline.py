#!/usr/bin/env python3
"""Fetch the CBS StatLine tables behind the Veilig Thuis indicators (and the municipalities of each
year) and write datapackages/cbs-statline-veilig-thuis/ and datapackages/cbs-gebieden-in-nederland/.
The logic is in build_data/fetch/ (see build_data/fetch/cli.py for the options and guarantees)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_data.fetch.cli import main

if __name__ == "__main__":
    sys.exit(main())
