"""Horizontal bar charts, drawn from the hints of a table's columns.

The bars come from the `bar` column (a percentage), the words beside them from
the `main` columns (joined by " · "), the amount from the first amount column;
rows are grouped under each value of a `group` column, and take the row's
style. In a terminal the bars are coloured and fitted to its width, with a
legend; into a pipe the same chart comes out in plain characters (`#`), 80
columns wide.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..gates import clean
from . import heads
from .cells import align_points, human
from .fit import lay_heading
from .grid import paint
from .prose import Line, cut, flow, footnote, width

if TYPE_CHECKING:
    from rich.console import Console

    from ..core.table import Report, Table
    from . import Options

PIPE_WIDTH = 80

Row = tuple[str, str, str, Decimal, str, str]  # label, amount, share, value, group, style


def _rows(table: Table) -> list[Row]:
    cols = table.columns
    mains = [i for i, c in enumerate(cols) if c.main and not c.group]
    group = next((i for i, c in enumerate(cols) if c.group), None)
    amount = next((i for i, c in enumerate(cols) if c.kind == "amount"), None)
    bar = next((i for i, c in enumerate(cols) if c.bar), None)
    if bar is None:
        bar = next((i for i, c in enumerate(cols) if c.kind == "pct"), None)
    out: list[Row] = []
    for r, row in enumerate(table.rows):
        label = " · ".join(clean(str(row[i])) for i in mains)
        head = clean(str(row[group])) if group is not None else ""
        pct = Decimal(row[bar] or 0) if bar is not None else Decimal(0)
        money = human(row[amount], "amount") if amount is not None else ""
        shown = human(pct, "pct") if bar is not None else ""
        out.append(("  " + label if head else label, money, shown, pct, head, table.style(r)))
    return out


def _heads(table: Table) -> tuple[str, str]:
    """The headers of the amount and the share beside each bar (the share says of what)."""
    cols = table.columns
    amount = next((c.label for c in cols if c.kind == "amount"), "")
    bar = next((c for c in cols if c.bar), None) or next((c for c in cols if c.kind == "pct"), None)
    return clean(amount), clean(bar.label) if bar is not None else ""


def _bar(pct: Decimal, cells: int, full: str) -> str:
    n = int(min(pct, Decimal(100)) * cells / 100 + Decimal("0.5"))
    more = "+" if pct > 100 else ""
    return full * n + more


def lay_chart(report: Report, size: int | None, legend: bool) -> list[Line]:
    total = size or PIPE_WIDTH
    full = "█" if size else "#"
    out = lay_heading(report, size)
    for table in report.tables:
        rows = _rows(table)
        moneys = align_points([r[1] for r in rows])
        money_head, pct_head = _heads(table)
        label_w = max((width(r[0]) for r in rows), default=0)
        money_w = max([*(width(m) for m in moneys), heads.least(money_head, 2)])
        pct_w = max([*(width(r[2]) for r in rows), heads.least(pct_head, 2)])
        if size:  # labels take at most 45% of a terminal; longer ones end in "…"
            label_w = min(label_w, max(total * 9 // 20, 12))
        beyond = any(r[3] > 100 for r in rows)  # a "+" after the full bar takes a cell
        cells = max(total - label_w - money_w - pct_w - 6 - beyond, 10)
        out += [[], *flow([(clean(table.title), "header")], size, "", "")]
        tops = heads.wrap_header(money_head, money_w), heads.wrap_header(pct_head, pct_w)
        for n in range(max(len(tops[0]), len(tops[1]))):
            money_top, pct_top = (top[n] if n < len(top) else "" for top in tops)
            text = f"{money_top.rjust(money_w)}  {pct_top.rjust(pct_w)}"
            out.append([(" " * (label_w + 2), ""), (text, "header")])
        group = ""
        for (label, _, pct, value, new_group, style), money in zip(rows, moneys, strict=True):
            if new_group != group:
                group = new_group
                out.append([(group, "group")])
            text = cut(label, label_w) if size else label
            line: Line = [
                (text + " " * (label_w - width(text)), ""),
                ("  " + money.rjust(money_w) + "  " + pct.rjust(pct_w) + "  ", ""),
                (_bar(value, cells, full), style),
            ]
            out.append(line)
        for note in table.notes:
            out += footnote(clean(note), total)
        if legend and table.legend:
            key: Line = [("colours:", "dim")]
            for n, (style, meaning) in enumerate(table.legend.items()):
                key += [(";" if n else "", "dim"), (" " + full * 2, style)]
                key.append((" " + meaning, "dim"))
            out += flow(key, total, "  * ", "    ")
    return out


def render_chart(report: Report, opts: Options) -> str:
    lines = lay_chart(report, opts.width, legend=opts.width is not None or opts.color)
    return paint(lines, color=opts.color)


def draw_chart(console: Console, report: Report, width: int) -> None:
    from .rich_table import draw_lines

    draw_lines(console, lay_chart(report, width, legend=True))
