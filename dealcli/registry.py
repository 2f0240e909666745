"""Where deals come from: bundled, then `DEAL_PATH` folders, then `--deals-dir`.

A later source replaces a deal with the same id. A broken file never stops the
other deals from loading; its problems are collected for the caller to report.
Validated deals are cached per folder (keyed by file size and mtime), so a
command reads only what changed and needs neither YAML nor pydantic otherwise.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DealFileError, Problem, UsageError
from .model import Deal

BUNDLED = "bundled"
SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    packaged = Path(str(resources.files("dealcli"))) / "deals"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "deals"  # running from a source tree


@dataclass(frozen=True, slots=True)
class Entry:
    deal: Deal
    path: str
    origin: str  # "bundled", or the file's path


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, deal: Deal, path: str, origin: str) -> None:
        old = self.entries.get(deal.id)
        if old is not None:
            self.notices.append(f"{path}: deal '{deal.id}' replaces the one in {old.path}")
            for name in old.deal.names:
                if self.names.get(name) == deal.id:
                    del self.names[name]
        self.entries[deal.id] = Entry(deal, path, origin)
        for name in deal.names:
            owner = self.names.get(name)
            if owner is not None and owner != deal.id:
                self.notices.append(
                    f"{path}: the name '{name}' now means '{deal.id}', not '{owner}'"
                )
            self.names[name] = deal.id

    def deals(self) -> list[Deal]:
        return [e.deal for e in self.entries.values()]

    def resolve(self, name: str) -> Entry:
        key = name.strip().lower()
        if key in self.names:
            return self.entries[self.names[key]]
        choices = sorted(self.names)
        close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        listing = ", ".join(sorted(self.entries)) or "none"
        raise UsageError(f"no deal named '{name}'{hint}\navailable deals: {listing}")

    def completions(self) -> list[str]:
        return sorted(self.names)


def user_dirs(deals_dirs: list[Path], env: dict[str, str] | None = None) -> list[Path]:
    env = dict(os.environ) if env is None else env
    dirs = [Path(p) for p in env.get("DEAL_PATH", "").split(":") if p.strip()]
    return dirs + list(deals_dirs)


def load(deals_dirs: list[Path] | None = None, *, bundled: bool = True) -> Registry:
    registry = Registry()
    folders = [(bundled_dir(), True)] if bundled else []
    folders += [(d, False) for d in user_dirs(deals_dirs or [])]
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
        for path, deal, problems in load_folder(folder):
            registry.problems.extend(p for p in problems if not p.warning)
            if deal is not None:
                registry.add(deal, str(path), BUNDLED if is_bundled else str(path))
    return registry


def deal_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


Loaded = tuple[Path, Deal | None, list[Problem]]


def load_folder(folder: Path) -> list[Loaded]:
    """Every deal file of one folder, from the cache where the file is unchanged."""
    cache_file = _cache_path(folder)
    cached = _read_cache(cache_file)
    fresh: dict[str, Any] = {}
    out: list[Loaded] = []
    for path in deal_files(folder):
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        hit = cached.get(path.name)
        if hit is not None and hit[0] == stamp:
            deal, problems = hit[1], hit[2]
        else:
            deal, problems = load_file(path)
        fresh[path.name] = (stamp, deal, problems)
        out.append((path, deal, problems))
    if fresh != cached:
        _write_cache(cache_file, fresh)
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
    return build(name, read_bytes(name, data))


def load_one(path: Path) -> Deal:
    deal, problems = load_file(path)
    if deal is None:
        raise DealFileError(str(path), problems)
    return deal


# -- cache -----------------------------------------------------------------


def _cache_root() -> Path | None:
    if os.environ.get("DEAL_NO_CACHE"):
        return None
    base = os.environ.get("DEAL_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "deal" if not os.environ.get("DEAL_CACHE_DIR") else root


def _cache_path(folder: Path) -> Path | None:
    root = _cache_root()
    if root is None:
        return None
    key = hashlib.sha256(f"{folder.resolve()}|{_code_stamp()}".encode()).hexdigest()[:24]
    return root / f"folder-{key}.pickle"


def _code_stamp() -> str:
    # A cached deal is only as good as the code that validated it.
    here = Path(__file__).parent
    stamps = [str((here / name).stat().st_mtime_ns) for name in _CODE]
    return "|".join([__version__, *stamps])


_CODE = ("model.py", "validate.py", "loader.py")


def _read_cache(cache_file: Path | None) -> dict[str, Any]:
    if cache_file is None:
        return {}
    try:
        with cache_file.open("rb") as fh:
            data = pickle.load(fh)  # the cache is written only by this program
    except (
        OSError,
        pickle.PickleError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(cache_file: Path | None, data: dict[str, Any]) -> None:
    if cache_file is None:
        return
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only home or cache: work without a cache
