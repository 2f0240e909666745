"""Where a version of a deal comes from, for `deal diff`: a deal's name, a file, or
git:REV:PATH read through `git show`. Any failure to read one is a usage error (exit 2),
so that it is never taken for "they differ"."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import DealFileError, Problem, UsageError
from .model import Deal
from .registry import Registry


def read_version(registry: Registry, text: str) -> Deal:
    """A deal from a name, a file or git:REV:PATH; any failure is a usage error (exit 2)."""
    if text.startswith("git:"):
        return _from_git(text)
    path = Path(text)
    if text.endswith((".yaml", ".yml")) or "/" in text or path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {text}: {exc.strerror}") from None
        return _known(registry, path) or _build(text, data)
    return registry.resolve(text).deal


def _known(registry: Registry, path: Path) -> Deal | None:
    """The deal of a file the registry holds, unchanged since it was cached: no need to
    validate it again."""
    target = path.resolve()
    for entry in registry.entries.values():
        if entry.name == target.name and Path(entry.path).resolve() == target:
            return entry.deal
    return None


def _from_git(text: str) -> Deal:
    rev, _, path = text[len("git:") :].partition(":")
    if not rev or not path:
        raise UsageError(f"'{text}': write git:REV:PATH, e.g. git:HEAD~1:deals/japan.yaml")
    try:
        out = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=False)
    except OSError:
        raise UsageError(f"'{text}' needs git, which cannot be run here") from None
    if out.returncode != 0:
        said = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git show {rev}:{path} failed: {said[0] if said else 'no output'}")
    return _build(text, out.stdout)


def _build(name: str, data: bytes) -> Deal:
    """Read and validate a deal file's bytes, as the registry does."""
    from .build import build
    from .parse import read_bytes

    deal, problems = build(name, read_bytes(name, data, positions=False))
    if deal is None:
        deal, problems = build(name, read_bytes(name, data))
    if deal is None:
        raise UsageError(f"{name} is not a valid deal file\n" + _problems(problems))
    return deal


def _problems(problems: list[Problem]) -> str:
    return str(DealFileError("", [p for p in problems if not p.warning]))
