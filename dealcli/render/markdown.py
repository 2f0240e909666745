"""GitHub pipe tables through tabulate (numbers kept as written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabulate import tabulate

from ..table import NUMERIC
from .cells import clean, human

if TYPE_CHECKING:
    from ..table import Report


def _md(text: str) -> str:
    return clean(text).replace("|", "\\|").replace("\n", "<br>")


def render_markdown(report: Report) -> str:
    parts = [f"# {_md(report.title)}\n"]
    if report.caption:
        parts.append(f"{_md(report.caption)}\n")
    for table in report.tables:
        rows = [
            [_md(human(v, c.kind)) for v, c in zip(r, table.columns, strict=True)]
            for r in table.rows
        ]
        headers = [_md(c.label) for c in table.columns]
        align = ["right" if c.kind in NUMERIC else "left" for c in table.columns]
        grid = tabulate(rows, headers, tablefmt="github", disable_numparse=True, colalign=align)
        parts.append(f"## {_md(table.title)}\n\n{grid}\n")
        parts.extend(f"- {_md(n)}" for n in table.notes)
        if table.notes:
            parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"
