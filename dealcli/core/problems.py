"""A problem at a place in a deal file: the field path, its line and column, and a hint."""

from __future__ import annotations

from .errors import Problem
from .record import Record, record

Path_ = tuple[str | int, ...]


@record(slots=True)
class Pos(Record):
    """Where a value stands in its file (1-based line and column), and a plain scalar's text."""

    line: int
    column: int
    raw: str | None = None  # the text of a plain (unquoted) scalar
    guessed: str | None = None  # what YAML 1.1 read that plain scalar as, if not text

    def __init__(
        self, line: int, column: int, raw: str | None = None, guessed: str | None = None
    ) -> None:  # written out, not Record's: a first read makes one per YAML node
        put = object.__setattr__
        put(self, "line", line)
        put(self, "column", column)
        put(self, "raw", raw)
        put(self, "guessed", guessed)


SHORT = 40  # characters of a value a message quotes


def short(text: object, limit: int = SHORT) -> str:
    """A value as a message quotes it: cut to `limit` characters, the cut marked."""
    shown = str(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def dotted(loc: Path_) -> str:
    text = ""
    for part in loc:
        part = part if isinstance(part, int) else short(part)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def where(positions: dict[Path_, Pos], loc: Path_) -> Pos | None:
    while loc:
        if loc in positions:
            return positions[loc]
        loc = loc[:-1]
    return positions.get(())


def problem(
    path: str,
    positions: dict[Path_, Pos],
    loc: Path_,
    message: str,
    hint: str,
    warning: bool = False,
) -> Problem:
    pos = where(positions, loc)
    # the text is raw: the shell's terminal gate shows controls as pictures when it is printed
    return Problem(
        path,
        message,
        pos.line if pos else None,
        pos.column if pos else None,
        dotted(loc),
        hint,
        warning,
    )
