"""`deal companies`: the companies behind the projects, their country, role and money."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from decimal import Decimal

from ..core.model import SELECTED_STATUSES, Deal
from ..core.record import Plain, plain
from ..core.table import SOURCES, Column, Report, Table, sources_cell
from ..core.totals import STAGES, UNATTRIBUTED, ZERO, counted, even_shares

STATUSES = [s for stage in STAGES.values() for s in stage]


@plain
class CompanyRow(Plain):
    """A company across deals: the projects it leads or joins and their amounts."""

    name: str
    country: str
    role: str
    deals: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    candidate: Decimal = ZERO
    selected: Decimal = ZERO
    unsized: int = 0  # allocations it leads that have no amount yet
    sources: tuple[str, ...] = ()

    def __init__(  # written out, not Plain's: a row per company of every deal
        self,
        name: str,
        country: str,
        role: str,
        deals: list[str] | None = None,
        projects: list[str] | None = None,
        candidate: Decimal = ZERO,
        selected: Decimal = ZERO,
        unsized: int = 0,
        sources: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.country = country
        self.role = role
        self.deals = [] if deals is None else deals
        self.projects = [] if projects is None else projects
        self.candidate = candidate
        self.selected = selected
        self.unsized = unsized
        self.sources = sources


def company_rows(deals: Iterable[Deal], as_totals: bool = False) -> list[CompanyRow]:
    """Each company of the deals; with `as_totals`, its money only from the allocations the
    deal's totals count (a project inside a counted envelope counts through the envelope)."""
    rows: dict[tuple[str, str, str], CompanyRow] = {}
    for deal in deals:
        counts = {a.id for s in STATUSES for a in counted(deal, s)} if as_totals else None
        for a in deal.allocations:
            for c in a.companies:
                key = (c.name.casefold(), c.country, c.role)
                row = rows.setdefault(key, CompanyRow(c.name, c.country, c.role))
                if deal.id not in row.deals:
                    row.deals.append(deal.id)
                row.projects.append(a.title)
                row.sources = tuple(dict.fromkeys((*row.sources, *a.sources)))
                if c.role != "lead" or (counts is not None and a.id not in counts):
                    continue
                if a.usd_bn is None:
                    row.unsized += 1
                    continue
                each = even_shares(a.usd_bn, len(a.leads))[a.leads.index(c)] or ZERO
                if a.status == "candidate":
                    row.candidate += each
                elif a.status in SELECTED_STATUSES:
                    row.selected += each
    return sorted(
        rows.values(), key=lambda r: (-r.selected, -r.candidate, r.name.casefold(), r.role)
    )


def unled(deal: Deal) -> list[CompanyRow]:
    """The money of counted allocations that name no lead, as one row (none if there is
    none): what the companies leave of the deal's totals."""
    row = CompanyRow(UNATTRIBUTED, "", "")
    for s in STATUSES:
        for a in counted(deal, s):
            if a.leads:
                continue
            row.projects.append(a.title)
            row.sources = tuple(dict.fromkeys((*row.sources, *a.sources)))
            if a.usd_bn is None:
                row.unsized += 1
            elif a.status == "candidate":
                row.candidate += a.usd_bn
            else:
                row.selected += a.usd_bn
    return [row] if row.projects else []


def companies(deals: list[Deal], country: str | None = None, role: str | None = None) -> Report:
    t = Table(
        "companies",
        "Companies",
        [
            Column("company", "Company"),
            Column("country", "Home", priority=2),
            Column("role", "Role", priority=2),
            Column("deals", "Deals"),
            Column("projects", "Projects", "int", priority=3),
            Column("project_titles", "Project titles", extra=True),
            Column("candidate_usd_bn", "Candidates led USD bn", "amount"),
            Column("selected_usd_bn", "Selected led USD bn", "amount"),
            Column("unsized", "Unsized led", "int"),
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
        t.add(
            r.name,
            r.country,
            r.role,
            ", ".join(r.deals),
            len(r.projects),
            "; ".join(r.projects),
            r.candidate,
            r.selected,
            r.unsized,
            sources_cell(r.sources, numbers),
        )
    t.notes.append(
        "amounts led: projects a company leads, split evenly among several leads; "
        "0 for a partner, which leads none"
    )
    t.notes.append("unsized led: projects it leads whose amount is not known, not in the amounts")
    t.notes.append(
        "a project inside an envelope counts with its own amount here, not in deal totals"
    )
    names = ", ".join(d.id for d in deals)
    return Report(f"Companies in {names}", [t])
