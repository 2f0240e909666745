"""Tables in pictures: the layout a terminal shows (`fit`), drawn by Rich for SVG and HTML.

Cells are plain text, so markup in a deal file is shown, never run; the styles are the
terminal's (`grid.STYLES`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gates import html, link
from .fit import lay_report
from .grid import STYLES

if TYPE_CHECKING:
    from rich.console import Console

    from ..core.table import Report
    from .prose import Line

RICH = {name: rich for name, (_, rich) in STYLES.items()}


def draw_lines(console: Console, lines: list[Line]) -> None:
    """The lines on a console whose export is a picture. Rich escapes the text it
    exports, but writes a link's target into `href="..."` as it is: the markup gate
    escapes it, and a target that is not an http(s) address is no link at all."""
    from rich.style import Style
    from rich.text import Text

    for line in lines:
        text = Text(no_wrap=True, overflow="ignore", end="\n")
        for piece, style in line:
            if style.startswith("link:"):
                url = link(style[5:])
                text.append(piece, style=Style(link=html(url)) if url else None)
            else:
                text.append(piece, style=RICH.get(style, ""))
        text.rstrip()
        console.print(text, soft_wrap=True)  # fitted already: never wrapped again


def draw(console: Console, report: Report, wrap: bool) -> None:
    """The report on a Rich console (for pictures), fitted to its width if `wrap`."""
    draw_lines(console, lay_report(report, console.width if wrap else None, legend=True))
