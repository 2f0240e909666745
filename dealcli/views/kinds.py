"""`deal compare -s kinds`: what kind of money each pledge is, and how much of it is named.

A headline whose `scope` is investment is all investment; purchases the deal names (the
commitments of `area: purchases`) then sit beside it. A headline that mixes kinds (scope
`investment_and_purchases` or `economic_exchange`) holds its named purchases, and what is left
of it is not broken down: it stays "the rest". Totals leave purchases out.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..core.compared import Compared
from ..core.table import Column, Table
from ..core.totals import ZERO, share

DEAL = Column("deal", "Deal", main=True)
MIXED = ("investment_and_purchases", "economic_exchange", "purchases")
ALL = "all deals"


def kinds_part(deals: list[Compared], names: list[str], day: date) -> list[Table]:
    return [_kinds(deals, names), _instruments(deals, names)]


def _kinds(deals: list[Compared], names: list[str]) -> Table:
    t = Table(
        "kinds",
        "What kind of money, and how much of it is named",
        [
            DEAL,
            Column("pledged_usd_bn", "Pledged USD bn", "amount", style="pledged"),
            Column("investment_usd_bn", "Investment USD bn", "amount"),
            Column("purchases_in_usd_bn", "Purchases in it USD bn", "amount", priority=2),
            Column("rest_usd_bn", "Rest USD bn", "amount", priority=2),
            Column("purchases_beside_usd_bn", "Purchases beside USD bn", "amount", priority=3),
            Column("selected_usd_bn", "Named projects USD bn", "amount", style="selected"),
            Column("selected_pct", "Named % of non-purchases", "pct", style="selected"),
        ],
    )
    sums = dict.fromkeys(("headline", "investment", "rest", "selected", "base"), ZERO)
    for name, d in zip(names, deals, strict=True):
        head, bought = d.headline, d.purchases
        mixed = d.scope in MIXED
        inside = min(bought or ZERO, head) if mixed else None
        investment = None if mixed else head
        rest = head - (inside or ZERO) if mixed else None
        selected = d.selected if d.allocated else None
        base = head - (inside or ZERO)  # the headline without the purchases in it
        t.add(
            name, head, investment, inside, rest, None if mixed else bought,
            selected, share(selected, base),
        )  # fmt: skip
        for key, value in (("headline", base), ("investment", investment), ("rest", rest)):
            sums[key] += value or ZERO
        sums["selected"] += selected or ZERO
    t.add(
        ALL, sums["headline"], sums["investment"], None, sums["rest"], None,
        sums["selected"], share(sums["selected"], sums["headline"]),
        style="dim",
    )  # fmt: skip
    t.notes += [
        "investment: a headline of scope investment; purchases in it: the named purchases of a "
        "headline that mixes kinds, and the rest what it does not break down; purchases "
        "beside: named purchases outside an investment headline",
        f"{ALL}: the headlines without the purchases in them (purchases are never added), "
        "the investment, the rest, and the money selected for named projects (selected, "
        "funded, operating)",
        "named projects: selected allocations as a share of the headline without its "
        "purchases; blank where a deal names no allocations",
    ]
    if any(d.scope is None for d in deals):
        t.notes.append("a deal whose file gives no scope is counted as investment")
    return t


def _instruments(deals: list[Compared], names: list[str]) -> Table:
    t = Table(
        "instruments",
        "Investment by instrument, as the tranches give it",
        [
            Column("instrument", "Instrument", main=True),
            DEAL,
            Column("usd_bn", "USD bn", "amount"),
            Column("pledged_pct", "% of pledged", "pct"),
        ],
    )
    for name, d in zip(names, deals, strict=True):
        if not d.tranches:
            head = d.headline
            t.add("not broken down", name, head, share(head, head))
            continue
        kinds: dict[str, Decimal] = {}
        for instrument, usd_bn in d.tranches:
            key = instrument or "not given"
            kinds[key] = kinds.get(key, ZERO) + usd_bn
        for kind, amount in kinds.items():
            t.add(kind, name, amount, share(amount, d.headline))
    t.notes.append(
        "mixed: a tranche of several instruments (see each deal's structure); not given: a "
        "tranche whose instrument the file does not say; not broken down: no tranches"
    )
    return t
