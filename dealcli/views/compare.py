"""`deal compare`: deals side by side, one column per deal, one unit per row."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..errors import UsageError
from ..model import Deal, Term
from ..table import Column, Report, Table
from ..totals import CENT, ZERO, sector_matrix, share, totals, years


def _table(name: str, title: str, deals: list[Deal]) -> Table:
    cols = [Column("measure", "Measure", main=True), Column("unit", "Unit")]
    keys: list[str] = []
    for d in deals:  # the same deal twice gets two distinct column names
        keys.append(d.id if d.id not in keys else f"{d.id}-{len(keys) + 1}")
    cols += [Column(k, k, "number") for k in keys]
    return Table(name, title, cols)


def _row(t: Table, measure: str, unit: str, deals: list[Deal], get: Callable[[Deal], Any]) -> None:
    t.add(measure, unit, *(get(d) for d in deals))


def annual_cap(deal: Deal) -> Decimal | None:
    for term in deal.terms:
        if "cap" in term.id and term.usd_bn is not None:
            return term.usd_bn
    return None


def _pace(deal: Deal) -> Decimal | None:
    span = years(deal)
    return (deal.headline.usd_bn / span).quantize(CENT) if span else None


def _gdp_share(deal: Deal) -> Decimal | None:
    return share(deal.headline.usd_bn, deal.investor.gdp_usd_bn)


def totals_part(deals: list[Deal]) -> Table:
    t = _table("totals", "Totals", deals)
    tot = {d.id: totals(d) for d in deals}
    _row(t, "headline", "USD bn", deals, lambda d: d.headline.usd_bn)
    _row(t, "headline basis", "", deals, lambda d: d.headline.basis)
    _row(t, "status", "", deals, lambda d: d.status)
    _row(t, "investor", "", deals, lambda d: d.investor.code)
    _row(t, "period from", "date", deals, lambda d: d.period.from_ if d.period else None)
    _row(t, "period to", "date", deals, lambda d: d.period.to if d.period else None)
    _row(t, "period length", "years", deals, years)
    _row(t, "annual pace (headline/years)", "USD bn/yr", deals, _pace)
    _row(t, "annual cap", "USD bn/yr", deals, annual_cap)
    _row(t, "investor GDP", "USD bn", deals, lambda d: d.investor.gdp_usd_bn)
    _row(t, "investor GDP year", "year", deals, lambda d: d.investor.gdp_year)
    _row(t, "headline / investor GDP", "%", deals, _gdp_share)
    _row(t, "committed", "USD bn", deals, lambda d: tot[d.id].committed)
    _row(
        t,
        "committed / headline",
        "%",
        deals,
        lambda d: share(tot[d.id].committed, d.headline.usd_bn),
    )
    _row(t, "candidates", "USD bn", deals, lambda d: tot[d.id].candidates)
    _row(
        t,
        "candidates / headline",
        "%",
        deals,
        lambda d: share(tot[d.id].candidates, d.headline.usd_bn),
    )
    _row(t, "uncommitted", "USD bn", deals, lambda d: tot[d.id].uncommitted)
    _row(t, "projects", "count", deals, lambda d: len(d.allocations))
    _row(
        t,
        "companies",
        "count",
        deals,
        lambda d: len({c.name.casefold() for a in d.allocations for c in a.companies}),
    )
    instruments = sorted({tr.instrument or "unspecified" for d in deals for tr in d.structure})
    for inst in instruments:
        t.add(f"tranches: {inst}", "USD bn", *(_tranche_sum(d, inst) for d in deals))
    for d in deals:
        if d.investor.gdp_usd_bn is None:
            t.notes.append(f"{d.id} gives no investor GDP: its GDP share is blank")
    if len({d.investor.gdp_year for d in deals if d.investor.gdp_year}) > 1:
        t.notes.append("GDP figures are for different years; see each deal's sources")
    return t


def _attr(term: Term | None, name: str) -> Any:
    return getattr(term, name) if term is not None else None


def _tranche_sum(deal: Deal, instrument: str) -> Decimal | None:
    parts = [tr.usd_bn for tr in deal.structure if (tr.instrument or "unspecified") == instrument]
    return sum(parts, ZERO) if parts else None


def terms_part(deals: list[Deal]) -> Table:
    t = _table("terms", "Terms with a number, by term id", deals)
    ids: dict[str, str] = {}
    for d in deals:
        for term in d.terms:
            if term.pct is not None or term.usd_bn is not None:
                ids.setdefault(term.id, term.label)
    for tid in ids:
        found = {d.id: next((x for x in d.terms if x.id == tid), None) for d in deals}
        if any(x is not None and x.pct is not None for x in found.values()):
            t.add(tid, "%", *(_attr(found[d.id], "pct") for d in deals))
        if any(x is not None and x.usd_bn is not None for x in found.values()):
            t.add(tid, "USD bn", *(_attr(found[d.id], "usd_bn") for d in deals))
    t.notes.append("a blank cell: the deal has no term with that id")
    return t


def sectors_part(deals: list[Deal]) -> Table:
    t = _table("sectors", "Sectors: candidates and committed, apart", deals)
    for sector, stage, values in sector_matrix(deals):
        label = f"{sector}: {stage}"
        t.add(label, "USD bn", *values)
        heads = [d.headline.usd_bn for d in deals]
        t.add(label, "% of headline", *(share(v, h) for v, h in zip(values, heads, strict=True)))
    return t


def commitments_part(deals: list[Deal]) -> Table:
    t = _table("commitments", "Commitments by area", deals)
    areas = sorted({c.area for d in deals for c in d.commitments})
    for area in areas:
        pledges = [[c for c in d.commitments if c.area == area] for d in deals]
        t.add(area, "count", *(len(p) for p in pledges))
        if any(c.usd_bn is not None for p in pledges for c in p):
            stated = [sum((c.usd_bn for c in p if c.usd_bn is not None), ZERO) for p in pledges]
            t.add(area, "USD bn stated", *stated)
    t.notes.append(
        "USD bn stated: the amounts the commitments name, added as stated "
        "(yearly and multi-year figures mixed)"
    )
    return t


# The parts of a comparison, in the order they are shown: name -> builder.
PARTS: dict[str, Callable[[list[Deal]], Table]] = {
    "totals": totals_part,
    "terms": terms_part,
    "sectors": sectors_part,
    "commitments": commitments_part,
}


def compare(deals: list[Deal], only: list[str] | None = None) -> Report:
    if len(deals) < 2:
        raise UsageError("compare needs two or more deals")
    parts = only or list(PARTS)
    bad = [p for p in parts if p not in PARTS]
    if bad:
        raise UsageError(f"no part named {', '.join(bad)}; choose from {', '.join(PARTS)}")
    title = " vs ".join(d.id for d in deals)
    checked = ", ".join(f"{d.id} {d.updated}" for d in deals)
    return Report(
        f"Compare: {title}",
        [PARTS[p](deals) for p in parts],
        f"data checked to: {checked}",
        sectioned=True,
    )
