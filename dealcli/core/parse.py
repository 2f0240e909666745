"""Strict YAML reading: bytes in, plain Python values and their positions out.

The file is read event by event (PyYAML's C parser where present), so that
anchors, aliases, tags and merge keys are refused before anything is built:
no tag can construct an object, and a billion-laughs document stops at its
first anchor. Numbers that are not integers become exact `Decimal`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problem
from .problems import Path_, Pos, dotted, short
from .scalars import ScalarError, plain_scalar

MAX_BYTES = 4 * 1024 * 1024  # a deal file is a few tens of kB; refuse anything past 4 MiB unparsed
MAX_DEPTH = 32  # the format nests five levels; deeper is junk or an attack
MAX_ITEMS = 10_000  # items in any one list (allocations, sources, ...)
MAX_KEYS = 200  # keys in any one mapping, x- keys included; the format has at most 18
MAX_VALUES = 100_000  # values (keys included) in the whole file: bounds the work of reading it

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Parsed:
    """A parsed file: its value, each value's line and column, the problems found."""

    value: Any
    positions: dict[Path_, Pos]
    problems: list[Problem]
    # the text is ASCII with no backslash (so no escape): no value holds an invisible
    # format character, and none need be looked for
    ascii: bool = False


class _Stop(Exception):
    pass


def read_bytes(path: str, data: bytes, positions: bool = True) -> Parsed:
    """Parse one deal file's bytes; never raises for bad input.

    With `positions`, record the line and column of every value (for messages).
    """
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
    builder = _Builder(path, problems, positions)
    parser = Loader(text.removeprefix("\ufeff"))
    try:
        builder.run(parser.get_event)
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(path, exc, text))
        return Parsed(None, builder.positions, problems)
    except yaml.YAMLError as exc:  # a reader error without a mark
        problems.append(Problem(path, str(exc).splitlines()[0], hint="fix the YAML syntax"))
        return Parsed(None, builder.positions, problems)
    except _Stop:
        return Parsed(None, builder.positions, problems)
    finally:
        parser.dispose()
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
    return Parsed(value, builder.positions, problems, text.isascii() and "\\" not in text)


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
    """Builds values from parser events with an explicit stack (no recursion).

    Positions are recorded only when asked for: they serve error messages, so a
    valid file is read once without them, and a file with problems a second time.
    """

    def __init__(self, path: str, problems: list[Problem], positions: bool) -> None:
        self.path = path
        self.problems = problems
        self.positions: dict[Path_, Pos] = {}
        self.record = positions
        self.root: Any = None
        self.documents = 0
        self.values = 0
        # frames: [container, path, pending key (None between keys), skipped, seen keys]
        self.stack: list[list[Any]] = []

    def fail(self, event: Any, message: str, hint: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.path, message, mark.line + 1, mark.column + 1, hint=hint))

    def stop(self, event: Any, message: str, hint: str) -> None:
        self.fail(event, message, hint)
        raise _Stop

    def run(self, get: Any) -> None:
        """Build from each event `get` returns until the stream ends (None). A key or a
        scalar in a mapping or a list, the bulk of a file, is handled in this loop; the
        rest, and every refusal, by the methods below, in the same order of checks."""
        stack = self.stack
        record = self.record
        positions = self.positions
        built = _BUILT
        while (event := get()) is not None:
            kind = type(event)
            if kind is not _SCALAR or not stack:
                if (kind is _MAP_END or kind is _SEQ_END) and len(stack) > 1:
                    stack.pop()
                else:
                    self.feed(event)
                continue
            if event.anchor is not None or event.tag is not None:
                self.refuse(event)
            frame = stack[-1]
            parent = frame[0]
            self.values += 1
            if self.values > MAX_VALUES or (type(parent) is list and len(parent) >= MAX_ITEMS):
                self.values -= 1
                self.count(event, parent)
            plain = not event.style
            if type(parent) is dict:
                key = frame[2]
                if key is None:  # this scalar is a key
                    key = event.value
                    seen = frame[4]
                    if (plain and key == "<<") or key in seen or len(seen) >= MAX_KEYS:
                        self.key(event, frame, plain)
                        continue
                    mark = event.start_mark
                    seen[key] = mark.line + 1
                    frame[2] = key
                    if record and not frame[3] and not key.startswith("x-"):
                        positions[(*frame[1], key)] = Pos(mark.line + 1, mark.column + 1)
                    continue
                frame[2] = None
                if frame[3] or key.startswith("x-"):
                    continue  # a private x- note is never built
                path: Any = (*frame[1], key) if record else None
            else:
                key = None
                if frame[3]:
                    parent.append(None)
                    continue
                path = (*frame[1], len(parent)) if record else None
            text = event.value
            guessed = None
            if not plain:  # quoted or block text: always a string
                value = text
            elif (hit := built.get(text)) is not None:
                value, guessed = hit
            else:
                try:
                    value, guessed = hit = plain_scalar(text)
                except ScalarError:
                    if path is None:
                        path = (*frame[1], key) if key is not None else (*frame[1], len(parent))
                    value, guessed = self.build(event, plain, path)
                else:
                    if len(text) <= _BUILT_TEXT:
                        if len(built) >= _BUILT_MAX:
                            built.clear()
                        built[text] = hit
            if key is not None:
                parent[key] = value
            else:
                parent.append(value)
            if record:
                mark = event.start_mark
                positions[path] = Pos(
                    mark.line + 1, mark.column + 1, text if plain else None, guessed
                )

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None or event.tag is not None:
                self.refuse(event)
            self.scalar(event)
        elif kind is _MAP_START or kind is _SEQ_START:
            if event.anchor is not None or event.tag is not None:
                self.refuse(event)
            if len(self.stack) >= MAX_DEPTH:
                self.stop(
                    event,
                    f"nested more than {MAX_DEPTH} levels deep",
                    "a deal file nests only a few levels",
                )
            self.open(event, {} if kind is _MAP_START else [])
        elif kind is _MAP_END or kind is _SEQ_END:
            frame = self.stack.pop()
            if not self.stack:
                self.root = frame[0]
        elif kind is yaml.AliasEvent:
            self.stop(
                event, f"alias *{short(event.anchor)} is not allowed", "write the value out in full"
            )
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.stop(event, "more than one YAML document", "keep one deal per file")

    def refuse(self, event: Any) -> None:
        if event.anchor is not None:
            self.stop(
                event,
                f"anchor &{short(event.anchor)} is not allowed",
                "plain YAML only: remove the anchor and write values out in full",
            )
        self.stop(
            event,
            f"tag {short(event.tag)} is not allowed",
            "remove the tag; quote the value if it is text",
        )

    def count(self, event: Any, parent: Any) -> None:
        """Stop at a list, a mapping or a file with more values than any deal needs."""
        self.values += 1
        if self.values > MAX_VALUES:
            self.stop(
                event,
                f"more than {MAX_VALUES:,} values in one file",
                "a deal file holds a few thousand; split it or check what wrote it",
            )
        if type(parent) is list and len(parent) >= MAX_ITEMS:
            self.stop(
                event,
                f"more than {MAX_ITEMS:,} items in one list",
                "the format allows at most 10,000 items in a list (allocations, sources, ...)",
            )

    def open(self, event: Any, container: Any) -> None:
        stack = self.stack
        if not stack:
            path: Path_ = ()
            skip = False
            self.root = container
        else:
            frame = stack[-1]
            parent = frame[0]
            self.count(event, parent)
            if type(parent) is list:
                path = (*frame[1], len(parent))
                skip = frame[3]
                parent.append(container)
            else:
                key = frame[2]
                if key is None:
                    self.stop(event, "a key must be plain text", "use a simple word as the key")
                path = (*frame[1], key)
                skip = frame[3] or key.startswith("x-")
                if not skip:
                    parent[key] = container
                frame[2] = None
        if self.record and not skip:
            mark = event.start_mark
            self.positions[path] = Pos(mark.line + 1, mark.column + 1)
        stack.append([container, path, None, skip, {}])

    def scalar(self, event: Any) -> None:
        """A scalar as the whole document (`run` builds those in a mapping or a list)."""
        self.root = self.build(event, not event.style, ())[0]

    def build(self, event: Any, plain: bool, path: Path_) -> tuple[Any, str | None]:
        """A scalar's value; one that cannot be built is a problem at its place."""
        try:
            return _scalar_value(event.value, plain)
        except ScalarError as exc:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            self.problems.append(
                Problem(self.path, exc.message, line, column, dotted(path), exc.hint)
            )
            return None, None

    def key(self, event: Any, frame: list[Any], plain: bool) -> None:
        key = event.value
        if plain and key == "<<":
            self.stop(event, "merge key << is not allowed", "write the merged keys out in full")
        seen = frame[4]
        line = event.start_mark.line + 1
        if key in seen:
            self.fail(
                event,
                f"duplicate key '{short(key)}' (first on line {seen[key]})",
                "remove one of them; YAML would silently keep only the last",
            )
        else:
            seen[key] = line
            if len(seen) > MAX_KEYS:
                self.stop(
                    event,
                    f"more than {MAX_KEYS} keys in one mapping",
                    "a deal's mappings have at most 18 keys; check for a missing `- `",
                )
        frame[2] = key
        if self.record and not frame[3] and not key.startswith("x-"):
            self.positions[(*frame[1], key)] = Pos(line, event.start_mark.column + 1)


# plain scalars already built, by their text: a scalar's value depends on its text alone,
# and a folder's files repeat most of theirs (dates, statuses, sectors); kept bounded
_BUILT: dict[str, tuple[Any, str | None]] = {}
_BUILT_MAX = 4096
_BUILT_TEXT = 64  # characters: a long text is seldom repeated

_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_SEQ_START = yaml.SequenceStartEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_END = yaml.SequenceEndEvent


def _scalar_value(text: str, plain: bool) -> tuple[Any, str | None]:
    """A scalar's value, and what YAML 1.1 guessed a plain scalar to be when not text."""
    if not plain:  # quoted or block text: always a string
        return text, None
    return plain_scalar(text)
