"""stdout and stderr as the program uses them: every way they can fail is one outcome.

stdout (data only): a reader that went away is `PipeClosed` (exit 141); a full disk, a
closed descriptor (`>&-`) or any other failed write is `OutputError` (exit 2, one line on
stderr); text its encoding cannot hold is refused before a byte of it is written. These
hold for every writer, Click's help and usage text included, because the run loop
(`cli/app.py`) puts `Stdout` and `Stderr` in place of the process's streams for the run.

stderr (messages only): every message through the terminal gate; one that cannot be
written (closed, full, gone) is dropped, the exit code still telling what happened; and
nothing meant for stderr goes to stdout.
"""

from __future__ import annotations

import errno
import os
from typing import Any

from ..core.errors import DealError, Exit, PipeClosed
from ..gates import clean


class OutputError(DealError):
    """stdout could not take the output: the disk is full, it is closed, its encoding..."""

    exit_code = Exit.USAGE


def failure(exc: OSError) -> Exception:
    """What a failed write to stdout means for the run."""
    if isinstance(exc, BrokenPipeError) or exc.errno in (errno.EPIPE, errno.ECONNRESET):
        return PipeClosed()
    if exc.errno == errno.EBADF:
        return OutputError("cannot write to stdout: it is closed")
    return OutputError(f"cannot write to stdout: {exc.strerror or exc}")


class Closed:
    """What stands for a stdout that was closed when the program started."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "closed")


class _Guarded:
    """A stream whose write errors are the program's outcomes (see the module's docstring)."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def write(self, data: Any) -> int:
        try:
            return int(self._raw.write(data))
        except OSError as exc:
            raise failure(exc) from None
        except UnicodeEncodeError as exc:
            raise unencodable(exc, getattr(self._raw, "encoding", "")) from None

    def flush(self) -> None:
        try:
            self._raw.flush()
        except OSError as exc:
            raise failure(exc) from None
        except ValueError:  # flushed after being closed: there is nothing left to write
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


class Stdout(_Guarded):
    """stdout during a run; its `buffer` (for bytes) is guarded the same way."""

    @property
    def buffer(self) -> _Guarded:
        return _Guarded(getattr(self._raw, "buffer", self._raw))


class Stderr:
    """stderr during a run: every message through the terminal gate, whoever writes
    it (Click too); a message it cannot take is dropped, never an error."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def write(self, data: str) -> int:
        try:
            self._raw.write(clean(data))
            return len(data)
        except (OSError, ValueError):
            quiet(self._raw)
            return len(data)

    def flush(self) -> None:
        try:
            self._raw.flush()
        except (OSError, ValueError):
            quiet(self._raw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def unguarded(stream: Any) -> Any:
    """The stream under the gate, for what the program draws itself (a progress bar's
    escape codes, no data in them); any other stream as it is."""
    return stream._raw if isinstance(stream, Stderr) else stream


def unencodable(exc: UnicodeEncodeError, encoding: str) -> OutputError:
    where = exc.object[exc.start] if isinstance(exc.object, str) else ""
    char = f" (U+{ord(where):04X})" if where else ""
    return OutputError(
        f"stdout's encoding ({encoding or exc.encoding}) cannot hold the text{char}; "
        "use a UTF-8 locale (LANG=C.UTF-8), PYTHONIOENCODING=utf-8 or -o FILE"
    )


def check_encoding(text: str, stdout: Any) -> None:
    """Refuse, before writing any of it, text that stdout's encoding cannot hold."""
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    if encoding.replace("-", "").lower() in ("utf8", "utf16", "utf32"):
        return
    try:
        text.encode(encoding, getattr(stdout, "errors", None) or "strict")
    except UnicodeEncodeError as exc:
        raise unencodable(exc, encoding) from None
    except LookupError:  # an encoding Python does not know: let the write say so
        pass


def hold_descriptors() -> None:
    """Put /dev/null on 0, 1 or 2 if it was closed at start, so that no file the program
    opens later gets that number and takes what was meant for stdout or stderr."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def quiet(stream: Any) -> None:
    """Point a failed stream's descriptor at /dev/null, so that what is still buffered
    does not fail again when Python flushes it at exit (the Python docs' way)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def say(text: str, stream: Any) -> None:
    """A message on stderr, or nowhere if stderr cannot take it (never on stdout)."""
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):
        quiet(stream)
