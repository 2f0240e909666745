"""`deal validate`: every problem of every file, and whether all files are valid."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, UsageError
from .folders import deal_files
from .model import Context
from .pool import in_pool, worth_a_pool
from .reading import CONTEXT_DIR, read_any_file
from .registry import bundled_dir


@dataclass
class Outcome:
    """What `deal validate` found: its lines and its counts."""

    lines: list[str] = field(default_factory=list)  # problems and warnings, in file order
    files: int = 0
    invalid: int = 0
    warnings: int = 0

    def summary(self) -> str:
        valid = self.files - self.invalid
        counts = f"{valid} valid, {self.invalid} invalid, {self.warnings} warning(s)"
        return f"{self.files} file(s): {counts}"


def files_of(paths: list[Path]) -> list[Path]:
    """The deal files named, a folder standing for its *.yaml and *.yml files."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += [p / name for name in sorted(deal_files(p))]
            if (p / CONTEXT_DIR).is_dir():  # its context records are checked with it
                files += [p / CONTEXT_DIR / name for name in sorted(deal_files(p / CONTEXT_DIR))]
        elif p.exists():
            files.append(p)
        else:
            raise UsageError(f"no such file or folder: {p}")
    if not files:
        raise UsageError("no deal files (*.yaml, *.yml) found")
    return files


def validate_files(paths: list[Path]) -> Outcome:
    out = Outcome()
    seen: dict[str, Path] = {}
    records: set[str] = set()
    refs: list[tuple[Path, str]] = []
    files = files_of(paths)
    checked = in_pool(_checked, files) if worth_a_pool(len(files)) else map(_checked, files)
    for f, (problems, found) in zip(files, checked, strict=True):
        out.files += 1
        out.lines += [str(p) for p in problems]
        out.warnings += sum(p.warning for p in problems)
        if found is None:
            out.invalid += 1
            continue
        kind, deal_id, context = found
        if kind == "record":
            records.add(deal_id)
            continue
        refs += [(f, ref) for ref in context]
        if deal_id in seen:
            out.warnings += 1
            out.lines.append(
                f"{f}: warning: id '{deal_id}' is also used by {seen[deal_id]}; the later one wins"
            )
        seen[deal_id] = f
    _check_refs(out, refs, records)
    return out


def _checked(path: Path) -> tuple[list[Problem], tuple[str, str, tuple[str, ...]] | None]:
    """A file's problems and, when it is valid, what it is ("deal" or "record"), its id and
    the context records a deal names: all `validate_files` needs, so a worker sends no deal."""
    found, problems = read_any_file(path)
    if found is None:
        return problems, None
    if isinstance(found, Context):
        return problems, ("record", found.id, ())
    return problems, ("deal", found.id, tuple(found.context))


def _check_refs(out: Outcome, refs: list[tuple[Path, str]], records: set[str]) -> None:
    """A deal's `context` names a record validated with it or a bundled one."""
    if not refs:
        return
    bundled = sorted((bundled_dir() / CONTEXT_DIR).glob("*.yaml"))
    known = records | {
        r.id for r in (read_any_file(p)[0] for p in bundled) if isinstance(r, Context)
    }
    for f, ref in refs:
        if ref.split("/")[0] not in known:
            out.warnings += 1
            out.lines.append(
                f"{f}: warning: context '{ref}' names no record found "
                f"(known: {', '.join(sorted(known)) or 'none'}); it is left out"
            )
