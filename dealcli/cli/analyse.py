"""Commands that group, rank and compare: allocations, companies, compare, flows, chart."""

from typing import TYPE_CHECKING, Annotated, get_args

import typer

from ..core.model import ALLOCATION_STATUSES, Role
from ..core.table import Report
from ..views.allocations import GROUPINGS, SORTS
from ..views.chart import CHART_BY
from ..views.compare import PARTS
from .options import AsOf, DealArg, Session, choice, data_command, deals_arg

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
        "(what is left of the pledged amount) after the groups. Without it every row is a group, "
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
    as_of: AsOf = None,
) -> Report:
    """Where the money goes, grouped: amount, share of the pledged amount and of the total.

    Candidates and selected money are separate columns unless --status picks one.

    \b
    Example:
        deal allocations japan --by sector
        deal allocations japan --by company --top 5 -f csv > japan.csv
        deal allocations japan --as-of 2026-02-28
    """
    from .. import api

    whole = session.resolve(deal).deal
    return api.allocations(whole, by, status, sector, top, sort, totals, as_of)


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
    as_of: AsOf = None,
) -> Report:
    """Companies behind the projects: home country, role, deals, amount led.

    \b
    Example:
        deal companies japan --country JP
        deal companies --role lead -f csv
    """
    from .. import api

    return api.companies(session.deals(deals), country=country, role=role, as_of=as_of)


Sections = Annotated[
    list[Part] | None,
    typer.Option(
        "--section",
        "-s",
        help="Only this section (repeatable): " + ", ".join(PARTS) + ".",
        case_sensitive=False,
    ),
]


@data_command("compare", without=("sources",))
def compare(
    session: Session,
    deals: Annotated[list[str] | None, deals_arg("Two or more deals (or --all).")] = None,
    every: Annotated[bool, typer.Option("--all", help="Compare every deal loaded.")] = False,
    section: Sections = None,
    only: Annotated[
        list[Part] | None, typer.Option("--only", hidden=True, case_sensitive=False)
    ] = None,  # the former name of --section
    as_of: AsOf = None,
) -> Report:
    """Compare deals side by side: one row per deal, a section per theme.

    Sections: the pledges (pledged, basis, scope, binding), the money named so far,
    GDP shares, the horizon (period end, pledged a year, other readings), the tariff
    secured and whether it is in force on the report's date (--as-of, else today),
    tranches, terms, sectors, commitments.

    \b
    Example:
        deal compare japan korea
        deal compare --all -s pledges -s gdp
        deal compare japan korea -s terms -f csv
        deal compare --all --as-of 2026-01-31
    """
    import gc

    from .. import api
    from ..core.errors import UsageError
    from ..core.registry import paused_collector

    if every and deals:
        raise UsageError("give deals or --all, not both")
    chosen = (
        api.Deals(session.registry()) if every else [session.resolve(n).deal for n in deals or []]
    )
    with paused_collector():  # many small objects, none in a cycle
        report = api.compare(chosen, section=[*(section or []), *(only or [])], as_of=as_of)
    gc.freeze()  # nor walked again while the report is written
    return report


@data_command("flows", without=("sources",))
def flows(session: Session, deal: DealArg, totals: Totals = False, as_of: AsOf = None) -> Report:
    """Who leads the money: amounts by the home country of the lead companies.

    \b
    Example:
        deal flows japan
        deal flows japan --as-of 2026-02-28
    """
    from .. import api

    return api.flows(session.resolve(deal).deal, totals, as_of)


@data_command("chart", chart=True)
def chart(
    session: Session,
    deals: Annotated[
        list[str] | None, deals_arg("A deal, or with --compare two or more (or --all).")
    ] = None,
    by: Annotated[
        ChartBy | None,
        typer.Option(
            "--by",
            help="What the bars stand for [default: sector]; with --compare, sector gives "
            "the sectors side by side.",
            case_sensitive=False,
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option(
            "--compare",
            help="Two or more deals: pledged, selected and candidates on one scale "
            "(the largest pledged amount is the full bar).",
        ),
    ] = False,
    gdp: Annotated[
        bool,
        typer.Option(
            "--gdp",
            help="With --compare: the same money as shares of each "
            "investor's GDP (a full bar is the whole GDP).",
        ),
    ] = False,
    every: Annotated[
        bool, typer.Option("--all", help="Every deal loaded, compared (--compare is implied).")
    ] = False,
    as_of: AsOf = None,
) -> Report:
    """Bar chart of where the money goes, with the pledged and unselected amounts for scale.

    In a terminal the bars are drawn in colour to its width; into a pipe in plain
    characters. Other formats give the chart's numbers.

    \b
    Example:
        deal chart japan
        deal chart japan --by company
        deal chart --compare japan korea eu
        deal chart --compare --gdp japan korea eu
        deal chart --compare --all
        deal chart --compare --by sector japan korea
        deal chart japan --svg japan.svg
    """
    from .. import api
    from ..core.errors import UsageError

    if every and deals:
        raise UsageError("give deals or --all, not both")
    chosen = session.deals() if every else [session.resolve(n).deal for n in deals or []]
    return api.chart(chosen, by=by, compare=compare or every, gdp=gdp, as_of=as_of)
