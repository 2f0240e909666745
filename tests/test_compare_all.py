"""The eight pledges side by side: `deal compare` of any number of deals, readable at 80 and
120 columns with no deal left out; the measures that make pledges comparable (scope,
binding, horizon, GDP share, headline a year, tariff secured, selected money to date);
`deal chart --compare` on one scale and as shares of GDP; unknown --sector and --country
values as usage errors."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from dealcli.core.reading import read_deal
from dealcli.core.summary import Summary, summarize
from dealcli.render import Options, render
from dealcli.views import compare

from .conftest import BUNDLED, FIXTURES, invoke
from .test_screen import FOOTNOTE_WORDS, words

EIGHT = ["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"]
DEALS = [read_deal(BUNDLED / f"{name}.yaml") for name in EIGHT]
BARE = read_deal(FIXTURES / "pledge-bare.yaml")
NAMED = read_deal(FIXTURES / "pledge-named.yaml")
PER_DEAL = ("pledges", "totals", "gdp", "horizon", "tariff", "structure")  # a row per deal


def rows(report: Any, section: str) -> dict[str, dict[str, Any]]:
    return {r["deal"]: r for r in report.table(section).records()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "pledges"
    out.mkdir()
    for name in ("pledge-bare.yaml", "pledge-named.yaml"):
        (out / name).write_text((FIXTURES / name).read_text())
    return out


# -- every deal on screen, no word broken -----------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_eight_deals_fit_with_no_word_broken(width: int) -> None:
    report = compare.compare(DEALS)
    whole = words(render(report, Options(format="markdown"))) | FOOTNOTE_WORDS  # type: ignore[arg-type]
    screen = render(report, Options(format="table", width=width))
    assert isinstance(screen, str)
    for n, line in enumerate(screen.splitlines()):
        assert len(line) <= width, (n, line)
        for word in line.split():
            if set(word) <= set("─"):
                continue
            if word.endswith("…"):
                assert any(w.startswith(word[:-1]) for w in whole), (n, word)
            else:
                assert word in whole or word.rstrip(",") in whole, (n, word, line)


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("section", PER_DEAL)
def test_no_deal_disappears_at_any_width(section: str, width: int) -> None:
    screen = render(compare.compare(DEALS, [section]), Options(format="table", width=width))
    assert isinstance(screen, str)
    lines = screen.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    assert any(line.startswith("Deal ") for line in lines[:rule])  # the naming column stays
    end = lines.index("", rule) if "" in lines[rule:] else len(lines)
    firsts = [line.split()[0] for line in lines[rule + 1 : end] if line.split()]
    assert [w for w in firsts if w in EIGHT] == EIGHT  # each deal a row, in the order given


def test_a_narrow_terminal_drops_measures_with_a_footnote_never_a_deal() -> None:
    screen = render(compare.compare(DEALS, ["totals"]), Options(format="table", width=60))
    assert isinstance(screen, str)
    assert "not shown at this width: " in screen and "Companies" in screen
    assert all(name in screen for name in EIGHT)


# -- the new measures, against the deal files ---------------------------------------------------


def test_scope_and_binding_per_deal() -> None:
    got = {
        k: (r["scope"], r["binding"]) for k, r in rows(compare.compare(DEALS), "pledges").items()
    }
    # headline.scope and headline.binding as each deal file states them
    assert got == {
        "eu": ("investment", "no"),
        "japan": ("investment", "yes"),
        "qatar": ("economic_exchange", "no"),
        "saudi-arabia": ("investment_and_purchases", "no"),
        "south-korea": ("investment", "yes"),
        "switzerland": ("investment", "no"),
        "taiwan": ("investment", "yes"),
        "uae": ("investment", "no"),
    }


def test_headline_as_a_share_of_gdp() -> None:
    gdp = rows(compare.compare(DEALS), "gdp")
    assert round(gdp["eu"]["pledged_gdp_pct"], 2) == D("3.00")  # 600 / 19,991 = 3.0013%
    assert gdp["qatar"]["pledged_gdp_pct"] == 600  # 1,200 / 200
    assert round(gdp["switzerland"]["pledged_gdp_pct"], 2) == D("20.01")  # 200 / 999.6
    screen = render(compare.compare(DEALS, ["gdp"]), Options(format="table", width=80))
    assert isinstance(screen, str)
    line = next(x for x in screen.splitlines() if x.startswith("eu "))
    assert line.split()[1:4] == ["19,991", "2025", "3.0%"]


def test_headline_a_year_of_the_horizon() -> None:
    horizon = rows(compare.compare(DEALS), "horizon")
    # japan: 2025-09-04 to 2029-01-19 = 365 + 365 + 366 + 137 = 1,233 days;
    # 550 x 365.25 / 1,233 = 162.9258... -> 162.93 (rounded once, not 550 / 3.38 = 162.72)
    assert horizon["japan"]["to"] == date(2029, 1, 19)
    assert horizon["japan"]["per_year_usd_bn"] == D("162.93")
    # uae: ten years, 2025-03-21 to 2035-03-21 = 3,650 + 2 leap days; 1,400 x 365.25 / 3,652
    assert horizon["uae"]["per_year_usd_bn"] == D("140.02")
    # taiwan and qatar give no period: no end, no yearly figure
    assert horizon["taiwan"]["to"] is None and horizon["qatar"]["per_year_usd_bn"] is None


def test_other_readings_of_the_horizon() -> None:
    report = compare.compare([BARE, NAMED])
    readings = rows(report, "readings")
    # named: its horizon-other term; bare: no period, so its horizon term is the reading
    assert readings["pledge-named"]["other_reading"] == "five years, in the host's statement"
    assert readings["pledge-bare"]["other_reading"] == "ten years, by one minister's account"
    horizon = rows(report, "horizon")
    # 2025-01-01 to 2027-01-01 = 730 days: 400 x 365.25 / 730 = 200.1369... -> 200.14
    assert horizon["pledge-named"]["per_year_usd_bn"] == D("200.14")
    assert horizon["pledge-named"]["years"] == D("2.00")
    gdp = rows(report, "gdp")
    assert gdp["pledge-bare"]["pledged_gdp_pct"] == 25  # 300 / 1,200
    assert gdp["pledge-named"]["pledged_gdp_pct"] == 20  # 400 / 2,000
    # 400 x 365.25 / 730 = 200.1369... a year (not rounded before dividing) / 2,000 = 10.0068%
    assert round(gdp["pledge-named"]["per_year_gdp_pct"], 3) == D("10.007")


def test_selected_is_zero_when_named_and_blank_when_nothing_is_named() -> None:
    report = compare.compare([BARE, NAMED])
    money = rows(report, "totals")
    # bare names no allocations: nothing is known
    assert money["pledge-bare"]["selected_usd_bn"] is None
    assert money["pledge-bare"]["selected_pct"] is None
    assert money["pledge-bare"]["unselected_usd_bn"] is None
    # named: two candidates (40 + 60 = 100, 25% of 400), nothing selected: a known 0
    assert money["pledge-named"]["selected_usd_bn"] == 0
    assert money["pledge-named"]["candidates_usd_bn"] == 100
    assert money["pledge-named"]["candidates_pct"] == 25
    assert money["pledge-named"]["unselected_usd_bn"] == 400
    assert any("names no allocations" in n for n in report.table("totals").notes)
    eight = rows(compare.compare(DEALS), "totals")
    assert eight["eu"]["selected_usd_bn"] is None  # the EU file names no allocations
    assert eight["qatar"]["selected_usd_bn"] == 0  # two candidates, none selected
    assert eight["japan"]["selected_usd_bn"] == D("109.0")  # 36.0 + 73 selected


def test_tariff_secured_in_force_on_the_reports_date() -> None:
    before = rows(compare.compare(DEALS, ["tariff"], date(2026, 1, 31)), "tariff")
    assert (before["japan"]["tariff_pct"], before["japan"]["state"]) == (15, "in force")
    assert (before["qatar"]["tariff_pct"], before["qatar"]["state"]) == (10, "in force")
    # every IEEPA rate was collected to 23 Feb 2026
    after = rows(compare.compare(DEALS, ["tariff"], date(2026, 3, 1)), "tariff")
    assert {r["state"] for r in after.values()} == {"lapsed"}
    assert after["eu"]["to"] == date(2026, 2, 23)
    # a rate from 2025-08-07 with no end holds; one that starts after the day has not begun
    named = rows(compare.compare([BARE, NAMED], ["tariff"], date(2025, 6, 1)), "tariff")
    assert named["pledge-named"]["state"] == "not begun"
    assert named["pledge-bare"]["state"] == "in force"


def test_deal_list_shows_scope_and_binding(folder: Path) -> None:
    for _ in range(2):  # the second run reads the folder's cached rows
        r = invoke("--deals-dir", str(folder), "list", "-f", "json")
        assert r.exit_code == 0, r.stderr
        got = {x["id"]: (x["scope"], x["binding"]) for x in json.loads(r.stdout)}
        assert got["pledge-bare"] == ("investment_and_purchases", None)
        assert got["pledge-named"] == ("investment", "yes")
        assert got["japan"] == ("investment", "yes")


def test_a_cached_row_round_trips_and_an_older_layout_is_refused() -> None:
    row = summarize(NAMED).row()
    assert Summary.from_row(row) == summarize(NAMED)
    # a row written before scope and binding were kept is refused, so the registry computes
    # the summary afresh instead of showing a blank scope
    with pytest.raises(ValueError, match="a list row of 10 values, not 12"):
        Summary.from_row(row[:10])


# -- the command line ---------------------------------------------------------------------------


def test_compare_all_takes_every_loaded_deal() -> None:
    r = invoke("compare", "--all", "-s", "pledges", "-f", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert list(doc) == ["pledges"]
    assert [x["deal"] for x in doc["pledges"]] == EIGHT
    both = invoke("compare", "--all", "japan")
    assert both.exit_code == 2 and "not both" in both.stderr
    none = invoke("compare")
    assert none.exit_code == 2 and "two or more" in none.stderr


def test_section_is_the_option_and_only_a_hidden_alias() -> None:
    a = invoke("compare", "japan", "korea", "--section", "gdp", "-f", "json")
    b = invoke("compare", "japan", "korea", "--only", "gdp", "-f", "json")
    assert a.exit_code == b.exit_code == 0
    assert a.stdout == b.stdout and list(json.loads(a.stdout)) == ["gdp"]
    text = invoke("compare", "--help").stdout
    assert "--section" in text and "-s" in text and "--only" not in text


@pytest.mark.parametrize("command", [["compare", "japan", "korea"], ["flows", "japan"]])
def test_sources_is_not_offered_where_it_adds_nothing(command: list[str]) -> None:
    assert "--sources" not in invoke(command[0], "--help").stdout
    r = invoke(*command, "--sources")
    assert r.exit_code == 2 and "no such option --sources" in r.stderr
    assert "--sources" in invoke("allocations", "--help").stdout  # where it works, it stays


def test_unknown_sector_is_a_usage_error_with_the_deals_choices() -> None:
    r = invoke("allocations", "japan", "--sector", "bogus")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == (
        "deal: error: --sector takes one of japan's sectors (AI infrastructure, Critical "
        "minerals, Electronics, Energy, Manufacturing), not 'bogus'\n"
    )
    near = invoke("allocations", "japan", "--sector", "enrgy")
    assert near.exit_code == 2 and near.stderr.endswith("; did you mean 'Energy'?\n")
    same = invoke("allocations", "japan", "--sector", "ENERGY", "-f", "csv")
    assert same.exit_code == 0 and same.stdout.splitlines()[1].startswith("Energy,")
    empty = invoke("allocations", "eu", "--sector", "Energy")
    assert empty.exit_code == 2 and "eu names no allocations" in empty.stderr


def test_unknown_country_is_a_usage_error_with_the_choices() -> None:
    r = invoke("companies", "japan", "--country", "XX")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == (
        "deal: error: --country takes the home country of a company (GB, JP, US), not 'XX'\n"
    )
    near = invoke("companies", "japan", "--country", "jq")
    assert near.exit_code == 2 and near.stderr.endswith("; did you mean 'JP'?\n")
    assert invoke("companies", "japan", "--country", "jp").exit_code == 0


# -- the chart ---------------------------------------------------------------------------------


def chart_rows(*args: str) -> list[dict[str, str]]:
    r = invoke("chart", "--compare", *args, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    return list(csv.DictReader(r.stdout.splitlines()))


def test_chart_compare_on_one_scale() -> None:
    got = {(x["deal"], x["measure"]): (x["usd_bn"], x["scale_pct"]) for x in
           chart_rows("eu", "japan", "qatar")}  # fmt: skip
    # the largest headline, qatar's 1,200, is the full bar
    assert got[("qatar", "pledged")] == ("1200", "100")
    assert got[("eu", "pledged")] == ("600", "50")  # 600 / 1,200
    assert got[("japan", "pledged")] == ("550", "45.83")  # 45.8333...
    assert got[("japan", "selected")] == ("109", "9.08")  # 109 / 1,200 = 9.0833...
    assert got[("japan", "candidates")] == ("355.95", "29.66")  # 29.6625 -> 29.66
    assert got[("qatar", "selected")] == ("0", "0")  # named allocations, none selected
    assert ("eu", "selected") not in got  # no allocations: no bar, a note says so


def test_chart_compare_as_shares_of_gdp() -> None:
    got = {(x["deal"], x["measure"]): x["gdp_pct"] for x in chart_rows("--gdp", "japan", "qatar")}
    assert got[("qatar", "pledged")] == "600"  # 1,200 / 200
    assert got[("qatar", "candidates")] == "250.5"  # 501 / 200
    assert got[("japan", "pledged")] == "13.14"  # 550 / 4,186 = 13.139...


def test_chart_compare_into_a_pipe_is_plain_and_80_wide() -> None:
    r = invoke("chart", "--compare", *EIGHT)
    assert r.exit_code == 0
    assert "\x1b" not in r.stdout and "█" not in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    assert all(name in r.stdout.splitlines() for name in EIGHT)  # a heading per deal
    gdp = invoke("chart", "--compare", "--gdp", *EIGHT).stdout.splitlines()
    # beyond the whole GDP the bar is full and a "+" follows it
    qatar = gdp[gdp.index("qatar") + 1]
    assert qatar.split()[:3] == ["pledged", "1,200", "600.0%"] and qatar.endswith("#+")
    assert all(len(line.removesuffix("+")) <= 80 for line in gdp)


def test_chart_compare_takes_sector_or_gdp() -> None:
    r = invoke("chart", "--compare", "--by", "sector", "japan", "korea", "-f", "csv")
    assert r.exit_code == 0 and r.stdout.startswith("label,deal,measure,usd_bn,share_pct")
    for args in (["--by", "company"], ["--by", "sector", "--gdp"]):
        bad = invoke("chart", "--compare", *args, "japan", "korea")
        assert bad.exit_code == 2 and "--by sector or --gdp" in bad.stderr
    assert invoke("chart", "japan", "--gdp").exit_code == 2
