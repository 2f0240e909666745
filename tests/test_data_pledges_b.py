"""The Gulf pledges (Saudi Arabia, the UAE, Qatar) against the fact base on the 2025-26 pledges.

Expected values come from the fact base (shared/facts/pledges.md, sections 4-6 and X) and the
pages it cites; the arithmetic is worked out by hand in the comments.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from dealcli.core.hosts import is_government
from dealcli.core.model import Deal
from dealcli.core.reading import read_deal_file

from .conftest import BUNDLED, invoke


def load(name: str) -> Deal:
    deal, problems = read_deal_file(BUNDLED / f"{name}.yaml")
    assert deal is not None, [str(p) for p in problems]
    return deal


SAUDI = load("saudi-arabia")
UAE = load("uae")
QATAR = load("qatar")
GULF = [SAUDI, UAE, QATAR]
IDS = [d.id for d in GULF]


def items(deal: Deal) -> list[tuple[str, Any]]:
    """Every part that carries sources and a confidence."""
    out: list[tuple[str, Any]] = [("headline", deal.headline)]
    for section in ("structure", "terms", "allocations", "commitments", "timeline"):
        out += [(f"{section} {i}", item) for i, item in enumerate(getattr(deal, section))]
    return out


def cited_lists(deal: Deal) -> list[tuple[str, tuple[str, ...]]]:
    """Every list of source ids in the deal, the nested history steps included."""
    lists = [(what, item.sources) for what, item in items(deal)]
    lists += [("investor", deal.investor.sources)]
    if deal.period is not None:
        lists.append(("period", deal.period.sources))
    lists += [("headline history", s.sources) for s in deal.headline.history]
    for a in deal.allocations:
        lists += [(f"allocation {a.id} history", s.sources) for s in a.history]
    return lists


def term(deal: Deal, term_id: str) -> Any:
    return next(t for t in deal.terms if t.id == term_id)


# --- headlines: amount, scope, binding, period -------------------------------------------


def test_saudi_600_then_about_1000_investment_and_trade() -> None:
    h = SAUDI.headline
    # 23 Jan 2025: USD 600 bn of "investments and trade" over four years (SPA via AP);
    # 18 Nov 2025: "almost $1 trillion" at the White House.
    assert [(s.date, s.usd_bn) for s in h.history] == [
        (date(2025, 1, 23), 600),
        (date(2025, 11, 18), 1000),
    ]
    assert h.usd_bn == 1000
    assert (h.scope, h.binding) == ("investment_and_purchases", False)
    # four years from the phone call
    assert SAUDI.period is not None
    assert (SAUDI.period.from_, SAUDI.period.to) == (date(2025, 1, 23), date(2029, 1, 23))
    # no timetable for the raised figure (Reuters), recorded as the other reading
    assert "no details or timetable" in term(SAUDI, "horizon-other").value


def test_saudi_purchases_are_commitments_not_investment() -> None:
    by_id = {c.id: c for c in SAUDI.commitments}
    # the "largest defense sales agreement in history", nearly USD 142 bn
    assert (by_id["arms-sales"].area, by_id["arms-sales"].usd_bn) == ("security", 142)
    # purchases and arms are never allocations (money invested in the US)
    assert not [a for a in SAUDI.allocations if "arms" in a.id or "boeing" in a.id]
    # the only sized US project the press confirms: DataVolt's USD 20 bn
    confirmed = [a for a in SAUDI.allocations if a.confidence == "confirmed"]
    assert [(a.id, a.usd_bn) for a in confirmed] == [("datavolt-ai-energy", 20)]


def test_uae_1400_over_ten_years() -> None:
    h = UAE.headline
    assert (h.usd_bn, h.scope, h.binding) == (1400, "investment", False)
    assert h.history == ()
    assert UAE.period is not None
    assert (UAE.period.from_, UAE.period.to) == (date(2025, 3, 21), date(2035, 3, 21))
    # 1,400 / 10 years = 140 a year, the figure Chatham House compares with GDP
    years = UAE.period.to.year - UAE.period.from_.year
    assert h.usd_bn / years == 140


def test_uae_ega_smelter_history() -> None:
    ega = next(a for a in UAE.allocations if a.id == "ega-inola-smelter")
    # named 21 Mar 2025 without an amount; USD 4 bn in May 2025; Century joins in Jan 2026
    assert [(s.date, s.status, s.usd_bn) for s in ega.history] == [
        (date(2025, 3, 21), "candidate", None),
        (date(2025, 5, 15), "candidate", 4),
        (date(2026, 1, 26), "candidate", 4),
    ]
    assert {(c.name, c.country, c.role) for c in ega.companies} == {
        ("Emirates Global Aluminium", "AE", "lead"),
        ("Century Aluminum", "US", "partner"),
    }


def test_qatar_1200_economic_exchange_of_which_243_5_itemised() -> None:
    h = QATAR.headline
    assert (h.usd_bn, h.scope, h.binding) == (1200, "economic_exchange", False)
    # the White House gave no time frame: no period; the prime minister's ten years is a term
    assert QATAR.period is None
    assert term(QATAR, "horizon").confidence == "reported"
    itemised = term(QATAR, "itemised-deals").usd_bn
    # 243.5 of 1,200 = 20.3% itemised
    assert itemised == D("243.5")
    assert round(itemised / h.usd_bn * 100, 1) == D("20.3")


def test_qatar_boeing_order_and_qia_envelope() -> None:
    boeing = next(c for c in QATAR.commitments if c.id == "qatar-airways-boeing")
    # up to 210 aircraft for USD 96 bn (White House)
    assert (boeing.area, boeing.usd_bn, boeing.basis) == ("purchases", 96, "up_to")
    qia = next(a for a in QATAR.allocations if a.id == "qia-us-investment")
    # USD 500 bn, "nearly half" of 1,200: 500 / 1,200 = 41.7%
    assert qia.usd_bn == 500
    assert D("0.4") < qia.usd_bn / QATAR.headline.usd_bn < D("0.5")


def test_qatar_headline_is_six_times_gdp_in_compare() -> None:
    result = invoke("compare", "japan", "qatar", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {r["deal"]: r for r in json.loads(result.stdout)["gdp"]}
    # 1,200 / 200 = 600%
    assert rows["qatar"]["pledged_gdp_pct"] == 600


# --- tariffs ---------------------------------------------------------------------------


@pytest.mark.parametrize("deal", GULF, ids=IDS)
def test_tariff_terms_end_with_the_ieepa_ruling(deal: Deal) -> None:
    ieepa = term(deal, "tariff-rate")
    # the 10% baseline from 5 Apr 2025 until the Supreme Court ruling (collected to 23 Feb 2026)
    assert (ieepa.pct, ieepa.from_, ieepa.to) == (10, date(2025, 4, 5), date(2026, 2, 23))
    s122 = term(deal, "section-122-surcharge")
    # 150 days from 24 Feb 2026: 5 days of Feb + 31 + 30 + 31 + 30 + 23 of July = 150
    assert (s122.pct, s122.from_, s122.to) == (10, date(2026, 2, 24), None)  # an open end
    assert s122.known_to == date(2026, 7, 24)
    assert (s122.known_to - s122.from_).days == 150


# --- structure and sources ----------------------------------------------------------------


@pytest.mark.parametrize("deal", GULF, ids=IDS)
def test_no_invented_split_and_parts_inside_envelopes(deal: Deal) -> None:
    # no source splits a Gulf headline by instrument, so there are no tranches
    assert deal.structure == ()
    sized = {a.id: a.usd_bn for a in deal.allocations}
    for a in deal.allocations:
        if a.part_of is not None:
            assert a.part_of in sized
            parts = [p.usd_bn or 0 for p in deal.allocations if p.part_of == a.part_of]
            envelope = sized[a.part_of]
            assert envelope is not None and sum(parts) <= envelope


@pytest.mark.parametrize("deal", GULF, ids=IDS)
def test_every_item_is_sourced_and_every_source_used(deal: Deal) -> None:
    defined = {s.id for s in deal.sources}
    used: set[str] = set()
    for what, ids in cited_lists(deal):
        assert ids, f"{deal.id}: {what} has no source"
        assert set(ids) <= defined, (deal.id, what)
        used |= set(ids)
    assert used == defined, f"unused: {defined - used}"
    assert deal.updated == max(s.date for s in deal.sources)


@pytest.mark.parametrize("deal", GULF, ids=IDS)
def test_source_kinds_are_honest(deal: Deal) -> None:
    kinds = {s.id: s.kind for s in deal.sources}
    for s in deal.sources:
        if s.kind == "official":
            assert is_government(s.url), s.id
        if s.kind == "repost":
            assert s.via, s.id
    for what, item in items(deal):
        if all(kinds[i] == "aggregator" for i in item.sources):
            assert item.confidence == "unconfirmed", f"{deal.id}: {what}"


@pytest.mark.parametrize(
    ("alias", "deal_id"),
    [("saudi", "saudi-arabia"), ("ksa", "saudi-arabia"), ("emirates", "uae"), ("qa", "qatar")],
)
def test_aliases_resolve(alias: str, deal_id: str) -> None:
    result = invoke("show", alias, "--format", "json")
    assert result.exit_code == 0, result.stderr
    overview = {r["field"]: r["value"] for r in json.loads(result.stdout)["overview"]}
    assert overview["title"] == load(deal_id).title
