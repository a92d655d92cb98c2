"""The frozen app's entry script: PyInstaller needs a file, the package needs ``python -m desktop``."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
