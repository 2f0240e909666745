"""Every number a view prints, worked out by hand on tests/fixtures/figures.yaml.

The fixture (headline 80), as the totals count it:

    id       sector    status     usd_bn  basis      tranche  instrument  leads (home)
    e1       Energy    candidate  24      up_to      cash     equity      Alpha Corp (US), Beta KK (JP)
    e2       energy    selected   6       estimate   -        loan        Beta KK (JP)
    e3       Energy    candidate  -       -          -        -           -
    m1       Minerals  funded     10      committed  cash     -           Delta Ltd (GB)
    m2       Minerals  operating  -       -          -        -           Golf Inc (US)
    env      Ships     candidate  20      target     guar     guarantee   -
    env-p1   Ships     candidate  (8: inside env, same status, env sized: not counted)
    env-p2   Ships     selected   3       reported   -        -           Beta KK (JP)
    unenv    Chips     candidate  -       -          -        -           -
    unenv-p  Chips     candidate  7       reported   -        -           Foxtrot Co (TW)
                                  (inside unenv, which has no figure: counted)
    tiny     Other     candidate  0.1     estimate   -        -           -
    x1       Chips     cancelled  5       (in no total)

    candidates 24 + 20 + 7 + 0.1 = 51.1 (6 counted, 2 unsized: e3, unenv)
    selected   6 + 3 + 10 = 19         (4 counted, 1 unsized: m2)

Shares are exact percentages of a whole (`table.Share`), rounded once, half to even, only
where they are shown: two places in files (csv, tsv, json, xlsx), one on screen. 0.1 / 80 is
exactly 0.125%: 0.12 in a file (half-up would give 0.13), 0.1% on screen. The tables below give
each share as a file writes it (`files`), and some exact values where rounding early would
change them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from dealcli.core.model import Deal
from dealcli.core.reading import read_deal
from dealcli.core.summary import Summary, summarize
from dealcli.core.table import MACHINE_PLACES, Share, Table, number, rounded
from dealcli.core.totals import (
    counted,
    group,
    group_key,
    sector_matrix,
    share,
    split,
    status_total,
    totals,
    years,
)
from dealcli.render.cells import human
from dealcli.views import allocations as allocations_view
from dealcli.views import chart, compare, show
from dealcli.views import companies as companies_view
from dealcli.views import flows as flows_view
from dealcli.views import listing as listing_view
from dealcli.views import search as search_view
from dealcli.views import timeline as timeline_view

from .conftest import BUNDLED, FIXTURES, invoke

Row = tuple[Any, ...]


def files(value: Any) -> Any:
    """A cell as csv and json carry it: a share rounded once, half to even, to two places."""
    return rounded(value, MACHINE_PLACES) if isinstance(value, Share) else value


def rows(table: Table, *keys: str, kind: str | None = None) -> list[Row]:
    """The cells of `keys`, shares as files write them; only rows marked `kind` if given."""
    assert_exact_shares(table)
    return [
        tuple(files(r[k]) for k in keys)
        for r in table.records()
        if kind is None or r["row"] == kind
    ]


def groups_only(table: Table, *keys: str) -> list[Row]:
    return rows(table, *keys, kind="group")


def remainders(table: Table, *keys: str) -> list[Row]:
    return rows(table, *keys, kind="remainder")


def assert_exact_shares(table: Table) -> None:
    """Every cell of a percentage column is an exact share (or empty): never a number that
    was rounded before it reached a renderer."""
    for c in table.columns:
        if c.kind == "pct":
            for r in table.records():
                assert r[c.key] is None or isinstance(r[c.key], Share), (c.key, r[c.key])


def cell(table: Table, key: str, **where: Any) -> Any:
    """The exact cell of `key` in the one row whose cells match `where`."""
    found = [r[key] for r in table.records() if all(r[k] == v for k, v in where.items())]
    assert len(found) == 1, (where, found)
    return found[0]


# -- the shared arithmetic -----------------------------------------------------------


def test_share_is_exact_and_rounds_once_half_to_even() -> None:
    # (part, whole, exact share, as files write it, as a screen shows it)
    for part, whole, exact, in_files, on_screen in (
        ("0.1", 80, "0.125", "0.12", "0.1%"),  # 0.1 * 100 / 80; half-up would give 0.13
        ("0.3", 80, "0.375", "0.38", "0.4%"),  # 0.375 -> 0.38 (8 is even); 0.4 from 0.375
        ("28.9", 80, "36.125", "36.12", "36.1%"),
        ("1.499", 1000, "0.1499", "0.15", "0.1%"),  # on screen from the exact 0.1499, not 0.15
        ("0.25", 100, "0.25", "0.25", "0.2%"),  # 0.25 -> 0.2 (2 is even)
        ("0.35", 100, "0.35", "0.35", "0.4%"),  # 0.35 -> 0.4 (4 is even)
        ("80", 80, "100", "100", "100.0%"),
        ("0", 80, "0", "0", "0.0%"),
    ):
        s = share(D(part), D(whole))
        assert isinstance(s, Share)
        assert s == D(exact), part
        assert (number(s), human(s, "pct")) == (in_files, on_screen), part
    third = share(D(1), D(3))  # 33.333...: exact to the 28 digits of a Decimal
    assert third is not None and abs(third - D(100) / 3) < D("1e-25")
    assert (number(third), human(third, "pct")) == ("33.33", "33.3%")
    two_thirds = share(D(2), D(3))
    assert two_thirds is not None and (number(two_thirds), human(two_thirds, "pct")) == (
        "66.67",
        "66.7%",
    )
    assert share(None, D(80)) is None
    assert share(D(1), None) is None
    assert share(D(1), D(0)) is None  # nothing to divide by


def test_years_of_the_period(figures: Deal) -> None:
    assert str(years(figures)) == "2.00"  # 2025-01-01 to 2027-01-01: 730 days / 365.25 = 1.9986
    assert years(replace(figures, period=None)) is None


def test_counted_leaves_out_parts_of_a_counted_envelope(figures: Deal) -> None:
    ids = [a.id for a in counted(figures, "candidate")]
    assert ids == ["e1", "e3", "env", "unenv", "unenv-p", "tiny"]  # not env-p1, inside env
    assert [a.id for a in counted(figures, "selected")] == ["e2", "env-p2"]  # env is a candidate
    assert [a.id for a in counted(figures, "funded")] == ["m1"]
    assert [a.id for a in counted(figures, "operating")] == ["m2"]
    assert [a.id for a in counted(figures, "cancelled")] == ["x1"]


def test_status_totals(figures: Deal) -> None:
    assert status_total(figures, "candidate") == D("51.1")  # 24 + 20 + 7 + 0.1
    assert status_total(figures, "selected") == D(9)  # 6 + 3
    assert status_total(figures, "funded") == D(10)
    assert status_total(figures, "operating") == D(0)  # m2 has no figure
    assert status_total(figures, "cancelled") == D(5)


def test_totals(figures: Deal) -> None:
    t = totals(figures)
    assert (t.headline, t.selected, t.candidates, t.unselected) == (
        D(80),
        D(19),  # 9 selected + 10 funded + 0 operating
        D("51.1"),
        D(61),  # 80 - 19
    )
    assert t.by_status == {
        "candidate": D("51.1"),
        "funded": D(10),
        "operating": D(0),
        "selected": D(9),
        "cancelled": D(5),
    }


def test_unselected_is_never_negative(figures: Deal) -> None:
    small = replace(figures, headline=replace(figures.headline, usd_bn=D(15)))
    assert totals(small).unselected == D(0)  # 15 - 19 < 0: nothing is left, not -4
    exact = replace(figures, headline=replace(figures.headline, usd_bn=D(19)))
    assert totals(exact).unselected == D(0)


def test_split_shares_an_amount_evenly_among_leads(figures: Deal) -> None:
    e1 = next(a for a in figures.allocations if a.id == "e1")
    assert split(e1, "company") == [("Alpha Corp", D(12)), ("Beta KK", D(12))]  # 24 / 2
    assert split(e1, "country") == [("US", D(12)), ("JP", D(12))]  # the partner takes no share
    assert split(e1, "sector") == [("Energy", D(24))]
    e3 = next(a for a in figures.allocations if a.id == "e3")
    assert split(e3, "company") == [("(no lead named)", None)]
    assert split(e3, "subsector") == [("(none)", None)]
    assert split(e3, "basis") == [("(unsized)", None)]
    assert split(e3, "tranche") == [("(none)", None)]
    assert split(e3, "instrument") == [("(none)", None)]
    m2 = next(a for a in figures.allocations if a.id == "m2")
    assert split(m2, "company") == [("Golf Inc", None)]  # a lead, but no figure to share


def test_group_keys_ignore_case_and_spacing() -> None:
    assert group_key("  AI   infrastructure ") == group_key("ai infrastructure")
    assert group_key("Energy") != group_key("Energies")


def test_group_counts_and_unsized_per_group(figures: Deal) -> None:
    g = group(figures, "sector", ["candidate", "selected"])
    got = {
        k: (v.label, v.amount("candidate"), v.amount("selected"), v.count, v.unsized)
        for k, v in g.items()
    }
    assert got == {
        "energy": ("Energy", D(24), D(6), 3, 1),  # e1, e3 (unsized), e2
        "minerals": ("Minerals", D(0), D(10), 2, 1),  # m1, m2 (unsized)
        "ships": ("Ships", D(20), D(3), 2, 0),  # env, env-p2
        "chips": ("Chips", D(7), D(0), 2, 1),  # unenv (unsized), unenv-p
        "other": ("Other", D("0.1"), D(0), 1, 0),  # tiny
    }
    assert g["energy"].sources == {"s1", "s2", "s3"}
    assert g["chips"].sources == {"s1", "s3"}


def test_group_with_a_sector_filter(figures: Deal) -> None:
    g = group(figures, "company", ["candidate", "selected"], sector="SHIPS")
    got = {k: (v.amount("candidate"), v.amount("selected"), v.count) for k, v in g.items()}
    assert got == {"(no lead named)": (D(20), D(0), 1), "beta kk": (D(0), D(3), 1)}


def test_sector_matrix_of_two_deals(figures: Deal, mini: Deal) -> None:
    # mini: Energy 50 cand (30 + 20); Chips 25 comm (a3); Ships 40 cand (env1), 5 comm (p2);
    # Other 10 comm (a5)
    assert sector_matrix([figures, mini]) == [
        ("Chips", "candidate", [D(7), D(0)]),
        ("Chips", "selected", [D(0), D(25)]),
        ("Energy", "candidate", [D(24), D(50)]),
        ("Energy", "selected", [D(6), D(0)]),
        ("Minerals", "selected", [D(10), D(0)]),  # no candidate row: 0 in both
        ("Other", "candidate", [D("0.1"), D(0)]),
        ("Other", "selected", [D(0), D(10)]),
        ("Ships", "candidate", [D(20), D(40)]),
        ("Ships", "selected", [D(3), D(5)]),
    ]


def test_summary_round_trips_through_a_row(figures: Deal) -> None:
    s = summarize(figures)
    assert (s.id, s.headline, s.selected, s.candidates, s.investor, s.host, s.status) == (
        "figures",
        D(80),
        D(19),
        D("51.1"),
        "JP",
        "US",
        "framework",
    )
    assert s.updated == date(2026, 2, 1)
    assert Summary.from_row(s.row()) == s


# -- deal show -----------------------------------------------------------------------


def test_totals_table(figures: Deal) -> None:
    table = show.totals_table(figures)
    assert rows(table, "measure", "usd_bn", "share_pct", "allocations", "unsized") == [
        ("pledged", D(80), D(100), None, None),
        ("selected", D(19), D("23.75"), 4, 1),  # 19 / 80; e2, env-p2, m1, m2 (unsized)
        ("unselected", D(61), D("76.25"), None, None),  # 61 / 80
        ("candidates", D("51.1"), D("63.88"), 6, 2),  # 63.875 -> 63.88; e3 and unenv unsized
    ]
    assert cell(table, "share_pct", measure="candidates") == D("63.875")  # exact until shown
    assert cell(table, "share_pct", measure="pledged") == D(100)
    # items by their best source (official s1; press s2 news, s3 analysis): headline s1;
    # tranches cash s1, guar s2; allocations e1 m1 unenv x1 official, 8 others press;
    # commitments buy-planes official, 3 press; terms tariff official, 2 press; events 1 + 1.
    # official 1 + 1 + 4 + 1 + 1 + 1 = 9, press 0 + 1 + 8 + 3 + 2 + 1 = 15; format 1: confirmed
    assert table.notes == [
        "projects inside an envelope are counted once, through the envelope",
        "24 items rest on: 9 official, 0 company, 15 press, 0 aggregator sources "
        "(best source of each); 0 not confirmed",
    ]


def test_totals_table_notes_candidates_beyond_the_headline(figures: Deal) -> None:
    small = replace(figures, headline=replace(figures.headline, usd_bn=D(50)))
    table = show.totals_table(small)
    assert table.notes[0] == (
        "candidate amounts add up to 102.2% of the pledged amount: "  # 51.1 / 50, one decimal
        "they are ceilings and expressions of interest, not money allocated"
    )
    at_head = replace(figures, headline=replace(figures.headline, usd_bn=D("51.1")))
    assert not any("candidate amounts" in n for n in show.totals_table(at_head).notes)


def test_sectors_table(figures: Deal) -> None:
    table = show.sectors(figures)
    got = rows(
        table,
        "sector",
        "candidate_usd_bn",
        "candidate_share_pct",
        "selected_usd_bn",
        "selected_share_pct",
        "allocations",
        "unsized",
    )
    # selected first (10, 6, 3, 0, 0), then candidates (7 before 0.1)
    assert got == [
        ("Minerals", D(0), D("0.00"), D(10), D("12.50"), 2, 1),
        ("Energy", D(24), D("30.00"), D(6), D("7.50"), 3, 1),
        ("Ships", D(20), D("25.00"), D(3), D("3.75"), 2, 0),
        ("Chips", D(7), D("8.75"), D(0), D("0.00"), 2, 1),
        ("Other", D("0.1"), D("0.12"), D(0), D("0.00"), 1, 0),  # 0.125 -> 0.12
    ]
    assert cell(table, "candidate_share_pct", sector="Other") == D("0.125")


def test_structure_table(figures: Deal) -> None:
    table = show.structure(figures)
    assert rows(table, "tranche", "instrument", "usd_bn", "share_pct", "basis", "sources") == [
        ("cash", "cash", D(50), D("62.50"), "committed", (1,)),  # 50 / 80
        ("guar", "guarantee", D(30), D("37.50"), "target", (2,)),  # 30 / 80
    ]
    assert table.notes == []  # 50 + 30 = 80: no note
    short = replace(figures, structure=figures.structure[:1])
    assert show.structure(short).notes == ["tranches add up to 50, not the pledged 80"]


def test_allocations_table(figures: Deal) -> None:
    table = show.allocations(figures)
    got = rows(table, "id", "title", "usd_bn", "share_pct", "lead", "part_of", "sources")
    assert got == [
        ("e1", "Gas plant", D(24), D("30.00"), "Alpha Corp (US), Beta KK (JP)", None, (1,)),
        ("e2", "Grid line", D(6), D("7.50"), "Beta KK (JP)", None, (2,)),
        ("e3", "Unsized energy idea", None, None, "", None, (3,)),
        ("m1", "Lithium mine", D(10), D("12.50"), "Delta Ltd (GB)", None, (1, 2)),
        ("m2", "Refinery", None, None, "Golf Inc (US)", None, (3,)),
        ("env", "Shipyards envelope", D(20), D("25.00"), "", None, (2,)),
        ("env-p1", "  - Yard one", D(8), D("10.00"), "Echo LLC (US)", "env", (2,)),
        ("env-p2", "  - Yard two", D(3), D("3.75"), "Beta KK (JP)", "env", (3,)),
        ("unenv", "Chips envelope without a figure", None, None, "", None, (1,)),
        ("unenv-p", "  - Chip plant", D(7), D("8.75"), "Foxtrot Co (TW)", "unenv", (3,)),
        ("tiny", "Small fund", D("0.1"), D("0.12"), "", None, (2,)),  # 0.125 -> 0.12
        ("x1", "Dropped plan", D(5), D("6.25"), "Hotel AG (DE)", None, (1,)),
    ]
    assert cell(table, "share_pct", id="tiny") == D("0.125")


def test_allocations_table_puts_parts_after_their_envelope(figures: Deal) -> None:
    # move the part before its envelope in the file: it is still listed right after it
    by_id = {a.id: a for a in figures.allocations}
    order = ["env-p2", "e1", "env", "env-p1"]
    moved = replace(figures, allocations=tuple(by_id[i] for i in order))
    assert [r["id"] for r in show.allocations(moved).records()] == ["e1", "env", "env-p2", "env-p1"]


def test_companies_section(figures: Deal) -> None:
    table = show.companies(figures)
    got = rows(table, "company", "country", "role", "candidate_usd_bn", "selected_usd_bn")
    # every project a company leads is listed, cancelled ones and parts of envelopes included,
    # but the money is counted as the totals count it, so that the column sums are the totals
    # (candidates 51.1, selected 19) with the row of the projects that name no lead
    assert got == [
        ("Delta Ltd", "GB", "lead", D(0), D(10)),  # m1
        ("Beta KK", "JP", "lead", D(12), D(9)),  # half of e1 (24 / 2); e2 6 + env-p2 3
        ("Alpha Corp", "US", "lead", D(12), D(0)),  # half of e1
        ("Foxtrot Co", "TW", "lead", D(7), D(0)),  # unenv-p (its envelope has no figure)
        ("Charlie Co", "KR", "partner", D(0), D(0)),  # a partner leads nothing
        ("Echo LLC", "US", "lead", D(0), D(0)),  # env-p1 counts through the envelope env
        ("Golf Inc", "US", "lead", D(0), D(0)),  # m2 has no figure
        ("Hotel AG", "DE", "lead", D(0), D(0)),  # x1 is cancelled
        ("(no lead named)", "", "", D("20.1"), D(0)),  # env 20 + tiny 0.1
    ]
    assert sum(r[3] for r in got) == D("51.1") and sum(r[4] for r in got) == D(19)
    beta = next(r for r in table.records() if r["company"] == "Beta KK")
    assert beta["project_titles"] == "Gas plant; Grid line; Yard two"
    assert beta["sources"] == (1, 2, 3)
    assert "a project with several leads is split evenly among them" in table.notes


def test_the_split_note_only_where_a_project_has_several_leads() -> None:
    # marked.yaml: every allocation has one lead or none, so there is nothing split to explain
    marked = read_deal(FIXTURES / "marked.yaml")
    assert all(len(a.leads) <= 1 for a in marked.allocations)
    notes = show.show(marked, ["companies"]).tables[0].notes
    assert "a project with several leads is split evenly among them" not in notes
    assert notes[0] == "amounts are those of the projects a company leads; a partner leads none (0)"


def test_terms_commitments_timeline_and_sources_sections(figures: Deal) -> None:
    terms = show.terms(figures, today=date(2026, 3, 1))
    assert rows(terms, "term", "pct", "usd_bn", "state") == [
        ("tariff-rate", D("12.5"), None, "lapsed"),  # ended 2026-02-20
        ("annual-cap", None, D(16), ""),
        ("local-content", D(40), None, ""),
    ]
    assert rows(show.terms(figures, today=date(2026, 2, 20)), "state")[0] == ("in force",)
    pledges = show.commitments(figures)
    assert rows(pledges, "area", "party", "commitment", "usd_bn") == [
        ("energy", "Japan", "buy-gas", D("2.5")),
        ("energy", "Japan", "buy-coal", None),
        ("other", "United States", "host-desk", None),
        ("purchases", "Japan", "buy-planes", D(12)),
    ]
    assert rows(show.timeline(figures), "date", "sources") == [
        (date(2025, 7, 1), (1,)),
        (date(2026, 1, 20), (2, 3)),
    ]
    assert rows(show.sources(figures), "number", "id") == [(1, "s1"), (2, "s2"), (3, "s3")]


def test_overview(figures: Deal) -> None:
    got = dict(rows(show.overview(figures), "field", "value"))
    assert got["pledged"] == "USD 80 bn (basis: a commitment)"
    assert got["investor"] == "Japan (JP); GDP USD 400 bn in 2025"
    assert got["host"] == "United States (US)"
    assert got["period"] == "2025-01-01 to 2027-01-01"
    assert show.caption(figures) == (
        "Japan → United States · USD 80 bn pledged (basis: a commitment) · framework · "
        "updated 2026-02-01"
    )
    assert show.caption(figures, "JPY") == (
        "Japan → United States · USD 80 bn pledged (basis: a commitment) · framework · "
        "updated 2026-02-01"
        " · amounts in JPY as announced"
    )


# -- deal allocations, every grouping ------------------------------------------------

MEASURES = (
    "candidate_usd_bn",
    "candidate_share_pct",
    "candidate_of_total_pct",
    "selected_usd_bn",
    "selected_share_pct",
    "selected_of_total_pct",
    "allocations",
    "unsized",
)


def test_allocations_by_sector(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector").tables[0]
    # % of pledged: x / 80; % of total: candidates x / 51.1, selected x / 19
    assert groups_only(table, "sector", *MEASURES) == [
        ("Minerals", D(0), D("0.00"), D("0.00"), D(10), D("12.50"), D("52.63"), 2, 1),
        ("Energy", D(24), D("30.00"), D("46.97"), D(6), D("7.50"), D("31.58"), 3, 1),
        ("Ships", D(20), D("25.00"), D("39.14"), D(3), D("3.75"), D("15.79"), 2, 0),
        ("Chips", D(7), D("8.75"), D("13.70"), D(0), D("0.00"), D("0.00"), 2, 1),
        ("Other", D("0.1"), D("0.12"), D("0.20"), D(0), D("0.00"), D("0.00"), 1, 0),
    ]
    # exact: 0.1 / 80 = 0.125%; 10 / 19 = 52.631578...% (to 28 digits)
    assert cell(table, "candidate_share_pct", sector="Other") == D("0.125")
    assert abs(cell(table, "selected_of_total_pct", sector="Minerals") - D(1000) / 19) < D("1e-25")
    energy = next(r for r in table.records() if r["sector"] == "Energy")
    assert energy["sources"] == (1, 2, 3)


def test_allocations_rows_marked_only_when_asked(figures: Deal) -> None:
    # called directly, the view adds the remainder rows (and a `row` column) by default
    table = allocations_view.allocations_by(figures, "sector").tables[0]
    assert [c.key for c in table.columns][:2] == ["row", "sector"]
    assert [r["row"] for r in table.records()] == ["group"] * 5 + ["remainder"] * 2
    # as `deal allocations` asks for it without --totals: groups only, no `row` column
    bare = allocations_view.allocations_by(figures, "sector", remainders=False).tables[0]
    assert bare.columns[0].key == "sector"
    assert [r["sector"] for r in bare.records()] == [
        "Minerals",
        "Energy",
        "Ships",
        "Chips",
        "Other",
    ]
    # the groups sum to the deal's totals: candidates 51.1, selected 19
    assert sum(r["candidate_usd_bn"] for r in bare.records()) == D("51.1")
    assert sum(r["selected_usd_bn"] for r in bare.records()) == D(19)
    # --totals: a total row after the groups, then the remainders
    full = allocations_view.allocations_by(figures, "sector", total=True).tables[0]
    assert [r["row"] for r in full.records()] == ["group"] * 5 + ["total"] + ["remainder"] * 2
    assert rows(full, "sector", *MEASURES, "sources", kind="total") == [
        # 51.1 / 80 = 63.875% -> 63.88; 19 / 80 = 23.75%; each total is 100% of itself;
        # allocations 2 + 3 + 2 + 2 + 1 = 10, unsized 1 + 1 + 0 + 1 + 0 = 3
        ("(total)", D("51.1"), D("63.88"), D(100), D(19), D("23.75"), D(100), 10, 3, (1, 2, 3)),
    ]


def test_allocations_remainders(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector").tables[0]
    keys = ("sector", "candidate_usd_bn", "candidate_share_pct", "selected_usd_bn")
    assert remainders(table, *keys, "selected_share_pct", "allocations", "unsized") == [
        # 80 - 51.1 = 28.9, 28.9 / 80 = 36.125% -> 36.12
        ("(pledged, not named as candidate)", D("28.9"), D("36.12"), None, None, None, None),
        ("(unselected)", None, None, D(61), D("76.25"), None, None),  # 80 - 19
    ]
    # candidates above the headline: the excess is shown instead
    small = replace(figures, headline=replace(figures.headline, usd_bn=D(50)))
    table = allocations_view.allocations_by(small, "sector").tables[0]
    assert remainders(table, "sector", "candidate_usd_bn", "candidate_share_pct") == [
        ("(candidate beyond pledged)", D("1.1"), D("2.20")),  # 51.1 - 50; 1.1 / 50
        ("(unselected)", None, None),
    ]
    assert remainders(table, "selected_usd_bn", "selected_share_pct")[1] == (D(31), D("62.00"))
    # selected above the headline: nothing is unselected
    tiny = replace(figures, headline=replace(figures.headline, usd_bn=D(10)))
    table = allocations_view.allocations_by(tiny, "sector").tables[0]
    assert remainders(table, "selected_usd_bn")[1] == (D(0),)


def test_allocations_by_company(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "company").tables[0]
    # e1's 24 is split: Alpha Corp 12, Beta KK 12; unattributed: env 20 + tiny 0.1 (+ e3, unenv)
    assert groups_only(table, "company", *MEASURES) == [
        ("Delta Ltd", D(0), D("0.00"), D("0.00"), D(10), D("12.50"), D("52.63"), 1, 0),
        ("Beta KK", D(12), D("15.00"), D("23.48"), D(9), D("11.25"), D("47.37"), 3, 0),
        ("(no lead named)", D("20.1"), D("25.12"), D("39.33"), D(0), D("0.00"), D("0.00"), 4, 2),
        ("Alpha Corp", D(12), D("15.00"), D("23.48"), D(0), D("0.00"), D("0.00"), 1, 0),
        ("Foxtrot Co", D(7), D("8.75"), D("13.70"), D(0), D("0.00"), D("0.00"), 1, 0),
        ("Golf Inc", D(0), D("0.00"), D("0.00"), D(0), D("0.00"), D("0.00"), 1, 1),
    ]
    assert table.notes[0] == "amounts of projects with several leads are split evenly among them"


def test_allocations_by_country(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "country").tables[0]
    # US: Alpha Corp's half of e1 (12) and Golf Inc's unsized m2
    assert groups_only(table, "country", *MEASURES) == [
        ("GB", D(0), D("0.00"), D("0.00"), D(10), D("12.50"), D("52.63"), 1, 0),
        ("JP", D(12), D("15.00"), D("23.48"), D(9), D("11.25"), D("47.37"), 3, 0),
        ("(no lead named)", D("20.1"), D("25.12"), D("39.33"), D(0), D("0.00"), D("0.00"), 4, 2),
        ("US", D(12), D("15.00"), D("23.48"), D(0), D("0.00"), D("0.00"), 2, 1),
        ("TW", D(7), D("8.75"), D("13.70"), D(0), D("0.00"), D("0.00"), 1, 0),
    ]


def test_allocations_by_status(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "status").tables[0]
    assert groups_only(
        table, "status", "candidate_usd_bn", "selected_usd_bn", "allocations", "unsized"
    ) == [
        ("funded", D(0), D(10), 1, 0),
        ("selected", D(0), D(9), 2, 0),  # e2 6 + env-p2 3
        ("candidate", D("51.1"), D(0), 6, 2),
        ("operating", D(0), D(0), 1, 1),
    ]


def test_allocations_by_basis(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "basis").tables[0]
    assert groups_only(
        table, "basis", "candidate_usd_bn", "selected_usd_bn", "allocations", "unsized"
    ) == [
        ("committed", D(0), D(10), 1, 0),  # m1
        ("estimate", D("0.1"), D(6), 2, 0),  # tiny; e2
        ("reported", D(7), D(3), 2, 0),  # unenv-p; env-p2
        ("up_to", D(24), D(0), 1, 0),  # e1
        ("target", D(20), D(0), 1, 0),  # env
        ("(unsized)", D(0), D(0), 3, 3),  # e3, unenv; m2
    ]


def test_allocations_by_tranche(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "tranche").tables[0]
    assert groups_only(
        table, "tranche", "candidate_usd_bn", "selected_usd_bn", "allocations", "unsized"
    ) == [
        ("cash", D(24), D(10), 2, 0),  # e1; m1
        ("(none)", D("7.1"), D(9), 7, 3),  # e3, unenv, unenv-p 7, tiny 0.1; e2 6, env-p2 3, m2
        ("guar", D(20), D(0), 1, 0),  # env
    ]


def test_allocations_by_instrument(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "instrument").tables[0]
    assert groups_only(
        table, "instrument", "candidate_usd_bn", "selected_usd_bn", "allocations", "unsized"
    ) == [
        ("(none)", D("7.1"), D(13), 7, 3),  # e3, unenv, unenv-p 7, tiny 0.1; env-p2 3, m1 10, m2
        ("loan", D(0), D(6), 1, 0),  # e2
        ("equity", D(24), D(0), 1, 0),  # e1
        ("guarantee", D(20), D(0), 1, 0),  # env
    ]


def test_allocations_by_subsector(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "subsector").tables[0]
    assert groups_only(
        table, "subsector", "candidate_usd_bn", "selected_usd_bn", "allocations", "unsized"
    ) == [
        ("(none)", D("27.1"), D(13), 8, 3),  # env 20, unenv-p 7, tiny 0.1, e3, unenv; 3 + 10, m2
        ("Grid", D(0), D(6), 1, 0),
        ("Gas", D(24), D(0), 1, 0),
    ]


def test_allocations_with_a_status(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector", status="selected").tables[0]
    keys = ("sector", "selected_usd_bn", "selected_share_pct", "selected_of_total_pct")
    assert groups_only(table, *keys, "allocations", "unsized") == [
        ("energy", D(6), D("7.50"), D("66.67"), 1, 0),  # label as written in e2; 6 / 9
        ("Ships", D(3), D("3.75"), D("33.33"), 1, 0),  # 3 / 9
    ]
    assert remainders(table, *keys) == [
        ("(pledged, not named as selected)", D(71), D("88.75"), None),  # 80 - 9
    ]
    assert table.title == "selected allocations by sector"
    assert [c.key for c in table.columns if "usd_bn" in c.key] == ["selected_usd_bn"]
    cancelled = allocations_view.allocations_by(figures, "sector", status="cancelled").tables[0]
    assert groups_only(cancelled, "sector", "cancelled_usd_bn", "allocations") == [
        ("Chips", D(5), 1)
    ]


def test_allocations_with_a_sector(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector", sector="ENERGY").tables[0]
    assert groups_only(table, "sector", *MEASURES) == [
        # the only group: its share of the filtered total is 100%
        ("Energy", D(24), D("30.00"), D("100.00"), D(6), D("7.50"), D("100.00"), 3, 1),
    ]
    assert table.title == "Allocations by sector (sector ENERGY)"
    by_company = allocations_view.allocations_by(figures, "company", sector="ships").tables[0]
    assert groups_only(
        by_company, "company", "candidate_usd_bn", "selected_usd_bn", "allocations"
    ) == [
        ("Beta KK", D(0), D(3), 1),  # env-p2
        ("(no lead named)", D(20), D(0), 1),  # env
    ]
    assert (
        groups_only(allocations_view.allocations_by(figures, sector="nothing").tables[0], "sector")
        == []
    )


def test_allocations_with_top(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector", top=2).tables[0]
    assert groups_only(table, "sector", *MEASURES) == [
        ("Minerals", D(0), D("0.00"), D("0.00"), D(10), D("12.50"), D("52.63"), 2, 1),
        ("Energy", D(24), D("30.00"), D("46.97"), D(6), D("7.50"), D("31.58"), 3, 1),
        # Ships + Chips + Other: 20 + 7 + 0.1 = 27.1 (33.875% -> 33.88; 27.1 / 51.1 = 53.03%);
        # selected 3; allocations 2 + 2 + 1; unsized 0 + 1 + 0
        ("(other: 3 groups)", D("27.1"), D("33.88"), D("53.03"), D(3), D("3.75"), D("15.79"), 5, 1),
    ]
    other = next(r for r in table.records() if r["sector"].startswith("(other"))
    assert other["sources"] == (1, 2, 3)  # Ships s2 s3, Chips s1 s3, Other s2
    # as many groups as there are: nothing to fold
    five = allocations_view.allocations_by(figures, "sector", top=5).tables[0]
    assert [r[0] for r in groups_only(five, "sector")] == [
        "Minerals",
        "Energy",
        "Ships",
        "Chips",
        "Other",
    ]


def test_allocations_sorted_by_name(figures: Deal) -> None:
    table = allocations_view.allocations_by(figures, "sector", sort="name").tables[0]
    assert [r[0] for r in groups_only(table, "sector")] == [
        "Chips",
        "Energy",
        "Minerals",
        "Other",
        "Ships",
    ]


def test_allocations_ranks_selected_before_candidates(figures: Deal) -> None:
    # Ships (20 candidate, 3 selected) after Energy (24, 6) though ahead of Chips (7, 0)
    table = allocations_view.allocations_by(figures, "sector").tables[0]
    order = [r[0] for r in groups_only(table, "sector")]
    assert order.index("Energy") < order.index("Ships") < order.index("Chips")


# -- flows, companies, chart, compare, list ------------------------------------------


def test_flows(figures: Deal) -> None:
    report = flows_view.flows(figures)
    # investor JP, host US; shares of the candidates (51.1) and selected (19) totals
    assert rows(
        report.table("origins"),
        "origin",
        "candidate_usd_bn",
        "candidate_of_total_pct",
        "selected_usd_bn",
        "selected_of_total_pct",
    ) == [
        ("investor-led", D(12), D("23.48"), D(9), D("47.37")),  # Beta KK: half of e1; e2 + env-p2
        ("host-led", D(12), D("23.48"), D(0), D("0.00")),  # Alpha Corp's half; Golf Inc unsized
        ("third country", D(7), D("13.70"), D(10), D("52.63")),  # TW 7; GB 10
        ("unattributed", D("20.1"), D("39.33"), D(0), D("0.00")),  # env 20 + tiny 0.1
    ]
    # 12 / 51.1 = 23.4833...%, 9 / 19 = 47.3684...%, 7 / 51.1 = 13.6986...%, 20.1 / 51.1 = 39.33
    assert report.table("origins").columns[0].key == "origin"  # no row column
    assert rows(
        report.table("flows"),
        "origin",
        "country",
        "candidate_usd_bn",
        "candidate_share_pct",
        "selected_usd_bn",
        "selected_share_pct",
        "allocations",
    ) == [
        ("investor-led", "JP", D(12), D("15.00"), D(9), D("11.25"), 3),
        ("host-led", "US", D(12), D("15.00"), D(0), D("0.00"), 2),
        ("third country", "GB", D(0), D("0.00"), D(10), D("12.50"), 1),
        ("third country", "TW", D(7), D("8.75"), D(0), D("0.00"), 1),
        ("unattributed", "(no lead named)", D("20.1"), D("25.12"), D(0), D("0.00"), 4),  # 25.125
    ]
    assert rows(
        report.table("sectors"), "sector", "origin", "candidate_usd_bn", "selected_usd_bn"
    ) == [
        ("Chips", "third country", D(7), D(0)),
        ("Chips", "unattributed", D(0), D(0)),
        ("Energy", "investor-led", D(12), D(6)),
        ("Energy", "host-led", D(12), D(0)),
        ("Energy", "unattributed", D(0), D(0)),
        ("Minerals", "host-led", D(0), D(0)),
        ("Minerals", "third country", D(0), D(10)),
        ("Other", "unattributed", D("0.1"), D(0)),
        ("Ships", "investor-led", D(0), D(3)),
        ("Ships", "unattributed", D(20), D(0)),
    ]
    assert cell(report.table("flows"), "candidate_share_pct", origin="unattributed") == D("25.125")


def test_flows_with_totals(figures: Deal) -> None:
    report = flows_view.flows(figures, True)
    origins = report.table("origins")
    assert rows(origins, "row", "origin", "candidate_of_total_pct", kind="group")[0] == (
        "group",
        "investor-led",
        D("23.48"),
    )
    assert rows(origins, "origin", "candidate_usd_bn", "candidate_of_total_pct", kind="total") == [
        ("(total)", D("51.1"), D(100))
    ]
    assert rows(origins, "selected_usd_bn", "selected_of_total_pct", kind="total") == [
        (D(19), D(100))
    ]
    keys = ("origin", "country", "candidate_usd_bn", "candidate_share_pct")
    countries = report.table("flows")
    # allocations: JP 3 + US 2 + GB 1 + TW 1 + unattributed 4 = 11 (e1 once per lead)
    assert rows(countries, *keys, "selected_usd_bn", "selected_share_pct", "allocations")[5:] == [
        ("(total)", None, D("51.1"), D("63.88"), D(19), D("23.75"), 11),  # 63.875 -> 63.88
        # 80 - 51.1 = 28.9: 36.125% -> 36.12; 80 - 19 = 61: 76.25%
        ("(pledged, not named as candidate)", None, D("28.9"), D("36.12"), None, None, None),
        ("(unselected)", None, None, None, D(61), D("76.25"), None),
    ]
    assert rows(report.table("sectors"), "sector", "origin", "candidate_usd_bn", kind="total") == [
        ("(total)", None, D("51.1"))
    ]


def test_origin_groups(figures: Deal) -> None:
    assert flows_view.origin_group("JP", figures) == "investor-led"
    assert flows_view.origin_group("US", figures) == "host-led"
    assert flows_view.origin_group("GB", figures) == "third country"
    assert flows_view.origin_group("(no lead named)", figures) == "unattributed"


def test_companies_command_counts_projects(figures: Deal) -> None:
    table = companies_view.companies([figures]).tables[0]
    got = rows(table, "company", "projects", "candidate_usd_bn", "selected_usd_bn", "sources")
    assert got[:3] == [
        ("Delta Ltd", 1, D(0), D(10), (1, 2)),
        ("Beta KK", 3, D(12), D(9), (1, 2, 3)),  # e1, e2, env-p2
        ("Alpha Corp", 1, D(12), D(0), (1,)),
    ]
    partners = companies_view.companies([figures], role="partner").tables[0]
    # a partner leads nothing: 0 led (the table's note says so), not an empty cell
    assert rows(partners, "company", "candidate_usd_bn", "selected_usd_bn") == [
        ("Charlie Co", D(0), D(0))
    ]
    us = companies_view.companies([figures], country="us").tables[0]
    assert [r[0] for r in rows(us, "company")] == ["Alpha Corp", "Echo LLC", "Golf Inc"]


def test_chart(figures: Deal) -> None:
    table = chart.chart(figures, "sector").tables[0]
    assert rows(table, "label", "measure", "usd_bn", "share_pct") == [
        ("pledged", "scale", D(80), D(100)),
        ("selected", "total", D(19), D("23.75")),
        ("unselected", "total", D(61), D("76.25")),
        ("candidates", "total", D("51.1"), D("63.88")),
        # the largest groups first (selected + candidate money: Energy 30, Ships 23,
        # Minerals 10, Chips 7, Other 0.1), each stage on its own bar, none for a zero
        ("Energy", "selected", D(6), D("7.50")),
        ("Energy", "candidate", D(24), D("30.00")),
        ("Ships", "selected", D(3), D("3.75")),
        ("Ships", "candidate", D(20), D("25.00")),
        ("Minerals", "selected", D(10), D("12.50")),
        ("Chips", "candidate", D(7), D("8.75")),
        ("Other", "candidate", D("0.1"), D("0.12")),
    ]
    assert cell(table, "share_pct", label="Other") == D("0.125")
    by_status = chart.chart(figures, "status").tables[0]
    # candidate 51.1, funded 10, selected 9 (6 + 3); operating has no figure: no bar
    assert rows(by_status, "label", "measure", "usd_bn")[4:] == [
        ("candidate", "candidate", D("51.1")),
        ("funded", "selected", D(10)),
        ("selected", "selected", D(9)),
    ]


def test_chart_compare(figures: Deal, mini: Deal) -> None:
    # one scale for every deal: the largest headline (mini's 100) is the full bar
    table = chart.chart_compare([figures, mini]).tables[0]
    assert rows(table, "deal", "measure", "usd_bn", "scale_pct") == [
        ("figures", "pledged", D(80), D(80)),  # 80 / 100
        ("figures", "selected", D(19), D(19)),
        ("figures", "candidates", D("51.1"), D("51.1")),
        ("mini", "pledged", D(100), D(100)),
        ("mini", "selected", D(40), D(40)),
        ("mini", "candidates", D(90), D(90)),
    ]
    sectors = chart.chart_compare([figures, mini], "sector").tables[0]
    got = rows(sectors, "label", "deal", "measure", "usd_bn", "share_pct")
    assert ("Chips", "figures", "candidate", D(7), D("8.75")) in got  # 7 / 80
    assert ("Chips", "mini", "selected", D(25), D("25.00")) in got  # 25 / 100


def test_compare_totals(figures: Deal, mini: Deal) -> None:
    report = compare.compare([figures, mini])
    got = {r["deal"]: r for r in report.table("totals").records()}
    # figures: headline 80, selected 19 (23.75%), candidates 51.1 (63.875%), unselected 61
    f, m = got["figures"], got["mini"]
    assert (f["pledged_usd_bn"], f["selected_usd_bn"], f["unselected_usd_bn"]) == (80, 19, 61)
    assert (files(f["selected_pct"]), files(f["candidates_pct"])) == (D("23.75"), D("63.88"))
    assert f["candidates_usd_bn"] == D("51.1")
    assert (f["projects"], f["companies"]) == (12, 8)  # every allocation, cancelled ones too
    # mini: headline 100, selected 40, candidates 90, unselected 60
    assert (m["selected_usd_bn"], m["candidates_usd_bn"], m["unselected_usd_bn"]) == (40, 90, 60)
    assert (m["projects"], m["companies"]) == (9, 4)
    horizon = {r["deal"]: r for r in report.table("horizon").records()}
    # figures: 2025-01-01 to 2027-01-01, 730 days: 1.9986 years, 80 x 365.25 / 730 = 40.03 a year
    assert files(horizon["figures"]["years"]) == D("2.00")
    assert files(horizon["figures"]["per_year_usd_bn"]) == D("40.03")
    assert horizon["figures"]["cap_usd_bn"] == D(16)
    # mini: 1461 days, 4.00 years; 100 x 365.25 / 1461 = 25.00 a year; cap 10
    assert files(horizon["mini"]["per_year_usd_bn"]) == D("25.00")
    assert horizon["mini"]["cap_usd_bn"] == D(10)
    gdp = {r["deal"]: r for r in report.table("gdp").records()}
    assert files(gdp["figures"]["pledged_gdp_pct"]) == D("20.00")  # 80 / 400
    assert files(gdp["mini"]["pledged_gdp_pct"]) == D("10.00")  # 100 / 1000
    structure = {r["deal"]: r for r in report.table("structure").records()}
    assert (structure["figures"]["cash_usd_bn"], structure["figures"]["guarantee_usd_bn"]) == (
        D(50),
        D(30),
    )
    assert (structure["mini"]["cash_usd_bn"], structure["mini"]["guarantee_usd_bn"]) == (
        D(60),
        D(40),
    )


def test_compare_terms_sectors_commitments(figures: Deal, mini: Deal) -> None:
    report = compare.compare([figures, mini])
    terms = [(r["term"], r["deal"], r["pct"], r["usd_bn"]) for r in report.table("terms").records()]
    assert terms == [
        ("tariff-rate", "figures", D("12.5"), None),
        ("tariff-rate", "mini", D(15), None),
        ("annual-cap", "figures", None, D(16)),
        ("annual-cap", "mini", None, D(10)),
        ("local-content", "figures", D(40), None),  # mini has no such term: no row
    ]
    sectors = rows(
        report.table("sectors"), "sector", "deal", "selected_usd_bn", "candidates_usd_bn"
    )
    assert sectors[:2] == [("Chips", "figures", D(0), D(7)), ("Chips", "mini", D(25), D(0))]
    assert rows(report.table("commitments"), "area", "deal", "count", "usd_bn_stated") == [
        ("energy", "figures", 2, D("2.5")),  # buy-coal states no amount
        ("energy", "mini", 1, D("3.5")),
        ("other", "figures", 1, None),  # no amounts stated
        ("other", "mini", 1, None),
        ("purchases", "figures", 1, D(12)),
        ("purchases", "mini", 1, D(12)),
    ]


def test_compare_only_some_parts_and_bad_parts(figures: Deal, mini: Deal) -> None:
    report = compare.compare([figures, mini], ["terms"])
    assert [t.name for t in report.tables] == ["terms"]
    with pytest.raises(Exception, match="bogus"):
        compare.compare([figures, mini], ["bogus"])


def test_listing(figures: Deal, mini: Deal) -> None:
    table = listing_view.listing(
        [(summarize(figures), "user"), (summarize(mini), "bundled")]
    ).tables[0]
    assert rows(
        table, "id", "pledged_usd_bn", "selected_usd_bn", "candidates_usd_bn", "origin"
    ) == [
        ("figures", D(80), D(19), D("51.1"), "user"),
        ("mini", D(100), D(40), D(90), "bundled"),
    ]


def test_search_and_timeline(figures: Deal) -> None:
    found = search_view.search([figures], "beta kk").tables[0]
    assert rows(found, "kind", "id") == [
        ("company", "e1"),
        ("company", "e2"),
        ("company", "env-p2"),
    ]
    assert rows(search_view.search([figures], "coal").tables[0], "kind", "id") == [
        ("commitment", "buy-coal")
    ]
    t = timeline_view.timeline([figures], since=date(2025, 7, 2)).tables[0]
    assert rows(t, "date", "event") == [(date(2026, 1, 20), "Grid line selected")]
    t = timeline_view.timeline([figures], until=date(2026, 1, 19)).tables[0]
    assert rows(t, "date", "event") == [(date(2025, 7, 1), "Announced")]


# -- the bundled deals against the fact bases -----------------------------------------


def test_japan_totals_table(japan: Deal) -> None:
    # facts/2026-updates.md and corrections-2026-11.md: first tranche 36.0 (Ohio 33.3, the
    # Japanese reports' figure, + Texas 2.1 + Element Six 0.6) and second tranche 73 (GVH SMRs
    # 40 + gas in Pennsylvania and Texas 33): selected 109.0 of 550, "about 19.8%".
    # Candidates: the fact sheet's 456.45 less Element Six's 0.5 and GVH's 100 ceiling = 355.95
    table = show.totals_table(japan)
    assert rows(table, "measure", "usd_bn", "share_pct") == [
        ("pledged", D(550), D(100)),
        ("selected", D("109.0"), D("19.82")),  # 109 / 550 = 19.8181...%
        ("unselected", D(441), D("80.18")),  # 550 - 109; 441 / 550 = 80.1818...%
        ("candidates", D("355.95"), D("64.72")),  # 355.95 / 550 = 64.7181...%
    ]
    shares = [human(r["share_pct"], "pct") for r in table.records()]
    assert shares == ["100.0%", "19.8%", "80.2%", "64.7%"]  # on screen: one decimal


def test_korea_totals_table(korea: Deal) -> None:
    # facts/korea.md: no project selected; 350 = 200 cash + 150 shipbuilding
    table = show.totals_table(korea)
    got = rows(table, "measure", "usd_bn", "share_pct", "allocations")
    assert got[1] == ("selected", D(0), D("0.00"), 0)
    assert got[2] == ("unselected", D(350), D("100.00"), None)
    structure = rows(show.structure(korea), "usd_bn", "share_pct")
    assert sorted(structure) == [(D(150), D("42.86")), (D(200), D("57.14"))]  # 150/350, 200/350


# -- the command line: exit codes and parsed numbers only ----------------------------


def test_allocations_command_filters(tmp_path: Any) -> None:
    import csv
    import io
    import shutil

    from .conftest import FIXTURES

    shutil.copy(FIXTURES / "figures.yaml", tmp_path / "figures.yaml")
    base = ["--deals-dir", str(tmp_path), "allocations", "figures", "-f", "csv"]
    r = invoke(*base, "--sector", "energy", "--status", "candidate")
    assert r.exit_code == 0, r.stderr
    got = list(csv.DictReader(io.StringIO(r.stdout)))  # groups only: no row column, no remainder
    assert [(x["sector"], D(x["candidate_usd_bn"]), x["unsized"]) for x in got] == [
        ("Energy", D(24), "1")  # e1 24 and the unsized e3
    ]
    assert "row" not in got[0]
    r = invoke(*base, "--by", "country", "--top", "1")
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["country"], D(x["selected_usd_bn"])) for x in got] == [
        ("GB", D(10)),
        ("(other: 4 groups)", D(9)),  # JP 9 + (no lead) 0 + US 0 + TW 0
    ]
    # --totals brings back the row column, the total row and the remainders of the headline
    r = invoke(*base, "--by", "country", "--top", "1", "--totals")
    assert r.exit_code == 0, r.stderr
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [
        (x["row"], x["country"], x["selected_usd_bn"], x["selected_share_pct"]) for x in got
    ] == [
        ("group", "GB", "10", "12.5"),  # 10 / 80
        ("group", "(other: 4 groups)", "9", "11.25"),  # 9 / 80
        ("total", "(total)", "19", "23.75"),  # 19 / 80
        ("remainder", "(pledged, not named as candidate)", "", ""),
        ("remainder", "(unselected)", "61", "76.25"),  # 80 - 19
    ]
    # the candidates' remainder in a file: 28.9 / 80 = 36.125% -> 36.12 (half to even)
    assert (got[3]["candidate_usd_bn"], got[3]["candidate_share_pct"]) == ("28.9", "36.12")
    assert invoke(*base, "--top", "0").exit_code == 2
    assert invoke(*base, "--by", "colour").exit_code == 2
    assert invoke(*base, "--sort", "size").exit_code == 2


def test_allocations_notes(figures: Deal) -> None:
    apart = "candidates and selected money are shown apart: they are the same money at two stages"
    split_note = "amounts of projects with several leads are split evenly among them"
    assert allocations_view.allocations_by(figures, "sector").tables[0].notes == [apart]
    assert allocations_view.allocations_by(figures, "country").tables[0].notes == [
        split_note,
        apart,
    ]
    assert allocations_view.allocations_by(figures, "sector", status="funded").tables[0].notes == []


def test_notes_become_paragraphs_and_list_items() -> None:
    # a YAML block: lines of one paragraph are joined, a blank line or "- " starts a new row
    text = "First line\nof the first.\n\nSecond paragraph\n- an item\n  that wraps\n- another\n"
    deal = replace(read_deal(FIXTURES / "mini.yaml"), notes=text)
    rows = [r["note"] for r in show.show(deal, ["notes"]).tables[0].records()]
    assert rows == [
        "First line of the first.",
        "Second paragraph",
        "- an item that wraps",
        "- another",
    ]


def test_top_sectors_fold_the_rest_only_when_more_than_one_is_left() -> None:
    deals = {d.id: d for d in (read_deal(p) for p in sorted(BUNDLED.glob("*.yaml")))}
    # Japan's 5 sectors: the top 3 (selected first, then candidates), then the other 2 in
    # one row holding their candidates, summed here from the allocations themselves
    rows = show.show(deals["japan"], ["top-sectors"]).tables[0].rows
    assert [r[0] for r in rows] == [
        "Energy",
        "Critical minerals",
        "AI infrastructure",
        "(2 more sectors)",
    ]
    top = {"energy", "critical minerals", "ai infrastructure"}
    rest = sum(
        (a.usd_bn or 0)
        for a in deals["japan"].allocations
        if a.status == "candidate" and a.sector.casefold() not in top and a.part_of is None
    )
    assert rows[3][1] == rest == D("30.6")
    # the UAE's 4: folding one sector into "(1 more sectors)" would hide it for nothing
    rows = show.show(deals["uae"], ["top-sectors"]).tables[0].rows
    assert [r[0] for r in rows] == [
        "Energy",
        "AI infrastructure",
        "Manufacturing",
        "Critical minerals",
    ]
