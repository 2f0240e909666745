"""Where deals come from: bundled, then `DEAL_PATH` folders, then `--deals-dir`.

A later source replaces a deal with the same id. A broken file, or a folder
entry that cannot be read, never stops the other deals from loading; its
problems are collected for the caller to report.

Each folder has a cached index (file name -> its stamp, the deal's names, its
errors, a hash of its bytes), the `deal list` rows, and one cached file per
valid deal. The cache is JSON of plain values, never code: a deal is rebuilt
from it through the model's own constructors, without validation (the values
were validated when the file was read). A file's stamp is what changes when
its content does: device, inode, size, mtime and ctime (which `touch` cannot
set back). An entry recorded within the filesystem's timestamp resolution of
the file's last change is "racy": its bytes are hashed again on the next run,
as git does with its index. A command reads and validates only what changed,
and loads a full deal only when it needs it. When no entry is racy, a short
record of the folder (folders.py) is kept beside the index for the hash of the
scan; a run whose scan hashes the same reads the record alone.

The cache is trusted only when it is the user's own: the folders are created
0700, and a cache folder or file that belongs to someone else or that group or
others may write is not read (one warning; the run goes on without a cache).
A cache file that cannot be read for any reason is rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import (
    Folder,
    cache_root,
    checked_index,
    folder_cache,
    ignore,
    problem_from,
    remove,
)
from .errors import DealError, Problem, UsageError
from .folders import RECORD, SUFFIXES, checked_record, record, scan, scan_folder
from .model import Context, Deal
from .problems import short
from .shelf import Entry, Shelf

if TYPE_CHECKING:  # imported where used: a warm run reads no file
    from .fresh import Progress

__all__ = ["Entry", "Registry", "open_registry"]

RACY_NS = 2_000_000_000  # coarser than any timestamp resolution in use (FAT: 2 s)


def bundled_dir() -> Path:
    # found from __file__: importing importlib.resources costs a run more than this does
    packaged = Path(__file__).resolve().parents[1] / "deals"  # else a source tree's deals/
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "deals"


@dataclass
class Registry:
    """The deals found, by id, with the problems and notices of finding them.

    While no name is found in two places (the usual case) the deals stay on their folders'
    shelves, and a name is looked up there: a command on one deal makes one entry. A name
    found twice (a deal that replaces another, a name that now means another deal) puts
    every deal in `entries` at once, as `add` says, so that each notice is given."""

    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    report: Callable[[str], None] | None = None  # cache warnings found later: the shell's
    folders: list[Path] = field(default_factory=list)  # where deals were read, in order
    cache_dir: Path | None = None
    strict: bool = False  # a broken context record stops the run (--strict)
    _records: dict[str, Context] | None = None
    _shelves: list[Shelf] = field(default_factory=list)
    _entries: dict[str, Entry] | None = None  # by id, once the shelves are put together
    _names: dict[str, str] = field(default_factory=dict)  # every name: the id it means

    def shelve(self, shelf: Shelf) -> None:
        """A folder's deals, after those already found (which they may replace)."""
        if self._entries is None and shelf.unique:
            index = shelf.index
            if all(index.keys().isdisjoint(s.index) for s in self._shelves):
                self._shelves.append(shelf)
                return
        self._together()
        with paused_collector():  # many small objects, none in a cycle (as in load_folder)
            for entry in shelf.entries():
                self.add(entry)

    def _together(self) -> dict[str, Entry]:
        """Every deal in `entries`: the shelves' names are all different, so no notice."""
        if self._entries is None:
            self._entries = {}
            shelves, self._shelves = self._shelves, []
            with paused_collector():
                for shelf in shelves:
                    for entry in shelf.entries():
                        self.add(entry)
        return self._entries

    @property
    def entries(self) -> dict[str, Entry]:
        """Every deal found, by id, in the order found."""
        return self._together()

    @property
    def names(self) -> dict[str, str]:
        """Every name of every deal: the id it means."""
        self._together()
        return self._names

    def __len__(self) -> int:
        """How many deals were found, without putting the shelves together."""
        if self._entries is None:
            return sum(len(shelf) for shelf in self._shelves)
        return len(self._entries)

    def lookup(self, key: str) -> Entry | None:
        """The deal a name (lower case) means, or None."""
        if self._entries is None:
            for shelf in self._shelves:
                i = shelf.index.get(key)
                if i is not None:
                    return shelf.entry(i)
            return None
        deal_id = self._names.get(key)
        return None if deal_id is None else self._entries[deal_id]

    def holding(self, path: Path) -> Entry | None:
        """The deal of the file at `path`, when it is one this run found and kept, or None."""
        target = path.resolve()
        if self._entries is not None:
            for entry in self._entries.values():
                if entry.name == target.name and Path(entry.path).resolve() == target:
                    return entry
            return None
        # each file is in one place: found there, not by id; a link by its own name first
        places = {(path.absolute().parent.resolve(), path.name), (target.parent, target.name)}
        for shelf in self._shelves:
            folder = Path(shelf.folder.path).resolve()
            for name in (name for parent, name in places if parent == folder):
                i = shelf.place(name)
                found = None if i is None else shelf.entry(i)
                if found is not None and Path(found.path).resolve() == target:
                    return found
        return None

    def note(self, problem: Problem) -> None:
        """A cache warning: a notice, never a problem of the deals (`--strict` ignores it)."""
        if self.report is not None:
            self.report(str(problem))
        else:
            self.notices.append(str(problem))

    def add(self, entry: Entry) -> None:
        entries, names = self._together(), self._names
        deal_id = entry.id
        old = entries.get(deal_id)
        if old is not None:
            self.notices.append(f"{entry.path}: deal '{deal_id}' replaces the one in {old.path}")
            for name in old.names:
                if names.get(name) == deal_id:
                    del names[name]
        entries[deal_id] = entry
        for name in entry.names:
            owner = names.get(name)
            if owner is not None and owner != deal_id:
                self.notices.append(
                    f"{entry.path}: the name '{name}' now means '{deal_id}', not '{owner}'"
                )
            names[name] = deal_id

    def deals(self) -> list[Deal]:
        # Many deals are many small objects, none in a cycle: the collector, left on, would
        # walk all those already loaded again and again as more come.
        with paused_collector():
            return [e.deal for e in self.entries.values()]

    def records(self) -> dict[str, Context]:
        """The context records of every folder's `context/` folder, by id (read on first use:
        only commands that show context events pay for them)."""
        if self._records is None:
            from .context import load_records

            pairs = [(f, folder_cache(f, self.cache_dir, self.note)) for f in self.folders]
            self._records = load_records(pairs, scan, self._found, self._said)
        return self._records

    def _found(self, problem: Problem) -> None:
        self._said(str(problem))
        if not problem.warning:
            self.problems.append(problem)
            if self.strict:
                raise DealError("--strict: stopping at the problems above")

    def _said(self, text: str) -> None:
        if self.report is not None:
            self.report(text)
        else:
            self.notices.append(text)

    def each_deal(self) -> Iterator[Deal]:
        """Every deal in turn, none kept: one pass over many deals holds one at a time."""
        return (e.load() for e in self.entries.values())

    def resolve(self, name: str) -> Entry:
        key = name.strip().lower()
        found = self.lookup(key)
        if found is not None:
            return found
        broken = self.broken(key)
        if broken is not None:  # the file is there: say why it is not a deal
            raise DealError(
                f"no deal named '{short(name)}': {Path(broken.path).name} exists but failed "
                f"to load\n{broken}\n  see every problem: deal validate {broken.path}"
            )
        close = difflib.get_close_matches(key, list(self.names), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        listing = ", ".join(sorted(self.entries)) or "none"
        if len(self.entries) > 20:
            listing = f"{len(self.entries)} deals; `deal list` names them"
        raise UsageError(f"no deal named '{short(name)}'{hint}\navailable deals: {listing}")

    def broken(self, key: str) -> Problem | None:
        """The first error of a deal file named `key` (key.yaml, key.yml) that failed to load."""
        for p in self.problems:
            path = Path(p.path)
            if not p.warning and path.suffix in SUFFIXES and path.stem.casefold() == key:
                return p
        return None

    def completions(self) -> list[str]:
        return sorted(self.names)


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """The cyclic garbage collector off for a while (reference counting frees as ever)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def open_registry(
    deals_dirs: Iterable[Path] = (),
    deal_path: Iterable[Path] = (),
    cache_dir: Path | None = None,
    bundled: bool = True,
    progress: Progress | None = None,
) -> Registry:
    """The deals of the bundled folder (unless not `bundled`), then `deal_path` (DEAL_PATH's
    folders), then `deals_dirs`; with `cache_dir`, kept there (None: no cache)."""
    registry = Registry()
    warn = registry.problems.append
    root = cache_root(cache_dir, registry.note)
    registry.cache_dir = root
    users = [*deal_path, *deals_dirs]
    folders = [(bundled_dir(), True)] if bundled else []
    folders += [(Path(d), False) for d in users]
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
        registry.folders.append(folder)
        shelf, errors = load_folder(
            folder, is_bundled, root=root, warn=warn, note=registry.note, progress=progress
        )
        registry.problems += errors
        registry.shelve(shelf)
    return registry


def load_folder(
    folder: Path,
    is_bundled: bool = False,
    root: Path | None = None,
    warn: Callable[[Problem], None] = ignore,
    note: Callable[[Problem], None] = ignore,
    progress: Progress | None = None,
) -> tuple[Shelf, list[Problem]]:
    """The deals of one folder's files, in name order, from the cache where they are
    unchanged, and the errors of those that are no deal; `progress(done, total)` hears of
    the files read afresh (fresh.py reads them).

    The index holds each file's stamp, the names of its deal, its errors and, for
    a racy entry, the hash of its bytes; when every stamp matches and none is racy
    (the usual case) no file is opened.
    """
    cache = Folder(folder, folder_cache(folder, root, note), note)
    now = time.time_ns()
    found = scan_folder(folder)
    for w in found.warnings:
        warn(w)
    seen = found.digest()  # the hash of this scan: what the record is kept for
    # The index and the entries are many small objects, none in a cycle: the collector,
    # left on, would walk them again and again as more come (not while files are read:
    # forked workers would start with it off).
    with paused_collector():
        held = checked_record(cache.read(RECORD), seen, found.names)
        if held is not None:  # the same files as when the record was written: no index
            places, every, owners, told = held
            shelf = Shelf(cache, is_bundled, found.names, places, every, owners)
            return shelf, [p for p in map(problem_from, told) if not p.warning]
        current = found.stamps()
        index = checked_index(cache.read("index.json"), current)
    stamps, names, problems, racy = (index[k] for k in ("stamps", "names", "problems", "racy"))
    fresh: dict[str, Deal] = {}
    changed = stamps != current or bool(racy)
    if changed:  # something was added, removed, changed or is racy: read what changed
        rows: dict[str, Any] = {}
        todo = []  # (name, the hash of its bytes when only they can tell whether it changed)
        for name, stamp in current.items():
            digest = racy.pop(name, "")
            if stamps.get(name) != stamp or digest:
                todo.append((name, digest if stamps.get(name) == stamp else ""))
        from .fresh import read_changed

        for name, got in read_changed(cache, todo, progress):
            stamp = current[name]
            # changed within the timestamp resolution of now: hash it again next time
            still_racy = max(stamp[3], stamp[4]) >= now - RACY_NS
            if got.same:
                if still_racy:
                    racy[name] = got.digest
                continue  # the same bytes
            stamps[name] = stamp
            names.pop(name, None)
            problems.pop(name, None)
            if still_racy and got.digest:
                racy[name] = got.digest
            kept = [dataclasses.astuple(p) for p in got.problems if not p.warning]
            if kept:  # a deal's warnings are `deal validate`'s to show, from the file
                problems[name] = kept
            if got.names is not None:
                names[name], rows[name] = got.names, got.row
                if got.deal is not None:
                    fresh[name] = got.deal
        for name in set(stamps) - set(current):  # files that are gone: drop their entries
            for part in (stamps, names, problems, racy):
                part.pop(name, None)
            where = cache.deal_file(name)
            if where is not None:
                remove(where)
        old_row = cache.row  # rows of unchanged files come from the old rows file
        cache.rows = {k: list(row) for k in names if (row := rows.get(k) or old_row(k)) is not None}
        cache.write(cache.cached("rows.json"), cache.rows)
        if where := cache.cached(RECORD):  # gone before the index changes: never another's
            remove(where)
        cache.write(cache.cached("index.json"), index)
    ordered = sorted(current)
    if not racy:  # every entry trusted by its stamp: a run with the same scan reads no more
        cache.write(cache.cached(RECORD), record(seen, index, found.names))
    with paused_collector():
        pairs = [(name, tuple(known)) for name in ordered if (known := names.get(name)) is not None]
        shelf = Shelf.of(cache, is_bundled, pairs)
    if fresh:  # read in this run: no need to decode them again
        for i, (name, _) in enumerate(pairs):
            if name in fresh:
                shelf.entry(i)._deal = fresh[name]
    errors = [problem_from(p) for name in ordered if name in problems for p in problems[name]]
    return shelf, [p for p in errors if not p.warning]  # an older index kept warnings
