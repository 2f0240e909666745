"""Laid-out lines (`fit`) as text: plain into a pipe or a file, ANSI colour in a terminal.

Drawn directly, without Rich: Rich measures and wraps every cell again, which
the layout has already done, and costs more than the rest of the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gates import link
from .fit import lay_report
from .prose import width

if TYPE_CHECKING:
    from ..core.table import Report
    from .prose import Line

if TYPE_CHECKING:
    from . import Options

__all__ = ["STYLES", "paint", "render_grid", "render_table", "width"]

# Each style a layout names, as ANSI SGR codes in a terminal (the 8 standard colours, bold,
# dim: they work everywhere) and as Rich draws it in a picture (SVG, HTML): one meaning.
STYLES = {
    "title": ("1;4", "bold underline"),
    "caption": ("2", "dim"),
    "header": ("1", "bold"),
    "dim": ("2", "dim"),
    "pledged": ("1", "bold"),
    "selected": ("32", "green"),
    "candidate": ("36", "cyan"),
    "unselected": ("33", "yellow"),
    "match": ("1;7", "bold reverse"),
    "group": ("1", "bold"),
}
SGR = {name: sgr for name, (sgr, _) in STYLES.items()}
_OSC8 = "\x1b]8;;{}\x1b\\"


def paint(lines: list[Line], color: bool, links: bool = False) -> str:
    """Text of the lines; with colour, styles as ANSI codes and (with links) OSC 8 hyperlinks."""
    out = []
    for line in lines:
        parts = []
        for text, style in line:
            if not color or not style or not text:
                parts.append(text)
            elif style.startswith("link:"):
                # an OSC 8 hyperlink only to an http(s) address with no control in it,
                # so nothing in the address can end the sequence early
                url = link(style[5:]) if links else None
                parts.append(_OSC8.format(url) + text + _OSC8.format("") if url else text)
            else:
                parts.append(f"\x1b[{SGR.get(style, '0')}m{text}\x1b[0m")
        out.append("".join(parts).rstrip(" "))
    return "\n".join(out) + "\n"


def render_grid(report: Report) -> str:
    """`--format table` into a pipe or file: no colour, nothing wrapped, cut or dropped."""
    return paint(lay_report(report, None), color=False)


def render_table(report: Report, opts: Options) -> str:
    """In a terminal: fitted to its width, in colour unless NO_COLOR."""
    lines = lay_report(report, opts.width, legend=opts.color, slices=opts.slices)
    return paint(lines, color=opts.color, links=opts.color and opts.width is not None)
