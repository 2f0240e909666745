"""Where rendered text goes: stdout or a file, written whole or not at all."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .errors import UsageError
from .files import file_mode as file_mode  # re-exported: these moved to files.py
from .files import write_atomic as write_atomic
from .files import write_output, write_stdout
from .render import FORMATS, Options, render
from .table import Report

SUFFIX_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".md": "markdown",
    ".txt": "plain",
}


@dataclass(frozen=True)
class Request:
    """What the user asked for on the command line, before the terminal is consulted."""

    format: str | None = None
    columns: str | None = None
    no_header: bool = False
    output: Path | None = None
    bom: bool = False
    raw: bool = False
    sources: bool = False
    svg: Path | None = None
    html: Path | None = None
    force: bool = False  # -o over a read-only file


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def options(req: Request, stream: TextIO | None = None, chart: bool = False) -> Options:
    """The render options; a chart is drawn (in plain characters) even into a pipe."""
    stream = stream or sys.stdout
    tty = req.output is None and _is_tty(stream)
    fmt = req.format
    if fmt is None and req.output is not None:
        fmt = SUFFIX_FORMATS.get(req.output.suffix.lower())
    fmt = fmt or ("table" if tty or chart else "plain")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    env = os.environ
    color = fmt == "table" and not env.get("NO_COLOR") and (tty or bool(env.get("FORCE_COLOR")))
    width = shutil.get_terminal_size().columns if tty else None
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
    )


def emit(report: Report, req: Request) -> None:
    if req.svg or req.html:  # the picture instead of text on stdout
        from .render import select
        from .render.rich_table import picture

        shown = select(report, options(req))
        for path, kind in ((req.svg, "svg"), (req.html, "html")):
            if path is not None:
                write_output(path, picture(shown, kind), force=req.force)
        return
    text = render(report, options(req, chart=report.chart))
    if req.output is None:
        write_stdout(text)
    else:
        write_output(req.output, text, force=req.force)
