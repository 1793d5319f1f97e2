"""Entry point frozen by PyInstaller: the same ``main`` as ``python -m huisclos``."""

import sys

from huisclos.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
