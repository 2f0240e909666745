"""Where the bundled figures rest: a government page behind each headline (or a named reason
why none was found), no source on a host the host check flags, and `deal sources --check`
clean of what issue 26 asks to fix. Figures added for it are held to their pages."""

from __future__ import annotations

import csv
import io

import pytest

from dealcli.core.hosts import flagged, is_government
from dealcli.core.model import Deal

from .conftest import invoke
from .test_data import DEALS, IDS

# Deals whose headline no government page in the stored pages gives. Each must say so in its
# notes; the test below fails once a headline gains an official source, so the list only shrinks.
NO_GOVERNMENT_PAGE: dict[str, str] = {
    "eu": "the European Parliament briefing cited names the Turnberry deal, not the USD 600 bn; "
    "the joint statement was read only as a copy",
    "switzerland": "the Federal Council's mandate page cited gives no amount; the White House "
    "fact sheet of 14 Nov 2025 was not found",
    "taiwan": "the Commerce fact sheet (USD 250 bn + 250 bn) was read only as a newsletter's "
    "copy; the USTR and Executive Yuan pages found give the signing and the 15% rate",
    "saudi-arabia": "no White House, Commerce or Saudi government page was found",
    "uae": "no White House, Commerce or UAE government page was found",
    "qatar": "no White House, Commerce or Qatari government page was found",
}


def by_id(deal_id: str) -> Deal:
    return next(d for d in DEALS if d.id == deal_id)


def kinds(deal: Deal) -> dict[str, str]:
    return {s.id: s.kind for s in deal.sources}


def test_the_exceptions_name_bundled_deals() -> None:
    assert set(NO_GOVERNMENT_PAGE) <= set(IDS)
    assert {"japan", "south-korea"}.isdisjoint(NO_GOVERNMENT_PAGE)


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_every_headline_rests_on_a_government_page_or_says_why_not(deal: Deal) -> None:
    official = [s for s in deal.headline.sources if kinds(deal)[s] == "official"]
    if deal.id in NO_GOVERNMENT_PAGE:
        assert not official, f"{deal.id}: {official} back the headline; drop the exception"
        assert "government page" in (deal.notes or ""), f"{deal.id}: notes must say so"
    else:
        assert official, f"{deal.id}: no official source backs the headline"
    src = {s.id: s for s in deal.sources}
    for s in official:
        assert is_government(src[s].url), s


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_no_source_url_or_original_url_is_flagged(deal: Deal) -> None:
    for s in deal.sources:
        for url in filter(None, (s.url, s.original_url)):
            assert flagged(url) is None, (deal.id, s.id, url)


def check_rows() -> list[dict[str, str]]:
    r = invoke("sources", "--check", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_sources_check_lists_no_host_and_no_unused_source() -> None:
    rows = check_rows()
    assert rows  # the aggregator-only items are listed, each marked below
    assert {r["finding"] for r in rows} == {"rests only on aggregators"}
    for r in rows:
        deal = by_id(r["deal"])
        section = getattr(deal, r["section"], None)
        if r["section"] == "timeline":
            item = next(e for e in deal.timeline if e.date.isoformat() == r["id"])
        else:
            item = next(x for x in section if x.id == r["id"])
        assert item.confidence == "unconfirmed", r


def test_taiwan_government_pages_back_the_signing_and_the_15_percent_rate() -> None:
    tw = by_id("taiwan")
    src = {s.id: s for s in tw.sources}
    ustr, ey = src["ustr-fs-2026-02-12"], src["ey-2026-02-13"]
    assert ustr.kind == ey.kind == "official"
    assert ustr.url.startswith("https://ustr.gov/") and "99 percent" in ustr.title
    assert ey.url.startswith("https://english.ey.gov.tw/") and "15%" in ey.title
    rate = next(t for t in tw.terms if t.id == "tariff-rate")
    assert rate.pct == 15 and "ey-2026-02-13" in rate.sources
    cuts = next(c for c in tw.commitments if c.id == "taiwan-tariff-cuts")
    assert "99%" in cuts.title and "ustr-fs-2026-02-12" in cuts.sources
    signing = next(e for e in tw.timeline if e.date.isoformat() == "2026-02-12")
    assert "ustr-fs-2026-02-12" in signing.sources


def test_taiwan_commerce_fact_sheet_is_a_copy_behind_the_two_250s() -> None:
    tw = by_id("taiwan")
    fs = next(s for s in tw.sources if s.id == "commerce-fs-2026-01-15")
    assert fs.kind == "repost" and fs.via and "c-air.com" in fs.url
    assert "250" in fs.title and fs.publisher == "US Department of Commerce"
    assert tw.headline.usd_bn == 500 and "commerce-fs-2026-01-15" in tw.headline.sources
    company = next(t for t in tw.structure if t.id == "company-investment")
    assert company.usd_bn == 250 and "commerce-fs-2026-01-15" in company.sources


def test_taiwan_items_on_one_digest_are_unconfirmed() -> None:
    tw = by_id("taiwan")
    k = kinds(tw)
    assert k["newsbytes-2026-01-16"] == "aggregator"
    horizon = next(t for t in tw.terms if t.id == "horizon")
    us_inv = next(c for c in tw.commitments if c.id == "us-investment-in-taiwan")
    for item in (horizon, us_inv):
        assert item.sources == ("newsbytes-2026-01-16",)
        assert item.confidence == "unconfirmed"


# Sources of issue 26's list kept with `via`: no original page was found in the stored pages.
KEPT_VIA: dict[str, set[str]] = {
    "japan": {
        "reuters-jp-mou-2025-09-05",
        "wh-fs-2026-03",
        "nhk-2026-03-16",
        "mainichi-2026-02-18",
    },
    "saudi-arabia": {
        "zerocostpremium-nyt-2025-05-13",
        "goldberglawma-bloomberg-2025-05-13",
        "tradingcheatsheet-reuters-2025-11-19",
    },
    "uae": {
        "prema-reuters-2025-03-21",
        "dailypatriot-reuters-2025-05-16",
        "oasis-reuters-2026-01-26",
    },
    "qatar": {
        "chosun-bloomberg-2025-05-16",
        "signalhub-reuters-2025-05-20",
        "peoplentools-aljazeera-2025-05-14",
    },
    "taiwan": {"newser-bloomberg-2026-02-12", "vc-gdp-2025"},
    "switzerland": {"vc-gdp-2025", "tipranks-2025-11-14"},
    "eu": {"wiki-eu-economy-2025"},
}


def confident_items(deal: Deal) -> list[tuple[str, tuple[str, ...], str]]:
    out = [("headline", deal.headline.sources, deal.headline.confidence)]
    for section in ("structure", "allocations", "commitments", "terms"):
        out += [(f"{section} {x.id}", x.sources, x.confidence) for x in getattr(deal, section)]
    out += [(f"event {e.date}", e.sources, e.confidence) for e in deal.timeline]
    return out


@pytest.mark.parametrize("deal", DEALS, ids=IDS)
def test_what_rests_alone_on_a_copy_without_its_original_is_unconfirmed(deal: Deal) -> None:
    kept = KEPT_VIA.get(deal.id, set())
    src = {s.id: s for s in deal.sources}
    assert kept <= set(src)
    for s in kept:
        assert src[s].via, f"{deal.id}: {s} must say where it was read"
    weak = kept | {s for s, k in kinds(deal).items() if k == "aggregator"}
    for what, sources, confidence in confident_items(deal):
        if set(sources) <= weak and set(sources) & kept:
            assert confidence != "confirmed", f"{deal.id}: {what} rests on {sources}"


def test_japan_items_on_the_reuters_digest_and_the_fact_sheet_copy_are_unconfirmed() -> None:
    jp = by_id("japan")
    terms = {t.id: t for t in jp.terms}
    assert terms["funding-currency"].sources == ("reuters-jp-mou-2025-09-05",)
    assert terms["funding-currency"].confidence == "unconfirmed"
    screening = next(c for c in jp.commitments if c.id == "investment-screening")
    assert screening.confidence == "unconfirmed"
    # Yomiuri's own page was not found: the nuclear candidates stay on News.az, unconfirmed
    nuclear = next(e for e in jp.timeline if e.date.isoformat() == "2026-03-04")
    assert nuclear.sources == ("newsaz-2026-03-04",) and nuclear.confidence == "unconfirmed"
    assert "Yomiuri's own page of 6 Mar 2026" in (jp.notes or "")


def test_switzerland_2026_share_67_with_70_from_tipranks_as_the_other_reading() -> None:
    ch = by_id("switzerland")
    terms = {t.id: t for t in ch.terms}
    main, other = terms["first-year-share"], terms["first-year-share-other"]
    assert main.usd_bn == 67 and main.confidence == "confirmed"
    assert other.usd_bn == 70 and other.confidence == "reported"
    assert other.sources == ("tipranks-2025-11-14",)
    assert (other.from_.isoformat(), other.to.isoformat()) == ("2026-01-01", "2026-12-31")
    tip = next(s for s in ch.sources if s.id == "tipranks-2025-11-14")
    assert tip.url.startswith("https://www.tipranks.com/") and "fastly.tipranks.com" in tip.via
    assert flagged(tip.url) is None and flagged("https://fastly.tipranks.com/news/x")


def test_eu_1_july_start_with_the_4_july_ultimatum() -> None:
    eu = by_id("eu")
    event = next(e for e in eu.timeline if e.date.isoformat() == "2026-07-01")
    assert "4 July" in event.title and '"much higher"' in event.title
    assert set(event.sources) == {"eurradio-2026-07-01", "brusselstimes-2026-06-30"}
    term = next(t for t in eu.terms if t.id == "eu-tariff-elimination")
    assert term.from_.isoformat() == "2026-07-01" and "eurradio-2026-07-01" in term.sources
    assert eu.updated.isoformat() == "2026-07-01"


def test_qatar_qia_pledge_has_a_newspaper_s_own_report() -> None:
    qa = by_id("qatar")
    event = next(e for e in qa.timeline if e.date.isoformat() == "2025-05-15" and "QIA" in e.title)
    assert "500" in event.title and "wallstreetonline-2025-05" in event.sources
    assert kinds(qa)["wallstreetonline-2025-05"] == "news"
