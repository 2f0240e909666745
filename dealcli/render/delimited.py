"""csv (RFC 4180), tsv and plain (tab-separated, one record per line).

A report of several tables comes out in long form: a first `section` column
names the table, and the columns are the union of all tables' columns (in
--columns order when it is given).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..gates import defuse
from . import SECTION, long_keys
from .cells import raw_text

if TYPE_CHECKING:
    from ..core.table import Report, Table
    from . import Options


Plan = list[tuple["Table", list[str], list[tuple[int, int, bool]]]]  # table, blank row, cells


def _rows(report: Report, opts: Options, defused: bool) -> tuple[list[str], Iterator[list[str]]]:
    """The header and the rows, made one at a time (a long report is never held twice);
    with `defused`, each text cell is through the delimited gate."""
    text_keys = _text_columns(report) if defused else set()
    if len(report.tables) == 1:
        table = report.tables[0]
        keys = [c.key for c in table.columns]
        plans: Plan = [(table, [], [(j, j, k in text_keys) for j, k in enumerate(keys)])]
    else:
        keys = long_keys(report, opts)
        plans = []
        for table in report.tables:
            index = {c.key: i for i, c in enumerate(table.columns)}
            # where each of the table's cells goes, worked out once a table; the rest stay blank
            name = defuse(table.name) if defused else table.name
            blank = [name if k == SECTION else "" for k in keys]
            plan = [
                (j, index[k], k in text_keys)
                for j, k in enumerate(keys)
                if k != SECTION and k in index
            ]
            plans.append((table, blank, plan))
    return keys, _made(plans)


def _made(plans: Plan) -> Iterator[list[str]]:
    cell = raw_text
    for table, blank, plan in plans:
        for r in table.rows:
            row = blank.copy() if blank else [""] * len(plan)
            for j, i, text in plan:
                value = cell(r[i])
                row[j] = defuse(value) if text and value else value
            yield row


def _text_columns(report: Report) -> set[str]:
    return {c.key for t in report.tables for c in t.columns if c.kind in ("text", "date")} | {
        SECTION
    }


def render_delimited(report: Report, opts: Options) -> str:
    defused = opts.format in ("csv", "tsv") and not opts.raw
    header, rows = _rows(report, opts, defused)
    out = io.StringIO()
    if opts.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if opts.header:
            writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    lines = itertools.chain([header] if opts.header else [], rows)
    return "".join("\t".join(_escape(c) for c in line) + "\n" for line in lines)


def _escape(cell: str) -> str:
    # tab-separated text cannot hold a tab or a line break: write them as \t and \n
    return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
