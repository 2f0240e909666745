"""csv (RFC 4180), tsv and plain (tab-separated, one record per line).

A report of several tables comes out in long form: a first `section` column
names the table, and the columns are the union of all tables' columns (in
--columns order when it is given).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..gates import defuse
from . import SECTION, long_keys
from .cells import raw_text

if TYPE_CHECKING:
    from ..core.table import Report
    from . import Options


def _layout(report: Report, opts: Options) -> tuple[list[str], list[list[str]]]:
    if len(report.tables) == 1:
        table = report.tables[0]
        return [c.key for c in table.columns], [[_cell(v) for v in r] for r in table.rows]
    keys = long_keys(report, opts)
    rows = []
    for table in report.tables:
        index = {c.key: i for i, c in enumerate(table.columns)}
        # where each of the table's cells goes, worked out once a table; the rest stay blank
        blank = [table.name if k == SECTION else "" for k in keys]
        plan = [(j, index[k]) for j, k in enumerate(keys) if k != SECTION and k in index]
        for r in table.rows:
            row = blank.copy()
            for j, i in plan:
                row[j] = _cell(r[i])
            rows.append(row)
    return keys, rows


def _cell(value: object) -> str:
    return raw_text(value)


def _text_columns(report: Report) -> set[str]:
    return {c.key for t in report.tables for c in t.columns if c.kind in ("text", "date")} | {
        SECTION
    }


def neutralise(header: list[str], rows: list[list[str]], text_columns: set[str]) -> None:
    """Defuse formula-like text cells in place (csv, tsv, and the csv export)."""
    text_cols = [i for i, k in enumerate(header) if k in text_columns]
    for row in rows:
        for i in text_cols:
            if row[i]:  # a blank cell stays blank
                row[i] = defuse(row[i])


def render_delimited(report: Report, opts: Options) -> str:
    header, rows = _layout(report, opts)
    if opts.format in ("csv", "tsv") and not opts.raw:
        neutralise(header, rows, _text_columns(report))
    out = io.StringIO()
    if opts.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if opts.header:
            writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    lines = [header] if opts.header else []
    lines += rows
    return "".join("\t".join(_escape(c) for c in line) + "\n" for line in lines)


def _escape(cell: str) -> str:
    # tab-separated text cannot hold a tab or a line break: write them as \t and \n
    return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
