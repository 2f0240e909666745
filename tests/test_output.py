"""Every data command in every format: parseable, exact, and safe."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import pytest

from dealcli.registry import load_one
from dealcli.render import BINARY, FORMATS
from dealcli.table import Report, Share
from dealcli.totals import summarize
from dealcli.views import allocations as allocations_view
from dealcli.views import chart, compare, show
from dealcli.views import companies as companies_view
from dealcli.views import flows as flows_view
from dealcli.views import listing as listing_view
from dealcli.views import search as search_view
from dealcli.views import sources as sources_view
from dealcli.views import timeline as timeline_view

from .conftest import BUNDLED, FIXTURES, invoke

JAPAN = load_one(BUNDLED / "japan.yaml")
KOREA = load_one(BUNDLED / "south-korea.yaml")
ALL = sorted((load_one(p) for p in BUNDLED.glob("*.yaml")), key=lambda d: d.id)
HOSTILE = load_one(FIXTURES / "hostile.yaml")

# (command line, the report the command must print), for every data command
COMMANDS: list[tuple[list[str], Callable[[], Report]]] = [
    (
        ["list"],
        lambda: listing_view.listing([(summarize(d), "bundled") for d in ALL]),
    ),
    (["show", "japan"], lambda: show.show(JAPAN)),
    (["show", "korea", "-s", "terms"], lambda: show.show(KOREA, ["terms"])),
    (["allocations", "japan"], lambda: allocations_view.allocations_by(JAPAN, remainders=False)),
    (
        ["allocations", "jp", "--by", "company"],
        lambda: allocations_view.allocations_by(JAPAN, "company", remainders=False),
    ),
    (["companies"], lambda: companies_view.companies(ALL)),
    (["compare", "japan", "korea"], lambda: compare.compare([JAPAN, KOREA])),
    (["flows", "japan"], lambda: flows_view.flows(JAPAN)),
    (["timeline"], lambda: timeline_view.timeline(ALL)),
    (["sources", "korea"], lambda: sources_view.sources(KOREA)),
    (["search", "hitachi"], lambda: search_view.search(ALL, "hitachi")),
    (["chart", "japan"], lambda: chart.chart(JAPAN)),
    (["chart", "--compare", "japan", "kr"], lambda: chart.chart_compare([JAPAN, KOREA])),
]
IDS = [" ".join(c[0]) for c in COMMANDS]
SECTIONED = ("show", "compare", "flows")  # json keyed by section however many are shown


def expected_cell(value: Any) -> str:
    """What a cell of the model must read as in csv/json (before neutralisation)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def unescape(cell: str) -> str:
    """Undo the documented tsv/plain escapes: \\t, \\n, \\r, \\\\."""
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[cell[i + 1]])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def same_number(text: str, value: Decimal | int) -> bool:
    if isinstance(value, Share):  # shares: exact in the view, two decimals (half-even) in a file
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return Decimal(text) == Decimal(value)


def long_rows(report: Report) -> tuple[list[str], list[list[Any]]]:
    """The report in the documented long form (or as is, for one table)."""
    if len(report.tables) == 1:
        t = report.tables[0]
        keys = [c.key for c in t.columns if not c.extra]
        return keys, [[r[i] for i, c in enumerate(t.columns) if not c.extra] for r in t.rows]
    keys: list[str] = []
    for t in report.tables:
        keys += [c.key for c in t.columns if not c.extra and c.key not in keys]
    rows = []
    for t in report.tables:
        index = {c.key: i for i, c in enumerate(t.columns)}
        rows += [[t.name] + [r[index[k]] if k in index else None for k in keys] for r in t.rows]
    return ["section", *keys], rows


def check_cells(parsed: list[list[str]], expected: list[list[Any]]) -> None:
    assert len(parsed) == len(expected)
    for got_row, want_row in zip(parsed, expected, strict=True):
        assert len(got_row) == len(want_row)
        for got, want in zip(got_row, want_row, strict=True):
            if isinstance(want, Decimal | int) and not isinstance(want, bool):
                assert same_number(got, want), (got, want)
            else:
                text = expected_cell(want)
                assert got in (text, "'" + text), (got, text)


@pytest.mark.parametrize(("args", "build"), COMMANDS, ids=IDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_in_every_format(
    fmt: str, args: list[str], build: Callable[[], Report], tmp_path: Path
) -> None:
    if fmt in BINARY:
        check_workbook(args, build(), tmp_path / f"out.{fmt}")
        return
    r = invoke(*args, "-f", fmt)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith("\n")
    assert "\x1b" not in r.stdout
    report = build()
    header, rows = long_rows(report)
    if fmt == "csv":
        parsed = list(csv.reader(io.StringIO(r.stdout, newline="")))
        assert parsed[0] == header
        check_cells(parsed[1:], rows)
        assert "\r\n" not in r.stdout
    elif fmt in ("tsv", "plain"):
        lines = r.stdout.split("\n")[:-1]
        assert lines[0].split("\t") == header
        check_cells([[unescape(c) for c in line.split("\t")] for line in lines[1:]], rows)
    elif fmt == "json":
        doc = json.loads(r.stdout, parse_float=Decimal)
        assert isinstance(doc, dict) == (args[0] in SECTIONED)
        several = len(report.tables) > 1
        records = (
            doc
            if isinstance(doc, list)
            else [
                {"section": name, **rec} if several else rec
                for name, recs in doc.items()
                for rec in recs
            ]
        )
        check_json(records, header, rows)
    elif fmt == "jsonl":
        records = [json.loads(line, parse_float=Decimal) for line in r.stdout.splitlines()]
        assert all(("section" in rec) == (args[0] in SECTIONED) for rec in records)
        if len(report.tables) == 1:
            records = [{k: v for k, v in rec.items() if k != "section"} for rec in records]
        check_json(records, header, rows)
    elif fmt == "markdown":
        assert r.stdout.startswith("# ")
        assert "|" in r.stdout
    else:
        assert report.title in r.stdout
        assert report.chart or report.tables[-1].columns[0].label in r.stdout


def check_workbook(args: list[str], report: Report, path: Path) -> None:
    """The workbook: an About sheet, then one sheet per table with its cells typed."""
    import openpyxl

    r = invoke(*args, "-o", str(path))
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["About", *(t.name for t in report.tables)]
    for table in report.tables:
        keys = [c.key for c in table.columns if not c.extra]
        got = list(book[table.name].iter_rows(values_only=True))
        assert list(got[0]) == keys
        want = [
            [v for v, c in zip(row, table.columns, strict=True) if not c.extra]
            for row in table.rows
        ]
        assert len(got) == len(want) + 1
        for got_row, want_row in zip(got[1:], want, strict=True):
            for cell, value in zip(got_row, want_row, strict=True):
                if isinstance(value, Decimal | int) and not isinstance(value, bool):
                    assert isinstance(cell, int | float) and abs(
                        Decimal(str(cell)) - value
                    ) < Decimal("0.005")
                elif isinstance(value, date):
                    assert cell.date() == value
                elif value is None or value == ():
                    assert cell is None
                else:
                    assert cell == expected_cell(value)


def check_json(records: list[dict[str, Any]], header: list[str], rows: list[list[Any]]) -> None:
    assert len(records) == len(rows)
    for record, row in zip(records, rows, strict=True):
        assert list(record) == [k for k, v in zip(header, row, strict=True)] or set(record) <= set(
            header
        )
        for key, want in zip(header, row, strict=True):
            if key not in record:
                continue
            got = record[key]
            if isinstance(want, Decimal | int) and not isinstance(want, bool):
                assert isinstance(got, int | Decimal), (key, got)
                assert same_number(str(got), want)
            elif isinstance(want, tuple):
                assert got == list(want)
            else:
                assert got == (None if want is None else expected_cell(want))


def test_json_numbers_are_exact() -> None:
    r = invoke("--deals-dir", str(FIXTURES), "show", "hostile", "-s", "allocations", "-f", "json")
    doc = json.loads(r.stdout, parse_float=Decimal)["allocations"]
    assert [row["usd_bn"] for row in doc] == [Decimal("0.1"), Decimal("0.2")]
    r = invoke("--deals-dir", str(FIXTURES), "show", "hostile", "-s", "totals", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0]["usd_bn"] == "0.3"
    assert "0.30000000000000004" not in r.stdout


def test_hostile_strings_round_trip_through_csv_and_json() -> None:
    base = ["--deals-dir", str(FIXTURES)]
    title = HOSTILE.allocations[0].title
    sector = HOSTILE.allocations[0].sector
    company = HOSTILE.allocations[0].companies[0].name
    r = invoke(
        *base, "show", "hostile", "-s", "allocations", "-f", "csv", "--columns", "title,sector,lead"
    )
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert rows[0]["title"] == "'" + title  # starts with '-': defused
    assert rows[0]["sector"] == sector
    assert rows[0]["lead"] == "'" + company + " (GB)"  # starts with a tab: defused
    raw = invoke(
        *base, "show", "hostile", "-s", "allocations", "-f", "csv", "--raw", "--columns", "title"
    )
    assert next(csv.DictReader(io.StringIO(raw.stdout, newline="")))["title"] == title
    j = invoke(*base, "show", "hostile", "-s", "allocations", "-f", "json")
    doc = json.loads(j.stdout)["allocations"]
    assert doc[0]["title"] == title
    assert doc[0]["sector"] == sector


def test_formula_prefixes_are_defused_in_csv_and_tsv_only() -> None:
    base = ["--deals-dir", str(FIXTURES)]
    for fmt in ("csv", "tsv"):
        r = invoke(*base, "sources", "hostile", "-f", fmt, "--no-header")
        cells = next(csv.reader(io.StringIO(r.stdout), delimiter="," if fmt == "csv" else "\t"))
        assert cells[2] == "'=1+1"  # title
        assert cells[3] == "'@pub"  # publisher
        assert cells[0] == "1"  # numbers untouched
    j = json.loads(invoke(*base, "sources", "hostile", "-f", "json").stdout)
    assert j[0]["title"] == "=1+1"


def test_control_characters_never_reach_any_output() -> None:
    base = ["--deals-dir", str(FIXTURES)]
    for fmt in (f for f in FORMATS if f not in BINARY):
        for cmd in (["show", "hostile"], ["list"], ["companies", "hostile"], ["search", "bell"]):
            r = invoke(*base, *cmd, "-f", fmt)
            assert r.exit_code == 0, r.stderr
            for bad in ("\x1b", "\x07", "\x9b", "\r"):
                assert bad not in r.stdout, (fmt, cmd, bad)
    r = invoke(*base, "show", "hostile", "-s", "overview", "-f", "json")
    host = next(row for row in json.loads(r.stdout)["overview"] if row["field"] == "host")
    assert host["value"] == "@Host\x1b[31mred\x1b[0m (US)"  # exact, written as \u001b


def test_rich_markup_in_data_is_shown_literally() -> None:
    r = invoke("--deals-dir", str(FIXTURES), "show", "hostile", "-f", "table")
    assert r.exit_code == 0
    assert "[/x]" in r.stdout
    assert "[bold]x[/bold]" in r.stdout
    assert "[link=http://evil.example]click[/link]" in r.stdout


def test_markdown_keeps_numbers_and_escapes_pipes(mini) -> None:  # type: ignore[no-untyped-def]
    r = invoke("--deals-dir", str(FIXTURES), "show", "mini", "-s", "structure", "-f", "markdown")
    assert "| cash " in r.stdout
    assert "|       60 |" in r.stdout or "| 60 " in r.stdout.replace("  ", " ")
    assert "## Structure (tranches)" in r.stdout


def test_columns_select_and_order() -> None:
    r = invoke("list", "-f", "csv", "--columns", "headline_usd_bn,id")
    assert r.stdout.splitlines()[:3] == ["headline_usd_bn,id", "600,eu", "550,japan"]
    bad = invoke("list", "-f", "csv", "--columns", "nope")
    assert bad.exit_code == 2
    assert "no column named 'nope'" in bad.stderr


def test_no_header_and_bom() -> None:
    r = invoke("list", "-f", "csv", "--no-header", "--columns", "id")
    assert r.stdout == "eu\njapan\nqatar\nsaudi-arabia\nsouth-korea\nswitzerland\ntaiwan\nuae\n"
    b = invoke("list", "-f", "csv", "--bom", "--columns", "id")
    assert b.stdout.startswith("\ufeffid\n")


def test_sources_column() -> None:
    r = invoke(
        "show", "japan", "-s", "allocations", "-f", "csv", "--sources", "--columns", "id,sources"
    )
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    first = rows[0]
    assert first["id"] == "westinghouse-ap1000-smr"
    numbers = JAPAN.source_numbers()
    want = sorted(numbers[s] for s in JAPAN.allocations[0].sources)
    assert first["sources"] == ",".join(map(str, want))


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "japan.csv"
    r = invoke("allocations", "japan", "-o", str(target))
    assert r.exit_code == 0
    assert r.stdout == ""
    assert target.read_text().startswith("sector,")  # format from the suffix
    before = target.read_bytes()
    bad = invoke("allocations", "japan", "--columns", "nope", "-o", str(target))
    assert bad.exit_code == 2
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]


def test_unwritable_output_leaves_no_trace(tmp_path: Path) -> None:
    r = invoke("list", "-o", str(tmp_path / "missing" / "x.csv"))
    assert r.exit_code == 2
    assert "cannot write" in r.stderr


def test_unknown_format_is_a_usage_error() -> None:
    r = invoke("list", "-f", "xml")
    assert r.exit_code == 2
    assert r.stderr.startswith("deal: error: --format / -f takes table, plain, csv,")
    assert ", not 'xml'" in r.stderr.splitlines()[0]


def test_table_into_a_pipe_is_not_cut_to_80_columns() -> None:
    r = invoke("show", "japan", "-s", "companies", "-f", "table")
    longest = max(len(line) for line in r.stdout.splitlines())
    assert longest > 80
    assert (
        "Portsmouth Powered Land Project, 9.2 GW gas-fired power near Portsmouth, Ohio" in r.stdout
    )
