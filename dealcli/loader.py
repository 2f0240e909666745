"""Strict YAML reading: bytes in, plain Python values and their positions out.

The file is read event by event (PyYAML's C parser where present), so that
anchors, aliases, tags and merge keys are refused before anything is built:
no tag can construct an object, and a billion-laughs document stops at its
first anchor. Numbers that are not integers become exact `Decimal`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from .errors import Problem

MAX_BYTES = 4 * 1024 * 1024  # a deal file is a few tens of kB; refuse anything past 4 MiB unparsed
MAX_DEPTH = 32  # the format nests five levels; deeper is junk or an attack

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Pos:
    line: int
    column: int
    raw: str | None = None  # the text of a plain (unquoted) scalar
    guessed: str | None = None  # what YAML 1.1 read that plain scalar as, if not text


@dataclass
class Parsed:
    value: Any
    positions: dict[Path_, Pos]
    problems: list[Problem]


class _Stop(Exception):
    pass


def read_bytes(path: str, data: bytes) -> Parsed:
    """Parse one deal file's bytes; never raises for bad input."""
    problems: list[Problem] = []
    if len(data) > MAX_BYTES:
        problems.append(
            Problem(
                path,
                f"the file is {len(data):,} bytes; deal files are limited to {MAX_BYTES:,}",
                hint="split it, or check that this is really a deal file",
            )
        )
        return Parsed(None, {}, problems)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                path,
                f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                line,
                col,
                hint="save the file as UTF-8",
            )
        )
        return Parsed(None, {}, problems)
    builder = _Builder(path, problems)
    try:
        for event in yaml.parse(text.removeprefix("\ufeff"), Loader=Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(path, exc, text))
        return Parsed(None, builder.positions, problems)
    except yaml.YAMLError as exc:  # a reader error without a mark
        problems.append(Problem(path, str(exc).splitlines()[0], hint="fix the YAML syntax"))
        return Parsed(None, builder.positions, problems)
    except _Stop:
        return Parsed(None, builder.positions, problems)
    value = builder.root
    if value is None and not problems:
        problems.append(Problem(path, "the file is empty", 1, 1, hint="start from a bundled deal"))
    elif value is not None and not isinstance(value, dict):
        problems.append(
            Problem(
                path,
                f"the top level is a {_kind(value)}, not a mapping of keys",
                1,
                1,
                hint="a deal file starts with `format: 1`, `id: ...`, `title: ...`",
            )
        )
    return Parsed(value, builder.positions, problems)


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", bool: "boolean"}.get(type(value), "value")


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
    hint = "check the indentation and quoting on this line and the one before"
    lines = text.splitlines()
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip())]
    if "\t" in indent:
        what = "a tab in the indentation"
        hint = "indent with spaces; YAML does not allow tabs in indentation"
    elif "nesting depth" in what:
        hint = "a deal file nests only a few levels"
    elif "mapping values are not allowed" in what:
        hint = "quote text that contains ': '"
    elif "duplicate" in what:
        hint = "remove one of the two"
    start = exc.context_mark
    if start is not None and mark is not None and start.line != mark.line:
        what += f" (it starts on line {start.line + 1}, column {start.column + 1})"
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    return Problem(path, f"YAML syntax: {what}", line, col, hint=hint)


class _Builder:
    """Builds values from parser events with an explicit stack (no recursion)."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.positions: dict[Path_, Pos] = {}
        self.root: Any = None
        self.documents = 0
        # frames: [container, path, pending_key or None, skip, seen_keys]
        self.stack: list[list[Any]] = []

    def fail(self, event: Any, message: str, hint: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.path, message, mark.line + 1, mark.column + 1, hint=hint))

    def stop(self, event: Any, message: str, hint: str) -> None:
        self.fail(event, message, hint)
        raise _Stop

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.AliasEvent):
            self.stop(event, f"alias *{event.anchor} is not allowed", "write the value out in full")
        if getattr(event, "anchor", None):
            self.stop(
                event,
                f"anchor &{event.anchor} is not allowed",
                "plain YAML only: remove the anchor and write values out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
            self.stop(
                event,
                f"tag {tag} is not allowed",
                "remove the tag; quote the value if it is text",
            )
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.stop(event, "more than one YAML document", "keep one deal per file")
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(self.stack) >= MAX_DEPTH:
                self.stop(
                    event,
                    f"nested more than {MAX_DEPTH} levels deep",
                    "a deal file nests only a few levels",
                )
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.open(event, container)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            if not self.stack:
                self.root = frame[0]
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)

    def child_path(self, event: Any) -> tuple[Path_, bool] | None:
        """Where the next value goes; None when it is a mapping key."""
        if not self.stack:
            return (), False
        container, path, pending, skip, _ = self.stack[-1]
        if isinstance(container, list):
            return (*path, len(container)), skip
        if pending is None:
            return None
        return (*path, pending), skip or pending.startswith("x-")

    def place(self, value: Any, skip: bool) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        else:
            if not skip:
                container[frame[2]] = value
            frame[2] = None

    def open(self, event: Any, container: Any) -> None:
        where = self.child_path(event)
        if where is None:
            self.stop(event, "a key must be plain text", "use a simple word as the key")
            return
        path, skip = where
        if not skip:
            mark = event.start_mark
            self.positions[path] = Pos(mark.line + 1, mark.column + 1)
        self.place(container, skip)
        self.stack.append([container, path, None, skip, {}])

    def scalar(self, event: Any) -> None:
        mark = event.start_mark
        where = self.child_path(event)
        if where is None:  # a mapping key
            frame = self.stack[-1]
            key = event.value
            if _plain(event) and key == "<<":
                self.stop(event, "merge key << is not allowed", "write the merged keys out in full")
            seen = frame[4]
            if key in seen:
                self.fail(
                    event,
                    f"duplicate key '{key}' (first on line {seen[key]})",
                    "remove one of them; YAML would silently keep only the last",
                )
            else:
                seen[key] = mark.line + 1
            frame[2] = key
            if not frame[3] and not key.startswith("x-"):
                self.positions[(*frame[1], key)] = Pos(mark.line + 1, mark.column + 1)
            return
        path, skip = where
        value, guessed = _scalar_value(event)
        if not skip:
            raw = event.value if _plain(event) else None
            self.positions[path] = Pos(mark.line + 1, mark.column + 1, raw, guessed)
        self.place(value, skip)


def _plain(event: Any) -> bool:
    # The C parser reports a plain scalar's style as '', the Python one as None.
    return not event.style and bool(event.implicit[0])


def _scalar_value(event: Any) -> tuple[Any, str | None]:
    text: str = event.value
    if not _plain(event):  # quoted or block text: always a string
        return text, None
    tag: str = _resolver.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    kind = tag.rsplit(":", 1)[-1]
    node = yaml.ScalarNode(tag, text)
    if kind == "null":
        return None, "null"
    if kind == "bool":
        return _constructor.construct_yaml_bool(node), "boolean"
    if kind == "int":
        return _constructor.construct_yaml_int(node), "number"
    if kind == "float":
        return _decimal(text), "number"
    if kind == "timestamp":
        stamp = _constructor.construct_yaml_timestamp(node)
        return stamp, "date" if not isinstance(stamp, datetime) else "timestamp"
    return text, None


def _decimal(text: str) -> Decimal:
    cleaned = text.replace("_", "")
    lowered = cleaned.lower()
    if lowered.endswith(".nan"):
        return Decimal("NaN")
    if lowered.endswith(".inf"):
        return Decimal("-Infinity" if lowered.startswith("-") else "Infinity")
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # YAML 1.1 sexagesimal floats (1:30.5) and the like
        return Decimal(repr(_constructor.construct_yaml_float(yaml.ScalarNode("", text))))
