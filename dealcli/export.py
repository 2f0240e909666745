"""`deal export`: the data set as SQLite, JSON or CSV files, for other tools.

Amounts are exact in every form: `usd_bn` is the decimal as text (SQLite has no
exact decimal type, and a REAL would round 0.35), and `usd_thousands` is the same
amount as a whole number of thousands of dollars, so SQL sums are exact. An
amount finer than a thousand dollars leaves `usd_thousands` empty.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import write_atomic, write_folder
from .model import Deal
from .render.jsonfmt import dumps
from .table import number

FORMATS = ("sqlite", "json", "csv")

# table -> (columns with SQL types and keys, primary key, foreign keys)
SCHEMA: dict[str, tuple[list[str], str, list[str]]] = {
    "deals": (
        [
            "id TEXT NOT NULL",
            "title TEXT NOT NULL",
            "status TEXT NOT NULL",
            "updated TEXT NOT NULL",
            "investor_name TEXT",
            "investor_code TEXT",
            "investor_gdp_usd_bn TEXT",
            "investor_gdp_year INTEGER",
            "host_name TEXT",
            "host_code TEXT",
            "headline_usd_bn TEXT NOT NULL",
            "headline_usd_thousands INTEGER",
            "headline_basis TEXT",
            "period_from TEXT",
            "period_to TEXT",
            "vehicle TEXT",
            "notes TEXT",
        ],
        "id",
        [],
    ),
    "aliases": (
        ["deal_id TEXT NOT NULL", "alias TEXT NOT NULL"],
        "deal_id, alias",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "tranches": (
        [
            "deal_id TEXT NOT NULL",
            "id TEXT NOT NULL",
            "label TEXT",
            "usd_bn TEXT",
            "usd_thousands INTEGER",
            "basis TEXT",
            "instrument TEXT",
        ],
        "deal_id, id",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "terms": (
        [
            "deal_id TEXT NOT NULL",
            "id TEXT NOT NULL",
            "label TEXT",
            "value TEXT",
            "pct TEXT",
            "usd_bn TEXT",
            "usd_thousands INTEGER",
            "authority TEXT",
            "from_date TEXT",
            "to_date TEXT",
        ],
        "deal_id, id",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "allocations": (
        [
            "deal_id TEXT NOT NULL",
            "id TEXT NOT NULL",
            "title TEXT",
            "sector TEXT",
            "subsector TEXT",
            "status TEXT",
            "usd_bn TEXT",
            "usd_thousands INTEGER",
            "basis TEXT",
            "tranche_id TEXT",
            "instrument TEXT",
            "part_of TEXT",
            "date TEXT",
        ],
        "deal_id, id",
        [
            "(deal_id) REFERENCES deals(id)",
            "(deal_id, tranche_id) REFERENCES tranches(deal_id, id)",
            "(deal_id, part_of) REFERENCES allocations(deal_id, id)",
        ],
    ),
    "allocation_companies": (
        [
            "deal_id TEXT NOT NULL",
            "allocation_id TEXT NOT NULL",
            "name TEXT NOT NULL",
            "country TEXT",
            "role TEXT NOT NULL",
        ],
        "deal_id, allocation_id, name, role",
        ["(deal_id, allocation_id) REFERENCES allocations(deal_id, id)"],
    ),
    "commitments": (
        [
            "deal_id TEXT NOT NULL",
            "id TEXT NOT NULL",
            "area TEXT",
            "party TEXT",
            "title TEXT",
            "detail TEXT",
            "usd_bn TEXT",
            "usd_thousands INTEGER",
            "basis TEXT",
        ],
        "deal_id, id",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "events": (
        ["deal_id TEXT NOT NULL", "seq INTEGER NOT NULL", "date TEXT", "title TEXT"],
        "deal_id, seq",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "sources": (
        [
            "deal_id TEXT NOT NULL",
            "id TEXT NOT NULL",
            "number INTEGER",
            "title TEXT",
            "publisher TEXT",
            "url TEXT",
            "date TEXT",
            "kind TEXT",
        ],
        "deal_id, id",
        ["(deal_id) REFERENCES deals(id)"],
    ),
    "citations": (
        [
            "deal_id TEXT NOT NULL",
            "item_type TEXT NOT NULL",
            "item_id TEXT NOT NULL",
            "source_id TEXT NOT NULL",
        ],
        "deal_id, item_type, item_id, source_id",
        ["(deal_id, source_id) REFERENCES sources(deal_id, id)"],
    ),
}


def _amount(value: Decimal | None) -> tuple[str | None, int | None]:
    if value is None:
        return None, None
    thousands = value * 1_000_000
    return number(value), int(thousands) if thousands == thousands.to_integral_value() else None


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def rows(deals: list[Deal]) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in an order that satisfies the foreign keys."""
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in SCHEMA}
    links = out["citations"]
    for d in deals:

        def cited(kind: str, item: str, ids: tuple[str, ...], deal_id: str = d.id) -> None:
            links.extend((deal_id, kind, item, s) for s in dict.fromkeys(ids))

        head_text, head_k = _amount(d.headline.usd_bn)
        out["deals"].append(
            (
                d.id,
                d.title,
                d.status,
                d.updated.isoformat(),
                d.investor.name,
                d.investor.code,
                _amount(d.investor.gdp_usd_bn)[0],
                d.investor.gdp_year,
                d.host.name,
                d.host.code,
                head_text,
                head_k,
                d.headline.basis,
                _day(d.period.from_ if d.period else None),
                _day(d.period.to if d.period else None),
                d.vehicle,
                d.notes,
            )
        )
        out["aliases"] += [(d.id, a) for a in d.aliases]
        out["sources"] += [
            (d.id, s.id, n, s.title, s.publisher, s.url, s.date.isoformat(), s.kind)
            for n, s in enumerate(d.sources, 1)
        ]
        cited("headline", "", d.headline.sources)
        cited("investor", "", d.investor.sources)
        cited("host", "", d.host.sources)
        if d.period:
            cited("period", "", d.period.sources)
        for t in d.structure:
            out["tranches"].append((d.id, t.id, t.label, *_amount(t.usd_bn), t.basis, t.instrument))
            cited("tranche", t.id, t.sources)
        for term in d.terms:
            out["terms"].append(
                (
                    d.id,
                    term.id,
                    term.label,
                    term.value,
                    _amount(term.pct)[0],
                    *_amount(term.usd_bn),
                    term.authority,
                    _day(term.from_),
                    _day(term.to),
                )
            )
            cited("term", term.id, term.sources)
        # envelopes before their parts, for the self-referencing key
        for a in sorted(d.allocations, key=lambda a: a.part_of is not None):
            out["allocations"].append(
                (
                    d.id,
                    a.id,
                    a.title,
                    a.sector,
                    a.subsector,
                    a.status,
                    *_amount(a.usd_bn),
                    a.basis,
                    a.tranche,
                    a.instrument,
                    a.part_of,
                    _day(a.date),
                )
            )
            out["allocation_companies"] += [
                (d.id, a.id, c.name, c.country, c.role) for c in dict.fromkeys(a.companies)
            ]
            cited("allocation", a.id, a.sources)
        for c in d.commitments:
            out["commitments"].append(
                (d.id, c.id, c.area, c.party, c.title, c.detail, *_amount(c.usd_bn), c.basis)
            )
            cited("commitment", c.id, c.sources)
        for seq, e in enumerate(d.timeline, 1):
            out["events"].append((d.id, seq, e.date.isoformat(), e.title))
            cited("event", str(seq), e.sources)
    return out


def _names(columns: list[str]) -> list[str]:
    return [c.split()[0] for c in columns]


def to_sqlite(deals: list[Deal], path: Path) -> None:
    """Build the database in memory, then write it like any other output (atomically)."""
    con = sqlite3.connect(":memory:")
    con.execute("PRAGMA foreign_keys = ON")
    data = rows(deals)
    with con:
        for name, (columns, key, foreign) in SCHEMA.items():
            keys = [f"PRIMARY KEY ({key})", *(f"FOREIGN KEY {f}" for f in foreign)]
            con.execute(f"CREATE TABLE {name} ({', '.join([*columns, *keys])})")
            marks = ", ".join("?" * len(columns))
            con.executemany(f"INSERT INTO {name} VALUES ({marks})", data[name])
    image = con.serialize()
    con.close()
    write_atomic(path, image)


def to_csv(deals: list[Deal], folder: Path) -> None:
    """One csv file per table, replacing the folder's previous set as a whole."""
    files: dict[str, str | bytes] = {}
    for name, table_rows in rows(deals).items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_names(SCHEMA[name][0]))
        writer.writerows(["" if v is None else v for v in r] for r in table_rows)
        files[f"{name}.csv"] = buffer.getvalue()
    write_folder(folder, files, owned=[f"{name}.csv" for name in SCHEMA])


def document(deal: Deal) -> dict[str, Any]:
    """A deal as its file would hold it: YAML keys, defaults left out."""

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            out = {}
            for f in dataclasses.fields(value):
                v = getattr(value, f.name)
                if v is None or v == () or (f.name == "party" and v == "investor"):
                    continue
                out[f.name.rstrip("_")] = plain(v)
            return out
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    result: dict[str, Any] = plain(deal)
    return result


def to_json(deals: list[Deal], path: Path) -> None:
    text = "[\n" + ",\n".join(dumps(document(d)) for d in deals) + "\n]\n"
    write_atomic(path, text)


def export(deals: list[Deal], fmt: str, output: Path) -> None:
    if fmt == "sqlite":
        to_sqlite(deals, output)
    elif fmt == "json":
        to_json(deals, output)
    elif fmt == "csv":
        to_csv(deals, output)
    else:
        raise UsageError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
