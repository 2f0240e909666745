"""Pieces that several views share."""

from __future__ import annotations

from ..model import Deal
from ..table import number


def caption(deal: Deal) -> str:
    """The line under a deal's title: who, how much, how firm, how fresh."""
    return (
        f"{deal.investor.name} -> {deal.host.name} · USD {number(deal.headline.usd_bn)} bn "
        f"({deal.headline.basis}) · {deal.status} · data checked to {deal.updated}"
    )
