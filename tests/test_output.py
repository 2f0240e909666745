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

from dealcli.registry import load_one
from dealcli.render import FORMATS, Options, render
from dealcli.render.cells import defuse, human, raw_text
from dealcli.render.jsonfmt import dumps
from dealcli.table import SOURCES, Column, Report, Table, number
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


FORMULA = ("=", "+", "-", "@", "\t", "\r")


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


@dataclass
class Long:
    """A report in the documented long form: the header, and per row its section, the keys of
    its own table, the kinds of the header's columns and the values under the header."""

    header: list[str]
    kinds: list[str]
    rows: list[list[Any]]
    own_keys: list[list[str]]


def long_rows(report: Report) -> Long:
    """The report in the documented long form (or as is, for one table)."""
    if len(report.tables) == 1:
        t = report.tables[0]
        cols = [c for c in t.columns if not c.extra]
        rows = [[r[i] for i, c in enumerate(t.columns) if not c.extra] for r in t.rows]
        keys = [c.key for c in cols]
        return Long(keys, [c.kind for c in cols], rows, [keys] * len(rows))
    keys: list[str] = []
    kinds: list[str] = []
    for t in report.tables:
        for c in t.columns:
            if not c.extra and c.key not in keys:
                keys.append(c.key)
                kinds.append(c.kind)
    rows, own = [], []
    for t in report.tables:
        index = {c.key: i for i, c in enumerate(t.columns)}
        mine = ["section", *(c.key for c in t.columns if not c.extra)]
        for r in t.rows:
            rows.append([t.name] + [r[index[k]] if k in index else None for k in keys])
            own.append(mine)
    return Long(["section", *keys], ["text", *kinds], rows, own)


def check_cells(parsed: list[list[str]], long: Long, defused: bool) -> None:
    assert len(parsed) == len(long.rows)
    for got_row, want_row in zip(parsed, long.rows, strict=True):
        assert len(got_row) == len(want_row)
        for got, want, kind in zip(got_row, want_row, long.kinds, strict=True):
            if isinstance(want, Decimal | int) and not isinstance(want, bool):
                assert same_number(got, want), (got, want)
                continue
            text = expected_cell(want)
            # only text and date cells that start like a formula are defused, in csv and tsv
            if defused and kind in ("text", "date") and text.startswith(FORMULA):
                text = "'" + text
            assert got == text, (got, text)


@pytest.mark.parametrize(("args", "build"), COMMANDS, ids=IDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_in_every_format(
    fmt: str, args: list[str], build: Callable[[], Report], tmp_path: Path
) -> None:
    """Every format prints the same cells as the view holds (the views' own figures are
    worked out by hand in test_figures.py)."""
    r = invoke(*args, "-f", fmt)
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
        check_json(records, long)
    elif fmt == "markdown":
        check_markdown(r.stdout, report)
    else:
        check_grid(r.stdout, report)


def check_json(records: list[dict[str, Any]], long: Long) -> None:
    assert len(records) == len(long.rows)
    for record, row, own in zip(records, long.rows, long.own_keys, strict=True):
        assert list(record) == own  # every column of its table, in order, and nothing else
        for key, want in zip(long.header, row, strict=True):
            if key not in own:
                continue
            got = record[key]
            if isinstance(want, Decimal | int) and not isinstance(want, bool):
                assert isinstance(got, int | Decimal), (key, got)
                assert same_number(str(got), want)
            elif isinstance(want, tuple):
                assert got == list(want)
            else:
                assert got == (None if want is None else expected_cell(want))


def _shown(report: Report) -> list[tuple[Any, list[list[str]]]]:
    """Per table, its rows as people read them (extra columns left out)."""
    out = []
    for t in report.tables:
        keep = [i for i, c in enumerate(t.columns) if not c.extra]
        rows = [[human(r[i], t.columns[i].kind) for i in keep] for r in t.rows]
        out.append((t, rows))
    return out


def check_markdown(text: str, report: Report) -> None:
    assert text.startswith(f"# {report.title}\n")
    body = [line for line in text.splitlines() if line.startswith("|")]
    expected_rows = 0
    for t, rows in _shown(report):
        assert f"\n## {t.title}\n" in text
        expected_rows += len(rows) + 2  # header and alignment rows
    assert len(body) == expected_rows
    cells = [
        [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in body
    ]
    at = 0
    for t, rows in _shown(report):
        assert cells[at] == [c.label for c in t.columns if not c.extra]
        for i, row in enumerate(rows):
            assert cells[at + 2 + i] == [c.replace("\n", "<br>") for c in row]
        at += len(rows) + 2


def check_grid(text: str, report: Report) -> None:
    lines = text.splitlines()
    assert lines[0] == report.title
    if report.chart:
        return  # the chart renderer has its own test below
    for t, rows in _shown(report):
        labels = [c.label for c in t.columns if not c.extra]
        assert any(
            re.fullmatch(r"\s*" + r"\s+".join(map(re.escape, labels)), line) for line in lines
        ), labels
        for row in rows:
            shown = [c.split("\n")[0] for c in row if c]
            pattern = r"(?<!\S)" + r"\s+".join(map(re.escape, shown)) + r"(?!\S)"
            assert any(re.search(pattern, line) for line in lines), shown


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
    t.add("=sum", Decimal("1234.50"), Decimal("12.50"), 3, True, (1, 2))
    t.add("-b", Decimal(0), None, 0, False, ())
    t.add("pla|n", Decimal("0.125"), Decimal("0.10"), 10, None, (3,))
    t.notes.append("a note")
    return Report("Report", [t], "cap")


def test_grid_text() -> None:
    # widths: Name 5 (pla|n), USD bn 7 (1,234.5), % 5 (12.5%), N 2, OK 5 (false), Ids 4 (1, 2);
    # numbers right-aligned, three spaces between columns, trailing spaces cut
    assert render(small_report(), Options(format="table")).split("\n") == [
        "Report",
        "cap",
        "",
        "Things",
        "Name "
        + "   "
        + " USD bn"
        + "   "
        + "    %"
        + "   "
        + " N"
        + "   "
        + "OK"
        + " " * 6
        + "Ids",
        "─" * (5 + 7 + 5 + 2 + 5 + 4 + 3 * 5),
        "=sum "
        + "   "
        + "1,234.5"
        + "   "
        + "12.5%"
        + "   "
        + " 3"
        + "   "
        + "true "
        + "   "
        + "1, 2",
        "-b   " + "   " + "      0" + "   " + "     " + "   " + " 0" + "   " + "false",
        "pla|n"
        + "   "
        + "   0.12"
        + "   "
        + " 0.1%"
        + "   "
        + "10"
        + "   "
        + "     "
        + "   "
        + "3",
        "  * a note",
        "",
    ]


def test_markdown_text() -> None:
    # GitHub pipe table: each column as wide as its widest cell ("pla\\|n": 6), numbers
    # right-aligned, the pipe in a cell escaped
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


def test_csv_tsv_and_plain_text() -> None:
    report = small_report()
    assert render(report, Options(format="csv")) == (
        "name,usd_bn,share_pct,n,ok,ids\n"
        '\'=sum,1234.5,12.5,3,true,"1,2"\n'  # text defused; numbers exact, never defused
        "'-b,0,,0,false,\n"
        "pla|n,0.125,0.1,10,,3\n"
    )
    assert render(report, Options(format="csv", raw=True)).splitlines()[1] == (
        '=sum,1234.5,12.5,3,true,"1,2"'
    )
    assert render(report, Options(format="csv", header=False, bom=True)).startswith("\ufeff'=sum,")
    assert (
        render(report, Options(format="tsv")).splitlines()[1] == "'=sum\t1234.5\t12.5\t3\ttrue\t1,2"
    )
    assert render(report, Options(format="plain")).splitlines()[1:3] == [
        "=sum\t1234.5\t12.5\t3\ttrue\t1,2",  # plain is not defused
        "-b\t0\t\t0\tfalse\t",
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
    records = doc if isinstance(doc, list) else doc["things"]
    assert records[1] == {
        "name": "-b",
        "usd_bn": 0,
        "share_pct": None,
        "n": 0,
        "ok": False,
        "ids": [],
    }
    assert records[2]["usd_bn"] == Decimal("0.125")
    two = Report("R", [small_report().tables[0], Table("empty", "E", [Column("a", "A")])])
    doc = json.loads(render(two, Options(format="json")))
    assert list(doc) == ["things", "empty"]
    assert doc["empty"] == []
    lines = render(two, Options(format="jsonl")).splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["section"] == "things"


def test_json_writes_every_kind_of_value() -> None:
    assert dumps(None) == "null"
    assert dumps(True) == "true"
    assert dumps(False) == "false"
    assert dumps(Decimal("5.5E+2")) == "550"
    assert dumps(7) == "7"
    assert dumps(date(2026, 1, 2)) == '"2026-01-02"'
    assert dumps("a\x1bb") == '"a\u241bb"'
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
            Column("label", "Label"),
            Column("measure", "Measure"),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "%", "pct"),
        ],
    )
    for label, amount, pct in rows:
        t.add(label, "m", amount, pct)
    return Report("Chart", [t], chart=True)


def test_chart_text_bars() -> None:
    # labels "a · m" are 5 wide: 80 - 5 - 21 = 54 cells for 100%
    report = chart_report(
        ("a", Decimal(25), Decimal("25.00")),  # 25% of 54 = 13.5 -> 14 (half up)
        ("b", Decimal(100), Decimal("100.00")),  # all 54, no "+"
        ("c", Decimal(150), Decimal("150.00")),  # 54 and "+": beyond the scale
        ("d", Decimal(0), None),  # no share: no bar
    )
    assert render(report, Options(format="table")).splitlines() == [
        "Chart",
        "",
        "Bars",
        "a · m" + "  " + "      25" + "  " + "  25.0%" + "  " + "#" * 14,
        "b · m" + "  " + "     100" + "  " + " 100.0%" + "  " + "#" * 54,
        "c · m" + "  " + "     150" + "  " + " 150.0%" + "  " + "#" * 54 + "+",
        "d · m" + "  " + "       0" + "  " + "   0.0%",
    ]


def test_chart_keeps_ten_cells_beside_a_long_label() -> None:
    long = "x" * 60  # 80 - 64 - 21 < 10: the bar still gets 10 cells
    line = render(chart_report((long, Decimal(1), Decimal("50.00"))), Options(format="table"))
    assert line.splitlines()[-1].endswith("  50.0%  #####")  # 50% of 10


# -- cells as people read them --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (Decimal("12.50"), "amount", "12.5"),  # trailing zeros cut
        (Decimal("1234.5"), "amount", "1,234.5"),
        (Decimal("550"), "amount", "550"),
        (Decimal("550.00"), "amount", "550"),
        (Decimal("0.125"), "amount", "0.12"),  # two places at most, half to even
        (Decimal("0.10"), "amount", "0.1"),
        (Decimal(0), "amount", "0"),
        (3, "amount", "3"),
        (Decimal("12.50"), "pct", "12.5%"),
        (Decimal("100"), "pct", "100.0%"),
        (Decimal("0.05"), "pct", "0.0%"),  # 0.05 -> 0.0 (half to even)
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


def bars(text: str) -> list[str]:
    return [m.group() for m in re.finditer(r"█+\+?", text)]


def test_chart_bars_in_a_terminal() -> None:
    # Rich: labels "a · m" take 5 columns; 80 - 5 - 20 = 55 cells for 100%
    report = chart_report(
        ("a", Decimal(25), Decimal("25.00")),  # 25% of 55 = 13.75 -> 14
        ("b", Decimal(100), Decimal("100.00")),
        ("c", Decimal(150), Decimal("150.00")),
    )
    text = render(report, Options(format="table", width=80))
    assert bars(text) == ["█" * 14, "█" * 55, "█" * 55 + "+"]
    # a narrow terminal and a long label: the label is cut to 18 columns (40 * 9 // 20),
    # and the bar keeps 10 cells though 40 - 18 - 20 leaves 2
    narrow = render(
        chart_report(("x" * 60, Decimal(1), Decimal("50.00"))), Options(format="table", width=40)
    )
    assert bars(narrow) == ["█" * 5]


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
    lines = [
        line.rstrip()
        for line in render(Report("R", [t]), Options(format="table", width=40)).splitlines()
    ]
    assert max(len(line) for line in lines) <= 40
    first = next(i for i, line in enumerate(lines) if line.startswith("a1 "))
    assert lines[first].endswith(" 1.5")  # the id and the amount on the row's first line
    # the title wraps at spaces over the next lines, no word lost
    words = " ".join(line.strip() for line in lines[first:]).replace("1.5", "").split()
    assert words == [
        "a1",
        *["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"],
    ]


def test_json_text_of_several_tables() -> None:
    a = Table("t", "T", [Column("id", "Id"), Column("usd_bn", "USD bn", "amount")])
    a.add("a1", Decimal("1.50"))
    b = Table("u", "U", [Column("a", "A")])
    b.add("x")
    assert render(Report("R", [a, b]), Options(format="json")) == (
        '{\n  "t": [\n    {"id": "a1", "usd_bn": 1.5}\n  ],\n  "u": [\n    {"a": "x"}\n  ]\n}\n'
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
    gdp = con.execute("SELECT investor_gdp_usd_bn, investor_gdp_year FROM deals").fetchall()
    assert gdp == [("400", 2025)]
    terms = con.execute("SELECT id, pct FROM terms ORDER BY id").fetchall()
    assert terms == [("annual-cap", None), ("local-content", "40"), ("tariff-rate", "12.5")]
