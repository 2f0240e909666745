"""The sections of `deal returns` beside the summary, and the report that holds them."""

from __future__ import annotations

from decimal import Decimal

from ..core import returns as model
from ..core.table import Column, Report, Table, number
from .capacity import capacity_tables
from .common import caption, shown
from .returns import DEAL, DEFAULTS, OPTIONS, Given, Run, as_pct, sentences, summary_table, to_bn

SECTIONS = ("summary", "steady", "review", "capacity", "assumptions", "years", "chart")
DEFAULT_SECTIONS = ("summary", "steady", "review", "capacity", "assumptions")


def steady_table(runs: list[Run]) -> Table:
    t = Table(
        "steady",
        "A year once all is paid in and the investor is recouped",
        [
            DEAL,
            Column("cash_usd_bn", "Cash a year USD bn", "amount"),
            Column("loan_interest_usd_bn", "Loan interest USD bn", "amount", priority=2),
            Column("investor_usd_bn", "Investor USD bn", "amount", style="selected"),
            Column("host_usd_bn", "US USD bn", "amount"),
            Column("investor_pct", "Investor % of the year's cash", "pct", style="selected"),
        ],
    )
    for r in runs:
        s = model.steady(r.result.inputs)
        t.add(r.label, s.cash, s.loan_interest, s.investor, s.host, as_pct(s.investor_share))
        t.notes.append(
            f"{r.label}: of each year's {number(s.cash)}, {number(s.loan_interest)} is loan "
            f"interest paid first and the rest is split {number(100 * r.split.after)}% to "
            f"{r.split.deal.investor.name}: {shown(as_pct(s.investor_share)) or 'none'} in all"
        )
    return t


def review_table(runs: list[Run]) -> Table | None:
    """The review clause (Korea's 20-year test), for deals whose files give one."""
    with_clause = [r for r in runs if r.split.review_years]
    if not with_clause:
        return None
    t = Table(
        "review",
        "The split's review clause: recouped within its years?",
        [
            DEAL,
            Column("review_years", "Within years", "int"),
            Column("recouped_year", "Recouped in year", "int"),
            Column("clause", "The clause"),
        ],
    )
    for r in with_clause:
        years, got = r.split.review_years or 0, r.result.recouped_year
        met = got is not None and got <= years
        words = "not needed: recouped in time" if met else "would apply: not recouped in time"
        t.add(r.label, years, got, words)
    t.notes += [f"{r.label}: {r.split.review}" for r in with_clause if r.split.review]
    t.notes.append(
        "the adjusted split is not published: the model keeps the terms' split throughout"
    )
    return t


def years_table(runs: list[Run]) -> Table:
    t = Table(
        "years",
        "Year by year",
        [
            DEAL,
            Column("year", "Year", "int", main=True),
            Column("paid_in_usd_bn", "Paid in USD bn", "amount", priority=2),
            Column("cash_usd_bn", "Cash USD bn", "amount"),
            Column("loan_interest_usd_bn", "Loan interest USD bn", "amount", priority=3),
            Column("investor_usd_bn", "Investor USD bn", "amount", style="selected"),
            Column("host_usd_bn", "US USD bn", "amount"),
            Column("investor_total_usd_bn", "Investor so far", "amount", priority=2),
            Column("host_total_usd_bn", "US so far", "amount", priority=2),
            Column("outstanding_usd_bn", "Still due USD bn", "amount"),
            Column("recouped", "Recouped"),
        ],
    )
    for r in runs:
        for y in r.result.years:
            t.add(
                r.label,
                y.year,
                to_bn(y.paid_in),
                to_bn(y.cash),
                to_bn(y.loan_interest),
                to_bn(y.investor),
                to_bn(y.host),
                to_bn(y.investor_total),
                to_bn(y.host_total),
                to_bn(y.outstanding),
                "yes" if y.recouped else "no",
            )
    t.notes.append(
        "still due: the target reading's principal and deemed interest not yet received; the "
        "schedule reading's amounts due and not paid, carried forward"
    )
    return t


def chart_table(runs: list[Run]) -> Table:
    """Each side's cash so far, as a share of all the cash over the horizon."""
    several = len(runs) > 1
    t = Table(
        "chart",
        "Each side's cash so far, % of all the horizon's cash",
        [
            *([Column("deal", "Deal", group=True)] if several else []),
            Column("year", "Year", main=True),
            Column("side", "Side", main=True),
            Column("usd_bn", "USD bn so far", "amount"),
            Column("share_pct", "% of all cash", "pct", bar=True),
        ],
        legend={"selected": "the investor", "candidate": "the United States"},
    )
    for r in runs:
        n = len(r.result.years)
        step = 1 if n <= 12 else 5
        keep = {y for y in range(step, n + 1, step)} | {n, r.result.recouped_year or 0}
        for y in r.result.years:
            if y.year not in keep:
                continue
            mark = " (recouped)" if y.year == r.result.recouped_year else ""
            for side, amount, style in (
                (r.split.deal.investor.name, y.investor_total, "selected"),
                (r.split.deal.host.name, y.host_total, "candidate"),
            ):
                pct = as_pct(amount / r.result.cash) if r.result.cash else None
                group = [r.label] if several else []
                t.add(*group, f"year {y.year}{mark}", side, to_bn(amount), pct, style=style)  # type: ignore[arg-type]
    return t


def assumptions_table(runs: list[Run]) -> Table:
    given = runs[0].given
    t = Table(
        "assumptions",
        "Inputs",
        [Column("input", "Input", main=True), Column("value", "Value"), Column("note", "Note")],
    )
    for option, (name, why) in OPTIONS.items():
        value = getattr(given, name)
        default = getattr(DEFAULTS, name)
        text = number(value) if isinstance(value, Decimal) else str(value)
        text = "even" if name == "paid_in" and value is None else text
        note = f"default: {why}" if value == default else f"given (default {why})"
        t.add(option, text, note)
    for r in runs:
        s = r.split
        t.notes.append(
            f"{r.label}: USD {number(s.amount)} bn ({s.covers}); split "
            f"{number(100 * s.before)}/{number(100 - 100 * s.before)} until recouped, then "
            f"{number(100 * s.after)}/{number(100 - 100 * s.after)} "
            f"({s.deal.investor.name}/{s.deal.host.name}), from its terms; " + _paying(r)
        )
    if any(r.split.project is None for r in runs):
        t.notes.append(
            "the split is reported per project vehicle (docs/returns.md); without --project the "
            "covered amount is modelled as one pool, as if one vehicle held it all"
        )
    t.notes.append(
        "cash: the yield on all the money paid in so far; loans are paid interest before the "
        "split and their principal at the horizon's end; interest runs from each payment; "
        "no taxes, costs or losses (the MOUs are silent on them): docs/returns.md"
    )
    return t


def _paying(r: Run) -> str:
    pays = r.result.inputs.payments
    if len(pays) == 1:
        return "paid in at the start of year 1" + (f" ({r.split.start})" if r.split.start else "")
    even = len({p for p in pays}) == 1
    how = (
        f"{len(pays)} payments of USD {number(pays[0])} bn"
        if even
        else (f"{len(pays)} yearly payments (the last USD {number(pays[-1])} bn)")
    )
    cap = r.split.cap
    at_cap = f", at the cap of USD {number(cap)} bn" if cap is not None and pays[0] == cap else ""
    return f"{how}, from year 1{at_cap}"


def returns_report(
    runs: list[Run], sections: list[str] | None = None, option: str | None = None
) -> Report:
    """The sections asked for (by default all but the years and the chart)."""
    asked = list(dict.fromkeys(sections or DEFAULT_SECTIONS))
    tables: list[Table] = []
    for name in asked:
        if name == "summary":
            tables.append(summary_table(runs, option))
        elif name == "steady":
            tables.append(steady_table(runs))
        elif name == "review" and (found := review_table(runs)):
            tables.append(found)
        elif name == "capacity":
            tables += capacity_tables([r.split for r in runs])
        elif name == "assumptions":
            tables.append(assumptions_table(runs))
        elif name == "years":
            tables.append(years_table(runs))
        elif name == "chart":
            tables.append(chart_table(runs))
    deals = list(dict.fromkeys(r.split.deal.id for r in runs))
    first = runs[0].split.deal
    title = f"{first.title}: returns" if len(deals) == 1 else f"Returns: {' vs '.join(deals)}"
    updated = {r.split.deal.id: r.split.deal.updated for r in runs}
    cap = (
        caption(first)
        if len(deals) == 1
        else ", ".join(f"{k} updated {v}" for k, v in updated.items())
    )
    return Report(title, tables, cap, sectioned=True)


def chart_report(runs: list[Run]) -> Report:
    report = returns_report(runs, ["chart"])
    report.tables[0].notes += [s for r in runs for s in sentences(r)]
    report.chart = True
    return report


__all__ = ["SECTIONS", "Given", "chart_report", "returns_report"]
