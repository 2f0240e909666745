"""The bundled Korea deal: the November 2026 corrections, the won headline, the cap and the totals.

Expected values come from the fact bases in ../shared/facts (korea.md, 2026-updates.md,
corrections-2026-11.md) and the pages they cite, not from the program's output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from dealcli.core.hosts import is_government, is_staging
from dealcli.core.model import Deal
from dealcli.core.reading import read_deal_file
from dealcli.core.totals import totals

from .conftest import BUNDLED


@pytest.fixture(scope="module")
def korea() -> Deal:
    deal, problems = read_deal_file(BUNDLED / "south-korea.yaml")
    assert deal is not None, [str(p) for p in problems]
    assert problems == [], [str(p) for p in problems]  # no warnings either
    return deal


def test_format_2(korea: Deal) -> None:
    assert korea.format == 2


def test_reciprocal_rate_ends_the_day_before_customs_stopped_collecting(korea: Deal) -> None:
    # Correction 1: customs collected IEEPA duties until 12:00 a.m. ET on 24 Feb 2026,
    # so the 15% rate was in force through 23 Feb (not the ruling's day, 20 Feb).
    term = {t.id: t for t in korea.terms}["tariff-rate"]
    assert term.pct == D("15")
    assert term.from_ == date(2025, 8, 7)
    assert term.to == date(2026, 2, 23)


def test_section_122_surcharge_follows_the_reciprocal_rate(korea: Deal) -> None:
    s122 = {t.id: t for t in korea.terms}["section-122-surcharge"]
    assert s122.pct == D("10")
    assert (s122.from_, s122.to, s122.known_to) == (date(2026, 2, 24), None, date(2026, 7, 24))


def test_special_act_named_as_passed_and_not_dated_by_the_vote(korea: Deal) -> None:
    # Correction 6: the enacted name; it takes effect three months after promulgation,
    # and that date was not found, so the term carries no start date; the vote is an event.
    act = {t.id: t for t in korea.terms}["special-act"]
    assert act.label == (
        "Special Act on the Operation and Management of Strategic Investments between the ROK and the US"
    )
    assert act.from_ is None
    assert "three months after promulgation" in act.value
    assert korea.notes and "promulgation date" in korea.notes
    votes = [e for e in korea.timeline if e.date == date(2026, 3, 12)]
    assert votes and "226 to 8" in votes[0].title


def test_tranches_add_up_to_the_headline(korea: Deal) -> None:
    # 200 (strategic investments, cash) + 150 (shipbuilding) = 350.
    tranches = {t.id: t.usd_bn for t in korea.structure}
    assert tranches == {"strategic-investments": D("200"), "shipbuilding": D("150")}
    assert sum(tranches.values()) == korea.headline.usd_bn == D("350")


def test_annual_cap_is_a_term_pace_can_read(korea: Deal) -> None:
    cap = {t.id: t for t in korea.terms}["annual-cap"]
    assert cap.usd_bn == D("20")
    # 200 / 20 = 10: the cash tranche takes at least ten calendar years.
    assert D("200") / cap.usd_bn == D("10")


def test_period_is_sourced_and_runs_from_the_mou_to_the_selection_deadline(korea: Deal) -> None:
    assert korea.period is not None
    assert korea.period.from_ == date(2025, 11, 14)  # MOU signed
    assert korea.period.to == date(2029, 1, 19)  # "by January 2029", end of the term
    assert korea.period.sources


def test_won_headline(korea: Deal) -> None:
    local = korea.headline.local
    assert local is not None
    assert local.currency == "KRW"
    assert local.bn == D("509000")  # about KRW 509 tn = 509,000 bn
    assert local.sources
    # 509,000 / 350 = about 1,454 won a dollar, the rate of mid-November 2025.
    assert D("1450") < local.bn / korea.headline.usd_bn < D("1460")


def test_headline_scope_and_binding(korea: Deal) -> None:
    assert korea.headline.scope == "investment"
    # a signed MOU with duties and a tariff sanction: binding in the format's sense, as Japan's
    assert korea.headline.binding is True


def test_vehicle_text_carries_no_figures(korea: Deal) -> None:
    # Correction 8: figures in `vehicle` have no source; they live in tranches and terms.
    assert korea.vehicle is not None
    assert not any(ch.isdigit() for ch in korea.vehicle)


def test_totals_worked_by_hand(korea: Deal) -> None:
    # Selected = selected + funded + operating = 0: no project selected under the MOU.
    # Candidates = the MASGA envelope 150; its parts (Hanwha 5, HD Hyundai 5) are not added
    # again, and the HII and Vigor partnerships have no amount: 150.
    t = totals(korea)
    assert t.selected == D("0")
    assert t.candidates == D("150")
    assert t.unselected == D("350")  # 350 - 0


def test_flng_contract_is_outside_the_pledge(korea: Deal) -> None:
    flng = [e for e in korea.timeline if "FLNG" in e.title or "floating LNG" in e.title]
    assert len(flng) == 1
    assert flng[0].outside_pledge is True
    assert flng[0].date == date(2026, 6, 1)
    assert not [a for a in korea.allocations if "LNG" in a.title]


def test_every_allocation_is_dated_and_histories_end_where_the_allocation_stands(
    korea: Deal,
) -> None:
    for a in korea.allocations:
        assert a.date is not None, a.id
        if a.history:
            assert a.history[-1].status == a.status
            assert a.history[-1].date == a.date
    hd = {a.id: a for a in korea.allocations}["hd-hyundai-cerberus-kdb"]
    # Announced unsized on 25 Aug 2025; USD 5 bn in the White House sheet of 29 Oct 2025.
    assert [(s.date, s.usd_bn) for s in hd.history] == [
        (date(2025, 8, 25), None),
        (date(2025, 10, 29), D("5")),
    ]


def test_sources_are_followable(korea: Deal) -> None:
    for s in korea.sources:
        assert not is_staging(s.url), s.id
        if s.kind == "official":
            assert is_government(s.url), s.id
        if s.kind == "repost":
            assert s.via, s.id
    kinds = {s.id: s.kind for s in korea.sources}
    for rewrite in ("seoulreporter-2025-11-14", "latestnewsx-2025-11", "podcast-jfs-summary"):
        assert kinds[rewrite] == "aggregator"
    assert kinds["wh-jfs-2025-11-13"] == "repost"
    assert kinds["fr-2025-21940"] == "official"


def test_items_resting_only_on_aggregators_are_unconfirmed(korea: Deal) -> None:
    kinds = {s.id: s.kind for s in korea.sources}
    groups = (korea.terms, korea.allocations, korea.commitments, korea.timeline)
    for item in (i for g in groups for i in g):
        if all(kinds[s] == "aggregator" for s in item.sources):
            assert item.confidence == "unconfirmed", item
    terms = {t.id: t for t in korea.terms}
    for tid in ("funding-window", "if-declined", "supplier-preference"):
        assert terms[tid].confidence == "unconfirmed"


def test_updated_is_the_newest_source(korea: Deal) -> None:
    assert korea.updated == date(2026, 6, 4)
    assert korea.updated == max(s.date for s in korea.sources)
