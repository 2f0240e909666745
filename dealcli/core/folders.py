"""The deal files of a folder and their stamps: what every run looks at in each folder,
to know what changed since the cache last saw it (core/registry.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from stat import S_ISREG

from .errors import Problem, UsageError
from .reading import file_kind, open_folder

SUFFIXES = (".yaml", ".yml")

Stamp = list[int]  # device, inode, size, mtime_ns, ctime_ns (a list, as JSON reads it back)


def scan(folder: Path) -> tuple[dict[str, Stamp], list[Problem]]:
    """The deal files of a folder with their stamps (one scan, one stat each), and a
    warning for each entry named *.yaml or *.yml that cannot be read as a file."""
    files: dict[str, Stamp] = {}
    warnings: list[Problem] = []

    def warn(name: str | None, message: str) -> None:
        where = os.path.join(folder, name) if name else str(folder)
        warnings.append(Problem(where, message, warning=True))

    try:
        fd = open_folder(folder)
    except OSError as exc:
        warn(None, f"cannot read the folder ({exc.strerror}); no deals read from it")
        return files, warnings
    try:
        _scan(fd, files, warn)
    finally:
        os.close(fd)
    return files, warnings


def _scan(fd: int, files: dict[str, Stamp], warn: Callable[[str | None, str], None]) -> None:
    try:
        it = os.scandir(fd)
    except OSError as exc:
        warn(None, f"cannot read the folder ({exc.strerror}); no deals read from it")
        return
    with it:
        while True:
            try:
                e = next(it)
            except StopIteration:
                break
            except OSError as exc:
                warn(None, f"cannot read the folder ({exc.strerror}); some deals may be missing")
                break
            name = e.name
            if not name.endswith(SUFFIXES):
                continue
            try:
                st = os.stat(name, dir_fd=fd)  # through a symlink, as the file will be read
            except OSError as exc:
                warn(name, f"cannot read the file ({exc.strerror}); skipped")
                continue
            if not S_ISREG(st.st_mode):
                warn(name, f"{file_kind(st.st_mode)}, not a regular file; skipped")
                continue
            files[name] = [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def deal_files(folder: Path) -> dict[str, Stamp | None]:
    """Every entry of a folder named *.yaml or *.yml, with its stamp when it is a regular
    file: `deal validate` names each of the others as a problem."""
    try:
        with os.scandir(folder) as it:
            names = [e.name for e in it if e.name.endswith(SUFFIXES)]
    except OSError as exc:
        raise UsageError(f"cannot read {folder}: {exc.strerror}") from None
    files, _ = scan(folder)
    return {name: files.get(name) for name in names}
