"""`deal export`: the data set as SQLite, JSON or CSV files, for other tools.

Amounts are numbers and exact: `usd_bn` is a number (INTEGER where whole, REAL
otherwise: SQLite's NUMERIC affinity), so `MAX`, `>` and `ORDER BY` work;
`usd_bn_text` keeps the exact decimal beside it (a REAL would round 0.35 in the
last digit); `usd_thousands` is the amount as a whole number of thousands of
dollars, so SQL sums are exact. An amount finer than a thousand dollars leaves
`usd_thousands` empty.

Each table with links to it has a single-column key, `row_id`, and each link
is a single column (`tranche_row_id`, `part_of_row_id`, `allocation_row_id`,
`source_row_id`), so tools that follow only single-column foreign keys
(datasette) follow every link. The natural keys stay unique.
"""

from __future__ import annotations

import csv
import dataclasses
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from ..core.atomic import Content
from ..core.errors import UsageError
from ..core.model import Alternative, Deal
from ..core.reading import read_pieces
from ..core.table import number
from ..core.totals import counted_ids
from ..gates import all_clean, clean, defuse, sqlite
from .document import to_json
from .files import write_folder, write_output
from .schema import SCHEMA

FORMATS = ("sqlite", "json", "csv")


def _amount(value: Decimal | None) -> tuple[Any, str | None, int | None]:
    """(number, exact text, whole thousands of dollars) of an amount."""
    if value is None:
        return None, None, None
    thousands = value * 1_000_000
    whole = int(thousands) if thousands == thousands.to_integral_value() else None
    return value, number(value), whole


def _sql_amount(value: Decimal | None) -> tuple[Any, str | None, int | None]:
    """`_amount` with the number as SQLite stores it: an integer when whole, else a float."""
    if value is None:
        return None, None, None
    got = _amount(value)
    return (int(value) if value == value.to_integral_value() else float(value)), *got[1:]


def _source(s: Any) -> tuple[Any, ...]:
    return s.title, s.publisher, s.url, s.date.isoformat(), s.kind


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class _Ids:
    """Row ids in order of insertion, per table, and the natural keys they stand for."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}
        self.count: dict[str, int] = {}

    def new(self, table: str, *key: str) -> int:
        self.count[table] = n = self.count.get(table, 0) + 1
        self.ids[(table, *key)] = n
        return n

    def get(self, table: str, *key: str | None) -> int | None:
        return None if None in key else self.ids.get((table, *key))  # type: ignore[arg-type]


Rows = dict[str, list[tuple[Any, ...]]]


def rows(deals: Iterable[Deal], sql: bool = False) -> Iterator[Rows]:
    """Every table's rows, a deal at a time, in an order that satisfies the foreign keys;
    with `sql`, numbers as SQLite stores them.

    Row ids run on across deals; links never cross a deal, so the keys they follow are
    forgotten after each one and a long export holds one deal's rows at a time.
    """
    amount = _sql_amount if sql else _amount
    ids = _Ids()
    for d in deals:
        out: Rows = {name: [] for name in SCHEMA}
        links: list[tuple[str, str, str, str]] = []
        ids.ids.clear()

        def cited(
            kind: str, item: str, refs: tuple[str, ...], deal_id: str = d.id, into: Any = links
        ) -> None:
            into.extend((deal_id, kind, item, s) for s in dict.fromkeys(refs))

        out["deals"].append(
            (
                d.id,
                d.title,
                d.status,
                d.updated.isoformat(),
                d.investor.name,
                d.investor.code,
                *amount(d.investor.gdp_usd_bn)[:2],
                d.investor.gdp_year,
                d.host.name,
                d.host.code,
                *amount(d.headline.usd_bn),
                d.headline.basis,
                d.headline.confidence,
                _day(d.period.from_ if d.period else None),
                _day(d.period.to if d.period else None),
                d.vehicle,
                d.notes,
            )
        )
        out["aliases"] += [(d.id, a) for a in d.aliases]
        out["sources"] += [
            (ids.new("sources", d.id, s.id), d.id, s.id, n, *_source(s))
            for n, s in enumerate(d.sources, 1)
        ]
        cited("headline", "", d.headline.sources)
        cited("investor", "", d.investor.sources)
        cited("host", "", d.host.sources)
        if d.period:
            cited("period", "", d.period.sources)
        for t in d.structure:
            row_id = ids.new("tranches", d.id, t.id)
            out["tranches"].append(
                (
                    row_id,
                    d.id,
                    t.id,
                    t.label,
                    *amount(t.usd_bn),
                    t.basis,
                    t.instrument,
                    t.confidence,
                )
            )
            cited("tranche", t.id, t.sources)
        for term in d.terms:
            out["terms"].append(
                (
                    d.id,
                    term.id,
                    term.label,
                    term.value,
                    *amount(term.pct)[:2],
                    *amount(term.usd_bn),
                    term.authority,
                    _day(term.from_),
                    _day(term.to),
                    term.confidence,
                )
            )
            cited("term", term.id, term.sources)
        alternatives(d, None, d.headline.alternatives, out["alternatives"], cited, amount)
        counts = counted_ids(d)
        # envelopes before their parts, for the self-referencing key
        for a in sorted(d.allocations, key=lambda a: a.part_of is not None):
            row_id = ids.new("allocations", d.id, a.id)
            tranche = (a.tranche, ids.get("tranches", d.id, a.tranche), a.instrument)
            envelope = (a.part_of, ids.get("allocations", d.id, a.part_of), _day(a.date))
            how = (a.confidence, int(a.id in counts))
            sized = (*amount(a.usd_bn), int(a.usd_bn is not None), a.basis)
            what = (a.title, a.sector, a.subsector, a.status)
            out["allocations"].append(
                (row_id, d.id, a.id, *what, *sized, *tranche, *envelope, *how)
            )
            alternatives(d, (a.id, row_id), a.alternatives, out["alternatives"], cited, amount)
            out["allocation_companies"] += [
                (d.id, a.id, row_id, c.name, c.country, c.role) for c in dict.fromkeys(a.companies)
            ]
            cited("allocation", a.id, a.sources)
        for c in d.commitments:
            out["commitments"].append(
                (
                    d.id,
                    c.id,
                    c.area,
                    c.party,
                    c.title,
                    c.detail,
                    *amount(c.usd_bn),
                    c.basis,
                    c.confidence,
                )
            )
            cited("commitment", c.id, c.sources)
        for seq, e in enumerate(d.timeline, 1):
            out["events"].append((d.id, seq, e.date.isoformat(), e.title, e.confidence))
            cited("event", str(seq), e.sources)
        out["citations"] = [(*link, ids.get("sources", link[0], link[3])) for link in links]
        yield out


def alternatives(
    d: Deal,
    allocation: tuple[str, int] | None,
    found: tuple[Alternative, ...],
    into: list[tuple[Any, ...]],
    cited: Any,
    amount: Any = _amount,
) -> None:
    """The other readings of the headline (`allocation` None) or of an allocation (its id
    and row id), numbered from 1; each cites its sources as `headline alternative` or
    `allocation alternative`, item `ID#N` (`#N` for the headline)."""
    kind = "allocation" if allocation else "headline"
    item, row_id = allocation or ("", None)
    for seq, alt in enumerate(found, 1):
        into.append((d.id, kind, item, seq, row_id, *amount(alt.usd_bn), alt.note))
        cited(f"{kind} alternative", f"{item}#{seq}", alt.sources)


def _names(columns: list[str]) -> list[str]:
    return [c.split()[0] for c in columns]


BATCH = 64  # deals whose rows go into the database in one statement per table


def to_sqlite(deals: Iterable[Deal], path: Path, stdout: TextIO | None = None) -> None:
    """Rows go into a database file as deals are read, a few at a time; the finished file
    is then written like any other output (atomically)."""
    import sqlite3  # only an sqlite export needs it

    with tempfile.TemporaryDirectory(prefix="deal-export-") as tmp:
        built = Path(tmp) / "deals.db"
        con = sqlite3.connect(built)
        try:
            con.execute("PRAGMA journal_mode = OFF")  # a scratch file: rebuilt if anything fails
            con.execute("PRAGMA synchronous = OFF")
            con.execute("PRAGMA foreign_keys = ON")
            inserts = {}
            with con:
                for name, (columns, key) in SCHEMA.items():
                    con.execute(f"CREATE TABLE {name} ({', '.join([*columns, key])})")
                    inserts[name] = f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})"
                batch: Rows = {name: [] for name in SCHEMA}
                for n, part in enumerate(rows(deals, sql=True), 1):
                    texts = [v for got in part.values() for r in got for v in r if type(v) is str]
                    if not all_clean(texts):  # rare: a control or a hidden character
                        # rows the gate made the same (a control and its picture) are one row
                        part = {
                            name: list(dict.fromkeys(tuple(map(sqlite, r)) for r in got))
                            for name, got in part.items()
                        }
                    for name, got in part.items():
                        batch[name] += got
                    if n % BATCH == 0:
                        _insert(con, inserts, batch)
                _insert(con, inserts, batch)  # every key of a row has its row before it
        finally:
            con.close()
        write_output(path, read_pieces(built), stdout=stdout)


def _insert(con: Any, inserts: dict[str, str], batch: Rows) -> None:
    """The batch's rows, table by table in the schema's order (parents first), then let go."""
    for name, got in batch.items():
        if got:
            con.executemany(inserts[name], got)
            got.clear()


def to_csv(deals: Iterable[Deal], folder: Path) -> None:
    """One csv file per table, replacing the folder's previous set as a whole; the rows are
    written as each deal is read."""
    with tempfile.TemporaryDirectory(prefix="deal-export-") as tmp, ExitStack() as files:
        writers = {}
        for name, (columns, _) in SCHEMA.items():
            fh = files.enter_context(open(Path(tmp) / f"{name}.csv", "w", encoding="utf-8"))
            writers[name] = csv.writer(fh, lineterminator="\n")
            writers[name].writerow(_names(columns))
        for part in rows(deals):
            for name, table_rows in part.items():
                writers[name].writerows(["" if v is None else v for v in r] for r in table_rows)
        files.close()
        made: dict[str, Content] = {
            f"{name}.csv": read_pieces(Path(tmp) / f"{name}.csv") for name in SCHEMA
        }
        write_folder(folder, made, owned=[f"{name}.csv" for name in SCHEMA])


def export(deals: Iterable[Deal], fmt: str, output: Path, stdout: TextIO | None = None) -> None:
    """Write the export, each deal read once and let go (any number of deals fits in
    memory); `-o -` is `stdout` for the formats of one file."""
    if fmt == "sqlite":
        to_sqlite(deals, output, stdout)
    elif fmt == "json":
        to_json(deals, output, stdout)
    elif fmt == "csv" and str(output) == "-":
        raise UsageError("a csv export is a folder of files: give -o FOLDER")
    elif fmt == "csv":
        to_csv((for_csv(d) for d in deals), output)
    else:
        raise UsageError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")


def for_csv(deal: Deal) -> Deal:
    """The deal with every text as `-f csv` writes it: control characters made visible and
    a formula-like start defused (`'=`), so the csv export is exactly as safe."""

    def safe(value: Any) -> Any:
        if isinstance(value, str):
            return defuse(clean(value))
        if isinstance(value, tuple):
            return tuple(safe(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    result: Deal = safe(deal)
    return result
