"""Capacity to pay: a year's amount against the investor's GDP and foreign-exchange reserves,
and how sources say the year is to be funded."""

from __future__ import annotations

from decimal import Decimal

from ..core.split import DealSplit
from ..core.table import Column, Table
from ..core.totals import share

DEAL = Column("deal", "Deal", main=True)


def yearly(split: DealSplit) -> tuple[Decimal, str]:
    """The most the investor pays in a year: the cap, else the amount over the period."""
    if split.cap is not None:
        return split.cap, "the yearly cap"
    return split.amount / split.spread, f"even over {split.spread} years"


def capacity_tables(splits: list[DealSplit]) -> list[Table]:
    pools = [s for s in splits if s.project is None]
    if not pools:
        return []
    t = Table(
        "capacity",
        "A year's amount against the investor's economy",
        [
            DEAL,
            Column("year_usd_bn", "A year USD bn", "amount"),
            Column("basis", "Basis", priority=3, coded=True),
            Column("gdp_usd_bn", "GDP USD bn", "amount", priority=2),
            Column("gdp_pct", "% of GDP", "pct"),
            Column("reserves_usd_bn", "FX reserves USD bn", "amount", priority=2),
            Column("reserves_date", "Reserves on", "date", priority=3),
            Column("reserves_pct", "% of reserves", "pct"),
        ],
    )
    funding = Table(
        "funding",
        "How a year at the cap is to be funded, as sources say",
        [
            DEAL,
            Column("source", "Source of money", main=True),
            Column("usd_bn", "USD bn a year", "amount"),
            Column("year_pct", "% of the year", "pct"),
        ],
    )
    for s in dict.fromkeys(pools):
        deal, cap = s.deal, s.deal.capacity
        amount, basis = yearly(s)
        gdp = deal.investor.gdp_usd_bn
        reserves = cap.reserves_usd_bn if cap else None
        t.add(
            deal.id,
            amount,
            basis,
            gdp,
            share(amount, gdp),
            reserves,
            cap.reserves_date if cap else None,
            share(amount, reserves),
        )
        if gdp is None:
            t.notes.append(f"{deal.id} gives no investor GDP")
        elif deal.investor.gdp_year:
            t.notes.append(f"{deal.id}: GDP of {deal.investor.gdp_year}")
        if reserves is None:
            t.notes.append(f"{deal.id} gives no foreign-exchange reserves")
        for f in cap.funding if cap else ():
            funding.add(deal.id, f.label, f.usd_bn, share(f.usd_bn, amount))
        if cap and cap.note:
            funding.notes.append(f"{deal.id}: {cap.note}")
    return [t, funding] if funding.rows else [t]
