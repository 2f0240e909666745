"""Output taller than the terminal goes through a pager, as git and gh do.

`DEAL_PAGER`, else `PAGER`, else `less -FRX` (short output printed at once,
colours kept, the screen left as it was). `DEAL_PAGER=` (empty) or
`--no-pager` turns it off; output into a pipe or a file is never paged.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from typing import Any

DEFAULT = "less -FRX"


def command() -> list[str] | None:
    """The pager to run, or None for none (DEAL_PAGER or PAGER set empty, or not found)."""
    env = os.environ
    text = env["DEAL_PAGER"] if "DEAL_PAGER" in env else env.get("PAGER", DEFAULT)
    try:
        argv = shlex.split(text)
    except ValueError:
        return None
    if not argv or argv[0] == "cat" or shutil.which(argv[0]) is None:
        return None
    return argv


def page(text: str, off: bool = False) -> bool:
    """Show `text` through the pager if stdout is a terminal it would overflow.

    True when the pager showed it; False when the caller should print it itself.
    """
    if off or not is_terminal(sys.stdout):
        return False
    rows = shutil.get_terminal_size().lines
    if text.count("\n") < rows:
        return False
    argv = command()
    if argv is None:
        return False
    import subprocess  # only when paging

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git does: when `less` is run bare, keep these
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit early: that is fine
        pass
    while True:
        try:
            proc.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue


def is_terminal(stream: Any) -> bool:
    """Whether a stream is a terminal; a closed one, or an object without isatty, is not."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
