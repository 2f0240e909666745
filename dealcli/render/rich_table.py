"""Rich tables for people. Cells are plain `Text`: markup in a deal file is shown, never run."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..table import NUMERIC
from .cells import clean, human
from .console import console_for, heading

if TYPE_CHECKING:
    from ..table import Report, Table
    from . import Options


def _rich(table: Table, wrap: bool, titled: bool) -> RichTable:
    out = RichTable(
        title=Text(clean(table.title), style="bold") if titled else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    cells = [
        [human(v, c.kind) for v, c in zip(row, table.columns, strict=True)] for row in table.rows
    ]
    for i, c in enumerate(table.columns):
        longest = max((len(row[i]) for row in cells), default=0)
        # Short values, dates and numbers never wrap, so long text gets the room;
        # their headers wrap at spaces instead of widening the column.
        keep = c.kind in NUMERIC or c.kind == "date" or longest <= 12
        label = clean(c.label)
        if keep and wrap:
            label = textwrap.fill(label, max(longest, 6), break_long_words=False)
        out.add_column(
            Text(label),
            justify="right" if c.kind in NUMERIC else "left",
            no_wrap=keep or not wrap,
            overflow="fold" if wrap else "ignore",
        )
    for row in cells:
        out.add_row(*(Text(cell) for cell in row))
    return out


def draw(console: Console, report: Report, wrap: bool) -> None:
    heading(console, report)
    for table in report.tables:
        console.print()
        console.print(_rich(table, wrap, titled=table.title != report.title))
        for note in table.notes:
            console.print(Text("  * " + note, style="dim"), overflow="fold" if wrap else "ignore")


def render_table(report: Report, opts: Options) -> str:
    wrap = opts.width is not None
    console = console_for(opts)
    draw(console, report, wrap)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    if not wrap:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return str(text)
