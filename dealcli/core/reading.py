"""The one reader: every file the program reads (deal files, the paths `validate` and
`diff` are given, cache files) and every pipe (git's output) goes through `read_file`
or `read_stream`, within bounds: a regular file, at most its size limit, a time budget.
Then one deal file is validated with no more work than fifty problems' worth however
many items are broken."""

from __future__ import annotations

import dataclasses
import os
import re
import select
import stat
import time
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import model
from .errors import DealFileError, Problem
from .model import Deal


def file_kind(mode: int) -> str | None:
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


class Refused(Exception):
    """Why a file or a stream is not read, in one line; `kind` says which limit it met:
    "type" (not a regular file), "size" or "time"."""

    def __init__(self, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint


TIME_BUDGET = 10.0  # seconds one read may take: a file on a hung network share stops here
_CHUNK = 1 << 20


def read_file(
    path: Path | str,
    limit: int,
    *,
    follow: bool = True,
    check: Callable[[os.stat_result], None] | None = None,
    budget: float = TIME_BUDGET,
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes: the only way the program reads
    a file. It stats the open file first, so a FIFO, a device or a folder is refused
    (`Refused`) without a byte read or a blocking open; at most `limit` + 1 bytes are ever
    read (a file grown past the limit is seen as too large), within `budget` seconds.
    `check` may refuse a file by its stat (the cache's ownership rule); `follow=False`
    refuses a symbolic link. OSError (a missing file, no permission) is the caller's."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO must not wait for a writer
    try:
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind is not None:
            raise Refused("type", f"{kind}, not a regular file", "name a deal file (*.yaml)")
        if check is not None:
            check(st)
        if st.st_size > limit:
            raise _too_large(st.st_size, limit)
        return read_stream(fd, limit, time.monotonic() + budget)
    finally:
        os.close(fd)


def open_folder(path: Path) -> int:
    """A descriptor of a folder, to stat its entries from (`os.stat(name, dir_fd=fd)`):
    each name is then looked up in the folder, not along its whole path again."""
    return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


def read_pieces(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """A regular file's bytes in pieces, for a file of the program's own making (an export
    built in a scratch folder) copied to where it goes without being held whole."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise Refused("type", f"{kind}, not a regular file", "")
        while piece := os.read(fd, size):
            yield piece
    finally:
        os.close(fd)


def read_stream(fd: int, limit: int, deadline: float) -> bytes:
    """At most `limit` bytes from an open file or pipe, refused (`Refused`) past the limit
    or the deadline (`time.monotonic()`); a pipe is waited on only until the deadline."""
    chunks: list[bytes] = []
    size = 0
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Refused("time", f"reading took more than {TIME_BUDGET:g} s; stopped")
        if not poll.poll(min(left, 1.0) * 1000):  # in ms; wakes to check the deadline
            continue
        try:
            chunk = os.read(fd, min(limit + 1 - size, _CHUNK))
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit, grown=True)


def _too_large(size: int, limit: int, grown: bool = False) -> Refused:
    shown = f"more than {limit:,}" if grown else f"{size:,}"
    return Refused(
        "size",
        f"the file is {shown} bytes; deal files are limited to {limit:,}",
        "split it, or check that this is really a deal file",
    )


def read_limited(path: Path) -> tuple[bytes | None, Problem | None]:
    """A deal file's bytes, or why not, as a problem naming the file."""
    from .parse import MAX_BYTES

    try:
        return read_file(path, MAX_BYTES), None
    except Refused as exc:
        return None, Problem(str(path), exc.message, hint=exc.hint)
    except OSError as exc:
        return None, Problem(str(path), f"cannot read the file: {exc.strerror}")


def read_deal_bytes(path: Path, data: bytes) -> tuple[Deal | None, list[Problem]]:
    from .build import build, typed
    from .parse import read_bytes

    name = str(path)
    parsed = read_bytes(name, data, positions=False)
    # a file whose types are right has no unknown or missing keys: nothing to trim
    deal = typed(parsed.value) if not parsed.problems and type(parsed.value) is dict else None
    if deal is not None:
        deal, problems = build(name, parsed, deal)
        if not problems:
            return deal, problems
    # messages need lines and columns: read again, recording them
    parsed = read_bytes(name, data)
    value, dropped = _trimmed(parsed)
    deal, problems = build(name, dataclasses.replace(parsed, value=value))
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
        hints = model.field_hints(cls)
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


def read_deal_file(path: Path) -> tuple[Deal | None, list[Problem]]:
    """Read and validate one file, bypassing the cache."""
    data, problem = read_limited(path)
    if data is None:
        return None, [problem] if problem else []
    return read_deal_bytes(path, data)


CONTEXT_DIR = "context"  # the folder of context records beside a folder's deals
_RECORD_KIND = re.compile(rb"^kind:[ \t]*[\"']?context[\"']?[ \t]*(#.*)?$", re.M)


def is_record(path: Path, data: bytes | None = None) -> bool:
    """A context record rather than a deal: a file in a `context/` folder, or one whose top
    level says `kind: context`."""
    return path.parent.name == CONTEXT_DIR or bool(data and _RECORD_KIND.search(data))


def read_record_bytes(path: Path, data: bytes) -> tuple[model.Context | None, list[Problem]]:
    """A context record's bytes, validated as strictly as a deal's (records are small: read
    once, with positions)."""
    from .build import build_record
    from .parse import read_bytes

    name = str(path)
    record, problems = build_record(name, read_bytes(name, data))
    return record, _capped(name, problems)


def read_record(path: Path) -> model.Context:
    """A context record file, validated; DealFileError with its problems when it is not one."""
    data, problem = read_limited(path)
    record, problems = read_record_bytes(path, data) if data is not None else (None, [])
    if record is None:
        raise DealFileError(str(path), [problem] if problem else problems)
    return record


def read_any_file(path: Path) -> tuple[Deal | model.Context | None, list[Problem]]:
    """A deal file or a context record, whichever the file is (`deal validate`)."""
    data, problem = read_limited(path)
    if data is None:
        return None, [problem] if problem else []
    if is_record(path, data):
        return read_record_bytes(path, data)
    return read_deal_bytes(path, data)


def read_deal(path: Path) -> Deal:
    deal, problems = read_deal_file(path)
    if deal is None:
        raise DealFileError(str(path), problems)
    return deal
