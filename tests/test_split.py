"""An amount led by several companies is shared so that the shares add up exactly."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from dealcli.core.reading import read_deal
from dealcli.core.totals import even_shares
from dealcli.views import allocations as allocations_view
from dealcli.views import companies as companies_view

from .conftest import FIXTURES


def test_even_shares_add_up_in_whole_thousands_of_dollars() -> None:
    assert even_shares(D(20), 3) == [D("6.666667"), D("6.666667"), D("6.666666")]
    assert sum(even_shares(D(20), 3), D(0)) == D(20)
    assert even_shares(D("0.5"), 2) == [D("0.25"), D("0.25")]
    assert even_shares(None, 2) == [None, None]


def test_an_amount_split_among_three_leads_adds_up_exactly(tmp_path: Path) -> None:
    """mini's a2 (20, candidate) gets a third lead: company and country groupings still sum
    to the candidates total, 30 (a1) + 20 (a2) + 40 (env1) = 90."""
    text = (
        (FIXTURES / "mini.yaml")
        .read_text(encoding="utf-8")
        .replace(
            '      - {name: Partner KK, country: "JP", role: partner}',
            '      - {name: Third Co, country: "GB", role: lead}',
        )
    )
    path = tmp_path / "three.yaml"
    path.write_text(text, encoding="utf-8")
    deal = read_deal(path)
    for by in ("company", "country"):
        records = allocations_view.allocations_by(deal, by).tables[0].records()
        groups = [r for r in records if r.get("row", "group") == "group"]
        assert sum((r["candidate_usd_bn"] for r in groups), D(0)) == D(90), by
    rows = {r["company"]: r for r in companies_view.companies([deal]).tables[0].records()}
    # a2's leads in order: Nippon Co and Acme Power get 6.666667, Third Co (only in a2) 6.666666
    assert rows["Third Co"]["candidate_usd_bn"] == D("6.666666")
