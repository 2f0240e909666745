"""Horizontal bar charts of a report's `share_pct` column.

In a terminal Rich draws coloured bars fitted to the width; into a pipe the
same chart comes out in plain characters (`#`), 80 columns wide.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .cells import clean, human
from .console import console_for, heading

if TYPE_CHECKING:
    from rich.console import Console

    from ..table import Report, Table
    from . import Options


def _rows(table: Table) -> list[tuple[str, str, str, Decimal, str]]:
    """(label, amount, share, share value, group): a chart with a `deal` column is
    grouped by its label (the sector), each row then naming the deal and stage."""
    grouped = any(c.key == "deal" for c in table.columns)
    out = []
    for record in table.records():
        if grouped:
            group = clean(str(record["label"]))
            label = f"  {clean(str(record['deal']))} · {clean(str(record['measure']))}"
        else:
            group = ""
            label = f"{clean(str(record['label']))} · {clean(str(record['measure']))}"
        amount = human(record["usd_bn"], "amount")
        pct = record["share_pct"] or Decimal(0)
        out.append((label, amount, human(pct, "pct"), Decimal(pct), group))
    return out


def _style(label: str) -> str:
    stage = label.rsplit("· ", 1)[-1]
    if stage == "candidate" or label.startswith("candidates"):
        return "cyan"
    if stage == "committed" or label.startswith("committed"):
        return "green"
    return "white"


def _bar(pct: Decimal, cells: int, full: str) -> str:
    n = int(min(pct, Decimal(100)) * cells / 100 + Decimal("0.5"))
    more = "+" if pct > 100 else ""
    return full * n + more


def render_chart(report: Report, opts: Options) -> str:
    if opts.color or opts.width is not None:
        return _rich_chart(report, opts)
    lines = [clean(report.title)]
    if report.caption:
        lines.append(clean(report.caption))
    for table in report.tables:
        rows = _rows(table)
        width = max((len(r[0]) for r in rows), default=0)
        cells = max(80 - width - 21, 10)  # the whole line fits 80 columns
        lines += ["", clean(table.title)]
        group = ""
        for label, amount, pct, value, new_group in rows:
            if new_group != group:
                group = new_group
                lines.append(group)
            lines.append(
                f"{label:<{width}}  {amount:>8}  {pct:>7}  {_bar(value, cells, '#')}".rstrip()
            )
        lines += ["  * " + n for n in table.notes]
    return "\n".join(lines) + "\n"


def _rich_chart(report: Report, opts: Options) -> str:
    width = opts.width or 80
    console = console_for(replace(opts, width=width))
    draw_chart(console, report, width)
    return str(console.file.getvalue())  # type: ignore[attr-defined]


def draw_chart(console: Console, report: Report, width: int) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    heading(console, report)
    for table in report.tables:
        rows = _rows(table)
        label_width = min(max((len(r[0]) for r in rows), default=0), max(width * 9 // 20, 12))
        cells = max(width - label_width - 20, 10)
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(width=label_width, overflow="ellipsis", no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(no_wrap=True)
        group = ""
        for label, amount, pct, value, new_group in rows:
            if new_group != group:
                group = new_group
                grid.add_row(Text(group, style="bold"), Text(""), Text(""), Text(""))
            style = _style(label)
            grid.add_row(
                Text(label), Text(amount), Text(pct), Text(_bar(value, cells, "█"), style=style)
            )
        console.print()
        console.print(Text(clean(table.title), style="bold"))
        console.print(grid)
        for note in table.notes:
            console.print(Text("  * " + note, style="dim"))
