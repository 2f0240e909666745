"""Where a version of a deal comes from, for `deal diff`: a deal's name, a file, or
git:REV:PATH read through git (core/git.py). A context record is read the same ways (its
id, its file). Any failure to read one is a usage error (exit 2), so that it is never
taken for "they differ"."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from . import git
from .errors import DealFileError, Problem, UsageError
from .model import Context, Deal
from .problems import short
from .reading import Refused, is_record, read_deal_bytes, read_file, read_record_bytes
from .registry import Registry


def read_version(registry: Registry, text: str, environ: Mapping[str, str]) -> Deal | Context:
    """A deal or a context record from a name, a file or git:REV:PATH (git run with
    `environ`, filtered); any failure is a usage error (exit 2)."""
    if text.startswith("git:"):
        return _from_git(text, environ)
    path = Path(text)
    if text.endswith((".yaml", ".yml")) or "/" in text or path.is_file():
        return _known(registry, path) or _from_file(text, path)
    try:
        return registry.resolve(text).deal
    except UsageError:
        record = registry.records().get(text.strip().lower())
        if record is None:
            raise
        return record


def _known(registry: Registry, path: Path) -> Deal | None:
    """The deal of a file the registry holds, unchanged since this run's scan: no need to
    read or validate it again."""
    entry = registry.holding(path)
    return None if entry is None else entry.deal


def _from_file(text: str, path: Path) -> Deal | Context:
    from .parse import MAX_BYTES  # with PyYAML: only a file the registry does not hold needs it

    try:
        data = read_file(path, MAX_BYTES)
    except Refused as exc:
        raise UsageError(f"cannot read {short(text, 200)}: {exc.message}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {short(text, 200)}: {exc.strerror}") from None
    return _build(text, data)


def _from_git(text: str, environ: Mapping[str, str]) -> Deal | Context:
    from .parse import MAX_BYTES

    rev, _, path = text[len("git:") :].partition(":")
    git.check_revision(text, rev, path)  # an option is refused as such, a path or not
    if not rev or not path:
        raise UsageError(f"'{short(text)}': write git:REV:PATH, e.g. git:HEAD~1:deals/japan.yaml")
    return _build(text, git.show(text, rev, path, MAX_BYTES, environ))


def _build(name: str, data: bytes) -> Deal | Context:
    """Read and validate a deal file's (or a context record's) bytes, as the registry does."""
    if is_record(Path(name), data):
        record, found = read_record_bytes(Path(name), data)
        if record is None:
            raise UsageError(
                f"{short(name, 200)} is not a valid context record\n" + _problems(found)
            )
        return record
    deal, problems = read_deal_bytes(Path(name), data)
    if deal is None:
        raise UsageError(f"{short(name, 200)} is not a valid deal file\n" + _problems(problems))
    return deal


def _problems(problems: list[Problem]) -> str:
    return str(DealFileError("", [p for p in problems if not p.warning]))
