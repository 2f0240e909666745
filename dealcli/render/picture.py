"""A report as Rich draws it in a terminal, exported as SVG or HTML.

The markup gate's rule holds: every text is through `clean` (`fit` and `chart` lay it
out so), Rich escapes it for its element (`html.escape`, quotes included), and a link's
target, which Rich writes as it is, is gated and escaped in `rich_table.draw_lines`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..gates import clean
from . import Options
from .chart import draw_chart
from .console import console_for
from .rich_table import draw

if TYPE_CHECKING:
    from ..core.table import Report


def picture(report: Report, kind: str, width: int = 110) -> str:
    opts = replace(Options(format="table"), color=True, width=width)
    console = console_for(opts)
    if report.chart:
        draw_chart(console, report, width)
    else:
        draw(console, report, wrap=True)
    if kind == "svg":
        return console.export_svg(title=clean(report.title))
    return console.export_html(inline_styles=True)
