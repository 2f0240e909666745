"""The Japan deal: the corrections of November 2026, and where the money stood at chosen dates.

The stages at a date are worked out here from each allocation's `history` (or, without one, its
`status` since its `date`), not through the CLI's `--as-of`, so the data and that code check
each other. Expected figures are worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

from dealcli.core.model import Allocation, Deal
from dealcli.core.reading import read_deal_file
from dealcli.core.totals import totals

from .conftest import BUNDLED


def _load() -> Deal:
    deal, problems = read_deal_file(BUNDLED / "japan.yaml")
    assert deal is not None, [str(p) for p in problems]
    return deal


JAPAN = _load()
ALLOC = {a.id: a for a in JAPAN.allocations}
TERMS = {t.id: t for t in JAPAN.terms}
SOURCES = {s.id: s for s in JAPAN.sources}
SELECTED = {"selected", "funded", "operating"}


def stage_at(a: Allocation, day: date) -> tuple[str, D | None] | None:
    """(status, amount) of an allocation on `day`, or None when it was not yet announced.

    A history entry without an amount keeps the allocation's own `usd_bn`.
    """
    if not a.history:
        assert a.date is not None, a.id
        return (a.status, a.usd_bn) if a.date <= day else None
    steps = [s for s in a.history if s.date <= day]
    if not steps:
        return None
    last = steps[-1]
    return last.status, last.usd_bn if last.usd_bn is not None else a.usd_bn


def totals_at(day: date, ohio: D | None = None) -> tuple[D, D, int]:
    """(selected, candidates, number of candidates) on `day`; `ohio` replaces Ohio's amount."""
    selected = candidates = D(0)
    count = 0
    for a in JAPAN.allocations:
        stage = stage_at(a, day)
        if stage is None:
            continue
        status, amount = stage
        if a.id == "ohio-portsmouth-gas-power" and ohio is not None:
            amount = ohio
        if status in SELECTED:
            selected += amount or 0
        elif status == "candidate":
            candidates += amount or 0
            count += 1
    return selected, candidates, count


# The Joint Fact Sheet of 28 Oct 2025 as sized in the file (ENTRA1, Kinder Morgan, Hitachi unsized):
#   energy 100 + 100 + 25 + 25 + 25 + 25 = 300; AI infrastructure and electronics
#   25 + 20 + 30 + 25 + 20 + 15 + 15 = 150; critical minerals etc. 3 + 2 + 0.35 + 0.5 + 0.6 = 6.45
#   -> 456.45 over 21 lines.
FACT_SHEET = D("456.45")


def test_every_allocation_is_dated() -> None:
    assert all(a.date is not None for a in JAPAN.allocations)


def test_before_the_fact_sheet_nothing_was_named() -> None:
    assert totals_at(date(2025, 10, 1)) == (D(0), D(0), 0)


def test_end_of_january_2026_candidates_but_nothing_selected() -> None:
    # only the fact sheet's 21 lines: 456.45 named, 0 selected
    assert totals_at(date(2026, 1, 31)) == (D(0), FACT_SHEET, 21)


def test_mid_february_2026_ohio_and_texas_join_the_candidates() -> None:
    # Ohio named a candidate on 11 Feb (33.3), Texas on 13 Feb (2.1): 456.45 + 33.3 + 2.1 = 491.85
    assert totals_at(date(2026, 2, 14)) == (D(0), D("491.85"), 23)


def test_end_of_february_2026_the_first_tranche() -> None:
    # selected 17 Feb: Ohio 33.3 + Texas 2.1 + Element Six 0.6 = 36.0 (announced as USD 36 bn);
    # Element Six left the candidates: 456.45 - 0.5 = 455.95 over 20 lines
    assert totals_at(date(2026, 2, 28)) == (D("36.0"), D("455.95"), 20)
    # with the Commerce sheet's 33 for Ohio: 33 + 2.1 + 0.6 = 35.7
    assert totals_at(date(2026, 2, 28), ohio=D(33))[0] == D("35.7")


def test_end_of_march_2026_about_109_selected() -> None:
    # second tranche 19 Mar: GE Vernova Hitachi SMRs 40 + gas in Pennsylvania and Texas 33 = 73;
    # 36.0 + 73 = 109.0. Candidates: 455.95 - 100 (GVH's fact-sheet ceiling) = 355.95 over 19
    assert totals_at(date(2026, 3, 31)) == (D("109.0"), D("355.95"), 19)


def test_today_the_tool_totals_agree_with_the_end_of_march() -> None:
    t = totals(JAPAN)
    assert (t.selected, t.candidates) == (D("109.0"), D("355.95"))
    assert t.unselected == D(441)  # 550 - 109


def test_fact_sheet_energy_section_totals_300() -> None:
    # section 1, read verbatim: six projects, USD 300 bn, all ceilings, as named on 28 Oct 2025
    energy = ["westinghouse-ap1000-smr", "gvh-bwrx-300", "bechtel-epc"]
    energy += ["kiewit-epc", "ge-vernova-grid", "softbank-power"]
    named = [stage_at(ALLOC[i], date(2025, 10, 28)) for i in energy]
    assert all(s is not None and s[0] == "candidate" for s in named)
    assert sum((s[1] or D(0) for s in named if s), D(0)) == D(300)


def test_histories_candidate_then_selected() -> None:
    def steps(i: str) -> list[tuple[str, str, Any]]:
        return [(str(s.date), s.status, s.usd_bn) for s in ALLOC[i].history]

    assert steps("gvh-bwrx-300") == [
        ("2025-10-28", "candidate", D(100)),
        ("2026-03-19", "selected", D(40)),
    ]
    assert steps("element-six-diamond-grit") == [
        ("2025-10-28", "candidate", D("0.5")),
        ("2026-02-17", "selected", D("0.6")),
    ]
    assert steps("ohio-portsmouth-gas-power") == [
        ("2026-02-11", "candidate", None),
        ("2026-02-17", "selected", D("33.3")),
    ]
    assert steps("texas-gulflink-crude-terminal")[-1] == ("2026-02-17", "selected", D("2.1"))
    assert steps("gas-generation-pa-tx")[-1] == ("2026-03-19", "selected", D(33))


def test_correction_ieepa_rate_collected_through_23_february() -> None:
    # CBP stopped collecting IEEPA duties at 12:00 a.m. EST on 24 Feb 2026, not on the ruling day
    assert str(TERMS["tariff-rate"].to) == "2026-02-23"
    assert str(TERMS["section-122-surcharge"].from_) == "2026-02-24"


def test_correction_ohio_33_3_with_the_commerce_33_as_alternative() -> None:
    ohio = ALLOC["ohio-portsmouth-gas-power"]
    assert ohio.usd_bn == D("33.3")
    assert [x.usd_bn for x in ohio.alternatives] == [D(33)]
    assert "tbs-commerce-2026-02-18" in ohio.alternatives[0].sources
    assert JAPAN.notes and "Totals use 33.3" in JAPAN.notes


def test_correction_element_six_is_the_british_lead() -> None:
    leads = ALLOC["element-six-diamond-grit"].leads
    assert [(c.name, c.country) for c in leads] == [("Element Six", "GB")]
    assert "georgia-synthetic-diamond-grit" not in ALLOC  # one entry with its history


def test_correction_texas_partners_jfe_steel_and_modec_ohio_softbank() -> None:
    texas = {c.name: c for c in ALLOC["texas-gulflink-crude-terminal"].companies}
    assert "JFE Steel" in texas and "JFE" not in texas
    assert texas["Mitsui Ocean Development & Engineering (MODEC)"].country == "JP"
    ohio = {c.name: c for c in ALLOC["ohio-portsmouth-gas-power"].companies}
    assert (ohio["SoftBank Group"].country, ohio["SoftBank Group"].role) == ("JP", "partner")
    assert (ohio["SB Energy"].country, ohio["SB Energy"].role) == ("US", "lead")


def test_correction_westinghouse_at_least_80_versus_up_to_80() -> None:
    w = ALLOC["westinghouse-ap1000-smr"]
    assert w.usd_bn == D(100) and [x.usd_bn for x in w.alternatives] == [D(80)]
    note = w.alternatives[0].note or ""
    assert "at least USD 80 bn" in note and "up to USD 80 bn" in note
    assert "Department of Energy" in note


def test_correction_source_kinds_and_addresses() -> None:
    for i in ("tbs-commerce-2026-02-18", "fujikura-2026-03-13", "wh-fs-2026-03"):
        assert SOURCES[i].kind == "repost", i
    assert "fr-2025-17908-archive" not in SOURCES
    fr = SOURCES["fr-2025-17908-fr"]
    assert fr.kind == "official" and fr.url.startswith("https://www.federalregister.gov/")
    assert SOURCES["mof-jfs-2025-10-28"].url.startswith("https://www.mof.go.jp/")
    assert SOURCES["asahi-2025-10-23"].url == "https://www.asahi.com/ajw/articles/16110091"
    hosts = " ".join(s.url for s in JAPAN.sources)
    for gone in ("theedgesingapore", "zerohedge", "potaufeu", "internationaltradetoday"):
        assert gone not in hosts


def test_headline_in_yen_scope_and_binding() -> None:
    h = JAPAN.headline
    assert (h.usd_bn, h.basis, h.scope, h.binding) == (D(550), "committed", "investment", True)
    assert h.local is not None
    assert (h.local.currency, h.local.bn) == ("JPY", D(81000))  # "81兆円", the Reuters headline
    assert h.local.sources == ("reuters-jp-mou-2025-09-05",)


def test_first_tranche_in_yen() -> None:
    # METI's figures: JPY 5.2 tn + 330 bn + 90 bn = 5,620 bn, "about JPY 5.5-5.6 tn"
    yen = {}
    for i in ("ohio-portsmouth-gas-power", "texas-gulflink-crude-terminal"):
        loc = ALLOC[i].local
        assert loc is not None and loc.currency == "JPY"
        yen[i] = loc.bn
    six = ALLOC["element-six-diamond-grit"].local
    assert six is not None
    assert (*yen.values(), six.bn) == (D(5200), D(330), D(90))


def test_later_events_jbic_reported_only_and_jera_outside_the_pledge() -> None:
    events = {(str(e.date), e.title.split()[0]): e for e in JAPAN.timeline}
    jbic = events[("2026-05-01", "JBIC")]
    assert jbic.confidence == "unconfirmed" and "340" in jbic.title
    jera = events[("2026-06-22", "JERA")]
    assert jera.outside_pledge and jera.confidence == "unconfirmed"
    assert not any("JERA" in a.title for a in JAPAN.allocations)
    doe = events[("2026-03-20", "DOE,")]
    assert "9.2 GW" in doe.title and "4.2 bn" in doe.title
    assert str(JAPAN.updated) == "2026-06-22"


def test_terms_and_commitments_carried_over() -> None:
    assert TERMS["tariff-rate"].pct == 15 and str(TERMS["tariff-rate"].from_) == "2025-08-07"
    assert TERMS["auto-tariff"].pct == 15 and str(TERMS["auto-tariff"].from_) == "2025-09-16"
    assert TERMS["civil-aircraft-tariff"].pct == 0
    assert TERMS["profit-split-before-recoupment"].pct == 50
    assert TERMS["profit-split-after-recoupment"].pct == 90
    assert "45 days" in TERMS["funding-window"].value
    assert str(TERMS["selection-deadline"].to) == "2029-01-19"
    assert TERMS["section-122-surcharge"].pct == 10
    c = {x.id: x for x in JAPAN.commitments}
    assert "75%" in c["us-rice"].title
    assert c["agricultural-purchases"].usd_bn == 8
    assert c["defence-procurement"].usd_bn == 17
    assert "not a term of the agreement" in (c["defence-spending-2pct"].detail or "")
    assert JAPAN.period is not None
    assert (str(JAPAN.period.from_), str(JAPAN.period.to)) == ("2025-09-04", "2029-01-19")
    assert JAPAN.investor.gdp_usd_bn == D(4186)  # IMF WEO April 2025: 4,186.431 for 2025
