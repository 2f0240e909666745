"""The bundled deals: complete, sourced, and adding up to what the fact bases state."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from dealcli.model import SECTORS, Deal
from dealcli.registry import load_file
from dealcli.totals import totals

from .conftest import BUNDLED, invoke


def bundled() -> list[Deal]:
    out = []
    for path in sorted(BUNDLED.glob("*.yaml")):
        deal, problems = load_file(path)
        assert deal is not None, [str(p) for p in problems]
        out.append(deal)
    return out


DEALS = bundled()


def cited(deal: Deal) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("headline", deal.headline)]
    items += [(f"tranche {t.id}", t) for t in deal.structure]
    items += [(f"term {t.id}", t) for t in deal.terms]
    items += [(f"allocation {a.id}", a) for a in deal.allocations]
    items += [(f"commitment {c.id}", c) for c in deal.commitments]
    items += [(f"event {e.date}", e) for e in deal.timeline]
    return items


@pytest.mark.parametrize("deal", DEALS, ids=[d.id for d in DEALS])
def test_everything_has_a_source_and_every_source_is_used(deal: Deal) -> None:
    defined = {s.id for s in deal.sources}
    used: set[str] = set(deal.investor.sources) | set(deal.host.sources)
    if deal.period:
        used |= set(deal.period.sources)
    for what, item in cited(deal):
        assert item.sources, f"{deal.id}: {what} has no source"
        assert set(item.sources) <= defined
        used |= set(item.sources)
    assert used == defined, f"unused: {defined - used}"
    for s in deal.sources:
        assert s.url.startswith(("https://", "http://")), s.id
        assert s.title and s.publisher and s.kind


@pytest.mark.parametrize("deal", DEALS, ids=[d.id for d in DEALS])
def test_updated_is_the_newest_source_date(deal: Deal) -> None:
    assert deal.updated == max(s.date for s in deal.sources)


@pytest.mark.parametrize("deal", DEALS, ids=[d.id for d in DEALS])
def test_sector_labels_come_from_the_format_list(deal: Deal) -> None:
    assert {a.sector for a in deal.allocations} <= set(SECTORS)


@pytest.mark.parametrize("deal", DEALS, ids=[d.id for d in DEALS])
def test_gdp_has_year_and_source(deal: Deal) -> None:
    assert deal.investor.gdp_usd_bn is not None
    assert deal.investor.gdp_year == 2025
    assert deal.investor.sources


def japan() -> Deal:
    return next(d for d in DEALS if d.id == "japan")


def korea() -> Deal:
    return next(d for d in DEALS if d.id == "south-korea")


def by_id(deal: Deal) -> dict[str, Any]:
    return {a.id: a for a in deal.allocations}


def test_japan_headline_and_period() -> None:
    d = japan()
    assert (d.headline.usd_bn, d.headline.basis) == (D(550), "committed")
    assert d.period is not None
    assert (str(d.period.from_), str(d.period.to)) == ("2025-09-04", "2029-01-19")
    assert d.investor.gdp_usd_bn == D(4186)  # IMF WEO April 2025, for 2025


def test_japan_fact_sheet_energy_projects_total_300() -> None:
    # Joint Fact Sheet section 1, read verbatim: six projects, USD 300 bn (japan.md, 2.1)
    energy = [
        "westinghouse-ap1000-smr",
        "gvh-bwrx-300",
        "bechtel-epc",
        "kiewit-epc",
        "ge-vernova-grid",
        "softbank-power",
    ]
    allocs = by_id(japan())
    assert sum((allocs[i].usd_bn for i in energy), D(0)) == D(300)
    assert all(allocs[i].basis == "up_to" and allocs[i].status == "candidate" for i in energy)


def test_japan_candidates() -> None:
    d = japan()
    candidates = [a for a in d.allocations if a.status == "candidate"]
    assert len(candidates) == 21  # the fact sheet's 21 projects
    unsized = {a.id for a in candidates if a.usd_bn is None}
    assert unsized == {"entra1-baseload", "kinder-morgan-gas", "hitachi-grid"}
    # japan.md 2.1: rows with a known figure sum to 481.45, of which 25 is ENTRA1's unconfirmed one
    assert totals(d).candidates == D("481.45") - D(25)


def test_japan_selections_2026() -> None:
    allocs = by_id(japan())
    first = [
        "ohio-portsmouth-gas-power",
        "texas-gulflink-crude-terminal",
        "georgia-synthetic-diamond-grit",
    ]
    second = ["gvh-smr-tennessee-alabama", "gas-generation-pa-tx"]
    first_total = sum((allocs[i].usd_bn for i in first), D(0))
    assert first_total == D("35.7")  # announced as USD 36 bn
    assert abs(first_total - 36) < 1
    assert sum((allocs[i].usd_bn for i in second), D(0)) == D(73)
    assert {str(allocs[i].date) for i in first} == {"2026-02-17"}
    assert totals(japan()).committed == D("108.7")  # "about USD 109 bn" (2026-updates.md)


def test_japan_terms() -> None:
    terms = {t.id: t for t in japan().terms}
    assert terms["tariff-rate"].pct == 15 and str(terms["tariff-rate"].from_) == "2025-08-07"
    assert terms["auto-tariff"].pct == 15 and str(terms["auto-tariff"].from_) == "2025-09-16"
    assert terms["civil-aircraft-tariff"].pct == 0
    assert terms["profit-split-before-recoupment"].pct == 50
    assert terms["profit-split-after-recoupment"].pct == 90
    assert "45 days" in terms["funding-window"].value
    assert "President" in terms["project-selection"].value
    assert str(terms["selection-deadline"].to) == "2029-01-19"
    assert str(terms["tariff-rate"].to) == "2026-02-20"  # the Supreme Court's IEEPA ruling
    assert terms["section-122-surcharge"].pct == 10


def test_japan_commitments() -> None:
    c = {x.id: x for x in japan().commitments}
    assert "75%" in c["us-rice"].title
    assert c["agricultural-purchases"].usd_bn == 8
    assert "100 Boeing" in c["boeing-aircraft"].title
    assert c["defence-procurement"].usd_bn == 17
    assert "not a term of the agreement" in (c["defence-spending-2pct"].detail or "")
    assert {"alaska-lng-lois", "investment-screening", "us-certified-vehicles"} <= set(c)


def test_korea_structure_sums_to_350() -> None:
    d = korea()
    assert d.headline.usd_bn == 350
    assert sum((t.usd_bn for t in d.structure), D(0)) == D(350)
    tranches = {t.id: t for t in d.structure}
    assert (
        tranches["strategic-investments"].usd_bn,
        tranches["strategic-investments"].instrument,
    ) == (200, "cash")
    assert tranches["shipbuilding"].usd_bn == 150


def test_korea_no_project_selected_and_no_invented_split() -> None:
    d = korea()
    assert totals(d).committed == 0
    assert not [a for a in d.allocations if a.tranche == "strategic-investments"]
    assert d.notes and "No sector split of the USD 200 bn" in d.notes
    allocs = by_id(d)
    assert allocs["hanwha-philly-shipyard"].usd_bn == 5
    assert allocs["hd-hyundai-cerberus-kdb"].usd_bn == 5
    assert allocs["hanwha-philly-shipyard"].part_of == "masga-shipbuilding"


def test_korea_terms_and_commitments() -> None:
    terms = {t.id: t for t in korea().terms}
    assert terms["annual-cap"].usd_bn == 20
    assert str(terms["auto-tariff"].from_) == "2025-11-01"
    assert terms["pharma-tariff"].pct == 15
    assert terms["steel-tariff"].pct == 50
    assert "45 business days" in terms["funding-window"].value
    assert "fx-stability" in terms
    c = {x.id: x for x in korea().commitments}
    assert c["energy-purchases"].usd_bn == 100
    assert c["korean-air-boeing"].usd_bn == D("36.2")
    assert c["military-equipment"].usd_bn == 25
    assert c["usfk-support"].usd_bn == 33
    assert "3.5%" in c["defence-spending"].title
    assert {"nuclear-submarines", "enrichment-reprocessing", "us-vehicles"} <= set(c)


def test_validate_bundled_deals_exits_0_without_warnings() -> None:
    r = invoke("validate", str(BUNDLED))
    assert r.exit_code == 0
    assert r.stdout == ""  # no problem and no warning
    assert "2 file(s): 2 valid, 0 invalid, 0 warning(s)" in r.stderr
