"""csv, tsv and plain write each cell as the csv module and the delimited gate would: a cell
with a comma, a quote or a line break quoted, a formula-like text defused, numbers exact,
whatever the table's name or the kinds of its values."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from dealcli.core.table import Column, Report, Share, Table
from dealcli.gates import defuse
from dealcli.render import Options, render
from dealcli.render.cells import raw_text

TRICKY = [
    "plain",
    "a, b",
    'say "yes"',
    "two\nlines",
    "=SUM(A1)",
    "-5",
    "100%",
    "%s and %d",
    "",
    "\x1b[31m",
    None,
    Decimal("1.50"),
    Share(Decimal(200) / 3),
    7,
    True,
    date(2026, 3, 1),
    (1, 2),
    Decimal("-3"),
]


def report(name: str = "odd, % name") -> Report:
    text = Table(name, "texts", [Column("deal", "Deal"), Column("note", "Note")])
    amounts = Table(
        "amounts", "amounts", [Column("deal", "Deal"), Column("usd_bn", "USD", "amount")]
    )
    for i, value in enumerate(TRICKY):
        text.add(f"d{i}", value)
        amounts.add(value, value)
    return Report("tricky", [text, amounts], sectioned=True)


def expected(rep: Report, defused: bool) -> str:
    keys = ["section", "deal", "note", "usd_bn"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for t in rep.tables:
        for r in t.rows:
            row = dict.fromkeys(keys, "")
            row["section"] = t.name
            for c, v in zip(t.columns, r, strict=True):
                row[c.key] = raw_text(v)
            for k in ("section", "deal", "note"):  # the text columns
                if defused and row[k]:
                    row[k] = defuse(row[k])
            writer.writerow(row.values())
    return out.getvalue()


@pytest.mark.parametrize("raw", [False, True])
def test_every_cell_is_written_as_the_csv_writer_writes_it(raw: bool) -> None:
    rep = report()
    assert render(rep, Options(format="csv", raw=raw)) == expected(rep, not raw)


def test_a_table_of_one_column_keeps_its_blank_cells() -> None:
    t = Table("one", "one", [Column("note", "Note")])
    for value in ["", "x", None, "a,b"]:
        t.add(value)
    assert render(Report("one", [t]), Options(format="csv")) == 'note\n""\nx\n""\n"a,b"\n'


def test_tsv_and_plain_hold_the_same_cells() -> None:
    rep = report("plain name")
    rows = list(csv.reader(io.StringIO(expected(rep, True))))
    lines = render(rep, Options(format="tsv"))
    assert isinstance(lines, str)
    got = [line.split("\t") for line in lines.splitlines()]
    assert [[c.replace("\\n", "\n") for c in row] for row in got] == rows
