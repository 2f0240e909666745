"""Neutral tables: what every view returns and every renderer accepts.

A view knows nothing of formats; a renderer knows nothing of deals.
"""

from __future__ import annotations

from dataclasses import field, replace
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Literal

from .record import Plain, Record, plain, record

if TYPE_CHECKING:
    import pandas

Kind = Literal["text", "amount", "pct", "int", "date", "number", "sources"]
NUMERIC: tuple[Kind, ...] = ("amount", "pct", "int", "number")  # right-aligned for people
NUMERIC_FLOAT: tuple[Kind, ...] = ("amount", "pct", "number")  # float64 in a DataFrame


# Row and column styles a view may ask for; each renderer decides how they look
# (colours in a terminal, nothing in a pipe). Never the only carrier of meaning.
Style = Literal["", "pledged", "selected", "candidate", "unselected", "dim"]


@record(slots=True)
class Column(Record):
    """A column and the hints renderers read (they know nothing of deals).

    main: the column that names the row (sector, company, title): never dropped,
        and what a chart writes beside each bar (several main columns are joined).
    priority: when a terminal is too narrow, the columns with the highest number
        go first (0: never); hidden columns are named in a footnote.
    style: how the whole column looks (e.g. selected money).
    link: the cells are web addresses (never split; clickable where supported).
    bar: a chart draws its bars from this column (percentages).
    group: a chart puts its rows under a heading per value of this column.
    files: only in files (csv, tsv, plain, json, jsonl, xlsx), never on screen nor in
        markdown: data that people read as a mark or a footnote (`confidence`).
    coded: the cells are codes of the deal format (`up_to`, `economic_exchange`): files keep
        them, people read them as words ("up to", "economic exchange").
    """

    key: str  # stable snake_case name that carries its unit: usd_bn, share_pct
    label: str  # header for people
    kind: Kind = "text"
    extra: bool = False  # shown only when asked for (the `sources` column)
    main: bool = False
    priority: int = 1
    style: Style = ""
    link: bool = False
    bar: bool = False
    group: bool = False
    files: bool = False
    coded: bool = False


# Keys renamed so that each word means one thing (CHANGELOG.md): json, jsonl, to_records()
# and to_pandas() write the old key too, right after the new one, for one release.
DEPRECATED_KEYS: dict[str, str] = {
    "pledged_usd_bn": "headline_usd_bn",
    "pledged_gdp_pct": "headline_gdp_pct",
    "pledged_pct": "headline_pct",
    "selected_usd_bn": "committed_usd_bn",
    "selected_pct": "committed_pct",
    "selected_share_pct": "committed_share_pct",
    "selected_of_total_pct": "committed_of_total_pct",
    "unselected_usd_bn": "uncommitted_usd_bn",
}


def with_old_keys(record: dict[str, Any]) -> dict[str, Any]:
    """The record with each renamed key's old name after it (same value)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        out[key] = value
        old = DEPRECATED_KEYS.get(key)
        if old is not None and old not in record:
            out[old] = value
    return out


@plain
class Table(Plain):
    """One section of a report: columns, rows, notes and a style per row."""

    name: str  # section name, usable with --section
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    styles: list[Style] = field(default_factory=list)  # one per row
    compact: bool = False  # in a terminal: one line a row, no title line (a summary)
    legend: dict[str, str] = field(default_factory=dict)  # style -> what it stands for
    mark: str = ""  # text to highlight wherever it occurs (search matches)
    # (row, column key) -> a flag people see after the cell ("†", "?", "‡"), or in its place
    # when the cell is empty ("—"); files never see it: the cell stays a number
    flags: dict[tuple[int, str], str] = field(default_factory=dict)
    flag_notes: list[str] = field(default_factory=list)  # what the flags mean; shown with them

    def add(self, *cells: Any, style: Style = "", flags: dict[str, str] | None = None) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.name}: {len(cells)} cells for {len(self.columns)} columns")
        for key, flag in flags.items() if flags else ():
            if flag:
                self.flags[len(self.rows), key] = flag
        self.rows.append(list(cells))
        self.styles.append(style)

    def flag(self, row: int, key: str) -> str:
        return self.flags.get((row, key), "")

    def style(self, i: int) -> Style:
        return self.styles[i] if i < len(self.styles) else ""

    def records(self) -> list[dict[str, Any]]:
        keys = [c.key for c in self.columns]
        return [with_old_keys(dict(zip(keys, row, strict=True))) for row in self.rows]


@plain
class Report(Plain):
    """What a view gives the renderers: a title and its tables."""

    title: str
    tables: list[Table]
    caption: str = ""  # shown under the title in a terminal, e.g. "data checked to 2026-03-20"
    chart: bool = False  # `--format table` draws bars of the share_pct column
    # a command of several sections (show, compare, flows): json keyed by section and jsonl
    # with `section`, whatever sections are asked for, so its shape never changes
    sectioned: bool = False

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def to_records(self, sources: bool = False) -> list[dict[str, Any]]:
        """The rows as dicts, with the keys and numbers of `-f json` (see `records`)."""
        return records(self, sources)

    def to_pandas(self, exact: bool = False, sources: bool = False) -> pandas.DataFrame:
        """The rows as a pandas DataFrame with typed columns (see `frame`)."""
        return frame(self, exact, sources)


# Codes whose own word would mean something else on screen: the basis `committed` says how firm
# a pledged amount is; "committed" beside an amount would read as money selected for projects.
SPOKEN: dict[str, str] = {"committed": "commitment"}


def spoken(code: str) -> str:
    """A code of the deal format as people read it: `investment_and_purchases` in words,
    the basis `committed` as "commitment"."""
    return SPOKEN.get(code, code.replace("_", " "))


def for_people(report: Report) -> Report:
    """The report without the columns meant for files only, its codes in words."""
    tables = []
    for t in report.tables:
        keep = [i for i, c in enumerate(t.columns) if not c.files]
        coded = {i for i in keep if t.columns[i].coded}
        if len(keep) == len(t.columns) and not coded:
            tables.append(t)
            continue
        columns = [t.columns[i] for i in keep]
        rows = [
            [spoken(r[i]) if i in coded and isinstance(r[i], str) else r[i] for i in keep]
            for r in t.rows
        ]
        tables.append(replace(t, columns=columns, rows=rows))
    return replace(report, tables=tables)


def sources_cell(ids: tuple[str, ...], numbers: dict[str, int]) -> tuple[int, ...]:
    """Source numbers behind a row, as `deal sources` numbers them."""
    return tuple(sorted({numbers[i] for i in ids if i in numbers}))


SOURCES = Column("sources", "Sources", "sources", extra=True)


class Share(Decimal):
    """An exact percentage (300/550*100 = 54.5454...), kept exact until shown.

    Rounded once, half-even, from the exact value: to one decimal for people
    (54.5%), to two in machine formats (54.55), by `number` and `rounded`.
    """

    __slots__ = ()


MACHINE_PLACES = 2  # decimals of a share in csv, tsv, plain, json and jsonl


def rounded(value: Decimal, places: int) -> Decimal:
    """`value` rounded once, half-even, to `places` decimals."""
    quantum = _QUANTA.get(places) or Decimal(1).scaleb(-places)
    return value.quantize(quantum, rounding=ROUND_HALF_EVEN)


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(4)}


def number(value: Decimal | int) -> str:
    """An exact number as plain digits: 550, 0.35, 66.67 (never 5.5E+2).

    A `Share` comes out rounded to two decimals (trailing zeros dropped).
    """
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Share):
        value = rounded(value, MACHINE_PLACES)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# -- a report as Python data -------------------------------------------------------------
#
# The records are what `-f json` writes, decoded: the same keys in the same order, numbers
# as exact Decimals spelled as json spells them (109, not 109.0; a share to two decimals),
# dates as dates, source numbers as lists. A report of several sections gives the long
# form, as `-f jsonl` does: each record starts with its `section`. The DataFrame has a
# column per key, typed by the column's kind: amounts, shares and numbers as float64 (the
# exact Decimals with `exact=True`), whole numbers as Int64, dates as datetime64, text as
# pandas' string type; a cell a record lacks is missing. pandas is imported only for it
# (`pip install deal-cli[pandas]`).

SECTION = "section"  # the first key of the long form


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):  # as json writes it: 109, not 109.0; a share to 2 places
        return Decimal(number(value))
    if isinstance(value, tuple):
        return [_cell(v) for v in value]
    return value


def _columns(table: Table, sources: bool) -> list[int]:
    return [i for i, c in enumerate(table.columns) if not c.extra or sources]


def records(report: Report, sources: bool = False) -> list[dict[str, Any]]:
    """The report's rows as dicts; `sources` adds the column `--sources` adds."""
    out: list[dict[str, Any]] = []
    for table in report.tables:
        keep = _columns(table, sources)
        keys = [table.columns[i].key for i in keep]
        head = {SECTION: table.name} if report.sectioned else {}
        for row in table.rows:
            cells = {k: _cell(row[i]) for k, i in zip(keys, keep, strict=True)}
            out.append({**head, **with_old_keys(cells)})
    return out


def kinds(report: Report, sources: bool = False) -> dict[str, Kind]:
    """Each key's kind, in the order of the records' keys ("text" where tables disagree)."""
    found: dict[str, Kind] = {SECTION: "text"} if report.sectioned else {}
    for table in report.tables:
        for i in _columns(table, sources):
            column = table.columns[i]
            for key in (column.key, DEPRECATED_KEYS.get(column.key)):
                if key is not None and found.setdefault(key, column.kind) != column.kind:
                    found[key] = "text"
    if sources:
        found.setdefault(SOURCES.key, SOURCES.kind)
    return found


def frame(report: Report, exact: bool = False, sources: bool = False) -> pandas.DataFrame:
    """The records as a DataFrame with typed columns (see above)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            "to_pandas() needs pandas: pip install 'deal-cli[pandas]' (or pandas itself)"
        ) from None
    rows = records(report, sources)
    types = kinds(report, sources)
    data: dict[str, Any] = {}
    for key, kind in types.items():
        cells = [r.get(key) for r in rows]
        data[key] = _series(pd, cells, kind, exact)
    return pd.DataFrame(data, columns=list(types))


def _series(pd: Any, cells: list[Any], kind: Kind, exact: bool) -> Any:
    if kind in NUMERIC_FLOAT and not exact:
        return pd.Series([float(c) if c is not None else None for c in cells], dtype="float64")
    if kind in NUMERIC_FLOAT:
        return pd.Series(cells, dtype="object")
    if kind == "int":
        return pd.Series(cells, dtype="Int64")
    if kind == "date" and all(c is None or isinstance(c, date) for c in cells):
        return pd.Series(pd.to_datetime(cells))
    if kind == "text" and all(c is None or isinstance(c, str) for c in cells):
        return pd.Series(cells, dtype="string")
    return pd.Series(cells, dtype="object")
