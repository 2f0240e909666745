"""`python -m dealcli` and the `deal` console script."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # no framework needed to say it
        from . import __version__

        print(f"deal {__version__}")
        return
    from .cli import run

    run()


if __name__ == "__main__":
    main()
