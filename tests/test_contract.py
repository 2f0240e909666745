"""The contract with scripts and spreadsheets, run through the installed `deal` as an analyst would.

Figures are those of tests/fixtures/contract.yaml, worked out by hand (headline 200):
  selected: c1 60 (selected) + c3 0.35 (funded) = 60.35; unselected 200 - 60.35 = 139.65
  candidates: c2 40 + c5 25.5 = 65.5 (c4 has no amount); not named: 200 - 65.5 = 134.5
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from dealcli import output
from dealcli.core.environment import Environment
from dealcli.core.reading import read_deal
from dealcli.core.table import DEPRECATED_KEYS, number
from dealcli.core.totals import totals

from .conftest import BUNDLED, FIXTURES, NOT_TERMINALS, ROOT, deal_bin

JAPAN_TITLE = "日米 契約 テスト / 한미 계약 테스트"


def deal(
    *args: str, cwd: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """`deal --deals-dir tests/fixtures ARGS`, the installed command."""
    out = subprocess.run(
        [deal_bin(), "--deals-dir", str(FIXTURES), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    if check:
        assert out.returncode == 0, out.stderr
    return out


def shell(script: str, cwd: Path) -> str:
    """Run a shell pipeline with the venv's `deal` and `python3` first on PATH."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, cwd=cwd, env=env
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def need(tool: str) -> None:
    """A tool the test runs: CI installs it (.ci/run); elsewhere its absence skips the test."""
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed; .ci/run installs it")
        pytest.skip(f"{tool} is not installed")


# 1. Breakdowns add up


def test_allocation_columns_sum_to_the_deal_totals_with_awk(tmp_path: Path) -> None:
    base = f"'{deal_bin()}' --deals-dir '{FIXTURES}' allocations contract -f tsv"
    sums = shell(
        base + " | awk -F'\\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } "
        'NR > 1 { c += $col["selected_usd_bn"]; k += $col["candidate_usd_bn"] } '
        "END { print c, k }'",
        tmp_path,
    )
    assert sums.split() == ["60.35", "65.5"]  # 60 + 0.35; 40 + 25.5 (c4 unsized adds nothing)
    for fmt in ("csv", "tsv", "json", "jsonl", "plain"):
        text = deal("allocations", "contract", "-f", fmt).stdout
        assert "remainder" not in text and "(unselected)" not in text and "row" not in text


def test_totals_are_marked_rows_and_bring_the_sum_to_the_headline() -> None:
    rows = list(
        csv.DictReader(io.StringIO(deal("allocations", "contract", "--totals", "-f", "csv").stdout))
    )
    assert [r["row"] for r in rows] == ["group"] * 4 + ["total", "remainder", "remainder"]
    total = rows[4]
    assert (total["selected_usd_bn"], total["candidate_usd_bn"]) == ("60.35", "65.5")
    kept = [r for r in rows if r["row"] != "total"]
    # groups + (unselected): 60.35 + 139.65 = 200; groups + (not named as candidate): 65.5 + 134.5
    assert sum(D(r["selected_usd_bn"] or 0) for r in kept) == 200
    assert sum(D(r["candidate_usd_bn"] or 0) for r in kept) == 200


def test_every_flows_table_sums_to_the_deal_totals() -> None:
    doc = json.loads(deal("flows", "contract", "-f", "json").stdout, parse_float=D)
    for name in ("origins", "flows", "sectors"):
        assert sum(r["selected_usd_bn"] for r in doc[name]) == D("60.35"), name
        assert sum(r["candidate_usd_bn"] for r in doc[name]) == D("65.5"), name
    marked = json.loads(deal("flows", "contract", "--totals", "-f", "json").stdout, parse_float=D)
    assert [r["row"] for r in marked["origins"]] == ["group"] * 4 + ["total"]
    assert marked["origins"][-1]["selected_usd_bn"] == D("60.35")


def test_bundled_breakdowns_sum_to_their_totals() -> None:
    for name in ("japan", "south-korea"):
        t = totals(read_deal(BUNDLED / f"{name}.yaml"))
        for by in ("sector", "company", "country", "status"):
            rows = json.loads(
                deal("allocations", name, "--by", by, "-f", "json").stdout, parse_float=D
            )
            assert sum(r["selected_usd_bn"] for r in rows) == t.selected, (name, by)
            assert sum(r["candidate_usd_bn"] for r in rows) == t.candidates, (name, by)


# 2. and 6. SQLite


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    path = tmp_path / "deals.db"
    deal("export", "contract", "-o", str(path))
    return sqlite3.connect(path)


def test_sqlite_amounts_are_numbers_with_their_exact_text(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT MAX(usd_bn) FROM allocations").fetchone() == (60,)
    assert db.execute("SELECT id FROM allocations WHERE usd_bn > 50").fetchall() == [("c1",)]
    order = db.execute("SELECT id FROM allocations ORDER BY usd_bn DESC").fetchall()
    assert [i for (i,) in order] == ["c1", "c2", "c5", "c3", "c4"]  # 60, 40, 25.5, 0.35, unknown
    c3 = db.execute(
        "SELECT usd_bn, typeof(usd_bn), usd_bn_text, usd_thousands, sized FROM allocations WHERE id = 'c3'"
    ).fetchone()
    assert c3 == (0.35, "real", "0.35", 350000, 1)
    c4 = db.execute("SELECT usd_bn, usd_bn_text, sized FROM allocations WHERE id = 'c4'").fetchone()
    assert c4 == (None, None, 0)
    pct = db.execute(
        "SELECT id, pct, typeof(pct), pct_text FROM terms ORDER BY pct DESC"
    ).fetchall()
    assert pct == [("tariff-rate", 15, "integer", "15"), ("profit-split", 12.5, "real", "12.5")]
    selected = db.execute(
        "SELECT SUM(usd_thousands) FROM allocations WHERE status IN ('selected', 'funded')"
    ).fetchone()[0]
    assert selected == 60_350_000  # 60 bn + 0.35 bn in thousands of dollars, exact
    head = db.execute("SELECT headline_usd_bn, headline_usd_bn_text FROM deals").fetchone()
    assert head == (200, "200")


def test_every_foreign_key_is_one_column_to_a_key(db: sqlite3.Connection) -> None:
    tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    links = []
    for table in tables:
        keys = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        ids = [k[0] for k in keys]
        for _, _, parent, column, to, *_ in keys:
            pk = [r[1] for r in db.execute(f"PRAGMA table_info({parent})") if r[5]]
            assert pk == [to], (table, column, parent, to)  # the parent's whole primary key
            links.append((table, column, parent))
        assert len(set(ids)) == len(ids), f"{table}: a foreign key of several columns"
    assert ("allocation_companies", "allocation_row_id", "allocations") in links
    assert ("citations", "source_row_id", "sources") in links
    assert ("allocations", "tranche_row_id", "tranches") in links
    assert ("allocations", "part_of_row_id", "allocations") in links
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    joined = db.execute(
        "SELECT c.allocation_id, a.id, t.id FROM allocation_companies c "
        "JOIN allocations a ON a.row_id = c.allocation_row_id "
        "LEFT JOIN tranches t ON t.row_id = a.tranche_row_id ORDER BY c.name, a.id"
    ).fetchall()
    # Acme Grid (c3, c4), Busan Partner (c1, in tranche cash), Hanguk Heavy (c2), Tokyo Denki (c1)
    assert joined == [
        ("c3", "c3", None),
        ("c4", "c4", None),
        ("c1", "c1", "cash"),
        ("c2", "c2", None),
        ("c1", "c1", "cash"),
    ]
    cited = db.execute(
        "SELECT c.source_id, s.id FROM citations c JOIN sources s ON s.row_id = c.source_row_id"
    ).fetchall()
    assert cited and all(a == b for a, b in cited)


# 3. and 6. No silent fallback, --columns order


def test_an_unknown_column_is_an_error_that_lists_the_columns() -> None:
    r = deal("companies", "contract", "--columns", "company,amount", "-f", "csv", check=False)
    assert r.returncode == 2 and r.stdout == ""
    assert "no column named 'amount'" in r.stderr and "selected_usd_bn" in r.stderr


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("x.xls", ".xlsx"),
        ("x.html", "--html"),
        ("x.svg", "--svg"),
        ("x", ".csv (csv)"),
        ("x.dat", ".xlsx (xlsx)"),
    ],
)
def test_a_suffix_without_a_format_is_an_error(tmp_path: Path, name: str, hint: str) -> None:
    r = deal("list", "-o", str(tmp_path / name), check=False)
    assert r.returncode == 2
    assert hint in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_contradicts_the_suffix_is_an_error(tmp_path: Path) -> None:
    r = deal("list", "-f", "tsv", "-o", str(tmp_path / "x.csv"), check=False)
    assert r.returncode == 2
    assert "-f tsv does not match" in r.stderr
    assert list(tmp_path.iterdir()) == []
    deal(
        "list", "-f", "csv", "-o", str(tmp_path / "x.dat")
    )  # a suffix deal does not know: -f rules
    assert (tmp_path / "x.dat").read_text().startswith("id,")
    deal("list", "-o", str(tmp_path / "x.markdown"))
    assert (tmp_path / "x.markdown").read_text().startswith("# ")


def test_dash_is_stdout(tmp_path: Path) -> None:
    r = deal("list", "-f", "csv", "--columns", "id", "-o", "-", cwd=tmp_path)
    assert r.stdout.splitlines()[0] == "id" and "contract" in r.stdout
    assert list(tmp_path.iterdir()) == []


def test_columns_order_is_kept_in_long_form_and_jsonl() -> None:
    r = deal("show", "contract", "--columns", "sector,usd_bn", "-f", "csv")
    assert r.stdout.splitlines()[0] == "section,sector,usd_bn"
    r = deal("show", "contract", "--columns", "usd_bn,section,title", "-f", "tsv")
    assert r.stdout.splitlines()[0] == "usd_bn\tsection\ttitle"
    lines = deal("show", "contract", "--columns", "usd_bn,title", "-f", "jsonl").stdout.splitlines()
    c1 = next(json.loads(x) for x in lines if "東京" in x)
    assert list(c1) == ["section", "usd_bn", "title"]


# 4. One JSON shape per command


def test_json_shape_does_not_depend_on_the_number_of_sections() -> None:
    one = json.loads(deal("show", "contract", "--section", "totals", "-f", "json").stdout)
    assert list(one) == ["totals"]
    two = json.loads(deal("show", "contract", "-s", "totals", "-s", "terms", "-f", "json").stdout)
    assert list(two) == ["totals", "terms"]
    only = json.loads(deal("compare", "contract", "mini", "--only", "terms", "-f", "json").stdout)
    assert list(only) == ["terms"]
    assert isinstance(json.loads(deal("allocations", "contract", "-f", "json").stdout), list)
    assert isinstance(json.loads(deal("sources", "contract", "-f", "json").stdout), list)
    lines = deal("show", "contract", "-s", "totals", "-f", "jsonl").stdout.splitlines()
    assert {json.loads(x)["section"] for x in lines} == {"totals"}
    lines = deal("companies", "contract", "-f", "jsonl").stdout.splitlines()
    assert not any("section" in json.loads(x) for x in lines)


# 5. Numbers are numbers


def test_companies_amounts_are_numbers_zero_for_partners() -> None:
    rows = json.loads(deal("companies", "contract", "-f", "json").stdout, parse_float=D)
    got = {
        r["company"]: (r["role"], r["candidate_usd_bn"], r["selected_usd_bn"], r["unsized"])
        for r in rows
    }
    assert got == {
        "Tokyo Denki": ("lead", 0, 60, 0),
        "Acme Grid": ("lead", 0, D("0.35"), 1),  # leads c3 (0.35) and c4 (no amount)
        "Hanguk Heavy": ("lead", 40, 0, 0),
        "Busan Partner": ("partner", 0, 0, 0),
    }
    ranked = sorted(rows, key=lambda r: -r["selected_usd_bn"])  # jq 'sort_by(-.selected_usd_bn)'
    assert ranked[0]["company"] == "Tokyo Denki"


# 2. (the list) xlsx


def xlsx(*args: str, tmp_path: Path, name: str = "out.xlsx") -> openpyxl.Workbook:
    path = tmp_path / name
    deal(*args, "-o", str(path))
    return openpyxl.load_workbook(path)


def test_workbook_cells_are_typed_and_match_json(tmp_path: Path) -> None:
    book = xlsx("show", "contract", tmp_path=tmp_path)
    doc = json.loads(deal("show", "contract", "-f", "json").stdout, parse_float=D)
    assert book.sheetnames == ["About", *doc]
    old = set(DEPRECATED_KEYS.values())  # json's old names, kept for one release; not in xlsx
    assert any(k in old for r in doc["sectors"] for k in r)
    doc = {s: [{k: v for k, v in r.items() if k not in old} for r in rs] for s, rs in doc.items()}
    for section, records in doc.items():
        sheet = book[section]
        rows = list(sheet.values)
        assert list(rows[0]) == (list(records[0]) if records else list(rows[0]))
        assert len(rows) == len(records) + 1
        for got, want in zip(rows[1:], records, strict=True):
            for cell, (key, value) in zip(got, want.items(), strict=True):
                if isinstance(value, D | int) and not isinstance(value, bool):
                    assert isinstance(cell, int | float) and D(str(cell)) == value, (section, key)
                elif isinstance(cell, datetime):
                    assert cell.date().isoformat() == value, (section, key)
                else:
                    assert cell == value, (section, key)
        assert sheet.freeze_panes == "A2"
        assert all(c.font.b for c in sheet[1])
        assert sheet.column_dimensions["A"].width > 0
    c1 = next(r for r in book["allocations"].values if r[0] == "c1")
    assert "東京電力 原子炉" in c1
    assert datetime(2026, 1, 20) in c1  # the selection date is a date cell
    assert 60 in c1


def test_workbook_without_a_header_row(tmp_path: Path) -> None:
    with_head = xlsx("allocations", "contract", tmp_path=tmp_path)["allocations"]
    bare = xlsx("allocations", "contract", "--no-header", tmp_path=tmp_path)["allocations"]
    # the same rows, less the header; nothing frozen and no filter over data rows
    assert list(bare.values) == list(with_head.values)[1:]
    # the filter spans the header and the 4 sectors, the 9 columns A to I
    assert with_head.auto_filter.ref == "A1:I5" and with_head.freeze_panes == "A2"
    assert bare.auto_filter.ref is None and bare.freeze_panes is None


def test_workbook_filter_over_a_single_row(tmp_path: Path) -> None:
    # one group (selected: 60): the header and its one row, 6 columns A to F
    args = ("allocations", "contract", "--by", "status", "--status", "selected")
    sheet = xlsx(*args, tmp_path=tmp_path)["allocations"]
    assert list(sheet.values)[1][:2] == ("selected", 60)
    assert sheet.auto_filter.ref == "A1:F2"


def test_workbook_about_sheet_says_the_day_of_an_as_of(tmp_path: Path) -> None:
    then = xlsx("allocations", "contract", "--as-of", "2026-01-31", tmp_path=tmp_path)["About"]
    rows = {r[0]: r[1] for r in then.values if r[0]}
    assert rows["as of"] == "2026-01-31"
    now = xlsx("allocations", "contract", tmp_path=tmp_path, name="now.xlsx")["About"]
    assert "as of" not in {r[0] for r in now.values}  # no date asked: no line


def test_workbook_about_sheet(tmp_path: Path) -> None:
    about = [r for r in xlsx("allocations", "contract", tmp_path=tmp_path)["About"].values]
    cells = [c for r in about for c in r if c is not None]
    # the deals under their header: id, title, data checked to (`updated`, a date cell)
    head = about.index(("deal", "title", "data_checked_to", None, None, None))
    deal_id, title, checked = about[head + 1][:3]
    assert deal_id == "contract" and title.startswith(JAPAN_TITLE)
    assert checked == datetime(2026, 2, 28)
    # then its sources, numbered as in `deal sources`, dated; a blank row before each block
    at = about.index(("deal", "source", "title", "publisher", "date", "url"))
    assert about[at + 1] == (
        "contract",
        1,
        "共同声明",
        "Cabinet Office",
        datetime(2025, 9, 4),
        "https://example.org/a",
    )
    assert about[head - 1] == about[at - 1] == (None,) * 6 and at == head + 3
    command = next(r[1] for r in about if r[0] == "command")
    assert command == f"deal --deals-dir {FIXTURES} allocations contract"
    assert "共同声明" in cells and "보도자료" in cells and "https://example.org/b" in cells


def test_workbook_about_sheet_names_the_flags_and_columns_fit(tmp_path: Path) -> None:
    book = xlsx("allocations", "contract", "--totals", "--by", "company", tmp_path=tmp_path)
    command = next(r[1] for r in book["About"].values if r[0] == "command")
    # options given, in the command's order; -o (where it went) left out
    assert command == f"deal --deals-dir {FIXTURES} allocations contract --by company --totals"
    sheet = book["allocations"]
    # a column is as wide as its longest text and 2 (the file adds its own 0.71 padding):
    # row: "remainder" 9 -> 11; company: "(pledged, not named as candidate)" 33 -> 35;
    # candidate_usd_bn: its header, 16 -> 18
    widths = {k: int(sheet.column_dimensions[k].width) for k in "ABC"}
    assert widths == {"A": 11, "B": 35, "C": 18}


def test_workbook_never_holds_a_formula_and_hides_control_characters(tmp_path: Path) -> None:
    book = xlsx("show", "hostile", tmp_path=tmp_path)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert '=HYPERLINK("http://evil.example","click") [bold]x[/bold] [/x]' in texts  # text, as is
    assert not any(ch in t for t in texts for ch in "\x1b\x07\x9b")


def test_workbook_from_o_and_from_stdout_are_the_same_bytes(tmp_path: Path) -> None:
    deal("flows", "contract", "-o", str(tmp_path / "a.xlsx"))
    with (tmp_path / "b.xlsx").open("wb") as fh:
        subprocess.run(
            [deal_bin(), "--deals-dir", str(FIXTURES), "flows", "contract", "-f", "xlsx"],
            stdout=fh,
            check=True,
        )
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_xlsxwriter_is_imported_only_for_xlsx() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dealcli", "allocations", "japan", "-f", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "xlsxwriter" not in out.stderr
    assert "xlsxwriter" in pyproject_dependencies()


def pyproject_dependencies() -> str:
    text = (ROOT / "pyproject.toml").read_text()
    return text[
        text.index("dependencies = [") : text.index("]", text.index("dependencies = ["))
    ].lower()


# 7. Exports keep data exactly and stay safe


def test_json_keeps_control_characters_exactly_as_inert_escapes(tmp_path: Path) -> None:
    out = tmp_path / "h.json"
    deal("export", "hostile", "-f", "json", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\\u001b" in text
    assert json.loads(text)[0]["host"]["name"] == "@Host\x1b[31mred\x1b[0m"
    shown = deal("show", "hostile", "-s", "allocations", "-f", "json").stdout
    assert "\x07" not in shown and "\x9b" not in shown
    titles = [r["title"] for r in json.loads(shown)["allocations"]]
    assert titles[1] == "\rCarriage \x07 bell \x9b csi"


def test_csv_export_is_cleaned_and_defused_as_csv_format_is(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    deal("export", "hostile", "-f", "csv", "-o", str(folder))
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not any(ch in text for ch in "\x1b\x07\x9b\r"), path.name
    sources = list(csv.DictReader((folder / "sources.csv").open(encoding="utf-8")))
    assert (sources[0]["title"], sources[0]["publisher"]) == ("'=1+1", "'@pub")
    deals = list(csv.DictReader((folder / "deals.csv").open(encoding="utf-8")))
    shown = list(
        csv.DictReader(io.StringIO(deal("show", "hostile", "-s", "overview", "-f", "csv").stdout))
    )
    assert deals[0]["title"] == next(r["value"] for r in shown if r["field"] == "title")
    assert deals[0]["host_name"] == "'@Host\u241b[31mred\u241b[0m"


# 8. Spreadsheet import, by LibreOffice itself


def test_libreoffice_reads_the_bom_csv_and_the_workbook(tmp_path: Path) -> None:
    need("soffice")
    deal(
        "show",
        "contract",
        "-s",
        "allocations",
        "--columns",
        "id,title,usd_bn,date",
        "--bom",
        "-o",
        str(tmp_path / "allocations.csv"),
    )
    deal("show", "contract", "-o", str(tmp_path / "book.xlsx"))
    out = tmp_path / "converted"
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    # Headless, LibreOffice reads a csv as Windows-1252 unless told (its import dialog picks
    # UTF-8 from the byte-order mark); 76 is UTF-8, as the README says. The BOM must not
    # become part of the first header.
    for infilter, name in (("CSV:44,34,76", "allocations.csv"), ("", "book.xlsx")):
        subprocess.run(
            ["soffice", profile, "--headless"]
            + ([f"--infilter={infilter}"] if infilter else [])
            + ["--convert-to", "xlsx", "--outdir", str(out), str(tmp_path / name)],
            capture_output=True,
            timeout=300,
            check=True,
        )
    from_csv = list(openpyxl.load_workbook(out / "allocations.xlsx").active.values)
    assert from_csv[0] == ("id", "title", "usd_bn", "date")
    by_id = {r[0]: r for r in from_csv[1:]}
    assert by_id["c1"][1] == "東京電力 原子炉" and by_id["c2"][1] == "부산 조선소"
    assert by_id["c1"][2] == 60 and by_id["c3"][2] == 0.35 and by_id["c4"][2] is None
    assert by_id["c1"][3] == datetime(2026, 1, 20)
    book = openpyxl.load_workbook(out / "book.xlsx")
    rows = {r[0]: r for r in book["allocations"].values}
    assert rows["c2"][1] == "부산 조선소" and 40 in rows["c2"]
    assert 0.35 in rows["c3"] and datetime(2026, 1, 20) in rows["c1"]
    about = [c for r in book["About"].values for c in r]
    assert any(isinstance(c, str) and JAPAN_TITLE in c for c in about)


# The README's recipes, run as written


def readme_recipes() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Scripts and spreadsheets")
    section = text[start : text.index("\n### ", start + 1)]
    blocks: list[list[str]] = [[]]
    for line in section.splitlines():
        if line.startswith("    "):  # an indented code block
            blocks[-1].append(line[4:])
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(b) for b in blocks if b]


def test_readme_recipes_run_as_written(tmp_path: Path) -> None:
    need("jq")
    need("sqlite3")
    recipes = readme_recipes()
    # the workbook first, LibreOffice (tests/test_spreadsheets.py runs it), then awk, jq,
    # pandas, sqlite3, xlsx and Korea's csv
    assert len(recipes) == 8
    assert "soffice" in recipes[1]
    assert recipes[0] == "deal show japan -o japan.xlsx"
    bundled = [read_deal(p) for p in sorted(BUNDLED.glob("*.yaml"))]
    japan = next(d for d in bundled if d.id == "japan")
    selected = totals(japan).selected
    shell(recipes[0], tmp_path)
    assert openpyxl.load_workbook(tmp_path / "japan.xlsx").sheetnames[0] == "About"
    awk = shell(recipes[2], tmp_path).splitlines()
    label, total = awk[-1].split("\t")
    assert label == "all sectors" and D(total) == selected
    assert sum(D(line.split("\t")[1]) for line in awk[:-1]) == selected
    jq = shell(recipes[3], tmp_path).splitlines()
    top = [D(line.split("\t")[0]) for line in jq[:5]]
    assert top == sorted(top, reverse=True) and len(jq) == 6
    assert D(jq[5]) == selected
    assert D(shell(recipes[4], tmp_path).strip()) == selected
    big = sorted(
        (
            (d.id, a.usd_bn, a.title)
            for d in bundled
            for a in d.allocations
            if a.usd_bn is not None and a.usd_bn > 50 and a.part_of is None
        ),
        key=lambda r: (-r[1], r[2]),
    )
    lines = shell(recipes[5], tmp_path).splitlines()
    assert lines == [f"{i}|{number(amount)}|{title}" for i, amount, title in big]
    assert D(shell(recipes[6], tmp_path).strip()) == selected
    # the rows that count, not every row: 150, where every row gives 160
    assert D(shell(recipes[7], tmp_path).strip()) == 150


@NOT_TERMINALS
def test_a_stdout_that_cannot_say_it_is_a_terminal_gets_plain_text(stream: object) -> None:
    # not a terminal, so the script's format (plain: tab-separated, no colour, no width)
    env = Environment.from_process({}, stdout=stream)  # type: ignore[arg-type]
    opts = output.options(output.Request(), env)
    assert (opts.format, opts.color, opts.width) == ("plain", False, None)
