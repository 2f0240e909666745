"""The Rich console every terminal renderer draws on, and the title every report opens with."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from ..gates import clean

if TYPE_CHECKING:
    from ..core.table import Report
    from . import Options


def console_for(opts: Options) -> Console:
    """A console that records what is drawn on it, for export as a picture."""
    return Console(
        file=io.StringIO(),
        width=opts.width or 100_000,  # into a pipe: never cut or wrap a cell
        height=50,  # with the width, keeps Rich from falling back to 80x25 on TERM=dumb
        force_terminal=opts.color,
        no_color=not opts.color,
        color_system="standard" if opts.color else None,  # bold and dim only; works on TERM=dumb
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        record=True,
    )


def heading(console: Console, report: Report) -> None:
    console.print(Text(clean(report.title), style="bold underline"))
    if report.caption:
        console.print(Text(clean(report.caption), style="dim"))
