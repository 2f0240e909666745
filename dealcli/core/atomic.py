"""An atomic file write: a temporary file beside the target, then a rename.

The one primitive every file write stands on: the cache's entries here, and the
shell's `-o` and export files (`output/files.py`) on top of it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import UsageError


def file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~umask()


def umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def encode(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


_NAME_ROOM = 200  # bytes of the target's name kept in a temporary name (the limit is 255)


def temp_prefix(name: str) -> str:
    """The start of a temporary name beside `name`: `.NAME.`, the name cut to 200 bytes
    (not characters) at a character's start, so that with the random part and the suffix
    the temporary name stays within the file-name limit of 255 bytes."""
    raw = os.fsencode(name)
    if len(raw) > _NAME_ROOM:
        raw = raw[:_NAME_ROOM]
        while raw and raw[-1] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off
            raw = raw[:-1]
        if raw and raw[-1] >= 0xC0:  # and the lead byte whose character was cut
            raw = raw[:-1]
    return "." + os.fsdecode(raw) + "."


Content = str | bytes | Iterable[bytes]  # a whole text, or its bytes piece by piece


def pieces(content: Content) -> Iterator[bytes]:
    """The bytes of `content`: a text encoded whole, or the pieces as they come (a large
    export is written without holding it all)."""
    if isinstance(content, str | bytes):
        yield encode(content)
    else:
        yield from content


def write_atomic(path: Path, text: Content, mode: int | None = None) -> None:
    """Write to a temporary file beside `path`, then rename: a failure leaves `path` as it was.

    `mode` sets the new file's permissions; by default an existing file's are kept.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        import tempfile  # only when a file is written: a warm run writes none

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path.name), suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces(text):
                fh.write(piece)
        os.chmod(tmp, file_mode(path) if mode is None else mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
