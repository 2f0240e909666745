"""Commands that group, rank and compare: allocations, companies, compare, flows, chart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, get_args

import typer

from ..model import ALLOCATION_STATUSES, Role
from ..table import Report
from ..views.allocations import GROUPINGS, SORTS
from ..views.chart import CHART_BY
from ..views.compare import PARTS
from .options import DealArg, Session, choice, data_command, deals_arg

if TYPE_CHECKING:  # choices are Enums at run time, their text to the type checker
    Grouping = str
    Status = str
    Sort = str
    RoleChoice = str
    Part = str
    ChartBy = str
else:
    Grouping = choice("Grouping", GROUPINGS)
    Status = choice("Status", ALLOCATION_STATUSES)
    Sort = choice("Sort", SORTS)
    RoleChoice = choice("Role", get_args(Role))
    Part = choice("Part", PARTS)
    ChartBy = choice("ChartBy", CHART_BY)

Totals = Annotated[
    bool,
    typer.Option(
        "--totals",
        help="Add a row column, and rows marked total (the column totals) and remainder "
        "(what is left of the headline) after the groups. Without it every row is a group, "
        "so a column sums to the deal's total.",
    ),
]


@data_command("allocations")
def allocations(
    session: Session,
    deal: DealArg,
    by: Annotated[
        Grouping, typer.Option("--by", help="What to group by.", case_sensitive=False)
    ] = "sector",
    status: Annotated[
        Status | None,
        typer.Option("--status", help="Only allocations of this status.", case_sensitive=False),
    ] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", help="Only this sector.", metavar="SECTOR")
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, help="Keep the N largest groups; fold the rest.", metavar="N"),
    ] = None,
    sort: Annotated[
        Sort, typer.Option("--sort", help="Order of the groups.", case_sensitive=False)
    ] = "amount",
    totals: Totals = False,
) -> Report:
    """Where the money goes, grouped: amount, share of the headline and of the total.

    Candidates and committed money are separate columns unless --status picks one.

    \b
    Example:
        deal allocations japan --by sector
        deal allocations japan --by company --top 5 -f csv > japan.csv
    """
    from ..views.allocations import allocations_by

    deal_ = session.resolve(deal).deal
    return allocations_by(deal_, by, status, sector, top, sort, remainders=totals, total=totals)


@data_command("companies")
def companies(
    session: Session,
    deals: Annotated[list[str] | None, deals_arg("Deals to include (default: all).")] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country", help="Only companies from this country (JP, US, ...).", metavar="CODE"
        ),
    ] = None,
    role: Annotated[
        RoleChoice | None, typer.Option("--role", help="Only this role.", case_sensitive=False)
    ] = None,
) -> Report:
    """Companies behind the projects: home country, role, deals, amount led.

    \b
    Example:
        deal companies japan --country JP
        deal companies --role lead -f csv
    """
    from ..views.companies import companies as view

    return view(session.deals(deals), country, role)


@data_command("compare")
def compare(
    session: Session,
    deals: Annotated[list[str], deals_arg("Two or more deals.")],
    only: Annotated[
        list[Part] | None,
        typer.Option("--only", help="Only these parts (repeatable).", case_sensitive=False),
    ] = None,
) -> Report:
    """Compare deals side by side: totals, GDP share, terms, sectors, commitments.

    \b
    Example:
        deal compare japan korea
        deal compare japan korea --only terms -f csv
    """
    from ..views.compare import compare as view

    return view(session.deals(deals), only)


@data_command("flows")
def flows(session: Session, deal: DealArg, totals: Totals = False) -> Report:
    """Who leads the money: amounts by the home country of the lead companies.

    \b
    Example:
        deal flows japan
    """
    from ..views.flows import flows as view

    return view(session.resolve(deal).deal, totals)


@data_command("chart")
def chart(
    session: Session,
    deals: Annotated[list[str], deals_arg("A deal, or with --compare two or more.")],
    by: Annotated[
        ChartBy, typer.Option("--by", help="What the bars stand for.", case_sensitive=False)
    ] = "sector",
    compare: Annotated[
        bool, typer.Option("--compare", help="Sectors of two or more deals side by side.")
    ] = False,
) -> Report:
    """Bar chart of where the money goes, with the headline and uncommitted for scale.

    In a terminal the bars are drawn in colour to its width; into a pipe in plain
    characters. Other formats give the chart's numbers.

    \b
    Example:
        deal chart japan
        deal chart japan --by company
        deal chart --compare japan korea
        deal chart japan --svg japan.svg
    """
    from ..errors import UsageError
    from ..views.chart import chart as view
    from ..views.chart import chart_compare

    if compare:
        return chart_compare(session.deals(deals))
    if len(deals) != 1:
        raise UsageError("chart takes one deal; use --compare for two or more")
    return view(session.resolve(deals[0]).deal, by)
