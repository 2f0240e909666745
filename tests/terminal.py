"""The installed `deal` in a real pseudo-terminal of a given size, as a user runs it."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios

from .conftest import deal_bin

_ANSI = re.compile(r"\x1b\]8;;[^\x1b]*\x1b\\|\x1b\[[0-9;]*m")
# a transient live display (the progress bar of a slow first run): drawn with the cursor
# hidden, then erased (cursor up, erase line) once the cursor shows again: the screen keeps
# none of it
_TRANSIENT = re.compile(r"\x1b\[\?25l.*?\x1b\[\?25h(?:\r|\x1b\[[0-9]*[AK])*", re.DOTALL)


def screen(
    args: list[str],
    cols: int,
    rows: int = 24,
    env: dict[str, str] | None = None,
    keep_colour: bool = False,
) -> tuple[str, int]:
    """What `deal ARGS` prints on a terminal of `cols` x `rows` (stdout and stderr, colours
    taken out unless kept), and its exit code. COLUMNS and LINES are not set: the size is
    the terminal's."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    full.update({"DEAL_PAGER": "", "TERM": "xterm-256color", **(env or {})})
    proc = subprocess.Popen(
        [deal_bin(), *args], stdout=slave, stderr=slave, stdin=slave, env=full, close_fds=True
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    code = proc.wait(timeout=20)
    os.close(master)
    text = _TRANSIENT.sub("", out.decode("utf-8", "replace")).replace("\r\n", "\n")
    return (text if keep_colour else _ANSI.sub("", text)), code
