"""The analytic views, on the mini fixture whose figures are worked out by hand.

mini.yaml (headline 100):
  candidates counted: a1 30 + a2 20 + env1 40 (its part p1 is not counted again) = 90; a4 unsized
  selected: a3 25 (selected) + p2 5 (selected, inside a candidate envelope) + a5 10 (funded) = 40
  cancelled a6 7 is neither.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from dealcli.core.model import Deal
from dealcli.core.table import Report, Share, Table
from dealcli.core.totals import totals
from dealcli.views import allocations as allocations_view
from dealcli.views import companies as companies_view
from dealcli.views import compare, kinds, show
from dealcli.views import flows as flows_view
from dealcli.views import search as search_view
from dealcli.views import timeline as timeline_view

from .conftest import invoke


def rows(table: Table, *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(r[k] for k in keys) for r in table.records()]


def test_totals(mini: Deal) -> None:
    t = totals(mini)
    assert (t.headline, t.selected, t.candidates, t.unselected) == (D(100), D(40), D(90), D(60))
    table = show.totals_table(mini)
    assert rows(table, "measure", "usd_bn", "share_pct", "allocations", "unsized") == [
        ("pledged", D(100), D(100), None, None),
        ("selected", D(40), D("40.00"), 3, 0),
        ("unselected", D(60), D("60.00"), None, None),
        ("candidates", D(90), D("90.00"), 4, 1),
    ]


def test_sectors_merge_labels_that_differ_in_case(mini: Deal) -> None:
    table = show.sectors(mini)
    got = rows(table, "sector", "candidate_usd_bn", "selected_usd_bn", "allocations")
    # counts are of allocations in the totals: not the cancelled a6, nor p1 inside env1
    assert got == [
        ("Chips", D(0), D(25), 2),
        ("Other", D(0), D(10), 1),
        ("Ships", D(40), D(5), 2),
        ("Energy", D(50), D(0), 2),
    ]


def test_allocations_by_country(mini: Deal) -> None:
    table = allocations_view.allocations_by(mini, "country").tables[0]
    got = rows(table, "row", "country", "candidate_usd_bn", "selected_usd_bn")
    assert got == [
        ("group", "JP", D(10), D(25)),
        ("group", "(no lead named)", D(40), D(10)),
        ("group", "GB", D(0), D(5)),
        ("group", "US", D(40), D(0)),
        ("remainder", "(pledged, not named as candidate)", D(10), None),
        ("remainder", "(unselected)", None, D(60)),
    ]


def test_allocations_with_a_status_and_top(mini: Deal) -> None:
    table = allocations_view.allocations_by(mini, "sector", status="selected", top=1).tables[0]
    got = rows(
        table, "row", "sector", "selected_usd_bn", "selected_share_pct", "selected_of_total_pct"
    )
    # shares are exact (25/30 = 83.333...%); rounded here to the two decimals files carry
    got = [tuple(v.quantize(D("0.01")) if isinstance(v, Share) else v for v in r) for r in got]
    assert got == [
        ("group", "Chips", D(25), D("25.00"), D("83.33")),
        ("group", "(other: 1 groups)", D(5), D("5.00"), D("16.67")),
        ("remainder", "(pledged, not named as selected)", D(70), D("70.00"), None),
    ]


def test_companies_amount_led_split_among_leads(mini: Deal) -> None:
    table = companies_view.companies([mini]).tables[0]
    got = rows(table, "company", "role", "candidate_usd_bn", "selected_usd_bn")
    assert ("Acme Power", "lead", D(40), D(0)) in got
    assert ("Nippon Co", "lead", D(25), D(25)) in got  # a2 half (10) + p1 (15); a3 25
    assert ("Third Ltd", "lead", D(0), D(5)) in got
    assert ("Partner KK", "partner", D(0), D(0)) in got  # a partner leads nothing: 0, not null


def test_companies_filters(mini: Deal, japan: Deal) -> None:
    table = companies_view.companies([mini, japan], country="jp", role="lead").tables[0]
    assert {r["country"] for r in table.records()} == {"JP"}
    assert {r["role"] for r in table.records()} == {"lead"}
    both = [
        r
        for r in companies_view.companies([mini, japan]).tables[0].records()
        if r["deals"] == "mini, japan"
    ]
    assert both == []  # no company is in both; the next test shows one that is


def test_a_company_in_two_deals_shows_both(mini: Deal) -> None:
    from dataclasses import replace

    other = replace(mini, id="mini-two")
    table = companies_view.companies([mini, other]).tables[0]
    acme = next(r for r in table.records() if r["company"] == "Acme Power")
    assert acme["deals"] == "mini, mini-two"
    assert acme["candidate_usd_bn"] == D(80)


def test_flows(mini: Deal) -> None:
    report = flows_view.flows(mini)
    origins = rows(report.table("origins"), "origin", "candidate_usd_bn", "selected_usd_bn")
    assert origins == [
        ("investor-led", D(10), D(25)),
        ("host-led", D(40), D(0)),
        ("third country", D(0), D(5)),
        ("unattributed", D(40), D(10)),
    ]


def test_timeline_merges_and_filters(mini: Deal, japan: Deal) -> None:
    from datetime import date

    table = timeline_view.timeline(
        [mini, japan], since=date(2025, 7, 1), until=date(2025, 7, 31)
    ).tables[0]
    got = rows(table, "date", "deal")
    assert got == [
        (date(2025, 7, 1), "mini"),
        (date(2025, 7, 22), "japan"),
        (date(2025, 7, 23), "japan"),
    ]


def test_timeline_of_several_deals_says_whose_source_numbers(japan: Deal, korea: Deal) -> None:
    note = "source numbers refer to each deal's own list (`deal sources DEAL`)"
    assert note in timeline_view.timeline([japan, korea]).tables[0].notes
    assert note not in timeline_view.timeline([japan]).tables[0].notes


def test_timeline_same_day_events_by_deal_then_as_written(japan: Deal, korea: Deal) -> None:
    from datetime import date

    day = date(2026, 2, 20)  # the Supreme Court ruling: an event in both deals
    table = timeline_view.timeline([korea, japan], since=day, until=day).tables[0]
    assert rows(table, "deal") == [("japan",), ("south-korea",)]  # by deal id, whatever the order
    # 28 Oct 2025, two Japanese events: in the file's order (the summit first), not by title
    day = date(2025, 10, 28)
    table = timeline_view.timeline([japan], since=day, until=day).tables[0]
    titles = [r["event"] for r in table.records()]
    assert titles == [e.title for e in japan.timeline if e.date == day]
    assert titles[0].startswith("Trump-Takaichi summit") and len(titles) == 2


def test_search(mini: Deal, korea: Deal) -> None:
    table = search_view.search([mini, korea], "HANWHA").tables[0]
    kinds = {(r["deal"], r["kind"]) for r in table.records()}
    assert kinds == {
        ("south-korea", "allocation"),
        ("south-korea", "company"),
        ("south-korea", "event"),
    }
    assert search_view.search([mini], "zzz").tables[0].rows == []


def test_compare_lines_up_terms_and_gdp(mini: Deal, japan: Deal) -> None:
    report = compare.compare([mini, japan])
    gdp = {r["deal"]: r for r in report.table("gdp").records()}
    assert gdp["mini"]["pledged_gdp_pct"] == D("10.00")
    horizon = {r["deal"]: r for r in report.table("horizon").records()}
    assert horizon["mini"]["years"] == D("4.00")  # 2025-01-01 to 2029-01-01: 1461 days
    assert horizon["mini"]["per_year_usd_bn"] == D("25.00")  # 100 x 365.25 / 1461
    assert horizon["mini"]["cap_usd_bn"] == D(10)
    assert horizon["japan"]["cap_usd_bn"] is None
    terms = {(r["term"], r["deal"]): r for r in report.table("terms").records()}
    assert terms[("tariff-rate", "mini")]["pct"] == D(15)
    assert terms[("tariff-rate", "japan")]["pct"] == D(15)


def test_compare_gdp_blank_with_a_note(mini: Deal) -> None:
    from dataclasses import replace

    no_gdp = replace(
        mini, id="nogdp", investor=replace(mini.investor, gdp_usd_bn=None, gdp_year=None)
    )
    table = compare.compare([mini, no_gdp]).table("gdp")
    row = next(r for r in table.records() if r["deal"] == "nogdp")
    assert row["pledged_gdp_pct"] is None
    assert "nogdp gives no investor GDP: its GDP share is blank" in table.notes


def test_compare_needs_two_deals() -> None:
    r = invoke("compare", "japan")
    assert r.exit_code == 2
    assert "two or more" in r.stderr


# -- invariants on every deal ------------------------------------------------


def all_deals(mini: Deal, japan: Deal, korea: Deal) -> list[Any]:
    return [mini, japan, korea]


@pytest.mark.parametrize("by", allocations_view.GROUPINGS)
def test_every_grouping_sums_to_the_same_totals(
    mini: Deal, japan: Deal, korea: Deal, by: str
) -> None:
    for deal in (mini, japan, korea):
        t = totals(deal)
        table = allocations_view.allocations_by(deal, by).tables[0]
        groups = [r for r in table.records() if r["row"] == "group"]
        assert sum((r["candidate_usd_bn"] for r in groups), D(0)) == t.candidates
        assert sum((r["selected_usd_bn"] for r in groups), D(0)) == t.selected


def test_flows_add_up_to_the_allocated_totals(mini: Deal, japan: Deal, korea: Deal) -> None:
    for deal in (mini, japan, korea):
        t = totals(deal)
        origins = flows_view.flows(deal).table("origins").records()
        assert sum((r["candidate_usd_bn"] for r in origins), D(0)) == t.candidates
        assert sum((r["selected_usd_bn"] for r in origins), D(0)) == t.selected


def test_comparing_a_deal_with_itself_gives_equal_columns(japan: Deal, korea: Deal) -> None:
    for deal in (japan, korea):
        report: Report = compare.compare([deal, deal])
        for table in report.tables:
            at = [c.key for c in table.columns].index("deal")
            rows = {r[at]: r for r in table.rows if r[at] != kinds.ALL}  # kinds' total row
            firsts = [r for r in table.rows if r[at] == deal.id]
            seconds = [r for r in table.rows if r[at] == f"{deal.id}-2"]
            assert len(firsts) == len(seconds) and set(rows) <= {deal.id, f"{deal.id}-2"}
            for a, b in zip(firsts, seconds, strict=True):
                assert a[:at] + a[at + 1 :] == b[:at] + b[at + 1 :]


def test_show_sections_and_unknown_section(japan: Deal) -> None:
    assert [t.name for t in show.show(japan).tables] == list(show.SECTIONS)
    r = invoke("show", "japan", "-s", "zzz")  # near no section name
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0].endswith(", not 'zzz'")
    assert r.stderr.startswith("deal: error: --section / -s takes totals, top-sectors,")


def test_lapsed_terms_are_shown_as_lapsed(mini: Deal) -> None:
    from datetime import date

    table = show.terms(mini, today=date(2026, 11, 25))
    assert rows(table, "term", "state") == [("tariff-rate", "lapsed"), ("annual-cap", "")]
    table = show.terms(mini, today=date(2026, 1, 1))
    assert rows(table, "term", "state")[0] == ("tariff-rate", "in force")


def test_grouped_rows_carry_the_sources_behind_them(mini: Deal) -> None:
    table = allocations_view.allocations_by(mini, "sector").tables[0]
    chips = next(r for r in table.records() if r["sector"] == "Chips")
    assert chips["sources"] == (2,)  # a3 and a4 both cite src-b, source number 2
    energy = next(r for r in table.records() if r["sector"] == "Energy")
    assert energy["sources"] == (1,)
    found = search_view.search([mini], "yard").tables[0].records()
    assert [(r["id"], r["sources"]) for r in found] == [("p1", (1,)), ("p2", (2,))]
