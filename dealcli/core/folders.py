"""The deal files of a folder and their stamps: what every run looks at in each folder,
to know what changed since the cache last saw it (core/registry.py); and the record of
one scan, which a run whose scan hashes the same reads instead of the folder's index."""

from __future__ import annotations

import os
import re
from array import array
from collections.abc import Callable
from pathlib import Path
from stat import S_ISREG
from typing import Any

from .cache import stored_problem
from .digest import hex_digest
from .errors import Problem, UsageError
from .reading import file_kind, open_folder

SUFFIXES = (".yaml", ".yml")

Stamp = list[int]  # device, inode, size, mtime_ns, ctime_ns (a list, as JSON reads it back)


class Scan:
    """A folder's deal files in the order the folder lists them, five numbers each (a
    stamp: device, inode, size, mtime_ns, ctime_ns, one after another), and a warning for
    each entry named *.yaml or *.yml that cannot be read as a file."""

    __slots__ = ("names", "numbers", "warnings")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.numbers: list[int] = []
        self.warnings: list[Problem] = []

    def stamps(self) -> dict[str, Stamp]:
        numbers = self.numbers
        return {name: numbers[5 * i : 5 * i + 5] for i, name in enumerate(self.names)}

    def digest(self) -> str:
        """The hash of the names and stamps in order: the same only when no file was added,
        removed or changed (and the folder lists them in the same order)."""
        try:  # the numbers as 8-byte integers; one too large for that: as text
            numbers = b"q" + array("q", self.numbers).tobytes()
        except OverflowError:
            numbers = b"t" + " ".join(map(str, self.numbers)).encode()
        names = "\0".join(self.names).encode("utf-8", "surrogateescape")
        # the count first: the names end where the numbers' known length begins
        return hex_digest(b"%d\0%s%s" % (len(self.names), names, numbers))


def scan(folder: Path) -> tuple[dict[str, Stamp], list[Problem]]:
    """The deal files of a folder with their stamps (one scan, one stat each), and a
    warning for each entry named *.yaml or *.yml that cannot be read as a file."""
    found = scan_folder(folder)
    return found.stamps(), found.warnings


def scan_folder(folder: Path) -> Scan:
    """The deal files of a folder, one stat each, as `Scan` holds them."""
    found = Scan()

    def warn(name: str | None, message: str) -> None:
        where = os.path.join(folder, name) if name else str(folder)
        found.warnings.append(Problem(where, message, warning=True))

    try:
        fd = open_folder(folder)
    except OSError as exc:
        warn(None, f"cannot read the folder ({exc.strerror}); no deals read from it")
        return found
    try:
        _scan(fd, found, warn)
    finally:
        os.close(fd)
    return found


def _scan(fd: int, found: Scan, warn: Callable[[str | None, str], None]) -> None:
    try:  # the names alone (no entry objects), then one stat each
        names = os.listdir(fd)
    except OSError as exc:
        warn(None, f"cannot read the folder ({exc.strerror}); no deals read from it")
        return
    add, extend, stat = found.names.append, found.numbers.extend, os.stat
    for name in names:
        if not name.endswith(SUFFIXES):
            continue
        try:
            st = stat(name, dir_fd=fd)  # through a symlink, as the file will be read
        except OSError as exc:
            warn(name, f"cannot read the file ({exc.strerror}); skipped")
            continue
        if not S_ISREG(st.st_mode):
            warn(name, f"{file_kind(st.st_mode)}, not a regular file; skipped")
            continue
        add(name)
        extend((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))


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


# -- the record of one scan: what a warm run reads instead of the index ------------------

RECORD = "scan.json"  # the folder's deals as of one scan: what a warm run reads
_NAME_LETTERS = re.compile("[a-z0-9 -]*")
_NOT_IN_NAMES = ("--", "- ", " -", "  ")


def record(digest: str, index: dict[str, dict[str, Any]], scanned: list[str]) -> dict[str, Any]:
    """The index in short, for the scan `digest` of the files `scanned` (in its order):
    the deal files by their place in the scan, in name order; every name of their deals,
    file by file, and for each name the deal it belongs to (its place in `files`); and the
    problems. A run whose scan has the same digest needs no more."""
    names, problems = index["names"], index["problems"]
    place = {name: i for i, name in enumerate(scanned)}
    ordered = sorted(scanned)
    listed = [name for name in ordered if name in names]
    return {
        "scan": digest,
        "files": [place[name] for name in listed],
        "names": " ".join(n for name in listed for n in names[name]),
        "owners": [i for i, name in enumerate(listed) for _ in names[name]],
        "problems": [p for name in ordered if name in problems for p in problems[name]],
    }


def checked_record(
    stored: Any, digest: str, scanned: list[str]
) -> tuple[list[int], list[str], list[int], list[list[Any]]] | None:
    """The deal files (their places in `scanned`), every name of their deals, the deal of
    each name and the problems, as the record of the scan `digest` of the files `scanned`
    holds them; None when it is another scan's, or any part of it is not what `record`
    writes. Checked as whole lists, not item by item: it is read by every warm run."""
    if type(stored) is not dict or stored.get("scan") != digest:
        return None
    files, text, owners = stored.get("files"), stored.get("names"), stored.get("owners")
    problems = stored.get("problems")
    if type(files) is not list or type(text) is not str or type(owners) is not list:
        return None
    if type(problems) is not list or not _names(text):
        return None
    names = text.split(" ") if text else []
    if len(owners) != len(names) or not _places(files, len(scanned)):
        return None
    if owners and not (  # each deal has a name, its names one after another
        set(map(type, owners)) == {int}
        and owners[0] == 0
        and owners[-1] == len(files) - 1
        and owners == sorted(owners)
        and len(set(owners)) == len(files)
    ):
        return None
    if len(files) > len(owners) or not all(stored_problem(p) for p in problems):
        return None
    return files, names, owners, problems


def _places(files: list[Any], count: int) -> bool:
    """Places in a scan of `count` files, each an integer, none twice."""
    return not files or (
        set(map(type, files)) == {int}
        and len(set(files)) == len(files)
        and min(files) >= 0
        and max(files) < count
    )


def _names(text: str) -> bool:
    """Slugs, one space between two: the slug pattern's rules, checked as the letters
    allowed and the pairs never found (a pattern of slugs over ten thousand names costs
    twice as much)."""
    if not text:
        return True
    return (
        _NAME_LETTERS.fullmatch(text) is not None
        and text[0] not in "- "
        and text[-1] not in "- "
        and not any(bad in text for bad in _NOT_IN_NAMES)
    )
