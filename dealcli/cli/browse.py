"""Commands that read deals as they are: list, show, sources, search, timeline."""

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.table import Report
from ..views.show import SECTIONS
from .options import AsOf, DealArg, Session, choice, data_command, day_option, deals_arg

if TYPE_CHECKING:  # choices are Enums at run time, their text to the type checker
    Section = str
else:
    Section = choice("Section", SECTIONS)


@data_command("list")
def list_deals(session: Session, as_of: AsOf = None) -> Report:
    """List every deal: bundled, then DEAL_PATH folders, then --deals-dir.

    \b
    Example:
        deal list
        deal list -f json | python -m json.tool
        deal list --as-of 2026-01-31
    """
    from .. import api

    return api.list_deals(api.Deals(session.registry()), as_of)


@data_command("show")
def show(
    session: Session,
    deal: DealArg,
    section: Annotated[
        list[Section] | None,
        typer.Option(
            "--section",
            "-s",
            metavar="NAME",
            case_sensitive=False,
            help="Only this section (repeatable): " + ", ".join(SECTIONS) + ". csv/tsv/plain "
            "of several sections come in long form, with a first 'section' column.",
        ),
    ] = None,
    as_of: AsOf = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            metavar="CODE",
            help="Money at the amounts announced in this currency (JPY, KRW), never converted: "
            "a figure announced only in USD shows as — (empty in files). Sums by sector and "
            "company are left out.",
        ),
    ] = None,
) -> Report:
    """Show a whole deal: totals, sectors, companies, terms, commitments, timeline, sources.

    A figure that is not confirmed is marked († unconfirmed, § reported), one that other
    sources give differently too (‡); footnotes say what the marks mean, and csv/json carry
    `confidence` and `alternatives` as columns.

    \b
    Example:
        deal show japan
        deal show korea --section terms --section commitments
        deal show japan -f csv > japan.csv
        deal show japan --as-of 2026-02-28 -s totals
        deal show japan --currency JPY
    """
    from .. import api

    deals = api.Deals(session.registry())
    return api.show(session.resolve(deal).deal, section or [], as_of, currency, context=deals)


@data_command("sources")
def sources(
    session: Session,
    deals: Annotated[
        list[str] | None, deals_arg("A deal; with --check, deals (default: all).")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="List what an editor would query: items that rest only on aggregators, "
            "sources no item cites.",
        ),
    ] = False,
) -> Report:
    """The numbered sources of a deal (the numbers --sources shows), with the kind of each,
    where a copy was read, and how many items each backs.

    \b
    Example:
        deal sources japan -f csv
        deal sources --check
    """
    from .. import api
    from ..core.errors import UsageError

    if check:
        return api.check_sources(session.deals(deals))
    if not deals or len(deals) != 1:
        raise UsageError("sources takes one deal (or --check and any number)")
    return api.sources(session.resolve(deals[0]).deal)


@data_command("search")
def search(
    session: Session,
    text: Annotated[
        str, typer.Argument(help="Text to look for (case-insensitive).", metavar="TEXT")
    ],
) -> Report:
    """Search titles, companies, terms, commitments and events of every deal.

    \b
    Example:
        deal search hitachi
    """
    from ..views.search import search as view

    return view(session.registry().each_deal(), text)  # one deal at a time, none kept


@data_command("timeline")
def timeline(
    session: Session,
    deals: Annotated[list[str] | None, deals_arg("Deals to merge (default: all).")] = None,
    since: Annotated[date | None, day_option("--since", help="From this date.")] = None,
    until: Annotated[date | None, day_option("--until", help="Up to this date.")] = None,
    context: Annotated[
        bool,
        typer.Option(
            "--context",
            help="The context records alone (deals/context/*.yaml): the US-wide events "
            "that deals name, with status, authority and notes.",
        ),
    ] = False,
) -> Report:
    """Events of one or more deals, merged and sorted by date.

    The US-wide events of the context records that bear on a deal (tariff orders, court
    rulings) come with its own, marked (context); csv and json say so in `origin`.

    \b
    Example:
        deal timeline japan korea --since 2026-01-01
        deal timeline --context
    """
    from .. import api
    from ..api_context import context_timeline
    from ..core.errors import UsageError

    everything = api.Deals(session.registry())
    if context:
        if deals:
            raise UsageError("--context shows the records alone: name no deal with it")
        return context_timeline(since=since, until=until, context=everything)
    return api.timeline(session.deals(deals), since=since, until=until, context=everything)
