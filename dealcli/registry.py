"""Where deals come from: bundled, then `DEAL_PATH` folders, then `--deals-dir`.

A later source replaces a deal with the same id. A broken file, or a folder
entry that cannot be read, never stops the other deals from loading; its
problems are collected for the caller to report.

Each folder has a cached index (file name -> its stamp, the deal's names, its
problems, a hash of its bytes), the `deal list` rows, and one cached file per
valid deal. The cache is JSON of plain values, never code: a deal is rebuilt
from it through the model's own constructors, without validation (the values
were validated when the file was read). A file's stamp is what changes when
its content does: device, inode, size, mtime and ctime (which `touch` cannot
set back). An entry recorded within the filesystem's timestamp resolution of
the file's last change is "racy": its bytes are hashed again on the next run,
as git does with its index. A command reads and validates only what changed,
and loads a full deal only when it needs it.

The cache is trusted only when it is the user's own: the folders are created
0700, and a cache folder or file that belongs to someone else or that group or
others may write is not read (one warning; the run goes on without a cache).
A cache file that cannot be read for any reason is rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import hashlib
import json
import os
import stat
import sys
import time
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__, model
from .errors import DealFileError, Problem, UsageError
from .files import write_atomic
from .model import Deal
from .render.cells import clean
from .totals import Summary, summarize

BUNDLED = "bundled"
SUFFIXES = (".yaml", ".yml")
RACY_NS = 2_000_000_000  # coarser than any timestamp resolution in use (FAT: 2 s)
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a cache file past this is not ours to read

Stamp = list[int]  # device, inode, size, mtime_ns, ctime_ns (a list, as JSON reads it back)


def bundled_dir() -> Path:
    packaged = Path(str(resources.files("dealcli"))) / "deals"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "deals"  # running from a source tree


def _late_warning(problem: Problem) -> None:
    """A cache failure found after the registry's problems were reported."""
    print(f"deal: {problem}", file=sys.stderr)


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
        if not isinstance(row, list) or len(row) != 10:
            return None
        return (row[0], tuple(row[1]), *row[2:])


class Entry:
    """One deal found in a folder; its summary and the full deal are read on first use."""

    __slots__ = ("_deal", "_summary", "bundled", "folder", "id", "name", "names")

    def __init__(self, folder: Folder, name: str, names: tuple[str, ...], bundled: bool) -> None:
        self.folder = folder
        self.name = name
        self.id = names[0]
        self.names = names
        self.bundled = bundled
        self._deal: Deal | None = None
        self._summary: Summary | None = None

    @property
    def path(self) -> str:
        return os.path.join(self.folder.path, self.name)

    @property
    def origin(self) -> str:
        """Where the deal came from: "bundled", or the file's path."""
        return BUNDLED if self.bundled else self.path

    @property
    def deal(self) -> Deal:
        if self._deal is None:
            where = self.folder.deal_file(self.name)
            data = self.folder.read(path=where) if where else None
            deal = None
            if data is not None:
                try:
                    deal = decode_deal(data)
                except Exception as exc:  # a damaged cache file: read the deal file instead
                    self.folder.warn(_cache_problem(where, f"unreadable ({type(exc).__name__})"))
            self._deal = deal if deal is not None else load_one(Path(self.path))
        return self._deal

    @property
    def summary(self) -> Summary:
        if self._summary is None:
            row = self.folder.row(self.name)
            summary = None
            if row:
                try:
                    summary = Summary.from_row(row)
                except Exception:  # a damaged row: compute it
                    summary = None
            self._summary = summary or summarize(self.deal)
        return self._summary


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        deal_id = entry.id
        old = self.entries.get(deal_id)
        if old is not None:
            self.notices.append(f"{entry.path}: deal '{deal_id}' replaces the one in {old.path}")
            for name in old.names:
                if self.names.get(name) == deal_id:
                    del self.names[name]
        self.entries[deal_id] = entry
        for name in entry.names:
            owner = self.names.get(name)
            if owner is not None and owner != deal_id:
                self.notices.append(
                    f"{entry.path}: the name '{name}' now means '{deal_id}', not '{owner}'"
                )
            self.names[name] = deal_id

    def deals(self) -> list[Deal]:
        return [e.deal for e in self.entries.values()]

    def resolve(self, name: str) -> Entry:
        key = name.strip().lower()
        if key in self.names:
            return self.entries[self.names[key]]
        close = difflib.get_close_matches(key, list(self.names), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        listing = ", ".join(sorted(self.entries)) or "none"
        if len(self.entries) > 20:
            listing = f"{len(self.entries)} deals; `deal list` names them"
        raise UsageError(f"no deal named '{name}'{hint}\navailable deals: {listing}")

    def completions(self) -> list[str]:
        return sorted(self.names)


def user_dirs(deals_dirs: Iterable[Path]) -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("DEAL_PATH", "").split(":") if p.strip()]
    return dirs + list(deals_dirs)


def load(deals_dirs: Iterable[Path] = ()) -> Registry:
    registry = Registry()
    warn = registry.problems.append
    root = _cache_root(warn)
    folders = [(bundled_dir(), True)] + [(d, False) for d in user_dirs(deals_dirs)]
    for folder, is_bundled in folders:
        if not folder.is_dir():
            registry.problems.append(
                Problem(
                    clean(str(folder)),
                    "not a folder; no deals read from it",
                    hint="check DEAL_PATH and --deals-dir",
                )
            )
            continue
        for entry, problems in load_folder(folder, is_bundled, root=root, warn=warn):
            registry.problems.extend(p for p in problems if not p.warning)
            if entry is not None:
                registry.add(entry)
    return registry


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for a message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def scan(folder: Path) -> tuple[dict[str, Stamp], list[Problem]]:
    """The deal files of a folder with their stamps (one scan, one stat each), and a
    warning for each entry named *.yaml or *.yml that cannot be read as a file."""
    files: dict[str, Stamp] = {}
    warnings: list[Problem] = []

    def warn(name: str | None, message: str) -> None:
        where = os.path.join(folder, name) if name else str(folder)
        warnings.append(Problem(clean(where), message, warning=True))

    try:
        it = os.scandir(folder)
    except OSError as exc:
        warn(None, f"cannot read the folder ({exc.strerror}); no deals read from it")
        return files, warnings
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
                st = os.stat(e.path)  # through a symlink, as the file will be read
            except OSError as exc:
                warn(name, f"cannot read the file ({exc.strerror}); skipped")
                continue
            kind = _kind(st.st_mode)
            if kind is not None:
                warn(name, f"{kind}, not a regular file; skipped")
                continue
            files[name] = [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    return files, warnings


def deal_files(folder: Path) -> dict[str, Stamp | None]:
    """Every entry of a folder named *.yaml or *.yml, with its stamp when it is a regular
    file: `deal validate` names each of the others as a problem."""
    try:
        with os.scandir(folder) as it:
            names = [e.name for e in it if e.name.endswith(SUFFIXES)]
    except OSError as exc:
        raise UsageError(f"cannot read {clean(str(folder))}: {exc.strerror}") from None
    files, _ = scan(folder)
    return {name: files.get(name) for name in names}


def load_folder(
    folder: Path,
    is_bundled: bool = False,
    root: Path | None = None,
    warn: Callable[[Problem], None] = _late_warning,
) -> list[tuple[Entry | None, list[Problem]]]:
    """Every deal file of one folder, in name order, from the cache where it is unchanged.

    The index holds each file's stamp, the names of its deal, its problems and, for
    a racy entry, the hash of its bytes; when every stamp matches and none is racy
    (the usual case) no file is opened.
    """
    cache = Folder(folder, _cache_dir(folder, root, warn), warn)
    now = time.time_ns()
    current, warnings = scan(folder)
    for w in warnings:
        warn(w)
    index = _index(cache.read("index.json"))
    stamps, names, problems, racy = (index[k] for k in ("stamps", "names", "problems", "racy"))
    fresh: dict[str, Deal] = {}
    changed = stamps != current or bool(racy)
    if changed:  # something was added, removed, changed or is racy: read what changed
        rows: dict[str, Any] = {}
        for name, stamp in current.items():
            digest = racy.pop(name, "")
            if stamps.get(name) == stamp and not digest:
                continue
            path = folder / name
            data, problem = read_limited(path)
            now_hash = hashlib.sha256(data).hexdigest() if data is not None else ""
            # changed within the timestamp resolution of now: hash it again next time
            still_racy = max(stamp[3], stamp[4]) >= now - RACY_NS
            if digest and stamps.get(name) == stamp and now_hash == digest:
                if still_racy:
                    racy[name] = digest
                continue  # the same bytes
            stamps[name] = stamp
            names.pop(name, None)
            problems.pop(name, None)
            if still_racy and data is not None:
                racy[name] = now_hash
            deal, found = load_bytes(path, data) if data is not None else (None, [])
            if problem is not None:
                found = [problem]
            if found:
                problems[name] = [dataclasses.astuple(p) for p in found]
            where = cache.deal_file(name)
            if deal is not None:
                fresh[name] = deal
                names[name] = list(deal.names)
                rows[name] = summarize(deal).row()
                cache.write(where, encode(deal))
            elif where is not None:
                _remove(where)
        for name in set(stamps) - set(current):  # files that are gone: drop their entries
            for part in (stamps, names, problems, racy):
                part.pop(name, None)
            where = cache.deal_file(name)
            if where is not None:
                _remove(where)
        old_row = cache.row  # rows of unchanged files come from the old rows file
        cache.rows = {k: list(row) for k in names if (row := rows.get(k) or old_row(k)) is not None}
        cache.write(cache.cached("rows.json"), cache.rows)
        cache.write(cache.cached("index.json"), index)
    out: list[tuple[Entry | None, list[Problem]]] = []
    for name in sorted(current):
        known = names.get(name)
        entry = Entry(cache, name, tuple(known), is_bundled) if known else None
        if entry is not None and name in fresh:
            entry._deal = fresh[name]  # read in this run: no need to decode it again
        stored = problems.get(name)
        out.append((entry, [_problem(p) for p in stored] if stored else []))
    return out


def _index(stored: Any) -> dict[str, dict[str, Any]]:
    """The index as stored (its hash checked on reading), or an empty one: a dict each of
    stamps, names, problems and (for racy entries) hashes of the bytes, by file name."""
    parts = ("stamps", "names", "problems", "racy")
    if isinstance(stored, dict) and all(isinstance(stored.get(k), dict) for k in parts):
        return {k: stored[k] for k in parts}
    return {k: {} for k in parts}


def read_limited(path: Path) -> tuple[bytes | None, Problem | None]:
    """A deal file's bytes, or why not: only a regular file, and at most the size limit
    plus one byte (so a file grown past the limit is still seen as too large)."""
    from .loader import MAX_BYTES

    name = clean(str(path))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the open
    except OSError as exc:
        return None, Problem(name, f"cannot read the file: {exc.strerror}")
    try:
        st = os.fstat(fd)
        kind = _kind(st.st_mode)
        if kind is not None:
            return None, Problem(
                name, f"{kind}, not a regular file", hint="name a deal file (*.yaml)"
            )
        if st.st_size > MAX_BYTES:
            return None, _too_large(name, st.st_size)
        chunks = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > MAX_BYTES:
            return None, _too_large(name, len(data))
        return data, None
    except OSError as exc:
        return None, Problem(name, f"cannot read the file: {exc.strerror}")
    finally:
        os.close(fd)


def _too_large(name: str, size: int) -> Problem:
    from .loader import MAX_BYTES

    return Problem(
        name,
        f"the file is {size:,} bytes; deal files are limited to {MAX_BYTES:,}",
        hint="split it, or check that this is really a deal file",
    )


def load_bytes(path: Path, data: bytes) -> tuple[Deal | None, list[Problem]]:
    from .loader import Parsed, read_bytes
    from .validate import build

    name = clean(str(path))
    parsed = read_bytes(name, data, positions=False)
    value, dropped = _trimmed(parsed)
    if not dropped:
        deal, problems = build(name, Parsed(value, parsed.positions, parsed.problems))
        if not problems:
            return deal, problems
    # messages need lines and columns: read again, recording them
    parsed = read_bytes(name, data)
    value, dropped = _trimmed(parsed)
    deal, problems = build(name, Parsed(value, parsed.positions, parsed.problems))
    return deal, _capped(name, problems, dropped)


def _trimmed(parsed: Any) -> tuple[Any, int]:
    """The parsed value with its lists cut where more than MAX_PROBLEMS keys are unknown
    or missing, and how many such problems were cut: a file of thousands of broken
    items costs no more to reject than one of fifty."""
    if parsed.problems or not isinstance(parsed.value, dict):
        return parsed.value, 0
    value, _, dropped = _trim(parsed.value, Deal, MAX_PROBLEMS)
    return value, dropped


def _trim(node: Any, cls: type, budget: int) -> tuple[Any, int, int]:
    """`node` as `cls`, lists cut past `budget` shape problems; (node, kept, dropped)."""
    if not isinstance(node, dict):
        return node, 1, 0
    fields, required = _shape(cls)
    used = sum(1 for k in node if k not in fields) + sum(1 for k in required if k not in node)
    dropped = 0
    out = dict(node)
    for key, (sub, is_list) in fields.items():
        value = node.get(key)
        if sub is None or value is None:
            continue
        if not is_list:
            out[key], u, d = _trim(value, sub, budget - used)
            used, dropped = used + u, dropped + d
        elif isinstance(value, list):
            kept = []
            for item in value:
                if used > budget:
                    _, u, d = _trim(item, sub, 0)
                    dropped += u + d
                    continue
                new, u, d = _trim(item, sub, budget - used)
                kept.append(new)
                used, dropped = used + u, dropped + d
            out[key] = kept
    return out, used, dropped


_SHAPES: dict[type, tuple[dict[str, tuple[type | None, bool]], frozenset[str]]] = {}


def _shape(cls: type) -> tuple[dict[str, tuple[type | None, bool]], frozenset[str]]:
    """A model class's YAML keys, each with the class of its value (or of its list's
    items) when that is a model class, and the keys it requires."""
    if cls not in _SHAPES:
        hints = typing.get_type_hints(cls, vars(model), include_extras=True)
        fields: dict[str, tuple[type | None, bool]] = {}
        required = set()
        for f in dataclasses.fields(cls):
            key = f.name.rstrip("_")
            hint = _strip(hints[f.name])
            is_list = typing.get_origin(hint) is tuple
            inner = _strip(typing.get_args(hint)[0]) if is_list else hint
            sub = inner if dataclasses.is_dataclass(inner) and isinstance(inner, type) else None
            fields[key] = (sub, is_list)
            if f.default is dataclasses.MISSING:
                required.add(key)
        _SHAPES[cls] = (fields, frozenset(required))
    return _SHAPES[cls]


def _strip(hint: Any) -> Any:
    """Annotated[X, ...] and X | None as X."""
    while True:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is typing.Annotated:
            hint = args[0]
        elif type(None) in args and len(args) == 2:
            hint = next(a for a in args if a is not type(None))
        else:
            return hint


MAX_PROBLEMS = 50  # per file; the rest are counted


def _capped(name: str, problems: list[Problem], unchecked: int = 0) -> list[Problem]:
    """The first MAX_PROBLEMS problems (errors first), then one line counting the rest."""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    out = errors[:MAX_PROBLEMS] + warnings[: max(0, MAX_PROBLEMS - len(errors))]
    more = len(problems) - len(out) + unchecked
    errors_cut = len(errors) > MAX_PROBLEMS or unchecked > 0
    if more:
        kind = "problem(s)" if errors_cut else "warning(s)"
        out.append(
            Problem(
                name,
                f"and {more:,} more {kind}",
                hint="fix the ones above first",
                warning=not errors_cut,
            )
        )
    return out


def load_file(path: Path) -> tuple[Deal | None, list[Problem]]:
    """Read and validate one file, bypassing the cache."""
    data, problem = read_limited(path)
    if data is None:
        return None, [problem] if problem else []
    return load_bytes(path, data)


def load_one(path: Path) -> Deal:
    deal, problems = load_file(path)
    if deal is None:
        raise DealFileError(clean(str(path)), problems)
    return deal


# -- cache -----------------------------------------------------------------


class _Untrusted(Exception):
    pass


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # a stale cache file is harmless: nothing names it
        path.unlink(missing_ok=True)


def _cache_problem(path: Path | None, message: str) -> Problem:
    return Problem(clean(str(path)), f"cache: {message}", warning=True)


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


def _cache_root(warn: Callable[[Problem], None]) -> Path | None:
    """The user's cache folder for deal, checked; None to run without a cache."""
    if os.environ.get("DEAL_NO_CACHE"):
        return None
    explicit = os.environ.get("DEAL_CACHE_DIR")
    base = os.environ.get("XDG_CACHE_HOME")
    if explicit:
        root = Path(explicit)
    elif base:
        root = Path(base) / "deal"
    else:
        try:
            root = Path.home() / ".cache" / "deal"
        except (RuntimeError, KeyError, OSError):  # no home folder: no cache, no warning
            return None
    return root if _trusted_dir(root, warn) else None


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
    return "|".join([__version__, *stamps])


_CODE = ("model.py", "validate.py", "loader.py", "totals.py", "registry.py")


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
