"""Where rendered text goes: stdout or a file, written whole or not at all."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import PipeClosed, UsageError
from .files import file_mode as file_mode  # re-exported: these moved to files.py
from .files import write_atomic as write_atomic
from .files import write_output
from .render import BINARY, FORMATS, About, Options, render
from .table import Report

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
# commands that print several tables: json keyed by section, jsonl with `section`, always
SECTIONED_COMMANDS = ("show", "compare", "flows")


def _option(*flags: str, help: str, metavar: str | None = None) -> dict[str, Any]:
    """The command-line option that sets a field of `Request`, kept in the field's metadata."""
    return {"flags": flags, "help": help, "metavar": metavar}


@dataclass(frozen=True)
class Request:
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
        metadata=_option("--no-header", help="Leave out the header row (csv, tsv, plain)."),
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
    svg: Path | None = field(
        default=None,
        metadata=_option(
            "--svg",
            help="Save the picture a terminal shows as SVG to FILE (instead of printing).",
            metavar="FILE",
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


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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


def invocation(about: bool) -> tuple[str, About]:
    """The running command's name and, when `about` is asked for (a workbook's first sheet),
    the deals it read, the command line and the sources. Empty outside a command."""
    from typer import main  # the click context typer runs the command in

    ctx = main.get_current_context(silent=True)  # type: ignore[attr-defined]
    if ctx is None or ctx.command is None:
        return "", About()
    name = ctx.command.name or ""
    if not about:
        return name, About()
    words = ["deal"]
    for c in reversed([*_parents(ctx)]):
        if c.parent is not None:
            words.append(c.info_name or "")
        words += _params(c)
    as_of = ctx.params.get("as_of")
    session = ctx.find_root().obj
    deals: list[Any] = []
    if session is not None and hasattr(session, "deals"):
        single = ctx.params.get("deal")
        deals = [session.resolve(single).deal] if single else session.deals(ctx.params.get("deals"))
    return name, About(
        command=shlex.join(words),
        as_of="" if as_of is None else str(as_of),
        deals=tuple((d.id, d.title, d.updated.isoformat()) for d in deals),
        sources=tuple(
            (d.id, n, s.title, s.publisher, s.date.isoformat(), s.url)
            for d in deals
            for n, s in enumerate(d.sources, 1)
        ),
    )


def _parents(ctx: Any) -> list[Any]:
    out = []
    while ctx is not None:
        out.append(ctx)
        ctx = ctx.parent
    return out


_WHERE = ("out_format", "out_output")  # where the result went, not what it holds


def _params(ctx: Any) -> list[str]:
    """A context's arguments and the options that differ from their defaults, as words
    (less -f and -o: the same data gives the same workbook, by -o or by `>`)."""
    words: list[str] = []
    for p in ctx.command.params:
        if p.name in _WHERE:
            continue
        v = ctx.params.get(p.name)
        if v is None or v is False or v == () or v == [] or v == p.default:
            continue
        values = v if isinstance(v, list | tuple) else [v]
        texts = [str(getattr(x, "value", x)) for x in values]
        if p.param_type_name == "argument":
            words += texts
        elif v is True:
            words.append(p.opts[0])
        else:
            for t in texts:
                words += [p.opts[0], t]
    return words


def options(req: Request, stream: TextIO | None = None, chart: bool = False) -> Options:
    """The render options; a chart is drawn (in plain characters) even into a pipe."""
    stream = stream or sys.stdout
    path = target(req)
    tty = path is None and _is_tty(stream)
    fmt = file_format(path, req.format) if path is not None else req.format
    fmt = fmt or ("table" if tty or chart else "plain")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt in BINARY and tty:
        raise UsageError(f"{fmt} is a binary file: give -o FILE.{fmt}, or redirect stdout")
    env = os.environ
    color = fmt == "table" and not env.get("NO_COLOR") and (tty or bool(env.get("FORCE_COLOR")))
    width = shutil.get_terminal_size().columns if tty else None
    columns = tuple(c.strip() for c in (req.columns or "").split(",") if c.strip())
    name, about = invocation(fmt in BINARY)
    return Options(
        format=fmt,
        columns=columns,
        header=not req.no_header,
        bom=req.bom,
        raw=req.raw,
        sources=req.sources,
        color=color,
        width=width,
        sectioned=True if name in SECTIONED_COMMANDS else None,
        about=about,
    )


def emit(report: Report, req: Request) -> None:
    if req.svg or req.html:  # the picture instead of text on stdout
        from .render import select
        from .render.picture import picture

        shown = select(report, options(req))
        for path, kind in ((req.svg, "svg"), (req.html, "html")):
            if path is not None:
                write_output(path, picture(shown, kind))
        return
    text = render(report, options(req, chart=report.chart))
    path = target(req)
    if path is None:
        write_stdout(text)
    else:
        write_output(path, text)


def write_stdout(text: str | bytes) -> None:
    try:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
            return
        # in pieces, so a reader that stops early (`| head`) is noticed at once
        for start in range(0, len(text), _CHUNK):
            sys.stdout.write(text[start : start + _CHUNK])
            sys.stdout.flush()
    except BrokenPipeError:
        raise PipeClosed from None
