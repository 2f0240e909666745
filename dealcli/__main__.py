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


def console() -> None:
    """The `deal` command: `main`, then, once the command line has run, the process ends
    at once (cli/app.py: leave)."""
    try:
        main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise
        code = exc.code or 0
    else:
        code = 0
    if "dealcli.cli.app" in sys.modules:  # not for --version alone: nothing to free
        from .cli.app import leave

        leave(code)
    sys.exit(code)


if __name__ == "__main__":
    console()
