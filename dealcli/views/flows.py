"""`deal flows`: allocated money by the home country of the lead companies."""

from __future__ import annotations

from ..core.model import Deal
from ..core.table import Column, Report, Table
from ..core.totals import (
    STAGES,
    UNATTRIBUTED,
    ZERO,
    Group,
    counted,
    group,
    group_key,
    share,
    split,
    totals,
)
from .allocations import headline_remainders
from .common import caption


def origin_group(country: str, deal: Deal) -> str:
    if country == UNATTRIBUTED:
        return "unattributed"
    if country == deal.host.code:
        return "host-led"
    if country == deal.investor.code:
        return "investor-led"
    return "third country"


def flows(deal: Deal, with_totals: bool = False) -> Report:
    """Allocated money attributed to the home countries of the lead companies.

    Each table's rows add up to the deal's candidate and selected totals. With
    `with_totals`, a `row` column marks them `group`, and each table ends with a `total`
    row (the by-country table also with the `remainder` of the headline).
    """
    mark = ["group"] if with_totals else []
    row = [Column("row", "Row")] if with_totals else []
    head = deal.headline.usd_bn
    countries = group(deal, "country", list(STAGES))
    by_sector: dict[tuple[str, str], Group] = {}  # (sector, origin) -> amounts per stage
    for stage, statuses in STAGES.items():
        for status in statuses:
            for a in counted(deal, status):
                for country, amount in split(a, "country"):
                    place = (group_key(a.sector), origin_group(country, deal))
                    cell = by_sector.setdefault(place, Group(a.sector))
                    cell.amounts[stage] = cell.amount(stage) + (amount or ZERO)
    order = ("investor-led", "host-led", "third country", "unattributed")
    t = Table(
        "flows",
        f"Who leads the money: {deal.investor.code} (investor) vs {deal.host.code} (host)",
        [
            *row,
            Column("origin", "Origin"),
            Column("country", "Lead's home"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("candidate_share_pct", "% of pledged", "pct"),
            Column("selected_usd_bn", "Selected USD bn", "amount"),
            Column("selected_share_pct", "% of pledged", "pct"),
            Column("allocations", "Allocations", "int"),
        ],
    )
    origin = {key: origin_group(g.label, deal) for key, g in countries.items()}
    for key in sorted(countries, key=lambda k: (order.index(origin[k]), countries[k].label)):
        g = countries[key]
        cand, comm = g.amount("candidate"), g.amount("selected")
        t.add(
            *mark, origin[key], g.label, cand, share(cand, head), comm, share(comm, head), g.count
        )
    groups = Table(
        "origins",
        "Totals by origin",
        [
            *row,
            Column("origin", "Origin"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("candidate_of_total_pct", "% of candidates", "pct"),
            Column("selected_usd_bn", "Selected USD bn", "amount"),
            Column("selected_of_total_pct", "% of selected", "pct"),
        ],
    )
    tot = totals(deal)
    for name in order:
        members = [g for key, g in countries.items() if origin[key] == name]
        cand = sum((g.amount("candidate") for g in members), ZERO)
        comm = sum((g.amount("selected") for g in members), ZERO)
        groups.add(*mark, name, cand, share(cand, tot.candidates), comm, share(comm, tot.selected))
    sectors = Table(
        "sectors",
        "By sector and origin",
        [
            *row,
            Column("sector", "Sector"),
            Column("origin", "Origin"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("selected_usd_bn", "Selected USD bn", "amount"),
        ],
    )
    for place in sorted(by_sector, key=lambda k: (k[0], order.index(k[1]))):
        cell = by_sector[place]
        sectors.add(*mark, cell.label, place[1], cell.amount("candidate"), cell.amount("selected"))
    if with_totals:
        _add_totals(deal, groups, t, sectors)
    t.notes.append("a project with several leads is split evenly among their home countries")
    t.notes.append("unattributed: allocations that name no lead company")
    return Report(f"{deal.title}: flows", [groups, t, sectors], caption(deal), sectioned=True)


def _add_totals(deal: Deal, groups: Table, countries: Table, sectors: Table) -> None:
    tot = totals(deal)
    cand, comm, head = tot.candidates, tot.selected, deal.headline.usd_bn
    groups.add("total", "(total)", cand, share(cand, cand), comm, share(comm, comm))
    count = sum(r[-1] for r in countries.rows)
    countries.add("total", "(total)", None, cand, share(cand, head), comm, share(comm, head), count)
    for label, m, value in headline_remainders(head, {"candidate": cand, "selected": comm}):
        amounts = [value, share(value, head)]
        cells = [*amounts, None, None] if m == "candidate" else [None, None, *amounts]
        countries.add("remainder", label, None, *cells, None)
    sectors.add("total", "(total)", None, cand, comm)
