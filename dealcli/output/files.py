"""Writing files so that what is there is respected, and stdout that may close early.

`write_output` is what `-o` does: a regular file is replaced atomically (a
failure leaves it as it was) keeping its mode; a FIFO, a terminal, /dev/null or
/dev/stdout is written into directly, as the shell's `>` does; a symlink is
followed to its target; a read-only file is refused unless forced; a file with
other hard links is rewritten in place so the links keep sharing it.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TextIO

from ..core.atomic import encode as _encode
from ..core.atomic import umask as _umask
from ..core.atomic import write_atomic
from ..core.errors import Exit, PipeClosed, UsageError

_CHUNK = 16 * 1024


def _direct(path: str, st: os.stat_result | None) -> bool:
    """Whether `path` is written into rather than replaced: a FIFO, a device, /dev or /proc."""
    if st is not None and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        return True
    return path.startswith(("/dev/", "/proc/"))


def write_output(path: Path, text: str | bytes, force: bool = False) -> None:
    """Write `-o` output to `path`, respecting what is there (see the module's docstring)."""
    data = _encode(text)
    real = os.path.realpath(path)  # a symlink is followed to its target, not replaced
    try:
        st: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    if _direct(str(path), st) or _direct(real, st):
        # as the shell's `>`: a regular file behind /dev/stdout is truncated, a FIFO is not
        _write_into(path, data, truncate=st is not None and stat.S_ISREG(st.st_mode))
        return
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(f"cannot write {path}: it is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise UsageError(f"cannot write {path}: not a regular file")
        read_only = not st.st_mode & 0o222 or not os.access(real, os.W_OK)
        if read_only and not force:  # the mode bits count for root too
            raise UsageError(f"{path} is read-only; use --force to replace it")
        if st.st_nlink > 1 and os.access(real, os.W_OK):
            _write_into(Path(real), data, truncate=True)  # keep the hard links
            return
    write_atomic(Path(real), data)


def _write_into(path: Path, data: bytes, truncate: bool) -> None:
    flags = os.O_WRONLY | (os.O_TRUNC if truncate else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view[:_CHUNK]) :]
    except BrokenPipeError:
        raise PipeClosed from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


# -- a set of files, replaced as one -------------------------------------------------


def write_folder(folder: Path, files: dict[str, str | bytes], owned: Iterable[str]) -> None:
    """Write `files` (name -> content) as the folder `folder`, replacing its old set at once.

    The new set is written into a temporary folder beside `folder` and swapped in with
    one rename (an atomic exchange where the system has one): an interruption leaves
    either the whole old set or the whole new set. A folder that holds anything but
    files named in `owned` is not replaced: it may be someone's working folder.
    """
    parent = folder.parent if str(folder.parent) else Path(".")
    old: os.stat_result | None
    try:
        old = os.stat(folder)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    if old is not None:
        if not stat.S_ISDIR(old.st_mode):
            raise UsageError(f"cannot write {folder}: it exists and is not a folder")
        allowed = set(owned)
        try:
            others = sorted(n for n in os.listdir(folder) if n not in allowed)
        except OSError as exc:
            raise UsageError(f"cannot read {folder}: {exc.strerror}") from None
        if others:
            raise UsageError(
                f"{folder} holds other files ({others[0]}...); "
                "name a new folder or one holding only a previous export"
            )
        folder = Path(os.path.realpath(folder))
        parent = folder.parent
    else:
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {parent}: {exc.strerror}") from None
    try:
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name[:200]}.", suffix=".tmp"))
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    try:
        for name, content in files.items():
            with open(tmp / name, "wb") as fh:
                fh.write(_encode(content))
            os.chmod(tmp / name, 0o666 & ~_umask())
        os.chmod(tmp, old.st_mode & 0o7777 if old is not None else 0o777 & ~_umask())
        if old is None:
            os.rename(tmp, folder)  # fails if someone made it meanwhile: nothing is lost
        elif _exchange(tmp, folder):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old set
        else:  # no atomic exchange: two renames, the old set kept until the new is in place
            aside = Path(
                tempfile.mkdtemp(dir=parent, prefix=f".{folder.name[:200]}.", suffix=".old")
            )
            os.rename(folder, aside / "set")
            os.rename(tmp, folder)
            shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only here: it costs start-up time

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    res = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if res == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the filesystem cannot exchange
        return False
    raise OSError(err, os.strerror(err))


# -- stdout and signals ----------------------------------------------------------------


def write_stdout(text: str | bytes, stdout: TextIO) -> None:
    """Print text in pieces, so a reader that stops early (`| head`) is noticed at once;
    bytes (a workbook) go to the binary stream whole.

    A closed pipe becomes `PipeClosed` (exit 141), never another error.
    """
    try:
        if isinstance(text, bytes):
            stdout.flush()
            stdout.buffer.write(text)
            stdout.buffer.flush()
            return
        for start in range(0, len(text), _CHUNK):
            stdout.write(text[start : start + _CHUNK])
            stdout.flush()
    except BrokenPipeError:
        raise PipeClosed from None


def print_lines(lines: Iterable[str], stdout: TextIO) -> None:
    """`print` for many lines, with a closed pipe reported as `PipeClosed`."""
    write_stdout("".join(f"{line}\n" for line in lines), stdout)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that temporary files are cleaned up on the way out."""

    exit_code = Exit.TERMINATED


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def handle_sigterm() -> Callable[[], None]:
    """Treat SIGTERM like SIGINT (an exception that unwinds); returns a function to undo it."""
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread
        return lambda: None

    def undo() -> None:
        signal.signal(signal.SIGTERM, previous)

    return undo


def interrupted_exit(exc: KeyboardInterrupt) -> int:
    """The exit code of an interruption: 143 for SIGTERM, 130 for Ctrl-C."""
    return int(getattr(exc, "exit_code", Exit.INTERRUPTED))
