"""The bundled deals: complete, sourced, and adding up to what the fact bases state."""

from __future__ import annotations

import re
from decimal import Decimal as D
from typing import Any
from urllib.parse import urlsplit

import pytest

from dealcli.core.hosts import GOVERNMENT_SUFFIXES, flagged
from dealcli.core.model import SECTORS, Deal
from dealcli.core.reading import read_deal_file
from dealcli.core.totals import totals

from .conftest import BUNDLED, invoke

FILES = sorted(BUNDLED.glob("*.yaml"))


def bundled() -> list[Deal]:
    out = []
    for path in FILES:
        deal, problems = read_deal_file(path)
        assert deal is not None, [str(p) for p in problems]
        out.append(deal)
    return out


DEALS = bundled()
IDS = [d.id for d in DEALS]


def test_every_file_in_deals_is_checked() -> None:
    assert FILES and len(DEALS) == len(FILES)


def cited(deal: Deal) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("headline", deal.headline)]
    items += [(f"tranche {t.id}", t) for t in deal.structure]
    items += [(f"term {t.id}", t) for t in deal.terms]
    items += [(f"allocation {a.id}", a) for a in deal.allocations]
    items += [(f"commitment {c.id}", c) for c in deal.commitments]
    items += [(f"event {e.date}", e) for e in deal.timeline]
    return items


def citing(deal: Deal) -> list[tuple[str, Any]]:
    """Everything that names sources: the items, and their yen amounts, histories and alternatives."""
    out = cited(deal)
    for what, item in cited(deal):
        if getattr(item, "local", None) is not None:
            out.append((f"{what} local", item.local))
        out += [(f"{what} history {s.date}", s) for s in getattr(item, "history", ())]
        out += [(f"{what} alternative {x.usd_bn}", x) for x in getattr(item, "alternatives", ())]
    if deal.profit_split:
        out.append(("profit_split", deal.profit_split))
    if deal.capacity:
        out.append(("capacity", deal.capacity))
        out += [(f"capacity funding {f.id}", f) for f in deal.capacity.funding]
    return out


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_everything_has_a_source_and_every_source_is_used(deal: Deal) -> None:
    defined = {s.id for s in deal.sources}
    used: set[str] = set(deal.investor.sources) | set(deal.host.sources)
    if deal.period:
        used |= set(deal.period.sources)
    for what, item in citing(deal):
        assert item.sources, f"{deal.id}: {what} has no source"
        assert set(item.sources) <= defined, f"{deal.id}: {what}"
        used |= set(item.sources)
    assert used == defined, f"unused: {defined - used}"
    for s in deal.sources:
        assert s.url.startswith(("https://", "http://")), s.id
        assert s.title and s.publisher and s.kind


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_no_source_is_on_a_host_the_host_check_flags(deal: Deal) -> None:
    # staging, origin and production back-ends, CDN nodes, app-hosting platforms, mirrors
    for s in deal.sources:
        for url in filter(None, (s.url, s.original_url)):
            assert flagged(url) is None, f"{deal.id}: {s.id} is on {host(url)}: {flagged(url)}"


def test_the_host_check_catches_the_hosts_once_cited() -> None:
    for name in (
        "testing.dev.theedgesingapore.com",
        "preprod.zerohedge.com",
        "stage.internationaltradetoday.com",
        "ajw-origin.potaufeu.asahi.com",
        "prod.biz.chosun.com",
        "static1-azcdn.newser.com",
        "wiki.av1.space",
        "memedata.com",
    ):
        assert flagged(f"https://{name}/x"), name
    assert not flagged("https://www.asahi.com/x")


def is_public_institution(url: str) -> bool:
    name = host(url)
    return any(name == s or name.endswith("." + s) for s in GOVERNMENT_SUFFIXES)


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_official_only_on_a_government_or_public_institution_host(deal: Deal) -> None:
    for s in deal.sources:
        if s.kind == "official":
            assert is_public_institution(s.url), f"{deal.id}: {s.id} on {host(s.url)}"


def test_the_official_host_check_tells_a_ministry_from_a_mirror() -> None:
    assert is_public_institution("https://www.mof.go.jp/policy/x.html")
    assert is_public_institution("https://www.govinfo.gov/content/x.htm")
    assert not is_public_institution("https://worldjpn.net/documents/texts/JPUS/x.html")
    assert not is_public_institution("https://vu.govpulse.tools/2025/10/28/x")


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_reposts_name_the_site_they_were_read_on(deal: Deal) -> None:
    for s in deal.sources:
        if s.kind == "repost":
            assert s.via, f"{deal.id}: {s.id}"


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_an_item_resting_only_on_aggregators_says_unconfirmed(deal: Deal) -> None:
    kinds = {s.id: s.kind for s in deal.sources}
    for what, item in cited(deal):
        if all(kinds[i] == "aggregator" for i in item.sources):
            assert item.confidence == "unconfirmed", f"{deal.id}: {what}"


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_vehicle_text_carries_no_figures(deal: Deal) -> None:
    # `vehicle` has no sources of its own: amounts and shares belong in sourced terms.
    assert not re.search(r"\d", deal.vehicle or ""), deal.vehicle


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_updated_is_the_newest_source_date(deal: Deal) -> None:
    assert deal.updated == max(s.date for s in deal.sources)


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_sector_labels_come_from_the_format_list(deal: Deal) -> None:
    assert {a.sector for a in deal.allocations} <= set(SECTORS)


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_gdp_has_year_and_source(deal: Deal) -> None:
    assert deal.investor.gdp_usd_bn is not None
    assert deal.investor.gdp_year == 2025
    assert deal.investor.sources


def korea() -> Deal:
    return next(d for d in DEALS if d.id == "south-korea")


def by_id(deal: Deal) -> dict[str, Any]:
    return {a.id: a for a in deal.allocations}


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
    assert totals(d).selected == 0
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
    n = len(FILES) + len(list((BUNDLED / "context").glob("*.yaml")))  # the records too
    assert f"{n} file(s): {n} valid, 0 invalid, 0 warning(s)" in r.stderr
