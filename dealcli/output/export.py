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
import itertools
import operator
import tempfile
from collections.abc import Callable, Iterable, Iterator
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
from ..gates import all_clean, all_defused, clean, defuse, sqlite
from .document import to_json
from .files import replace_with, scratch_beside, write_folder, write_output
from .schema import SCHEMA

FORMATS = ("sqlite", "json", "csv")


_NONE = (None, None, None)
Amount = tuple[Any, str | None, int | None]
# by value (they repeat): what depends on the value alone, not on how it is written (1.50)
_TEXTS: dict[Decimal, tuple[str, int | None]] = {}
_SQL_AMOUNTS: dict[Decimal, Amount] = {}
KNOWN_LIMIT = 100_000


def _amount(value: Decimal | None) -> Amount:
    """(number, exact text, whole thousands of dollars) of an amount."""
    if value is None:
        return _NONE
    got = _TEXTS.get(value)
    if got is None:
        thousands = value * 1_000_000
        whole = int(thousands) if thousands == thousands.to_integral_value() else None
        got = (number(value), whole)
        if len(_TEXTS) < KNOWN_LIMIT:
            _TEXTS[value] = got
    return value, *got


def _sql_amount(value: Decimal | None) -> Amount:
    """`_amount` with the number as SQLite stores it: an integer when whole, else a float."""
    if value is None:
        return _NONE
    got = _SQL_AMOUNTS.get(value)
    if got is None:
        _, text, whole = _amount(value)
        whole_number = value == value.to_integral_value()
        got = (int(value) if whole_number else float(value), text, whole)
        if len(_SQL_AMOUNTS) < KNOWN_LIMIT:
            _SQL_AMOUNTS[value] = got
    return got


def _source(s: Any) -> tuple[Any, ...]:
    return s.title, s.publisher, s.url, s.date.isoformat(), s.kind


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


Rows = dict[str, list[tuple[Any, ...]]]


def rows(deals: Iterable[Deal], sql: bool = False) -> Iterator[Rows]:
    """Every table's rows, a deal at a time, in an order that satisfies the foreign keys;
    with `sql`, numbers as SQLite stores them.

    Row ids run on across deals; links never cross a deal, so the keys they follow are
    forgotten after each one and a long export holds one deal's rows at a time.
    """
    amount = _sql_amount if sql else _amount
    last = {"sources": 0, "tranches": 0, "allocations": 0}  # the row ids given so far
    for d in deals:
        yield _deal_rows(d, amount, last)


def _deal_rows(d: Deal, amount: Any, last: dict[str, int]) -> Rows:
    did = d.id
    # (item type, item id, source ids) of each list of sources, in order
    cites: list[tuple[str, str, tuple[str, ...]]] = []
    cite = cites.append
    period = d.period
    deals = [
        (
            did,
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
            _day(period.from_ if period else None),
            _day(period.to if period else None),
            d.vehicle,
            d.notes,
        )
    ]
    first = last["sources"]
    source_ids = {s.id: first + n for n, s in enumerate(d.sources, 1)}
    sources = [
        (first + n, did, s.id, n, s.title, s.publisher, s.url, s.date.isoformat(), s.kind)
        for n, s in enumerate(d.sources, 1)
    ]
    last["sources"] = first + len(d.sources)
    cite(("headline", "", d.headline.sources))
    cite(("investor", "", d.investor.sources))
    cite(("host", "", d.host.sources))
    if period:
        cite(("period", "", period.sources))
    tranches = []
    tranche_ids: dict[str | None, int] = {}
    for t in d.structure:
        row_id = tranche_ids[t.id] = last["tranches"] = last["tranches"] + 1
        tranches.append(
            (row_id, did, t.id, t.label, *amount(t.usd_bn), t.basis, t.instrument, t.confidence)
        )
        cite(("tranche", t.id, t.sources))
    terms = []
    for term in d.terms:
        terms.append(
            (
                did,
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
        cite(("term", term.id, term.sources))
    others: list[tuple[Any, ...]] = []
    alternatives(d, None, d.headline.alternatives, others, cite, amount)
    counts = counted_ids(d)
    allocations = []
    companies = []
    allocation_ids: dict[str | None, int] = {}
    # envelopes before their parts, for the self-referencing key
    for a in sorted(d.allocations, key=lambda a: a.part_of is not None):
        row_id = allocation_ids[a.id] = last["allocations"] = last["allocations"] + 1
        allocations.append(
            (
                row_id,
                did,
                a.id,
                a.title,
                a.sector,
                a.subsector,
                a.status,
                *amount(a.usd_bn),
                int(a.usd_bn is not None),
                a.basis,
                a.tranche,
                tranche_ids.get(a.tranche),
                a.instrument,
                a.part_of,
                allocation_ids.get(a.part_of),
                _day(a.date),
                a.confidence,
                int(a.id in counts),
            )
        )
        alternatives(d, (a.id, row_id), a.alternatives, others, cite, amount)
        companies += [
            (did, a.id, row_id, c.name, c.country, c.role) for c in dict.fromkeys(a.companies)
        ]
        cite(("allocation", a.id, a.sources))
    commitments = []
    for c in d.commitments:
        commitments.append(
            (
                did,
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
        cite(("commitment", c.id, c.sources))
    events = []
    for seq, e in enumerate(d.timeline, 1):
        events.append((did, seq, e.date.isoformat(), e.title, e.confidence))
        cite(("event", str(seq), e.sources))
    citations = [
        (did, kind, item, s, source_ids.get(s))
        for kind, item, refs in cites
        for s in dict.fromkeys(refs)
    ]
    return {
        "deals": deals,
        "aliases": [(did, a) for a in d.aliases],
        "tranches": tranches,
        "terms": terms,
        "allocations": allocations,
        "alternatives": others,
        "allocation_companies": companies,
        "commitments": commitments,
        "events": events,
        "sources": sources,
        "citations": citations,
    }


def alternatives(
    d: Deal,
    allocation: tuple[str, int] | None,
    found: tuple[Alternative, ...],
    into: list[tuple[Any, ...]],
    cite: Callable[[tuple[str, str, tuple[str, ...]]], None],
    amount: Any = _amount,
) -> None:
    """The other readings of the headline (`allocation` None) or of an allocation (its id
    and row id), numbered from 1; each cites its sources as `headline alternative` or
    `allocation alternative`, item `ID#N` (`#N` for the headline)."""
    kind = "allocation" if allocation else "headline"
    item, row_id = allocation or ("", None)
    for seq, alt in enumerate(found, 1):
        into.append((d.id, kind, item, seq, row_id, *amount(alt.usd_bn), alt.note))
        cite((f"{kind} alternative", f"{item}#{seq}", alt.sources))


def _names(columns: list[str]) -> list[str]:
    return [c.split()[0] for c in columns]


BATCH = 64  # deals whose rows go into the database in one statement per table


def to_sqlite(deals: Iterable[Deal], path: Path, stdout: TextIO | None = None) -> None:
    """Rows go into a database file as deals are read, a few at a time: a temporary file
    beside the target, renamed onto it when done (atomically); where the target is no file
    to replace (stdout, a FIFO, a shared file), one in a scratch folder, written as any output."""
    import sqlite3  # only an sqlite export needs it

    with tempfile.TemporaryDirectory(prefix="deal-export-") as tmp:
        beside = scratch_beside(path)  # built where it goes, then renamed: never copied
        built = beside or Path(tmp) / "deals.db"
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
                    if not all_clean(_texts(part)):  # rare: a control or a hidden character
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
            con.close()
            if beside:
                replace_with(path, beside)
        except BaseException:
            con.close()
            if beside:
                beside.unlink(missing_ok=True)  # a failed export leaves the old file as it was
            raise
        if not beside:
            write_output(path, read_pieces(built), stdout=stdout)


def _text_columns(columns: list[str]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    places = [n for n, c in enumerate(columns) if c.split()[1] == "TEXT"]
    if len(places) == 1:
        return lambda row: (row[places[0]],)
    return operator.itemgetter(*places)


# each table's TEXT columns, as a tuple of a row's values: the only columns that hold text
_TEXT_COLUMNS = {name: _text_columns(columns) for name, (columns, _) in SCHEMA.items()}


def _texts(part: Rows) -> list[str]:
    """Every text of a deal's rows (empty ones left out)."""
    found: list[str] = []
    for name, got in part.items():
        found += filter(None, itertools.chain.from_iterable(map(_TEXT_COLUMNS[name], got)))
    return found


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
        last = {"sources": 0, "tranches": 0, "allocations": 0}
        for d in deals:
            given = dict(last)
            part = _deal_rows(d, _amount, last)
            if not all_defused(_texts(part)):  # rare: the deal again, every text made safe
                last.update(given)
                part = _deal_rows(for_csv(d), _amount, last)
            for name, got in part.items():
                writers[name].writerows(got)  # None is written as an empty cell
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
        to_csv(deals, output)
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
