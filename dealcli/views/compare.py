"""`deal compare`: deals side by side, one row per deal, one column per measure.

Transposed on purpose: with deals as columns, eight deals need some 130 columns and a
terminal would have to drop deals; with deals as rows, any number of deals fits, and
at a narrow width it is measures (named in a footnote) that go, never a deal. Each
section keeps to a handful of measures so that it fits 80 columns. The parts with
open-ended rows (terms, sectors, commitments) come in long form: one row per item
and deal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from ..core.compared import Compared, compared
from ..core.errors import UsageError
from ..core.model import Deal
from ..core.table import Column, Report, Table
from ..core.totals import ZERO, share, state_on
from .common import LEGEND, labels
from .kinds import kinds_part

DEAL = Column("deal", "Deal", main=True)
NOT_KNOWN = (
    "a blank amount: the deal names no allocations, so nothing is known; "
    "0: its named allocations add up to nothing at that stage"
)


def yes_no(flag: bool | None) -> str | None:
    """A yes-or-no field as a word (None stays None: the file does not say)."""
    return None if flag is None else ("yes" if flag else "no")


def pledges_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "pledges",
        "The pledges: size, reach and force",
        [
            DEAL,
            Column("investor", "Investor"),
            Column("pledged_usd_bn", "Pledged USD bn", "amount", style="pledged"),
            Column("basis", "Basis", coded=True),
            Column("scope", "Scope", coded=True),
            Column("binding", "Binding", priority=2),
            Column("status", "Status", priority=2, coded=True),
        ],
    )
    for name, d in zip(names, deals, strict=True):
        t.add(name, d.investor, d.headline, d.basis, d.scope, yes_no(d.binding), d.status)
    if any(d.binding is None or d.scope is None for d in deals):
        t.notes.append("a blank scope or binding: the deal file does not say")
    return t


def horizon_part(deals: list[Compared], names: list[str], day: date) -> list[Table]:
    t = Table(
        "horizon",
        "Horizon: the period and the pledged amount a year",
        [
            DEAL,
            Column("from", "Period from", "date", priority=3),
            Column("to", "Period end", "date"),
            Column("years", "Years", "number"),
            Column("per_year_usd_bn", "Pledged a year USD bn", "amount"),
            Column("cap_usd_bn", "Annual cap USD bn", "amount", priority=2),
        ],
    )
    readings = Table(
        "readings",
        "Horizon: other readings",
        [DEAL, Column("other_reading", "Other reading")],
    )
    for name, d in zip(names, deals, strict=True):
        t.add(name, d.period_from, d.period_to, d.years, d.per_year, d.cap)
        if d.other_reading:
            readings.add(name, d.other_reading)
    t.notes.append(
        "pledged a year: the pledged amount over the period's days / 365.25 "
        "(blank: no period given)"
    )
    readings.notes.append(
        "the deal's horizon-other term, or its horizon term where it gives no period"
    )
    return [t, readings]


def gdp_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "gdp",
        "Against the investor's GDP",
        [
            DEAL,
            Column("gdp_usd_bn", "Investor GDP USD bn", "amount"),
            Column("gdp_year", "GDP year", "int", priority=3),
            Column("pledged_gdp_pct", "Pledged % of GDP", "pct"),
            Column("per_year_gdp_pct", "Pledged a year % of GDP", "pct"),
        ],
    )
    for name, d in zip(names, deals, strict=True):
        gdp = d.gdp
        t.add(name, gdp, d.gdp_year, share(d.headline, gdp), share(d.per_year_exact, gdp))
    for d in deals:
        if d.gdp is None:
            t.notes.append(f"{d.id} gives no investor GDP: its GDP share is blank")
    if len({d.gdp_year for d in deals if d.gdp_year}) > 1:
        t.notes.append("GDP figures are for different years; see each deal's sources")
    return t


def totals_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "totals",
        "Money named so far",
        [
            DEAL,
            Column("pledged_usd_bn", "Pledged USD bn", "amount", style="pledged"),
            Column("selected_usd_bn", "Selected USD bn", "amount", style="selected"),
            Column("selected_pct", "Selected % of pledged", "pct", style="selected"),
            Column("candidates_usd_bn", "Candidates USD bn", "amount", style="candidate"),
            Column("candidates_pct", "Candidates % of pledged", "pct", style="candidate"),
            Column("unselected_usd_bn", "Unselected USD bn", "amount", priority=2),
            Column("projects", "Projects", "int", priority=3),
            Column("companies", "Companies", "int", priority=3),
        ],
        legend=LEGEND,
    )
    for name, d in zip(names, deals, strict=True):
        # a blank amount where the deal names no allocations: nothing is known
        selected = d.selected if d.allocated else None
        candidates = d.candidates if d.allocated else None
        head = d.headline
        t.add(
            name,
            head,
            selected,
            share(selected, head),
            candidates,
            share(candidates, head),
            d.unselected if d.allocated else None,
            d.projects,
            d.companies,
        )
    if any(not d.allocated for d in deals):
        t.notes.append(NOT_KNOWN)
    return t


def tariff_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "tariff",
        f"Tariff secured: the tariff-rate term on {day.isoformat()}",
        [
            DEAL,
            Column("tariff_pct", "Tariff %", "pct"),
            Column("state", f"On {day.isoformat()}"),
            Column("from", "From", "date", priority=2),
            Column("to", "To", "date", priority=2),
            Column("authority", "Authority", priority=3),
        ],
    )
    for name, d in zip(names, deals, strict=True):
        rate = d.tariff
        if rate is None:
            t.add(name, None, "none", None, None, None)
            continue
        state = state_on(day, rate.from_, rate.to, rate.known_to)
        t.add(name, rate.pct, state, rate.from_, rate.to, rate.authority)
    t.notes.append(
        "lapsed: the rate was secured but no longer applies on that day (see each deal's "
        "terms for what replaced it); none: the deal has no tariff-rate term"
    )
    return t


def structure_part(deals: list[Compared], names: list[str], day: date) -> Table:
    kinds = sorted({k or "unspecified" for d in deals for k, _ in d.tranches})
    cols = [Column(f"{k}_usd_bn", f"{k.capitalize()} USD bn", "amount") for k in kinds]
    t = Table("structure", "Tranches by instrument", [DEAL, *cols])
    for name, d in zip(names, deals, strict=True):
        t.add(name, *(_tranche_sum(d, k) for k in kinds))
    t.notes.append("a blank cell: the deal names no tranche of that instrument")
    return t


def _tranche_sum(deal: Compared, instrument: str) -> Decimal | None:
    parts = [amount for k, amount in deal.tranches if (k or "unspecified") == instrument]
    return sum(parts, ZERO) if parts else None


def terms_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "terms",
        "Terms with a number, by term id",
        [
            Column("term", "Term", main=True),
            DEAL,
            Column("pct", "%", "pct"),
            Column("usd_bn", "USD bn", "amount"),
        ],
    )
    # by term id, in order of first appearance, then by deal (a deal's term ids are unique)
    rows: dict[str, list[tuple[str, Decimal | None, Decimal | None]]] = {}
    for name, d in zip(names, deals, strict=True):
        for tid, pct, usd_bn in d.terms:
            rows.setdefault(tid, []).append((name, pct, usd_bn))
    for tid, found_in in rows.items():
        for name, pct, usd_bn in found_in:
            t.add(tid, name, pct, usd_bn)
    t.notes.append("a deal missing under a term has no term with that id")
    return t


def sectors_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "sectors",
        "Sectors: selected and candidates, apart",
        [
            Column("sector", "Sector", main=True),
            DEAL,
            Column("selected_usd_bn", "Selected USD bn", "amount", style="selected"),
            Column("selected_pct", "% of pledged", "pct", style="selected"),
            Column("candidates_usd_bn", "Candidates USD bn", "amount", style="candidate"),
            Column("candidates_pct", "% of pledged", "pct", style="candidate"),
        ],
        legend={k: v for k, v in LEGEND.items() if k != "unselected"},
    )
    # The rows of totals.sector_matrix, read sparsely (a deal without money in a sector
    # costs nothing): by sector in name order, then by deal; a stage no deal has money in
    # for that sector is 0.
    sectors: dict[str, str] = {}
    some: set[tuple[str, str]] = set()
    found: dict[str, list[tuple[int, Decimal, Decimal]]] = {}
    for i, deal in enumerate(deals):
        for key, label, done, maybe in deal.sectors:
            sectors.setdefault(key, label)
            if done:
                some.add((key, "selected"))
            if maybe:
                some.add((key, "candidate"))
            found.setdefault(key, []).append((i, done, maybe))
    for key in sorted(sectors, key=lambda k: sectors[k].casefold()):
        done_any, maybe_any = (key, "selected") in some, (key, "candidate") in some
        if not (done_any or maybe_any):
            continue
        for i, got_done, got_maybe in found[key]:
            done = got_done if done_any else ZERO
            maybe = got_maybe if maybe_any else ZERO
            if not (done or maybe):
                continue
            head = deals[i].headline
            t.add(sectors[key], names[i], done, share(done, head), maybe, share(maybe, head))
    return t


def commitments_part(deals: list[Compared], names: list[str], day: date) -> Table:
    t = Table(
        "commitments",
        "Commitments by area",
        [
            Column("area", "Area", main=True),
            DEAL,
            Column("count", "Count", "int"),
            Column("usd_bn_stated", "USD bn stated", "amount"),
        ],
    )
    areas: dict[str, list[tuple[str, int, Decimal | None]]] = {}
    for name, d in zip(names, deals, strict=True):
        for area, count, stated in d.commitments:
            areas.setdefault(area, []).append((name, count, stated))
    for key in sorted(areas):
        for row in areas[key]:
            t.add(key, *row)
    t.notes.append(
        "USD bn stated: the amounts the commitments name, added as stated "
        "(yearly and multi-year figures mixed)"
    )
    return t


# The parts of a comparison, in the order they are shown: name -> builder (of one table,
# or of a table and its companion: horizon gives the readings too), from each deal's
# measures and its row label.
PARTS: dict[str, Callable[[list[Compared], list[str], date], Table | list[Table]]] = {
    "pledges": pledges_part,
    "totals": totals_part,
    "gdp": gdp_part,
    "horizon": horizon_part,
    "tariff": tariff_part,
    "structure": structure_part,
    "terms": terms_part,
    "sectors": sectors_part,
    "commitments": commitments_part,
    "kinds": kinds_part,
}


def compare(deals: list[Deal], only: list[str] | None = None, day: date | None = None) -> Report:
    """The parts named (all by default); `day` is the report's date, that terms are read
    in force or lapsed on (today by default)."""
    return compare_measures([compared(d) for d in deals], only, day)


def compare_measures(
    deals: list[Compared], only: list[str] | None = None, day: date | None = None
) -> Report:
    """`compare` from each deal's measures (`core.compared`: computed, or kept in the cache)."""
    if len(deals) < 2:
        raise UsageError("compare needs two or more deals")
    parts = only or list(PARTS)
    bad = [p for p in parts if p not in PARTS]
    if bad:
        raise UsageError(f"no section named {', '.join(bad)}; choose from {', '.join(PARTS)}")
    on = day or date.today()
    title = " vs ".join(d.id for d in deals) if len(deals) <= 3 else f"{len(deals)} deals"
    checked = ", ".join(f"{d.id} {d.updated}" for d in deals)
    names = labels(deals)
    tables: list[Table] = []
    for p in dict.fromkeys(parts):
        built = PARTS[p](deals, names, on)
        tables += built if isinstance(built, list) else [built]
    return Report(
        f"Compare: {title}",
        tables,
        f"data checked to: {checked}",
        sectioned=True,
    )
