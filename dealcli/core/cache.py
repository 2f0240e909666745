"""The cache of deal folders: JSON of plain values in folders only the user may write.

A cached deal is rebuilt from nested lists through the model's own dataclass
constructors, each value checked against its field's rules as it is (core/decode.py);
nothing in the cache can run code. A cache folder or file that another user owns, or
that group or others may write, is not read; a cache file that fails to read for any
reason, or holds anything a deal file could not, is rebuilt. Each file starts with the
BLAKE2b hash of its JSON, so a damaged or half-written file is known before it is used. The
cache never prints: its warnings go to the caller's `warn`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import stat
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import VERSION, model
from .atomic import write_atomic
from .decode import decode_day, decode_deal, encode
from .digest import hex_digest
from .errors import Problem, UsageError
from .reading import Refused, read_file

__all__ = ["Folder", "decode_deal", "encode"]

MAX_CACHE_BYTES = 256 * 1024 * 1024  # a cache file past this is not ours to read


def ignore(problem: Problem) -> None:
    """The `warn` of a caller that collects no cache warnings: a cache problem costs at
    worst a slower run, and the core never prints."""


class Folder:
    """One folder's cache: the index (checked on every run), the `deal list` rows and
    the deals (read only when a command needs them)."""

    def __init__(
        self, path: Path, cache_dir: Path | None, warn: Callable[[Problem], None] = ignore
    ) -> None:
        self.path = str(path)
        self.cache_dir = cache_dir
        self.rows: dict[str, Any] | None = None
        self.kept: dict[str, dict[str, Any]] = {}  # other files of values by file name
        self.warn = warn

    def cached(self, name: str) -> Path | None:
        return self.cache_dir / name if self.cache_dir else None

    def deal_file(self, name: str) -> Path | None:
        """The cache file of one deal, named by a hash: any file name fits."""
        return self.cached(hex_digest(name.encode("utf-8", "surrogateescape"))[:32] + ".json")

    def read(self, name: str | None = None, path: Path | None = None) -> Any:
        """A cache file's JSON, or None when missing, unreadable or untrusted (with a warning)."""
        path = path or (self.cached(name) if name else None)
        if path is None:
            return None
        try:
            return _read_json(path)
        except FileNotFoundError:
            return None
        except _Untrusted as exc:
            self.warn(cache_problem(path, f"{exc}; not read, running without a cache"))
            self.cache_dir = None
        except Exception as exc:  # any failure of a cache file: rebuild it
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            self.warn(cache_problem(path, f"unreadable ({reason}); rebuilt"))
        return None

    def write(self, path: Path | None, data: Any) -> None:
        if path is None or self.cache_dir is None:
            return
        try:
            text = json.dumps(data, separators=(",", ":")).encode()
            # the hash first: a damaged or half-written file is known before it is used
            write_atomic(path, hex_digest(text).encode() + b"\n" + text, mode=0o600)
        except UsageError as exc:  # a read-only cache or a full disk: work without a cache
            self.warn(cache_problem(self.cache_dir, f"not written: {exc}"))
            self.cache_dir = None

    def row(self, name: str) -> tuple[Any, ...] | None:
        if self.rows is None:
            rows = self.read("rows.json")
            self.rows = rows if isinstance(rows, dict) else {}
        row = self.rows.get(name)
        if not isinstance(row, list):  # its values are checked where it is read
            return None
        return tuple(row)

    def value(self, file: str, name: str) -> Any:
        """One deal file's value in a cache file of values by file name (compare.json)."""
        if file not in self.kept:
            found = self.read(file)
            self.kept[file] = found if isinstance(found, dict) else {}
        return self.kept[file].get(name)


class _Untrusted(Exception):
    pass


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # a stale cache file is harmless: nothing names it
        path.unlink(missing_ok=True)


def cache_problem(path: Path | None, message: str) -> Problem:
    return Problem(str(path), f"cache: {message}", warning=True)


def _distrust(st: os.stat_result) -> str | None:
    """Why a cache folder or file must not be read, or None when it is the user's own."""
    if st.st_uid != os.geteuid():
        return f"owned by uid {st.st_uid}, not by this user ({os.geteuid()})"
    if st.st_mode & 0o022:
        who = {0o020: "group", 0o002: "others", 0o022: "group and others"}[st.st_mode & 0o022]
        return f"writable by {who} (mode {st.st_mode & 0o7777:04o})"
    return None


def _trusted_dir(path: Path, warn: Callable[[Problem], None]) -> bool:
    """Create `path` 0700 if missing; True when it is a folder of the user's own that
    no one else may write."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(path)
    except OSError as exc:
        warn(
            cache_problem(path, f"cannot use the folder ({exc.strerror}); running without a cache")
        )
        return False
    why = "not a folder" if not stat.S_ISDIR(st.st_mode) else _distrust(st)
    if why is not None:
        warn(cache_problem(path, f"{why}; not read, running without a cache"))
        return False
    return True


def cache_root(root: Path | None, warn: Callable[[Problem], None]) -> Path | None:
    """The user's cache folder for deal (`Environment.cache_dir`), created and checked; None
    to run without a cache."""
    return root if root is not None and _trusted_dir(root, warn) else None


def folder_cache(
    folder: Path, root: Path | None, warn: Callable[[Problem], None] = ignore
) -> Path | None:
    if root is None:
        return None
    key = hex_digest(f"{folder.resolve()}|{_code_stamp()}".encode())[:24]
    path = root / key
    return path if _trusted_dir(path, warn) else None


def _code_stamp() -> str:
    # A cached deal is only as good as the code that validated it and the code that reads it.
    here = Path(__file__).parent
    stamps = [str((here / name).stat().st_mtime_ns) for name in _CODE]
    return "|".join([VERSION, *stamps])


_CODE = (
    "model.py",
    "fields.py",
    "build.py",
    "parse.py",
    "scalars.py",
    "rules.py",
    "format2.py",
    "totals.py",
    "registry.py",
    "folders.py",
    "summary.py",
    "compared.py",
    "cache.py",
    "decode.py",
    "builders.py",
    "reading.py",
    "digest.py",
)


def _check_trust(st: os.stat_result) -> None:
    why = _distrust(st)
    if why is not None:
        raise _Untrusted(why)


def _read_json(path: Path) -> Any:
    """A cache file's JSON; refuses (`_Untrusted`) a file that is not the user's own."""
    try:  # never through a symbolic link: a planted link could name any file
        data = read_file(path, MAX_CACHE_BYTES, follow=False, check=_check_trust)
    except Refused as exc:
        if exc.kind == "type":
            raise _Untrusted("not a regular file") from None
        raise ValueError(exc.message) from None
    digest, _, text = data.partition(b"\n")
    if hex_digest(text).encode() != digest:
        raise ValueError("damaged")
    return json.loads(text)


def problem_from(fields: list[Any]) -> Problem:
    path, message, line, column, field_, hint, warning = fields
    return Problem(path, message, line, column, field_, hint, warning)


# -- the folder index, checked as it is read ---------------------------------------------

_PARTS = ("stamps", "names", "problems", "racy")
_SLUG = re.compile(model.SLUG_PATTERN.removeprefix("^").removesuffix("$"))
_HEX = re.compile(r"[0-9a-f]{64}")
_PROBLEM: tuple[Any, ...] = (str, str, (int, type(None)), (int, type(None)), str, str, bool)


def checked_index(
    stored: Any, scanned: dict[str, list[int]] | None = None
) -> dict[str, dict[str, Any]]:
    """The index as stored: a dict each of stamps, names, problems and (for racy entries)
    hashes of the bytes, by file name; an empty one, so that every file is read again,
    when any part of it is not what this code writes. Stamps equal to those `scanned`
    (the usual run) are known to be numbers already."""
    empty: dict[str, dict[str, Any]] = {k: {} for k in _PARTS}
    if not isinstance(stored, dict) or not all(isinstance(stored.get(k), dict) for k in _PARTS):
        return empty
    index = {k: stored[k] for k in _PARTS}
    checks: dict[str, Callable[[Any], bool]] = {
        "problems": lambda v: type(v) is list and all(stored_problem(p) for p in v),
        "racy": lambda v: type(v) is str and bool(_HEX.fullmatch(v)),
    }
    if scanned is not None and index["stamps"] == scanned:
        index["stamps"] = dict(scanned)  # the same values: compared again at no cost
    else:
        checks["stamps"] = _stamp
    for part, ok in checks.items():
        if not all(type(k) is str and ok(v) for k, v in index[part].items()):
            return empty
    if not _all_names(index["names"]):
        return empty
    return index


def _stamp(value: Any) -> bool:
    return type(value) is list and len(value) == 5 and all(type(n) is int for n in value)


def _names(value: Any) -> bool:
    return (
        type(value) is list
        and len(value) > 0
        and all(type(n) is str and _SLUG.fullmatch(n) for n in value)
    )


_SLUG_LINES = re.compile(f"{_SLUG.pattern}(?:\n{_SLUG.pattern})*")


def _all_names(part: dict[Any, Any]) -> bool:
    """Each value of `part` a non-empty list of slugs: checked in one pass over all of them
    (ten thousand deals have twenty thousand names)."""
    values = part.values()
    if not set(map(type, part)) <= {str} or not set(map(type, values)) <= {list}:
        return False
    if not all(values):
        return False
    if not values:
        return True
    try:
        joined = "\n".join(itertools.chain.from_iterable(values))
    except TypeError:  # a name that is not text
        return False
    # one line a name: a name with a line break in it would make two
    count = sum(map(len, values))
    return joined.count("\n") == count - 1 and _SLUG_LINES.fullmatch(joined) is not None


def stored_problem(value: Any) -> bool:
    return (
        type(value) is list
        and len(value) == len(_PROBLEM)
        and all(
            isinstance(v, t) and (t is not str or len(v) < 65536)
            for v, t in zip(value, _PROBLEM, strict=True)
        )
        and all(type(v) is not bool for v in value[2:4])
    )


# -- the `deal list` rows' values, checked as they are read (registry.Summary.from_row) -----


def text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("a cached row holds a non-text value")
    return value


def optional(*kinds: type) -> tuple[Callable[[Any], Any], ...]:
    """A check for each kind: None or a value of exactly that type."""

    def of(kind: type) -> Callable[[Any], Any]:
        def check(value: Any) -> Any:
            if value is not None and type(value) is not kind:
                raise TypeError("a cached row holds a value of the wrong type")
            return value

        return check

    return tuple(of(kind) for kind in kinds)


def slugs(value: Any) -> tuple[str, ...]:
    if not _names(list(value) if type(value) is tuple else value):
        raise TypeError("a cached row holds names that are not a deal's")
    return tuple(value)


def total(value: Any) -> Decimal:
    """A sum of amounts: finite, not negative, of at most nine places."""
    if type(value) is not str or len(value) > 40:
        raise TypeError("a cached row holds a total that is not a number's text")
    number = Decimal(value)  # InvalidOperation is an ArithmeticError: the row is computed
    if not number.is_finite() or number < 0 or model.places(number) > model.MAX_PLACES:
        raise ValueError("a cached row holds a total out of bounds")
    return number


def day(value: Any) -> date:
    return decode_day(value)
