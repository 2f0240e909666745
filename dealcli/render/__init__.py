"""One render step: any report to any format.

Each format lives in its own module and is imported only when used, so a
CSV run never loads Rich and a table run never loads tabulate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import UsageError
from ..table import Column, Report, Table
from .cells import clean

FORMATS = ("table", "plain", "csv", "tsv", "json", "jsonl", "markdown")


@dataclass(frozen=True)
class Options:
    format: str = "plain"
    columns: tuple[str, ...] = ()
    header: bool = True
    bom: bool = False
    raw: bool = False  # no formula neutralisation in csv/tsv
    sources: bool = False
    color: bool = False
    width: int | None = None  # a terminal's width; None: never wrap or cut


def render(report: Report, opts: Options) -> str:
    report = select(report, opts)
    fmt = opts.format
    if fmt == "table" and report.chart:
        from .chart import render_chart

        text = render_chart(report, opts)
    elif fmt == "table" and opts.width is None and not opts.color:
        from .grid import render_grid  # into a pipe or file: no Rich needed

        text = render_grid(report)
    elif fmt == "table":
        from .rich_table import render_table

        text = render_table(report, opts)
    elif fmt == "markdown":
        from .markdown import render_markdown

        text = render_markdown(report)
    elif fmt in ("json", "jsonl"):
        from .jsonfmt import render_json, render_jsonl

        text = render_json(report) if fmt == "json" else render_jsonl(report)
    elif fmt in ("csv", "tsv", "plain"):
        from .delimited import render_delimited

        text = render_delimited(report, opts)
    else:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return "\ufeff" + text if opts.bom and fmt in ("csv", "tsv") else text


def select(report: Report, opts: Options) -> Report:
    """The report with --columns and --sources applied."""
    tables = [_select(t, opts) for t in report.tables]
    if opts.columns and not any(t.columns for t in tables):
        known = sorted({c.key for t in report.tables for c in t.columns})
        raise UsageError(
            f"no column named {', '.join(repr(k) for k in opts.columns)}; "
            f"the columns are: {', '.join(known)}"
        )
    return Report(report.title, [t for t in tables if t.columns], report.caption, report.chart)


def _select(table: Table, opts: Options) -> Table:
    """Apply --columns and --sources: pick and order columns."""
    keys = [c.key for c in table.columns]
    if opts.columns:
        wanted = [k for k in opts.columns if k in keys]
    else:
        wanted = [c.key for c in table.columns if not c.extra or opts.sources]
    index = [keys.index(k) for k in wanted]
    columns: list[Column] = [table.columns[i] for i in index]
    rows = [[row[i] for i in index] for row in table.rows]
    return replace(table, columns=columns, rows=rows, notes=[clean(n) for n in table.notes])
