"""The EU, Taiwan and Switzerland deals against the fact base (/work/shared/facts/pledges.md)."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from dealcli.core.hosts import is_government
from dealcli.core.model import Deal
from dealcli.core.reading import read_deal_file
from dealcli.core.totals import totals

from .conftest import BUNDLED, invoke

IDS = ("eu", "taiwan", "switzerland")


def load(deal_id: str) -> Deal:
    deal, problems = read_deal_file(BUNDLED / f"{deal_id}.yaml")
    assert deal is not None, [str(p) for p in problems]
    return deal


DEALS = {i: load(i) for i in IDS}


def sourced_items(deal: Deal) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("headline", deal.headline)]
    items += [(f"tranche {t.id}", t) for t in deal.structure]
    items += [(f"term {t.id}", t) for t in deal.terms]
    items += [(f"allocation {a.id}", a) for a in deal.allocations]
    items += [(f"commitment {c.id}", c) for c in deal.commitments]
    items += [(f"event {e.date} {e.title}", e) for e in deal.timeline]
    for a in deal.allocations:
        items += [(f"allocation {a.id} alternative", x) for x in a.alternatives]
    items += [("headline alternative", x) for x in deal.headline.alternatives]
    return items


@pytest.mark.parametrize("deal_id", IDS)
def test_format_2_and_every_item_sourced(deal_id: str) -> None:
    deal = DEALS[deal_id]
    assert deal.format == 2
    kinds = {s.id: s.kind for s in deal.sources}
    for what, item in sourced_items(deal):
        assert item.sources, f"{deal_id}: {what} has no source"
        assert set(item.sources) <= set(kinds), f"{deal_id}: {what} cites an unknown source"
        if all(kinds[s] == "aggregator" for s in item.sources):
            assert item.confidence == "unconfirmed", f"{deal_id}: {what} rests on aggregators"
    assert deal.investor.gdp_usd_bn and deal.investor.gdp_year and deal.investor.sources
    assert deal.period is None or deal.period.sources


@pytest.mark.parametrize("deal_id", IDS)
def test_source_kinds_are_honest(deal_id: str) -> None:
    for s in DEALS[deal_id].sources:
        if s.kind == "official":  # only a government's or public institution's own host
            assert is_government(s.url), s.id
        if s.kind == "repost":
            assert s.via, s.id


@pytest.mark.parametrize("deal_id", IDS)
def test_sectors_are_from_the_model_list(deal_id: str) -> None:
    from dealcli.core.model import SECTORS

    assert {a.sector for a in DEALS[deal_id].allocations} <= set(SECTORS)


@pytest.mark.parametrize("deal_id", IDS)
def test_ieepa_rates_end_on_23_february_2026(deal_id: str) -> None:
    # Supreme Court ruling 20 Feb 2026; IEEPA duties collected until 12:00 a.m. on 24 Feb
    terms = {t.id: t for t in DEALS[deal_id].terms}
    assert terms["tariff-rate"].pct == 15
    assert str(terms["tariff-rate"].to) == "2026-02-23"
    s122 = terms["section-122-surcharge"]
    # 24 Feb + 150 days: 4 (rest of Feb) + 31 + 30 + 31 + 30 + 24 = 150, so 24 Jul
    assert (s122.pct, str(s122.from_), s122.to) == (10, "2026-02-24", None)  # an open end
    assert str(s122.known_to) == "2026-07-24"


def test_eu_headline_600_investment_not_binding() -> None:
    eu = DEALS["eu"]
    h = eu.headline
    assert (h.usd_bn, h.scope, h.binding) == (D(600), "investment", False)
    assert (eu.investor.code, eu.host.code) == ("EU", "US")
    assert "european-union" in eu.aliases


def test_eu_energy_750_and_chips_40_are_purchases_outside_the_headline() -> None:
    c = {x.id: x for x in DEALS["eu"].commitments}
    assert c["energy-purchases"].usd_bn == D(750)
    assert c["ai-chips"].usd_bn == D(40)
    # no allocation: nothing of the 600 is selected, so selected stays 0 and 600 is unselected
    t = totals(DEALS["eu"])
    assert (t.selected, t.unselected) == (D(0), D(600))


def test_eu_horizon_2028_with_2029_as_the_other_reading() -> None:
    eu = DEALS["eu"]
    assert eu.period is not None and str(eu.period.to) == "2028-12-31"
    other = {t.id: t for t in eu.terms}["horizon-other"]
    assert "2029" in other.value
    assert other.confidence == "unconfirmed"  # only a rewritten copy of the CNBC report
    assert eu.notes and "2029" in eu.notes


def test_taiwan_two_tranches_of_250() -> None:
    tw = DEALS["taiwan"]
    h = tw.headline
    assert (h.usd_bn, h.scope) == (D(500), "investment")
    tranches = {t.id: t for t in tw.structure}
    assert tranches["company-investment"].usd_bn == D(250)
    assert tranches["credit-guarantees"].usd_bn == D(250)
    assert tranches["credit-guarantees"].instrument == "guarantee"
    assert sum((t.usd_bn for t in tw.structure), D(0)) == h.usd_bn  # 250 + 250 = 500
    assert [a.usd_bn for a in h.alternatives] == [D(250)]  # the company investment alone
    assert "tw" in tw.aliases


def test_taiwan_tsmc_100_inside_the_company_tranche() -> None:
    tw = DEALS["taiwan"]
    tsmc = {a.id: a for a in tw.allocations}["tsmc-arizona-100"]
    assert (tsmc.usd_bn, tsmc.tranche, tsmc.sector) == (
        D(100),
        "company-investment",
        "Semiconductors",
    )
    assert [(c.name, c.country, c.role) for c in tsmc.companies] == [("TSMC", "TW", "lead")]
    # selected = TSMC's 100 only (the other named firms are unsized candidates): 100 of 500 = 20%
    assert totals(tw).selected == D(100)
    assert tw.period is None  # the MOU names no time limit


def test_taiwan_art_purchases_add_to_84_8() -> None:
    c = {x.id: x for x in DEALS["taiwan"].commitments}
    purchases = [c["energy-purchases"], c["aircraft-purchases"], c["equipment-purchases"]]
    assert sum((p.usd_bn or D(0) for p in purchases), D(0)) == D("84.8")  # 44.4 + 15.2 + 25.2


def test_switzerland_200_with_liechtenstein_share() -> None:
    ch = DEALS["switzerland"]
    h = ch.headline
    assert (h.usd_bn, h.scope, h.binding) == (D(200), "investment", False)
    tranches = {t.id: t for t in ch.structure}
    assert tranches["liechtenstein"].usd_bn == D("0.3")  # "at least $300 million"
    assert tranches["swiss-companies"].usd_bn == D("199.7")  # 200 - 0.3
    assert sum((t.usd_bn for t in ch.structure), D(0)) == D(200)
    assert {"ch", "swiss"} <= set(ch.aliases)


def test_switzerland_end_2028_with_five_years_as_the_other_reading() -> None:
    ch = DEALS["switzerland"]
    assert ch.period is not None and str(ch.period.to) == "2028-12-31"
    terms = {t.id: t for t in ch.terms}
    assert "five years" in terms["horizon-other"].value
    assert terms["first-year-share"].usd_bn == D(67)
    assert terms["previous-tariff-rate"].pct == 39


def test_switzerland_selected_is_roche_and_novartis() -> None:
    ch = DEALS["switzerland"]
    allocs = {a.id: a for a in ch.allocations}
    assert allocs["roche-us-50"].usd_bn == D(50)
    assert allocs["novartis-us-23"].usd_bn == D(23)
    assert [x.usd_bn for x in allocs["novartis-us-23"].alternatives] == [D(50)]
    # 50 + 23 = 73 selected (ABB and Stadler have no amount); 73 / 200 = 36.5%
    assert totals(ch).selected == D(73)


def test_validate_the_three_files_without_warnings() -> None:
    paths = [str(BUNDLED / f"{i}.yaml") for i in IDS]
    r = invoke("validate", *paths)
    assert r.exit_code == 0
    assert r.stdout == ""


@pytest.mark.parametrize("alias", ["european-union", "tw", "ch", "swiss"])
def test_aliases_resolve(alias: str) -> None:
    assert invoke("show", alias, "--format", "json").exit_code == 0
