"""`deal chart`: the data of a bar chart; the chart renderer draws it from column hints."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..core.errors import UsageError
from ..core.model import Deal
from ..core.table import Column, Report, Share, Style, Table, number
from ..core.totals import STAGES, group, known_money, sector_matrix, share, totals
from .common import LEGEND, caption

CHART_BY = ("sector", "company", "country", "status")


def _columns() -> list[Column]:
    return [
        Column("label", "Label", main=True),
        Column("measure", "Measure", main=True),
        Column("usd_bn", "USD bn", "amount"),
        Column("share_pct", "% of pledged", "pct", bar=True),
    ]


def chart(deal: Deal, by: str = "sector") -> Report:
    if by not in CHART_BY:
        raise UsageError(f"cannot chart by '{by}'; choose one of {', '.join(CHART_BY)}")
    tot = totals(deal)
    head = tot.headline
    t = Table("chart", f"Where the money goes, by {by}", _columns(), legend=LEGEND)
    t.add("pledged", "scale", head, Share(100), style="pledged")
    t.add("selected", "total", tot.selected, share(tot.selected, head), style="selected")
    t.add("unselected", "total", tot.unselected, share(tot.unselected, head), style="unselected")
    t.add("candidates", "total", tot.candidates, share(tot.candidates, head), style="candidate")
    groups = group(deal, by, list(STAGES)).values()
    stages: tuple[Style, ...] = ("selected", "candidate")
    # the largest groups first: selected and candidate money, each on its own bar
    for g in sorted(
        groups, key=lambda g: (-(g.amount("selected") + g.amount("candidate")), g.label.casefold())
    ):
        for stage in stages:
            value = g.amount(stage)
            if value:
                t.add(g.label, stage, value, share(value, head), style=stage)
    t.notes.append("selected and candidates are separate bars: the same money at two stages")

    return Report(f"{deal.title}: chart by {by}", [t], caption(deal), chart=True)


def _amounts(deal: Deal) -> list[tuple[str, Decimal | None, Style]]:
    """Pledged, selected and candidates: the money of a pledge, each a bar."""
    tot = totals(deal)
    return [
        ("pledged", deal.headline.usd_bn, "pledged"),
        ("selected", known_money(deal, tot.selected), "selected"),
        ("candidates", known_money(deal, tot.candidates), "candidate"),
    ]


def _pledge_columns(bar: str, label: str) -> list[Column]:
    return [
        Column("deal", "Deal", group=True),
        Column("measure", "Measure", main=True),
        Column("usd_bn", "USD bn", "amount"),
        Column(bar, label, "pct", bar=True),
    ]


def scale_part(deals: list[Deal]) -> Table:
    """The money of each pledge on one scale: the largest pledged amount is the full bar."""
    largest = max(d.headline.usd_bn for d in deals)
    t = Table(
        "pledges",
        "On one scale: a full bar is the largest pledged amount",
        _pledge_columns("scale_pct", "% of largest pledged amount"),
        legend=LEGEND,
    )
    for d in deals:
        for measure, value, style in _amounts(d):
            if value is not None:
                t.add(d.id, measure, value, share(value, largest), style=style)
    t.notes.append(f"the largest pledged amount: USD {number(largest)} bn")
    for d in deals:
        if not d.allocations:
            t.notes.append(f"{d.id} names no allocations: its selected money is not known")
    return t


def gdp_part(deals: list[Deal]) -> Table:
    """The same money as shares of each investor's GDP: a full bar is the whole GDP."""
    t = Table(
        "gdp",
        "Shares of each investor's GDP: a full bar is the whole GDP",
        _pledge_columns("gdp_pct", "% of investor GDP"),
        legend=LEGEND,
    )
    for d in deals:
        gdp = d.investor.gdp_usd_bn
        for measure, value, style in _amounts(d):
            if value is not None:
                t.add(d.id, measure, value, share(value, gdp), style=style)
        if gdp is None:
            t.notes.append(f"{d.id} gives no investor GDP: no bars")
    t.notes.append("+ after a bar: more than the investor's GDP")
    return t


def sectors_part(deals: list[Deal]) -> Table:
    """Sectors side by side, as shares of each deal's own headline."""
    t = Table(
        "sectors",
        "Sectors side by side (share of each deal's pledged amount)",
        _columns(),
        legend=LEGEND,
    )
    t.columns[0] = Column("label", "Label", group=True)
    t.columns.insert(1, Column("deal", "Deal", main=True))
    for sector, stage, values in sector_matrix(deals):
        style: Style = "selected" if stage == "selected" else "candidate"
        for d, value in zip(deals, values, strict=True):
            if value:
                t.add(sector, d.id, stage, value, share(value, d.headline.usd_bn), style=style)
    return t


COMPARE_VIEWS: dict[str, Callable[[list[Deal]], Table]] = {
    "pledges": scale_part,
    "gdp": gdp_part,
    "sector": sectors_part,
}


def chart_compare(deals: list[Deal], view: str = "pledges") -> Report:
    """Two or more deals in one chart: the pledges on one scale (pledged, selected,
    candidates), the same as shares of each investor's GDP, or their sectors side by side."""
    if len(deals) < 2:
        raise UsageError("chart --compare needs two or more deals")
    if view not in COMPARE_VIEWS:
        raise UsageError(f"no compare chart '{view}'; choose one of {', '.join(COMPARE_VIEWS)}")
    title = " vs ".join(d.id for d in deals) if len(deals) <= 3 else f"{len(deals)} deals"
    return Report("Compare: " + title, [COMPARE_VIEWS[view](deals)], chart=True)
