"""`deal validate`: every problem of every file, and whether all files are valid."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .reading import read_deal_file
from .registry import deal_files


@dataclass
class Outcome:
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
    for f in files_of(paths):
        out.files += 1
        deal, problems = read_deal_file(f)
        out.lines += [str(p) for p in problems]
        out.warnings += sum(p.warning for p in problems)
        if deal is None:
            out.invalid += 1
            continue
        if deal.id in seen:
            out.warnings += 1
            out.lines.append(
                f"{f}: warning: id '{deal.id}' is also used by {seen[deal.id]}; the later one wins"
            )
        seen[deal.id] = f
    return out
