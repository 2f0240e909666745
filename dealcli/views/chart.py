"""`deal chart`: the data of a bar chart; the chart renderer draws it from column hints."""

from __future__ import annotations

from ..errors import UsageError
from ..model import Deal
from ..table import Column, Report, Share, Style, Table
from ..totals import STAGES, group, sector_matrix, share, totals
from .common import LEGEND, caption

CHART_BY = ("sector", "company", "country", "status")


def _columns() -> list[Column]:
    return [
        Column("label", "Label", main=True),
        Column("measure", "Measure", main=True),
        Column("usd_bn", "USD bn", "amount"),
        Column("share_pct", "% of headline", "pct", bar=True),
    ]


def chart(deal: Deal, by: str = "sector") -> Report:
    if by not in CHART_BY:
        raise UsageError(f"cannot chart by '{by}'; choose one of {', '.join(CHART_BY)}")
    tot = totals(deal)
    head = tot.headline
    t = Table("chart", f"Where the money goes, by {by}", _columns(), legend=LEGEND)
    t.add("headline", "scale", head, Share(100), style="headline")
    t.add("committed", "total", tot.committed, share(tot.committed, head), style="committed")
    t.add(
        "uncommitted", "total", tot.uncommitted, share(tot.uncommitted, head), style="uncommitted"
    )
    t.add("candidates", "total", tot.candidates, share(tot.candidates, head), style="candidate")
    groups = group(deal, by, list(STAGES)).values()
    stages: tuple[Style, ...] = ("committed", "candidate")
    # the largest groups first: committed and candidate money, each on its own bar
    for g in sorted(
        groups, key=lambda g: (-(g.amount("committed") + g.amount("candidate")), g.label.casefold())
    ):
        for stage in stages:
            value = g.amount(stage)
            if value:
                t.add(g.label, stage, value, share(value, head), style=stage)
    t.notes.append("committed and candidates are separate bars: the same money at two stages")

    return Report(f"{deal.title}: chart by {by}", [t], caption(deal), chart=True)


def chart_compare(deals: list[Deal]) -> Report:
    """Sectors side by side, as shares of each deal's own headline."""
    if len(deals) < 2:
        raise UsageError("chart --compare needs two or more deals")
    t = Table(
        "chart", "Sectors side by side (share of each deal's headline)", _columns(), legend=LEGEND
    )
    t.columns[0] = Column("label", "Label", group=True)
    t.columns.insert(1, Column("deal", "Deal", main=True))
    for sector, stage, values in sector_matrix(deals):
        style: Style = "committed" if stage == "committed" else "candidate"
        for d, value in zip(deals, values, strict=True):
            t.add(sector, d.id, stage, value, share(value, d.headline.usd_bn), style=style)
    return Report("Compare: " + " vs ".join(d.id for d in deals), [t], chart=True)
