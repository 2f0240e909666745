"""`python -m dealcli` and the `deal` console script."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # no framework needed to say it
        from . import __version__

        try:
            os.fstat(1)  # closed (`>&-`), print would say nothing
            print(f"deal {__version__}", flush=True)
            return
        except (OSError, ValueError):
            pass  # stdout failed: the full run reports it as every command does
    from .cli import run

    run()


if __name__ == "__main__":
    main()
