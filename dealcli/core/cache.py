"""The cache of deal folders: JSON of plain values in folders only the user may write.

A cached deal is rebuilt from nested lists through the model's own dataclass
constructors, without validation (its values were validated when the file was
read); nothing in the cache can run code. A cache folder or file that another
user owns, or that group or others may write, is not read; a cache file that
fails to read for any reason is rebuilt. Each file starts with the SHA-256 of its
JSON, so a damaged or half-written file is known before it is used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import VERSION, model
from .atomic import write_atomic
from .errors import Problem, UsageError
from .model import Deal

MAX_CACHE_BYTES = 256 * 1024 * 1024  # a cache file past this is not ours to read


def _late_warning(problem: Problem) -> None:
    """A cache failure found with no one to tell: the file is read afresh all the same."""


class Folder:
    """One folder's cache: the index (checked on every run), the `deal list` rows and
    the deals (read only when a command needs them)."""

    def __init__(
        self, path: Path, cache_dir: Path | None, warn: Callable[[Problem], None] = _late_warning
    ) -> None:
        self.path = str(path)
        self.cache_dir = cache_dir
        self.rows: dict[str, Any] | None = None
        self.warn = warn

    def cached(self, name: str) -> Path | None:
        return self.cache_dir / name if self.cache_dir else None

    def deal_file(self, name: str) -> Path | None:
        """The cache file of one deal, named by a hash: any file name fits."""
        return self.cached(
            hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"
        )

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
            self.warn(_cache_problem(path, f"{exc}; not read, running without a cache"))
            self.cache_dir = None
        except Exception as exc:  # any failure of a cache file: rebuild it
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            self.warn(_cache_problem(path, f"unreadable ({reason}); rebuilt"))
        return None

    def write(self, path: Path | None, data: Any) -> None:
        if path is None or self.cache_dir is None:
            return
        try:
            text = json.dumps(data, separators=(",", ":")).encode()
            # the hash first: a damaged or half-written file is known before it is used
            write_atomic(path, hashlib.sha256(text).hexdigest().encode() + b"\n" + text, mode=0o600)
        except UsageError as exc:  # a read-only cache or a full disk: work without a cache
            self.warn(_cache_problem(self.cache_dir, f"not written: {exc}"))
            self.cache_dir = None

    def row(self, name: str) -> tuple[Any, ...] | None:
        if self.rows is None:
            rows = self.read("rows.json")
            self.rows = rows if isinstance(rows, dict) else {}
        row = self.rows.get(name)
        if not isinstance(row, list):  # its layout is checked where it is read
            return None
        return (row[0], tuple(row[1]), *row[2:])


class _Untrusted(Exception):
    pass


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # a stale cache file is harmless: nothing names it
        path.unlink(missing_ok=True)


def _cache_problem(path: Path | None, message: str) -> Problem:
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
            _cache_problem(path, f"cannot use the folder ({exc.strerror}); running without a cache")
        )
        return False
    why = "not a folder" if not stat.S_ISDIR(st.st_mode) else _distrust(st)
    if why is not None:
        warn(_cache_problem(path, f"{why}; not read, running without a cache"))
        return False
    return True


def _cache_root(root: Path | None, warn: Callable[[Problem], None]) -> Path | None:
    """The user's cache folder for deal (`Environment.cache_dir`), created and checked; None
    to run without a cache."""
    return root if root is not None and _trusted_dir(root, warn) else None


def _cache_dir(
    folder: Path, root: Path | None, warn: Callable[[Problem], None] = _late_warning
) -> Path | None:
    if root is None:
        return None
    key = hashlib.sha256(f"{folder.resolve()}|{_code_stamp()}".encode()).hexdigest()[:24]
    path = root / key
    return path if _trusted_dir(path, warn) else None


def _code_stamp() -> str:
    # A cached deal is only as good as the code that validated it and the code that reads it.
    here = Path(__file__).parent
    stamps = [str((here / name).stat().st_mtime_ns) for name in _CODE]
    return "|".join([VERSION, *stamps])


_CODE = (
    "model.py",
    "build.py",
    "parse.py",
    "totals.py",
    "registry.py",
    "cache.py",
    "reading.py",
)


def _read_json(path: Path) -> Any:
    """A cache file's JSON; refuses (`_Untrusted`) a file that is not the user's own."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Untrusted("not a regular file")
        why = _distrust(st)
        if why is not None:
            raise _Untrusted(why)
        if st.st_size > MAX_CACHE_BYTES:
            raise ValueError("too large")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_CACHE_BYTES + 1)
    finally:
        os.close(fd)
    digest, _, text = data.partition(b"\n")
    if hashlib.sha256(text).hexdigest().encode() != digest:
        raise ValueError("damaged")
    return json.loads(text)


def _problem(fields: list[Any]) -> Problem:
    path, message, line, column, field_, hint, warning = fields
    return Problem(str(path), str(message), line, column, str(field_), str(hint), bool(warning))


# -- deals as plain values -----------------------------------------------------------
#
# A deal is stored as nested lists in field order: a dataclass as the list of its
# fields, a tuple as a list, a Decimal as its text, a date as YYYY-MM-DD. Reading
# follows the model's type hints; the dataclasses' constructors build the deal
# without validation, as an unpickled deal was built.


def encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode_deal(data: Any) -> Deal:
    deal = _decoder(Deal)(data)
    if not isinstance(deal, Deal):
        raise TypeError("not a deal")
    return deal


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _decoder(hint: Any) -> Callable[[Any], Any]:
    found = _DECODERS.get(hint)
    if found is None:
        found = _DECODERS[hint] = _make_decoder(hint)
    return found


def _same(value: Any) -> Any:
    if isinstance(value, list | dict):
        raise TypeError("a container where a plain value belongs")
    return value


def _make_decoder(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        return _decoder(args[0])
    if origin is typing.Union or (origin is not None and type(None) in args and len(args) == 2):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if hint is Decimal:
        return lambda v: Decimal(str(v)) if type(v) is str else _bad(v)
    if hint is date:
        return date.fromisoformat
    if origin is tuple:
        item = _decoder(args[0])
        return lambda v: tuple(item(x) for x in v) if type(v) is list else _bad(v)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint, vars(model), include_extras=True)
        fields = [_decoder(hints[f.name]) for f in dataclasses.fields(hint)]
        cls = hint

        def build(v: Any) -> Any:
            if type(v) is not list or len(v) != len(fields):
                _bad(v)
            return cls(*[f(x) for f, x in zip(fields, v, strict=True)])

        return build
    return _same


def _bad(value: Any) -> Any:
    raise TypeError(f"unexpected {type(value).__name__} in a cached deal")
