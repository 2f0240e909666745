"""Every data command in every format: parseable, exact, and safe."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import pytest

from dealcli.core.context import of_deals
from dealcli.core.reading import read_deal, read_record
from dealcli.core.summary import summarize
from dealcli.core.table import (
    DEPRECATED_KEYS,
    SOURCES,
    Column,
    Report,
    Share,
    Table,
    for_people,
    number,
)
from dealcli.gates import defuse
from dealcli.render import BINARY, FORMATS, Options, render
from dealcli.render.cells import human, raw_text
from dealcli.render.jsonfmt import dumps
from dealcli.views import allocations as allocations_view
from dealcli.views import chart, compare, show
from dealcli.views import companies as companies_view
from dealcli.views import flows as flows_view
from dealcli.views import listing as listing_view
from dealcli.views import search as search_view
from dealcli.views import sources as sources_view
from dealcli.views import timeline as timeline_view

from .conftest import BUNDLED, FIXTURES, invoke

RECORDS = {r.id: r for r in (read_record(p) for p in (BUNDLED / "context").glob("*.yaml"))}
JAPAN = read_deal(BUNDLED / "japan.yaml")
KOREA = read_deal(BUNDLED / "south-korea.yaml")
ALL = sorted((read_deal(p) for p in BUNDLED.glob("*.yaml")), key=lambda d: d.id)
HOSTILE = read_deal(FIXTURES / "hostile.yaml")

# (command line, the report the command must print), for every data command
COMMANDS: list[tuple[list[str], Callable[[], Report]]] = [
    (
        ["list"],
        lambda: listing_view.listing([(summarize(d), "bundled") for d in ALL]),
    ),
    (["show", "japan"], lambda: show.show(JAPAN, context=of_deals([JAPAN], RECORDS))),
    (["show", "korea", "-s", "terms"], lambda: show.show(KOREA, ["terms"])),
    (["allocations", "japan"], lambda: allocations_view.allocations_by(JAPAN, remainders=False)),
    (
        ["allocations", "japan", "--totals"],
        lambda: allocations_view.allocations_by(JAPAN, remainders=True, total=True),
    ),
    (
        ["allocations", "jp", "--by", "company"],
        lambda: allocations_view.allocations_by(JAPAN, "company", remainders=False),
    ),
    (["companies"], lambda: companies_view.companies(ALL)),
    (["compare", "japan", "korea"], lambda: compare.compare([JAPAN, KOREA])),
    (["flows", "japan"], lambda: flows_view.flows(JAPAN)),
    (["flows", "japan", "--totals"], lambda: flows_view.flows(JAPAN, True)),
    (["timeline"], lambda: timeline_view.timeline(ALL, context=of_deals(ALL, RECORDS))),
    (["sources", "korea"], lambda: sources_view.sources(KOREA)),
    (["search", "hitachi"], lambda: search_view.search(ALL, "hitachi")),
    (["chart", "japan"], lambda: chart.chart(JAPAN)),
    (["chart", "--compare", "japan", "kr"], lambda: chart.chart_compare([JAPAN, KOREA])),
]
IDS = [" ".join(c[0]) for c in COMMANDS]
SECTIONED = ("show", "compare", "flows")  # json keyed by section however many are shown
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def expected_cell(value: Any) -> str:
    """What a cell of the model must read as in csv/json (before neutralisation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
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


@dataclass
class Long:
    """A report in the documented long form: the header, the columns that hold text in some
    table, the values under the header per row, and per row the keys of its own table."""

    header: list[str]
    text_keys: set[str]
    rows: list[list[Any]]
    own_keys: list[list[str]]


def long_rows(report: Report) -> Long:
    """The report in the documented long form (or as is, for one table)."""
    text = {c.key for t in report.tables for c in t.columns if c.kind in ("text", "date")}
    if len(report.tables) == 1:
        t = report.tables[0]
        keys = [c.key for c in t.columns if not c.extra]
        rows = [[r[i] for i, c in enumerate(t.columns) if not c.extra] for r in t.rows]
        return Long(keys, text, rows, [keys] * len(rows))
    keys: list[str] = []
    for t in report.tables:
        keys += [c.key for c in t.columns if not c.extra and c.key not in keys]
    rows, own = [], []
    for t in report.tables:
        index = {c.key: i for i, c in enumerate(t.columns)}
        mine = ["section", *(c.key for c in t.columns if not c.extra)]
        for r in t.rows:
            rows.append([t.name] + [r[index[k]] if k in index else None for k in keys])
            own.append(mine)
    return Long(["section", *keys], text | {"section"}, rows, own)


def check_cells(parsed: list[list[str]], long: Long, defused: bool) -> None:
    """Every cell exactly; in csv and tsv only text that starts like a formula gets a '."""
    assert len(parsed) == len(long.rows)
    for got_row, want_row in zip(parsed, long.rows, strict=True):
        assert len(got_row) == len(want_row)
        for got, want, key in zip(got_row, want_row, long.header, strict=True):
            if isinstance(want, Decimal | int) and not isinstance(want, bool):
                assert same_number(got, want), (got, want)
                assert not got.startswith("'")  # numbers are never defused
                continue
            text = expected_cell(want)
            if defused and key in long.text_keys and text.startswith(FORMULA):
                text = "'" + text
            assert got == text, (key, got, text)


@pytest.mark.parametrize(("args", "build"), COMMANDS, ids=IDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_in_every_format(
    fmt: str, args: list[str], build: Callable[[], Report], tmp_path: Path
) -> None:
    if fmt in BINARY:
        check_workbook(args, build(), tmp_path / f"out.{fmt}")
        return
    r = invoke(*args, "-f", fmt, env={"COLUMNS": ""})  # into a pipe without COLUMNS: not wrapped
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith("\n")
    assert "\x1b" not in r.stdout
    report = build()
    long = long_rows(report)
    if fmt == "csv":
        parsed = list(csv.reader(io.StringIO(r.stdout, newline="")))
        assert parsed[0] == long.header
        check_cells(parsed[1:], long, defused=True)
        assert "\r\n" not in r.stdout
    elif fmt in ("tsv", "plain"):
        lines = r.stdout.split("\n")[:-1]
        assert lines[0].split("\t") == long.header
        cells = [[unescape(c) for c in line.split("\t")] for line in lines[1:]]
        check_cells(cells, long, defused=fmt == "tsv")
    elif fmt == "json":
        doc = json.loads(r.stdout, parse_float=Decimal)
        assert isinstance(doc, dict) == (args[0] in SECTIONED)
        several = len(report.tables) > 1
        if isinstance(doc, dict):
            assert list(doc) == [t.name for t in report.tables]  # sections in order
        records = (
            doc
            if isinstance(doc, list)
            else [
                {"section": name, **rec} if several else rec
                for name, recs in doc.items()
                for rec in recs
            ]
        )
        check_json(records, long)
    elif fmt == "jsonl":
        records = [json.loads(line, parse_float=Decimal) for line in r.stdout.splitlines()]
        assert all(("section" in rec) == (args[0] in SECTIONED) for rec in records)
        if len(report.tables) == 1:
            assert all(
                rec.pop("section", report.tables[0].name) == report.tables[0].name
                for rec in records
            )
        check_json(records, long)
    elif fmt == "markdown":
        check_markdown(r.stdout, report)
    elif report.chart:
        check_chart(r.stdout, report)
    else:
        check_grid(r.stdout, report)


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
        kinds = [c.kind for c in table.columns if not c.extra]
        for got_row, want_row in zip(got[1:], want, strict=True):
            for cell, value, kind in zip(got_row, want_row, kinds, strict=True):
                if isinstance(value, Share) and kind == "pct":
                    # a share as in the other machine formats: two places, half to even
                    assert cell == float(value.quantize(Decimal("0.01"), ROUND_HALF_EVEN))
                elif isinstance(value, Share):  # a share in a compare column ("%" rows)
                    assert isinstance(cell, int | float)
                    assert abs(Decimal(cell) - value) < Decimal("0.005")
                elif isinstance(value, Decimal | int) and not isinstance(value, bool):
                    assert cell == float(value)  # an amount: the nearest double
                elif isinstance(value, bool):
                    assert cell is value  # a boolean cell, not text
                elif isinstance(value, date):
                    assert cell.date() == value
                elif value is None or value == ():
                    assert cell is None
                else:
                    assert cell == expected_cell(value)


def check_json(records: list[dict[str, Any]], long: Long) -> None:
    assert len(records) == len(long.rows)
    for record, row, own in zip(records, long.rows, long.own_keys, strict=True):
        # a renamed column's old name comes right after the new one, same value (one release)
        keys = list(record)
        for new, old in DEPRECATED_KEYS.items():
            if new in record:
                assert keys[keys.index(new) + 1] == old and record[old] == record[new]
        record = {k: v for k, v in record.items() if k not in DEPRECATED_KEYS.values()}
        assert list(record) == own  # every column of its table, in order, and nothing else
        for key, want in zip(long.header, row, strict=True):
            if key not in own:
                continue
            got = record[key]
            if isinstance(want, bool):
                assert got is want, (key, got)  # json's true and false
            elif isinstance(want, Decimal | int):
                assert isinstance(got, int | Decimal), (key, got)
                assert same_number(str(got), want)
            elif isinstance(want, tuple):
                assert got == list(want)
            else:
                assert got == (None if want is None else expected_cell(want))


def _shown(report: Report) -> list[tuple[Table, list[list[str]]]]:
    """Per table, its rows as people read them: the columns for people, each cell with its
    flag after it (or the flag alone in an empty cell)."""
    out = []
    for t in for_people(report).tables:
        keep = [i for i, c in enumerate(t.columns) if not c.extra]
        rows = [
            [human(r[i], t.columns[i].kind) + t.flag(n, t.columns[i].key) for i in keep]
            for n, r in enumerate(t.rows)
        ]
        out.append((t, rows))
    return out


def md(text: str) -> str:
    """Text as a markdown cell holds it: markup shown (&, <, > as entities), line breaks as
    <br>; the pipe is unescaped by the parser below."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def check_markdown(text: str, report: Report) -> None:
    """The markdown parsed cell by cell: a pipe table per table, its header the labels."""
    assert text.startswith(f"# {md(report.title)}\n")
    body = [line for line in text.splitlines() if line.startswith("|")]
    shown = _shown(report)
    assert len(body) == sum(len(rows) + 2 for _, rows in shown)  # header and alignment rows
    cells = [
        [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in body
    ]
    at = 0
    for t, rows in shown:
        if t.title != report.title:  # a table that is the whole report is not titled again
            assert f"\n## {md(t.title)}\n" in text
        else:
            assert f"\n## {md(t.title)}\n" not in text
        labels = [c.label for c in t.columns if not c.extra]
        assert cells[at] == labels
        assert all(set(c) <= set("-:") for c in cells[at + 1])  # the alignment row
        for i, row in enumerate(rows):
            assert cells[at + 2 + i] == [md(c) for c in row], (t.name, i)
        at += len(rows) + 2
        for note in t.notes:
            assert f"- {md(note)}" in text.splitlines()


def check_grid(text: str, report: Report) -> None:
    """`--format table` into a pipe: the title, each table's title, header words, every row's
    non-empty cells in order on one line (a long text's first line), and the notes."""
    lines = text.splitlines()
    assert lines[0] == report.title
    if report.caption:
        assert lines[1] == report.caption
    at = 0  # tables in order: two may share a title
    shown_tables = _shown(report)
    if len(shown_tables) > 1:  # a section with no rows is left out on screen
        shown_tables = [(t, rows) for t, rows in shown_tables if rows] or shown_tables[:1]
    for t, rows in shown_tables:
        start = lines.index(t.title, at) + 1 if t.title != report.title else at
        rule = next(i for i in range(start, len(lines)) if set(lines[i]) == {"─"})
        at = rule + 1
        # the header lines above the rule: a number's header wraps, word by word
        head = " ".join(lines[start:rule]).split()
        shown_columns = [c for c in t.columns if not c.extra]
        for i, c in enumerate(shown_columns):
            if c.main or any(r[i] for r in rows):  # an empty column is not shown
                assert all(w in head for w in c.label.split()), (c.label, head)
        for row in rows:  # in order, each on a line of its own after the last
            shown = [c.strip().split("\n")[0] for c in row if c.strip()]
            pattern = r"(?<!\S)" + r"\s+".join(map(re.escape, shown)) + r"(?!\S)"
            at = next((i for i in range(at, len(lines)) if re.search(pattern, lines[i])), -1) + 1
            assert at, (t.name, shown)
        for note in t.notes:
            assert lines.index(f"  * {note}", at) >= at


def check_chart(text: str, report: Report) -> None:
    """A chart into a pipe: per row, its label (the main columns joined by " · ", indented
    under a group heading), amount and share, then a bar of '#'."""
    lines = text.splitlines()
    assert lines[0] == report.title
    for t in report.tables:
        mains = [i for i, c in enumerate(t.columns) if c.main and not c.group]
        group = next((i for i, c in enumerate(t.columns) if c.group), None)
        amount = next(i for i, c in enumerate(t.columns) if c.kind == "amount")
        bar = next(i for i, c in enumerate(t.columns) if c.bar)
        body = lines[lines.index(t.title) + 1 :]
        at = 0
        while body[at].startswith(" ") and not re.search(r"\d", body[at]):
            at += 1  # the header over the amounts and shares ("USD bn", "% of headline")
        for row in t.rows:
            label = " · ".join(str(row[i]) for i in mains)
            if group is not None:
                label = "  " + label
                if body[at] == str(row[group]):
                    at += 1  # a group's heading before its first row
            money = human(row[amount], "amount")
            share = human(row[bar] or Decimal(0), "pct")
            pattern = re.escape(label) + r"\s+" + re.escape(money) + r"\s+" + re.escape(share)
            assert re.fullmatch(pattern + r"(\s+#+\+?)?", body[at]), (body[at], label)
            at += 1


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
    r = invoke("list", "-f", "csv", "--columns", "pledged_usd_bn,id")
    assert r.stdout.splitlines()[:3] == ["pledged_usd_bn,id", "600,eu", "550,japan"]
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


def test_a_format_that_does_not_match_the_suffix_is_refused(tmp_path: Path) -> None:
    r = invoke("list", "-f", "csv", "-o", str(tmp_path / "x.json"))
    assert r.exit_code == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith("deal: error: -f csv does not match the suffix of 'x.json' (json); ")
    assert "drop -f, or name a file with the suffix of csv: .csv (csv)," in first
    assert not (tmp_path / "x.json").exists()


def test_unwritable_output_leaves_no_trace(tmp_path: Path) -> None:
    r = invoke("list", "-o", str(tmp_path / "missing" / "x.csv"))
    assert r.exit_code == 2
    assert "cannot write" in r.stderr


def test_unknown_format_is_a_usage_error() -> None:
    r = invoke("list", "-f", "xml")
    assert r.exit_code == 2
    assert r.stderr.startswith("deal: error: --format / -f takes table, plain, csv,")
    assert ", not 'xml'" in r.stderr.splitlines()[0]


def test_table_into_a_pipe_without_columns_is_not_cut() -> None:
    r = invoke("show", "japan", "-s", "companies", "-f", "table", env={"COLUMNS": ""})
    longest = max(len(line) for line in r.stdout.splitlines())
    assert longest > 80
    assert (
        "Portsmouth Powered Land Project, 9.2 GW gas-fired power near Portsmouth, Ohio" in r.stdout
    )


# -- each renderer on a small table, its text written out by hand --------------------


def small_report() -> Report:
    t = Table(
        "things",
        "Things",
        [
            Column("name", "Name"),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "%", "pct"),
            Column("n", "N", "int"),
            Column("ok", "OK"),
            Column("ids", "Ids", "sources"),
        ],
    )
    t.add("=sum", Decimal("1234.50"), Share("12.50"), 3, True, (1, 2))
    t.add("-b", Decimal(0), None, 0, False, ())
    # an exact share of 0.125%: 0.12 in files (half to even), 0.1% on screen
    t.add("pla|n", Decimal("0.125"), Share("0.125"), 10, None, (3,))
    t.notes.append("a note")
    return Report("Report", [t], "cap")


def test_grid_text() -> None:
    # into a pipe: widths Name 5 (pla|n); USD bn 8 (1,234.5 and 0.12 aligned on the point:
    # "1,234.5 ", "   0   ", "    0.12"); % 5 (12.5%); N 2; OK 5 (false); Ids 4 (1, 2).
    # Numbers right-aligned, two spaces between columns, trailing spaces cut
    assert render(small_report(), Options(format="table")).split("\n") == [
        "Report",
        "cap",
        "",
        "Things",
        "Name " + "  " + "  USD bn" + "  " + "    %" + "  " + " N" + "  " + "OK   " + "  " + "Ids",
        "─" * (5 + 8 + 5 + 2 + 5 + 4 + 2 * 5),
        "=sum " + "  " + "1,234.5 " + "  " + "12.5%" + "  " + " 3" + "  " + "true " + "  " + "1, 2",
        "-b   " + "  " + "    0   " + "  " + "     " + "  " + " 0" + "  " + "false",
        "pla|n" + "  " + "    0.12" + "  " + " 0.1%" + "  " + "10" + "  " + "     " + "  " + "3",
        "  * a note",
        "",
    ]


def test_grid_leaves_out_an_empty_column_and_shows_flags() -> None:
    t = Table("t", "T", [Column("a", "A"), Column("b", "B"), Column("n", "N", "amount")])
    t.add("x", None, Decimal(2), flags={"n": "†"})
    t.add("y", None, None, flags={"n": "?"})
    t.flag_notes.append("† other sources differ")
    # B is empty: not shown; the flag right after its number, or alone in an empty cell;
    # N is 2 wide ("2†"), right-aligned: a flag in an empty cell stands where the number would
    assert render(Report("R", [t]), Options(format="table")).split("\n") == [
        "R",
        "",
        "T",
        "A   N",
        "─" * 5,
        "x  2†",
        "y  ?",
        "  * † other sources differ",
        "",
    ]


def test_markdown_text() -> None:
    # GitHub pipe table: each column as wide as its widest cell or its label and two
    # spaces ("pla\\|n": 6, "USD bn": 8), numbers right-aligned, the pipe in a cell escaped
    assert render(small_report(), Options(format="markdown")).split("\n") == [
        "# Report",
        "",
        "cap",
        "",
        "## Things",
        "",
        "| Name   |   USD bn |     % |   N | OK    | Ids   |",
        "|--------|----------|-------|-----|-------|-------|",
        "| =sum   |  1,234.5 | 12.5% |   3 | true  | 1, 2  |",
        "| -b     |        0 |       |   0 | false |       |",
        "| pla\\|n |     0.12 |  0.1% |  10 |       | 3     |",
        "",
        "- a note",
        "",
    ]


def test_markdown_shows_markup_as_text() -> None:
    t = Table("t", "T", [Column("a", "A")])
    t.add("<b>x</b> & y\nz")
    lines = render(Report("R", [t]), Options(format="markdown")).splitlines()
    assert "| &lt;b&gt;x&lt;/b&gt; &amp; y<br>z |" in lines


def test_csv_tsv_and_plain_text() -> None:
    report = small_report()
    assert render(report, Options(format="csv")) == (
        "name,usd_bn,share_pct,n,ok,ids\n"
        '\'=sum,1234.5,12.5,3,true,"1,2"\n'  # text defused; numbers exact, never defused
        "'-b,0,,0,false,\n"
        "pla|n,0.125,0.12,10,,3\n"  # the amount exact; the share 0.125 -> 0.12 (half to even)
    )
    assert render(report, Options(format="csv", raw=True)).splitlines()[1] == (
        '=sum,1234.5,12.5,3,true,"1,2"'
    )
    assert render(report, Options(format="csv", header=False, bom=True)).startswith("\ufeff'=sum,")
    assert (
        render(report, Options(format="tsv")).splitlines()[1] == "'=sum\t1234.5\t12.5\t3\ttrue\t1,2"
    )
    assert render(report, Options(format="plain")).splitlines()[1:4] == [
        "=sum\t1234.5\t12.5\t3\ttrue\t1,2",  # plain is not defused
        "-b\t0\t\t0\tfalse\t",
        "pla|n\t0.125\t0.12\t10\t\t3",
    ]
    assert render(report, Options(format="plain", bom=True)).startswith("name\t")  # no BOM
    assert render(report, Options()) == render(report, Options(format="plain"))


def test_tsv_escapes_tabs_and_line_breaks() -> None:
    t = Table("t", "T", [Column("a", "A"), Column("b", "B")])
    t.add("x\ty\nz\\w", "r\rs")
    # a carriage return is a control character: shown as its picture, not escaped
    assert render(Report("R", [t]), Options(format="plain")) == "a\tb\nx\\ty\\nz\\\\w\tr\u240ds\n"


def test_json_and_jsonl_text() -> None:
    report = small_report()
    assert render(report, Options(format="jsonl")).splitlines()[0] == (
        '{"name": "=sum", "usd_bn": 1234.5, "share_pct": 12.5, "n": 3, "ok": true, "ids": [1, 2]}'
    )
    doc = json.loads(render(report, Options(format="json")), parse_float=Decimal)
    assert isinstance(doc, list)  # one shape per command: not sectioned, an array
    assert doc[1] == {"name": "-b", "usd_bn": 0, "share_pct": None, "n": 0, "ok": False, "ids": []}
    assert (doc[2]["usd_bn"], doc[2]["share_pct"]) == (Decimal("0.125"), Decimal("0.12"))
    empty = Table("empty", "E", [Column("a", "A")])
    two = Report("R", [small_report().tables[0], empty], sectioned=True)
    doc = json.loads(render(two, Options(format="json")))
    assert list(doc) == ["things", "empty"]
    assert doc["empty"] == []
    lines = render(two, Options(format="jsonl")).splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["section"] for line in lines] == ["things"] * 3
    assert list(json.loads(lines[0]))[:2] == ["section", "name"]  # the section first
    # a sectioned command keeps its shape with one table shown, or none
    one = Report("R", [empty], sectioned=True)
    assert render(one, Options(format="json")) == '{\n  "empty": []\n}\n'
    assert render(Report("R", [], sectioned=True), Options(format="json")) == "{}\n"
    assert render(Report("R", [empty]), Options(format="json")) == "[]\n"


def test_json_writes_every_kind_of_value() -> None:
    assert dumps(None) == "null"
    assert dumps(True) == "true"
    assert dumps(False) == "false"
    assert dumps(Decimal("5.5E+2")) == "550"
    assert dumps(Share("0.125")) == "0.12"  # a share: two places, half to even
    assert dumps(Decimal("0.125")) == "0.125"  # an amount: exact
    assert dumps(7) == "7"
    assert dumps(date(2026, 1, 2)) == '"2026-01-02"'
    assert dumps("a\x1bb") == '"a\\u001bb"'  # a control escaped: exact once decoded
    assert dumps("a\u202eb") == '"a\\u202eb"'  # so is an invisible BiDi override
    assert dumps("\x7f") == '"\\u007f"'
    assert dumps("東京") == '"東京"'
    assert dumps({"k": (1, "x")}) == '{"k": [1, "x"]}'
    with pytest.raises(TypeError, match="cannot write float as JSON"):
        dumps(1.5)


def test_columns_and_sources_options() -> None:
    report = small_report()
    picked = render(report, Options(format="csv", columns=("n", "name")))
    assert picked.splitlines()[:2] == ["n,name", "3,'=sum"]
    t = Table("t", "T", [Column("a", "A"), SOURCES])
    t.add("x", (1, 2))
    assert render(Report("R", [t]), Options(format="csv")) == "a\nx\n"
    assert render(Report("R", [t]), Options(format="csv", sources=True)) == 'a,sources\nx,"1,2"\n'


def chart_report(*rows: tuple[str, Decimal, Decimal | None]) -> Report:
    t = Table(
        "chart",
        "Bars",
        [
            Column("label", "Label", main=True),
            Column("measure", "Measure", main=True),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "%", "pct", bar=True),
        ],
    )
    for label, amount, pct in rows:
        t.add(label, "m", amount, pct)
    return Report("Chart", [t], chart=True)


def test_chart_text_bars() -> None:
    # into a pipe, 80 wide: labels "a · m" 5, amounts 6 (as wide as their header "USD bn"),
    # shares 6 ("150.0%"), three gaps of 2 and the "+" of a share beyond 100%:
    # 80 - 5 - 6 - 6 - 6 - 1 = 56 cells for 100%
    report = chart_report(
        ("a", Decimal(10), Share("12.5")),  # 12.5% of 56 = 7
        ("b", Decimal(100), Share(100)),  # all 56, no "+"
        ("c", Decimal(150), Share(150)),  # 56 and "+": beyond the scale
        ("d", Decimal(0), None),  # no share: no bar
    )
    assert render(report, Options(format="table")).splitlines() == [
        "Chart",
        "",
        "Bars",
        " " * 7 + "USD bn" + "  " + "     %",  # every column headed, over its right edge
        "a · m" + "  " + "    10" + "  " + " 12.5%" + "  " + "#" * 7,
        "b · m" + "  " + "   100" + "  " + "100.0%" + "  " + "#" * 56,
        "c · m" + "  " + "   150" + "  " + "150.0%" + "  " + "#" * 56 + "+",
        "d · m" + "  " + "     0" + "  " + "  0.0%",
    ]


def test_chart_keeps_ten_cells_beside_a_long_label() -> None:
    long = "x" * 60  # "x...x · m" is 64: 80 - 64 - 6 - 5 - 6 < 10, the bar still gets 10 cells
    line = render(chart_report((long, Decimal(1), Share(50))), Options(format="table"))
    assert line.splitlines()[-1] == long + " · m" + "       1  50.0%  #####"  # 50% of 10


def bars(text: str) -> list[str]:
    return [m.group() for m in re.finditer(r"█+\+?", text)]


def test_chart_bars_in_a_terminal() -> None:
    # a terminal 80 wide: the same 56 cells for 100%, drawn in blocks
    report = chart_report(
        ("a", Decimal(10), Share("12.5")),  # 7
        ("b", Decimal(100), Share(100)),
        ("c", Decimal(150), Share(150)),
    )
    text = render(report, Options(format="table", width=80))
    assert bars(text) == ["█" * 7, "█" * 56, "█" * 56 + "+"]
    assert all(len(line) <= 80 for line in text.splitlines())  # the "+" too
    # a narrow terminal and a long label: the label is cut to 18 columns (40 * 9 // 20),
    # and the bar keeps 10 cells though 40 - 18 - 6 - 5 - 6 leaves 5
    narrow = render(
        chart_report(("x" * 60, Decimal(1), Share(50))), Options(format="table", width=40)
    )
    assert bars(narrow) == ["█" * 5]
    assert "x" * 17 + "…" in narrow


# -- cells as people read them --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (Decimal("12.50"), "amount", "12.5"),  # trailing zeros cut
        (Decimal("1234.5"), "amount", "1,234.5"),
        (Decimal("1234567.891"), "amount", "1,234,567.89"),
        (Decimal("550"), "amount", "550"),
        (Decimal("550.00"), "amount", "550"),
        (Decimal("0.125"), "amount", "0.12"),  # two places at most, half to even
        (Decimal("0.10"), "amount", "0.1"),
        (Decimal(0), "amount", "0"),
        (3, "amount", "3"),
        (Decimal("12.50"), "pct", "12.5%"),
        (Decimal("100"), "pct", "100.0%"),
        (Decimal("0.05"), "pct", "0.0%"),  # 0.05 -> 0.0 (half to even)
        (Decimal("0.15"), "pct", "0.2%"),  # 0.15 -> 0.2 (half to even)
        (Share("63.875"), "pct", "63.9%"),
        (Share("0.1499"), "pct", "0.1%"),  # once from the exact value (0.15 first would give 0.2)
        (Share("63.875"), "number", "63.9"),  # a share in a compare column: no % sign
        (3, "int", "3"),  # a count is not a percentage
        (Decimal("2.00"), "number", "2"),
        (None, "amount", ""),
        ((1, 2, 3), "sources", "1, 2, 3"),
        ((), "sources", ""),
        (True, "text", "true"),
        (False, "text", "false"),
        (date(2026, 1, 2), "date", "2026-01-02"),
        ("a\x7fb", "text", "a\u2421b"),
    ],
)
def test_human_cells(value: Any, kind: str, shown: str) -> None:
    assert human(value, kind) == shown


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (Decimal("5.5E+2"), "550"),
        (Decimal("0.350"), "0.35"),
        (Decimal("-0"), "0"),
        (Decimal("0E-8"), "0"),
        (Decimal("100"), "100"),
        (Decimal("10.0"), "10"),
        (Share("0.125"), "0.12"),  # a share: two places, half to even
        (Share("66.665"), "66.66"),
        (Share("100"), "100"),
        (12, "12"),
        (date(2026, 1, 2), "2026-01-02"),
        ((1, "a", None), "1,a,"),
        ("a\x1bb", "a\u241bb"),
    ],
)
def test_raw_cells(value: Any, text: str) -> None:
    assert raw_text(value) == text


def test_number_never_uses_exponents() -> None:
    assert number(Decimal("1E+3")) == "1000"
    assert number(Decimal("1.50")) == "1.5"
    assert number(Share("1E+2")) == "100"
    assert number(7) == "7"


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        ("'q", "'q"),
    ],
)
def test_defuse(text: str, out: str) -> None:
    assert defuse(text) == out


def test_markdown_keeps_text_that_looks_like_a_number() -> None:
    t = Table("t", "T", [Column("a", "A"), Column("b", "B", "amount")])
    t.add("1e3", Decimal("0.5"))
    t.add("0010", Decimal(7))
    rows = render(Report("R", [t]), Options(format="markdown")).splitlines()
    assert "| 1e3  | 0.5 |" in rows  # as written, not 1000.0
    assert "| 0010 |   7 |" in rows  # not 10


def test_terminal_table_wraps_long_text_and_keeps_short_cells_whole() -> None:
    t = Table(
        "t",
        "T",
        [Column("id", "Id"), Column("title", "Title"), Column("usd_bn", "USD bn", "amount")],
    )
    t.add("a1", "alpha beta gamma delta epsilon zeta eta theta iota kappa", Decimal("1.5"))
    # 40 columns: Id 2, USD bn 6 (a unit is one phrase: its header does not split), two gaps
    # of 2: the title (the column that names the row) gets 28 and wraps at spaces
    assert render(Report("R", [t]), Options(format="table", width=40)).split("\n") == [
        "R",
        "",
        "T",
        "Id  Title" + " " * 25 + "USD bn",
        "─" * 40,
        "a1  alpha beta gamma delta" + " " * 11 + "1.5",
        "    epsilon zeta eta theta iota",
        "    kappa",
        "",
    ]


def test_json_text_of_several_tables() -> None:
    a = Table("t", "T", [Column("id", "Id"), Column("usd_bn", "USD bn", "amount")])
    a.add("a1", Decimal("1.50"))
    b = Table("u", "U", [Column("a", "A")])
    b.add("x")
    assert render(Report("R", [a, b], sectioned=True), Options(format="json")) == (
        '{\n  "t": [\n    {"id": "a1", "usd_bn": 1.5}\n  ],\n  "u": [\n    {"a": "x"}\n  ]\n}\n'
    )
    # not sectioned: one array of the records, whatever their table
    assert render(Report("R", [a, b]), Options(format="json")) == (
        '[\n  {"id": "a1", "usd_bn": 1.5},\n  {"a": "x"}\n]\n'
    )


def test_sqlite_export_of_hand_worked_figures(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    folder = tmp_path / "deals"
    folder.mkdir()
    shutil.copy(FIXTURES / "figures.yaml", folder / "figures.yaml")
    db = tmp_path / "out.db"
    r = invoke("--deals-dir", str(folder), "export", "figures", "-f", "sqlite", "-o", str(db))
    assert r.exit_code == 0, r.stderr
    con = sqlite3.connect(db)
    # amounts as numbers, their exact text beside them, and whole thousands of dollars
    # (1 bn = 1,000,000 thousand): headline 80 -> 80,000,000
    deal = "investor_gdp_usd_bn, investor_gdp_usd_bn_text, investor_gdp_year"
    got = con.execute(f"SELECT {deal}, headline_usd_bn, headline_usd_thousands FROM deals")
    assert got.fetchall() == [(400, "400", 2025, 80, 80000000)]
    terms = con.execute("SELECT id, pct, pct_text, usd_bn, usd_thousands FROM terms ORDER BY id")
    assert terms.fetchall() == [
        ("annual-cap", None, None, 16, 16000000),
        ("local-content", 40, "40", None, None),
        ("tariff-rate", 12.5, "12.5", None, None),
    ]
    cells = "id, usd_bn, usd_bn_text, usd_thousands, sized"
    tiny = con.execute(f"SELECT {cells} FROM allocations WHERE id IN ('tiny', 'e3') ORDER BY id")
    assert tiny.fetchall() == [("e3", None, None, None, 0), ("tiny", 0.1, "0.1", 100000, 1)]
    # row ids number the rows from 1, in the file's order with each part after every
    # envelope (so a part can point at its envelope): e1 1 ... x1 9, env-p1 10, env-p2 11,
    # unenv-p 12; tranches cash 1, guar 2
    links = "row_id, id, tranche_row_id, part_of_row_id"
    assert con.execute(f"SELECT {links} FROM allocations ORDER BY row_id").fetchall() == [
        (1, "e1", 1, None),
        (2, "e2", None, None),
        (3, "e3", None, None),
        (4, "m1", 1, None),
        (5, "m2", None, None),
        (6, "env", 2, None),
        (7, "unenv", None, None),
        (8, "tiny", None, None),
        (9, "x1", None, None),
        (10, "env-p1", None, 6),
        (11, "env-p2", None, 6),
        (12, "unenv-p", None, 7),
    ]
    assert con.execute("SELECT row_id, id FROM tranches").fetchall() == [(1, "cash"), (2, "guar")]
    # the totals of the figures: candidates 51.1, selected 19 (tests/test_figures.py)
    counted = "status = 'candidate' AND id != 'env-p1'"  # env-p1 sits inside the sized env
    assert con.execute(
        f"SELECT sum(usd_thousands) FROM allocations WHERE {counted}"
    ).fetchone() == (51100000,)
