"""`deal returns` and `deal compare -s kinds` as a user runs them: figures worked by hand,
every output format, the errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import invoke

SPLIT = ("--yield", "10", "--deemed-rate", "0")  # the hand-worked case's inputs


def table(*args: str) -> list[dict[str, str]]:
    result = invoke("returns", *args, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def sections(*args: str) -> dict[str, Any]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_reference_case_from_the_command_line() -> None:
    # TBS/Bloomberg: 90% lent at 4%, a 10% yield: 4% x 0.9 = 3.6 of each 10 is interest, and
    # 10% of the other 6.4 is 0.64: 4.24 of 10 = 42.4%, whatever the amount
    [row] = table(
        "japan", "--loan-share", "90", "--loan-rate", "4", "--yield", "10", "-s", "steady"
    )
    assert row["investor_pct"] == "42.4"
    # with 80: cash 8, interest 72 x 4% = 2.88, Japan 2.88 + 0.512 = 3.392
    [row] = table(
        "japan", "--amount", "80", "--loan-share", "90", "--loan-rate", "4", "--yield", "10",
        "-s", "steady",
    )  # fmt: skip
    assert (row["cash_usd_bn"], row["loan_interest_usd_bn"]) == ("8", "2.88")
    assert (row["investor_usd_bn"], row["host_usd_bn"]) == ("3.392", "4.608")


def test_hand_worked_waterfall_from_the_command_line() -> None:
    # 100 up front at 10%: 5 a year to year 20, then 1: 110 to the investor, 190 to the US
    [row] = table("japan", "--amount", "100", *SPLIT, "--paid-in", "upfront", "-s", "summary")
    assert row["recouped_year"] == "20"
    assert (row["investor_usd_bn"], row["host_usd_bn"], row["cash_usd_bn"]) == ("110", "190", "300")
    assert row["investor_pct"] == "36.67"  # 110 / 300
    assert row["recouped_by"] == "2045-09-04"  # 20 years from the period's start, 2025-09-04
    # at the default 4%: -100 + 5 x a(20) + 1 x a(10) / 1.04**20, a(n) = (1 - 1.04**-n) / 0.04;
    # 5 x 13.590326 + 8.110896 x 0.456387 = 67.951632 + 3.701705 = 71.653337
    annuity = [(1 - 1.04**-n) / 0.04 for n in (20, 10)]
    npv = -100 + 5 * annuity[0] + annuity[1] / 1.04**20
    assert float(row["npv_usd_bn"]) == pytest.approx(npv, abs=1e-8)
    assert round(npv, 4) == -28.3467
    assert 0.80 < float(row["irr_pct"]) < 0.83


def test_korea_pays_at_its_cap_and_fails_the_twenty_year_test() -> None:
    # USD 200 bn (the strategic tranche, not the 150 for shipbuilding) at 20 a year: 10 years.
    # At 10% with no deemed interest it is recouped in year 25 (worked in the core tests).
    data = sections("returns", "korea", *SPLIT)
    [summary] = data["summary"]
    assert (summary["amount_usd_bn"], summary["recouped_year"]) == (200, 25)
    [review] = data["review"]
    assert (review["review_years"], review["recouped_year"]) == (20, 25)
    assert review["clause"].startswith("would apply")
    # the cap of 20 against 428.05 of reserves (4.67%) and 1,860 of GDP (1.08%)
    [cap] = data["capacity"]
    assert (cap["year_usd_bn"], cap["reserves_pct"], cap["gdp_pct"]) == (20, 4.67, 1.08)
    funding = {f["usd_bn"]: f["year_pct"] for f in data["funding"]}
    assert funding == {15: 75, 5: 25}
    # at 20%: 110 by year 10, then 20 a year, the last 10 in year 15: within 20 years
    [review] = sections("returns", "korea", "--yield", "20", "--deemed-rate", "0")["review"]
    assert review["recouped_year"] == 15 and review["clause"].startswith("not needed")


def test_korea_with_the_defaults_states_them_under_the_result() -> None:
    result = invoke("returns", "korea", "-f", "plain")
    assert result.exit_code == 0
    assert "--deemed-rate\t4\tdefault: the benchmark reported" in result.stdout
    page = invoke("returns", "korea", "-f", "markdown").stdout  # the notes under the tables
    assert "one pool" in page  # without --project, a note says the amount is pooled
    assert "10 payments of USD 20 bn, from year 1, at the cap of USD 20 bn" in page


def test_a_deal_without_the_split_terms_is_refused_naming_them() -> None:
    result = invoke("returns", "eu")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "profit-split-before-recoupment" in result.stderr
    assert "profit-split-after-recoupment" in result.stderr


def test_a_yield_sweep_shows_where_recoupment_begins() -> None:
    # Korea, 200 at 20 a year, no deemed interest. Half the cash to year 10 is 5.5 x yield;
    # then 10 x yield a year. 6%: 33 + 20 x 6 = 153 < 200, never; 8%: 44, then 8 a year,
    # 196 by year 29, year 30; 12%: 66, then 12 a year, 198 by year 21, year 22.
    rows = table("korea", "--yield", "2:12:2", "--deemed-rate", "0")
    got = {r["yield_pct"]: r["recouped_year"] for r in rows if r["section"] == "summary"}
    assert got == {"2": "", "4": "", "6": "", "8": "30", "10": "25", "12": "22"}


def test_sweeps_take_every_numeric_input_one_at_a_time() -> None:
    rows = table("korea", "--years", "20:30:5", "--deemed-rate", "0", "-s", "summary")
    assert [(r["years"], r["recouped_year"]) for r in rows] == [
        ("20", ""), ("25", "25"), ("30", "25"),
    ]  # fmt: skip
    two = invoke("returns", "korea", "--yield", "2:4:1", "--years", "20:30:5")
    assert two.exit_code == 2 and "one input at a time" in two.stderr
    assert invoke("returns", "korea", "--yield", "abc").exit_code == 2
    assert invoke("returns", "korea", "--years", "10.5").exit_code == 2
    short = invoke("returns", "korea", "--years", "5")
    assert short.exit_code == 2 and "10 years" in short.stderr


def test_compare_puts_the_deals_side_by_side() -> None:
    data = sections("returns", "--compare", "japan", "korea", *SPLIT)
    amounts = {r["deal"]: r["amount_usd_bn"] for r in data["summary"]}
    assert amounts == {"japan": 550, "south-korea": 200}
    # Japan: 137.5 a year for 4 years; half its cash: 6.875 + 13.75 + 20.625 = 41.25 by year
    # 3, then 27.5 a year: 508.75 more takes 18.5 years, so year 22
    years = {r["deal"]: r["recouped_year"] for r in data["summary"]}
    assert years == {"japan": 22, "south-korea": 25}
    assert invoke("returns", "japan", "korea").exit_code == 2


def test_one_project_is_paid_in_on_its_date() -> None:
    [row] = table("japan", "--project", "westinghouse-ap1000-smr", *SPLIT, "-s", "summary")
    # 100 up front on its date (2025-10-28) at 10%: 5 a year to the investor, 20 years
    assert (row["amount_usd_bn"], row["recouped_year"]) == ("100", "20")
    assert row["recouped_by"] == "2045-10-28"
    bad = invoke("returns", "japan", "--project", "nope")
    assert bad.exit_code == 2 and "--project" in bad.stderr
    outside = invoke("returns", "korea", "--project", "hanwha-philly-shipyard")
    assert outside.exit_code == 2 and "does not cover" in outside.stderr


def test_the_years_table_sums_to_the_summary() -> None:
    rows = table("korea", *SPLIT, "-s", "years")
    assert len(rows) == 30
    investor = sum(float(r["investor_usd_bn"]) for r in rows)
    host = sum(float(r["host_usd_bn"]) for r in rows)
    cash = sum(float(r["cash_usd_bn"]) for r in rows)
    assert investor == pytest.approx(211) and host == pytest.approx(299) and cash == 510
    assert [r["recouped"] for r in rows].index("yes") == 24  # year 25


@pytest.mark.parametrize("fmt", ["table", "plain", "csv", "tsv", "json", "jsonl", "markdown"])
def test_every_format(fmt: str) -> None:
    result = invoke("returns", "korea", *SPLIT, "-f", fmt)
    assert result.exit_code == 0 and result.stderr == ""
    assert "25" in result.stdout


def test_workbook_svg_and_html(tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    assert invoke("returns", "korea", "-o", str(book)).exit_code == 0
    assert book.read_bytes()[:2] == b"PK"
    svg = tmp_path / "r.svg"
    assert invoke("returns", "korea", *SPLIT, "-s", "chart", "--svg", str(svg)).exit_code == 0
    text = svg.read_text()
    assert "recouped" in text and "South" in text  # the chart's bars, drawn
    page = tmp_path / "r.html"
    assert invoke("returns", "japan", "--html", str(page)).exit_code == 0
    assert "Investor" in page.read_text()


def test_the_chart_in_a_pipe_and_its_numbers_in_csv() -> None:
    drawn = invoke("returns", "korea", *SPLIT, "-s", "chart", "-f", "table")
    assert "year 25 (recouped) · South Korea" in drawn.stdout and "#" in drawn.stdout
    rows = table("korea", *SPLIT, "-s", "chart")
    last = {r["side"]: r["share_pct"] for r in rows if r["year"] == "year 30"}
    assert last == {"South Korea": "41.37", "United States": "58.63"}  # 211 and 299 of 510


def test_returns_is_listed_in_the_help() -> None:
    result = invoke("--help")
    assert "returns" in result.stdout
    own = invoke("returns", "--help")
    assert "[default: 10]" in own.stdout and "START:STOP:STEP" in own.stdout


def test_kinds_leave_purchases_out_of_the_totals() -> None:
    data = sections("compare", "--all", "-s", "kinds")
    rows = {r["deal"]: r for r in data["kinds"]}
    # Korea: 350 of investment; Korean Air's 36.2 + 13.7 = 49.9 of purchases beside it
    assert rows["south-korea"]["investment_usd_bn"] == 350
    assert rows["south-korea"]["purchases_beside_usd_bn"] == 49.9
    # Qatar's 1,200 mixes kinds: its Boeing 96 is in it, the other 1,104 not broken down
    assert (rows["qatar"]["purchases_in_usd_bn"], rows["qatar"]["rest_usd_bn"]) == (96, 1104)
    # Japan: 109 selected of 550 = 19.82%
    assert rows["japan"]["selected_pct"] == 19.82
    every = rows["all deals"]
    deals = [r for k, r in rows.items() if k != "all deals"]
    assert every["pledged_usd_bn"] == sum(
        r["pledged_usd_bn"] - (r["purchases_in_usd_bn"] or 0) for r in deals
    )
    instruments = {(r["deal"], r["instrument"]): r["usd_bn"] for r in data["instruments"]}
    assert instruments[("south-korea", "cash")] == 200
    assert instruments[("taiwan", "guarantee")] == 250


USER_DEAL = """\
format: 2
id: toy
title: Toy pledge
investor: {name: Toyland, code: "TL", sources: [s]}
host: {name: United States, code: "US"}
headline: {usd_bn: 100, basis: committed, sources: [s]}
status: signed
updated: 2026-01-31
period: {from: 2025-01-01, to: 2029-01-01, sources: [s]}
structure:
  - {id: cash, label: Cash, usd_bn: 60, basis: committed, instrument: cash, sources: [s]}
  - {id: other, label: Other, usd_bn: 40, basis: committed, sources: [s]}
terms:
  - {id: profit-split-before-recoupment, label: US share before, value: "40%", pct: 40, sources: [s]}
  - {id: profit-split-after-recoupment, label: US share after, value: "80%", pct: 80, sources: [s]}
  - {id: annual-cap, label: Cap, value: "10 a year", usd_bn: 10, sources: [s]}
profit_split: {covers: [COVERS], sources: [s]}
sources:
  - {id: s, title: A source, publisher: P, url: "https://example.org/", date: 2025-01-01, kind: news}
"""


def test_a_users_deal_brings_its_own_split(tmp_path: Path) -> None:
    (tmp_path / "toy.yaml").write_text(USER_DEAL.replace("COVERS", "cash"))
    # 60 covered; over the period's 4 years 15 a year, above the cap of 10: six payments of
    # 10. The investor keeps 60% until recouped, then 20%. At 10% and no deemed interest:
    # 0.6 x (1 + 2 + ... + 6) = 12.6 by year 6, then 3.6 a year: 47.4 more by year 20
    # (12.6 + 13 x 3.6 = 59.4 by year 19, 0.6 more in year 20).
    data = sections("--deals-dir", str(tmp_path), "returns", "toy", *SPLIT)
    [row] = data["summary"]
    assert (row["amount_usd_bn"], row["recouped_year"]) == (60, 20)
    [steady] = data["steady"]
    assert steady["investor_pct"] == 20  # the file's 80% US share after recoupment


def test_a_split_that_covers_an_unknown_tranche_is_refused(tmp_path: Path) -> None:
    (tmp_path / "toy.yaml").write_text(USER_DEAL.replace("COVERS", "cahs"))
    result = invoke("validate", str(tmp_path / "toy.yaml"))
    assert result.exit_code == 1
    assert "tranche 'cahs' is not defined" in result.stdout + result.stderr


def test_capacity_sources_are_checked(tmp_path: Path) -> None:
    funded = USER_DEAL.replace("COVERS", "cash") + (
        "capacity:\n  reserves_usd_bn: 50\n  reserves_date: 2025-12-31\n  sources: [s]\n"
        "  funding:\n    - {id: f, label: Reserve income, usd_bn: 10, basis: reported, "
        "sources: [nope]}\n"
    )
    (tmp_path / "toy.yaml").write_text(funded)
    result = invoke("validate", str(tmp_path / "toy.yaml"))
    assert result.exit_code == 1
    assert "source 'nope' is not defined" in result.stdout + result.stderr
    (tmp_path / "toy.yaml").write_text(funded.replace("[nope]", "[s]"))
    data = sections("--deals-dir", str(tmp_path), "returns", "toy", "-s", "capacity")
    # the cap of 10 against 50 of reserves: 20%; the file gives no GDP
    assert data["capacity"][0]["reserves_pct"] == 20 and data["capacity"][0]["gdp_pct"] is None
    assert data["funding"] == [
        {"deal": "toy", "source": "Reserve income", "usd_bn": 10, "year_pct": 100}
    ]
