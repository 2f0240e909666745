"""Reading the files of a folder that changed since the cache last saw them.

Each file is read, hashed, parsed and validated, and its deal stored in the
cache. A few files are read here, one by one; many (the first run over a large
folder) are read by a pool of processes, one per core, each storing the deals
it reads, so that only their names, `deal list` rows and problems come back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import Folder, encode, remove
from .compared import compared, keep
from .digest import hex_digest
from .errors import Problem
from .model import Deal
from .pool import PARALLEL_FROM, in_pool, worth_a_pool
from .reading import read_deal_bytes, read_limited
from .summary import summarize

__all__ = ["PARALLEL_FROM", "Read", "read_changed", "read_one"]
Progress = Callable[[int, int], None]  # (files read, files to read)


@dataclass
class Read:
    """What reading one file found: the hash of its bytes (empty when it could not be
    read), whether they are the bytes already known, the deal's names and `deal list`
    row when it is valid, its problems; the deal itself when read in this process or
    when it could not be stored."""

    digest: str
    same: bool = False
    names: list[str] | None = None
    row: tuple[Any, ...] | None = None
    problems: list[Problem] = field(default_factory=list)
    deal: Deal | None = None
    warnings: list[Problem] = field(default_factory=list)
    compared: list[Any] | None = None  # what `deal compare` shows of the deal, as kept


def read_one(cache: Folder, name: str, known: str = "") -> Read:
    """Read one file of the cache's folder; `known`: the hash of the bytes last read, when
    the stamp alone cannot tell (a racy entry), so that the same bytes are not parsed again."""
    path = Path(cache.path) / name
    data, problem = read_limited(path)
    digest = hex_digest(data) if data is not None else ""
    if known and digest == known:
        return Read(digest, same=True)
    deal, found = read_deal_bytes(path, data) if data is not None else (None, [])
    where = cache.deal_file(name)
    if problem is not None:
        found = [problem]
    if deal is None:
        if where is not None:
            remove(where)
        return Read(digest, problems=found)
    cache.write(where, encode(deal))
    row = summarize(deal).row()
    return Read(digest, False, list(deal.names), row, found, deal, compared=compared(deal).row())


def read_changed(
    cache: Folder, todo: list[tuple[str, str]], progress: Progress | None = None
) -> Iterator[tuple[str, Read]]:
    """(name, what was read) for each (name, known hash) of `todo`, in its order."""
    if progress is not None:
        progress(0, len(todo))
    # with no cache, a worker could only send each deal back: read them here
    if cache.cache_dir is None or not worth_a_pool(len(todo)):
        results: Iterator[Read] = (read_one(cache, name, known) for name, known in todo)
    else:
        jobs = [(cache.path, cache.cache_dir, name, known) for name, known in todo]
        results = in_pool(_read_in_worker, jobs)
    kept: dict[str, list[Any]] = {}  # what `deal compare` shows, stored before the index
    for done, (item, result) in enumerate(zip(todo, results, strict=True), 1):
        for w in result.warnings:
            cache.warn(w)
        if progress is not None:
            progress(done, len(todo))
        if result.compared is not None:
            kept[item[0]] = result.compared
        yield item[0], result
    keep(cache, kept)


def _read_in_worker(job: tuple[str, Path | None, str, str]) -> Read:
    folder, cache_dir, name, known = job
    warnings: list[Problem] = []
    cache = Folder(Path(folder), cache_dir, warnings.append)
    result = read_one(cache, name, known)
    result.warnings = warnings
    if cache.cache_dir is not None:
        result.deal = None  # stored: read from the cache when needed, not sent back
    return result
