"""GitHub pipe tables through tabulate (numbers kept as written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabulate import tabulate

from ..core.table import NUMERIC, for_people
from ..gates import markdown
from .cells import human

if TYPE_CHECKING:
    from ..core.table import Column, Report, Table


def _md(text: str) -> str:
    # markup, links and images in the data are shown, never made live
    return markdown(text)


def _cell(table: Table, r: int, c: Column, value: object) -> str:
    """A cell as people read it, with its flag after it (or in its place when it is empty)."""
    return _md(human(value, c.kind) + table.flag(r, c.key))


def render_markdown(report: Report) -> str:
    report = for_people(report)
    parts = [f"# {_md(report.title)}\n"]
    if report.caption:
        parts.append(f"{_md(report.caption)}\n")
    for table in report.tables:
        rows = [
            [_cell(table, i, c, v) for v, c in zip(r, table.columns, strict=True)]
            for i, r in enumerate(table.rows)
        ]
        headers = [_md(c.label) for c in table.columns]
        align = ["right" if c.kind in NUMERIC else "left" for c in table.columns]
        grid = tabulate(rows, headers, tablefmt="github", disable_numparse=True, colalign=align)
        # a table that is the whole report is not titled twice (as in a terminal)
        head = f"## {_md(table.title)}\n\n" if table.title != report.title else ""
        parts.append(f"{head}{grid}\n")
        notes = table.notes + (table.flag_notes if table.flags else [])
        parts.extend(f"- {_md(n)}" for n in notes)
        if notes:
            parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"
