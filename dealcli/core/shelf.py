"""One folder's deals as a run finds them: the files in name order, the names of each, and
which deal each name means. An `Entry` is made only for a deal that is asked for, so a
command on one deal beside ten thousand makes one, not ten thousand (core/registry.py)."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Folder, cache_problem, decode_deal, encode
from .model import Deal
from .reading import read_deal

if TYPE_CHECKING:  # imported where used: a warm run lists no deal
    from .summary import Summary

BUNDLED = "bundled"


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
            self._deal = self.load()
        return self._deal

    def load(self) -> Deal:
        """The deal, as `deal` gives it, but not kept when it had to be read."""
        if self._deal is None:
            where = self.folder.deal_file(self.name)
            data = self.folder.read(path=where) if where else None
            deal = None
            if data is not None:
                try:
                    deal = decode_deal(data, self.names)
                except Exception as exc:  # a damaged or planted entry: read the deal file
                    self.folder.warn(cache_problem(where, f"unreadable ({type(exc).__name__})"))
            if deal is None:
                deal = read_deal(Path(self.path))
                if data is not None:  # replace the entry, so the next run reads it again
                    self.folder.write(where, encode(deal))
            return deal
        return self._deal

    @property
    def summary(self) -> Summary:
        from .summary import Summary, summarize

        if self._summary is None:
            summary = None
            try:
                row = self.folder.row(self.name)
                summary = Summary.from_row(row) if row else None
            except Exception:  # a damaged or planted row: compute it
                summary = None
            if summary is not None and summary.names != self.names:
                summary = None
            self._summary = summary or summarize(self.deal)
        return self._summary


class Shelf:
    """A folder's deals, the i-th in the file `scanned[places[i]]`: every name of every deal
    in one list (a deal's id first, then its other names), and `owners`, the deal each name
    belongs to, in the same order (so never decreasing). `index` says which deal a name
    means; a name found twice in the folder keeps the last (`unique` is then False)."""

    __slots__ = ("bundled", "folder", "index", "made", "names", "owners", "places", "scanned")

    def __init__(
        self,
        folder: Folder,
        bundled: bool,
        scanned: Sequence[str],
        places: Sequence[int],
        names: list[str],
        owners: list[int],
    ) -> None:
        self.folder = folder
        self.bundled = bundled
        self.scanned = scanned
        self.places = places
        self.names = names
        self.owners = owners
        self.index = dict(zip(names, owners, strict=True))
        self.made: dict[int, Entry] = {}

    @classmethod
    def of(cls, folder: Folder, bundled: bool, pairs: list[tuple[str, tuple[str, ...]]]) -> Shelf:
        """The shelf of (file, its deal's names) pairs, in name order."""
        names = [name for _, known in pairs for name in known]
        owners = [i for i, (_, known) in enumerate(pairs) for _ in known]
        files = [file for file, _ in pairs]
        return cls(folder, bundled, files, range(len(files)), names, owners)

    def __len__(self) -> int:
        return len(self.places)

    @property
    def unique(self) -> bool:
        """No name is found twice in the folder (the usual case)."""
        return len(self.index) == len(self.names)

    def entry(self, i: int) -> Entry:
        """The i-th deal's entry: the same one each time it is asked for."""
        made = self.made.get(i)
        if made is None:
            owners = self.owners
            names = self.names[bisect_left(owners, i) : bisect_left(owners, i + 1)]
            made = Entry(self.folder, self.scanned[self.places[i]], tuple(names), self.bundled)
            self.made[i] = made
        return made

    def place(self, file: str) -> int | None:
        """Which deal the file `file` holds, or None (not a deal file of this folder)."""
        try:
            return self.places.index(self.scanned.index(file))
        except ValueError:
            return None

    def entries(self) -> list[Entry]:
        return [self.entry(i) for i in range(len(self.places))]
