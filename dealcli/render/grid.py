"""A table as plain text, for `--format table` into a pipe or a file.

The same layout as the Rich renderer without a terminal (no colour, nothing
wrapped or cut), drawn directly: Rich measures and wraps every cell, which a
pipe does not need and which costs more than the rest of the command.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from ..table import NUMERIC
from .cells import clean, human

if TYPE_CHECKING:
    from ..table import Report, Table

_GAP = "   "


def width(text: str) -> int:
    """Terminal cells a line takes: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int, right: bool) -> str:
    fill = " " * (size - width(text))
    return fill + text if right else text + fill


def _table(table: Table, titled: bool) -> list[str]:
    header = [[clean(c.label)] for c in table.columns]
    body = [
        [human(v, c.kind).split("\n") for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]
    sizes = [max(width(line) for line in cell) for cell in header]
    for row in body:
        for i, cell in enumerate(row):
            sizes[i] = max(sizes[i], *(width(line) for line in cell))
    right = [c.kind in NUMERIC for c in table.columns]
    out = [clean(table.title)] if titled else []

    def emit(cells: list[list[str]]) -> None:
        for n in range(max(len(cell) for cell in cells)):
            parts = [
                _pad(cell[n] if n < len(cell) else "", sizes[i], right[i])
                for i, cell in enumerate(cells)
            ]
            out.append(_GAP.join(parts).rstrip())

    emit(header)
    out.append("─" * (sum(sizes) + len(_GAP) * (len(sizes) - 1)))
    for row in body:
        emit(row)
    out.extend("  * " + note for note in table.notes)
    return out


def render_grid(report: Report) -> str:
    lines = [clean(report.title)]
    if report.caption:
        lines.append(clean(report.caption))
    for table in report.tables:
        lines.append("")
        lines.extend(_table(table, titled=table.title != report.title))
    return "\n".join(lines) + "\n"
