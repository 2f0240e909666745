"""A progress bar on stderr while a run reads many new or changed deal files.

Rich's progress bar, drawn only when stderr is a terminal and only once the
reading looks like it will take more than a second (a pipe or a log file gets
nothing); it is cleared when the reading is done. It takes the colour wish as the
tables do (--color, NO_COLOR, FORCE_COLOR).
"""

from __future__ import annotations

import time
from typing import Any, TextIO

from ..core.environment import ColorWish, is_terminal
from ..output.streams import unguarded

_LOOK = 0.2  # seconds of reading before judging how long the rest will take
_LONG = 1.0  # a reading expected to take longer than this gets a bar
clock = time.monotonic


class Reading:
    """The `progress(done, total)` callback of the registry: draws the bar when it is due."""

    def __init__(self, stream: TextIO, color: ColorWish = "auto") -> None:
        self.stream = stream
        self.color = color
        self.start = clock()
        self.first: float | None = None  # when the first file was done
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if done == 0:
            self.start = clock()
            self.first = None
        elif self.first is None:
            self.first = clock()
        if self.bar is None and done < total and self._long(done, total):
            from rich.console import Console
            from rich.progress import Progress

            # the bar's own escape codes, past the terminal gate that stderr's text takes
            never = self.color == "never"
            console = Console(
                file=unguarded(self.stream),
                stderr=True,
                no_color=never,
                color_system=None if never else "auto",
                force_terminal=True if self.color == "always" else None,
            )
            self.bar = Progress(console=console, transient=True)
            self.task = self.bar.add_task("Reading deal files", total=total)
            self.bar.start()
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total)
            if done >= total:
                self.bar.stop()
                self.bar = None

    def _long(self, done: int, total: int) -> bool:
        now = clock()
        elapsed = now - self.start
        if elapsed < _LOOK or done < 2 or self.first is None:
            return elapsed >= _LONG
        # the first file carries the one-time cost (importing the model): the rest is
        # judged by the pace after it
        return elapsed + (now - self.first) / (done - 1) * (total - done) >= _LONG


def progress_for(stderr: TextIO, color: ColorWish = "auto") -> Reading | None:
    """A progress display for a terminal; None (no display) for anything else."""
    return Reading(stderr, color) if is_terminal(stderr) else None
