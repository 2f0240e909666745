"""The analytic views: allocations by group, companies, flows, timeline, search, list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..errors import UsageError
from ..model import COMMITTED_STATUSES, Deal
from ..table import SOURCES, Column, Report, Table, sources_cell
from ..totals import (
    STAGES,
    UNATTRIBUTED,
    ZERO,
    Group,
    Summary,
    counted,
    group,
    group_key,
    share,
    split,
    totals,
)

GROUPINGS = (
    "sector",
    "subsector",
    "company",
    "country",
    "status",
    "basis",
    "tranche",
    "instrument",
)


def allocations_by(
    deal: Deal,
    by: str = "sector",
    status: str | None = None,
    sector: str | None = None,
    top: int | None = None,
    sort: str = "amount",
) -> Report:
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by '{by}'; choose one of {', '.join(GROUPINGS)}")
    head = deal.headline.usd_bn
    numbers = deal.source_numbers()
    measures = [status] if status else ["candidate", "committed"]
    groups = group(deal, by, measures, sector)
    # Largest first: by each measure in turn (committed before candidates), never by their sum.
    ranked = list(reversed(measures))
    ordered = sorted(
        groups.values(),
        key=(lambda g: (g.label.casefold(),))
        if sort == "name"
        else (lambda g: (*(-g.amount(m) for m in ranked), g.label.casefold())),
    )
    if top is not None and len(ordered) > top:
        rest = ordered[top:]
        other = Group(f"(other: {len(rest)} groups)")
        for folded in rest:
            for m, v in folded.amounts.items():
                other.amounts[m] = other.amount(m) + v
            other.count += folded.count
            other.unsized += folded.unsized
            other.sources |= folded.sources
        ordered = [*ordered[:top], other]
    columns = [Column("row", "Row"), Column(by, by.capitalize())]
    for m in measures:
        columns += [
            Column(f"{m}_usd_bn", f"{m.capitalize()} USD bn", "amount"),
            Column(f"{m}_share_pct", "% of headline", "pct"),
            Column(f"{m}_of_total_pct", "% of total", "pct"),
        ]
    columns += [
        Column("allocations", "Allocations", "int"),
        Column("unsized", "Unsized", "int"),
        SOURCES,
    ]
    what = f"{status} allocations" if status else "Allocations"
    title = f"{what} by {by}" + (f" (sector {sector})" if sector else "")
    t = Table("allocations", title, columns)
    column_totals = {m: sum((g.amount(m) for g in groups.values()), ZERO) for m in measures}
    for g in ordered:
        cells: list[object] = ["group", g.label]
        for m in measures:
            v = g.amount(m)
            cells += [v, share(v, head), share(v, column_totals[m])]
        t.add(*cells, g.count, g.unsized, sources_cell(tuple(g.sources), numbers))
    for label, m, value in _remainders(head, column_totals):
        cells = ["remainder", label]
        for measure in measures:
            cells += [value, share(value, head), None] if measure == m else [None, None, None]
        t.add(*cells, None, None, ())
    if by in ("company", "country"):
        t.notes.append("amounts of projects with several leads are split evenly among them")
    if not status:
        t.notes.append(
            "candidates and committed money are shown apart: they are the same money at two stages"
        )
    return Report(f"{deal.title}: allocations by {by}", [t], _caption(deal))


def _remainders(head: Decimal, column_totals: dict[str, Decimal]) -> list[tuple[str, str, Decimal]]:
    out = []
    for m, total in column_totals.items():
        if m == "committed":
            out.append(("(uncommitted)", m, max(head - total, ZERO)))
        elif total > head:
            out.append((f"({m} beyond the headline)", m, total - head))
        else:
            out.append((f"(headline not named as {m})", m, head - total))
    return out


def _caption(deal: Deal) -> str:
    from .show import caption

    return caption(deal)


# -- companies -------------------------------------------------------------


@dataclass
class CompanyRow:
    name: str
    country: str
    role: str
    deals: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    candidate: Decimal = ZERO
    committed: Decimal = ZERO
    sources: tuple[str, ...] = ()


def company_rows(deals: Iterable[Deal]) -> list[CompanyRow]:
    rows: dict[tuple[str, str, str], CompanyRow] = {}
    for deal in deals:
        for a in deal.allocations:
            for c in a.companies:
                key = (c.name.casefold(), c.country, c.role)
                row = rows.setdefault(key, CompanyRow(c.name, c.country, c.role))
                if deal.id not in row.deals:
                    row.deals.append(deal.id)
                row.projects.append(a.title)
                row.sources = tuple(dict.fromkeys((*row.sources, *a.sources)))
                if c.role != "lead" or a.usd_bn is None:
                    continue
                each = a.usd_bn / len(a.leads)
                if a.status == "candidate":
                    row.candidate += each
                elif a.status in COMMITTED_STATUSES:
                    row.committed += each
    return sorted(
        rows.values(), key=lambda r: (-r.committed, -r.candidate, r.name.casefold(), r.role)
    )


def companies(deals: list[Deal], country: str | None = None, role: str | None = None) -> Report:
    t = Table(
        "companies",
        "Companies",
        [
            Column("company", "Company"),
            Column("country", "Home"),
            Column("role", "Role"),
            Column("deals", "Deals"),
            Column("projects", "Projects", "int"),
            Column("project_titles", "Project titles", extra=True),
            Column("candidate_usd_bn", "Candidates led USD bn", "amount"),
            Column("committed_usd_bn", "Committed led USD bn", "amount"),
            SOURCES,
        ],
    )
    # source numbers are each deal's own: shown when one deal is asked for
    numbers = deals[0].source_numbers() if len(deals) == 1 else {}
    for r in company_rows(deals):
        if country and r.country != country.upper():
            continue
        if role and r.role != role:
            continue
        lead = r.role == "lead"
        t.add(
            r.name,
            r.country,
            r.role,
            ", ".join(r.deals),
            len(r.projects),
            "; ".join(r.projects),
            r.candidate if lead else None,
            r.committed if lead else None,
            sources_cell(r.sources, numbers),
        )
    t.notes.append("amounts led: projects a company leads, split evenly among several leads")
    t.notes.append(
        "a project inside an envelope counts with its own amount here, not in deal totals"
    )
    names = ", ".join(d.id for d in deals)
    return Report(f"Companies in {names}", [t])


# -- flows -----------------------------------------------------------------


def origin_group(country: str, deal: Deal) -> str:
    if country == UNATTRIBUTED:
        return "unattributed"
    if country == deal.host.code:
        return "host-led"
    if country == deal.investor.code:
        return "investor-led"
    return "third country"


def flows(deal: Deal) -> Report:
    """Allocated money attributed to the home countries of the lead companies."""
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
            Column("origin", "Origin"),
            Column("country", "Lead's home"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("candidate_share_pct", "% of headline", "pct"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            Column("committed_share_pct", "% of headline", "pct"),
            Column("allocations", "Allocations", "int"),
        ],
    )
    origin = {key: origin_group(g.label, deal) for key, g in countries.items()}
    for key in sorted(countries, key=lambda k: (order.index(origin[k]), countries[k].label)):
        g = countries[key]
        cand, comm = g.amount("candidate"), g.amount("committed")
        t.add(origin[key], g.label, cand, share(cand, head), comm, share(comm, head), g.count)
    groups = Table(
        "origins",
        "Totals by origin",
        [
            Column("origin", "Origin"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("candidate_share_pct", "% of candidates", "pct"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            Column("committed_share_pct", "% of committed", "pct"),
        ],
    )
    tot = totals(deal)
    for name in order:
        members = [g for key, g in countries.items() if origin[key] == name]
        cand = sum((g.amount("candidate") for g in members), ZERO)
        comm = sum((g.amount("committed") for g in members), ZERO)
        groups.add(name, cand, share(cand, tot.candidates), comm, share(comm, tot.committed))
    sectors = Table(
        "sectors",
        "By sector and origin",
        [
            Column("sector", "Sector"),
            Column("origin", "Origin"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
        ],
    )
    for place in sorted(by_sector, key=lambda k: (k[0], order.index(k[1]))):
        cell = by_sector[place]
        sectors.add(cell.label, place[1], cell.amount("candidate"), cell.amount("committed"))
    t.notes.append("a project with several leads is split evenly among their home countries")
    t.notes.append("unattributed: allocations that name no lead company")
    return Report(f"{deal.title}: flows", [groups, t, sectors], _caption(deal))


# -- timeline, search, list -------------------------------------------------


def timeline(deals: list[Deal], since: date | None = None, until: date | None = None) -> Report:
    several = len(deals) > 1
    cols = [
        Column("date", "Date", "date"),
        Column("deal", "Deal"),
        Column("event", "Event"),
        SOURCES,
    ]
    t = Table("timeline", "Timeline", cols)
    events = []
    for deal in deals:
        n = deal.source_numbers()
        for e in deal.timeline:
            if (since and e.date < since) or (until and e.date > until):
                continue
            events.append((e.date, deal.id, e.title, sources_cell(e.sources, n)))
    for row in sorted(events, key=lambda r: (r[0], r[1])):
        t.add(*row)
    if several:
        t.notes.append("source numbers refer to each deal's own list (`deal sources DEAL`)")
    return Report("Timeline of " + ", ".join(d.id for d in deals), [t])


def search(deals: Iterable[Deal], text: str) -> Report:
    needle = text.casefold()
    t = Table(
        "matches",
        f"Matches for '{text}'",
        [
            Column("deal", "Deal"),
            Column("kind", "Kind"),
            Column("id", "Id"),
            Column("text", "Text"),
            SOURCES,
        ],
    )
    for deal in deals:
        numbers = deal.source_numbers()
        for kind, ident, value, ids in _searchable(deal):
            if needle in value.casefold():
                t.add(deal.id, kind, ident, value, sources_cell(ids, numbers))
    return Report(f"Search: {text}", [t])


def _searchable(deal: Deal) -> Iterable[tuple[str, str, str, tuple[str, ...]]]:
    yield "deal", deal.id, deal.title, deal.headline.sources
    for a in deal.allocations:
        yield "allocation", a.id, a.title, a.sources
        for c in a.companies:
            yield "company", a.id, f"{c.name} ({c.country}, {c.role})", a.sources
    for term in deal.terms:
        yield "term", term.id, f"{term.label}: {term.value}", term.sources
    for pledge in deal.commitments:
        detail = f" ({pledge.detail})" if pledge.detail else ""
        yield "commitment", pledge.id, pledge.title + detail, pledge.sources
    for e in deal.timeline:
        yield "event", e.date.isoformat(), e.title, e.sources


def listing(entries: Iterable[tuple[Summary, str]]) -> Report:
    t = Table(
        "deals",
        "Deals",
        [
            Column("id", "Id"),
            Column("title", "Title"),
            Column("investor", "Investor"),
            Column("host", "Host"),
            Column("headline_usd_bn", "Headline USD bn", "amount"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            Column("candidates_usd_bn", "Candidates USD bn", "amount"),
            Column("status", "Status"),
            Column("updated", "Updated", "date"),
            Column("origin", "From"),
        ],
    )
    for s, origin in entries:
        t.add(
            s.id,
            s.title,
            s.investor,
            s.host,
            s.headline,
            s.committed,
            s.candidates,
            s.status,
            s.updated,
            origin,
        )
    return Report("Deals", [t])
