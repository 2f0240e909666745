"""What a deal's own data gives the returns model: the split, the amount it covers, when the
money is paid in, the yearly cap, the review clause. Nothing here comes from code: a deal
without the terms is refused, naming them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import DealError, UsageError, did_you_mean
from .model import Allocation, Deal
from .totals import term

BEFORE = "profit-split-before-recoupment"
AFTER = "profit-split-after-recoupment"
CAP = "annual-cap"
HUNDRED = Decimal(100)
DAYS_A_YEAR = Decimal("365.25")


@dataclass(frozen=True)
class DealSplit:
    """The investor's shares are fractions: the terms' `pct` is the host's share."""

    deal: Deal
    before: Decimal
    after: Decimal
    amount: Decimal  # what the split covers
    covers: str  # in words: "the headline", "tranche strategic-investments"
    start: date | None  # when year 1 begins: the period's start, or the project's date
    spread: int  # the years the money is paid in over, evenly
    cap: Decimal | None  # the most the investor pays in a year
    review_years: int | None
    review: str | None
    project: Allocation | None = None


def investor_share(deal: Deal, term_id: str) -> Decimal:
    found = term(deal, term_id)
    assert found is not None and found.pct is not None
    if found.pct > HUNDRED:
        raise DealError(
            f"{deal.id}: term {term_id} gives the United States' share as {found.pct}%; "
            "a share is at most 100%"
        )
    return (HUNDRED - found.pct) / HUNDRED


def deal_split(deal: Deal, project: str | None = None, amount: Decimal | None = None) -> DealSplit:
    """The split of `deal`, for its covered amount as one pool or for one of its projects;
    `amount` replaces the amount the data gives."""
    missing = [t for t in (BEFORE, AFTER) if (x := term(deal, t)) is None or x.pct is None]
    if missing:
        raise DealError(
            f"{deal.id} has no {' and no '.join(missing)} term with a pct, so what its "
            "projects' cash pays each side is not known; `deal returns` models deals whose "
            "files give both (see docs/returns.md)"
        )
    ps = deal.profit_split
    covered = [t for t in deal.structure if ps and t.id in ps.covers]
    whole = sum((t.usd_bn for t in covered), Decimal(0)) if covered else deal.headline.usd_bn
    words = "tranche " + ", ".join(t.id for t in covered) if covered else "the headline"
    cap_term = term(deal, CAP)
    start = deal.period.from_ if deal.period else None
    spread = _years(deal)
    chosen = _project(deal, project, {t.id for t in covered}, amount) if project else None
    if chosen is not None:
        whole = chosen.usd_bn or Decimal(0)
        whole, words, start, spread = whole, f"project {chosen.id}", chosen.date, 1
    return DealSplit(
        deal,
        investor_share(deal, BEFORE),
        investor_share(deal, AFTER),
        whole if amount is None else amount,
        words,
        start,
        spread,
        cap_term.usd_bn if cap_term else None,
        ps.review_years if ps else None,
        ps.review if ps else None,
        chosen,
    )


def _years(deal: Deal) -> int:
    """The period in whole years, rounded up (Japan's 3.4 years: 4); one without a period."""
    if deal.period is None:
        return 1
    days = (deal.period.to - deal.period.from_).days
    return max(1, math.ceil(Decimal(days) / DAYS_A_YEAR))


def _project(deal: Deal, ident: str, covered: set[str], amount: Decimal | None) -> Allocation:
    found = next((a for a in deal.allocations if a.id == ident), None)
    if found is None:
        ids = [a.id for a in deal.allocations if a.usd_bn is not None]
        if not ids:
            raise UsageError(f"--project: {deal.id} names no allocation with an amount")
        raise UsageError(
            f"--project takes an allocation of {deal.id}, not '{ident}'" + did_you_mean(ident, ids)
        )
    if found.usd_bn is None and amount is None:
        raise UsageError(f"--project: {deal.id}'s {ident} names no amount; give --amount")
    if covered and found.tranche not in covered:
        raise UsageError(
            f"--project: {ident} is funded by tranche {found.tranche or '(none given)'}, which "
            f"{deal.id}'s profit split does not cover ({', '.join(sorted(covered))})"
        )
    return found
