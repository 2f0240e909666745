"""Spreadsheets and databases, read back with their own readers: the csv module, openpyxl,
sqlite3 and LibreOffice itself.

Korea (deals/south-korea.yaml): the shipbuilding envelope masga-shipbuilding (candidate, 150)
holds two sized projects, hanwha-philly-shipyard and hd-hyundai-cerberus-kdb (5 each), and the
deal names two unsized candidates outside it. Every row of the allocations sums to 150 + 5 + 5 =
160; the totals count the envelope alone: candidates 150, selected 0.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import openpyxl

from .conftest import deal_bin
from .test_contract import need, readme_recipes


def deal(*args: str) -> str:
    out = subprocess.run([deal_bin(), *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def totals_shown(deal_id: str) -> dict[str, D]:
    """The totals table as `-f csv` gives it: measure -> usd_bn."""
    rows = csv.DictReader(io.StringIO(deal("show", deal_id, "-s", "totals", "-f", "csv")))
    return {r["measure"]: D(r["usd_bn"]) for r in rows}


def test_korea_rows_that_count_sum_to_the_totals_with_the_csv_module() -> None:
    for deal_id, every_row in (("south-korea", D(160)), ("japan", None)):
        text = deal("show", deal_id, "-s", "allocations", "-f", "csv")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["counts_toward_total"] for r in rows} <= {"true", "false"}
        shown = totals_shown(deal_id)

        def total(keep: set[str], rows: list[dict[str, str]] = rows) -> D:
            return sum(
                (
                    D(r["usd_bn"] or 0)
                    for r in rows
                    if r["counts_toward_total"] == "true" and r["status"] in keep
                ),
                D(0),
            )

        assert total({"candidate"}) == shown["candidates"], deal_id
        assert total({"selected", "funded", "operating"}) == shown["selected"], deal_id
        if every_row is not None:  # without the column, the envelope and its parts add up twice
            assert sum(D(r["usd_bn"] or 0) for r in rows) == every_row
            assert total({"candidate"}) == 150
            parts = {r["id"]: r["counts_toward_total"] for r in rows if r["part_of"]}
            assert parts == {"hanwha-philly-shipyard": "false", "hd-hyundai-cerberus-kdb": "false"}


def test_counts_toward_total_in_tsv_json_and_xlsx(tmp_path: Path) -> None:
    args = ("show", "south-korea", "-s", "allocations")
    tsv = list(csv.DictReader(io.StringIO(deal(*args, "-f", "tsv")), delimiter="\t"))
    want = {r["id"]: r["counts_toward_total"] == "true" for r in tsv}
    assert want["masga-shipbuilding"] and not want["hanwha-philly-shipyard"]
    doc = json.loads(deal(*args, "-f", "json"))
    assert {r["id"]: r["counts_toward_total"] for r in doc["allocations"]} == want  # bools
    book = tmp_path / "korea.xlsx"
    deal(*args, "-o", str(book))
    rows = list(openpyxl.load_workbook(book)["allocations"].values)
    col, key = rows[0].index("counts_toward_total"), rows[0].index("id")
    assert {r[key]: r[col] for r in rows[1:]} == want  # boolean cells, not text
    # on screen the flag is a footnote's matter: the column is for files
    assert "Counts toward" not in deal(*args, "-f", "table")


def test_sqlite_has_confidence_alternatives_and_what_counts(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    deal("export", "-o", str(path))
    docs = {d["id"]: d for d in json.loads(deal("export", "-f", "json", "-o", "-"))}
    db = sqlite3.connect(path)
    # confidence as the json export has it, for every item that has one
    heads = dict(db.execute("SELECT id, headline_confidence FROM deals").fetchall())
    assert heads == {i: d["headline"]["confidence"] for i, d in docs.items()}
    for table, key in (
        ("allocations", "allocations"),
        ("tranches", "structure"),
        ("terms", "terms"),
        ("commitments", "commitments"),
    ):
        got = db.execute(f"SELECT deal_id, id, confidence FROM {table}").fetchall()
        want = [(i, x["id"], x["confidence"]) for i, d in docs.items() for x in d.get(key, [])]
        assert sorted(got) == sorted(want), table
    events = db.execute("SELECT deal_id, seq, confidence FROM events").fetchall()
    assert sorted(events) == sorted(
        (i, n, e["confidence"]) for i, d in docs.items() for n, e in enumerate(d["timeline"], 1)
    )
    assert {c for (c,) in db.execute("SELECT confidence FROM allocations")} > {"confirmed"}
    # the other readings: one row each, numbered per item, as in json
    got_alts = db.execute(
        "SELECT deal_id, item_type, item_id, seq, usd_bn_text, note FROM alternatives"
    ).fetchall()
    want_alts = [
        (i, "headline", "", n, str(a["usd_bn"]), a.get("note"))
        for i, d in docs.items()
        for n, a in enumerate(d["headline"].get("alternatives", []), 1)
    ] + [
        (i, "allocation", x["id"], n, str(a["usd_bn"]), a.get("note"))
        for i, d in docs.items()
        for x in d.get("allocations", [])
        for n, a in enumerate(x.get("alternatives", []), 1)
    ]
    assert sorted(got_alts, key=str) == sorted(want_alts, key=str) and len(want_alts) >= 5
    # Ohio: the Commerce Department's 33 beside the 33.3 the totals use; the row links to it
    ohio = db.execute(
        "SELECT a.usd_bn, x.usd_bn, x.usd_thousands FROM alternatives x"
        " JOIN allocations a ON a.row_id = x.allocation_row_id"
        " WHERE x.item_id = 'ohio-portsmouth-gas-power'"
    ).fetchall()
    assert ohio == [(33.3, 33, 33_000_000)]
    cites = db.execute(
        "SELECT source_id FROM citations WHERE item_type = 'allocation alternative'"
        " AND item_id = 'ohio-portsmouth-gas-power#1' ORDER BY source_id"
    ).fetchall()
    ohio_alt = next(
        a for a in docs["japan"]["allocations"] if a["id"] == "ohio-portsmouth-gas-power"
    )["alternatives"][0]
    assert [s for (s,) in cites] == sorted(ohio_alt["sources"])
    taiwan = db.execute(
        "SELECT usd_bn FROM alternatives WHERE deal_id = 'taiwan' AND item_type = 'headline'"
    ).fetchall()
    assert taiwan == [(250,)]  # the company investment alone, of the 500
    # the rows that count sum to the totals, as in csv: Korea 150, not 160
    korea = db.execute(
        "SELECT SUM(usd_thousands), SUM(usd_thousands * counts_toward_total) FROM allocations"
        " WHERE deal_id = 'south-korea'"
    ).fetchone()
    assert korea == (160_000_000, 150_000_000)
    for deal_id in ("japan", "south-korea"):
        shown = totals_shown(deal_id)
        (counted,) = db.execute(
            "SELECT SUM(usd_thousands) FROM allocations WHERE deal_id = ? AND"
            " counts_toward_total = 1",
            (deal_id,),
        ).fetchone()
        assert D(counted) / 1_000_000 == shown["selected"] + shown["candidates"]


def test_libreoffice_opens_the_csv_in_columns_as_the_readme_says(tmp_path: Path) -> None:
    need("soffice")
    (recipe,) = [r for r in readme_recipes() if "soffice" in r]
    assert "--infilter=CSV:44,34,76" in recipe and "--bom" in recipe
    # as written, with a private LibreOffice profile (under HOME) so no other instance answers
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run(
        ["bash", "-euo", "pipefail", "-c", recipe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    rows = list(openpyxl.load_workbook(tmp_path / "korea.xlsx").active.values)
    text = deal("show", "south-korea", "-s", "allocations", "-f", "csv")
    want = list(csv.reader(io.StringIO(text)))
    assert list(rows[0]) == want[0]  # every column its own, the first without a BOM in it
    assert len(rows) == len(want)
    col, amount = want[0].index("counts_toward_total"), want[0].index("usd_bn")
    assert {r[col] for r in rows[1:]} == {True, False}  # read as booleans
    assert sum(r[amount] or 0 for r in rows[1:] if r[col]) == 150
    assert sum(r[amount] or 0 for r in rows[1:]) == 160
