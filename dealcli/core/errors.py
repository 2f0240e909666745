"""Exit codes and the error types the program reports; defined once, used everywhere."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import IntEnum

from .record import Record, record


class Exit(IntEnum):
    OK = 0
    DATA = 1  # a deal file is invalid
    USAGE = 2  # bad option or argument, unknown deal
    INTERNAL = 3  # a bug in deal itself
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader went away (`deal ... | head -1`), as 128 + SIGPIPE
    TERMINATED = 143  # SIGTERM, as 128 + SIGTERM


@record
class Problem(Record):
    """One thing wrong (or doubtful) in a deal file, with where and how to fix it."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str = ""
    hint: str = ""
    warning: bool = False

    def where(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        kind = "warning" if self.warning else "error"
        at = f" {self.field}:" if self.field else ""
        text = f"{self.where()}: {kind}:{at} {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class DealError(Exception):
    """Base of the errors `deal` reports to the user without a traceback."""

    exit_code = Exit.DATA


@dataclass
class DealFileError(DealError):
    """A deal file that cannot be used; carries every problem found in it."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems if not p.warning)


class UsageError(DealError, ValueError):
    """A bad option, argument or name: exit 2 on the command line, a ValueError in Python."""

    exit_code = Exit.USAGE


class PipeClosed(Exception):
    """stdout's reader went away; not an OSError, so no layer mistakes it for another failure."""


def did_you_mean(given: str, choices: list[str]) -> str:
    """ "; did you mean 'X'?" for the nearest choice (case aside), or nothing."""
    folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(given.casefold(), list(folded), 1, 0.5)
    return f"; did you mean '{folded[close[0]]}'?" if close else ""
