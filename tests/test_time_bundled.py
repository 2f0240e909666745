"""--as-of and `deal pace` on the bundled deals: the hand-worked checks of the issue.

Japan's USD 550 bn: a headline in July 2025, 21 candidate projects on 28 Oct 2025, a first
tranche of USD 36 bn on 17 Feb 2026 and a second of up to USD 73 bn on 19 Mar 2026, against a
window that closes on 19 Jan 2029. The figures allow for the two readings the sources give
(Ohio at 33.3 or 33: a first tranche of 36.0 or 35.7).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from typing import Any

from dealcli.core.asof import as_of
from dealcli.core.reading import read_deal

from .conftest import BUNDLED, invoke


def run(*args: str) -> Any:
    r = invoke(*args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout, parse_float=D, parse_int=D)


def totals_on(day: str) -> dict[str, D]:
    rows = run("show", "japan", "--as-of", day, "-s", "totals")["totals"]
    return {r["measure"]: D(r["usd_bn"]) for r in rows}


def allocation_on(day: str, ident: str) -> tuple[str, D] | None:
    shown = run("show", "japan", "--as-of", day, "-s", "allocations")["allocations"]
    rows = {r["id"]: r for r in shown}
    row = rows.get(ident)
    return None if row is None else (row["status"], D(row["usd_bn"]))


def test_japan_before_the_fact_sheet_no_candidates() -> None:
    t = totals_on("2025-10-01")
    assert (t["selected"], t["candidates"]) == (0, 0)


def test_japan_end_of_january_2026_candidates_but_nothing_selected() -> None:
    t = totals_on("2026-01-31")
    assert t["selected"] == 0
    assert t["candidates"] > 0


def test_japan_end_of_february_2026_the_first_tranche() -> None:
    assert totals_on("2026-02-28")["selected"] in (D("36.0"), D("35.7"))


def test_japan_end_of_march_2026_about_109() -> None:
    # 36.0 (or 35.7) + 73 = 109.0 (or 108.7)
    assert totals_on("2026-03-31")["selected"] in (D("109.0"), D("108.7"))


def test_japan_histories_gvh_and_element_six() -> None:
    # GE Vernova Hitachi: a fact-sheet candidate (up to 100), selected at 40 on 19 Mar 2026
    assert allocation_on("2026-01-31", "gvh-bwrx-300") == ("candidate", D(100))
    assert allocation_on("2026-03-31", "gvh-bwrx-300") == ("selected", D(40))
    # Element Six: 0.5 as a candidate, about 0.6 when selected on 17 Feb 2026
    assert allocation_on("2026-01-31", "element-six-diamond-grit") == ("candidate", D("0.5"))
    assert allocation_on("2026-02-28", "element-six-diamond-grit") == ("selected", D("0.6"))
    # the second tranche's gas plants were not named before March 2026
    assert allocation_on("2026-02-28", "gas-generation-pa-tx") is None


def test_japan_pace_at_the_end_of_march_2026() -> None:
    p = run("pace", "japan", "--as-of", "2026-03-31")["pace"][0]
    # 550 - 109 = 441 (or 550 - 108.7 = 441.3); 2026-03-31 -> 2029-01-19 is 731 + 294 = 1025
    # days = 2.806 years; 441 / 2.806 = 157.15 a year (441.3 / 2.806 = 157.26)
    assert p["remaining_usd_bn"] in (D(441), D("441.3"))
    assert p["deadline"] == "2029-01-19"
    assert p["years_left"] == D("2.81")
    assert D(157) <= p["needed_usd_bn_a_year"] < D("157.5")


def test_korea_pace_at_the_annual_cap() -> None:
    p = run("pace", "korea", "--as-of", "2026-03-31")["pace"][0]
    # USD 20 bn a year at most: the remainder needs remaining / 20 years, and the period to
    # 19 Jan 2029 (2.81 years) allows at most about 56 of the 350
    assert p["annual_cap_usd_bn"] == 20
    assert p["years_at_cap"] == (p["remaining_usd_bn"] / 20).quantize(D("0.01"))
    assert p["period_allows"] == ("yes" if p["remaining_usd_bn"] <= 20 * D("2.806") else "no")


def test_saudi_headline_as_it_stood() -> None:
    # 600 from 23 Jan 2025, raised to about 1,000 on 18 Nov 2025 (headline history)
    saudi = read_deal(BUNDLED / "saudi-arabia.yaml")
    before = as_of(saudi, date(2025, 6, 1)).headline
    assert (before.usd_bn, before.sources) == (D(600), ("jakartaglobe-2025-01-23",))
    assert [s.usd_bn for s in before.history] == [D(600)]
    # after the last step the headline is the file's own, with all three of its sources
    assert as_of(saudi, date(2026, 1, 1)).headline == saudi.headline
    assert len(saudi.headline.sources) == 3 and saudi.headline.usd_bn == D(1000)
