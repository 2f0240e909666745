"""Where deals come from: bundled, then `DEAL_PATH` folders, then `--deals-dir`.

A later source replaces a deal with the same id. A broken file never stops the
other deals from loading; its problems are collected for the caller to report.

Each folder has a cached index (file name -> size and mtime, the deal's names
and summary, its problems) and one cached pickle per valid deal. A command
checks every file against the index, reads and validates only what changed, and
loads a full deal only when it needs it: `deal show` on a collection of
thousands of deals unpickles one.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DealFileError, Problem, UsageError
from .model import Deal
from .output import write_atomic
from .totals import Summary, summarize

BUNDLED = "bundled"
SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    packaged = Path(str(resources.files("dealcli"))) / "deals"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "deals"  # running from a source tree


class Folder:
    """One folder's cache: the index (checked on every run) and the `deal list` rows
    (read only when a command lists deals)."""

    def __init__(self, path: Path, cache_dir: Path | None) -> None:
        self.path = str(path)
        self.cache_dir = cache_dir
        self.rows: dict[str, tuple[Any, ...]] | None = None

    def cached(self, name: str) -> Path | None:
        return self.cache_dir / name if self.cache_dir else None

    def row(self, name: str) -> tuple[Any, ...] | None:
        if self.rows is None:
            rows = _read_pickle(self.cached("rows.pickle"))
            self.rows = rows if isinstance(rows, dict) else {}
        return self.rows.get(name)


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
            deal = _read_pickle(self.folder.cached(self.name + ".pickle"))
            self._deal = deal if isinstance(deal, Deal) else load_one(Path(self.path))
        return self._deal

    @property
    def summary(self) -> Summary:
        if self._summary is None:
            row = self.folder.row(self.name)
            self._summary = Summary.from_row(row) if row else summarize(self.deal)
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
    folders = [(bundled_dir(), True)] + [(d, False) for d in user_dirs(deals_dirs)]
    for folder, is_bundled in folders:
        if not folder.is_dir():
            registry.problems.append(
                Problem(
                    str(folder),
                    "not a folder; no deals read from it",
                    hint="check DEAL_PATH and --deals-dir",
                )
            )
            continue
        for entry, problems in load_folder(folder, is_bundled):
            registry.problems.extend(p for p in problems if not p.warning)
            if entry is not None:
                registry.add(entry)
    return registry


def deal_files(folder: Path) -> dict[str, tuple[int, int]]:
    """The deal files of a folder, each with its size and mtime (one scan, one stat each)."""
    with os.scandir(folder) as it:
        return {
            e.name: (st.st_size, st.st_mtime_ns)
            for e in it
            if e.name.endswith(SUFFIXES) and e.is_file()
            for st in (e.stat(),)
        }


def load_folder(folder: Path, is_bundled: bool = False) -> list[tuple[Entry | None, list[Problem]]]:
    """Every deal file of one folder, in name order, from the cache where it is unchanged.

    The index holds each file's stamp (size, mtime), the names of its deal and its
    problems; when every stamp matches (the usual case) no file is opened.
    """
    cache = Folder(folder, _cache_dir(folder))
    stored = _read_pickle(cache.cached("index.pickle"))
    stamps, names, problems = (
        stored if isinstance(stored, tuple) and len(stored) == 3 else ({}, {}, {})
    )
    current = deal_files(folder)
    fresh: dict[str, Deal] = {}
    if current != stamps:  # something was added, removed or changed: read what changed
        rows: dict[str, Any] = {}
        for name, stamp in current.items():
            if stamps.get(name) == stamp:
                continue
            names.pop(name, None)
            problems.pop(name, None)
            deal, found = load_file(folder / name)
            if found:
                problems[name] = found
            if deal is not None:
                fresh[name] = deal
                names[name] = deal.names
                rows[name] = summarize(deal).row()
                _write_pickle(cache.cached(name + ".pickle"), deal)
        names = {k: v for k, v in names.items() if k in current}
        problems = {k: v for k, v in problems.items() if k in current}
        known = cache.row  # rows of unchanged files come from the old rows file
        cache.rows = {k: row for k in names if (row := rows.get(k) or known(k)) is not None}
        _write_pickle(cache.cached("rows.pickle"), cache.rows)
        _write_pickle(cache.cached("index.pickle"), (current, names, problems))
    out: list[tuple[Entry | None, list[Problem]]] = []
    for name in sorted(current):
        entry = Entry(cache, name, names[name], is_bundled) if name in names else None
        if entry is not None and name in fresh:
            entry._deal = fresh[name]  # read in this run: no need to unpickle it again
        out.append((entry, problems.get(name, [])))
    return out


def load_file(path: Path) -> tuple[Deal | None, list[Problem]]:
    """Read and validate one file, bypassing the cache."""
    from .loader import read_bytes
    from .validate import build

    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, f"cannot read the file: {exc.strerror}")]
    deal, problems = build(name, read_bytes(name, data, positions=False))
    if problems:  # messages need lines and columns: read again, recording them
        deal, problems = build(name, read_bytes(name, data))
    return deal, problems


def load_one(path: Path) -> Deal:
    deal, problems = load_file(path)
    if deal is None:
        raise DealFileError(str(path), problems)
    return deal


# -- cache -----------------------------------------------------------------


def _cache_dir(folder: Path) -> Path | None:
    if os.environ.get("DEAL_NO_CACHE"):
        return None
    explicit = os.environ.get("DEAL_CACHE_DIR")
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(explicit) if explicit else (Path(base) if base else Path.home() / ".cache") / "deal"
    key = hashlib.sha256(f"{folder.resolve()}|{_code_stamp()}".encode()).hexdigest()[:24]
    return root / key


def _code_stamp() -> str:
    # A cached deal is only as good as the code that validated it.
    here = Path(__file__).parent
    stamps = [str((here / name).stat().st_mtime_ns) for name in _CODE]
    return "|".join([__version__, *stamps])


_CODE = ("model.py", "validate.py", "loader.py", "totals.py")


def _read_pickle(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # the cache is written only by this program
    except (
        OSError,
        pickle.PickleError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        return None


def _write_pickle(path: Path | None, data: Any) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, UsageError):
        pass  # a read-only home or cache: work without a cache
