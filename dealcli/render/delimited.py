"""csv (RFC 4180), tsv and plain (tab-separated, one record per line).

A report of several tables comes out in long form: a first `section` column
names the table, and the columns are the union of all tables' columns (in
--columns order when it is given).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..core.table import Share, number
from ..gates import clean, defuse
from . import SECTION, long_keys
from .cells import raw_text

if TYPE_CHECKING:
    from ..core.table import Report, Table
    from . import Options


Cell = Callable[[Any], str]
Plan = list[tuple["Table", list[str], list[tuple[int, int, Cell]]]]  # table, blank row, cells


def _rows(report: Report, opts: Options, defused: bool) -> tuple[list[str], Plan]:
    """The header, and where each table's cells go (with `defused`, the text cells through
    the delimited gate), worked out once a table; the rest of a row stays blank."""
    text_keys = _text_columns(report) if defused else set()
    plain, text = _cells(defused)
    if len(report.tables) == 1:
        table = report.tables[0]
        keys = [c.key for c in table.columns]
        blank = [""] * len(keys)
        cells = [(j, j, text if k in text_keys else plain) for j, k in enumerate(keys)]
        return keys, [(table, blank, cells)]
    keys = long_keys(report, opts)
    plans: Plan = []
    for table in report.tables:
        index = {c.key: i for i, c in enumerate(table.columns)}
        name = defuse(table.name) if defused else table.name
        blank = [name if k == SECTION else "" for k in keys]
        cells = [
            (j, index[k], text if k in text_keys else plain)
            for j, k in enumerate(keys)
            if k != SECTION and k in index
        ]
        plans.append((table, blank, cells))
    return keys, plans


def _made(plans: Plan) -> Iterator[list[str]]:
    """The rows, made one at a time (a long report is never held twice)."""
    for table, blank, cells in plans:
        for r in table.rows:
            row = blank.copy()
            for j, i, cell in cells:
                row[j] = cell(r[i])
            yield row


def _cells(defused: bool) -> tuple[Cell, Cell]:
    """A cell's text as raw_text writes it, in another column and in a text column (there
    defused, when `defused`); a text is cleaned once however often it recurs (deal ids)."""
    by_type: dict[type, Cell] = {
        Decimal: number,
        Share: number,
        int: number,
        date: date.isoformat,
        type(None): _nothing,
    }
    plain_texts: dict[str, str] = {}
    defused_texts: dict[str, str] = {}

    def plain(v: Any) -> str:
        if type(v) is str:
            got = plain_texts.get(v)
            if got is None:
                got = plain_texts[v] = clean(v)
            return got
        write = by_type.get(type(v))
        return write(v) if write is not None else raw_text(v)

    def text(v: Any) -> str:
        if type(v) is str:
            got = defused_texts.get(v)
            if got is None:
                got = clean(v)
                got = defused_texts[v] = defuse(got) if got else got
            return got
        got = plain(v)
        return defuse(got) if got else got

    return plain, (text if defused else plain)


def _nothing(value: None) -> str:
    return ""


def _csv(plans: Plan, out: io.StringIO) -> None:
    """The rows as csv. A line is filled in from a template of the table's blank row; one
    with a comma, quote or line break in a cell is written by the csv writer instead."""
    writer = csv.writer(out, lineterminator="\n")
    write = out.write
    for table, blank, cells in plans:
        template = [c.replace("%", "%%") for c in blank]
        for j, _, _ in cells:
            template[j] = "%s"
        line_of = ",".join(template) + "\n"
        commas = len(blank) - 1
        at = [(i, cell) for _, i, cell in cells]
        for r in table.rows:
            values = tuple([cell(r[i]) for i, cell in at])
            line = line_of % values
            if line.count(",") == commas and not _QUOTED.search(line, 0, len(line) - 1):
                write(line)
                continue
            row = blank.copy()
            for (j, _, _), value in zip(cells, values, strict=True):
                row[j] = value
            writer.writerow(row)


def _text_columns(report: Report) -> set[str]:
    return {c.key for t in report.tables for c in t.columns if c.kind in ("text", "date")} | {
        SECTION
    }


def render_delimited(report: Report, opts: Options) -> str:
    defused = opts.format in ("csv", "tsv") and not opts.raw
    header, plans = _rows(report, opts, defused)
    if opts.format == "csv":
        out = io.StringIO()
        if opts.header:
            csv.writer(out, lineterminator="\n").writerow(header)
        if len(header) > 1:
            _csv(plans, out)
        else:  # a row of one blank cell is written as ""
            csv.writer(out, lineterminator="\n").writerows(_made(plans))
        return out.getvalue()
    lines = itertools.chain([header] if opts.header else [], _made(plans))
    return "".join("\t".join(_escape(c) for c in line) + "\n" for line in lines)


_QUOTED = re.compile('["\n\r]')


def _escape(cell: str) -> str:
    # tab-separated text cannot hold a tab or a line break: write them as \t and \n
    return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
