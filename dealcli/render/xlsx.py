"""xlsx: a real workbook, one sheet per table, typed cells.

Numbers are written as numbers, dates as dates and text as text (never as a
formula, so there is nothing to defuse). Each sheet has a bold, frozen header
row, a filter and column widths to fit; the first sheet, "About", names the
deals, the date the data was checked to, the command that made the workbook,
the notes of each table and the sources. XlsxWriter is imported only here.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any

from ..gates import clean
from .cells import raw_text

if TYPE_CHECKING:
    from ..core.table import Report, Table
    from . import About, Options

ABOUT = "About"
_MAX_WIDTH = 60
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
_CENT = Decimal("0.01")


def cell_value(value: Any, kind: str) -> Any:
    """What a workbook cell holds: a number, a date, a bool, text, or None (blank).

    A share is rounded once, half to even, to two decimals as in the other machine formats.
    """
    if value is None or isinstance(value, bool | date):
        return value
    if isinstance(value, Decimal):
        return float(value.quantize(_CENT, rounding=ROUND_HALF_EVEN) if kind == "pct" else value)
    if isinstance(value, int):
        return value
    return raw_text(value)  # text (control characters made visible), lists as "1,2"


def render_xlsx(report: Report, opts: Options) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    stamp = max((d[2] for d in opts.about.deals), default="2000-01-01")
    book.set_properties(
        {
            "title": clean(report.title),
            "comments": clean(opts.about.command),
            "created": datetime.fromisoformat(stamp),  # the same data gives the same bytes
        }
    )
    styles = {
        "header": book.add_format({"bold": True}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "pct": book.add_format({"num_format": "0.00"}),
    }
    used = {ABOUT.casefold()}
    _about(book.add_worksheet(ABOUT), report, opts.about, styles)
    for table in report.tables:
        name = _sheet_name(table.name, used)
        _table(book.add_worksheet(name), table, opts.header, styles)
    book.close()
    return buffer.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    base = _BAD_SHEET.sub("_", name)[:31] or "sheet"
    out, n = base, 1
    while out.casefold() in used:
        n += 1
        out = f"{base[: 31 - len(str(n)) - 1]}-{n}"
    used.add(out.casefold())
    return out


class _Sheet:
    """Writes typed cells and keeps each column's widest text for its width."""

    def __init__(self, sheet: Any, styles: dict[str, Any]) -> None:
        self.sheet = sheet
        self.styles = styles
        self.widths: dict[int, int] = {}

    def put(self, row: int, col: int, value: Any, kind: str = "text", style: str = "") -> None:
        v = cell_value(value, kind)
        fmt = self.styles.get(style or kind)
        if v is None:
            return
        if isinstance(v, bool):
            self.sheet.write_boolean(row, col, v, fmt)
            text = "TRUE"
        elif isinstance(v, date):
            self.sheet.write_datetime(
                row, col, datetime(v.year, v.month, v.day), self.styles["date"]
            )
            text = "2026-01-01"
        elif isinstance(v, int | float):
            self.sheet.write_number(row, col, v, fmt)
            text = raw_text(value) if kind != "pct" else f"{v:.2f}"
        else:
            self.sheet.write_string(row, col, v, fmt)
            text = max(v.split("\n"), key=len)
        self.widths[col] = max(self.widths.get(col, 0), len(text))

    def fit(self) -> None:
        for col, width in self.widths.items():
            self.sheet.set_column(col, col, min(width + 2, _MAX_WIDTH))


def _table(sheet: Any, table: Table, header: bool, styles: dict[str, Any]) -> None:
    out = _Sheet(sheet, styles)
    first = 0
    if header:
        for col, c in enumerate(table.columns):
            out.put(0, col, c.key, style="header")
        sheet.freeze_panes(1, 0)
        first = 1
    for r, row in enumerate(table.rows, first):
        for col, (c, value) in enumerate(zip(table.columns, row, strict=True)):
            out.put(r, col, value, c.kind)
    if header and table.columns:
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    out.fit()


def _about(sheet: Any, report: Report, about: About, styles: dict[str, Any]) -> None:
    out = _Sheet(sheet, styles)
    lines: list[tuple[Any, ...]] = [("title", report.title)]
    if report.caption:
        lines.append(("caption", report.caption))
    if about.command:
        lines.append(("command", about.command))
    if about.as_of:
        lines.append(("as of", about.as_of))
    lines += [("sheet", t.name, t.title) for t in report.tables]
    lines += [(f"note ({t.name})", n) for t in report.tables for n in t.notes]
    r = 0
    for r, line in enumerate(lines):
        for col, value in enumerate(line):
            out.put(r, col, value, style="header" if col == 0 else "")
    r += 2
    if about.deals:
        for col, key in enumerate(("deal", "title", "data_checked_to")):
            out.put(r, col, key, style="header")
        for deal_id, title, updated in about.deals:
            r += 1
            out.put(r, 0, deal_id)
            out.put(r, 1, title)
            out.put(r, 2, date.fromisoformat(updated), "date")
        r += 2
    if about.sources:
        keys = ("deal", "source", "title", "publisher", "date", "url")
        for col, key in enumerate(keys):
            out.put(r, col, key, style="header")
        for deal_id, n, title, publisher, day, url in about.sources:
            r += 1
            for col, value in enumerate((deal_id, n, title, publisher)):
                out.put(r, col, value, "int" if col == 1 else "text")
            out.put(r, 4, date.fromisoformat(day), "date")
            out.put(r, 5, url)
    out.fit()
