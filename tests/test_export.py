"""Charts, pictures (SVG, HTML) and the SQLite, JSON and CSV exports."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml

from dealcli.core.totals import totals

from .conftest import FIXTURES, invoke


def test_chart_is_drawn_in_plain_characters_into_a_pipe_within_80_columns() -> None:
    r = invoke("chart", "japan")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines[2:]) <= 80
    head = next(line for line in lines if line.startswith("pledged · scale"))
    bars = [line.count("#") for line in lines]
    assert head.count("#") == max(bars) > 20  # 100% of the headline: the longest bar
    assert head.split()[3:5] == ["550", "100.0%"]
    unselected = next(line for line in lines if line.startswith("unselected · total"))
    # 550 - 109 selected = 441 unselected; 441 / 550 = 80.18%
    assert "441 " in unselected and "80.2%" in unselected
    assert "█" not in r.stdout and "\x1b" not in r.stdout


def test_chart_data_in_csv(japan) -> None:  # type: ignore[no-untyped-def]
    r = invoke("chart", "japan", "--by", "status", "-f", "csv")
    rows = list(csv.DictReader(r.stdout.splitlines()))
    by = {(x["label"], x["measure"]): Decimal(x["usd_bn"]) for x in rows}
    assert by[("selected", "total")] == totals(japan).selected
    assert by[("selected", "selected")] == Decimal("109.0")  # 36.0 + 73


def test_chart_compare_groups_sectors() -> None:
    r = invoke("chart", "--compare", "--by", "sector", "japan", "korea")
    assert r.exit_code == 0
    assert "Shipbuilding\n" in r.stdout
    lines = r.stdout.splitlines()
    ship = lines.index("Shipbuilding")  # japan has no shipbuilding: no empty bar for it
    assert lines[ship + 1].split()[:5] == ["south-korea", "·", "candidate", "150", "42.9%"]
    assert invoke("chart", "japan", "korea").exit_code == 2


def test_svg_and_html_pictures_hold_the_numbers_and_escape_text(tmp_path: Path) -> None:
    svg = tmp_path / "japan.svg"
    r = invoke("show", "japan", "-s", "totals", "--svg", str(svg))
    assert r.exit_code == 0 and r.stdout == ""
    root = ET.parse(svg).getroot()
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "355.95" in text and "109" in text
    hostile = tmp_path / "hostile.html"
    invoke(
        "--deals-dir", str(FIXTURES), "show", "hostile", "-s", "overview", "--html", str(hostile)
    )
    html = hostile.read_text()
    assert "<bold>" not in html
    assert "HYPERLINK(&quot;" in html or "HYPERLINK(&#x27;" in html or 'HYPERLINK("' not in html
    chart_svg = tmp_path / "chart.svg"
    invoke("chart", "japan", "--svg", str(chart_svg))
    chart_text = "".join(ET.parse(chart_svg).getroot().itertext()).replace("\xa0", " ")
    assert "441" in chart_text and "80.2%" in chart_text


def test_sqlite_export_is_normalised_and_exact(tmp_path: Path, japan, korea) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "deals.db"
    r = invoke("export", "-f", "sqlite", "-o", str(db))
    assert r.exit_code == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {
        "deals",
        "aliases",
        "tranches",
        "terms",
        "allocations",
        "alternatives",
        "allocation_companies",
        "commitments",
        "events",
        "sources",
        "citations",
    }
    for deal in (japan, korea):
        t = totals(deal)
        selected = (
            con.execute(
                "SELECT SUM(usd_thousands) FROM allocations WHERE deal_id = ? AND part_of IS NULL "
                "AND status IN ('selected', 'funded', 'operating')",
                (deal.id,),
            ).fetchone()[0]
            or 0
        )
        assert Decimal(selected) / 1_000_000 == t.selected
        cand_text = con.execute(
            "SELECT usd_bn_text FROM allocations WHERE deal_id = ? AND status = 'candidate' AND part_of IS NULL",
            (deal.id,),
        ).fetchall()
        assert sum((Decimal(v) for (v,) in cand_text if v is not None), Decimal(0)) == t.candidates
        n_sources = con.execute(
            "SELECT COUNT(*) FROM sources WHERE deal_id = ?", (deal.id,)
        ).fetchone()[0]
        assert n_sources == len(deal.sources)
    mitra = con.execute(
        "SELECT usd_bn_text, usd_thousands FROM allocations WHERE id = 'mitra-chem-lfp'"
    ).fetchone()
    assert mitra == ("0.35", 350000)
    before = db.read_bytes()
    bad = invoke("export", "-f", "sqlite", "-o", str(tmp_path / "missing" / "x.db"))
    assert bad.exit_code == 2
    assert db.read_bytes() == before


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = tmp_path / "deals.db"
    invoke("export", "-o", str(db))
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    try:
        con.execute("INSERT INTO citations VALUES ('japan', 'term', 'x', 'no-such-source', 999999)")
    except sqlite3.IntegrityError:
        return
    raise AssertionError("a citation of an unknown source was accepted")


def test_json_export_validates_against_deal_schema(tmp_path: Path, japan) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "deals.json"
    assert invoke("export", "-f", "json", "-o", str(out)).exit_code == 0
    docs = json.loads(out.read_text(), parse_float=Decimal)
    schema = json.loads(invoke("schema").stdout)
    assert [d["id"] for d in docs] == [
        "eu",
        "japan",
        "qatar",
        "saudi-arabia",
        "south-korea",
        "switzerland",
        "taiwan",
        "uae",
    ]
    for doc in docs:
        jsonschema.validate(json.loads(json.dumps(doc, default=float)), schema)
    first = docs[1]  # japan
    assert first["headline"]["usd_bn"] == 550
    assert first["period"]["from"] == "2025-09-04"
    mitra = next(a for a in first["allocations"] if a["id"] == "mitra-chem-lfp")
    assert mitra["usd_bn"] == Decimal("0.35")


def test_csv_export_writes_one_file_per_table(tmp_path: Path, korea) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "csv"
    assert invoke("export", "korea", "-f", "csv", "-o", str(folder)).exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "allocations.csv" in names and "citations.csv" in names and len(names) == 12
    assert names[0] == ".deal-export"  # what the export wrote, so that the next one knows it
    with (folder / "tranches.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["id"], r["usd_bn"]) for r in rows] == [
        ("strategic-investments", "200"),
        ("shipbuilding", "150"),
    ]


def test_unknown_export_format() -> None:
    r = invoke("export", "-f", "xlsx", "-o", "x")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == (
        "deal: error: --format / -f takes sqlite, json, csv, not 'xlsx'"
    )


def test_html_picture_is_fitted_to_its_width_with_inline_styles(tmp_path: Path) -> None:
    import html as html_text
    import re

    page = tmp_path / "totals.html"
    r = invoke("show", "japan", "-s", "totals", "--html", str(page))
    assert r.exit_code == 0, r.stderr
    doc = page.read_text()
    pre = doc.split("<pre", 1)[1].split(">", 1)[1].split("</pre>", 1)[0]
    lines = html_text.unescape(re.sub(r"<[^>]+>", "", pre)).split("\n")
    # drawn as a terminal of 110 columns shows it: the long notes wrap, nothing is wider
    assert max(len(line) for line in lines) <= 110
    assert any(line.startswith("  * ") for line in lines)
    assert any(line.startswith("    ") and line.strip() for line in lines)  # a note's 2nd line
    # colours inline on each piece, so the page can be pasted into another as it is
    assert 'class="r' not in doc
    assert '<span style="color: #008000' in doc  # selected money, in green


def test_a_file_of_a_kind_no_name_fits_is_still_refused() -> None:
    import stat

    from dealcli.core.reading import file_kind

    assert file_kind(stat.S_IFREG | 0o644) is None
    assert file_kind(stat.S_IFIFO | 0o644) == "a FIFO"
    # a symlink's own mode (never met: files are opened through their links) or a kind
    # Linux lacks: not a regular file, so never read
    assert file_kind(stat.S_IFLNK | 0o777) == "not a regular file"


def test_the_schema_takes_private_x_keys_at_every_level_and_nothing_else_unknown() -> None:
    # editors validate deal files with `deal schema`: an x- note is allowed anywhere the
    # program allows it (the top level and inside each item), an unknown key nowhere
    schema = json.loads(invoke("schema").stdout)
    doc = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    doc = json.loads(json.dumps(doc, default=str))  # dates as the strings a file holds
    doc["x-reviewed"] = "yes"
    doc["allocations"][0]["x-note"] = "checked"
    doc["allocations"][0]["companies"][0]["x-source-page"] = 4
    jsonschema.validate(doc, schema)
    doc["allocations"][0]["note"] = "a typo of x-note"
    with pytest.raises(jsonschema.ValidationError, match="'note' does not match any of"):
        jsonschema.validate(doc, schema)


def test_an_export_that_fails_midway_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    # the export is written in pieces as the deals are read: a failure after the first
    # pieces must still leave the previous file whole, and no temporary file behind
    from dealcli.output.files import write_output

    target = tmp_path / "deals.json"
    target.write_text("the previous export\n")

    def pieces():
        yield b"[\n"
        raise RuntimeError("a deal could not be read")

    with pytest.raises(RuntimeError):
        write_output(target, pieces())
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deals.json"]
    write_output(target, iter([b"[\n", b"{}", b"\n]\n"]))
    assert target.read_text() == "[\n{}\n]\n"


def test_a_json_export_larger_than_a_write_is_one_document_file_or_stdout(
    tmp_path: Path,
) -> None:
    # a deal of many allocations is written in several pieces: the pieces must join into
    # the same one-line document in a file and on stdout, every allocation in its order
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    many = "".join(
        f"  - {{id: extra-{i}, title: Extra project {i}, sector: Energy, usd_bn: 0.5, "
        f"basis: reported, status: candidate, sources: [src-a]}}\n"
        for i in range(1500)
    )
    text = text.replace("commitments:\n", many + "commitments:\n")
    folder = tmp_path / "deals"
    folder.mkdir()
    (folder / "mini.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "mini.json"
    where = ["--deals-dir", str(folder), "export", "mini", "-f", "json"]
    assert invoke(*where, "-o", str(out)).exit_code == 0
    written = out.read_text(encoding="utf-8")
    assert len(written) > 200_000
    assert invoke(*where, "-o", "-").stdout == written
    assert written.startswith("[\n{") and written.endswith("}\n]\n")
    assert written.count("\n") == 3  # the deal on one line
    (doc,) = json.loads(written)
    ids = [a["id"] for a in doc["allocations"]]
    assert ids[:9] == ["a1", "a2", "a3", "a4", "env1", "p1", "p2", "a5", "a6"]
    assert ids[9:] == [f"extra-{i}" for i in range(1500)]
    assert doc["commitments"][2]["party"] == "host"
    assert "party" not in doc["commitments"][0]  # the default, left out as in the file
