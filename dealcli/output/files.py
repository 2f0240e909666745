"""The one writer of files, and stdout that may close early.

`write_output` is what `-o` and every export file do. Every check is made on the
target the name resolves to, not on how the name is spelled:

- a regular file is replaced atomically (a failure leaves it as it was), keeping its
  mode; a read-only one is refused unless forced;
- a file that other hard links name is rewritten in place, so that the links keep
  sharing it: its room is taken first and it is cut to the new length only once the
  new content is all written, so it is never left short;
- a FIFO or a character device (a terminal, /dev/null), and a descriptor's name
  (/dev/stdout, /proc/self/fd/N), are written into as the shell's `>` does; a
  folder or any other kind of file is refused; `-` is stdout;
- temporary names stay within the file-name limit whatever the target's name.

`write_folder` replaces an export set (a folder) with a new one, and only one it wrote.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TextIO

from ..core.atomic import Content, file_mode, pieces, temp_prefix, write_atomic
from ..core.atomic import encode as _encode
from ..core.atomic import umask as _umask
from ..core.environment import is_terminal
from ..core.errors import Exit, PipeClosed, UsageError
from .streams import check_encoding, failure

_CHUNK = 16 * 1024
_DESCRIPTOR = re.compile(r"/proc/[^/]+/fd/\d+|/dev/fd/\d+|/dev/std(in|out|err)")


def _names_a_descriptor(path: Path) -> bool:
    """Whether `path` leads, through any symlinks, to a descriptor's name: what the shell
    opened (`> file`), written into as it is, never replaced behind the shell's back."""
    here = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on symlinks followed
        here = os.path.join(os.path.realpath(os.path.dirname(here)), os.path.basename(here))
        if _DESCRIPTOR.fullmatch(here):
            return True
        try:
            link = os.readlink(here)
        except OSError:
            return False
        here = os.path.normpath(os.path.join(os.path.dirname(here), link))
    return False


def write_output(
    path: Path, text: Content, force: bool = False, stdout: TextIO | None = None
) -> None:
    """Write `-o` output to `path`, respecting what is there (see the module's docstring).
    Bytes in pieces (a large export) go into a new or replaced file as they come."""
    if str(path) == "-" and stdout is not None:
        if not isinstance(text, str) and is_terminal(stdout):
            raise UsageError("this is a binary file: give -o FILE, or redirect stdout")
        write_stdout(_whole(text), stdout)
        return
    real = os.path.realpath(path)  # a symlink is followed to its target, not replaced
    try:
        st: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    regular = st is not None and stat.S_ISREG(st.st_mode)
    if _names_a_descriptor(path):
        _write_into(path, _bytes(text), truncate=regular)  # as `>`: a FIFO is not truncated
        return
    if st is not None and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        _write_into(Path(real), _bytes(text), truncate=False)
        return
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(f"cannot write {path}: it is a folder")
        if not regular:
            raise UsageError(f"cannot write {path}: not a regular file")
        read_only = not st.st_mode & 0o222 or not os.access(real, os.W_OK)
        if read_only and not force:  # the mode bits count for root too
            raise UsageError(f"{path} is read-only; use --force to replace it")
        if st.st_nlink > 1 and not read_only:
            _rewrite_shared(path, Path(real), _bytes(text))
            return
    write_atomic(Path(real), text)  # pieces are written as they come


def scratch_beside(path: Path) -> Path | None:
    """A new empty file beside `path`'s target, to build in and rename onto it uncopied; None
    where `write_output` must write into or refuse the target (a stream, a shared file ...)."""
    import tempfile

    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real) if os.path.lexists(real) else None
        writable = st is None or bool(st.st_mode & 0o222 and os.access(real, os.W_OK))
        plain = st is None or (stat.S_ISREG(st.st_mode) and st.st_nlink == 1)
        if str(path) == "-" or _names_a_descriptor(path) or not (plain and writable):
            return None
        fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=temp_prefix(real.name), suffix=".tmp")
    except OSError:
        return None
    os.close(fd)
    return Path(tmp)


def replace_with(path: Path, built: Path) -> None:
    """Rename `built` (from `scratch_beside`) onto `path`, keeping an existing file's mode."""
    try:
        os.chmod(built, file_mode(Path(os.path.realpath(path))))
        os.replace(built, os.path.realpath(path))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def _whole(text: Content) -> str | bytes:
    """Pieces joined: written into a stream or a shared file, the content is needed whole."""
    return text if isinstance(text, str | bytes) else b"".join(text)


def _bytes(text: Content) -> bytes:
    return _encode(_whole(text))


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


def _rewrite_shared(path: Path, real: Path, data: bytes) -> None:
    """Rewrite a file other hard links name, in place: the room for the new content is
    taken before a byte changes (a full disk fails here, the file as it was), and the
    file is cut to the new length only after all of it is written."""
    try:
        fd = os.open(real, os.O_WRONLY)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    try:
        if len(data) > os.fstat(fd).st_size:
            try:
                os.posix_fallocate(fd, 0, len(data))
            except OSError as exc:
                if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                    raise
        view, done = memoryview(data), 0
        while done < len(data):
            done += os.pwrite(fd, view[done : done + _CHUNK], done)
        os.ftruncate(fd, len(data))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


# -- a set of files, replaced as one -------------------------------------------------

MANIFEST = ".deal-export"  # in an export set: what deal wrote there, to know it again
_MANIFEST_HEAD = "deal export set 1"


def write_folder(folder: Path, files: dict[str, Content], owned: Iterable[str]) -> None:
    """Write `files` (name -> content) as the folder `folder`, replacing its old set at once.

    The new set is written into a temporary folder beside `folder` and swapped in with
    one rename (an atomic exchange where the system has one): an interruption leaves
    either the whole old set or the whole new set. Only an empty folder or a set this
    writer made is replaced: its manifest names each file as it was written (size, time,
    inode), and a file added, changed or replaced since, or not in `owned`, stops it.
    """
    import tempfile  # only for a set of files: a run to stdout writes none

    target = Path(os.path.realpath(folder))  # a symlink to a folder: the folder itself
    parent = target.parent
    old: os.stat_result | None
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    if old is not None:
        if not stat.S_ISDIR(old.st_mode):
            raise UsageError(f"cannot write {folder}: it exists and is not a folder")
        if not old.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise UsageError(f"{folder} is read-only; make it writable to replace the set")
        _check_set(folder, target, {*owned, MANIFEST})
    else:
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {parent}: {exc.strerror}") from None
    try:
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=temp_prefix(target.name), suffix=".tmp"))
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    try:
        for name, content in files.items():
            _write_new(tmp / name, content)
        _write_new(tmp / MANIFEST, _manifest(tmp, list(files)).encode())
        os.chmod(tmp, old.st_mode & 0o7777 if old is not None else 0o777 & ~_umask())
        if old is None:
            os.rename(tmp, target)  # fails if someone made it meanwhile: nothing is lost
        elif _exchange(tmp, target):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old set
        else:  # no atomic exchange: two renames, the old set kept until the new is in place
            aside = Path(
                tempfile.mkdtemp(dir=parent, prefix=temp_prefix(target.name), suffix=".old")
            )
            os.rename(target, aside / "set")
            os.rename(tmp, target)
            shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _write_new(path: Path, data: Content) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        for piece in pieces(data):
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view[:_CHUNK]) :]
    finally:
        os.close(fd)


def _identity(st: os.stat_result) -> str:
    return f"{st.st_size}\t{st.st_mtime_ns}\t{st.st_ino}"


def _manifest(folder: Path, names: list[str]) -> str:
    lines = [_MANIFEST_HEAD, *(f"{n}\t{_identity(os.lstat(folder / n))}" for n in names)]
    return "\n".join(lines) + "\n"


def _check_set(shown: Path, folder: Path, owned: set[str]) -> None:
    """Refuse to replace a folder that is not empty and not the set this writer left."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror}") from None
    if not names:
        return
    hint = "name a new folder, or an empty one"
    if MANIFEST not in names:
        raise UsageError(f"{shown} holds files deal did not write ({names[0]}...); {hint}")
    from ..core.reading import read_limited

    data, _ = read_limited(folder / MANIFEST)
    lines = (data or b"").decode("utf-8", "replace").splitlines()
    written = dict(line.split("\t", 1) for line in lines[1:] if "\t" in line)
    for name in names:
        if name == MANIFEST:
            continue
        try:
            now = _identity(os.lstat(folder / name))
        except OSError:
            now = ""
        if lines[:1] != [_MANIFEST_HEAD] or name not in owned or written.get(name) != now:
            raise UsageError(
                f"{shown} holds {name}, which is not as the last export wrote it; {hint}"
            )


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

    A closed pipe becomes `PipeClosed` (exit 141), any other failure `OutputError` (exit
    2), and text stdout's encoding cannot hold is refused before any of it is written.
    """
    try:
        if isinstance(text, bytes):
            stdout.flush()
            stdout.buffer.write(text)
            stdout.buffer.flush()
            return
        check_encoding(text, stdout)
        for start in range(0, len(text), _CHUNK):
            stdout.write(text[start : start + _CHUNK])
            stdout.flush()
    except OSError as exc:
        raise failure(exc) from None


def print_lines(lines: Iterable[str], stdout: TextIO) -> None:
    """`print` for many lines, with a closed pipe reported as `PipeClosed`."""
    write_stdout("".join(f"{line}\n" for line in lines), stdout)


class Terminated(BaseException):
    """SIGTERM, raised so that temporary files are cleaned up on the way out (as Ctrl-C's
    KeyboardInterrupt is); not a KeyboardInterrupt, which Typer and Click turn into their
    own exit 130 before the run loop sees it."""

    exit_code = Exit.TERMINATED


class HeldSigterm:
    """A SIGTERM held while a child process starts (`with HeldSigterm() as held:`), so
    that it cannot unwind between the child's fork and its `Popen` object, which would
    leave the child running with no one to end it; `held.came` says one came."""

    active: HeldSigterm | None = None

    def __init__(self) -> None:
        self.came = False

    def __enter__(self) -> HeldSigterm:
        HeldSigterm.active = self
        return self

    def __exit__(self, *exc: object) -> None:
        HeldSigterm.active = None


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    if HeldSigterm.active is not None:
        HeldSigterm.active.came = True
        return
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


def interrupted_exit(exc: BaseException) -> int:
    """The exit code of an interruption: 143 for SIGTERM, 130 for Ctrl-C."""
    return int(getattr(exc, "exit_code", Exit.INTERRUPTED))
