"""Output taller than the terminal goes through a pager, as git and gh do.

`DEAL_PAGER`, else `PAGER`, else `less -FRX` (short output printed at once,
colours kept, the screen left as it was), as `Environment.pager` reads them.
`DEAL_PAGER=` (empty) or `--no-pager` turns it off; output into a pipe or a file
is never paged.
"""

from __future__ import annotations

from ..core.environment import Environment
from .files import HeldSigterm, Terminated


def page(text: str, env: Environment, off: bool = False) -> bool:
    """Show `text` through the pager if stdout is a terminal it would overflow.

    True when the pager showed it; False when the caller should print it itself.
    """
    if off or not env.isatty or not env.pager:
        return False
    if text.count("\n") < env.lines:
        return False
    import subprocess  # only when paging

    argv = list(env.pager)
    child = dict(env.child)
    child.setdefault("LESS", "FRX")  # as git does: when `less` is run bare, keep these
    child.setdefault("LV", "-c")
    with HeldSigterm() as held:
        try:
            proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                argv, stdin=subprocess.PIPE, env=child
            )
        except OSError:
            proc = None
    if proc is None:
        if held.came:
            raise Terminated
        return False
    assert proc.stdin is not None
    try:
        if held.came:
            raise Terminated
        # Ctrl-C belongs to the pager from its start: also while a text longer than the pipe
        # holds waits for the pager to read it (a cut write would lose the rest)
        import signal

        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            proc.stdin.write(text.encode("utf-8", "replace"))
            proc.stdin.close()
        except BrokenPipeError:  # the reader quit early: that is fine
            pass
        finally:
            signal.signal(signal.SIGINT, previous)
        while True:
            try:
                proc.wait()
                return True
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
                continue
    except Terminated:  # SIGTERM ends the pager too, then the run (exit 143)
        proc.terminate()
        proc.wait()
        raise
