"""`deal chart`: the data of a bar chart; the chart renderer draws it."""

from __future__ import annotations

from decimal import Decimal

from ..errors import UsageError
from ..model import Deal
from ..table import Column, Report, Table
from ..totals import sector_matrix, share, totals
from .allocations import allocations_by
from .common import caption

CHART_BY = ("sector", "company", "country", "status")


def _columns() -> list[Column]:
    return [
        Column("label", "Label"),
        Column("measure", "Measure"),
        Column("usd_bn", "USD bn", "amount"),
        Column("share_pct", "% of headline", "pct"),
    ]


def chart(deal: Deal, by: str = "sector") -> Report:
    if by not in CHART_BY:
        raise UsageError(f"cannot chart by '{by}'; choose one of {', '.join(CHART_BY)}")
    tot = totals(deal)
    head = tot.headline
    t = Table("chart", f"Where the money goes, by {by}", _columns())
    t.add("headline", "scale", head, Decimal(100))
    t.add("committed", "total", tot.committed, share(tot.committed, head))
    t.add("uncommitted", "total", tot.uncommitted, share(tot.uncommitted, head))
    t.add("candidates", "total", tot.candidates, share(tot.candidates, head))
    groups = allocations_by(deal, by).tables[0]
    for row in groups.records():
        if row["row"] != "group":
            continue
        for stage in ("committed", "candidate"):
            value = row[f"{stage}_usd_bn"]
            if value:
                t.add(row[by], stage, value, share(value, head))
    t.notes.append("committed and candidates are separate bars: the same money at two stages")

    return Report(f"{deal.title}: chart by {by}", [t], caption(deal), chart=True)


def chart_compare(deals: list[Deal]) -> Report:
    """Sectors side by side, as shares of each deal's own headline."""
    if len(deals) < 2:
        raise UsageError("chart --compare needs two or more deals")
    t = Table("chart", "Sectors side by side (share of each deal's headline)", _columns())
    t.columns.insert(1, Column("deal", "Deal"))
    for sector, stage, values in sector_matrix(deals):
        for d, value in zip(deals, values, strict=True):
            t.add(sector, d.id, stage, value, share(value, d.headline.usd_bn))
    return Report("Compare: " + " vs ".join(d.id for d in deals), [t], chart=True)
