"""Which columns give way on a narrow terminal, and in what order.

The rule (docs/architecture.md, render/fit.py): when a table is too wide, the
column with the highest `priority` number goes first; among equals, a column that
says the same on every row, then text before numbers and dates, then the
rightmost. At 10 columns every column that may go has gone, and the footnote
names them in the order they went, so one narrow render shows the whole order.
Each expected list below is worked out from the views' column lists by that rule.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from dealcli.core.model import Deal
from dealcli.core.reading import read_deal
from dealcli.core.summary import summarize
from dealcli.core.table import Column, Report, Table
from dealcli.render import Options, render
from dealcli.views import compare, listing, search, show

from .conftest import BUNDLED

ALL = [read_deal(p) for p in sorted(BUNDLED.glob("*.yaml"))]
JAPAN = next(d for d in ALL if d.id == "japan")
KOREA = next(d for d in ALL if d.id == "south-korea")
DAY = date(2026, 11, 26)


def gone(report: Report) -> dict[str, list[str]]:
    """Each table's title -> the labels its footnote names as not shown, in order."""
    out: dict[str, list[str]] = {}
    for table in report.tables:
        text = render(Report("", [table]), Options(format="table", width=10))
        assert isinstance(text, str)
        out[table.title] = []
        for line in text.splitlines():  # a footnote is not wrapped at this width
            if "not shown at this width: " in line:
                names = line.split("not shown at this width: ", 1)[1].split(" (see ")[0]
                out[table.title] = names.split(", ")
    return out


def test_show_sections_give_way_in_rank_order() -> None:
    got = gone(show.show(JAPAN, ["sectors", "companies", "terms", "structure"]))
    # unsized 3, allocations 2, then the four figures (priority 1, numbers) rightmost first;
    # the footnote names a label once ("%" of candidates and of committed money)
    assert got["Sectors"] == [
        "Unsized",
        "Allocations",
        "%",
        "Selected USD bn",
        "Candidates USD bn",
    ]
    # project titles 3; role and home 2 (text, rightmost first); the amounts rightmost first
    assert got["Companies"] == [
        "Projects",
        "Role",
        "Home",
        "Selected USD bn",
        "Candidates USD bn",
    ]
    # term id 5, authority 4, to and from 3 (rightmost first), % 2 (USD bn is empty: hidden),
    # then text rightmost first (sources, confidence and other figures are for files only:
    # a terminal shows them as marks)
    assert got["Key terms"] == [
        "Term",
        "Authority",
        "To",
        "From",
        "%",
        "State",
        "Value",
    ]
    # tranche 4, basis 3, instrument 2, then the numbers rightmost first
    assert got["Structure (tranches)"] == [
        "Tranche",
        "Basis",
        "Instrument",
        "% of pledged",
        "USD bn",
    ]


def test_show_detail_sections_give_way_in_rank_order() -> None:
    got = gone(show.show(JAPAN, ["allocations", "commitments", "sources"]))
    # basis and id 5 (rightmost first); lead (text) before date, both 4; sector (text) before
    # the yen amount, both 3; the share 2; then the status (text) before the USD amount
    assert got["Allocations"] == [
        "Basis",
        "Id",
        "Lead",
        "Date",
        "Sector",
        "JPY bn",
        "% of pledged",
        "Status",
        "USD bn",
    ]
    # id 5; basis and detail 4 (rightmost first); party 3; area 2; the amount
    assert got["Commitments by area"] == [
        "Id",
        "Basis",
        "Detail",
        "Promised by",
        "Area",
        "USD bn",
    ]
    # id 5; kind (text) before date, both 4; publisher 3; url 2; the number
    assert got["Sources"] == ["Id", "Kind", "Date", "Publisher", "URL", "#"]


def test_list_gives_way_in_rank_order() -> None:
    got = gone(listing.listing((summarize(d), "bundled") for d in ALL))
    # from 4; title (text) before updated (date), both 3; host 2 and "US" on every row, so
    # first of the 2s, then the other 2s rightmost first; the amounts rightmost first
    assert got["Deals"] == [
        "From",
        "Title",
        "Updated",
        "Host",
        "Status",
        "Binding",
        "Scope",
        "Investor",
        "Candidates USD bn",
        "Selected USD bn",
        "Pledged USD bn",
    ]


def test_a_less_important_column_goes_first_even_when_the_other_says_the_same() -> None:
    # the same deal from two folders: every title alike, the origins not; From (priority 4)
    # still goes before Title (3)
    twin = replace(JAPAN, id="japan-copy")
    got = gone(listing.listing([(summarize(JAPAN), "bundled"), (summarize(twin), "mine")]))
    assert got["Deals"][:3] == ["From", "Title", "Updated"]


def test_compare_gives_way_in_rank_order() -> None:
    got = gone(compare.compare([JAPAN, KOREA], day=DAY))
    # status and binding 2 (rightmost first), then text, the amount last
    assert got["The pledges: size, reach and force"] == [
        "Status",
        "Binding",
        "Scope",
        "Basis",
        "Investor",
        "Pledged USD bn",
    ]
    # companies and projects 3, unselected 2, then the figures rightmost first
    assert got["Money named so far"] == [
        "Companies",
        "Projects",
        "Unselected USD bn",
        "Candidates % of pledged",
        "Candidates USD bn",
        "Selected % of pledged",
        "Selected USD bn",
        "Pledged USD bn",
    ]
    assert got["Against the investor's GDP"] == [
        "GDP year",
        "Pledged a year % of GDP",
        "Pledged % of GDP",
        "Investor GDP USD bn",
    ]
    # from 3, the cap 2; of the 1s the period end is the same for both deals (2029-01-19)
    # and goes first, then rightmost first
    assert got["Horizon: the period and the pledged amount a year"] == [
        "Period from",
        "Annual cap USD bn",
        "Period end",
        "Pledged a year USD bn",
        "Years",
    ]
    tariff = next(t for t in got if t.startswith("Tariff secured"))
    # authority 3; to and from 2 (rightmost first); the state (text) before the rate
    assert got[tariff] == ["Authority", "To", "From", "On 2026-11-26", "Tariff %"]


def test_a_column_the_same_on_every_row_goes_before_its_equals() -> None:
    # Japan beside itself less one candidate (Mitra Chem, 0.35): headline 550, selected 109
    # (19.8%) and unselected 441 are the same on both rows; candidates 355.95 and 355.6 are
    # not, though their shares (64.72, 64.65) both show as 64.7
    less = tuple(a for a in JAPAN.allocations if a.id != "mitra-chem-lfp")
    assert len(less) == len(JAPAN.allocations) - 1
    smaller = replace(JAPAN, id="japan-less", allocations=less)
    got = gone(compare.compare([JAPAN, smaller], ["totals"], DAY))
    # companies and projects 3 (they differ: 29 and 28, 24 and 23); unselected 2, the same on
    # both rows but alone at 2; then of the 1s those that say the same, rightmost first, and
    # the candidates amount last
    assert got["Money named so far"] == [
        "Companies",
        "Projects",
        "Unselected USD bn",
        "Candidates % of pledged",
        "Selected % of pledged",
        "Selected USD bn",
        "Pledged USD bn",
        "Candidates USD bn",
    ]


def test_search_gives_way_in_rank_order() -> None:
    got = gone(search.search([JAPAN], "gas"))
    # id 4, kind 3, deal 2; the matched text never goes
    assert got["Matches for 'gas'"] == ["Id", "Kind", "Deal"]
    # two terms match "semiconductor": kind and deal say the same on both rows, yet the id
    # (priority 4) still goes before them; sameness only orders columns of equal priority
    got = gone(search.search([JAPAN], "semiconductor"))
    assert got["Matches for 'semiconductor'"] == ["Id", "Kind", "Deal"]


@pytest.mark.parametrize("deal", [JAPAN, KOREA], ids=lambda d: d.id)
def test_the_main_column_never_goes(deal: Deal) -> None:
    text = render(show.show(deal, ["allocations"]), Options(format="table", width=10))
    assert isinstance(text, str)
    lines = text.splitlines()
    head = lines.index("Allocations")  # the section's title, then the one column left
    assert lines[head + 1] == "Title" and "not shown at this width" in text


def _shares(bar_on: str | None) -> Report:
    t = Table(
        "shares",
        "Shares",
        [
            Column("label", "Label", main=True),
            Column("usd_bn", "USD bn", "amount"),
            Column("other_pct", "Other %", "pct", bar=bar_on == "other_pct"),
            Column("share_pct", "%", "pct", bar=bar_on == "share_pct"),
        ],
    )
    t.add("a", Decimal(30), Decimal(0), Decimal(60))
    t.add("b", Decimal(10), Decimal(100), Decimal("12.5"))
    return Report("T", [t], chart=True)


def test_a_chart_draws_its_bars_from_the_bar_column() -> None:
    # into a pipe a chart is 80 wide: label 1, amount 6 (its header "USD bn" over it), share 5
    # ("60.0%") and 6 of gaps leave 62 cells; 60% of 62 = 37.2 -> 37 marks, 12.5% = 7.75 -> 8
    text = render(_shares("share_pct"), Options(format="table"))
    assert text == (
        "T\n\nShares\n   USD bn      %\n"
        "a      30  60.0%  " + "#" * 37 + "\n"
        "b      10  12.5%  " + "#" * 8 + "\n"
    )
    # the hint on the other column: 0% -> no mark; its widest share, "100.0%", is 6 wide,
    # which leaves 61 cells, all of them for 100%; its header "Other %" is 7: two lines
    text = render(_shares("other_pct"), Options(format="table"))
    assert text == OTHER


OTHER = (
    "T\n\nShares\n   USD bn   Other\n" + " " * 16 + "%\n"
    "a      30    0.0%\n"
    "b      10  100.0%  " + "#" * 61 + "\n"
)


def test_without_a_bar_hint_a_chart_uses_the_first_percentage() -> None:
    assert render(_shares(None), Options(format="table")) == OTHER


def test_room_left_over_is_shared_a_cell_at_least_in_turn() -> None:
    # K is 1 wide; B and C need 4 (their longest word) and want 14 ("aaaa bbbb cccc").
    # At 15 columns: 1 + 4 + 4 and two gaps of 2 = 13, so 2 cells are left. Each wants 10 of
    # the 20 wanted: 2 x 10 // 20 = 1 cell each (at least 1 for a column that wants any),
    # so B and C are 5 wide and C starts at 1 + 2 + 5 + 2 = 10
    t = Table("t", "T", [Column("k", "K", main=True), Column("b", "B"), Column("c", "C")])
    t.add("x", "aaaa bbbb cccc", "dddd eeee ffff")
    text = render(Report("T", [t]), Options(format="table", width=15))
    assert text.splitlines()[2:6] == [
        "K  B      C",
        "─" * 15,  # the rule spans the table: 1 + 5 + 5 and the gaps
        "x  aaaa   dddd",
        "   bbbb   eeee",
    ]


def test_a_narrow_summary_keeps_the_column_that_names_the_rows() -> None:
    # Korea's key terms at 40 columns: the term's name keeps at least 30, its value 20, and
    # 30 + 2 + 20 > 40, so the value goes and the names stay, cut to 40 ("…" the 40th).
    # The values are the wider column (85 against 66): the names stay because they name.
    text = render(show.show(KOREA, ["key-terms"]), Options(format="table", width=40))
    assert isinstance(text, str)
    lines = text.splitlines()
    at = lines.index("Key term")
    assert lines[at + 1 : at + 5] == [
        "US tariff on Korean cars and car parts",
        "US share of project cash flows until Ko…",
        "US share of project cash flows after re…",
        "Most Korea can be asked to fund in a ca…",
    ]


def test_a_chart_gives_labels_45_percent_of_a_terminal_and_at_least_12_cells() -> None:
    # at 24 columns labels may take 45% (10 cells), but never less than 12: the 26 letters
    # are cut to 11 and "…"; the bar gets what is left, at least 10 cells: 60% of 10 = 6
    t = Table(
        "s",
        "S",
        [
            Column("label", "Label", main=True),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "%", "pct", bar=True),
        ],
    )
    t.add("abcdefghijklmnopqrstuvwxyz", Decimal(30), Decimal(60))
    text = render(Report("T", [t], chart=True), Options(format="table", width=24))
    # (the amount is as wide as its header, "USD bn")
    assert text.splitlines()[-1] == "abcdefghijk…      30  60.0%  " + "█" * 6
    # at 60: 45% is 27 cells (60 x 9 // 20), so 26 letters and "…"; 60 - 27 - 6 - 5 - 6 = 16
    # cells of bar, 9.6 -> 10 of them for 60%
    t.rows[0][0] = "abcdefghijklmnopqrstuvwxyz" * 2
    text = render(Report("T", [t], chart=True), Options(format="table", width=60))
    assert text.splitlines()[-1] == "abcdefghijklmnopqrstuvwxyz…      30  60.0%  " + "█" * 10


def test_the_list_in_colour_explains_the_colours_it_uses() -> None:
    # the list colours selected and candidate amounts; it has no unselected column, so its
    # key names only those two (a key naming a colour not on screen would mislead)
    report = listing.listing((summarize(d), "bundled") for d in ALL)
    text = render(report, replace(Options(format="table", width=200), color=True))
    assert isinstance(text, str)
    key = re.sub(r"\x1b\[[0-9;]*m", "", text.splitlines()[-1])
    assert key == (
        "  * colours: ■ selected (selected, funded, operating); ■ candidates (named, not selected)"
    )
    plain = render(report, Options(format="table", width=200))
    assert "colours" not in plain  # without colour there is nothing to explain


def test_a_narrow_money_table_keeps_the_measures() -> None:
    # Japan's totals at 40 columns: the measure names the rows and stays; the amounts and
    # shares fit beside it (their meaning does not)
    text = render(show.show(JAPAN, ["totals"]), Options(format="table", width=40))
    assert isinstance(text, str)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Money "))
    assert [line.split()[:2] for line in lines[at + 1 : at + 5]] == [
        ["pledged", "550"],
        ["selected", "109"],
        ["unselected", "441"],
        ["candidates", "355.95"],
    ]
