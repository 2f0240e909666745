"""One render step: any report to any format.

Each format lives in its own module and is imported only when used, so a
CSV run never loads Rich, a table run never loads tabulate, and only an
xlsx run loads XlsxWriter.
"""

from __future__ import annotations

from dataclasses import field, replace

from ..core.errors import UsageError
from ..core.record import Record, record
from ..core.table import DEPRECATED_KEYS, Column, Report, Table
from ..gates import clean

FORMATS = ("table", "plain", "csv", "tsv", "json", "jsonl", "markdown", "xlsx")
BINARY = ("xlsx",)  # written as bytes, never to a terminal
SECTION = "section"  # the first column of the long form, naming each row's table


@record
class About(Record):
    """What a workbook's first sheet says: the deals, the command, the sources."""

    command: str = ""
    as_of: str = ""  # the date the command looked at, when it was asked for one
    deals: tuple[tuple[str, str, str], ...] = ()  # (id, title, data checked to)
    # (deal id, number, title, publisher, date, url)
    sources: tuple[tuple[str, int, str, str, str, str], ...] = ()


@record
class Options(Record):
    """How to render a report: the format and what the user asked of it."""

    format: str = "plain"
    columns: tuple[str, ...] = ()
    header: bool = True
    bom: bool = False
    raw: bool = False  # no formula neutralisation in csv/tsv
    sources: bool = False
    color: bool = False
    width: int | None = None  # a terminal's width; None: never wrap or cut
    # --wide in a terminal of this width: every column, a table wider than it in slices
    slices: int | None = None
    about: About = field(default_factory=About)


def render(report: Report, opts: Options) -> str | bytes:
    """The report as text, or as bytes for a binary format (xlsx)."""
    report = select(report, opts)
    fmt = opts.format
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(report, opts)
    if fmt == "table" and report.chart:
        from .chart import render_chart

        text = render_chart(report, opts)
    elif fmt == "table" and opts.width is None and opts.slices is None and not opts.color:
        from .grid import render_grid  # into a pipe or file: no Rich needed

        text = render_grid(report)
    elif fmt == "table":
        from .grid import render_table  # fitted and painted: no Rich

        text = render_table(report, opts)
    elif fmt == "markdown":
        from .markdown import render_markdown

        text = render_markdown(report)
    elif fmt in ("json", "jsonl"):
        from .jsonfmt import render_json, render_jsonl

        keyed = report.sectioned
        text = render_json(report, keyed) if fmt == "json" else render_jsonl(report, keyed)
    else:  # csv, tsv, plain: `output.options` lets no other format through
        from .delimited import render_delimited

        text = render_delimited(report, opts)
    return "\ufeff" + text if opts.bom and fmt in ("csv", "tsv") else text


def select(report: Report, opts: Options) -> Report:
    """The report with --columns and --sources applied; an unknown column is an error."""
    if opts.columns:
        known = {c.key for t in report.tables for c in t.columns}
        if len(report.tables) > 1:
            known.add(SECTION)
        unknown = [k for k in opts.columns if k not in known]
        if unknown:
            renamed = {old: new for new, old in DEPRECATED_KEYS.items()}
            moved = [f"'{k}' is now '{renamed[k]}'" for k in unknown if renamed.get(k) in known]
            raise UsageError(
                f"no column named {', '.join(repr(k) for k in unknown)}; "
                + (f"{'; '.join(moved)} (renamed; see the changelog); " if moved else "")
                + f"the columns are: {', '.join(sorted(known))}"
            )
    tables = [_select(t, opts) for t in report.tables]
    return replace(report, tables=[t for t in tables if t.columns])


def _select(table: Table, opts: Options) -> Table:
    """Apply --columns and --sources: pick and order columns."""
    keys = [c.key for c in table.columns]
    if opts.columns:
        wanted = [k for k in dict.fromkeys(opts.columns) if k in keys]
    else:
        wanted = [c.key for c in table.columns if not c.extra or opts.sources]
    index = [keys.index(k) for k in wanted]
    columns: list[Column] = [table.columns[i] for i in index]
    same = index == list(range(len(keys)))  # every column, in order: the rows as they are
    rows = table.rows if same else [[row[i] for i in index] for row in table.rows]
    return replace(table, columns=columns, rows=rows, notes=[clean(n) for n in table.notes])


def long_keys(report: Report, opts: Options) -> list[str]:
    """The columns of the long form: `section`, then every table's columns, in --columns order
    when it was given (`section` too, if it was named)."""
    keys: list[str] = []
    for table in report.tables:
        keys += [c.key for c in table.columns if c.key not in keys]
    if not opts.columns:
        return [SECTION, *keys]
    order = [k for k in dict.fromkeys(opts.columns) if k in keys or k == SECTION]
    return order if SECTION in order else [SECTION, *order]
