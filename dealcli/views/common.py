"""Pieces that several views share."""

from __future__ import annotations

from decimal import Decimal

from ..model import COMMITTED_STATUSES, Deal
from ..table import Style, number, rounded

# What the row and column styles of money stand for; renderers show it as a colour key.
LEGEND: dict[str, str] = {
    "committed": "committed (selected, funded, operating)",
    "candidate": "candidates (named, not committed)",
    "uncommitted": "uncommitted",
}


def caption(deal: Deal, currency: str = "USD") -> str:
    """The line under a deal's title: who, how much, how firm, how fresh (and, in another
    currency than USD, that amounts are those announced in it)."""
    text = (
        f"{deal.investor.name} → {deal.host.name} · USD {number(deal.headline.usd_bn)} bn "
        f"{deal.headline.basis} · {deal.status} · updated {deal.updated}"
    )
    return text if currency == "USD" else f"{text} · amounts in {currency} as announced"


def stage(status: str) -> Style:
    """The style of an allocation's row: committed money, a candidate, or dimmed (cancelled)."""
    if status in COMMITTED_STATUSES:
        return "committed"
    if status == "candidate":
        return "candidate"
    return "dim"


def shown(pct: Decimal | None) -> str:
    """A share written in prose, rounded once as tables show it: 54.5%."""
    return "" if pct is None else f"{rounded(pct, 1)}%"
