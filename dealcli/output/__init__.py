"""Where rendered text goes: stdout or a file, written whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from ..core.environment import Environment
from ..core.errors import UsageError
from ..core.record import Record, record
from ..core.table import Report
from ..render import BINARY, FORMATS, About, Options, render
from .files import write_output, write_stdout
from .pager import page

_CHUNK = 16 * 1024

# suffix -> the formats a file of that name may hold, the first one by default
SUFFIX_FORMATS: dict[str, tuple[str, ...]] = {
    ".csv": ("csv",),
    ".tsv": ("tsv",),
    ".tab": ("tsv",),
    ".json": ("json",),
    ".jsonl": ("jsonl",),
    ".ndjson": ("jsonl",),
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".txt": ("plain", "table"),
    ".xlsx": ("xlsx",),
}
# suffixes of files deal does not write: naming one is an error, whatever -f says
NOT_WRITTEN = {
    ".xls": "deal writes .xlsx workbooks, not .xls",
    ".ods": "deal writes .xlsx workbooks, not .ods (LibreOffice opens .xlsx)",
    ".html": "use --html FILE for the picture, or -f markdown",
    ".htm": "use --html FILE for the picture, or -f markdown",
    ".svg": "use --svg FILE for the picture",
}


def _option(*flags: str, help: str, metavar: str | None = None) -> dict[str, Any]:
    """The command-line option that sets a field of `Request`, kept in the field's metadata."""
    return {"flags": flags, "help": help, "metavar": metavar}


@record
class Request(Record):
    """What the user asked for on the command line, before the terminal is consulted.

    Each field is also an option of every data command: the CLI builds them from here.
    """

    format: str | None = field(
        default=None,
        metadata=_option(
            "--format",
            "-f",
            help="Output format. Default: table in a terminal; plain (tab-separated, no colour, "
            "nothing cut) into a pipe or file, or the format of -o FILE's suffix.",
            metavar="FORMAT",
        ),
    )
    columns: str | None = field(
        default=None,
        metadata=_option(
            "--columns", help="Columns to show, in order: a,b,c (csv names).", metavar="A,B,C"
        ),
    )
    no_header: bool = field(
        default=False,
        metadata=_option("--no-header", help="Leave out the header row (csv, tsv, plain, xlsx)."),
    )
    output: Path | None = field(
        default=None,
        metadata=_option(
            "--output",
            "-o",
            help="Write to FILE (atomically) instead of stdout; the format follows its suffix.",
            metavar="FILE",
        ),
    )
    bom: bool = field(
        default=False,
        metadata=_option("--bom", help="Start csv/tsv with a UTF-8 byte-order mark (for Excel)."),
    )
    raw: bool = field(
        default=False,
        metadata=_option(
            "--raw", help="Do not defuse text cells that start with = + - @ in csv/tsv."
        ),
    )
    sources: bool = field(
        default=False,
        metadata=_option("--sources", help="Add a column with the source numbers behind each row."),
    )
    force: bool = field(
        default=False,
        metadata=_option("--force", help="Replace a read-only FILE given to -o, --svg or --html."),
    )
    svg: Path | None = field(
        default=None,
        metadata=_option(
            "--svg",
            help="Save the picture a terminal shows as SVG to FILE (instead of printing).",
            metavar="FILE",
        ),
    )
    no_pager: bool = field(
        default=False,
        metadata=_option("--no-pager", help="Print at once, never through $PAGER (less)."),
    )
    wide: bool = field(
        default=False,
        metadata=_option(
            "--wide",
            help="Every column, nothing dropped or cut; in a terminal, a table wider than it "
            "comes in slices of columns, each led by the column that names the rows.",
        ),
    )
    html: Path | None = field(
        default=None,
        metadata=_option(
            "--html",
            help="Save the picture a terminal shows as HTML to FILE (instead of printing).",
            metavar="FILE",
        ),
    )


def target(req: Request) -> Path | None:
    """The file to write, or None for stdout (`-o -` means stdout)."""
    return None if req.output is None or str(req.output) == "-" else req.output


def file_format(path: Path, fmt: str | None) -> str:
    """The format for -o PATH: the one its suffix names, or -f's if the suffix allows it."""
    suffix = path.suffix.lower()
    if suffix in NOT_WRITTEN:
        raise UsageError(f"cannot write '{path.name}': {NOT_WRITTEN[suffix]}")
    allowed = SUFFIX_FORMATS.get(suffix)
    known = ", ".join(f"{s} ({f[0]})" for s, f in SUFFIX_FORMATS.items())
    if fmt is None and allowed is None:
        raise UsageError(
            f"cannot tell the format of '{path.name}' from its suffix; "
            f"give -f FORMAT or one of these suffixes: {known}"
        )
    if fmt is None and allowed is not None:
        return allowed[0]
    if fmt is None or (allowed is not None and fmt not in allowed):
        raise UsageError(
            f"-f {fmt} does not match the suffix of '{path.name}' ({'/'.join(allowed or ())}); "
            f"drop -f, or name a file with the suffix of {fmt}: {known}"
        )
    return fmt


def options(
    req: Request,
    env: Environment,
    chart: bool = False,
    about: Callable[[], About] | None = None,
) -> Options:
    """The render options; a chart is drawn (in plain characters) even into a pipe."""
    path = target(req)
    tty = path is None and env.isatty
    fmt = file_format(path, req.format) if path is not None else req.format
    fmt = fmt or ("table" if tty or chart else "plain")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt in BINARY and tty:
        raise UsageError(f"{fmt} is a binary file: give -o FILE.{fmt}, or redirect stdout")
    wish = env.color
    color = fmt == "table" and wish != "never" and (tty or wish == "always")
    width = env.columns if tty and not req.wide else None
    if width is None and fmt == "table" and not (req.wide or chart) and path is None:
        width = _columns_set(env)  # into a pipe, as Rich and git do: COLUMNS if set
    columns = tuple(c.strip() for c in (req.columns or "").split(",") if c.strip())
    return Options(
        format=fmt,
        columns=columns,
        header=not req.no_header,
        bom=req.bom,
        raw=req.raw,
        sources=req.sources,
        color=color,
        width=width,
        slices=env.columns if tty and req.wide else None,
        about=about() if about is not None and fmt in BINARY else About(),
    )


def plan(
    req: Request,
    env: Environment,
    chart: bool = False,
    may_draw: bool = False,
    about: Callable[[], About] | None = None,
) -> tuple[Options, bool]:
    """The render options and whether the output is drawn (a terminal's table, --svg,
    --html), decided once, before the view runs: a command that `may_draw` picks a chart
    for a drawn output, and its options are then a chart's."""
    opts = options(req, env, chart, about)
    drawn = bool(req.svg or req.html) or opts.format == "table"
    if may_draw and drawn and not chart:
        opts = options(req, env, True, about)
    return opts, drawn


def _columns_set(env: Environment) -> int | None:
    """COLUMNS when it is set (and valid, so the Environment took it), else None."""
    return env.columns if env.child.get("COLUMNS", "").strip() == str(env.columns) else None


def emit(
    report: Report,
    req: Request,
    env: Environment,
    about: Callable[[], About] | None = None,
    opts: Options | None = None,
) -> None:
    """Render and write with the options `plan` gave (or those of the report as it is);
    `about` gives what a workbook's first sheet says of the run."""
    opts = opts or options(req, env, chart=report.chart, about=about)
    if req.svg or req.html:  # the picture instead of text on stdout
        from ..render import select
        from ..render.picture import picture

        shown = select(report, opts)
        for path, kind in ((req.svg, "svg"), (req.html, "html")):
            if path is not None:
                write_output(path, picture(shown, kind), force=req.force)
        return
    text = render(report, opts)
    path = target(req)
    if path is None and isinstance(text, str) and page(text, env, off=req.no_pager):
        return
    if path is None:
        write_stdout(text, env.stdout)
    else:
        write_output(path, text, force=req.force)
